// The timeline page (issue 14): every known model at its release date, three views (KV per token,
// active parameters, total parameters with the active share as a stem), a date range, labels placed
// greedily so none overlap (the rest appear on hover and focus). The server renders any state; the
// browser (assets/timeline.js) redraws the same chart at the page's real width and from the URL.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/units.h"
#include "render/html/time_chart.h"
#include "render/html/views.h"
#include "render/svg/font_metrics.h"

namespace llmg::html {

namespace {

constexpr double kLabelSize = 11, kLabelHeight = 13;

struct Point {
  const GalleryItem* item;
  std::string date;
  double day = 0, y = 0, active = 0, total = 0;
};

double value_of(const ModelView& v, const std::string& view) {
  if (view == "kv") return double(v.facts.kv_cache.bytes_per_token_bf16);
  if (view == "active") return double(v.facts.params.active);
  return double(v.facts.params.total);
}

std::string axis_title(const std::string& view) {
  if (view == "kv") return "KV cache per token (bf16), log scale";
  if (view == "active") return "active parameters, log scale";
  return "total parameters (stem: active), log scale";
}


// The first day after an inclusive upper bound "YYYY-MM-DD" (days past the month's end are clamped).
double day_after(const std::string& date) {
  const int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2));
  const auto first_of_next = day_number(fmt::format("{:04}-{:02}-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1));
  return std::min(*first_of_next, *day_number(date) + 1);
}

}  // namespace

std::string timeline_data_json(const Gallery& gallery) {
  nlohmann::json out = nlohmann::json::array();
  for (const GalleryItem& item : gallery.items) {
    const ModelView& v = item.view;
    if (!v.model || !v.entry || !day_number(v.entry->release_date)) continue;
    out.push_back({{"slug", v.slug},
                   {"name", v.name},
                   {"date", v.entry->release_date},
                   {"type", decoder_type_key(v.facts.decoder_type)},
                   {"total", v.facts.params.total},
                   {"active", v.facts.params.active},
                   {"kv", v.facts.kv_cache.bytes_per_token_bf16},
                   {"total_text", human_count(v.facts.params.total)},
                   {"active_text", human_count(v.facts.params.active)},
                   {"kv_text", human_bytes(v.facts.kv_cache.bytes_per_token_bf16)}});
  }
  std::string text = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // Inside <script type="application/json">: no "</" may close the element early.
  std::string safe;
  for (char c : text) safe += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return safe;
}

std::string timeline_svg(const Gallery& gallery, const site::TimelineQuery& query, double width) {
  const std::string& view = query.view;
  const bool params = view == "params";
  std::vector<Point> all;
  for (const GalleryItem& item : gallery.items) {
    const ModelView& v = item.view;
    if (!v.model || !v.entry) continue;
    const auto day = day_number(v.entry->release_date);
    const double y = value_of(v, view);
    if (!day || y <= 0) continue;
    all.push_back({&item, v.entry->release_date, *day, y, double(v.facts.params.active), double(v.facts.params.total)});
  }
  if (all.empty()) return "";
  // The x range: the query's bounds, else the catalog's dates padded by two months.
  double d0 = all[0].day, d1 = d0;
  for (const Point& p : all) d0 = std::min(d0, p.day), d1 = std::max(d1, p.day);
  d0 -= 60, d1 += 60;
  if (!query.from.empty()) d0 = *day_number(query.from);
  if (!query.to.empty()) d1 = day_after(query.to);
  std::vector<Point> points;
  for (const Point& p : all)
    if (p.day >= d0 && p.day < d1 && (query.from.empty() || p.date >= query.from) && (query.to.empty() || p.date <= query.to))
      points.push_back(p);
  const double height = width < 600 ? 460 : 560, left = 64, right = 16, top = 40, bottom = 44;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  // The y range from the visible points (both ends of the stems in the params view).
  double v0 = 1, v1 = 10;
  if (!points.empty()) {
    v0 = v1 = points[0].y;
    for (const Point& p : points) {
      v0 = std::min(v0, p.y), v1 = std::max(v1, p.y);
      if (params) v0 = std::min(v0, p.active);
    }
  }
  const auto ticks = log_ticks(v0, std::max(v1, v0 * 1.01), view == "kv");
  const double l0 = std::log10(ticks.front().value), l1 = std::log10(ticks.back().value);
  std::vector<double> days;
  for (const Point& p : points) days.push_back(p.day);
  const TimeScale scale = query.from.empty() && query.to.empty() ? time_scale(days, left, left + plot_w)
                                                                 : linear_time_scale(d0, d1, left, left + plot_w);
  auto x_of = [&](double day) { return scale.x(day); };
  // 8 px inside the plot at both ends so no point sits on its edge.
  auto y_of = [&](double v) { return top + plot_h - 8 - (std::log10(v) - l0) / std::max(0.1, l1 - l0) * (plot_h - 16); };

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" id=\"timeline-svg\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "width=\"{0:.0f}\" height=\"{1:.0f}\" data-view=\"{2}\" data-from=\"{3}\" data-to=\"{4}\" role=\"group\" "
      "aria-labelledby=\"tl-title\"><title id=\"tl-title\">Models by release date; vertical: {5}; colour: decoder "
      "type</title><g class=\"axes\" aria-hidden=\"true\">",
      width, height, view, query.from, query.to, axis_title(view));
  // Horizontal grid: the log ticks; labels thinned so they stay 14 px apart.
  double last_label_y = 1e9;
  for (const Tick& t : ticks) {
    const double y = y_of(t.value);
    svg += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/>", left, width - right, y, y);
    if (last_label_y - y < 14) continue;
    last_label_y = y;
    svg += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>", left - 6, y + 4, t.label);
  }
  // Vertical grid: months about 70 px apart; long empty stretches of the whole range are cut (axis break).
  double last_x = -1e9;
  for (const TimeTick& t : time_ticks(scale)) {
    const bool label = t.x - last_x >= 56 && t.x + text_width(t.label, kLabelSize) / 2 <= width;
    if (label) last_x = t.x;
    svg += fmt::format("<line class=\"grid{}\" x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{}\" y2=\"{}\"/><text class=\"tick\" "
                       "x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                       t.year ? " year" : "", t.x, t.x, top, top + plot_h, t.x, top + plot_h + 16, label ? t.label : "");
  }
  for (std::size_t i = 1; i < scale.segments.size(); ++i) {
    const double x = (scale.segments[i - 1].x1 + scale.segments[i].x0) / 2;
    svg += fmt::format("<path class=\"axis-break\" d=\"M{0:.1f},{1} l-4,8 M{2:.1f},{1} l-4,8\"/><text class=\"tick\" "
                       "x=\"{3:.1f}\" y=\"{4}\" text-anchor=\"middle\">…</text>",
                       x - 2, top + plot_h - 4, x + 4, x, top + plot_h / 2);
  }
  svg += fmt::format("<text class=\"axis-title\" x=\"{}\" y=\"{}\">{}</text></g>", left, top - 8, escape(axis_title(view)));
  // Points, in date order (tab order follows time). Circle area grows with total parameters in the
  // KV and active views; the params view draws every point the same size with its active stem.
  std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.day < b.day; });
  double max_total = 1;
  for (const Point& p : all) max_total = std::max(max_total, p.total);
  const double size_scale = std::clamp(width / 1200, 0.55, 1.0);
  struct Placed {
    double x, y, r, w;
  };
  std::vector<Placed> geometry;
  for (const Point& p : points) {
    const double r = params ? 4.5 : (2.5 + 22 * size_scale * std::sqrt(p.total / max_total));
    geometry.push_back({x_of(p.day), y_of(p.y), r, text_width(p.item->view.name, kLabelSize)});
  }
  // Label placement: larger models first; candidates right, left, above, below, the diagonals, then
  // right and left shifted up or down by a line.
  std::vector<std::size_t> order(points.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return points[a].total > points[b].total; });
  std::vector<std::vector<Box>> candidates;
  std::vector<Box> obstacles;
  for (std::size_t i : order) {
    const Placed& g = geometry[i];
    const double h = kLabelHeight, d = g.r * 0.7;
    candidates.push_back({{g.x + g.r + 3, g.y - h / 2, g.w, h},
                          {g.x - g.r - 3 - g.w, g.y - h / 2, g.w, h},
                          {g.x - g.w / 2, g.y - g.r - 2 - h, g.w, h},
                          {g.x - g.w / 2, g.y + g.r + 2, g.w, h},
                          {g.x + d + 2, g.y - d - h, g.w, h},
                          {g.x + d + 2, g.y + d, g.w, h},
                          {g.x - d - 2 - g.w, g.y - d - h, g.w, h},
                          {g.x - d - 2 - g.w, g.y + d, g.w, h},
                          {g.x + g.r + 3, g.y - h * 1.3, g.w, h},
                          {g.x + g.r + 3, g.y + h * 0.3, g.w, h},
                          {g.x - g.r - 3 - g.w, g.y - h * 1.3, g.w, h},
                          {g.x - g.r - 3 - g.w, g.y + h * 0.3, g.w, h}});
  }
  // Every point's centre (up to 8 px around it) stays clear of labels.
  for (const Placed& g : geometry) {
    const double r = std::min(g.r, 8.0);
    obstacles.push_back({g.x - r, g.y - r, 2 * r, 2 * r});
  }
  const auto chosen = place_labels(candidates, {left, top, plot_w + right, plot_h}, obstacles);
  std::vector<int> choice(points.size(), -1);
  for (std::size_t k = 0; k < order.size(); ++k) choice[order[k]] = chosen[k];

  svg += "<g class=\"points\">";
  for (std::size_t i = 0; i < points.size(); ++i) {
    const ModelView& v = points[i].item->view;
    const Placed& g = geometry[i];
    const std::string colour(decoder_colour(v.facts.decoder_type));
    const std::string description =
        fmt::format("{}, released {}: {} total, {} active parameters, KV {} per token ({})", v.name, v.entry->release_date,
                    human_count(v.facts.params.total), human_count(v.facts.params.active),
                    human_bytes(v.facts.kv_cache.bytes_per_token_bf16), decoder_type_label(v.facts.decoder_type));
    svg += fmt::format("<a class=\"pt\" href=\"/models/{}\" data-slug=\"{}\" aria-label=\"{}\"><title>{}</title>",
                       url_encode(v.slug), escape(v.slug), escape(description), escape(description));
    if (params && points[i].active < points[i].total)
      svg += fmt::format("<line class=\"stem\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"{3}\"/>"
                         "<circle class=\"act\" cx=\"{0:.1f}\" cy=\"{2:.1f}\" r=\"2.5\" stroke=\"{3}\"/>",
                         g.x, g.y, y_of(points[i].active), colour);
    svg += fmt::format("<circle class=\"dot{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" stroke=\"{}\"/>",
                       g.r > 8 ? " big" : "", g.x, g.y, g.r, colour, colour);
    // Unplaced labels sit to the right of the point, hidden until hover or focus.
    const Box box = choice[i] >= 0 ? candidates[std::find(order.begin(), order.end(), i) - order.begin()][choice[i]]
                                   : Box{g.x + g.r + 3, g.y - kLabelHeight / 2, g.w, kLabelHeight};
    svg += fmt::format("<text class=\"label{}\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text></a>", choice[i] >= 0 ? "" : " off",
                       box.x, box.y + kLabelHeight - 3, escape(v.name));
  }
  svg += "</g><g class=\"legend\" aria-hidden=\"true\">";
  double lx = left;
  for (DecoderType t : {DecoderType::Dense, DecoderType::SparseMoE, DecoderType::Hybrid, DecoderType::Recurrent}) {
    svg += fmt::format("<circle cx=\"{}\" cy=\"12\" r=\"5\" fill=\"{}\"/><text class=\"tick\" x=\"{}\" y=\"16\" "
                       "text-anchor=\"start\">{}</text>",
                       lx + 5, decoder_colour(t), lx + 14, decoder_type_label(t));
    lx += 24 + text_width(decoder_type_label(t), kLabelSize);
  }
  return svg + "</g></svg>";
}

std::string timeline_svg(const Gallery& gallery, const std::string& y_axis) {
  site::TimelineQuery query;
  query.view = y_axis == "active" ? "active" : "kv";
  return timeline_svg(gallery, query, 1200);
}

std::string timeline_page(const Gallery& gallery, const site::TimelineQuery& query) {
  std::size_t shown = 0, total = 0;
  for (const GalleryItem& item : gallery.items) {
    if (!item.view.model || !item.view.entry || !day_number(item.view.entry->release_date)) continue;
    ++total;
    const std::string& date = item.view.entry->release_date;
    shown += (query.from.empty() || date >= query.from) && (query.to.empty() || date <= query.to);
  }
  auto option = [&](const char* value, const char* label) {
    return fmt::format("<option value=\"{}\"{}>{}</option>", value, query.view == value ? " selected" : "", label);
  };
  auto month = [](const std::string& date) { return date.empty() ? std::string() : date.substr(0, 7); };
  std::string body = fmt::format(
      "<h1>Timeline and scale</h1>"
      "<form class=\"inline tl-controls\" id=\"tl-form\" method=\"get\" action=\"/timeline\">"
      "<span class=\"pair\"><label for=\"tl-view\">View</label> <select id=\"tl-view\" name=\"view\">{}{}{}</select></span> "
      "<span class=\"pair\"><label for=\"tl-from\">From</label> <input type=\"month\" id=\"tl-from\" name=\"from\" "
      "value=\"{}\" placeholder=\"YYYY-MM\" pattern=\"[0-9]{{4}}-[0-9]{{2}}\" size=\"8\"></span> "
      "<span class=\"pair\"><label for=\"tl-to\">to</label> <input type=\"month\" id=\"tl-to\" name=\"to\" value=\"{}\" "
      "placeholder=\"YYYY-MM\" pattern=\"[0-9]{{4}}-[0-9]{{2}}\" size=\"8\"></span> <button type=\"submit\">Show</button> "
      "<a href=\"/timeline\" id=\"tl-reset\">whole range</a></form>"
      "<p class=\"count\" id=\"tl-status\" role=\"status\">Showing {} of {} models{}.</p>"
      "<div class=\"tl-chart\" id=\"tl-chart\">{}</div>"
      "<p class=\"muted\">Each point is a model at its release date, coloured by decoder type. In the KV and active "
      "views its area grows with total parameters; the parameters view plots the total with a stem down to the "
      "active parameters. Labels that do not fit are shown when you hover or focus a point (Tab moves through "
      "the points in date order). Zoom with From and To: the range is kept in the URL "
      "(<code>?from=2024-01&amp;to=2026-12</code>). Models whose architecture is unknown are left out.</p>"
      "<script type=\"application/json\" id=\"tl-data\">{}</script>"
      "<link rel=\"stylesheet\" href=\"/assets/charts.css\"><script src=\"/assets/timeline.js\" defer></script>",
      option("kv", "KV cache per token"), option("active", "active parameters"),
      option("params", "total parameters (scaled view)"), month(query.from), month(query.to), shown, total,
      query.from.empty() && query.to.empty() ? ""
                                             : fmt::format(" released {} to {}", query.from.empty() ? "…" : query.from,
                                                           query.to.empty() ? "…" : query.to),
      timeline_svg(gallery, query, 1200), timeline_data_json(gallery));
  return page({"Timeline — llmgallery", "Every model on a time axis", Nav::Timeline}, body);
}

std::string timeline_page(const Gallery& gallery, const std::string& y_axis) {
  site::TimelineQuery query;
  query.view = y_axis == "active" ? "active" : "kv";
  return timeline_page(gallery, query);
}

}  // namespace llmg::html
