// The family tree over time (issue 14): x = release date (long empty stretches cut), one lane per
// vendor, recorded lineage as solid edges and computed influence (view/influence.h) as dashed edges
// whose tooltip names the shared design features; vendor and decoder-type filters from the URL (the
// server may render them; assets/tree.js applies the same filters in the browser and in the export).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "base/units.h"
#include "render/html/time_chart.h"
#include "render/html/views.h"
#include "render/svg/font_metrics.h"
#include "view/influence.h"

namespace llmg::html {

namespace {

constexpr double kWidth = 1240, kLaneLabel = 168, kRight = 24, kTop = 34, kRow = 22, kLanePad = 6, kFont = 12;

struct Node {
  const GalleryItem* item;
  double day = 0, x = 0;
  int row = 0;     // sub-row inside the lane
  std::size_t lane = 0;
  bool shown = true;
};

struct Lane {
  std::string vendor;
  std::vector<std::size_t> nodes;
  int rows = 1;
  double y = 0;  // top, after filtering
  bool shown = true;
};

// The node's visible text: the whole name (a truncated one would not be part of the link's accessible
// name, axe rule label-content-name-mismatch); the sub-rows make room for it.
std::string short_name(const std::string& name) { return name; }

double node_y(const Lane& lane, const Node& n) { return lane.y + kLanePad + n.row * kRow + kRow / 2; }

// An edge leaves its parent's dot vertically (not through the parent's label) and reaches the child's
// dot horizontally; between two models of one row it arcs over the labels between them.
std::string edge_path(double x1, double y1, double x2, double y2) {
  if (std::abs(y2 - y1) < 1)
    return fmt::format("M{:.1f},{:.1f} Q{:.1f},{:.1f} {:.1f},{:.1f}", x1, y1, (x1 + x2) / 2, y1 - 24, x2, y2);
  return fmt::format("M{:.1f},{:.1f} C{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}", x1, y1, x1, y2, x1 + (x2 - x1) / 2, y2,
                     x2, y2);
}

std::string vendor_of(const ModelView& v) { return v.entry && !v.entry->vendor.empty() ? v.entry->vendor : "unknown vendor"; }

bool passes(const ModelView& v, const site::TreeQuery& q) {
  if (!q.vendors.empty() && !q.vendors.contains(vendor_of(v))) return false;
  if (!q.types.empty() && (!v.model || !q.types.contains(std::string(decoder_type_key(v.facts.decoder_type))))) return false;
  return true;
}

}  // namespace

std::string family_tree_svg(const Gallery& gallery) { return family_tree_svg(gallery, site::TreeQuery{}); }

std::string family_tree_svg(const Gallery& gallery, const site::TreeQuery& query) {
  std::vector<Node> nodes;
  std::map<std::string, std::size_t> index;  // slug -> node
  for (const GalleryItem& item : gallery.items) {
    const auto day = item.view.entry ? day_number(item.view.entry->release_date) : std::nullopt;
    if (!day) continue;
    index[item.view.slug] = nodes.size();
    nodes.push_back({&item, *day});
  }
  // Lanes: one per vendor, ordered by the vendor's first release (then name).
  std::map<std::string, std::size_t> lane_of;
  std::vector<Lane> lanes;
  std::vector<std::size_t> by_date(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) by_date[i] = i;
  std::stable_sort(by_date.begin(), by_date.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(nodes[a].day, nodes[a].item->view.slug) < std::tie(nodes[b].day, nodes[b].item->view.slug);
  });
  for (std::size_t i : by_date) {
    const std::string vendor = vendor_of(nodes[i].item->view);
    auto [it, added] = lane_of.emplace(vendor, lanes.size());
    if (added) lanes.push_back({vendor, {}});
    nodes[i].lane = it->second;
    lanes[it->second].nodes.push_back(i);
  }
  std::vector<double> days;
  for (const Node& n : nodes) days.push_back(n.day);
  const TimeScale scale = time_scale(days, kLaneLabel + 10, kWidth - kRight - 150);
  // Sub-rows: each node takes the first row where its dot and label clear the previous one.
  for (Lane& lane : lanes) {
    std::vector<double> row_end;
    for (std::size_t i : lane.nodes) {
      Node& n = nodes[i];
      n.x = scale.x(n.day);
      const double end = n.x + 8 + text_width(short_name(n.item->view.name), kFont) + 10;
      std::size_t row = 0;
      while (row < row_end.size() && row_end[row] > n.x - 6) ++row;
      if (row == row_end.size()) row_end.push_back(0);
      row_end[row] = end;
      n.row = static_cast<int>(row);
    }
    lane.rows = std::max<int>(1, static_cast<int>(row_end.size()));
  }
  // Wide enough for the last label.
  double width = kWidth;
  for (const Node& n : nodes) width = std::max(width, n.x + 8 + text_width(short_name(n.item->view.name), kFont) + 8);
  // Filters, then the lanes that keep a node are stacked.
  for (Node& n : nodes) n.shown = passes(n.item->view, query);
  double y = kTop;
  for (Lane& lane : lanes) {
    lane.shown = std::any_of(lane.nodes.begin(), lane.nodes.end(), [&](std::size_t i) { return nodes[i].shown; });
    lane.y = y;
    if (lane.shown) y += lane.rows * kRow + 2 * kLanePad;
  }
  const double height = y + 8;

  std::vector<const ModelView*> views;
  for (const Node& n : nodes) views.push_back(&n.item->view);
  const auto influence = computed_influences(views);

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tree tree-time\" id=\"tree-svg\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "width=\"{0:.0f}\" height=\"{1:.0f}\" role=\"group\" aria-labelledby=\"tree-title\"><title id=\"tree-title\">Family "
      "tree over time: one lane per vendor, models at their release dates; solid edges: recorded lineage; dashed "
      "edges: computed closest earlier design</title><g class=\"axes\" aria-hidden=\"true\">",
      width, height);
  for (const TimeTick& t : time_ticks(scale))
    svg += fmt::format("<line class=\"grid{}\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{}\" y2=\"{:.0f}\"/><text class=\"tick\" "
                       "x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                       t.year ? " year" : "", t.x, t.x, kTop - 6, height, t.x, kTop - 12, t.label);
  for (std::size_t i = 1; i < scale.segments.size(); ++i) {
    const double x = (scale.segments[i - 1].x1 + scale.segments[i].x0) / 2;
    svg += fmt::format("<path class=\"axis-break\" d=\"M{0:.1f},{1} l-4,10 M{2:.1f},{1} l-4,10\"/>", x - 2, kTop - 8, x + 4);
  }
  svg += "</g><g class=\"lanes\">";
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    const Lane& lane = lanes[l];
    svg += fmt::format("<g class=\"lane\" data-lane=\"{}\" data-vendor=\"{}\" data-rows=\"{}\" transform=\"translate(0,{:.0f})\"{}>"
                       "<rect class=\"lane-bg{}\" x=\"0\" y=\"0\" width=\"{:.0f}\" height=\"{:.0f}\"/></g>",
                       l, escape(lane.vendor), lane.rows, lane.y, lane.shown ? "" : " display=\"none\"", l % 2 ? " odd" : "",
                       width, lane.rows * kRow + 2 * kLanePad);
  }
  svg += "</g><g class=\"edges\">";
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const ModelView& v = nodes[i].item->view;
    std::size_t from = 0;
    std::string kind, title;
    if (v.entry && !v.entry->parent.empty() && v.entry->parent != v.slug && index.contains(v.entry->parent)) {
      from = index[v.entry->parent];
      kind = "recorded";
      title = fmt::format("{} → {}: recorded lineage (catalog parent)", nodes[from].item->view.name, v.name);
    } else if (influence[i]) {
      from = influence[i]->from;
      kind = "computed";
      std::string shared;
      for (const std::string& s : influence[i]->shared) shared += (shared.empty() ? "" : ", ") + s;
      title = fmt::format("computed: {} is the closest earlier design to {} (design distance {:g}); shared: {}",
                          nodes[from].item->view.name, v.name, influence[i]->distance, shared.empty() ? "none" : shared);
    } else {
      continue;
    }
    const Node &a = nodes[from], &b = nodes[i];
    const bool shown = a.shown && b.shown;
    svg += fmt::format("<path class=\"edge {}\" data-from=\"{}\" data-to=\"{}\" d=\"{}\"{}><title>{}</title></path>", kind,
                       escape(a.item->view.slug), escape(b.item->view.slug),
                       edge_path(a.x, node_y(lanes[a.lane], a), b.x, node_y(lanes[b.lane], b)),
                       shown ? "" : " display=\"none\"", escape(title));
  }
  svg += "</g>";
  svg += "<g class=\"nodes\">";
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    const Lane& lane = lanes[l];
    svg += fmt::format("<g class=\"lane-nodes\" data-lane=\"{}\" transform=\"translate(0,{:.0f})\">", l, lane.y);
    for (std::size_t i : lane.nodes) {
      const Node& n = nodes[i];
      const ModelView& v = n.item->view;
      const double cy = kLanePad + n.row * kRow + kRow / 2;
      const std::string colour = v.model ? std::string(decoder_colour(v.facts.decoder_type)) : "#999";
      const std::string type = v.model ? std::string(decoder_type_key(v.facts.decoder_type)) : "unknown";
      std::string relation;
      if (v.entry && !v.entry->parent.empty() && index.contains(v.entry->parent))
        relation = "built on " + nodes[index[v.entry->parent]].item->view.name + " (recorded)";
      else if (influence[i])
        relation = "closest earlier design " + nodes[influence[i]->from].item->view.name + " (computed)";
      const std::string label = fmt::format("{}, {}, released {}, {}{}", v.name, lane.vendor, v.entry->release_date,
                                            v.model ? decoder_type_label(v.facts.decoder_type) : "architecture unknown",
                                            relation.empty() ? "" : "; " + relation);
      svg += fmt::format(
          "<a class=\"node\" href=\"/models/{}\" id=\"{}\" data-slug=\"{}\" data-type=\"{}\" data-x=\"{:.1f}\" "
          "data-cy=\"{:.1f}\" aria-label=\"{}\"{}><title>{}</title><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" "
          "fill=\"{}\" stroke=\"{}\"/><text class=\"node-name\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text></a>",
          url_encode(v.slug), escape(v.slug), escape(v.slug), type, n.x, cy, escape(label), n.shown ? "" : " display=\"none\"",
          escape(label), n.x, cy, v.model ? colour : "none", colour, n.x + 8, cy + 4, escape(short_name(v.name)));
    }
    svg += "</g>";
  }
  svg += "</g>";
  // Vendor names last, on a backdrop, so that tree.js can keep them at the left edge while the chart
  // scrolls sideways (phones).
  svg += "<g class=\"lane-names\">";
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    const Lane& lane = lanes[l];
    const std::string name = lane.vendor.size() > 24 ? lane.vendor.substr(0, 22) + "…" : lane.vendor;
    svg += fmt::format("<g class=\"lane-label\" data-lane=\"{}\" transform=\"translate(0,{:.0f})\"{}><rect "
                       "class=\"lane-name-bg\" x=\"2\" y=\"{:.0f}\" width=\"{:.0f}\" height=\"18\" rx=\"3\"/><text "
                       "class=\"lane-name\" x=\"8\" y=\"{:.0f}\">{}</text></g>",
                       l, lane.y, lane.shown ? "" : " display=\"none\"", kLanePad + kRow / 2 - 9,
                       text_width(name, kFont, true) + 12, kLanePad + kRow / 2 + 4, escape(name));
  }
  svg += "</g>";
  // Legend, top right.
  const double lx = width - kRight - 140;
  svg += fmt::format("<g class=\"legend\" aria-hidden=\"true\"><path class=\"edge recorded\" d=\"M{0},{1} h26\"/><text "
                     "class=\"tick\" x=\"{2}\" y=\"{3}\">recorded lineage</text><path class=\"edge computed\" "
                     "d=\"M{0},{4} h26\"/><text class=\"tick\" x=\"{2}\" y=\"{5}\">computed influence</text></g>",
                     lx, 8, lx + 32, 12, 22, 26);
  return svg + "</svg>";
}

std::string tree_page(const Gallery& gallery) { return tree_page(gallery, site::TreeQuery{}); }

std::string tree_page(const Gallery& gallery, const site::TreeQuery& query) {
  std::set<std::string> vendors;
  for (const GalleryItem& item : gallery.items) vendors.insert(vendor_of(item.view));
  std::string vendor_options = "<option value=\"\">every vendor</option>";
  for (const std::string& v : vendors)
    vendor_options += fmt::format("<option value=\"{0}\"{1}>{0}</option>", escape(v), query.vendors.contains(v) ? " selected" : "");
  std::string type_options = "<option value=\"\">every type</option>";
  for (DecoderType t : {DecoderType::Dense, DecoderType::SparseMoE, DecoderType::Hybrid, DecoderType::Recurrent})
    type_options += fmt::format("<option value=\"{}\"{}>{}</option>", decoder_type_key(t),
                                query.types.contains(std::string(decoder_type_key(t))) ? " selected" : "",
                                decoder_type_label(t));
  // The computed links as a list too: readable without hovering, and by a screen reader.
  std::vector<const ModelView*> views;
  std::vector<const GalleryItem*> items;
  for (const GalleryItem& item : gallery.items)
    if (item.view.entry && day_number(item.view.entry->release_date)) {
      views.push_back(&item.view);
      items.push_back(&item);
    }
  const auto influence = computed_influences(views);
  std::string rows;
  std::size_t computed = 0;
  for (std::size_t i = 0; i < views.size(); ++i) {
    if (!influence[i]) continue;
    ++computed;
    const ModelView &v = *views[i], &from = *views[influence[i]->from];
    std::string shared;
    for (const std::string& s : influence[i]->shared) shared += (shared.empty() ? "" : ", ") + s;
    rows += fmt::format("<tr data-slug=\"{}\" data-from=\"{}\"><td><a href=\"/models/{}\">{}</a> <span class=\"muted\">{}"
                        "</span></td><td><a href=\"/models/{}\">{}</a> <span class=\"muted\">{}</span></td><td class=\"num\">"
                        "{:g}</td><td>{}</td></tr>",
                        escape(v.slug), escape(from.slug), url_encode(v.slug), escape(v.name), escape(v.entry->release_date),
                        url_encode(from.slug), escape(from.name), escape(from.entry->release_date), influence[i]->distance,
                        escape(shared));
  }
  std::string body = fmt::format(
      "<h1>Family tree over time</h1>"
      "<form class=\"inline tree-controls\" id=\"tree-form\" method=\"get\" action=\"/tree\">"
      "<span class=\"pair\"><label for=\"tree-vendor\">Vendor</label> <select id=\"tree-vendor\" name=\"vendor\">{}</select>"
      "</span> <span class=\"pair\"><label for=\"tree-type\">Decoder type</label> <select id=\"tree-type\" name=\"type\">{}"
      "</select></span> "
      "<button type=\"submit\">Show</button> <a href=\"/tree\" id=\"tree-reset\">everything</a></form>"
      "<p class=\"muted\">One lane per vendor, each model at its release date. <strong>Solid</strong> edges: recorded "
      "lineage; <strong>dashed</strong>: computed closest earlier design (see below).</p>"
      "<div class=\"scroll tree-chart\">{}</div>"
      "<p class=\"muted\">Long empty stretches of time are cut (marked //). <strong>Solid</strong> edges: lineage as the catalog records it (catalog/models.tsv, column "
      "<code>parent</code>). <strong>Dashed</strong> edges are <em>computed</em>, not recorded: a model without a "
      "recorded parent is linked to the architecturally closest model released before it — the fewest differing "
      "design features (token mixers, attention, FFN layout, norms, positions, QK-norm, activation, biases, tied "
      "embeddings, MTP), ties broken by size; hover an edge for the features they share, or read the table below. "
      "Dot colour: decoder type (blue dense, purple sparse MoE, orange hybrid, red recurrent; hollow grey: "
      "architecture unknown).</p>"
      "<h2 id=\"computed\">Computed influences ({})</h2><p class=\"muted\">Each model without a recorded parent, its "
      "closest earlier design, the design distance (sum of the weights of the differing features: token mixers and "
      "attention 3, FFN layout 2.5, norm placement 1.5, norm, positions, QK-norm and activation 1, QKV bias, tied "
      "embeddings and MTP 0.5) and the features they share.</p><div class=\"table-wrap\"><table class=\"influence\">"
      "<thead><tr><th scope=\"col\">Model</th><th scope=\"col\">Closest earlier design</th><th scope=\"col\">Distance"
      "</th><th scope=\"col\">Shared design features</th></tr></thead><tbody>{}</tbody></table></div>"
      "<link rel=\"stylesheet\" href=\"/assets/charts.css\"><script src=\"/assets/tree.js\" defer></script>",
      vendor_options, type_options, family_tree_svg(gallery, query), computed, rows);
  return page({"Family tree — llmgallery", "Model lineage over time", Nav::Tree}, body);
}

}  // namespace llmg::html
