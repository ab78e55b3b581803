// Architecture differences as data, the diff summary written from them, and the attention named with
// its variant. The six pairs of issue 15 are golden files (tests/golden/diff/A--B.txt, byte-compared;
// after an intended change: LLMG_UPDATE_GOLDEN=1 build/tests/llmg_tests --gtest_filter='*DiffGolden*'
// and review the diff).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "analysis/changes.h"
#include "catalog/catalog.h"
#include "test_support.h"

namespace llmg {
namespace {

using testing::catalog_facts;
using testing::catalog_model;

const ArchitectureChange* find_change(const std::vector<ArchitectureChange>& changes, const std::string& feature) {
  for (const ArchitectureChange& c : changes)
    if (c.feature == feature) return &c;
  return nullptr;
}

std::vector<ArchitectureChange> changes_of(const std::string& a, const std::string& b) {
  return architecture_changes(catalog_model(a), catalog_facts(a), catalog_model(b), catalog_facts(b));
}

TEST(AttentionVariant, NamesTheVariant) {
  // deepseek-ai/DeepSeek-V3.2 config.json: index_topk 2048 (the lightning indexer's selection).
  EXPECT_EQ(attention_variant(catalog_model("deepseek-v3-2-671b")),
            "MLA with DeepSeek Sparse Attention (lightning indexer, top-2,048)");
  EXPECT_EQ(attention_variant(catalog_model("deepseek-v3-671b")), "MLA");
  // Gemma 3 27B: 62 layers, a global layer every 6th (sliding_window_pattern 6), window 1,024, QK-norm.
  EXPECT_EQ(attention_variant(catalog_model("gemma-3-27b")), "GQA with QK-norm, 5:1 sliding window (1,024)");
  // Qwen3-Next: full_attention_interval 4 -> 36 Gated DeltaNet + 12 gated attention layers.
  EXPECT_EQ(attention_variant(catalog_model("qwen3-next-80b-a3b")), "3:1 Gated DeltaNet and gated attention");
  EXPECT_EQ(attention_variant(catalog_model("llama-3-8b")), "GQA");
  EXPECT_EQ(attention_variant(catalog_model("olmo-2-7b")), "MHA with QK-norm");
  // The fact everyone reads is this string.
  EXPECT_EQ(catalog_facts("gemma-3-27b").attention_summary, "GQA with QK-norm, 5:1 sliding window (1,024)");
}

TEST(ArchitectureChanges, KvDeltaIsCreditedToTheKvHeads) {
  // Llama 3 8B: 32 layers × 2 × 8 KV heads × 128 × 2 bytes = 128 KiB; OLMo 2 7B: 32 KV heads -> 512 KiB.
  const auto changes = changes_of("llama-3-8b", "olmo-2-7b");
  const ArchitectureChange* heads = find_change(changes, "attention.heads");
  ASSERT_NE(heads, nullptr);
  EXPECT_EQ(heads->effect, "KV per token 4× larger: 32 KV heads instead of 8");
  ASSERT_NE(find_change(changes, "norm"), nullptr);
  EXPECT_EQ(find_change(changes, "norm")->b, "RMSNorm, post-norm inside the residual");
  ASSERT_NE(find_change(changes, "attention"), nullptr);  // OLMo 2's QK-norm is part of its attention's name
  EXPECT_EQ(find_change(changes, "attention")->b, "MHA with QK-norm");
  EXPECT_EQ(changes.front().feature, "attention.heads");  // the 4× cache is the most consequential change
}

TEST(ArchitectureChanges, LightningIndexerParameters) {
  // DeepSeek V3.2 indexer per layer (config: index_n_heads 64, index_head_dim 128, q_lora_rank 1536,
  // hidden 7168): wq_b 8,192 × 1,536 = 12,582,912; wk 128 × 7,168 = 917,504; k_norm 128 + 128;
  // weights_proj 64 × 7,168 = 458,752 -> 13,959,424 per layer × 61 layers = 851,524,864 (+0.85B).
  const auto changes = changes_of("deepseek-v3-671b", "deepseek-v3-2-671b");
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes.front().feature, "attention");
  EXPECT_EQ(changes.front().a, "MLA");
  EXPECT_EQ(changes.front().effect, "+0.85B parameters: a lightning indexer in every layer");
  EXPECT_EQ(catalog_facts("deepseek-v3-2-671b").params.total - catalog_facts("deepseek-v3-671b").params.total,
            851'524'864);
}

TEST(ArchitectureChanges, IdenticalAndUnknown) {
  const Model& m = catalog_model("qwen3-8b");
  EXPECT_TRUE(architecture_changes(m, catalog_facts("qwen3-8b"), m, catalog_facts("qwen3-8b")).empty());
  EXPECT_EQ(changes_summary("A", &m, catalog_facts("qwen3-8b"), "B", &m, catalog_facts("qwen3-8b")),
            "A and B share the same architecture.");
  EXPECT_NE(changes_summary("A", nullptr, Facts{}, "B", &m, catalog_facts("qwen3-8b")).find("unknown"),
            std::string::npos);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The golden text of a pair: the summary, then one line per change (feature: a → b; effect).
std::string golden_text(const std::string& a, const std::string& b) {
  const CatalogEntry* ea = Catalog::bundled().find(a);
  const CatalogEntry* eb = Catalog::bundled().find(b);
  std::string out = changes_summary(ea->name, &catalog_model(a), catalog_facts(a), eb->name, &catalog_model(b),
                                    catalog_facts(b)) +
                    "\n\n";
  for (const ArchitectureChange& c : changes_of(a, b))
    out += c.feature + ": " + c.a + " → " + c.b + (c.effect.empty() ? "" : "; " + c.effect) + "\n";
  return out;
}

struct Pair {
  const char* a;
  const char* b;
};

class DiffGolden : public ::testing::TestWithParam<Pair> {};

TEST_P(DiffGolden, SummaryIsByteIdentical) {
  const Pair pair = GetParam();
  const std::string text = golden_text(pair.a, pair.b);
  const std::filesystem::path path =
      std::filesystem::path(LLMG_GOLDEN_DIR) / "diff" / (std::string(pair.a) + "--" + pair.b + ".txt");
  if (const char* update = std::getenv("LLMG_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    GTEST_SKIP() << "rewrote " << path;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " missing; run with LLMG_UPDATE_GOLDEN=1";
  EXPECT_EQ(read_file(path), text) << path;
}

INSTANTIATE_TEST_SUITE_P(Issue15, DiffGolden,
                         ::testing::Values(Pair{"deepseek-v3-671b", "deepseek-v3-2-671b"},
                                           Pair{"llama-3-8b", "olmo-2-7b"},
                                           Pair{"qwen3-235b-a22b", "qwen3-next-80b-a3b"},
                                           Pair{"gemma-3-27b", "mistral-small-3-1-24b"},
                                           Pair{"gpt-oss-120b", "gpt-oss-20b"},
                                           Pair{"llama-3-8b", "llama-4-maverick-400b"}),
                         [](const auto& info) {
                           std::string name = std::string(info.param.a) + "_vs_" + info.param.b;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace llmg
