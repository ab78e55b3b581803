// Issue 12 (gguf): every GGUF architecture mapped by src/ingest/weights/gguf_families.cpp gives the same
// layers, layer mix, parameter total, active count and KV bytes per token as the family's config
// (tests/data/families/<type>.json). Each GGUF is header-only (tests/support/weights_writer.h), its
// metadata as llama.cpp's convert_hf_to_gguf.py writes it for that config (per-layer head_count_kv arrays
// with 0 on the layers without attention, the MLA lengths, ssm.* keys, expert_* keys), plus the tensors
// GGUF uses instead of keys (output.weight when untied, bias tensors, Falcon's second norm, Jamba's
// per-layer routers).
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "analysis/facts.h"
#include "analysis/memory.h"
#include "ingest/config/hf_config.h"
#include "ingest/families/registry.h"
#include "ingest/weights/gguf.h"
#include "ingest/weights/gguf_model.h"
#include "weights_writer.h"

namespace llmg {
namespace {

using namespace llmg::testing;
namespace fs = std::filesystem;

constexpr std::uint32_t kF32 = 0;

struct Base {
  std::int64_t context, hidden, layers, ffn, heads;
  std::int64_t vocab;
  bool untied = false;
};

// The keys every converter writes, and token_embd (+ output when untied).
GgufWriter base_gguf(const std::string& a, const Base& b) {
  GgufWriter w;
  w.string("general.architecture", a);
  w.u32(a + ".context_length", static_cast<std::uint32_t>(b.context));
  w.u32(a + ".embedding_length", static_cast<std::uint32_t>(b.hidden));
  w.u32(a + ".block_count", static_cast<std::uint32_t>(b.layers));
  w.u32(a + ".feed_forward_length", static_cast<std::uint32_t>(b.ffn));
  w.u32(a + ".attention.head_count", static_cast<std::uint32_t>(b.heads));
  w.u32(a + ".vocab_size", static_cast<std::uint32_t>(b.vocab));
  const auto h = static_cast<std::uint64_t>(b.hidden), v = static_cast<std::uint64_t>(b.vocab);
  w.tensor("token_embd.weight", {h, v}, kF32, h * v * 4);
  if (b.untied) w.tensor("output.weight", {h, v}, kF32, h * v * 4);
  return w;
}

void small_tensor(GgufWriter& w, const std::string& name) { w.tensor(name, {8}, kF32, 32); }

struct FamilyGguf {
  std::string name;         // test name
  std::string arch;         // general.architecture
  std::string config;       // tests/data/families/<config>
  std::string model_type;   // what the GGUF reads as
  std::function<GgufWriter()> write;
  bool same_mix = true;     // false: llama.cpp builds a different window layout (said in the case)
};

std::string mix_of(const Facts& facts) {
  std::string out;
  for (const auto& k : facts.layer_mix) out += (out.empty() ? "" : ", ") + k.kind + ":" + std::to_string(k.count);
  return out;
}

std::vector<std::int32_t> kv_array(std::int64_t layers, std::int32_t kv, const std::function<bool(std::int64_t)>& attends) {
  std::vector<std::int32_t> out;
  for (std::int64_t i = 0; i < layers; ++i) out.push_back(attends(i) ? kv : 0);
  return out;
}

const FamilyGguf kCases[] = {
    // LiquidAI/LFM2-1.2B: feed_forward_length 8192 = block_ff_dim 12288 adjusted (int(2 × 12288 / 3) = 8192,
    // × 1.0, multiple of 256); KV heads 8 on full_attn_idxs [2, 5, 8, 10, 12, 14], 0 elsewhere; tied.
    {"lfm2", "lfm2", "lfm2.json", "lfm2",
     [] {
       GgufWriter w = base_gguf("lfm2", {128000, 2048, 16, 8192, 32, 65536});
       const std::vector<std::int64_t> full = {2, 5, 8, 10, 12, 14};
       w.i32_array("lfm2.attention.head_count_kv", kv_array(16, 8, [&](std::int64_t i) {
                     return std::find(full.begin(), full.end(), i) != full.end();
                   }));
       w.u32("lfm2.shortconv.l_cache", 3);
       w.f32("lfm2.attention.layer_norm_rms_epsilon", 1e-5f);
       return w;
     }},
    // LFM2-8B-A1B shape (lfm2_moe.json): attention on [2, 6, 10, 14, 18, 21], 2 dense leading blocks of
    // 7168, 32 experts of 1792, top 4; tied.
    {"lfm2moe", "lfm2moe", "lfm2_moe.json", "lfm2_moe",
     [] {
       GgufWriter w = base_gguf("lfm2moe", {128000, 2048, 24, 7168, 32, 65536});
       const std::vector<std::int64_t> full = {2, 6, 10, 14, 18, 21};
       w.i32_array("lfm2moe.attention.head_count_kv", kv_array(24, 8, [&](std::int64_t i) {
                     return std::find(full.begin(), full.end(), i) != full.end();
                   }));
       w.u32("lfm2moe.shortconv.l_cache", 3);
       w.u32("lfm2moe.expert_count", 32);
       w.u32("lfm2moe.expert_used_count", 4);
       w.u32("lfm2moe.expert_feed_forward_length", 1792);
       w.u32("lfm2moe.leading_dense_block_count", 2);
       w.u32("lfm2moe.expert_gating_func", 2);
       return w;
     }},
    // DeepSeek-V2-Lite, absorbed-MLA form (llama.cpp since the MLA rework): key_length 512 + 64,
    // value_length 512, head_count_kv 1, key_length_mla 128 + 64, value_length_mla 128; no q_lora_rank;
    // 1 leading dense block of 10944; 64 experts of 1408, 2 shared, top 6; softmax gating (1).
    {"deepseek2", "deepseek2", "deepseek_v2.json", "deepseek_v2",
     [] {
       GgufWriter w = base_gguf("deepseek2", {163840, 2048, 27, 10944, 16, 102400, true});
       w.u32("deepseek2.attention.head_count_kv", 1);
       w.u32("deepseek2.attention.kv_lora_rank", 512);
       w.u32("deepseek2.attention.key_length", 576);
       w.u32("deepseek2.attention.value_length", 512);
       w.u32("deepseek2.attention.key_length_mla", 192);
       w.u32("deepseek2.attention.value_length_mla", 128);
       w.u32("deepseek2.rope.dimension_count", 64);
       w.u32("deepseek2.leading_dense_block_count", 1);
       w.u32("deepseek2.expert_count", 64);
       w.u32("deepseek2.expert_used_count", 6);
       w.u32("deepseek2.expert_shared_count", 2);
       w.u32("deepseek2.expert_feed_forward_length", 1408);
       w.u32("deepseek2.expert_gating_func", 1);
       w.f32("deepseek2.attention.layer_norm_rms_epsilon", 1e-6f);
       return w;
     }},
    // The same model in the older GGUF form (no *_mla keys: key_length 192 and value_length 128 per head).
    {"deepseek2_pre_mla_rework", "deepseek2", "deepseek_v2.json", "deepseek_v2",
     [] {
       GgufWriter w = base_gguf("deepseek2", {163840, 2048, 27, 10944, 16, 102400, true});
       w.u32("deepseek2.attention.head_count_kv", 16);
       w.u32("deepseek2.attention.kv_lora_rank", 512);
       w.u32("deepseek2.attention.key_length", 192);
       w.u32("deepseek2.attention.value_length", 128);
       w.u32("deepseek2.rope.dimension_count", 64);
       w.u32("deepseek2.leading_dense_block_count", 1);
       w.u32("deepseek2.expert_count", 64);
       w.u32("deepseek2.expert_used_count", 6);
       w.u32("deepseek2.expert_shared_count", 2);
       w.u32("deepseek2.expert_feed_forward_length", 1408);
       return w;
     }},
    // falcon-7b (FalconConfig defaults): head_count_kv 1 (multi-query), feed_forward_length 4 × 4544, one
    // norm per block, no biases, context 2048, tied.
    {"falcon", "falcon", "falcon.json", "falcon",
     [] {
       GgufWriter w = base_gguf("falcon", {2048, 4544, 32, 18176, 71, 65024});
       w.u32("falcon.attention.head_count_kv", 1);
       w.f32("falcon.attention.layer_norm_epsilon", 1e-5f);
       small_tensor(w, "blk.0.attn_norm.weight");
       return w;
     }},
    // starcoder2-7b: biases everywhere (use_bias), tied. llama.cpp's LLM_ARCH_STARCODER2 reads no window, so
    // the GGUF's layers are full attention where the config's 4,096 window makes them sliding.
    {"starcoder2", "starcoder2", "starcoder2.json", "starcoder2",
     [] {
       GgufWriter w = base_gguf("starcoder2", {16384, 4608, 32, 18432, 36, 49152});
       w.u32("starcoder2.attention.head_count_kv", 4);
       w.f32("starcoder2.attention.layer_norm_epsilon", 1e-5f);
       small_tensor(w, "blk.0.attn_q.bias");
       return w;
     },
     /*same_mix=*/false},
    // granite-3.1-1b-a400m: 32 experts of 512, top 8, tied.
    {"granitemoe", "granitemoe", "granitemoe.json", "granitemoe",
     [] {
       GgufWriter w = base_gguf("granitemoe", {131072, 1024, 24, 512, 16, 49155});
       w.u32("granitemoe.attention.head_count_kv", 8);
       w.u32("granitemoe.expert_count", 32);
       w.u32("granitemoe.expert_used_count", 8);
       w.f32("granitemoe.attention.layer_norm_rms_epsilon", 1e-6f);
       return w;
     }},
    // Apertus (ApertusConfig defaults): the xIELU MLP has no key; untied; MHA.
    {"apertus", "apertus", "apertus.json", "apertus",
     [] {
       GgufWriter w = base_gguf("apertus", {65536, 4096, 32, 14336, 32, 131072, true});
       w.u32("apertus.attention.head_count_kv", 32);
       w.f32("apertus.attention.layer_norm_rms_epsilon", 1e-5f);
       return w;
     }},
    // mamba-130m-hf: d_inner 1536, state 16, conv 4, dt rank 48, conv bias, no in_proj bias; head_count 0,
    // feed_forward_length 0 and context 2^20 as the converter writes them; tied.
    {"mamba", "mamba", "mamba.json", "mamba",
     [] {
       GgufWriter w = base_gguf("mamba", {1 << 20, 768, 24, 0, 0, 50280});
       w.u32("mamba.ssm.conv_kernel", 4);
       w.u32("mamba.ssm.inner_size", 1536);
       w.u32("mamba.ssm.state_size", 16);
       w.u32("mamba.ssm.time_step_rank", 48);
       w.f32("mamba.attention.layer_norm_rms_epsilon", 1e-5f);
       small_tensor(w, "blk.0.ssm_conv1d.bias");
       return w;
     }},
    // falcon-mamba-7b: arch "mamba" with ssm.dt_b_c_rms true; d_inner 8192, dt rank 256; untied.
    {"falcon_mamba", "mamba", "falcon_mamba.json", "falcon_mamba",
     [] {
       GgufWriter w = base_gguf("mamba", {1 << 20, 4096, 64, 0, 0, 65024, true});
       w.u32("mamba.ssm.conv_kernel", 4);
       w.u32("mamba.ssm.inner_size", 8192);
       w.u32("mamba.ssm.state_size", 16);
       w.u32("mamba.ssm.time_step_rank", 256);
       w.boolean("mamba.ssm.dt_b_c_rms", true);
       w.f32("mamba.attention.layer_norm_rms_epsilon", 1e-5f);
       small_tensor(w, "blk.0.ssm_conv1d.bias");
       return w;
     }},
    // Phi-3.5-MoE-instruct: q/k/v/o and LM-head biases (tensors), LayerNorm, 16 experts of 6400, top 2;
    // rope.dimension_count 128 = head_dim (4096 / 32); untied.
    {"phimoe", "phimoe", "phimoe.json", "phimoe",
     [] {
       GgufWriter w = base_gguf("phimoe", {131072, 4096, 32, 6400, 32, 32064, true});
       w.u32("phimoe.attention.head_count_kv", 8);
       w.u32("phimoe.rope.dimension_count", 128);
       w.u32("phimoe.expert_count", 16);
       w.u32("phimoe.expert_used_count", 2);
       w.f32("phimoe.attention.layer_norm_rms_epsilon", 1e-5f);
       small_tensor(w, "blk.0.attn_q.bias");
       small_tensor(w, "output.bias");
       return w;
     }},
    // AI21-Jamba-1.5-Mini: attention (8 KV heads) on layers i % 8 == 4, 0 elsewhere; routers
    // (ffn_gate_inp) on i % 2 == 1; 16 experts top 2; ssm inner 8192 = 2 × 4096, state 16, dt rank 256,
    // conv bias, no in_proj bias; untied.
    {"jamba", "jamba", "jamba.json", "jamba",
     [] {
       GgufWriter w = base_gguf("jamba", {262144, 4096, 32, 14336, 32, 65536, true});
       w.i32_array("jamba.attention.head_count_kv", kv_array(32, 8, [](std::int64_t i) { return i % 8 == 4; }));
       w.u32("jamba.ssm.conv_kernel", 4);
       w.u32("jamba.ssm.inner_size", 8192);
       w.u32("jamba.ssm.state_size", 16);
       w.u32("jamba.ssm.time_step_rank", 256);
       w.u32("jamba.expert_count", 16);
       w.u32("jamba.expert_used_count", 2);
       w.f32("jamba.attention.layer_norm_rms_epsilon", 1e-6f);
       small_tensor(w, "blk.0.ssm_conv1d.bias");
       for (int i = 1; i < 32; i += 2) small_tensor(w, fmt::format("blk.{}.ffn_gate_inp.weight", i));
       return w;
     }},
};

class GgufFamilies12 : public ::testing::TestWithParam<FamilyGguf> {};

TEST_P(GgufFamilies12, GiveTheSameFactsAsTheConfig) {
  const FamilyGguf& c = GetParam();
  auto config = read_config_path(fs::path(LLMG_TEST_DATA) / "families" / c.config);
  ASSERT_TRUE(config) << config.error().message;
  const fs::path path = fs::temp_directory_path() / fmt::format("llmg-gguf12-{}-{}.gguf", ::getpid(), c.name);
  c.write().write(path);
  auto file = read_gguf(path);
  fs::remove(path);
  ASSERT_TRUE(file) << file.error().message;
  auto from_gguf = model_from_gguf(*file);
  ASSERT_TRUE(from_gguf) << from_gguf.error().message;
  EXPECT_EQ(from_gguf->model_type, c.model_type);
  const Facts a = compute_facts(*config), b = compute_facts(*from_gguf);
  EXPECT_EQ(b.layers, a.layers);
  EXPECT_EQ(b.attention_layers, a.attention_layers);
  EXPECT_EQ(b.recurrent_layers, a.recurrent_layers);
  EXPECT_EQ(b.moe_layers, a.moe_layers);
  if (c.same_mix) EXPECT_EQ(mix_of(b), mix_of(a));
  EXPECT_GT(a.params.total, 0);
  EXPECT_EQ(b.params.total, a.params.total);
  EXPECT_EQ(b.params.active, a.params.active);
  EXPECT_EQ(b.kv_cache.bytes_per_token_bf16, a.kv_cache.bytes_per_token_bf16);
  auto state_a = memory_report(*config, MemoryQuery{.context = 4096});
  auto state_b = memory_report(*from_gguf, MemoryQuery{.context = 4096});
  ASSERT_TRUE(state_a && state_b);
  EXPECT_EQ(state_b->state_bytes, state_a->state_bytes);  // recurrent / conv state per sequence
  EXPECT_EQ(from_gguf->tied_embeddings, config->tied_embeddings);
  EXPECT_EQ(from_gguf->norm_kind, config->norm_kind);
  EXPECT_EQ(from_gguf->positions, config->positions);
}

INSTANTIATE_TEST_SUITE_P(Issue12, GgufFamilies12, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<FamilyGguf>& info) { return info.param.name; });

// The exact figures of three rows, so a change that moved config and GGUF together still fails.
TEST(GgufFamilies12Figures, TotalsAndKvOfTheConfigsAreTheRecordedOnes) {
  struct Row {
    const char* config;
    std::int64_t total, kv;
  };
  // EXPECTED-a.tsv / EXPECTED-b.tsv: the totals worked from the modeling files' tensor shapes.
  for (const Row& r : {Row{"lfm2.json", 1170340608, 12288},  // 6 × 2 × 8 × 64 × 2
                       Row{"deepseek_v2.json", 15706484224, 31104},  // 27 × (512 + 64) × 2
                       Row{"jamba.json", 51570323328, 16384},  // 4 × 2 × 8 × 128 × 2
                       Row{"mamba.json", 129135360, 0}}) {
    SCOPED_TRACE(r.config);
    auto model = read_config_path(fs::path(LLMG_TEST_DATA) / "families" / r.config);
    ASSERT_TRUE(model) << model.error().message;
    const Facts facts = compute_facts(*model);
    EXPECT_EQ(facts.params.total, r.total);
    EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, r.kv);
  }
}

TEST(GgufFamilies12Figures, DeepSeek2WithSigmoidGatingReadsAsDeepSeekV3) {
  GgufWriter w = base_gguf("deepseek2", {163840, 2048, 27, 10944, 16, 102400, true});
  for (const auto& [k, v] : std::vector<std::pair<std::string, std::uint32_t>>{
           {"attention.head_count_kv", 1}, {"attention.kv_lora_rank", 512}, {"attention.key_length", 576},
           {"attention.value_length", 512}, {"attention.key_length_mla", 192}, {"attention.value_length_mla", 128},
           {"rope.dimension_count", 64}, {"leading_dense_block_count", 1}, {"expert_count", 64},
           {"expert_used_count", 6}, {"expert_shared_count", 2}, {"expert_feed_forward_length", 1408},
           {"expert_gating_func", 2}})
    w.u32("deepseek2." + k, v);
  const fs::path path = fs::temp_directory_path() / fmt::format("llmg-gguf12-{}-v3.gguf", ::getpid());
  w.write(path);
  auto file = read_gguf(path);
  fs::remove(path);
  ASSERT_TRUE(file) << file.error().message;
  auto model = model_from_gguf(*file);
  ASSERT_TRUE(model) << model.error().message;
  EXPECT_EQ(model->model_type, "deepseek_v3");
  // The V2-Lite shapes with V3's router correction bias: + 64 per MoE layer (26 of 27).
  EXPECT_EQ(compute_facts(*model).params.total, 15706484224 + 26 * 64);
}

}  // namespace
}  // namespace llmg
