// The timeline and the family tree over time (issue 14): log ticks, the cut time axis, greedy label
// placement, the timeline's points, range and views, the tree's lanes, edges and filters, and the
// query parsers of both pages.
#include <gtest/gtest.h>

#include <regex>

#include "render/html/gallery.h"
#include "render/html/time_chart.h"
#include "render/html/views.h"
#include "render/svg/font_metrics.h"
#include "site/time_query.h"
#include "view/influence.h"

namespace llmg {
namespace {

using html::Box;

std::vector<std::string> labels(const std::vector<html::Tick>& ticks) {
  std::vector<std::string> out;
  for (const auto& t : ticks) out.push_back(t.label);
  return out;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

const html::Gallery& gallery() {
  static const html::Gallery g = html::build_gallery(Catalog::bundled());
  return g;
}

TEST(TimeChart, LogTicksAreReadable) {
  // Parameters: decades from the one at or below the smallest value to the one at or above the largest.
  EXPECT_EQ(labels(html::log_ticks(3e9, 2e12, false)), (std::vector<std::string>{"1B", "10B", "100B", "1T", "10T"}));
  // Two decades or less: 1-2-5 steps.
  EXPECT_EQ(labels(html::log_ticks(2e9, 7e10, false)), (std::vector<std::string>{"2B", "5B", "10B", "20B", "50B", "100B"}));
  EXPECT_EQ(labels(html::log_ticks(4e8, 9e8, false)), (std::vector<std::string>{"200M", "500M", "1B"}));
  // Bytes: powers of two within ten doublings (6 KiB .. 1 MiB: 2^12 .. 2^20).
  EXPECT_EQ(labels(html::log_ticks(6144, 1048576, true)),
            (std::vector<std::string>{"4 KiB", "8 KiB", "16 KiB", "32 KiB", "64 KiB", "128 KiB", "256 KiB", "512 KiB", "1 MiB"}));
  // Wider: even powers (1 KiB, 4 KiB, ...).
  EXPECT_EQ(labels(html::log_ticks(1024, 16 << 20, true)),
            (std::vector<std::string>{"1 KiB", "4 KiB", "16 KiB", "64 KiB", "256 KiB", "1 MiB", "4 MiB", "16 MiB"}));
}

TEST(TimeChart, DayNumbersAndTheCutTimeAxis) {
  EXPECT_EQ(html::day_number("1970-01-01"), 0.0);
  EXPECT_EQ(html::day_number("2024-03-01"), 19783.0);  // 54 years incl. 13 leap days: 54*365+13 = 19723, + 60 days
  EXPECT_FALSE(html::day_number("2024-13-01"));
  EXPECT_FALSE(html::day_number("2024/01/01"));
  // Days 0 and 1000, 1010: a gap over 270 days is cut; runs padded by 60 days: [-60,60] and [940,1070].
  const auto scale = html::time_scale({0, 1000, 1010}, 0, 1030, 270, 60, 30);
  ASSERT_EQ(scale.segments.size(), 2u);
  // 1000 px for 120 + 130 days: 4 px per day.
  EXPECT_DOUBLE_EQ(scale.segments[0].x1, 480);
  EXPECT_DOUBLE_EQ(scale.segments[1].x0, 510);
  EXPECT_DOUBLE_EQ(scale.x(0), 240);
  EXPECT_DOUBLE_EQ(scale.x(1000), 510 + 60 * 4);
}

TEST(TimeChart, GreedyPlacementNeverOverlaps) {
  const Box bounds{0, 0, 100, 100};
  // Item 0 takes its first box; item 1's first box overlaps it, so it takes its second; item 2's only box
  // leaves the bounds; item 3's only box overlaps the obstacle.
  const auto chosen = html::place_labels({{{10, 10, 30, 10}},
                                          {{20, 12, 30, 10}, {20, 30, 30, 10}},
                                          {{90, 90, 30, 10}},
                                          {{60, 60, 10, 10}}},
                                         bounds, {{65, 65, 2, 2}});
  EXPECT_EQ(chosen, (std::vector<int>{0, 1, -1, -1}));
}

struct Label {
  double x, y;
  std::string text;
};

TEST(Timeline, EveryKnownDatedModelIsAFocusablePointAndLabelsDoNotOverlap) {
  std::size_t known = 0;
  for (const auto& item : gallery().items)
    known += item.view.model && item.view.entry && html::day_number(item.view.entry->release_date) &&
             item.view.facts.kv_cache.bytes_per_token_bf16 > 0;
  const std::string svg = html::timeline_svg(gallery(), site::TimelineQuery{}, 1200);
  EXPECT_EQ(count(svg, "<a class=\"pt\""), known);
  EXPECT_EQ(count(svg, "aria-label=\""), known);
  // Placed labels: their estimated boxes (DejaVu Sans advances, 11 px, 13 px tall) overlap none.
  std::regex label("<text class=\"label\" x=\"([0-9.]+)\" y=\"([0-9.]+)\">([^<]*)</text>");
  std::vector<Box> boxes;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator(); ++it)
    boxes.push_back({std::stod((*it)[1]), std::stod((*it)[2]) - 10, text_width((*it)[3].str(), 11), 13});
  EXPECT_GT(boxes.size(), known / 2);
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j)
      EXPECT_FALSE(html::overlaps(boxes[i], boxes[j])) << i << " " << j;
  EXPECT_GT(count(svg, "class=\"label off\""), 0u);
  EXPECT_NE(svg.find("GPT-2 XL (1.5B), released 2019-11-05: 1.56B total"), std::string::npos);
}

TEST(Timeline, RangeAndViews) {
  site::TimelineQuery q;
  q.from = "2026-01-01";
  q.to = "2026-03-31";
  std::size_t in_range = 0;
  for (const auto& item : gallery().items)
    in_range += item.view.model && item.view.entry && item.view.entry->release_date >= q.from &&
                item.view.entry->release_date <= q.to && item.view.facts.kv_cache.bytes_per_token_bf16 > 0;
  const std::string svg = html::timeline_svg(gallery(), q, 1200);
  EXPECT_EQ(count(svg, "<a class=\"pt\""), in_range);
  EXPECT_NE(svg.find(">Feb 2026<"), std::string::npos);  // month ticks when zoomed to a quarter
  EXPECT_EQ(svg.find(">2019<"), std::string::npos);
  q = {};
  q.view = "params";
  const std::string params = html::timeline_svg(gallery(), q, 1200);
  EXPECT_NE(params.find("total parameters (stem: active)"), std::string::npos);
  EXPECT_GT(count(params, "class=\"stem\""), 20u);  // every MoE and hybrid with fewer active than total
  EXPECT_NE(params.find(">1T<"), std::string::npos);
}

TEST(TimeQuery, ParsesAndRejects) {
  auto q = site::parse_timeline_query({{"view", "params"}, {"from", "2024-01"}, {"to", "2026-12"}});
  ASSERT_TRUE(q);
  EXPECT_EQ(q->view, "params");
  EXPECT_EQ(q->from, "2024-01-01");
  EXPECT_EQ(q->to, "2026-12-31");
  EXPECT_EQ(site::parse_timeline_query({{"y", "active"}})->view, "active");
  EXPECT_EQ(site::parse_timeline_query({{"view", "size"}}).error().message,
            "parameter 'view': expected kv, active or params, got 'size'");
  EXPECT_EQ(site::parse_timeline_query({{"from", "2025-13"}}).error().message,
            "parameter 'from': '2025-13' is not a calendar date");
  EXPECT_EQ(site::parse_timeline_query({{"from", "2026"}, {"to", "2025"}}).error().message,
            "parameters 'from' and 'to': 2026 is after 2025");
  auto t = site::parse_tree_query({{"vendor", "Meta"}, {"type", "moe"}});
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->vendors.contains("Meta"));
  EXPECT_EQ(site::parse_tree_query({{"type", "big"}}).error().message,
            "parameter 'type': expected dense, moe, hybrid or recurrent, got 'big'");
}

TEST(FamilyTree, LanesEdgesAndFilters) {
  std::size_t recorded = 0, dated = 0;
  for (const auto& item : gallery().items) {
    dated += item.view.entry && html::day_number(item.view.entry->release_date);
    recorded += item.view.entry && !item.view.entry->parent.empty() && gallery().find(item.view.entry->parent);
  }
  std::vector<const ModelView*> views;
  for (const auto& item : gallery().items)
    if (item.view.entry && html::day_number(item.view.entry->release_date)) views.push_back(&item.view);
  std::size_t computed = 0;
  for (const auto& i : computed_influences(views)) computed += i.has_value();
  const std::string svg = html::family_tree_svg(gallery());
  EXPECT_EQ(count(svg, "<a class=\"node\""), dated);
  EXPECT_EQ(count(svg, "class=\"edge recorded\" data-from"), recorded);
  EXPECT_EQ(count(svg, "class=\"edge computed\" data-from"), computed);
  EXPECT_NE(svg.find("data-from=\"llama-3-8b\" data-to=\"phi-4-14b\""), std::string::npos);
  EXPECT_NE(svg.find("computed: Llama 3 (8B) is the closest earlier design to Phi-4 (14B) (design distance 0)"),
            std::string::npos);
  EXPECT_NE(svg.find("<text class=\"lane-name\" x=\"8\" y=\"21\">Meta</text>"), std::string::npos);
  // Filter: only Meta's models are drawn, and only the edges between two of them.
  site::TreeQuery meta;
  meta.vendors = {"Meta"};
  const std::string filtered = html::family_tree_svg(gallery(), meta);
  std::size_t meta_models = 0;
  for (const auto& item : gallery().items) meta_models += item.view.entry && item.view.entry->vendor == "Meta";
  std::regex hidden("<a class=\"node\"[^>]*display=\"none\"");
  const auto hidden_nodes = std::distance(std::sregex_iterator(filtered.begin(), filtered.end(), hidden), std::sregex_iterator());
  EXPECT_EQ(count(filtered, "<a class=\"node\"") - std::size_t(hidden_nodes), meta_models);
  EXPECT_EQ(count(filtered, "class=\"edge recorded\" data-from=\"llama-3-8b\" data-to=\"llama-3-2-1b\" d=\"M"), 1u);
}

}  // namespace
}  // namespace llmg
