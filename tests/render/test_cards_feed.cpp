// Figure-first index cards (compare slots, zoom link, key detail), page weights, the public base URL and
// the Atom feed's absolute links and ids (issue 14 items 3-4).
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "catalog/catalog.h"
#include "render/html/feed.h"
#include "render/html/gallery.h"
#include "render/html/model_page.h"
#include "render/html/views.h"
#include "site/base_url.h"
#include "site/query.h"

namespace llmg {
namespace {

const html::Gallery& gallery() {
  static const html::Gallery g = html::build_gallery(Catalog::bundled());
  return g;
}

site::GalleryQuery query_of(const site::QueryParams& params) {
  auto q = site::parse_gallery_query(params);
  EXPECT_TRUE(q.has_value());
  return *q;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

TEST(BaseUrl, AcceptsHttpAndHttpsAndDropsTheTrailingSlash) {
  EXPECT_EQ(*site::parse_base_url("https://example.org/gallery/"), "https://example.org/gallery");
  EXPECT_EQ(*site::parse_base_url("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
  EXPECT_EQ(*site::parse_base_url("http://[::1]:8080/"), "http://[::1]:8080");
  EXPECT_EQ(*site::parse_base_url("https://example.org/"), "https://example.org");
}

TEST(BaseUrl, RejectsOtherSchemesQueriesAndFragments) {
  for (const char* bad : {"ftp://example.org", "example.org", "https://", "https://example.org/?x=1",
                          "https://example.org/#top", "https://exa mple.org", "https://user@example.org", "/gallery"}) {
    auto parsed = site::parse_base_url(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_NE(parsed.error().message.find("--base-url"), std::string::npos) << parsed.error().message;
  }
}

TEST(AtomFeed, LinksAndIdsAreAbsoluteUnderTheBaseUrl) {
  const auto& changes = *Catalog::bundled().changes();
  const std::string feed = html::atom_feed(gallery(), changes, {"https://example.org/g", {}});
  EXPECT_NE(feed.find("<id>https://example.org/g/feed.xml</id>"), std::string::npos);
  EXPECT_NE(feed.find("rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/g/feed.xml\""), std::string::npos);
  EXPECT_NE(feed.find("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/g/models/llama-3-8b\"/>"),
            std::string::npos);
  // Every href and id is absolute: no root-relative link is left.
  EXPECT_EQ(feed.find("href=\"/"), std::string::npos);
  EXPECT_EQ(count(feed, "<entry>"), changes.size());
  EXPECT_EQ(count(feed, "<id>https://example.org/g/changelog#c-"), changes.size());
  // Each entry carries its own day from catalog/changelog.tsv.
  EXPECT_NE(feed.find("<published>2026-11-24T00:00:00Z</published>"), std::string::npos);
  EXPECT_NE(feed.find("<published>2026-11-29T00:00:00Z</published>"), std::string::npos);
}

TEST(AtomFeed, TheExportMapsLinksToItsFiles) {
  const auto& changes = *Catalog::bundled().changes();
  const std::string feed = html::atom_feed(gallery(), changes, {"https://example.org", [](std::string_view path) {
                                                                  return std::string(path == "/changelog" ? "changelog.html" : "x.html");
                                                                }});
  EXPECT_NE(feed.find("href=\"https://example.org/changelog.html\""), std::string::npos);
}

TEST(AtomFeed, ListsTheSameEntriesAsTheChangelogPage) {
  const auto& changes = *Catalog::bundled().changes();
  const std::string feed = html::atom_feed(gallery(), changes, {"http://h", {}});
  const std::string page = html::changelog_page(gallery(), changes);
  const std::vector<std::string> anchors = html::change_anchors(changes);
  ASSERT_EQ(anchors.size(), changes.size());
  EXPECT_EQ(std::set<std::string>(anchors.begin(), anchors.end()).size(), anchors.size()) << "anchors are unique";
  for (const std::string& anchor : anchors) {
    EXPECT_NE(page.find("<li id=\"" + anchor + "\">"), std::string::npos) << anchor;
    EXPECT_NE(feed.find("<id>http://h/changelog#" + anchor + "</id>"), std::string::npos) << anchor;
  }
  EXPECT_EQ(anchors.front().rfind("c-2026-11-29-", 0), 0u) << "newest first: " << anchors.front();
}

TEST(AtomFeed, WithoutABaseIdsAreUrns) {
  site::set_public_base_url("");
  const std::string feed = html::atom_feed(gallery(), *Catalog::bundled().changes());
  EXPECT_NE(feed.find("<id>urn:llmgallery:changelog</id>"), std::string::npos);
  site::set_public_base_url("https://example.net");
  const std::string absolute = html::atom_feed(gallery(), *Catalog::bundled().changes());
  site::set_public_base_url("");
  EXPECT_NE(absolute.find("<id>https://example.net/feed.xml</id>"), std::string::npos);
}

TEST(GalleryQuery, CompareSlotsAreKeptAndValidated) {
  const auto q = query_of({{"a", "llama-3-8b"}, {"sort", "name"}});
  EXPECT_EQ(q.compare_a, "llama-3-8b");
  EXPECT_EQ(q.compare_b, "");
  auto bad = site::parse_gallery_query({{"b", "<script>"}});
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("parameter 'b'"), std::string::npos);
}

TEST(IndexCards, FigureFirstWithKeyDetailAndCompareActions) {
  const std::string index = html::index_page(gallery(), query_of({}));
  std::size_t known = 0;
  for (const auto& item : gallery().items) known += item.view.model != nullptr;
  // One figure link to the full diagram per known model, one key-detail line, two compare actions per card.
  EXPECT_EQ(count(index, "<a class=\"figure\" href=\"/diagrams/"), known);
  EXPECT_EQ(count(index, "<p class=\"key-detail\">"), known);
  EXPECT_EQ(count(index, "class=\"cmp cmp-a\""), gallery().items.size());
  EXPECT_EQ(count(index, "class=\"cmp cmp-b\""), gallery().items.size());
  EXPECT_NE(index.find("<p class=\"key-detail\">MLA + DeepSeek Sparse Attention</p>"), std::string::npos);
  EXPECT_NE(index.find("<dialog class=\"zoom\" id=\"zoom-dialog\""), std::string::npos);
  // Both slots empty: the compare button is inert.
  EXPECT_NE(index.find("<span class=\"button go\" aria-disabled=\"true\">"), std::string::npos);
}

TEST(IndexCards, ChoosingAKeepsAnEmptyBAndBothLeadToTheDiff) {
  const std::string only_a = html::index_page(gallery(), query_of({{"a", "llama-3-8b"}}));
  // The B link of another card keeps A; the A slot names the model, B stays empty.
  EXPECT_NE(only_a.find("href=\"/?a=llama-3-8b&amp;b=olmo-2-7b#compare\""), std::string::npos);
  EXPECT_NE(only_a.find("data-slot=\"b\" data-slug=\"\"><span class=\"slot-label\">B</span> <span class=\"empty-slot\">"),
            std::string::npos);
  EXPECT_EQ(only_a.find("/diff/"), std::string::npos);
  const std::string both = html::index_page(gallery(), query_of({{"a", "llama-3-8b"}, {"b", "olmo-2-7b"}}));
  EXPECT_NE(both.find("<a class=\"button go\" href=\"/diff/llama-3-8b/olmo-2-7b\">"), std::string::npos);
  // The filter form carries the slots.
  EXPECT_NE(both.find("<input type=\"hidden\" name=\"a\" value=\"llama-3-8b\">"), std::string::npos);
}

TEST(PageWeight, IndexUnderOneAndAHalfMegabytes) {
  // Issue 14: the index with every catalog model (108 when written) at most 1.5 MB, both views.
  ASSERT_GE(gallery().items.size(), 108u);
  const std::string cards = html::index_page(gallery(), query_of({}));
  const std::string table = html::index_page(gallery(), query_of({{"view", "compact"}}));
  EXPECT_LE(cards.size(), 1'500'000u) << cards.size();
  EXPECT_LE(table.size(), 1'500'000u) << table.size();
  std::cout << "index bytes: cards " << cards.size() << ", table " << table.size() << "\n";
}

TEST(PageWeight, EveryModelPageUnder150Kilobytes) {
  const auto memory = *site::parse_memory_settings({});
  std::size_t largest = 0;
  std::string largest_slug;
  for (const auto& item : gallery().items) {
    const std::string page = html::model_page(gallery(), item, memory);
    EXPECT_LE(page.size(), 150'000u) << item.view.slug;
    if (page.size() > largest) largest = page.size(), largest_slug = item.view.slug;
  }
  std::cout << "largest model page: " << largest_slug << " " << largest << " bytes\n";
}

}  // namespace
}  // namespace llmg

namespace llmg {
namespace {

// Newcomer review 5: the index's own Attention select sends attn=GQA; the filter is case-blind, so GQA and a
// typed gqa select the same models (60 of 108 at the time of writing: every model with a GQA layer), and the
// option stays selected.
TEST(GalleryFilter, AttentionFlavourIsMatchedWithoutCase) {
  const std::string upper = html::index_page(gallery(), query_of({{"attn", "GQA"}}));
  const std::string lower = html::index_page(gallery(), query_of({{"attn", "gqa"}}));
  const std::string any = html::index_page(gallery(), query_of({}));
  const std::regex showing("Showing ([0-9]+) of ([0-9]+)");
  std::smatch m_upper, m_lower, m_any;
  ASSERT_TRUE(std::regex_search(upper, m_upper, showing));
  ASSERT_TRUE(std::regex_search(lower, m_lower, showing));
  ASSERT_TRUE(std::regex_search(any, m_any, showing));
  EXPECT_EQ(m_upper[1], m_lower[1]);
  EXPECT_GT(std::stoi(m_upper[1]), 30);
  EXPECT_LT(std::stoi(m_upper[1]), std::stoi(m_any[1]));
  EXPECT_NE(upper.find("<option value=\"GQA\" selected>"), std::string::npos);
}

}  // namespace
}  // namespace llmg
