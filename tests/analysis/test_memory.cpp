// Memory at a real context length: each expected value is worked out by hand from the config.
#include <gtest/gtest.h>

#include "analysis/memory.h"
#include "test_support.h"

using llmg::testing::catalog_model;

namespace {

llmg::MemoryReport at(const std::string& slug, std::int64_t context, std::int64_t batch = 1) {
  llmg::MemoryQuery query;
  query.context = context;
  query.batch = batch;
  auto report = llmg::memory_report(catalog_model(slug), query);
  if (!report) throw std::runtime_error(report.error().message);
  return *report;
}

}  // namespace

// Llama 3 8B at 8,192 tokens: 32 layers × 8,192 tokens × (2 × 8 KV heads × 128) values × 2 bytes = 1 GiB.
TEST(Memory, Llama3_8bFullAttention) {
  const auto r = at("llama-3-8b", 8192);
  EXPECT_EQ(r.kv_bytes, 32LL * 8192 * 2 * 8 * 128 * 2);
  EXPECT_EQ(r.kv_bytes, r.naive_kv_bytes);
  EXPECT_EQ(r.state_bytes, 0);
  // Batch multiplies the cache, not the weights.
  const auto batched = at("llama-3-8b", 8192, 8);
  EXPECT_EQ(batched.kv_bytes, 8 * r.kv_bytes);
  EXPECT_EQ(batched.weight_bytes, r.weight_bytes);
  EXPECT_EQ(r.weight_bytes, 2 * 8'030'261'248LL);
}

// Gemma 3 27B at 128k: 52 sliding layers keep 1,024 tokens, 10 global layers keep 131,072; each token
// of a layer is 2 × 16 × 128 × 2 = 8,192 bytes. 52 × 1,024 × 8,192 = 436,207,616 and
// 10 × 131,072 × 8,192 = 10,737,418,240: 11,173,625,856 bytes (10.4 GiB) against the naive
// 62 × 131,072 × 8,192 = 66,571,993,088 (62 GiB), about 6× less.
TEST(Memory, Gemma3_27bSlidingWindowAt128k) {
  const auto r = at("gemma-3-27b", 131072);
  EXPECT_EQ(r.kv_bytes, 436'207'616LL + 10'737'418'240LL);
  EXPECT_EQ(r.naive_kv_bytes, 66'571'993'088LL);
}

// gpt-oss-120b at 128k: 18 sliding layers × 128 tokens × (2 × 8 × 64 × 2 = 2,048 bytes) = 4,718,592;
// 18 full layers × 131,072 × 2,048 = 4,831,838,208; naive 36 × 131,072 × 2,048 = 9,663,676,416 (2×).
TEST(Memory, GptOss120bHalfTheNaiveFigure) {
  const auto r = at("gpt-oss-120b", 131072);
  EXPECT_EQ(r.kv_bytes, 4'718'592LL + 4'831'838'208LL);
  EXPECT_EQ(r.naive_kv_bytes, 9'663'676'416LL);
}

// Llama 4 Maverick at 1M: 36 chunked layers keep one 8,192-token chunk, 12 global NoPE layers keep
// 1,048,576; 4,096 bytes per token and layer: 36 × 8,192 × 4,096 + 12 × 1,048,576 × 4,096.
TEST(Memory, Llama4MaverickChunkedAt1M) {
  const auto r = at("llama-4-maverick-400b", 1048576);
  EXPECT_EQ(r.kv_bytes, 36LL * 8192 * 4096 + 12LL * 1048576 * 4096);
}

// DeepSeek V3 at 163,840: the latent is 512 + 64 = 576 values (1,152 bytes) per layer and token:
// 61 × 163,840 × 1,152 = 11,513,364,480. Expanded K/V (an engine without latent caching): 128 heads ×
// (192 key + 128 value) = 40,960 values = 81,920 bytes per layer and token: 61 × 163,840 × 81,920.
TEST(Memory, DeepSeekV3LatentAndExpanded) {
  const auto r = at("deepseek-v3-671b", 163840);
  EXPECT_EQ(r.kv_bytes, 11'513'364'480LL);
  EXPECT_EQ(r.mla_expanded_kv_bytes, 61LL * 163840 * 81920);
}

// Qwen3-Next at 256k: 12 attention layers × 262,144 × (2 × 2 × 256 × 2 = 2,048 bytes) of KV; each of
// the 36 Gated DeltaNet layers keeps 32 heads × 128 × 128 × 4 bytes = 2,097,152 of state plus a conv
// window of (2 × 16 × 128 + 32 × 128) = 8,192 channels × 3 positions × 2 bytes = 49,152:
// 36 × 2,146,304 = 77,266,944 bytes, whatever the context.
TEST(Memory, Qwen3NextDeltaNetState) {
  const auto r = at("qwen3-next-80b-a3b", 262144);
  EXPECT_EQ(r.kv_bytes, 12LL * 262144 * 2048);
  EXPECT_EQ(r.state_bytes, 77'266'944LL);
  EXPECT_EQ(at("qwen3-next-80b-a3b", 1024).state_bytes, r.state_bytes);
}

// Nemotron 3 Nano: 23 Mamba-2 layers, each 64 heads × 64 head dim × 128 state × 4 bytes = 2,097,152
// plus a conv window of (4,096 + 2 × 8 groups × 128) = 6,144 channels × 3 × 2 bytes = 36,864:
// 23 × 2,134,016 = 49,082,368. KV: 6 attention layers × 2 × 2 × 128 × 2 = 1,024 bytes per token each.
TEST(Memory, NemotronNanoMambaState) {
  const auto r = at("nemotron-3-nano-30b-a3b", 131072);
  EXPECT_EQ(r.state_bytes, 49'082'368LL);
  EXPECT_EQ(r.kv_bytes, 6LL * 131072 * 1024);
}

// When the context fits in every window, what an engine keeps is the gallery figure × context.
TEST(Memory, AgreesWithGalleryFigureWithinWindows) {
  for (const char* slug : {"gpt-oss-120b", "gemma-3-27b", "llama-4-maverick-400b", "llama-3-8b"}) {
    const auto r = at(slug, 128);
    EXPECT_EQ(r.kv_bytes, r.naive_kv_bytes) << slug;
    EXPECT_EQ(r.kv_bytes, 128 * llmg::compute_facts(catalog_model(slug)).kv_cache.bytes_per_token_bf16) << slug;
  }
}

TEST(Memory, Fp8HalvesTheCacheAndInt4QuartersWeights) {
  llmg::MemoryQuery query;
  query.context = 8192;
  query.kv = *llmg::number_format("fp8", "--kv-dtype");
  query.weights = *llmg::number_format("int4", "--weights");
  const auto r = *llmg::memory_report(catalog_model("llama-3-8b"), query);
  EXPECT_EQ(r.kv_bytes, 32LL * 8192 * 2 * 8 * 128);
  EXPECT_EQ(r.weight_bytes, 8'030'261'248LL / 2);
}

TEST(Memory, TokenCountsAndBadArguments) {
  EXPECT_EQ(*llmg::parse_token_count("128k", "--context"), 131072);
  EXPECT_EQ(*llmg::parse_token_count("1M", "--context"), 1048576);
  EXPECT_EQ(*llmg::parse_token_count("8192", "--context"), 8192);
  EXPECT_FALSE(llmg::parse_token_count("-5", "--context"));
  EXPECT_FALSE(llmg::parse_token_count("12q", "--context"));
  EXPECT_FALSE(llmg::parse_token_count("99999999999M", "--context"));
  EXPECT_FALSE(llmg::number_format("fp7", "--kv-dtype"));
}

TEST(Memory, AcceleratorFits) {
  const auto fits = llmg::accelerator_fits(100'000'000'000LL);  // 100 GB
  EXPECT_EQ(*fits[0].count, 8);  // 24 GB cards: 5 needed, so 8 of 1/2/4/8
  EXPECT_EQ(*fits[1].count, 2);  // 80 GB
  EXPECT_EQ(*fits[2].count, 1);  // 141 GB
  EXPECT_FALSE(llmg::accelerator_fits(2'000'000'000'000LL)[0].count.has_value());
}
