#include "render/html/views.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "base/units.h"
#include "render/html/model_page.h"

namespace llmg::html {

namespace {

// Decoder-type colours of the timeline (one table).
std::string_view decoder_colour(DecoderType type) {
  switch (type) {
    case DecoderType::Dense: return "#4e79a7";
    case DecoderType::SparseMoE: return "#b07aa1";
    case DecoderType::Hybrid: return "#f28e2b";
    case DecoderType::Recurrent: return "#e15759";
  }
  return "#999";
}

// Days since 1970-01-01 of a YYYY-MM-DD date (civil calendar), or nullopt.
std::optional<double> day_number(const std::string& date) {
  if (date.size() != 10) return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = unsigned((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return double(era * 146097 + int(doe) - 719468);
}

}  // namespace

std::string timeline_svg(const Gallery& gallery, const std::string& y_axis) {
  const bool kv = y_axis == "kv";
  struct Point {
    const GalleryItem* item;
    double day, value;
  };
  std::vector<Point> points;
  for (const GalleryItem& item : gallery.items) {
    if (!item.view.model || !item.view.entry) continue;
    const auto day = day_number(item.view.entry->release_date);
    const double value = kv ? double(item.view.facts.kv_cache.bytes_per_token_bf16) : double(item.view.facts.params.active);
    if (!day || value <= 0) continue;
    points.push_back({&item, *day, value});
  }
  constexpr double kW = 1200, kH = 560, kL = 80, kR = 130, kT = 30, kB = 50;
  if (points.empty()) return "";
  double d0 = points[0].day, d1 = d0, v0 = points[0].value, v1 = v0;
  for (const Point& p : points) {
    d0 = std::min(d0, p.day), d1 = std::max(d1, p.day);
    v0 = std::min(v0, p.value), v1 = std::max(v1, p.value);
  }
  // Start the axis at the first year that holds a model, padded by two months.
  d0 -= 60, d1 += 60;
  // Ticks and range: powers of 4 bytes for KV (1 KiB, 4 KiB, ...), powers of 10 for parameters.
  const double tick_base = kv ? 4.0 : 10.0;
  const double t0 = std::floor(std::log(v0) / std::log(tick_base)), t1 = std::ceil(std::log(v1) / std::log(tick_base));
  const double l0 = t0 * std::log10(tick_base), l1 = t1 * std::log10(tick_base);
  auto x_of = [&](double day) { return kL + (day - d0) / (d1 - d0) * (kW - kL - kR); };
  auto y_of = [&](double v) { return kH - kB - (std::log10(v) - l0) / std::max(0.5, l1 - l0) * (kH - kT - kB); };
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 {} {}\" role=\"group\" "
      "aria-labelledby=\"tl-title\"><title id=\"tl-title\">Models by release date; y: {}, log scale; circle area: total "
      "parameters; colour: decoder type</title>",
      kW, kH, kv ? "KV cache bytes per token" : "active parameters");
  for (double t = t0; t <= t1 + 1e-9; t += 1) {
    const double value = std::pow(tick_base, t);
    const double y = y_of(value);
    const auto v = static_cast<std::int64_t>(value);
    svg += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/><text class=\"chart-fg\" "
                       "x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" font-size=\"12\">{}</text>",
                       kL, kW - kR, y, y, kL - 6, y + 4, kv ? human_bytes(v) : human_count(v));
  }
  for (int year = 1970; year < 2100; ++year) {
    const auto day = day_number(fmt::format("{}-01-01", year));
    if (!day || *day < d0 || *day > d1) continue;
    const double x = x_of(*day);
    svg += fmt::format("<line class=\"grid\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{}\" y2=\"{}\"/><text class=\"chart-fg\" "
                       "x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\">{}</text>",
                       x, x, kT, kH - kB, x, kH - kB + 18, year);
  }
  double max_total = 1;
  for (const Point& p : points) max_total = std::max(max_total, double(p.item->view.facts.params.total));
  // Largest first so small circles stay on top and clickable.
  std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
    return a.item->view.facts.params.total > b.item->view.facts.params.total;
  });
  for (const Point& p : points) {
    const ModelView& v = p.item->view;
    const double r = 2.5 + 24 * std::sqrt(double(v.facts.params.total) / max_total);
    const double x = x_of(p.day), y = y_of(p.value);
    svg += fmt::format(
        "<a href=\"/models/{}\"><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" fill-opacity=\"0.55\" "
        "stroke=\"{}\"><title>{} ({}): {} total, {} active, KV {} per token</title></circle>"
        "<text class=\"chart-fg label\" x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"9\">{}</text></a>",
        url_encode(v.slug), x, y, r, decoder_colour(v.facts.decoder_type), decoder_colour(v.facts.decoder_type),
        escape(v.name), escape(v.entry->release_date), human_count(v.facts.params.total), human_count(v.facts.params.active),
        human_bytes(v.facts.kv_cache.bytes_per_token_bf16), x + r + 2, y + 3, escape(v.name));
  }
  std::string legend;
  double lx = kL;
  for (DecoderType t : {DecoderType::Dense, DecoderType::SparseMoE, DecoderType::Hybrid, DecoderType::Recurrent}) {
    legend += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{}\"/><text class=\"chart-fg\" x=\"{}\" y=\"{}\" "
                          "font-size=\"12\">{}</text>",
                          lx, kT - 14, decoder_colour(t), lx + 10, kT - 10, decoder_type_label(t));
    lx += 110;
  }
  return svg + legend + "</svg>";
}

std::string timeline_page(const Gallery& gallery, const std::string& y_axis) {
  const bool kv = y_axis == "kv";
  std::string body = fmt::format(
      "<h1>Timeline and scale</h1>"
      "<form class=\"inline\" method=\"get\" action=\"/timeline\" data-autosubmit><label for=\"y\">Vertical axis</label> "
      "<select id=\"y\" name=\"y\"><option value=\"kv\"{}>KV cache per token</option><option value=\"active\"{}>active "
      "parameters</option></select> <button type=\"submit\">Show</button></form>"
      "<p class=\"muted\">Each circle is a model at its release date; its area grows with total parameters; colour is "
      "the decoder type; the vertical axis is logarithmic. Models whose architecture is unknown are left out. Click "
      "a circle to open the model.</p><div class=\"scroll\">{}</div>",
      kv ? " selected" : "", kv ? "" : " selected", timeline_svg(gallery, y_axis));
  return page({"Timeline — llmgallery", "Every model on a time axis", Nav::Timeline}, body);
}

std::string family_tree_svg(const Gallery& gallery) {
  // Forest from the parent column; a parent missing from the catalog makes its child a root.
  std::map<std::string, std::vector<const GalleryItem*>> children;
  std::vector<const GalleryItem*> roots;
  for (const GalleryItem& item : gallery.items) {
    const std::string parent = item.view.entry ? item.view.entry->parent : "";
    if (!parent.empty() && gallery.find(parent) && parent != item.view.slug)
      children[parent].push_back(&item);
    else
      roots.push_back(&item);
  }
  // Only families with at least one edge are drawn as trees; lone models are listed after them.
  struct Node {
    const GalleryItem* item;
    int depth;
    double row;
  };
  std::vector<Node> nodes;
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  double next_row = 0;
  std::function<std::size_t(const GalleryItem*, int, int)> place = [&](const GalleryItem* item, int depth, int guard) {
    const std::size_t index = nodes.size();
    nodes.push_back({item, depth, 0});
    std::vector<std::size_t> kids;
    if (guard < 16)
      for (const GalleryItem* child : children[item->view.slug]) kids.push_back(place(child, depth + 1, guard + 1));
    if (kids.empty()) {
      nodes[index].row = next_row++;
    } else {
      nodes[index].row = (nodes[kids.front()].row + nodes[kids.back()].row) / 2;
      for (std::size_t k : kids) edges.emplace_back(index, k);
    }
    return index;
  };
  std::vector<const GalleryItem*> lone;
  for (const GalleryItem* root : roots) {
    if (children[root->view.slug].empty()) {
      lone.push_back(root);
      continue;
    }
    place(root, 0, 0);
    next_row += 0.6;  // a gap between families
  }
  for (const GalleryItem* item : lone) place(item, 0, 0);
  constexpr double kColumn = 250, kRowH = 26, kNodeW = 220, kNodeH = 20, kPad = 10;
  int max_depth = 0;
  for (const Node& n : nodes) max_depth = std::max(max_depth, n.depth);
  const double width = kPad * 2 + max_depth * kColumn + kNodeW, height = kPad * 2 + next_row * kRowH;
  std::string svg = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tree\" viewBox=\"0 0 {:.0f} {:.0f}\" "
                                "width=\"{:.0f}\" height=\"{:.0f}\" role=\"group\" aria-label=\"Family tree of the catalog\">",
                                width, height, width, height);
  auto x_of = [&](const Node& n) { return kPad + n.depth * kColumn; };
  auto y_of = [&](const Node& n) { return kPad + n.row * kRowH; };
  for (const auto& [p, c] : edges) {
    const double x1 = x_of(nodes[p]) + kNodeW, y1 = y_of(nodes[p]) + kNodeH / 2;
    const double x2 = x_of(nodes[c]), y2 = y_of(nodes[c]) + kNodeH / 2, xm = (x1 + x2) / 2;
    svg += fmt::format("<path class=\"edge\" d=\"M{:.1f},{:.1f} H{:.1f} V{:.1f} H{:.1f}\" fill=\"none\"/>", x1, y1, xm, y2, x2);
  }
  for (const Node& n : nodes) {
    const ModelView& v = n.item->view;
    const std::string_view colour = v.model ? decoder_colour(v.facts.decoder_type) : "#999";
    svg += fmt::format(
        "<a href=\"/models/{}\" id=\"{}\"><rect class=\"node\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{}\" height=\"{}\" rx=\"4\" "
        "stroke=\"{}\"/><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"5\" height=\"{}\" fill=\"{}\"/>"
        "<text class=\"chart-fg\" x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">{}</text><title>{} · {}</title></a>",
        url_encode(v.slug), escape(v.slug), x_of(n), y_of(n), kNodeW, kNodeH, colour, x_of(n), y_of(n), kNodeH, colour,
        x_of(n) + 10, y_of(n) + 14, escape(v.name.size() > 32 ? v.name.substr(0, 31) + "…" : v.name), escape(v.name),
        v.entry ? escape(v.entry->release_date) : "");
  }
  return svg + "</svg>";
}

std::string tree_page(const Gallery& gallery) {
  std::string body = fmt::format(
      "<h1>Family tree</h1><p class=\"muted\">Lineage as the catalog records it (catalog/models.tsv, column "
      "<code>parent</code>): each arrow goes from a model to one built on it. Models without recorded relatives "
      "are listed below the families. Node colour: decoder type (blue dense, purple sparse MoE, orange hybrid, red "
      "recurrent, grey unknown).</p><div class=\"scroll\">{}</div>",
      family_tree_svg(gallery));
  return page({"Family tree — llmgallery", "Model lineage", Nav::Tree}, body);
}

std::string changelog_page(const Gallery& gallery, const std::vector<Change>& changes) {
  std::string list;
  std::string current;
  const std::vector<std::string> anchors = change_anchors(changes);  // the Atom entries' ids point here
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const Change& c = changes[i];
    if (c.date != current) {
      if (!current.empty()) list += "</ul>";
      list += fmt::format("<h2><time datetime=\"{}\">{}</time></h2><ul class=\"changes\">", escape(c.date), escape(c.date));
      current = c.date;
    }
    const GalleryItem* item = gallery.find(c.slug);
    list += fmt::format("<li id=\"{}\"><span class=\"badge kind-{}\">{}</span> {}: {}</li>", anchors[i], escape(c.kind), escape(c.kind),
                        item ? fmt::format("<a href=\"/models/{}\">{}</a>", url_encode(c.slug), escape(item->view.name))
                             : escape(c.slug),
                        escape(c.text));
  }
  if (!current.empty()) list += "</ul>";
  std::string body = fmt::format("<h1>Changelog</h1><p>Additions and corrections to the catalog, newest first. "
                                 "Also as an <a href=\"/feed.xml\">Atom feed</a>.</p>{}",
                                 list);
  return page({"Changelog — llmgallery", "Catalog additions and corrections", Nav::Changelog}, body);
}

std::string inspect_page(const Gallery& gallery, const InspectResult* result, const MemorySettings& memory) {
  std::string outcome;
  if (result) {
    if (!result->view) {
      outcome = fmt::format("<div class=\"error\" role=\"alert\"><h2>Could not read {}</h2><p>{}</p></div>",
                            escape(result->file_name), escape(result->error));
    } else {
      GalleryItem item;
      item.view = *result->view;
      outcome = fmt::format("<h2>{}</h2><div class=\"cards one\">{}</div><h2>Fact sheet</h2>{}", escape(result->file_name),
                            model_card(item, false), fact_table(*result->view));
      if (result->against)
        outcome += fmt::format("<h2>Compared with {}</h2>{}", escape(result->against->view.name),
                               diff_body(gallery, *result->view, result->against->view, memory, ""));
      outcome += "<p class=\"muted\">Nothing was stored: this page was rendered from your upload and is gone once you leave it.</p>";
    }
  }
  std::string body = fmt::format(
      "<h1>Inspect a config</h1><p>Paste or upload a Hugging Face <code>config.json</code> (or a Mistral "
      "<code>params.json</code>, up to 256 KiB) to see its card and fact sheet, optionally compared with a catalog "
      "model.</p>"
      "<form class=\"inspect\" method=\"post\" action=\"/inspect\" enctype=\"multipart/form-data\">"
      "<div class=\"field wide\"><label for=\"config\">config.json text</label><textarea id=\"config\" name=\"config\" "
      "rows=\"10\" spellcheck=\"false\" placeholder=\"{{&quot;model_type&quot;: &quot;llama&quot;, …}}\"></textarea></div>"
      "<div class=\"field\"><label for=\"file\">or upload a file</label><input type=\"file\" id=\"file\" name=\"file\" "
      "accept=\".json,application/json\"></div>"
      "<div class=\"field\"><label for=\"against\">Compare with (optional)</label><select id=\"against\" name=\"against\">"
      "<option value=\"\">no comparison</option>{}</select></div>"
      "<div class=\"actions\"><button type=\"submit\">Inspect</button></div></form>{}",
      [&] {
        std::string options;
        for (const GalleryItem& item : gallery.items)
          options += fmt::format("<option value=\"{}\"{}>{}</option>", escape(item.view.slug),
                                 result && result->against == &item ? " selected" : "", escape(item.view.name));
        return options;
      }(),
      outcome);
  return page({"Inspect a config — llmgallery", "Inspect your own config.json", Nav::Inspect}, body);
}

}  // namespace llmg::html
