// Writes the generated checkpoints the tests and bench/files.sh use (sparse: data sections are holes).
//   llmg_make_weights llama2-7b-safetensors DIR   sharded Llama 2 7B (2 shards + index) and its config.json
//   llmg_make_weights llama2-7b-gguf FILE         Llama 2 7B, Q4_K/Q6_K, as llama.cpp's converter lays it out
//   llmg_make_weights llama2-70b-safetensors FILE one 138 GB file (BF16)
//   llmg_make_weights llama2-70b-gguf FILE        one 138 GB file (F16)
#include <filesystem>
#include <fstream>
#include <iostream>

#include "weights_writer.h"

using namespace llmg::testing;

// llama.cpp's tensor names for the Hugging Face Llama names (convert_hf_to_gguf's tensor map).
std::string gguf_name(std::string name) {
  const std::pair<const char*, const char*> renames[] = {
      {"model.embed_tokens.", "token_embd."}, {"model.norm.", "output_norm."}, {"lm_head.", "output."},
      {"model.layers.", "blk."}, {"self_attn.q_proj", "attn_q"}, {"self_attn.k_proj", "attn_k"},
      {"self_attn.v_proj", "attn_v"}, {"self_attn.o_proj", "attn_output"}, {"input_layernorm", "attn_norm"},
      {"post_attention_layernorm", "ffn_norm"}, {"mlp.gate_proj", "ffn_gate"}, {"mlp.up_proj", "ffn_up"},
      {"mlp.down_proj", "ffn_down"}};
  for (const auto& [from, to] : renames)
    if (auto at = name.find(from); at != std::string::npos) name.replace(at, std::string(from).size(), to);
  return name;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: llmg_make_weights KIND OUT\n";
    return 2;
  }
  const std::string kind = argv[1];
  const std::filesystem::path out = argv[2];
  const LlamaShape llama2_7b{32, 4096, 11008, 32000, 32, 32};
  const LlamaShape llama2_70b{80, 8192, 28672, 32000, 64, 8};
  if (kind == "llama2-7b-safetensors") {
    std::filesystem::create_directories(out);
    write_sharded(out, llama_tensors(llama2_7b), 2);
    std::filesystem::copy_file(LLMG_TEST_DATA "/llama-2-7b/config.json", out / "config.json",
                               std::filesystem::copy_options::overwrite_existing);
  } else if (kind == "llama2-7b-gguf") {
    llama2_7b_gguf().write(out);
  } else if (kind == "llama2-70b-safetensors") {
    write_safetensors(out, llama_tensors(llama2_70b));
  } else if (kind == "llama2-70b-gguf") {
    // F16 throughout; head_count_kv as a per-layer array, as newer converters may write it.
    GgufWriter w;
    w.string("general.architecture", "llama");
    w.u32("llama.context_length", 4096);
    w.u32("llama.embedding_length", 8192);
    w.u32("llama.block_count", 80);
    w.u32("llama.feed_forward_length", 28672);
    w.u32("llama.attention.head_count", 64);
    w.i32_array("llama.attention.head_count_kv", std::vector<std::int32_t>(80, 8));
    w.f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
    w.string_array("tokenizer.ggml.tokens", 32000, [](std::uint64_t i) { return fmt::format("<tok{}>", i); });
    for (const FakeTensor& t : llama_tensors(llama2_70b)) {
      std::vector<std::uint64_t> dims(t.shape.rbegin(), t.shape.rend());
      w.tensor(gguf_name(t.name), dims, 1, static_cast<std::uint64_t>(product(t.shape)) * 2);
    }
    w.write(out);
  } else {
    std::cerr << "llmg_make_weights: unknown kind " << kind << "\n";
    return 2;
  }
  return 0;
}
