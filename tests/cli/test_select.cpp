// The one sort-key table (view/select.h) behind `list --sort`, the web index's sort form and the poster:
// every key the CLI and the index offer is a row, numeric rows say which models lack the value, and the
// list sort orders by the row's value.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "catalog/catalog.h"
#include "site/query.h"
#include "view/select.h"

namespace llmg {
namespace {

TEST(SortTable, EveryRowIsANumberOrATextAndKeysAreUnique) {
  std::vector<std::string> keys;
  for (const SortField& field : sort_fields()) {
    EXPECT_NE(field.number == nullptr, field.text == nullptr) << field.key << ": a number or a text, not both";
    EXPECT_EQ(field.number == nullptr, field.known == nullptr) << field.key;
    EXPECT_EQ(std::count(keys.begin(), keys.end(), std::string(field.key)), 0) << field.key;
    keys.emplace_back(field.key);
    EXPECT_EQ(sort_field(field.key), &field);
  }
  EXPECT_EQ(sort_field("bogus"), nullptr);
}

TEST(SortTable, TheIndexFormOffersTheIndexRowsInTableOrder) {
  std::vector<std::string> expected, offered;
  for (const SortField& field : sort_fields())
    if (field.in_index) expected.emplace_back(field.key);
  for (const site::SortKey& key : site::sort_keys()) offered.emplace_back(key.key);
  EXPECT_EQ(offered, expected);
  EXPECT_EQ(offered, (std::vector<std::string>{"date", "name", "total", "active", "kv", "context", "layers", "score"}));
}

TEST(SortTable, ListSortsLargestFirstAndRejectsKeysItDoesNotOffer) {
  std::vector<ModelView> views;
  for (const CatalogEntry& entry : Catalog::bundled().entries()) views.push_back(view_of(entry));
  ASSERT_TRUE(sort_for_list(views, "total"));
  for (std::size_t i = 1; i < views.size(); ++i)
    EXPECT_GE(views[i - 1].facts.params.total, views[i].facts.params.total) << views[i].slug;
  ASSERT_TRUE(sort_for_list(views, "name"));
  for (std::size_t i = 1; i < views.size(); ++i) EXPECT_LE(views[i - 1].name, views[i].name);
  auto family = sort_for_list(views, "family");  // the poster's key, not offered by list
  ASSERT_FALSE(family);
  EXPECT_NE(family.error().message.find("'--sort family'"), std::string::npos);
}

TEST(SortTable, AnUnknownArchitectureHasNoFacts) {
  for (const CatalogEntry& entry : Catalog::bundled().entries()) {
    if (entry.model) continue;
    const ModelView view = view_of(entry);
    EXPECT_FALSE(sort_field("total")->known(view)) << entry.slug;
    EXPECT_EQ(sort_field("family")->text(view), "~unknown");
    return;
  }
  GTEST_SKIP() << "no catalog model of unknown architecture";
}

}  // namespace
}  // namespace llmg
