#include "render/svg/poster.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "render/svg/diagram.h"
#include "render/svg/palette.h"
#include "render/svg/font_metrics.h"
#include "base/units.h"
#include "render/svg/svg.h"
#include "view/select.h"

namespace llmg {

namespace {

// One card: the thumbnail diagram and two lines under it.
struct Card {
  const ModelView* view = nullptr;
  std::string svg;  // thumbnail diagram
  int width = 0, height = 0;
  std::string name, facts;
};

std::string fact_line(const ModelView& view) {
  std::string date = view.entry ? view.entry->release_date : "";
  if (!view.model) {
    const std::string reason = view.entry ? view.entry->unknown_short : "unknown";
    return date.empty() ? "architecture unknown: " + reason : date + " · architecture unknown: " + reason;
  }
  const Facts& f = view.facts;
  std::string line = human_count(f.params.total);
  if (f.params.active != f.params.total) line += " (" + human_count(f.params.active) + " active)";
  line += fmt::format(" · {} layers · {} · {} ctx", f.layers, f.attention_summary, human_tokens(f.context_length));
  return date.empty() ? line : date + " · " + line;
}

// The intrinsic size written in a diagram's root element.
void svg_size(const std::string& svg, int& width, int& height) {
  const auto attribute = [&](const char* name) {
    const auto at = svg.find(name);
    return at == std::string::npos ? 0 : std::atoi(svg.c_str() + at + std::char_traits<char>::length(name));
  };
  width = attribute(" width=\"");
  height = attribute(" height=\"");
}

// Font size (≤ size) at which `text` fits `width`.
double fitting_size(const std::string& text, double size, bool bold, double width) {
  const double w = text_width(text, size, bold);
  return w <= width ? size : size * width / w;
}

std::string num(double value) { return fmt::format("{:.1f}", value); }

}  // namespace

Result<PaperSize> paper_size(const std::string& name) {
  // ISO 216 in millimetres → points (72 / 25.4).
  static const std::pair<const char*, std::pair<double, double>> kIso[] = {
      {"A0", {841, 1189}}, {"A1", {594, 841}}, {"A2", {420, 594}}, {"A3", {297, 420}}};
  for (const auto& [iso, mm] : kIso)
    if (name == iso || (name.size() == 2 && std::toupper(name[0]) == iso[0] && name[1] == iso[1]))
      return PaperSize{iso, std::round(mm.first * 72 / 25.4), std::round(mm.second * 72 / 25.4)};
  double w = 0, h = 0;
  char tail[8] = {};
  if (std::sscanf(name.c_str(), "%lfx%lf%7s", &w, &h, tail) == 3 && std::string(tail) == "in" && w >= 4 && h >= 4 &&
      w <= 120 && h <= 120)
    return PaperSize{name, std::min(w, h) * 72, std::max(w, h) * 72};
  return bad_input(fmt::format("argument '--size {}': expected A0, A1, A2, A3 or WxHin (e.g. 24x36in)", name));
}

Result<void> order_views(std::vector<ModelView>& views, const std::string& order) {
  const auto date = sort_field("date")->text;  // the sort table's keys (view/select.h)
  const auto family = sort_field("family")->text;
  if (order == "date")
    std::stable_sort(views.begin(), views.end(), [&](const ModelView& a, const ModelView& b) {
      const std::string da = date(a), db = date(b);
      return std::tie(da, a.name) < std::tie(db, b.name);
    });
  else if (order == "family")
    std::stable_sort(views.begin(), views.end(), [&](const ModelView& a, const ModelView& b) {
      const std::string fa = family(a), fb = family(b), da = date(a), db = date(b);
      return std::tie(fa, da, a.name) < std::tie(fb, db, b.name);
    });
  else
    return bad_input(fmt::format("argument '--order {}': expected date or family", order));
  return {};
}

std::string poster_svg(const std::vector<ModelView>& views, const PosterOptions& options) {
  const double page_w = options.paper.width_pt, page_h = options.paper.height_pt;
  const double margin = std::max(36.0, page_w * 0.03);  // ≥ 0.5 in: safe for printers' unprintable edge
  const double title_size = page_w / 32, sub_size = page_w / 90, legend_size = page_w / 110;
  std::vector<Card> cards;
  std::vector<std::string> kinds;
  for (const ModelView& view : views) {
    Card card;
    card.view = &view;
    DiagramOptions thumbnail;
    thumbnail.thumbnail = true;
    card.svg = diagram_svg(view, thumbnail);
    while (!card.svg.empty() && card.svg.back() == '\n') card.svg.pop_back();
    svg_size(card.svg, card.width, card.height);
    card.name = view.name;
    card.facts = fact_line(view);
    cards.push_back(std::move(card));
    if (view.model) {
      for (const Layer& layer : view.model->layers)
        for (std::string key : {layer_mixer_key(layer), std::string(ffn_kind_key(layer.ffn.kind))})
          if (std::find(kinds.begin(), kinds.end(), key) == kinds.end()) kinds.push_back(key);
      if (!view.model->mtp_layers.empty() && std::find(kinds.begin(), kinds.end(), "mtp") == kinds.end())
        kinds.push_back("mtp");
    }
  }

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" "
      "font-family=\"DejaVu Sans, Verdana, sans-serif\"><rect width=\"{0}\" height=\"{1}\" fill=\"#fff\"/>",
      num(page_w), num(page_h));
  // Title, subtitle, legend.
  double y = margin;
  const double title = fitting_size(options.title, title_size, true, page_w - 2 * margin);
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"700\" fill=\"#1f2328\">{}</text>",
                     num(margin), num(y + title * 0.93), num(title), svg::escape(options.title));
  y += title * 1.25;
  const std::string subtitle = fmt::format(
      "{} models, ordered by {} · every diagram drawn by llmgallery from the model's own config · one cell per layer "
      "in each strip: token mixer above, feed-forward below",
      cards.size(), options.order == "family" ? "family" : "release date");
  const double sub = fitting_size(subtitle, sub_size, false, page_w - 2 * margin);
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"#59636e\">{}</text>", num(margin),
                     num(y + sub * 0.93), num(sub), svg::escape(subtitle));
  y += sub * 1.8;
  double x = margin;
  for (const std::string& key : kinds) {
    const diagram::KindStyle& style = diagram::kind_style(key);
    const std::string label = key == "none" ? "no mixer / no FFN" : std::string(style.legend);
    const double w = legend_size * 1.4 + text_width(label, legend_size, false) + legend_size * 1.6;
    if (x + w > page_w - margin) {
      x = margin;
      y += legend_size * 1.6;
    }
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{}\"/>", num(x), num(y),
                       num(legend_size), num(legend_size), style.light);
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"#1f2328\">{}</text>",
                       num(x + legend_size * 1.4), num(y + legend_size * 0.85), num(legend_size), svg::escape(label));
    x += w;
  }
  y += legend_size * 2.6;

  // The grid: the column count that gives the widest cards fitting the page.
  const double grid_w = page_w - 2 * margin, grid_h = page_h - margin - y;
  const double gap = page_w / 120;
  const auto card_height = [](double w) { return w * 0.62 + w / 14 + w / 20 + w / 40; };
  int columns = 1;
  double card_w = 0;
  for (int c = 1; c <= 24; ++c) {
    const double w = (grid_w - (c - 1) * gap) / c;
    const int rows = (static_cast<int>(cards.size()) + c - 1) / c;
    if (rows * card_height(w) + (rows - 1) * gap <= grid_h) {
      columns = c;
      card_w = w;
      break;
    }
  }
  if (card_w == 0) {
    columns = 24;
    card_w = (grid_w - 23 * gap) / 24;
  }
  const double picture_h = card_w * 0.62, name_size = card_w / 18, fact_size = card_w / 30;
  for (std::size_t i = 0; i < cards.size(); ++i) {
    const Card& card = cards[i];
    const double cx = margin + static_cast<double>(i % columns) * (card_w + gap);
    const double cy = y + static_cast<double>(i / columns) * (card_height(card_w) + gap);
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"none\" "
                       "stroke=\"#d0d7de\" stroke-width=\"0.6\"/>",
                       num(cx), num(cy), num(card_w), num(card_height(card_w)));
    if (card.width > 0 && card.height > 0) {
      const double pad = card_w * 0.03;
      const double scale = std::min((card_w - 2 * pad) / card.width, (picture_h - pad) / card.height);
      const double ox = cx + (card_w - card.width * scale) / 2, oy = cy + pad + (picture_h - pad - card.height * scale) / 2;
      out += fmt::format("<g transform=\"translate({},{}) scale({:.4f})\">{}</g>", num(ox), num(oy), scale, card.svg);
    }
    const double inner = card_w * 0.94;
    const double ns = fitting_size(card.name, name_size, true, inner);
    const double fs = fitting_size(card.facts, fact_size, false, inner);
    double ty = cy + picture_h + card_w / 60;
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"700\" text-anchor=\"middle\" "
                       "fill=\"#1f2328\">{}</text>",
                       num(cx + card_w / 2), num(ty + ns * 0.93), num(ns), svg::escape(card.name));
    ty += name_size * 1.3;
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"#59636e\">{}</text>",
                       num(cx + card_w / 2), num(ty + fs * 0.93), num(fs), svg::escape(card.facts));
  }
  return out + "</svg>\n";
}

}  // namespace llmg
