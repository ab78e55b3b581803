// Test fixtures: safetensors and GGUF files written from a list of tensor names and shapes, as the
// real converters lay them out. Data sections are left as holes (ftruncate), so a 100 GB checkpoint
// costs a few kilobytes of disk.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace llmg::testing {

struct FakeTensor {
  std::string name;
  std::string dtype;                // safetensors dtype ("BF16") or GGML type id as text for GGUF
  std::vector<std::int64_t> shape;  // PyTorch order
};

inline std::int64_t product(const std::vector<std::int64_t>& shape) {
  std::int64_t n = 1;
  for (std::int64_t d : shape) n *= d;
  return n;
}

// Hugging Face Llama layout (LlamaForCausalLM state dict), written independently of params.cpp.
struct LlamaShape {
  std::int64_t layers, hidden, intermediate, vocab, heads, kv_heads;
  bool tied = false;
};
inline std::vector<FakeTensor> llama_tensors(const LlamaShape& s, const std::string& dtype = "BF16") {
  const std::int64_t head_dim = s.hidden / s.heads;
  std::vector<FakeTensor> out{{"model.embed_tokens.weight", dtype, {s.vocab, s.hidden}}};
  for (std::int64_t i = 0; i < s.layers; ++i) {
    const std::string p = fmt::format("model.layers.{}.", i);
    out.push_back({p + "input_layernorm.weight", dtype, {s.hidden}});
    out.push_back({p + "self_attn.q_proj.weight", dtype, {s.heads * head_dim, s.hidden}});
    out.push_back({p + "self_attn.k_proj.weight", dtype, {s.kv_heads * head_dim, s.hidden}});
    out.push_back({p + "self_attn.v_proj.weight", dtype, {s.kv_heads * head_dim, s.hidden}});
    out.push_back({p + "self_attn.o_proj.weight", dtype, {s.hidden, s.heads * head_dim}});
    out.push_back({p + "post_attention_layernorm.weight", dtype, {s.hidden}});
    out.push_back({p + "mlp.gate_proj.weight", dtype, {s.intermediate, s.hidden}});
    out.push_back({p + "mlp.up_proj.weight", dtype, {s.intermediate, s.hidden}});
    out.push_back({p + "mlp.down_proj.weight", dtype, {s.hidden, s.intermediate}});
  }
  out.push_back({"model.norm.weight", dtype, {s.hidden}});
  if (!s.tied) out.push_back({"lm_head.weight", dtype, {s.vocab, s.hidden}});
  return out;
}

// Qwen3-MoE layout: per-head q/k norms, a router and one tensor per expert per projection.
struct MoeShape {
  std::int64_t layers, hidden, vocab, heads, kv_heads, head_dim, experts, expert_width;
};
inline std::vector<FakeTensor> qwen3_moe_tensors(const MoeShape& s, const std::string& dtype = "BF16") {
  std::vector<FakeTensor> out{{"model.embed_tokens.weight", dtype, {s.vocab, s.hidden}}};
  for (std::int64_t i = 0; i < s.layers; ++i) {
    const std::string p = fmt::format("model.layers.{}.", i);
    out.push_back({p + "input_layernorm.weight", dtype, {s.hidden}});
    out.push_back({p + "self_attn.q_proj.weight", dtype, {s.heads * s.head_dim, s.hidden}});
    out.push_back({p + "self_attn.k_proj.weight", dtype, {s.kv_heads * s.head_dim, s.hidden}});
    out.push_back({p + "self_attn.v_proj.weight", dtype, {s.kv_heads * s.head_dim, s.hidden}});
    out.push_back({p + "self_attn.o_proj.weight", dtype, {s.hidden, s.heads * s.head_dim}});
    out.push_back({p + "self_attn.q_norm.weight", dtype, {s.head_dim}});
    out.push_back({p + "self_attn.k_norm.weight", dtype, {s.head_dim}});
    out.push_back({p + "post_attention_layernorm.weight", dtype, {s.hidden}});
    out.push_back({p + "mlp.gate.weight", dtype, {s.experts, s.hidden}});
    for (std::int64_t e = 0; e < s.experts; ++e) {
      const std::string x = fmt::format("{}mlp.experts.{}.", p, e);
      out.push_back({x + "gate_proj.weight", dtype, {s.expert_width, s.hidden}});
      out.push_back({x + "up_proj.weight", dtype, {s.expert_width, s.hidden}});
      out.push_back({x + "down_proj.weight", dtype, {s.hidden, s.expert_width}});
    }
  }
  out.push_back({"model.norm.weight", dtype, {s.hidden}});
  out.push_back({"lm_head.weight", dtype, {s.vocab, s.hidden}});
  return out;
}

inline int safetensors_bits(const std::string& dtype) {
  if (dtype == "F32" || dtype == "I32" || dtype == "U32") return 32;
  if (dtype == "BF16" || dtype == "F16" || dtype == "I16") return 16;
  if (dtype == "F4") return 4;
  if (dtype == "F64" || dtype == "I64") return 64;
  return 8;
}

// The 8-byte length and the JSON header; *data_bytes receives the data section's size.
inline std::string safetensors_header(const std::vector<FakeTensor>& tensors, std::uint64_t* data_bytes,
                                      const nlohmann::json& metadata = nullptr) {
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  if (!metadata.is_null()) header["__metadata__"] = metadata;
  std::uint64_t offset = 0;
  for (const FakeTensor& t : tensors) {
    const std::uint64_t bytes = static_cast<std::uint64_t>(product(t.shape)) * safetensors_bits(t.dtype) / 8;
    header[t.name] = {{"dtype", t.dtype}, {"shape", t.shape}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
  }
  std::string json = header.dump();
  json.append((8 - json.size() % 8) % 8, ' ');  // the reference writer pads to 8 bytes with spaces
  std::string out(8, '\0');
  std::uint64_t length = json.size();
  std::memcpy(out.data(), &length, 8);
  if (data_bytes) *data_bytes = offset;
  return out + json;
}

// Header, then a hole up to the full size.
inline void write_sparse(const std::filesystem::path& path, const std::string& header, std::uint64_t total_size) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
  }
  std::filesystem::resize_file(path, total_size);
}

inline std::uint64_t write_safetensors(const std::filesystem::path& path, const std::vector<FakeTensor>& tensors) {
  std::uint64_t data = 0;
  const std::string header = safetensors_header(tensors, &data, {{"format", "pt"}});
  write_sparse(path, header, header.size() + data);
  return header.size();
}

// A sharded checkpoint: `shards` files and model.safetensors.index.json in `folder`.
inline void write_sharded(const std::filesystem::path& folder, const std::vector<FakeTensor>& tensors, int shards) {
  nlohmann::json index = {{"metadata", {{"total_size", 0}}}, {"weight_map", nlohmann::json::object()}};
  const std::size_t per = (tensors.size() + shards - 1) / shards;
  for (int s = 0; s < shards; ++s) {
    const std::string name = fmt::format("model-{:05d}-of-{:05d}.safetensors", s + 1, shards);
    std::vector<FakeTensor> part(tensors.begin() + std::min(tensors.size(), s * per),
                                 tensors.begin() + std::min(tensors.size(), (s + 1) * per));
    for (const FakeTensor& t : part) index["weight_map"][t.name] = name;
    write_safetensors(folder / name, part);
  }
  std::ofstream(folder / "model.safetensors.index.json") << index.dump(2);
}

// ---- GGUF ------------------------------------------------------------------------------------------

class GgufWriter {
 public:
  explicit GgufWriter(std::uint32_t version = 3) : version_(version) {}

  void u16(const std::string& key, std::uint16_t v) { kv(key, 2, &v, 2); }  // split.no / split.count
  void u32(const std::string& key, std::uint32_t v) { kv(key, 4, &v, 4); }
  void i32(const std::string& key, std::int32_t v) { kv(key, 5, &v, 4); }
  void f32(const std::string& key, float v) { kv(key, 6, &v, 4); }
  void u64(const std::string& key, std::uint64_t v) { kv(key, 10, &v, 8); }
  void boolean(const std::string& key, bool v) {
    std::uint8_t b = v;
    kv(key, 7, &b, 1);
  }
  void string(const std::string& key, const std::string& v) {
    begin_kv(key, 8);
    put_string(meta_, v);
  }
  void string_array(const std::string& key, std::uint64_t count, const std::function<std::string(std::uint64_t)>& item) {
    begin_kv(key, 9);
    put<std::uint32_t>(meta_, 8);
    put<std::uint64_t>(meta_, count);
    for (std::uint64_t i = 0; i < count; ++i) put_string(meta_, item(i));
  }
  void i32_array(const std::string& key, const std::vector<std::int32_t>& values) {
    begin_kv(key, 9);
    put<std::uint32_t>(meta_, 5);
    put<std::uint64_t>(meta_, values.size());
    for (std::int32_t v : values) put(meta_, v);
  }
  void bool_array(const std::string& key, const std::vector<bool>& values) {
    begin_kv(key, 9);
    put<std::uint32_t>(meta_, 7);
    put<std::uint64_t>(meta_, values.size());
    for (bool v : values) put<std::uint8_t>(meta_, v ? 1 : 0);
  }
  // dims in ggml order (dims[0] = row length); bytes = elements / block × block_bytes.
  void tensor(const std::string& name, std::vector<std::uint64_t> dims, std::uint32_t type, std::uint64_t bytes) {
    put_string(tensors_, name);
    put<std::uint32_t>(tensors_, static_cast<std::uint32_t>(dims.size()));
    for (std::uint64_t d : dims) put(tensors_, d);
    put(tensors_, type);
    put(tensors_, data_size_);
    data_size_ += (bytes + 31) / 32 * 32;
    ++n_tensors_;
  }

  std::string header() const {
    std::string out = "GGUF";
    put(out, version_);
    put(out, n_tensors_);
    put(out, n_kv_);
    out += meta_ + tensors_;
    out.append((32 - out.size() % 32) % 32, '\0');
    return out;
  }
  std::uint64_t data_size() const { return data_size_; }
  void write(const std::filesystem::path& path) const {
    const std::string h = header();
    write_sparse(path, h, h.size() + data_size_);
  }

 private:
  template <typename T>
  static void put(std::string& out, T v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  static void put_string(std::string& out, const std::string& s) {
    put<std::uint64_t>(out, s.size());
    out += s;
  }
  void begin_kv(const std::string& key, std::uint32_t type) {
    put_string(meta_, key);
    put(meta_, type);
    ++n_kv_;
  }
  void kv(const std::string& key, std::uint32_t type, const void* v, std::size_t n) {
    begin_kv(key, type);
    meta_.append(static_cast<const char*>(v), n);
  }

  std::uint32_t version_;
  std::uint64_t n_tensors_ = 0, n_kv_ = 0, data_size_ = 0;
  std::string meta_, tensors_;
};

// Llama 2 7B as llama.cpp's converter writes it: no rope.freq_base (the config has no rope_theta),
// Q4_K matrices, F32 norms, Q6_K output; the vocabulary as 32,000 token strings.
inline GgufWriter llama2_7b_gguf(int layers = 32) {
  constexpr std::uint32_t F32 = 0, Q4_K = 12, Q6_K = 14;
  auto bytes = [](std::uint64_t elements, std::uint32_t type) {
    return type == F32 ? elements * 4 : type == Q4_K ? elements / 256 * 144 : elements / 256 * 210;
  };
  GgufWriter w;
  w.string("general.architecture", "llama");
  w.string("general.name", "LLaMA v2");
  w.u32("llama.context_length", 4096);
  w.u32("llama.embedding_length", 4096);
  w.u32("llama.block_count", layers);
  w.u32("llama.feed_forward_length", 11008);
  w.u32("llama.rope.dimension_count", 128);
  w.u32("llama.attention.head_count", 32);
  w.u32("llama.attention.head_count_kv", 32);
  w.f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
  w.u32("general.file_type", 15);
  w.string("tokenizer.ggml.model", "llama");
  w.string_array("tokenizer.ggml.tokens", 32000, [](std::uint64_t i) { return fmt::format("<tok{}>", i); });
  w.tensor("token_embd.weight", {4096, 32000}, Q4_K, bytes(4096ull * 32000, Q4_K));
  for (int i = 0; i < layers; ++i) {
    const std::string p = fmt::format("blk.{}.", i);
    w.tensor(p + "attn_norm.weight", {4096}, F32, bytes(4096, F32));
    for (const char* m : {"attn_q", "attn_k", "attn_v", "attn_output"})
      w.tensor(p + m + ".weight", {4096, 4096}, Q4_K, bytes(4096ull * 4096, Q4_K));
    w.tensor(p + "ffn_gate.weight", {4096, 11008}, Q4_K, bytes(4096ull * 11008, Q4_K));
    w.tensor(p + "ffn_up.weight", {4096, 11008}, Q4_K, bytes(4096ull * 11008, Q4_K));
    w.tensor(p + "ffn_down.weight", {11008, 4096}, Q6_K, bytes(4096ull * 11008, Q6_K));
    w.tensor(p + "ffn_norm.weight", {4096}, F32, bytes(4096, F32));
  }
  w.tensor("output_norm.weight", {4096}, F32, bytes(4096, F32));
  w.tensor("output.weight", {4096, 32000}, Q6_K, bytes(4096ull * 32000, Q6_K));
  return w;
}

}  // namespace llmg::testing
