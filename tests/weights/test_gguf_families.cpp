// Issue 12, set A: every GGUF architecture mapped for a set-A family gives the same layers, layer mix,
// parameter total and KV bytes per token as the family's config (tests/data/families/<type>.json).
// Each GGUF is header-only (tests/support/weights_writer.h), its metadata written as llama.cpp's
// convert_hf_to_gguf.py writes it for that config: {arch}.context_length, embedding_length, block_count,
// feed_forward_length, attention.head_count(_kv), attention.key_length / value_length (Gemma),
// rope.dimension_count (partial rotary), expert_count / expert_used_count, attention.sliding_window,
// the norm epsilon; an output.weight tensor when the LM head is untied and a blk.0.attn_q.bias tensor when
// q/k/v carry a bias (GGUF has no keys for either).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>

#include "analysis/facts.h"
#include "ingest/config/hf_config.h"
#include "ingest/weights/gguf.h"
#include "ingest/weights/gguf_model.h"
#include "weights_writer.h"

namespace llmg {
namespace {

using namespace llmg::testing;
namespace fs = std::filesystem;

struct GgufFamilyCase {
  std::string arch;        // general.architecture
  std::string config;      // tests/data/families/<config>
  std::int64_t context, hidden, layers, ffn, heads, kv_heads;
  std::int64_t vocab;
  std::int64_t key_length = 0;  // 0: not written
  std::int64_t rope_dims = 0;   // 0: not written (every dimension rotated)
  std::int64_t experts = 0, experts_used = 0;
  std::int64_t window = 0;
  bool layer_norm = false;  // attention.layer_norm_epsilon, else layer_norm_rms_epsilon
  bool untied = false;      // output.weight present
  bool q_bias = false;      // blk.0.attn_q.bias present
  std::optional<bool> parallel_residual = std::nullopt;  // gptneox.use_parallel_residual
  std::string model_type = {};  // the model_type the GGUF reads as, when not the config's
};

std::string name_of(const GgufFamilyCase& c) {
  std::string out = c.arch;
  for (char& ch : out)
    if (ch == '-') ch = '_';
  return out;
}

fs::path scratch_dir() {
  const fs::path dir = fs::temp_directory_path() / fmt::format("llmg-gguf-families-{}", ::getpid());
  fs::create_directories(dir);
  return dir;
}

GgufWriter gguf_of(const GgufFamilyCase& c) {
  constexpr std::uint32_t F32 = 0;
  GgufWriter w;
  const std::string& a = c.arch;
  w.string("general.architecture", a);
  w.u32(a + ".context_length", static_cast<std::uint32_t>(c.context));
  w.u32(a + ".embedding_length", static_cast<std::uint32_t>(c.hidden));
  w.u32(a + ".block_count", static_cast<std::uint32_t>(c.layers));
  w.u32(a + ".feed_forward_length", static_cast<std::uint32_t>(c.ffn));
  w.u32(a + ".attention.head_count", static_cast<std::uint32_t>(c.heads));
  w.u32(a + ".attention.head_count_kv", static_cast<std::uint32_t>(c.kv_heads));
  if (c.key_length > 0) {
    w.u32(a + ".attention.key_length", static_cast<std::uint32_t>(c.key_length));
    w.u32(a + ".attention.value_length", static_cast<std::uint32_t>(c.key_length));
  }
  if (c.rope_dims > 0) w.u32(a + ".rope.dimension_count", static_cast<std::uint32_t>(c.rope_dims));
  if (c.experts > 0) {
    w.u32(a + ".expert_count", static_cast<std::uint32_t>(c.experts));
    w.u32(a + ".expert_used_count", static_cast<std::uint32_t>(c.experts_used));
  }
  if (c.window > 0) w.u32(a + ".attention.sliding_window", static_cast<std::uint32_t>(c.window));
  w.f32(a + (c.layer_norm ? ".attention.layer_norm_epsilon" : ".attention.layer_norm_rms_epsilon"), 1e-5f);
  if (c.parallel_residual) w.boolean(a + ".use_parallel_residual", *c.parallel_residual);
  w.u32(a + ".vocab_size", static_cast<std::uint32_t>(c.vocab));
  const auto h = static_cast<std::uint64_t>(c.hidden), v = static_cast<std::uint64_t>(c.vocab);
  w.tensor("token_embd.weight", {h, v}, F32, h * v * 4);
  if (c.q_bias) w.tensor("blk.0.attn_q.bias", {h}, F32, h * 4);
  if (c.untied) w.tensor("output.weight", {h, v}, F32, h * v * 4);
  return w;
}

std::string mix_of(const Facts& facts) {
  std::string out;
  for (const auto& k : facts.layer_mix) out += (out.empty() ? "" : ", ") + k.kind + ":" + std::to_string(k.count);
  return out;
}

class GgufFamilies : public ::testing::TestWithParam<GgufFamilyCase> {};

TEST_P(GgufFamilies, GiveTheSameFactsAsTheConfig) {
  const GgufFamilyCase& c = GetParam();
  auto config = read_config_path(fs::path(LLMG_TEST_DATA) / "families" / c.config);
  ASSERT_TRUE(config) << config.error().message;
  const fs::path path = scratch_dir() / (name_of(c) + ".gguf");
  gguf_of(c).write(path);
  auto file = read_gguf(path);
  ASSERT_TRUE(file) << file.error().message;
  auto from_gguf = model_from_gguf(*file);
  fs::remove(path);
  ASSERT_TRUE(from_gguf) << from_gguf.error().message;
  EXPECT_EQ(from_gguf->model_type, c.model_type.empty() ? config->model_type : c.model_type);
  const Facts a = compute_facts(*config), b = compute_facts(*from_gguf);
  EXPECT_EQ(b.layers, a.layers);
  EXPECT_EQ(mix_of(b), mix_of(a));
  EXPECT_EQ(b.params.total, a.params.total);
  EXPECT_EQ(b.params.active, a.params.active);
  EXPECT_EQ(b.kv_cache.bytes_per_token_bf16, a.kv_cache.bytes_per_token_bf16);
  EXPECT_EQ(from_gguf->norm_kind, config->norm_kind);
  EXPECT_EQ(from_gguf->norm_placement, config->norm_placement);
  EXPECT_EQ(from_gguf->positions, config->positions);
}

// Values from each config (tests/data/families/*.json); head counts as llama.cpp's converter writes them.
const GgufFamilyCase kGgufCases[] = {
    // Mixtral-8x7B: convert_hf_to_gguf writes it as "llama" with expert_count 8, expert_used_count 2; the
    // llama row reads it as Mixtral's layout (same total, active and KV as mixtral.json).
    {.arch = "llama", .config = "mixtral.json", .context = 32768, .hidden = 4096, .layers = 32, .ffn = 14336,
     .heads = 32, .kv_heads = 8, .vocab = 32000, .experts = 8, .experts_used = 2, .untied = true,
     .model_type = "llama"},
    // gemma-2b: head_dim 256 apart from 2048 / 8, one KV head, tied.
    {.arch = "gemma", .config = "gemma.json", .context = 8192, .hidden = 2048, .layers = 18, .ffn = 16384,
     .heads = 8, .kv_heads = 1, .vocab = 256000, .key_length = 256},
    // gemma-2-9b: llama.cpp's period 2 gives Gemma2Config's alternation (21 sliding + 21 global).
    {.arch = "gemma2", .config = "gemma2.json", .context = 8192, .hidden = 3584, .layers = 42, .ffn = 14336,
     .heads = 16, .kv_heads = 8, .vocab = 256000, .key_length = 256, .window = 4096},
    // OLMoE-1B-7B: 64 experts, 8 used, expert width = feed_forward_length (intermediate_size 1024).
    {.arch = "olmoe", .config = "olmoe.json", .context = 4096, .hidden = 2048, .layers = 16, .ffn = 1024,
     .heads = 16, .kv_heads = 16, .vocab = 50304, .experts = 64, .experts_used = 8, .untied = true},
    // phi-2: rope.dimension_count 32 = 0.4 × 80; biases; untied LM head (with its bias, fixed by the family).
    {.arch = "phi2", .config = "phi.json", .context = 2048, .hidden = 2560, .layers = 32, .ffn = 10240,
     .heads = 32, .kv_heads = 32, .vocab = 51200, .rope_dims = 32, .layer_norm = true, .untied = true,
     .q_bias = true},
    // aya-23-8B: tied.
    {.arch = "command-r", .config = "cohere.json", .context = 8192, .hidden = 4096, .layers = 32, .ffn = 14336,
     .heads = 32, .kv_heads = 8, .vocab = 256000, .layer_norm = true},
    // RedPajama-INCITE-Base-3B-v1: use_parallel_residual false.
    {.arch = "gptneox", .config = "gpt_neox.json", .context = 2048, .hidden = 2560, .layers = 32, .ffn = 10240,
     .heads = 32, .kv_heads = 32, .vocab = 50432, .layer_norm = true, .untied = true, .parallel_residual = false},
    // gpt-j-6b: rope.dimension_count 64 of head_dim 256.
    {.arch = "gptj", .config = "gptj.json", .context = 2048, .hidden = 4096, .layers = 28, .ffn = 16384,
     .heads = 16, .kv_heads = 16, .vocab = 50400, .rope_dims = 64, .layer_norm = true, .untied = true},
    // bloomz-560m: ALiBi (no rope keys), tied.
    {.arch = "bloom", .config = "bloom.json", .context = 2048, .hidden = 1024, .layers = 24, .ffn = 4096,
     .heads = 16, .kv_heads = 16, .vocab = 250880, .layer_norm = true},
    // stablelm-2-zephyr-1_6b: rope.dimension_count 16 = 0.25 × 64; q/k/v bias (use_qkv_bias).
    {.arch = "stablelm", .config = "stablelm.json", .context = 4096, .hidden = 2048, .layers = 24, .ffn = 5632,
     .heads = 32, .kv_heads = 32, .vocab = 100352, .rope_dims = 16, .layer_norm = true, .untied = true,
     .q_bias = true},
    // gpt_bigcode-santacoder: multi-query (one KV head), learned positions, tied.
    {.arch = "starcoder", .config = "gpt_bigcode.json", .context = 2048, .hidden = 2048, .layers = 24, .ffn = 8192,
     .heads = 16, .kv_heads = 1, .vocab = 49280, .layer_norm = true},
};

INSTANTIATE_TEST_SUITE_P(SetA, GgufFamilies, ::testing::ValuesIn(kGgufCases),
                         [](const ::testing::TestParamInfo<GgufFamilyCase>& info) { return name_of(info.param); });

}  // namespace
}  // namespace llmg
