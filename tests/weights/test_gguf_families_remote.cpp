// Remote-code families (issue 12 item 3): each llama.cpp architecture of a remote-code family gives the same
// layers, layer mix, parameter total, active count and KV bytes per token as the family's config
// (tests/data/families/<type>.json). Each GGUF is header-only (tests/support/weights_writer.h), its metadata
// written as convert_hf_to_gguf.py writes it for that config: QwenModel halves intermediate_size into
// feed_forward_length; ChatGLMModel writes head_count_kv = multi_query_group_num and rope.dimension_count =
// kv_channels / 2, and the query_key_value bias is a blk.0.attn_qkv.bias tensor; DeepseekModel writes
// leading_dense_block_count, expert_feed_forward_length and expert_shared_count. output.weight is written when
// the LM head is untied, output_norm.weight always (every family here has the final norm).
#include <filesystem>
#include <map>
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

struct RemoteGgufCase {
  std::string arch;    // general.architecture
  std::string config;  // tests/data/families/<config>
  std::int64_t context, hidden, layers, ffn, heads, kv_heads, vocab;
  bool untied = true;
  std::map<std::string, std::int64_t> extra = {};  // more "{arch}.<suffix>" u32 keys
  std::vector<std::string> bias_tensors = {};      // blk.0.* bias tensors present
};

GgufWriter gguf_of(const RemoteGgufCase& c) {
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
  for (const auto& [suffix, value] : c.extra) w.u32(a + "." + suffix, static_cast<std::uint32_t>(value));
  w.f32(a + ".attention.layer_norm_rms_epsilon", 1e-5f);
  w.u32(a + ".vocab_size", static_cast<std::uint32_t>(c.vocab));
  const auto h = static_cast<std::uint64_t>(c.hidden), v = static_cast<std::uint64_t>(c.vocab);
  w.tensor("token_embd.weight", {h, v}, F32, h * v * 4);
  for (const std::string& name : c.bias_tensors) w.tensor(name, {h}, F32, h * 4);
  w.tensor("output_norm.weight", {h}, F32, h * 4);
  if (c.untied) w.tensor("output.weight", {h, v}, F32, h * v * 4);
  return w;
}

std::string mix_of(const Facts& facts) {
  std::string out;
  for (const auto& k : facts.layer_mix) out += (out.empty() ? "" : ", ") + k.kind + ":" + std::to_string(k.count);
  return out;
}

class RemoteGgufFamilies : public ::testing::TestWithParam<RemoteGgufCase> {};

TEST_P(RemoteGgufFamilies, GiveTheSameFactsAsTheConfig) {
  const RemoteGgufCase& c = GetParam();
  auto config = read_config_path(fs::path(LLMG_TEST_DATA) / "families" / c.config);
  ASSERT_TRUE(config) << config.error().message;
  const fs::path dir = fs::temp_directory_path() / fmt::format("llmg-gguf-remote-{}", ::getpid());
  fs::create_directories(dir);
  const fs::path path = dir / (c.arch + ".gguf");
  gguf_of(c).write(path);
  auto file = read_gguf(path);
  ASSERT_TRUE(file) << file.error().message;
  auto from_gguf = model_from_gguf(*file);
  fs::remove(path);
  ASSERT_TRUE(from_gguf) << from_gguf.error().message;
  EXPECT_EQ(from_gguf->model_type, config->model_type);
  const Facts a = compute_facts(*config), b = compute_facts(*from_gguf);
  EXPECT_EQ(b.layers, a.layers);
  EXPECT_EQ(mix_of(b), mix_of(a));
  EXPECT_EQ(b.params.total, a.params.total);
  EXPECT_EQ(b.params.active, a.params.active);
  EXPECT_EQ(b.kv_cache.bytes_per_token_bf16, a.kv_cache.bytes_per_token_bf16);
  EXPECT_EQ(from_gguf->norm_kind, config->norm_kind);
  EXPECT_EQ(from_gguf->positions, config->positions);
  EXPECT_EQ(from_gguf->final_norm, config->final_norm);
  ASSERT_FALSE(from_gguf->layers.empty());
  EXPECT_EQ(from_gguf->layers[0].attention.rope_fraction, config->layers[0].attention.rope_fraction);
}

// Values from each config (tests/data/families/*.json), written as the converter writes them.
const RemoteGgufCase kCases[] = {
    // Qwen-7B: feed_forward_length 11008 = intermediate_size 22016 // 2.
    {.arch = "qwen", .config = "qwen.json", .context = 32768, .hidden = 4096, .layers = 32, .ffn = 11008,
     .heads = 32, .kv_heads = 32, .vocab = 151936, .bias_tensors = {"blk.0.attn_qkv.bias"}},
    // chatglm2-6b: 2 KV groups, rope over 64 of 128 dims, query_key_value bias.
    {.arch = "chatglm", .config = "chatglm.json", .context = 32768, .hidden = 4096, .layers = 28, .ffn = 13696,
     .heads = 32, .kv_heads = 2, .vocab = 65024, .extra = {{"rope.dimension_count", 64}},
     .bias_tensors = {"blk.0.attn_qkv.bias"}},
    // Baichuan-13B: hidden 5120, so ALiBi from the GGUF as from the config.
    {.arch = "baichuan", .config = "baichuan.json", .context = 4096, .hidden = 5120, .layers = 40, .ffn = 13696,
     .heads = 40, .kv_heads = 40, .vocab = 64000},
    {.arch = "internlm2", .config = "internlm2.json", .context = 32768, .hidden = 2048, .layers = 24, .ffn = 8192,
     .heads = 16, .kv_heads = 8, .vocab = 92544},
    // MiniCPM-1B: tied (no output.weight).
    {.arch = "minicpm", .config = "minicpm.json", .context = 32768, .hidden = 1536, .layers = 52, .ffn = 3840,
     .heads = 24, .kv_heads = 8, .vocab = 73448, .untied = false},
    // deepseek-moe-16b: one dense layer, 64 experts of 1408, 6 used, 2 shared.
    {.arch = "deepseek", .config = "deepseek.json", .context = 4096, .hidden = 2048, .layers = 28, .ffn = 10944,
     .heads = 16, .kv_heads = 16, .vocab = 102400,
     .extra = {{"expert_count", 64}, {"expert_used_count", 6}, {"expert_feed_forward_length", 1408},
               {"expert_shared_count", 2}, {"leading_dense_block_count", 1}}},
    {.arch = "exaone", .config = "exaone.json", .context = 4096, .hidden = 4096, .layers = 32, .ffn = 14336,
     .heads = 32, .kv_heads = 8, .vocab = 102400},
};

INSTANTIATE_TEST_SUITE_P(Remote, RemoteGgufFamilies, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<RemoteGgufCase>& info) { return info.param.arch; });

}  // namespace
}  // namespace llmg
