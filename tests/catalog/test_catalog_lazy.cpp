// Catalog::index() and Catalog::load(): a verb about one model reads one config, and gets what bundled()
// has for it (the whole catalog reads 108 configs; bench/cli.sh measures the difference).
#include <gtest/gtest.h>

#include "analysis/facts.h"
#include "catalog/catalog.h"

namespace {

using llmg::Catalog;

TEST(CatalogLazy, IndexHasEveryEntryWithoutReadingConfigs) {
  const Catalog& index = Catalog::index();
  ASSERT_EQ(index.entries().size(), Catalog::bundled().entries().size());
  for (const auto& entry : index.entries()) {
    EXPECT_FALSE(entry.model.has_value()) << entry.slug;
    const auto* full = Catalog::bundled().find(entry.slug);
    ASSERT_NE(full, nullptr) << entry.slug;
    EXPECT_EQ(entry.name, full->name);
    EXPECT_EQ(entry.parent, full->parent);
    EXPECT_EQ(entry.config_text, full->config_text);
  }
}

TEST(CatalogLazy, LoadReadsOneEntryAsBundledDoes) {
  for (const auto& full : Catalog::bundled().entries()) {
    const auto one = Catalog::load(full.slug);
    ASSERT_TRUE(one.has_value()) << full.slug;
    EXPECT_EQ(one->model.has_value(), full.model.has_value()) << full.slug;
    EXPECT_EQ(one->unknown_reason, full.unknown_reason) << full.slug;
    EXPECT_EQ(one->unknown_short, full.unknown_short) << full.slug;
    if (one->model && full.model) {
      const llmg::Facts a = llmg::compute_facts(*one->model);
      const llmg::Facts b = llmg::compute_facts(*full.model);
      EXPECT_EQ(a.params.total, b.params.total) << full.slug;
      EXPECT_EQ(a.kv_cache.bytes_per_token_bf16, b.kv_cache.bytes_per_token_bf16) << full.slug;
    }
  }
  EXPECT_FALSE(Catalog::load("no-such-model").has_value());
}

}  // namespace
