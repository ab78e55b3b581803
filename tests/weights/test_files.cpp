// Weight files: safetensors and GGUF headers on generated checkpoints (exact counts, per-dtype and
// per-component breakdowns, the cross-check against the config, GGUF -> Model), the corrupt-file
// matrix, and the I/O bound on sparse 100+ GB files.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/checkpoint.h"
#include "ingest/weights/gguf.h"
#include "ingest/weights/gguf_model.h"
#include "ingest/config/hf_config.h"
#include "ingest/weights/safetensors.h"
#include "ingest/weights/weights.h"
#include "render/text/rows.h"
#include "weights_writer.h"
#include "cli_run.h"

namespace llmg {
namespace {

using namespace llmg::testing;
namespace fs = std::filesystem;

constexpr std::int64_t kLlama2_7bParams = 6'738'415'616;  // Meta's published 6.74B, to the parameter
const LlamaShape kLlama2_7b{32, 4096, 11008, 32000, 32, 32};

fs::path scratch_root() { return fs::temp_directory_path() / fmt::format("llmg-files-{}", ::getpid()); }

// The generated checkpoints are sparse but their apparent sizes reach 138 GB: gone when the test ends.
struct RemoveScratchAtExit {
  ~RemoveScratchAtExit() {
    std::error_code ec;
    fs::remove_all(scratch_root(), ec);
  }
} remove_scratch_at_exit;

fs::path scratch(const std::string& name) {
  const fs::path dir = scratch_root() / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

Model llama2_config() {
  auto model = read_config_path(fs::path(LLMG_TEST_DATA) / "llama-2-7b" / "config.json");
  if (!model) throw std::runtime_error(model.error().message);
  return *model;
}

CheckpointReport report_of(const fs::path& path, const Model* model) {
  auto files = read_weight_files(path);
  if (!files) throw std::runtime_error(files.error().message);
  if (!*files) throw std::runtime_error("no weight files at " + path.string());
  const Checkpoint checkpoint = (*files)->gguf ? checkpoint_of(*(*files)->gguf) : checkpoint_of((*files)->safetensors);
  auto report = checkpoint_report(checkpoint, model);
  if (!report) throw std::runtime_error(report.error().message);
  return *report;
}

std::int64_t component_params(const CheckpointReport& r, Component c) {
  for (const ComponentShare& share : r.by_component)
    if (share.component == c) return share.params;
  return 0;
}

// ---- safetensors --------------------------------------------------------------------------------

TEST(Safetensors, Llama2_7bShardedCountsExactly) {
  const fs::path dir = scratch("llama2-st");
  write_sharded(dir, llama_tensors(kLlama2_7b), 3);
  const CheckpointReport r = report_of(dir, nullptr);
  EXPECT_EQ(r.params, kLlama2_7bParams);
  EXPECT_EQ(r.tensor_count, 2 + 32 * 9 + 1);
  EXPECT_EQ(r.files.size(), 3u);
  ASSERT_EQ(r.by_dtype.size(), 1u);
  EXPECT_EQ(r.by_dtype[0].dtype, "BF16");
  EXPECT_DOUBLE_EQ(r.bytes_per_param, 2.0);
  EXPECT_EQ(r.tensor_bytes, static_cast<std::uint64_t>(kLlama2_7bParams) * 2);
  EXPECT_EQ(component_params(r, Component::Embedding), 32000 * 4096);
  EXPECT_EQ(component_params(r, Component::LmHead), 32000 * 4096);
  EXPECT_EQ(component_params(r, Component::Attention), 32LL * 4 * 4096 * 4096);
  EXPECT_EQ(component_params(r, Component::FeedForward), 32LL * 3 * 4096 * 11008);
  EXPECT_EQ(component_params(r, Component::Norm), 65 * 4096);
  EXPECT_FALSE(r.cross_check.has_value());
}

TEST(Safetensors, CrossCheckAgainstConfigMatches) {
  const fs::path dir = scratch("llama2-st-config");
  write_sharded(dir, llama_tensors(kLlama2_7b), 2);
  fs::copy_file(fs::path(LLMG_TEST_DATA) / "llama-2-7b" / "config.json", dir / "config.json");
  auto files = read_weight_files(dir);
  ASSERT_TRUE(files && *files);
  EXPECT_EQ((*files)->config_path, dir / "config.json");
  const Model model = llama2_config();
  const CheckpointReport r = report_of(dir, &model);
  ASSERT_TRUE(r.cross_check.has_value());
  EXPECT_TRUE(r.cross_check->matches);
  EXPECT_EQ(r.cross_check->config_total, kLlama2_7bParams);
  EXPECT_EQ(r.cross_check->tensor_total, kLlama2_7bParams);
  for (const CrossCheckRow& row : r.cross_check->rows) EXPECT_EQ(row.config_params, row.tensor_params) << component_key(row.component);
}

TEST(Safetensors, MoeCheckpointCrossChecksPerExpertTensors) {
  // A small Qwen3-MoE: per-expert tensors in the file, one fused spec per projection in params.cpp.
  const MoeShape shape{4, 512, 1000, 8, 2, 64, 16, 128};
  const fs::path dir = scratch("moe");
  write_safetensors(dir / "model.safetensors", qwen3_moe_tensors(shape));
  std::ofstream(dir / "config.json") << R"({"model_type": "qwen3_moe", "hidden_size": 512, "num_hidden_layers": 4,
    "num_attention_heads": 8, "num_key_value_heads": 2, "head_dim": 64, "vocab_size": 1000,
    "max_position_embeddings": 4096, "intermediate_size": 1024, "moe_intermediate_size": 128,
    "num_experts": 16, "num_experts_per_tok": 4, "tie_word_embeddings": false})";
  auto model = read_config_path(dir / "config.json");
  ASSERT_TRUE(model) << model.error().message;
  const CheckpointReport r = report_of(dir, &*model);
  const std::int64_t experts = 4LL * 16 * 3 * 128 * 512;
  EXPECT_EQ(component_params(r, Component::RoutedExperts), experts);
  EXPECT_EQ(component_params(r, Component::Router), 4LL * 16 * 512);
  ASSERT_TRUE(r.cross_check);
  EXPECT_TRUE(r.cross_check->matches) << r.cross_check->tensor_total << " vs " << r.cross_check->config_total;
}

TEST(Safetensors, CrossCheckExplainsTiedHeadVisionMtpAndScales) {
  // Tied Llama with a vision tower, FP8 scales and one MTP block stored as model.layers.2.
  const LlamaShape shape{2, 256, 512, 1000, 4, 4, /*tied=*/true};
  auto tensors = llama_tensors(shape);
  tensors.push_back({"vision_tower.blocks.0.attn.qkv.weight", "BF16", {768, 256}});
  tensors.push_back({"model.layers.0.mlp.down_proj.weight_scale_inv", "F32", {2, 4}});
  tensors.push_back({"model.layers.2.eh_proj.weight", "BF16", {256, 512}});
  const fs::path dir = scratch("tied");
  write_safetensors(dir / "model.safetensors", tensors);
  auto model = read_config_text(R"({"model_type": "llama", "hidden_size": 256, "num_hidden_layers": 2,
    "num_attention_heads": 4, "vocab_size": 1000, "max_position_embeddings": 2048, "intermediate_size": 512,
    "tie_word_embeddings": true})", "config.json");
  ASSERT_TRUE(model);
  const CheckpointReport r = report_of(dir / "model.safetensors", &*model);
  EXPECT_EQ(component_params(r, Component::Vision), 768 * 256);
  EXPECT_EQ(component_params(r, Component::QuantScale), 8);
  EXPECT_EQ(component_params(r, Component::Mtp), 256 * 512);
  ASSERT_TRUE(r.cross_check);
  const CrossCheck& c = *r.cross_check;
  EXPECT_EQ(c.tensor_total, c.config_total);  // the language model agrees
  EXPECT_EQ(c.tensor_mtp, 256 * 512);
  EXPECT_FALSE(c.matches);  // the config declares no MTP layers
  const std::string notes = fmt::format("{}", fmt::join(c.notes, "\n"));
  EXPECT_NE(notes.find("tied LM head"), std::string::npos) << notes;
  EXPECT_NE(notes.find("vision"), std::string::npos) << notes;
  EXPECT_NE(notes.find("quantization scales"), std::string::npos) << notes;
  EXPECT_NE(notes.find("MTP layers stored in the checkpoint"), std::string::npos) << notes;
}

TEST(Safetensors, Mxfp4BlocksCountTwoWeightsPerByte) {
  std::vector<FakeTensor> tensors = {{"model.layers.0.mlp.experts.down_proj_blocks", "U8", {4, 64, 2, 16}},
                                     {"model.layers.0.mlp.experts.down_proj_scales", "U8", {4, 64, 2}}};
  const fs::path dir = scratch("mxfp4");
  write_safetensors(dir / "x.safetensors", tensors);
  const CheckpointReport r = report_of(dir / "x.safetensors", nullptr);
  EXPECT_EQ(component_params(r, Component::RoutedExperts), 4 * 64 * 2 * 16 * 2);
  EXPECT_EQ(component_params(r, Component::QuantScale), 4 * 64 * 2);
  ASSERT_FALSE(r.notes.empty());
}

TEST(Safetensors, TensorNamesMapToComponents) {
  const std::pair<const char*, Component> cases[] = {
      {"model.embed_tokens.weight", Component::Embedding},
      {"model.layers.0.self_attn.q_norm.weight", Component::Attention},
      {"model.layers.0.post_attention_layernorm.weight", Component::Norm},
      {"model.layers.3.mlp.experts.7.up_proj.weight", Component::RoutedExperts},
      {"model.layers.3.mlp.shared_experts.down_proj.weight", Component::FeedForward},
      {"model.layers.3.mlp.gate.weight", Component::Router},
      {"model.layers.3.mlp.gate_proj.weight", Component::FeedForward},
      {"lm_head.weight", Component::LmHead},
      {"model.visual.blocks.0.mlp.fc1.weight", Component::Vision},
      {"blk.0.attn_k_norm.weight", Component::Attention},
      {"blk.0.ffn_norm.weight", Component::Norm},
      {"blk.0.ffn_gate_exps.weight", Component::RoutedExperts},
      {"blk.0.ffn_gate_inp.weight", Component::Router},
      {"blk.0.ffn_up_shexp.weight", Component::FeedForward},
      {"output.weight", Component::LmHead},
      {"output_norm.weight", Component::Norm},
      {"token_embd.weight", Component::Embedding},
      {"h.0.ln_1.weight", Component::Norm},
  };
  for (const auto& [name, component] : cases) EXPECT_EQ(tensor_component(name), component) << name;
  EXPECT_EQ(tensor_component("model.layers.61.mlp.experts.0.up_proj.weight", 61), Component::Mtp);
  EXPECT_EQ(tensor_component("model.layers.60.mlp.experts.0.up_proj.weight", 61), Component::RoutedExperts);
}

// ---- GGUF ---------------------------------------------------------------------------------------

TEST(Gguf, TypeTableBitsPerWeight) {
  auto bits = [](std::string_view name) {
    for (const GgmlType& t : ggml_types())
      if (t.name == name) return static_cast<double>(t.block_bytes) * 8 / static_cast<double>(t.block_size);
    return -1.0;
  };
  EXPECT_DOUBLE_EQ(bits("F16"), 16);
  EXPECT_DOUBLE_EQ(bits("Q4_0"), 4.5);
  EXPECT_DOUBLE_EQ(bits("Q8_0"), 8.5);
  EXPECT_DOUBLE_EQ(bits("Q4_K"), 4.5);
  EXPECT_DOUBLE_EQ(bits("Q6_K"), 6.5625);
  EXPECT_DOUBLE_EQ(bits("Q2_K"), 2.625);
  EXPECT_DOUBLE_EQ(bits("IQ2_XXS"), 2.0625);
  EXPECT_DOUBLE_EQ(bits("IQ4_XS"), 4.25);
  EXPECT_DOUBLE_EQ(bits("TQ1_0"), 1.6875);
  EXPECT_DOUBLE_EQ(bits("MXFP4"), 4.25);
  EXPECT_EQ(find_ggml_type(4), nullptr);  // Q4_2: removed from the format
}

TEST(Gguf, Llama2_7bHeaderAndQuantization) {
  const fs::path dir = scratch("gguf");
  llama2_7b_gguf().write(dir / "llama-2-7b.Q4_K_M.gguf");
  auto file = read_gguf(dir / "llama-2-7b.Q4_K_M.gguf");
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(file->version, 3u);
  EXPECT_EQ(file->tensors.size(), 2u + 32 * 9 + 1);
  const GgufValue* tokens = file->find("tokenizer.ggml.tokens");
  ASSERT_TRUE(tokens);
  EXPECT_EQ(tokens->count, 32000u);
  EXPECT_TRUE(tokens->strings.size() == 32000u);
  const CheckpointReport r = report_of(dir / "llama-2-7b.Q4_K_M.gguf", nullptr);
  EXPECT_EQ(r.params, kLlama2_7bParams);
  ASSERT_EQ(r.by_dtype.size(), 3u);
  EXPECT_EQ(r.by_dtype[0].dtype, "Q4_K");
  EXPECT_DOUBLE_EQ(r.by_dtype[0].bits_per_weight, 4.5);
  EXPECT_EQ(r.by_dtype[1].dtype, "Q6_K");
  EXPECT_EQ(r.by_dtype[2].dtype, "F32");
  EXPECT_EQ(r.by_dtype[2].params, 65 * 4096);
  EXPECT_GT(r.bits_per_weight, 4.5);
  EXPECT_LT(r.bits_per_weight, 5.2);
}

TEST(Gguf, Llama2_7bGivesTheSameFactsAsItsConfig) {
  const fs::path dir = scratch("gguf-facts");
  llama2_7b_gguf().write(dir / "m.gguf");
  auto file = read_gguf(dir / "m.gguf");
  ASSERT_TRUE(file);
  auto from_gguf = model_from_gguf(*file);
  ASSERT_TRUE(from_gguf) << from_gguf.error().message;
  const Model config = llama2_config();
  // The architecture is the same Model, field by field (provenance and notes aside).
  Model a = config, b = *from_gguf;
  a.key_sources.clear();
  b.key_sources.clear();
  EXPECT_TRUE(a == b);
  const auto rows_config = fact_rows(view_of(config, "x", "x"));
  const auto rows_gguf = fact_rows(view_of(*from_gguf, "x", "x"));
  ASSERT_EQ(rows_config.size(), rows_gguf.size());
  for (std::size_t i = 0; i < rows_config.size(); ++i) {
    EXPECT_EQ(rows_config[i].key, rows_gguf[i].key);
    EXPECT_EQ(rows_config[i].text, rows_gguf[i].text) << rows_config[i].key;
  }
  EXPECT_EQ(from_gguf->key_sources.at("num_attention_heads"), "llama.attention.head_count");
  // Its own tensors agree with its metadata.
  const CheckpointReport r = report_of(dir / "m.gguf", &*from_gguf);
  ASSERT_TRUE(r.cross_check);
  EXPECT_TRUE(r.cross_check->matches);
}

TEST(Gguf, UnmappedArchitectureIsNamed) {
  GgufWriter w;
  w.string("general.architecture", "rwkv7");
  const std::string bytes = w.header();
  MemorySource source({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, "x.gguf");
  auto file = parse_gguf(source);
  ASSERT_TRUE(file) << file.error().message;
  auto model = model_from_gguf(*file);
  ASSERT_FALSE(model);
  EXPECT_NE(model.error().message.find("\"rwkv7\" has no mapping yet"), std::string::npos) << model.error().message;
}

TEST(Gguf, MissingMetadataNamesTheGgufKey) {
  GgufWriter w;
  w.string("general.architecture", "llama");
  w.u32("llama.embedding_length", 64);
  w.u32("llama.block_count", 2);
  w.u32("llama.context_length", 128);
  w.u32("llama.feed_forward_length", 128);
  w.u32("llama.vocab_size", 100);
  const std::string bytes = w.header();
  MemorySource source({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, "x.gguf");
  auto file = parse_gguf(source);
  ASSERT_TRUE(file);
  auto model = model_from_gguf(*file);
  ASSERT_FALSE(model);
  EXPECT_NE(model.error().message.find("key 'llama.attention.head_count' (config key num_attention_heads)"),
            std::string::npos)
      << model.error().message;
}

// ---- I/O bound on 100+ GB sparse files -----------------------------------------------------------

std::uint64_t rchar() {
  std::ifstream io("/proc/self/io");
  std::string key;
  std::uint64_t value = 0;
  while (io >> key >> value)
    if (key == "rchar:") return value;
  return 0;
}

TEST(HeaderOnly, SparseHundredGigabyteFilesCostTheHeaderOnly) {
  const fs::path dir = scratch("sparse");
  const LlamaShape llama2_70b{80, 8192, 28672, 32000, 64, 8};
  const std::uint64_t header = write_safetensors(dir / "big.safetensors", llama_tensors(llama2_70b));
  ASSERT_GT(fs::file_size(dir / "big.safetensors"), 100'000'000'000ull);
  GgufWriter gguf = llama2_7b_gguf();
  gguf.write(dir / "big.gguf");
  fs::resize_file(dir / "big.gguf", 100'000'000'000ull);  // a hole past the data

  std::uint64_t before = rchar();
  auto st = read_safetensors(dir / "big.safetensors");
  std::uint64_t cost = rchar() - before;
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_EQ(st->bytes_read, header);
  EXPECT_LE(cost, header + (64u << 10));

  before = rchar();
  auto gg = read_gguf(dir / "big.gguf");
  cost = rchar() - before;
  ASSERT_TRUE(gg) << gg.error().message;
  EXPECT_LE(gg->bytes_read, gg->header_bytes + (64u << 10));
  EXPECT_LE(cost, gg->header_bytes + (64u << 10));
}

// ---- the corrupt-file matrix ------------------------------------------------------------------------

std::string le64(std::uint64_t v) { return std::string(reinterpret_cast<const char*>(&v), 8); }
std::string le32(std::uint32_t v) { return std::string(reinterpret_cast<const char*>(&v), 4); }

std::string error_of_safetensors(const std::string& bytes) {
  MemorySource source({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, "bad.safetensors");
  auto file = parse_safetensors(source);
  return file ? std::string("(parsed)") : file.error().message;
}

std::string st_file(const std::string& json, std::uint64_t data_bytes = 0) {
  return le64(json.size()) + json + std::string(data_bytes, '\0');
}

TEST(CorruptSafetensors, EachCaseNamesFileOffsetAndExpectation) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "offset 0: truncated: expected an 8-byte header length, the file has 0 bytes"},
      {std::string("\x10\x00\x00", 3), "offset 0: truncated"},
      {le64(1000) + "{}", "offset 0: header length 1000 runs past the end of the file (10 bytes)"},
      {le64(200'000'000) + "{}", "exceeds the 100000000-byte limit"},
      {st_file("[1,2]"), "offset 8: expected '{' opening the JSON header"},
      {st_file("{\"a\": "), "offset 14: invalid JSON header"},
      {st_file("{\"\xff\xfe\": 1}"), "invalid JSON header"},
      {st_file(R"({"w": {"dtype": "Q9", "shape": [2], "data_offsets": [0, 2]}})", 2), "unknown dtype \"Q9\""},
      {st_file(R"({"w": {"dtype": "F32", "shape": [-2], "data_offsets": [0, 8]}})", 8), "expected non-negative integers"},
      {st_file(R"({"w": {"dtype": "F32", "shape": [4294967296, 4294967296], "data_offsets": [0, 8]}})", 8),
       "overflows a 64-bit element count"},
      {st_file(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 80]}})", 8),
       "end 80 is beyond the data section (8 bytes after the header)"},
      {st_file(R"({"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}})", 8), "8 bytes for 3 elements of F32, expected 12"},
      {st_file(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [8, 0]}})", 8), "begin 8 is after end 0"},
      {st_file(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0]}})", 8), "expected [begin, end]"},
      {st_file(R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}})", 8),
       "overlaps tensor"},
      {st_file(R"({"__metadata__": {"k": 3}})"), "'__metadata__.k': expected a string value"},
  };
  for (const auto& [bytes, expected] : cases) {
    const std::string message = error_of_safetensors(bytes);
    EXPECT_NE(message.find(expected), std::string::npos) << "expected: " << expected << "\n     got: " << message;
    EXPECT_EQ(message.rfind("bad.safetensors: offset ", 0), 0u) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);
  }
}

std::string error_of_gguf(const std::string& bytes) {
  MemorySource source({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, "bad.gguf");
  auto file = parse_gguf(source);
  return file ? std::string("(parsed)") : file.error().message;
}

std::string gstr(const std::string& s) { return le64(s.size()) + s; }
std::string gguf_head(std::uint64_t tensors, std::uint64_t keys, std::uint32_t version = 3) {
  return "GGUF" + le32(version) + le64(tensors) + le64(keys);
}
// A valid 1-D F32 tensor info of n elements at offset 0.
std::string tensor_info(const std::string& name, std::uint64_t n, std::uint32_t type = 0, std::uint64_t offset = 0) {
  return gstr(name) + le32(1) + le64(n) + le32(type) + le64(offset);
}

TEST(CorruptGguf, EachCaseNamesFileOffsetAndExpectation) {
  const std::string pad(64, '\0');
  const std::pair<std::string, std::string> cases[] = {
      {"", "offset 0: truncated: expected the 4-byte magic 'GGUF'"},
      {"GGML" + pad, "offset 0: expected the magic 'GGUF'"},
      {gguf_head(0, 0, 1) + pad, "offset 4: version 1, expected 2 or 3"},
      {gguf_head(0, 0, 0x03000000) + pad, "a big-endian GGUF"},
      {"GGUF" + le32(3) + le64(0), "offset 16: truncated: expected the 8-byte key/value count"},
      {gguf_head(1ull << 40, 0) + pad, "offset 8: tensor count 1099511627776 is absurd"},
      {gguf_head(0, 1ull << 40) + pad, "offset 16: key/value count 1099511627776 is absurd"},
      {gguf_head(0, 1) + gstr("general.name") + le32(8) + le64(1000) + "abc",
       "offset 48: the string value of key 'general.name' of 1000 bytes runs past the end of the file"},
      {gguf_head(0, 1) + gstr("general.n\xc3") + le32(4) + le32(1), "offset 41: the name of key 0: expected UTF-8"},
      {gguf_head(0, 1) + gstr("general.name") + le32(13) + le32(1), "offset 44: key 'general.name': unknown value type 13"},
      {gguf_head(0, 1) + gstr("a") + le32(9) + le32(9) + le64(1) + pad, "key 'a': nested arrays are not supported"},
      {gguf_head(0, 1) + gstr("a") + le32(9) + le32(5) + le64(1ull << 40) + pad, "array of 1099511627776 i32 elements cannot fit"},
      {gguf_head(0, 1) + gstr("a") + le32(7) + std::string("\x02", 1), "key 'a': expected a bool (0 or 1), got 2"},
      {gguf_head(0, 2) + gstr("a") + le32(4) + le32(1) + gstr("a") + le32(4) + le32(1), "offset 41: duplicate key 'a'"},
      {gguf_head(0, 1) + gstr("a") + le32(4) + "\x01\x00", "offset 37: truncated: expected a u32 value for key 'a'"},
      {gguf_head(1, 0) + gstr("w") + le32(5) + pad, "tensor 'w': 5 dimensions, expected 1 to 4"},
      {gguf_head(1, 0) + tensor_info("w", 32, 77) + pad, "tensor 'w': unknown GGML type 77"},
      {gguf_head(1, 0) + tensor_info("w", 33, 2) + pad, "row of 33 is not a multiple of the Q4_0 block size 32"},
      {gguf_head(1, 0) + gstr("w") + le32(2) + le64(1ull << 40) + le64(1ull << 40) + le32(0) + le64(0) + pad,
       "tensor 'w': dimensions overflow a 64-bit element count"},
      {gguf_head(1, 0) + tensor_info("w", 8, 0, 0), "tensor 'w': data at 0..32 runs past the end of the data section"},
      {gguf_head(1, 0) + tensor_info("w", 1, 0, 3) + pad + pad, "data offset 3 is not a multiple of the alignment 32"},
      {gguf_head(2, 0) + tensor_info("w", 1) + tensor_info("w", 1) + pad + pad, "duplicate tensor 'w'"},
      {gguf_head(0, 1) + gstr("general.alignment") + le32(4) + le32(24) + pad, "key 'general.alignment': expected a power of two"},
  };
  for (const auto& [bytes, expected] : cases) {
    const std::string message = error_of_gguf(bytes);
    EXPECT_NE(message.find(expected), std::string::npos) << "expected: " << expected << "\n     got: " << message;
    EXPECT_EQ(message.rfind("bad.gguf: offset ", 0), 0u) << message;
  }
  // The matrix's valid neighbour parses: the checks above are not refusing everything.
  EXPECT_EQ(error_of_gguf(gguf_head(1, 0) + tensor_info("w", 8) + pad + pad + pad), "(parsed)");
}

// ---- the CLI ----------------------------------------------------------------------------------------

using llmg::testing::CliRun;
using llmg::testing::run_cli;

TEST(InspectCli, ShardedSafetensorsWithConfigJson) {
  const fs::path dir = scratch("cli-st");
  write_sharded(dir, llama_tensors(kLlama2_7b), 2);
  fs::copy_file(fs::path(LLMG_TEST_DATA) / "llama-2-7b" / "config.json", dir / "config.json");
  const CliRun run = run_cli("inspect --json " + dir.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["params"]["total"], kLlama2_7bParams);
  EXPECT_EQ(doc["files"]["format"], "safetensors");
  EXPECT_EQ(doc["files"]["params"], kLlama2_7bParams);
  EXPECT_EQ(doc["files"]["by_dtype"][0]["dtype"], "BF16");
  EXPECT_EQ(doc["files"]["by_component"]["lm_head"]["params"], 32000 * 4096);
  EXPECT_EQ(doc["files"]["cross_check"]["matches"], true);
  const CliRun text = run_cli("inspect " + (dir / "model.safetensors.index.json").string());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("6,738,415,616"), std::string::npos);
  EXPECT_NE(text.out.find("Cross-check vs config.json: matches"), std::string::npos) << text.out;
}

TEST(InspectCli, GgufGetsFactsAndDiffsLikeItsConfig) {
  const fs::path dir = scratch("cli-gguf");
  llama2_7b_gguf().write(dir / "llama-2-7b.gguf");
  const CliRun run = run_cli("inspect --json " + (dir / "llama-2-7b.gguf").string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["known"], true);
  EXPECT_EQ(doc["params"]["total"], kLlama2_7bParams);
  EXPECT_EQ(doc["files"]["format"], "gguf");
  EXPECT_EQ(doc["files"]["by_dtype"][0]["dtype"], "Q4_K");
  const CliRun diff = run_cli("diff --json " + (dir / "llama-2-7b.gguf").string() + " " +
                              (fs::path(LLMG_TEST_DATA) / "llama-2-7b").string());
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  const auto rows = nlohmann::json::parse(diff.out)["rows"];  // kept alive: the loop reads into it
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) EXPECT_FALSE(row["differs"].get<bool>()) << row.dump();
}

// Every verb resolves a model the same way (cli/resolve.h): `diagram` takes a .gguf as show, diff and memory
// do (before the one resolve it failed with "invalid JSON"), and draws exactly the diagram of the model's
// config.json. Both sit in a folder named llama-2-7b, so both diagrams carry the same name.
TEST(InspectCli, DiagramOfAGgufIsTheDiagramOfItsConfig) {
  const fs::path dir = scratch("cli-gguf-diagram") / "llama-2-7b";
  fs::create_directories(dir);
  llama2_7b_gguf().write(dir / "llama-2-7b.gguf");
  const CliRun from_gguf = run_cli("diagram " + (dir / "llama-2-7b.gguf").string());
  ASSERT_EQ(from_gguf.exit_code, 0) << from_gguf.err;
  const CliRun from_config = run_cli("diagram " + (fs::path(LLMG_TEST_DATA) / "llama-2-7b").string());
  ASSERT_EQ(from_config.exit_code, 0) << from_config.err;
  EXPECT_NE(from_gguf.out.find("<title>Architecture of llama-2-7b</title>"), std::string::npos);
  EXPECT_EQ(from_gguf.out, from_config.out);
}

TEST(InspectCli, SafetensorsWithoutConfigStillReportsTensors) {
  const fs::path dir = scratch("cli-noconfig");
  write_safetensors(dir / "model.safetensors", llama_tensors({2, 256, 512, 1000, 4, 4}));
  const CliRun run = run_cli("inspect --json " + dir.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["known"], false);
  EXPECT_EQ(doc["files"]["params"], 2 * 1000 * 256 + 2 * (4 * 256 * 256 + 3 * 256 * 512 + 2 * 256) + 256);
  EXPECT_TRUE(doc["files"]["cross_check"].is_null());
}

TEST(InspectCli, CorruptFilesExitTwoWithOneLine) {
  const fs::path dir = scratch("cli-corrupt");
  std::ofstream(dir / "bad.safetensors") << le64(1u << 20) << "{}";
  std::ofstream(dir / "bad.gguf") << "GGUF" << le32(7);
  for (const char* name : {"bad.safetensors", "bad.gguf"}) {
    const CliRun run = run_cli("inspect " + (dir / name).string());
    EXPECT_EQ(run.exit_code, 2) << name;
    EXPECT_TRUE(run.out.empty());
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_NE(run.err.find(name), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("offset"), std::string::npos) << run.err;
  }
}

}  // namespace
}  // namespace llmg
