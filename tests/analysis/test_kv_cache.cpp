// KV cache bytes per token (bf16, gallery convention) for every catalog model with a config. Each
// expectation is derived by hand from the config in its comment: layers × 2 (K, V) × KV heads ×
// head_dim × 2 bytes for attention; layers × (kv_lora_rank + qk_rope_head_dim) × 2 for MLA; only
// softmax-attention layers count.
#include <gtest/gtest.h>

#include "analysis/memory.h"
#include "test_support.h"

namespace {

struct KvCase {
  const char* slug;
  std::int64_t bytes;
};

// clang-format off
const KvCase kCases[] = {
    {"gpt-2-xl-1-5b", 307'200},          // 48 × 2 × 25 heads × 64 × 2 (MHA, n_embd 1600 / 25)
    {"llama-3-8b", 131'072},             // 32 × 2 × 8 × 128 × 2
    {"qwen3-0-6b", 114'688},             // 28 × 2 × 8 × 128 × 2
    {"smollm3-3b", 73'728},              // 36 × 2 × 4 × 128 × 2 (NoPE layers still cache K and V)
    {"nanbeige-4-1-3b", 65'536},         // 32 × 2 × 4 × 128 × 2
    {"kimi-k2-1t", 70'272},              // 61 × (512 + 64) × 2 (MLA)
    {"llama-3-2-1b", 32'768},            // 16 × 2 × 8 × 64 × 2
    {"llama-3-2-3b", 114'688},           // 28 × 2 × 8 × 128 × 2
    {"olmo-2-7b", 524'288},              // 32 × 2 × 32 × 128 × 2 (MHA)
    {"phi-4-14b", 204'800},              // 40 × 2 × 10 × 128 × 2
    {"deepseek-v3-671b", 70'272},        // 61 × (512 + 64) × 2 (MLA latent + RoPE key)
    {"deepseek-r1-671b", 70'272},        // same as V3
    {"deepseek-v3-2-671b", 70'272},      // same MLA; the DSA indexer key is not in the convention
    {"gemma-3-27b", 507'904},            // 62 × 2 × 16 × 128 × 2 (windows not applied)
    {"gemma-3-270m", 18'432},            // 18 × 2 × 1 × 256 × 2 (MQA)
    {"llama-4-maverick-400b", 196'608},  // 48 × 2 × 8 × 128 × 2 (chunks not applied)
    {"qwen3-235b-a22b", 192'512},        // 94 × 2 × 4 × 128 × 2
    {"qwen3-30b-a3b", 98'304},           // 48 × 2 × 4 × 128 × 2
    {"qwen3-32b", 262'144},              // 64 × 2 × 8 × 128 × 2
    {"qwen3-4b", 147'456},               // 36 × 2 × 8 × 128 × 2
    {"qwen3-8b", 147'456},               // 36 × 2 × 8 × 128 × 2
    {"glm-4-5-air-106b", 188'416},       // 46 × 2 × 8 × 128 × 2
    {"intellect-3-106b", 188'416},       // GLM-4.5-Air architecture
    {"glm-4-5-355b", 376'832},           // 92 × 2 × 8 × 128 × 2
    {"qwen3-coder-flash-30b-a3b", 98'304},  // 48 × 2 × 4 × 128 × 2
    {"gpt-oss-120b", 73'728},            // 36 × 2 × 8 × 64 × 2 (sliding layers counted in full)
    {"gpt-oss-20b", 49'152},             // 24 × 2 × 8 × 64 × 2
    {"grok-2-5-270b", 262'144},          // 64 × 2 × 8 × 128 × 2
    {"qwen3-next-80b-a3b", 24'576},      // 12 full-attention layers (every 4th of 48) × 2 × 2 × 256 × 2
    {"minimax-m2-230b", 253'952},        // 62 × 2 × 8 × 128 × 2
    {"minimax-m2-5-230b", 253'952},      // same
    {"minimax-m2-7-230b", 253'952},      // same
    {"nemotron-3-nano-30b-a3b", 6'144},  // 6 attention blocks ('*') × 2 × 2 × 128 × 2; Mamba-2 has no KV
    {"glm-4-7-355b", 376'832},           // 92 × 2 × 8 × 128 × 2
    {"kimi-k2-5-1t", 70'272},            // 61 × (512 + 64) × 2
    {"kimi-k2-6-1t", 70'272},            // same
    {"glm-5-744b", 89'856},              // 78 × (512 + 64) × 2
    {"glm-5-1-744b", 89'856},            // same
    {"qwen3-5-397b", 30'720},            // 15 full-attention layers × 2 × 2 × 256 × 2
    {"qwen3-6-27b", 65'536},             // 16 full-attention layers × 2 × 4 × 256 × 2
    {"qwen3-6-35b-a3b", 20'480},         // 10 full-attention layers × 2 × 2 × 256 × 2
    // MiMo-V2.5: 9 full layers × 4 KV heads × (192 key + 128 value) × 2 = 23,040, plus
    // 39 sliding layers × 8 KV heads × 320 × 2 = 199,680 (sliding and full differ in KV heads).
    {"xiaomi-mimo-v2-5-310b", 222'720},
    // MiMo-V2.5-Pro: 10 full × 8 × 320 × 2 = 51,200 plus 60 sliding × 8 × 320 × 2 = 307,200.
    {"xiaomi-mimo-v2-5-pro-1-02t", 358'400},
    // Gemma 4 31B: 50 sliding × 2 × 16 × 256 × 2 = 819,200, plus 10 global layers with K = V:
    // 1 × 4 global KV heads × 512 × 2 = 4,096 each, 40,960: 860,160 bytes = 840 KiB (published).
    {"gemma-4-31b", 860'160},
    // Gemma 4 26B-A4B: 25 sliding × 2 × 8 × 256 × 2 = 204,800 plus 5 global × 1 × 2 × 512 × 2 = 10,240:
    // 215,040 bytes = 210 KiB (published).
    {"gemma-4-26b-a4b", 215'040},
    {"olmo-3-7b", 524'288},              // 32 × 2 × 32 × 128 × 2 (MHA; windows not applied)
    {"olmo-3-32b", 262'144},             // 64 × 2 × 8 × 128 × 2
    {"tiny-aya-3-35b", 73'728},          // 36 × 2 × 4 × 128 × 2
    {"mistral-small-3-1-24b", 163'840},  // 40 × 2 × 8 × 128 × 2 (text_config)
    {"mistral-large-3-673b", 70'272},    // 61 × (512 + 64) × 2 (MLA, as DeepSeek V3)
    {"mistral-small-4-119b", 23'040},    // 36 × (256 + 64) × 2 (MLA with a 256 latent)
    {"nemotron-3-super-120b-a12b", 8'192},  // 8 attention blocks × 2 × 2 × 128 × 2; Mamba-2 adds none
    {"nemotron-3-nano-4b", 16'384},      // 4 attention blocks × 2 × 8 × 128 × 2
    // MiMo-V2-Flash: same attention as V2.5: 9 full × 4 × (192 + 128) × 2 + 39 sliding × 8 × 320 × 2.
    {"xiaomi-mimo-v2-flash-309b", 222'720},
    // Gemma 4 E2B: layers 15-34 reuse earlier caches, so layers 0-14 cache: 12 sliding × 2 × 1 × 256 × 2
    // = 12,288 plus 3 global × 2 × 1 × 512 × 2 = 6,144.
    {"gemma-4-e2b", 18'432},
    // Gemma 4 E4B: layers 24-41 reuse; layers 0-23: 20 sliding × 2 × 2 × 256 × 2 = 40,960 plus
    // 4 global × 2 × 2 × 512 × 2 = 16,384.
    {"gemma-4-e4b", 57'344},
    // Kimi Linear: 7 MLA layers (full_attn_layers) × (512 + 64) × 2 = 8,064; the 20 KDA layers keep a
    // fixed-size state instead of a cache. mla_use_nope drops RoPE, not the cached 64-wide key part.
    {"kimi-linear-48b-a3b", 8'064},
    // LongCat-Flash-Lite: 14 layers × 2 MLA sublayers × (512 + 64) × 2 = 32,256.
    {"longcat-flash-lite-68-5b-a3b", 32'256},
    // Step 3.5 Flash: 45 layers (12 full + 33 sliding, windows not applied) × 2 × 8 KV groups × 128 × 2.
    {"step-3-5-flash-196b", 184'320},
    {"xlstm-7b", 0},
    // ZAYA1-8B: 40 CCA attention half-layers × 2 × 2 KV groups × 128 × 2 (conv state and previous hidden state
    // are fixed-size and not in the convention).
    {"zaya1-8b-8-4b", 40'960},  // 32 mLSTM blocks: a fixed-size matrix memory per head, no KV cache
    // DeepSeek V4 (compressed attention): per layer the sliding-window K=V vector of head_dim 512
    // (window not applied) plus 512 / compress_ratio for the compressed entries; indexer keys left out.
    // V4-Flash: compress_ratios[0..42] = 2 × 0, 21 × 4, 20 × 128:
    // (43 × 512 + 21 × 128 + 20 × 4) × 2 = (22,016 + 2,688 + 80) × 2 = 49,568.
    {"deepseek-v4-flash-284b", 49'568},
    // V4-Pro: compress_ratios[0..60] = 128, 128, then 4/128 alternating: 30 × 4, 31 × 128:
    // (61 × 512 + 30 × 128 + 31 × 4) × 2 = (31,232 + 3,840 + 124) × 2 = 70,392.
    {"deepseek-v4-pro-1-6t", 70'392},
    {"laguna-xs-2-33b", 163'840},
    {"sarvam-105b", 36'864},  // 32 × (512 + 64) × 2 (MLA), the published 36 KiB
    {"command-a-218b-a25b", 131'072},  // 32 × 2 × 8 × 128 × 2 (sliding layers counted in full)
    {"sarvam-30b", 19'456},  // 19 × 2 × 4 × 64 × 2 (head_dim = 4,096 / 64 heads)
    {"tencent-hy3-preview-295b-a21b", 327'680},  // 80 × 2 × 8 × 128 × 2
    {"arcee-ai-trinity-large-400b", 245'760},  // 60 × 2 × 8 × 128 × 2 (sliding layers counted in full)  // 40 × 2 × 8 × 128 × 2 (per-layer query heads do not change the KV)
    // catalog-b (issue 13) siblings: the configs of their backbones, so the figures are theirs.
    {"ornith-1-5-35b-a3b", 20'480},  // Qwen3.6-35B-A3B config: 10 full-attention layers × 2 × 2 × 256 × 2
    // MiMo-V2.5 config, K 192 + V 128 per KV head: 9 global × 4 × 320 × 2 + 39 sliding × 8 × 320 × 2 = 222,720
    {"xiaomi-mimo-v2-6-flash-rl-309b", 222'720},
    {"xiaomi-mimo-v2-6-pro-rl-1-02t", 358'400},  // MiMo-V2.5-Pro config: 70 × 8 × (192 + 128) × 2 (350 KiB)
    {"nemotron-3-5-lightning-30b-a3b", 6'144},  // Nemotron 3 Nano config: 6 attention blocks × 2 × 2 × 128 × 2
    {"qwen3-8-27b", 65'536},  // Qwen3.6-27B config: 16 full-attention layers × 2 × 4 × 256 × 2
};
// clang-format on

void PrintTo(const KvCase& c, std::ostream* os) { *os << c.slug; }

class KvPerToken : public ::testing::TestWithParam<KvCase> {};

TEST_P(KvPerToken, MatchesHandDerivation) {
  const KvCase& c = GetParam();
  EXPECT_EQ(llmg::testing::catalog_facts(c.slug).kv_cache.bytes_per_token_bf16, c.bytes) << c.slug;
}

INSTANTIATE_TEST_SUITE_P(Catalog, KvPerToken, ::testing::ValuesIn(kCases),
                         [](const auto& info) {
                           std::string name = info.param.slug;
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

// DeepSeek V4-Pro at 1M tokens (the memory verb applies the 128-token window and the compression):
// 30 CSA layers hold 128 + 1,048,576 / 4 = 262,272 slots and 31 HCA layers 128 + 8,192 = 8,320 slots,
// 512 bf16 values each: (30 × 262,272 + 31 × 8,320) × 512 × 2 = 8,321,105,920 bytes. Adding the CSA
// indexer's keys (30 × 262,144 × 128 × 2 = 2,013,265,920) gives 10,334,371,840 bytes = 9.62 GiB, the
// figure DeepSeek published for V4-Pro's 1M-token KV cache in bf16.
TEST(KvCache, DeepSeekV4ProAtOneMillionTokens) {
  llmg::MemoryQuery query;
  query.context = 1'048'576;
  auto report = llmg::memory_report(llmg::testing::catalog_model("deepseek-v4-pro-1-6t"), query);
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(report->kv_bytes, 8'321'105'920);
  const double with_indexer_gib = static_cast<double>(report->kv_bytes + 2'013'265'920LL) / (1LL << 30);
  EXPECT_NEAR(with_indexer_gib, 9.62, 0.005);
}

}  // namespace
