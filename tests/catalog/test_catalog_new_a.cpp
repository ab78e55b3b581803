// The new reference-gallery cards of issue 13, part A (catalog/research/new-cards-a.md): the derived
// figures of the cards whose config the engine reads, held to the vendors' published figures or to the
// catalog model whose architecture they reuse.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "test_support.h"

using llmg::testing::catalog_facts;

namespace {

// `value` rounded to `digits` decimals in units of `unit` equals `published` (a card's "3.09B").
bool rounds_to(std::int64_t value, double unit, int digits, double published) {
  const double scale = std::pow(10.0, digits);
  return std::llround(static_cast<double>(value) / unit * scale) == std::llround(published * scale);
}

void expect_same_architecture(const std::string& slug, const std::string& base) {
  const auto a = catalog_facts(slug);
  const auto b = catalog_facts(base);
  EXPECT_EQ(a.params.total, b.params.total) << slug << " vs " << base;
  EXPECT_EQ(a.params.active, b.params.active) << slug << " vs " << base;
  EXPECT_EQ(a.params.active_with_embeddings, b.params.active_with_embeddings) << slug << " vs " << base;
  EXPECT_EQ(a.kv_cache.bytes_per_token_bf16, b.kv_cache.bytes_per_token_bf16) << slug << " vs " << base;
  EXPECT_EQ(a.layers, b.layers) << slug << " vs " << base;
}

}  // namespace

// VibeThinker-3B is a post-trained Qwen2.5-Coder-3B: Qwen publishes 3.09B total and 2.77B
// non-embedding for the 3B geometry. 36 · (2048·(2048+2·256) + (2048+2·256) + 2048·2048
// + 3·2048·11008 + 2·2048) + 151936·2048 (tied) + 2048 = 3,085,938,688.
TEST(CatalogNewA, VibeThinkerMatchesQwen25Coder3B) {
  const auto facts = catalog_facts("vibethinker-3b");
  EXPECT_EQ(facts.params.total, 3'085'938'688);
  EXPECT_TRUE(rounds_to(facts.params.total, 1e9, 2, 3.09));
  EXPECT_TRUE(rounds_to(facts.params.total - 151'936LL * 2048, 1e9, 2, 2.77));
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 36 * 2 * 128 * 2 * 2);  // 36 KiB
  EXPECT_EQ(facts.layers, 36);
}

// Laguna XS 2.1 keeps XS.2's shapes (XS-2.1 config trimmed to 8 layers, depth from XS.2): the SGLang
// cookbook's 33.4B total / 3.0B active (embedding counted) for XS.2; 10 global + 30 sliding layers.
TEST(CatalogNewA, LagunaXs21KeepsXs2Shapes) {
  expect_same_architecture("laguna-xs-2-1-33b", "laguna-xs-2-33b");
  const auto facts = catalog_facts("laguna-xs-2-1-33b");
  EXPECT_TRUE(rounds_to(facts.params.total, 1e9, 1, 33.4));
  EXPECT_TRUE(rounds_to(facts.params.active_with_embeddings, 1e9, 1, 3.0));
  EXPECT_EQ(facts.sliding_layers, 30);
  EXPECT_EQ(facts.attention_layers, 40);
  EXPECT_EQ(facts.context_length, 262'144);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 40 * 8 * 128 * 2 * 2);  // 160 KiB, windows not applied
}

// GLM-5.2: 744B total / 40B active (GLM-5 family); 78 MLA layers of 512 + 64 cached values.
TEST(CatalogNewA, Glm52) {
  const auto facts = catalog_facts("glm-5-2-744b");
  EXPECT_TRUE(rounds_to(facts.params.total, 1e9, 0, 744));
  EXPECT_TRUE(rounds_to(facts.params.active, 1e9, 0, 41));  // 40.83B; published "40B" truncates
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 78 * (512 + 64) * 2);  // 87.75 KiB
}

// Kimi K2.7 Code's config differs from K2.6's only in the quantization ignore list.
TEST(CatalogNewA, KimiK27CodeIsK26) {
  expect_same_architecture("kimi-k2-7-code-1t", "kimi-k2-6-1t");
  EXPECT_TRUE(rounds_to(catalog_facts("kimi-k2-7-code-1t").params.total, 1e12, 0, 1));
}

// Siblings: Soofi S reuses Nemotron 3 Nano unchanged; BTL-3 is a LoRA of Qwen3.6-27B.
TEST(CatalogNewA, SiblingsEqualTheirBase) {
  expect_same_architecture("soofi-s-30b-a3b", "nemotron-3-nano-30b-a3b");
  expect_same_architecture("btl-3-27b", "qwen3-6-27b");
}
