// Computed influence (view/influence.h): the design features of a model, the design distance, and the
// closest earlier model of each catalog model without a recorded parent. Release dates are the
// catalog's (catalog/facts.tsv); features come from each model's config.json through the readers.
#include <gtest/gtest.h>

#include <map>

#include "test_support.h"
#include "view/influence.h"

namespace llmg {
namespace {

std::vector<std::string> texts(const std::vector<DesignFeature>& features) {
  std::vector<std::string> out;
  for (const DesignFeature& f : features) out.push_back(f.text);
  return out;
}

TEST(DesignFeatures, Llama3AndGpt2) {
  // Llama 3 8B (config.json): 32 heads, 8 KV heads (GQA), rms_norm_eps, rope_theta 500000, hidden_act silu
  // with gate_proj, attention_bias false, tie_word_embeddings false, no MTP.
  EXPECT_EQ(texts(design_features(testing::catalog_model("llama-3-8b"))),
            (std::vector<std::string>{"global layers", "GQA attention", "dense FFN", "pre-norm", "RMSNorm", "RoPE",
                                      "no QK-norm", "gated silu FFN", "no QKV bias", "untied embeddings", "no MTP"}));
  // GPT-2 XL: n_head 25 and no KV grouping (MHA), LayerNorm with bias, learned positions (n_positions 1024),
  // a plain gelu_new MLP, biased c_attn, tied wte / lm_head.
  EXPECT_EQ(texts(design_features(testing::catalog_model("gpt-2-xl-1-5b"))),
            (std::vector<std::string>{"global layers", "MHA attention", "dense FFN", "pre-norm", "LayerNorm",
                                      "learned positions", "no QK-norm", "plain gelu_new FFN", "QKV bias",
                                      "tied embeddings", "no MTP"}));
}

TEST(DesignFeatures, DistanceIsTheSumOfTheDifferingWeights) {
  const auto llama = design_features(testing::catalog_model("llama-3-8b"));
  const auto gpt2 = design_features(testing::catalog_model("gpt-2-xl-1-5b"));
  // attention 3 + norm 1 + positions 1 + activation 1 + QKV bias 0.5 + tied embeddings 0.5 = 7
  EXPECT_DOUBLE_EQ(design_distance(llama, gpt2), 7.0);
  EXPECT_DOUBLE_EQ(design_distance(llama, llama), 0.0);
  // Qwen3 0.6B against Llama 3.2 1B: both GQA, tied, gated silu; Qwen3 adds per-head QK-norm (weight 1).
  EXPECT_DOUBLE_EQ(design_distance(design_features(testing::catalog_model("qwen3-0-6b")),
                                   design_features(testing::catalog_model("llama-3-2-1b"))),
                   1.0);
}

struct Computed {
  std::vector<ModelView> views;
  std::vector<std::optional<Influence>> influence;
  std::map<std::string, std::size_t> index;
  Computed() {
    for (const CatalogEntry& entry : Catalog::bundled().entries()) views.push_back(view_of(entry));
    std::vector<const ModelView*> pointers;
    for (std::size_t i = 0; i < views.size(); ++i) {
      pointers.push_back(&views[i]);
      index[views[i].slug] = i;
    }
    influence = computed_influences(pointers);
  }
  const std::optional<Influence>& of(const std::string& slug) { return influence.at(index.at(slug)); }
  std::string from(const std::string& slug) { return views[of(slug)->from].slug; }
};

TEST(ComputedInfluence, ClosestEarlierDesigns) {
  Computed c;
  // Llama 3 8B (2024-04-18): the only earlier model is GPT-2 XL (2019-11-05), distance 7 as above.
  ASSERT_TRUE(c.of("llama-3-8b"));
  EXPECT_EQ(c.from("llama-3-8b"), "gpt-2-xl-1-5b");
  EXPECT_DOUBLE_EQ(c.of("llama-3-8b")->distance, 7.0);
  EXPECT_EQ(c.of("llama-3-8b")->shared,
            (std::vector<std::string>{"global layers", "dense FFN", "pre-norm", "no QK-norm", "no MTP"}));
  // Phi-4 (2024-12-12): the same design as Llama 3 8B (untied, no QK-norm): distance 0, all 11 shared.
  // Llama 3.2 1B/3B differ by tied embeddings (0.5), OLMo 2 by post-norm and QK-norm.
  ASSERT_TRUE(c.of("phi-4-14b"));
  EXPECT_EQ(c.from("phi-4-14b"), "llama-3-8b");
  EXPECT_DOUBLE_EQ(c.of("phi-4-14b")->distance, 0.0);
  EXPECT_EQ(c.of("phi-4-14b")->shared.size(), 11u);
  // Qwen3 0.6B (2025-04-28): Llama 3.2 1B (2024-09-25) is tied too; only the QK-norm differs.
  ASSERT_TRUE(c.of("qwen3-0-6b"));
  EXPECT_EQ(c.from("qwen3-0-6b"), "llama-3-2-1b");
  EXPECT_DOUBLE_EQ(c.of("qwen3-0-6b")->distance, 1.0);
  const auto& shared = c.of("qwen3-0-6b")->shared;
  EXPECT_EQ(std::count(shared.begin(), shared.end(), "tied embeddings"), 1);
  EXPECT_EQ(std::count(shared.begin(), shared.end(), "no QK-norm"), 0);
  // Sarvam 105B (2026-03-03): MLA with shared-expert MoE and no MTP, like LongCat-Flash-Lite (2026-01-28)
  // and Mistral Large 3 (2025-12-02), both at distance 0; the size-aware tie-break picks LongCat.
  ASSERT_TRUE(c.of("sarvam-105b"));
  EXPECT_EQ(c.from("sarvam-105b"), "longcat-flash-lite-68-5b-a3b");
  EXPECT_DOUBLE_EQ(c.of("sarvam-105b")->distance, 0.0);
  EXPECT_EQ(c.of("sarvam-105b")->shared.front(), "MLA layers");
}

TEST(ComputedInfluence, OnlyForModelsWithoutARecordedParentAndAlwaysEarlier) {
  Computed c;
  EXPECT_FALSE(c.of("gpt-2-xl-1-5b"));  // nothing earlier
  EXPECT_FALSE(c.of("llama-3-2-1b"));   // recorded parent: llama-3-8b
  std::size_t computed = 0;
  for (std::size_t i = 0; i < c.views.size(); ++i) {
    const ModelView& v = c.views[i];
    if (!c.influence[i]) continue;
    ++computed;
    EXPECT_TRUE(v.entry->parent.empty()) << v.slug;
    const ModelView& from = c.views[c.influence[i]->from];
    EXPECT_LT(from.entry->release_date, v.entry->release_date) << v.slug;
    EXPECT_TRUE(from.model) << v.slug;
  }
  EXPECT_GT(computed, 20u);
}

}  // namespace
}  // namespace llmg
