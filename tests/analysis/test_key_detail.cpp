// The card's key detail line: the most distinctive feature of each architecture (analysis/changes.h).
#include <gtest/gtest.h>

#include "analysis/changes.h"
#include "test_support.h"

namespace llmg {
namespace {

using testing::catalog_model;

TEST(KeyDetail, NamesTheMostDistinctiveFeature) {
  // deepseek-ai/DeepSeek-V3.2 config.json: MLA (kv_lora_rank 512) with the lightning indexer (index_topk 2048).
  EXPECT_EQ(key_detail(catalog_model("deepseek-v3-2-671b")), "MLA + DeepSeek Sparse Attention");
  // DeepSeek V3 config.json: kv_lora_rank 512, no indexer.
  EXPECT_EQ(key_detail(catalog_model("deepseek-v3-671b")), "MLA (KV latent 512)");
  // Gemma 3 27B: a global layer every 6th (sliding_window_pattern 6), sliding_window 1024.
  EXPECT_EQ(key_detail(catalog_model("gemma-3-27b")), "5:1 sliding window (1,024)");
  // Qwen3-Next 80B-A3B: full_attention_interval 4 -> 36 Gated DeltaNet : 12 attention = 3:1.
  EXPECT_EQ(key_detail(catalog_model("qwen3-next-80b-a3b")), "3:1 Gated DeltaNet");
  // gpt-oss-120b: layer_types alternate sliding (sliding_window 128) and full attention.
  EXPECT_EQ(key_detail(catalog_model("gpt-oss-120b")), "1:1 sliding window (128)");
  // Qwen3 30B-A3B config.json: num_experts 128, num_experts_per_tok 8, no windows (use_sliding_window false).
  EXPECT_EQ(key_detail(catalog_model("qwen3-30b-a3b")), "MoE: 128 experts, top-8");
  // Llama 3 8B: plain GQA, dense, nothing else stands out.
  EXPECT_EQ(key_detail(catalog_model("llama-3-8b")), "GQA");
  // OLMo 2 7B: MHA with QK-norm.
  EXPECT_EQ(key_detail(catalog_model("olmo-2-7b")), "MHA with QK-norm");
}

}  // namespace
}  // namespace llmg
