// The layer strip: every layer as a cell, the token mixer's colour above and the feed-forward's below,
// multi-token-prediction layers after a gap, so patterns ("36 chunked + 12 global", "3:1 DeltaNet /
// attention", a dense prefix) read at a glance. Runs of one colour are single rectangles; the cell
// borders are one path drawn over them in the background colour, which keeps the markup small.
#include <algorithm>

#include <fmt/format.h>

#include "render/svg/palette.h"
#include "render/svg/diagram_parts.h"

namespace llmg::diagram {

using svg::Font;
using svg::Line;
using svg::Rect;

namespace {

// Keys of one strip row, layer by layer.
std::vector<std::string> row_keys(const Model& model, bool mixer) {
  std::vector<std::string> keys;
  for (const Layer& layer : model.layers)
    keys.push_back(mixer ? layer_mixer_key(layer) : std::string(ffn_kind_key(layer.ffn.kind)));
  return keys;
}

void draw_runs(svg::Writer& out, const std::vector<std::string>& keys, int cell, int y, int h) {
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    out.rect(Rect{static_cast<int>(i) * cell, y, static_cast<int>(j - i) * cell, h},
             fmt::format("st k{}", kind_style(keys[i]).css));
    i = j;
  }
}

struct LegendEntry {
  std::string key;
  std::string label;
  std::int64_t count;
  std::string fact;
};

}  // namespace

svg::Writer draw_strip(const Model& model, int width, bool compact, int& height, std::vector<std::string>& kinds) {
  svg::Writer out;
  int y = 0;
  const Font caption = compact ? Font::Small : Font::Body;
  if (!compact) {
    out.text(Rect{0, 0, width, svg::line_height(Font::Heading)}, 0, 0,
             Line{{"Layer strip", ""}, {" — one cell per layer: token mixer above, feed-forward below", ""}},
             Font::Heading);
    y += svg::line_height(Font::Heading) + 4;
  }
  const int layers = static_cast<int>(model.layers.size());
  const int mtp = static_cast<int>(model.mtp_layers.size());
  const int slots = layers + (mtp > 0 ? mtp + 1 : 0);
  const int cell = std::clamp(width / std::max(slots, 1), 2, compact ? 14 : 18);
  const int mixer_h = compact ? 12 : 18, ffn_h = compact ? 7 : 10;
  draw_runs(out, row_keys(model, true), cell, y, mixer_h);
  draw_runs(out, row_keys(model, false), cell, y + mixer_h + 1, ffn_h);
  const int strip_h = mixer_h + 1 + ffn_h;
  if (mtp > 0)
    out.rect(Rect{(layers + 1) * cell, y, mtp * cell, strip_h}, "st kmtp");
  // Cell borders over the runs.
  if (cell >= 3) {
    std::string d;
    for (int i = 1; i < slots; ++i) d += fmt::format("M{} {}v{}", i * cell, y, strip_h);
    out.path(d, "sep");
  }
  y += strip_h + 2;
  // Layer numbers (0-based, as configs index layers) under every 10th cell, or every 5th when few.
  const int step = layers <= 24 ? 4 : 10;
  const Rect ticks{0, y, std::max(width, slots * cell), svg::line_height(Font::Small)};
  const int mtp_w = svg::measure("MTP", Font::Small);
  const int mtp_label_left = std::min(width - mtp_w, (layers + 1) * cell + mtp * cell / 2 - mtp_w / 2);
  for (int i = 0; i < layers; i += step) {
    const int w = svg::measure(std::to_string(i), Font::Small);
    const int left = std::max(0, i * cell + cell / 2 - w / 2);  // centred under its cell, kept inside
    if (left + w + (mtp > 0 ? 4 : 0) <= (mtp > 0 ? mtp_label_left : width))
      out.text(ticks, left, y, std::to_string(i), Font::Small, svg::Anchor::Start, "m");
  }
  if (mtp > 0) out.text(ticks, mtp_label_left, y, "MTP", Font::Small, svg::Anchor::Start, "m");
  y += svg::line_height(Font::Small) + (compact ? 2 : 6);

  // Legend: one swatch per kind, with its layer count.
  std::vector<LegendEntry> entries;
  for (const KindCount& kc : mixer_mix(model)) {
    const std::string label = kc.kind == "none" ? "no token mixer" : std::string(kind_style(kc.kind).legend);
    entries.push_back({kc.kind, label, kc.count, "mix:" + kc.kind});
  }
  for (const KindCount& kc : ffn_mix(model)) {
    const std::string label = kc.kind == "none" ? "no FFN" : std::string(kind_style(kc.kind).legend);
    entries.push_back({kc.kind, label, kc.count, "ffn:" + kc.kind});
  }
  if (mtp > 0) entries.push_back({"mtp", "multi-token prediction", mtp, "mtp_layers"});
  const int swatch = compact ? 9 : 11;
  const int row_h = svg::line_height(caption) + 2;
  int x = 0;
  for (const LegendEntry& entry : entries) {
    const Line line{{entry.label + " ", ""}, {std::to_string(entry.count), entry.fact}};
    const int w = swatch + 4 + svg::measure(svg::plain(line), caption);
    if (x > 0 && x + w > width) {
      x = 0;
      y += row_h;
    }
    out.rect(Rect{x, y + 2, swatch, swatch}, fmt::format("st k{}", kind_style(entry.key).css), 2);
    out.text(Rect{x, y, w, row_h}, x + swatch + 4, y, line, caption);
    x += w + (compact ? 10 : 16);
    if (std::find(kinds.begin(), kinds.end(), entry.key) == kinds.end()) kinds.push_back(entry.key);
  }
  y += row_h;
  height = y;
  return out;
}

}  // namespace llmg::diagram
