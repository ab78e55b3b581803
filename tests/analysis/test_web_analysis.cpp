// The comparisons behind the web pages: KV bands, architectural distance, the diff summary, and the
// parsing of gallery and calculator query strings.
#include <gtest/gtest.h>

#include "analysis/changes.h"
#include "analysis/compare.h"
#include "analysis/kv_band.h"
#include "catalog/embedded.h"
#include "render/html/gallery.h"
#include "render/html/memory_calc.h"
#include "render/html/views.h"
#include "test_support.h"

namespace llmg {
namespace {

using testing::catalog_facts;
using testing::catalog_model;

TEST(KvBand, ThresholdsAreTheReferenceGallerysWithInclusiveUpperBounds) {
  constexpr std::int64_t KiB = 1024;
  EXPECT_EQ(kv_band(0).band, KvBand::NoCache);
  EXPECT_EQ(kv_band(1).band, KvBand::VeryLow);
  EXPECT_EQ(kv_band(24 * KiB).band, KvBand::VeryLow);
  EXPECT_EQ(kv_band(24 * KiB + 1).band, KvBand::Low);
  EXPECT_EQ(kv_band(72 * KiB).band, KvBand::Low);
  EXPECT_EQ(kv_band(72 * KiB + 1).band, KvBand::Moderate);
  EXPECT_EQ(kv_band(160 * KiB).band, KvBand::Moderate);
  EXPECT_EQ(kv_band(160 * KiB + 1).band, KvBand::High);
  EXPECT_EQ(kv_band(300 * KiB).band, KvBand::High);
  EXPECT_EQ(kv_band(300 * KiB + 1).band, KvBand::VeryHigh);
  EXPECT_EQ(kv_band(std::int64_t{1} << 40).band, KvBand::VeryHigh);
  // The table is increasing and only the last band is open.
  const auto bands = kv_bands();
  for (std::size_t i = 1; i + 1 < bands.size(); ++i) EXPECT_LT(bands[i - 1].max_bytes, bands[i].max_bytes);
  EXPECT_EQ(bands.back().max_bytes, -1);
  // Llama 3 8B: 32 layers × 8 KV heads × 128 × 2 (K, V) × 2 bytes = 131,072 B = 128 KiB -> moderate.
  EXPECT_EQ(catalog_facts("llama-3-8b").kv_cache.bytes_per_token_bf16, 131072);
  EXPECT_EQ(kv_band(catalog_facts("llama-3-8b").kv_cache.bytes_per_token_bf16).key, "moderate");
  // DeepSeek V3: 61 layers × (512 + 64) × 2 bytes = 70,272 B = 68.6 KiB -> low.
  EXPECT_EQ(catalog_facts("deepseek-v3-671b").kv_cache.bytes_per_token_bf16, 70272);
  EXPECT_EQ(kv_band(catalog_facts("deepseek-v3-671b").kv_cache.bytes_per_token_bf16).key, "low");
  // GPT-2 XL: 48 layers × 25 heads × 64 × 2 × 2 bytes = 307,200 B = 300 KiB exactly -> high (bound inclusive).
  EXPECT_EQ(catalog_facts("gpt-2-xl-1-5b").kv_cache.bytes_per_token_bf16, 307200);
  EXPECT_EQ(kv_band(catalog_facts("gpt-2-xl-1-5b").kv_cache.bytes_per_token_bf16).key, "high");
  // Qwen3-Next keeps KV in 12 of 48 layers: 12 × 2 × 256 × 2 × 2 = 24,576 B = 24 KiB -> very low (bound inclusive).
  EXPECT_EQ(kv_band(catalog_facts("qwen3-next-80b-a3b").kv_cache.bytes_per_token_bf16).key, "very-low");
}

TEST(Compare, SharesAndRatiosInPlainWords) {
  EXPECT_EQ(share_phrase(36, 48), "3 of every 4");
  EXPECT_EQ(share_phrase(24, 48), "1 of every 2");
  EXPECT_EQ(share_phrase(48, 48), "all");
  EXPECT_EQ(share_phrase(7, 61), "7 of 61");
  EXPECT_EQ(ratio_phrase(4), "4×");
  EXPECT_EQ(ratio_phrase(2.6135), "2.61×");
  EXPECT_EQ(ratio_phrase(12.34), "12.3×");
}

TEST(Compare, DistanceIsAMetricOnFacts) {
  const Facts a = catalog_facts("qwen3-8b"), b = catalog_facts("qwen3-next-80b-a3b"), c = catalog_facts("qwen3-4b");
  EXPECT_DOUBLE_EQ(architecture_distance(a, a), 0.0);
  EXPECT_DOUBLE_EQ(architecture_distance(a, b), architecture_distance(b, a));
  EXPECT_LT(architecture_distance(a, c), architecture_distance(a, b));  // two dense Qwen3s are closer than dense vs hybrid
}

TEST(Compare, ClosestArchitecturesSkipSelfAndUnknown) {
  const Facts a = catalog_facts("qwen3-8b"), b = catalog_facts("qwen3-4b"), c = catalog_facts("deepseek-v3-671b");
  const std::vector<const Facts*> candidates = {&a, nullptr, &c, &b};
  const auto near = closest_architectures(a, candidates, 0, 5);
  ASSERT_EQ(near.size(), 2u);
  EXPECT_EQ(near[0].index, 3u);
  EXPECT_EQ(near[1].index, 2u);
}

// The diff summary (analysis/changes.h changes_summary, the one the CLI, the web diff and the export show):
// the layer replacement and the KV ratio, the same architecture, an unknown side.
TEST(Compare, SummaryNamesTheLayerReplacementAndKvRatio) {
  const Model& a = catalog_model("qwen3-30b-a3b");
  const Model& b = catalog_model("qwen3-next-80b-a3b");
  const std::string text = changes_summary("Qwen3 30B-A3B", &a, compute_facts(a), "Qwen3-Next", &b, compute_facts(b));
  EXPECT_NE(text.find("Gated DeltaNet in 3 of every 4 layers"), std::string::npos) << text;
  EXPECT_NE(text.find("KV per token 4× smaller"), std::string::npos) << text;
  EXPECT_NE(text.find("3:1 with gated attention"), std::string::npos) << text;
  const Model& q = catalog_model("qwen3-8b");
  EXPECT_EQ(changes_summary("A", &q, compute_facts(q), "B", &q, compute_facts(q)), "A and B share the same architecture.");
  EXPECT_NE(changes_summary("A", nullptr, Facts{}, "B", &q, compute_facts(q)).find("unknown"), std::string::npos);
}

TEST(GalleryQuery, ParsesAndCanonicalizes) {
  auto q = html::parse_gallery_query({{"sort", "kv"}, {"type", "hybrid"}, {"min", "7B"}, {"from", "2025"}, {"q", "delta"}});
  ASSERT_TRUE(q) << q.error().message;
  EXPECT_EQ(q->sort, "kv");
  EXPECT_TRUE(q->descending);
  EXPECT_EQ(q->min_total, 7'000'000'000);
  EXPECT_EQ(q->date_from, "2025-01-01");
  EXPECT_EQ(html::query_string(q->canonical), "?sort=kv&type=hybrid&from=2025&min=7B&q=delta");
  auto defaults = html::parse_gallery_query({{"sort", "date"}, {"order", "desc"}, {"view", "cards"}});
  ASSERT_TRUE(defaults);
  EXPECT_TRUE(defaults->canonical.empty());
}

TEST(GalleryQuery, RejectsMalformedValuesNamingTheParameter) {
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"sort", "bogus"}, {"order", "up"}, {"view", "grid"}, {"type", "transformer"}, {"from", "20x5"},
           {"to", "2025-1"}, {"min", "abc"}, {"max", "1..5B"}, {"min", "7Q"}, {"q", std::string(300, 'x')}}) {
    auto q = html::parse_gallery_query({{name, value}});
    ASSERT_FALSE(q) << name << "=" << value;
    EXPECT_NE(q.error().message.find("'" + name + "'"), std::string::npos) << q.error().message;
  }
  EXPECT_EQ(*html::parse_size("500M", "min"), 500'000'000);
  EXPECT_EQ(*html::parse_size("1.5T", "min"), 1'500'000'000'000);
  EXPECT_EQ(*html::parse_size("8", "min"), 8'000'000'000);
}

TEST(GalleryQuery, FiltersAndSorts) {
  const html::Gallery gallery = html::build_gallery(Catalog::bundled());
  auto slugs = [&](const html::QueryParams& params) {
    std::vector<std::string> out;
    for (const html::GalleryItem* item : html::select_items(gallery, *html::parse_gallery_query(params)))
      out.push_back(item->view.slug);
    return out;
  };
  auto contains = [](const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); };
  const auto hybrids = slugs({{"type", "hybrid"}});
  EXPECT_TRUE(contains(hybrids, "qwen3-next-80b-a3b"));
  EXPECT_FALSE(contains(hybrids, "llama-3-8b"));
  const auto by_total = slugs({{"sort", "total"}});
  ASSERT_FALSE(by_total.empty());
  for (std::size_t i = 1; i < by_total.size(); ++i) {
    const auto* a = gallery.find(by_total[i - 1]);
    const auto* b = gallery.find(by_total[i]);
    if (a->view.model && b->view.model) {
      EXPECT_GE(a->view.facts.params.total, b->view.facts.params.total);
    }
    if (!a->view.model) {
      EXPECT_FALSE(b->view.model) << "unknown architectures come last";
    }
  }
  const auto search = slugs({{"q", "gated deltanet"}});
  EXPECT_TRUE(contains(search, "qwen3-next-80b-a3b"));
  EXPECT_FALSE(contains(search, "llama-3-8b"));
  const auto range = slugs({{"from", "2024"}, {"to", "2024-12"}});
  EXPECT_TRUE(contains(range, "llama-3-8b"));
  EXPECT_FALSE(contains(range, "gpt-2-xl-1-5b"));
  for (const std::string& slug : slugs({{"min", "100B"}, {"max", "500B"}})) {
    const auto total = gallery.find(slug)->view.facts.params.total;
    EXPECT_GE(total, 100'000'000'000);
    EXPECT_LE(total, 500'000'000'000);
  }
}

TEST(MemorySettings, ParsesAndRejects) {
  auto s = html::parse_memory_settings({{"context", "128k"}, {"batch", "8"}, {"kv", "fp8"}});
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->context, 131072);
  EXPECT_EQ(s->batch, 8);
  EXPECT_EQ(s->kv.bits, 8);
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"context", "abc"}, {"context", "0"}, {"batch", "0"}, {"batch", "-1"}, {"batch", "99999"}, {"kv", "fp7"},
           {"weights", "x"}})
    EXPECT_FALSE(html::parse_memory_settings({{name, value}})) << name << "=" << value;
}

TEST(Changelog, EmbeddedChangelogParsesAndCoversTheCatalog) {
  std::string_view text;
  for (const auto& file : embedded::files())
    if (file.path == "changelog.tsv") text = file.data;
  ASSERT_FALSE(text.empty());
  auto changes = html::parse_changelog(text);
  ASSERT_TRUE(changes) << changes.error().message;
  for (const CatalogEntry& entry : Catalog::bundled().entries())
    EXPECT_TRUE(std::any_of(changes->begin(), changes->end(),
                            [&](const html::Change& c) { return c.slug == entry.slug && c.kind == "added"; }))
        << entry.slug << " has no 'added' row in catalog/changelog.tsv";
  EXPECT_FALSE(html::parse_changelog("date\tslug\tkind\ttext\n2026-01-01\tx\tremoved\tno\n"));
}

}  // namespace
}  // namespace llmg
