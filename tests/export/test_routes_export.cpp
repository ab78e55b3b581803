// The route table (site/routes.h) against the static export: every GET route the server answers has a file
// in the export (or the table says why not), and every navigation entry resolves to an exported file.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "catalog/catalog.h"
#include "export/static_site.h"
#include "site/routes.h"

namespace {

using llmg::site::Route;

const llmg::site::SiteFiles& exported() {
  static const llmg::site::SiteFiles files = llmg::site::build_site(llmg::Catalog::bundled());
  return files;
}

// Arguments for a route's parameters that name things in the bundled catalog; for a diff, the first pair
// the export pre-rendered (a model and its parent in the catalog's lineage).
std::vector<std::string> sample_args(const Route& route) {
  const std::string name(route.name);
  if (name == "asset") return {"style.css"};
  if (name == "concept") return {"gqa"};
  if (name == "stats") return {"attention"};
  if (name == "diff" || name == "api_diff") {
    for (const auto& [path, data] : exported())
      if (path.starts_with("api/diff/")) {
        const std::string pair = path.substr(9, path.size() - 9 - 5);  // "a/b"
        return {pair.substr(0, pair.find('/')), pair.substr(pair.find('/') + 1)};
      }
    return {"none", "none"};
  }
  return {"llama-3-8b", "qwen3-8b"};
}

std::set<std::string> rendered_pairs() {
  std::set<std::string> pairs;
  for (const auto& [path, data] : exported())
    if (path.starts_with("api/diff/")) pairs.insert(path.substr(9, path.size() - 9 - 5));
  return pairs;
}

}  // namespace

TEST(RouteTable, NamesAndPatternsAreUniqueAndWellFormed) {
  std::set<std::string> names, patterns;
  for (const Route& route : llmg::site::routes()) {
    EXPECT_TRUE(names.insert(std::string(route.name)).second) << route.name;
    EXPECT_TRUE(patterns.insert(std::string(route.pattern)).second) << route.pattern;
    EXPECT_TRUE(route.pattern.starts_with("/")) << route.name;
    EXPECT_TRUE(route.allow.starts_with("GET, HEAD")) << route.name;
    // A pattern matches the link built from it, and no other row matches that link first.
    const std::string link = llmg::site::link_to(route, sample_args(route));
    auto match = llmg::site::match_route(link);
    ASSERT_TRUE(match) << link;
    EXPECT_EQ(match->route->name, route.name) << link;
  }
  EXPECT_FALSE(llmg::site::match_route("/nowhere"));
  EXPECT_FALSE(llmg::site::match_route("/models/"));
  EXPECT_FALSE(llmg::site::match_route("/diagrams/.svg"));
}

TEST(RouteTable, RegexOfAPatternCapturesItsParameters) {
  EXPECT_EQ(llmg::site::route_regex(llmg::site::route("index")), "/");
  EXPECT_EQ(llmg::site::route_regex(llmg::site::route("diagram")), R"(/diagrams/([^/]+)\.svg)");
  EXPECT_EQ(llmg::site::route_regex(llmg::site::route("api_diff")), "/api/diff/([^/]+)/([^/]+)");
  EXPECT_EQ(llmg::site::link_to(llmg::site::route("model"), {"llama-3-8b"}), "/models/llama-3-8b");
  EXPECT_EQ(llmg::site::link_to(llmg::site::route("tree"), {}, "../"), "../tree");
  EXPECT_THROW(llmg::site::route("no-such-route"), std::out_of_range);
}

TEST(RouteTable, EveryGetRouteHasAnExportedFile) {
  const auto pairs = rendered_pairs();
  ASSERT_FALSE(pairs.empty()) << "the export pre-renders the lineage pairs";
  for (const Route& route : llmg::site::routes()) {
    const std::string link = llmg::site::link_to(route, sample_args(route));
    auto file = llmg::site::static_path_of(link, pairs);
    if (!file) {
      EXPECT_FALSE(route.export_note.empty()) << route.name << ": no exported file and no note saying why";
      continue;
    }
    const std::string path = file->substr(0, file->find_first_of("?#"));
    EXPECT_TRUE(exported().contains(path)) << route.name << ": " << link << " -> " << path << " not exported";
  }
}

TEST(RouteTable, NavigationEntriesResolveToExportedFiles) {
  std::size_t entries = 0;
  for (const Route& route : llmg::site::routes()) {
    if (route.nav_label.empty()) continue;
    ++entries;
    auto file = llmg::site::static_path_of(llmg::site::link_to(route), {});
    ASSERT_TRUE(file) << route.name;
    EXPECT_TRUE(exported().contains(*file)) << route.name << " -> " << *file;
    // The page frame draws the entry with its label.
    EXPECT_NE(exported().at("index.html").find(std::string(">") + std::string(route.nav_label) + "</a>"),
              std::string::npos)
        << route.nav_label;
  }
  EXPECT_EQ(entries, 7u);  // Gallery, Timeline, Family tree, Concepts, Changelog, Inspect a config, JSON API
}

// The changelog is the catalog's (Catalog::changes()): the bundled one reads, and an export of a catalog
// whose changelog did not read fails with that error instead of writing an empty changelog.
TEST(CatalogChanges, BundledChangelogReadsAndAnErrorIsNotSwallowed) {
  const auto& changes = llmg::Catalog::bundled().changes();
  ASSERT_TRUE(changes) << changes.error().message;
  EXPECT_FALSE(changes->empty());
  EXPECT_NE(exported().at("changelog.html").find(changes->front().date), std::string::npos);
  const llmg::Catalog broken({}, llmg::parse_changelog("date\tslug\tkind\ttext\n2026-01-01\tx\tremoved\tno\n"));
  ASSERT_FALSE(broken.changes());
  EXPECT_THROW(llmg::site::build_site(broken), std::runtime_error);
}
