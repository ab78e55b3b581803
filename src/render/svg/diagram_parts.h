// Internal pieces of the diagram renderer shared by diagram.cpp, diagram_insets.cpp and
// layer_strip.cpp: the grouping of layers into kinds and the drawing helpers. Not a public surface.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "render/svg/svg.h"

namespace llmg::diagram {

// Layers of one kind: same mixer key, FFN kind and position encoding (a NoPE layer is its own kind).
struct LayerGroup {
  std::string key;  // "chunked_attention+dense", "full_attention+moe+nope"
  std::vector<int> layers;
  const Layer* layer = nullptr;  // the first layer of the group, whose numbers the block shows
  int first() const { return layers.front(); }
  int last() const { return layers.back(); }
};
std::string layer_group_key(const Layer& layer);
std::vector<LayerGroup> layer_groups(const Model& model);

bool model_has_window(const Model& model);  // any sliding-window or chunked layer

// Numbers as the diagram prints them: exact, with thousands separators.
std::string number(std::int64_t value);

// The two kinds of span in a box's text. A number of layer `layer`, tagged with its fact key ("L3.heads",
// which the page links to the fact sheet's row): `const LayerFact n{index}; n(value, "heads")`. Plain text:
// text_span("heads").
std::string fact_key(int layer, std::string_view name);
struct LayerFact {
  int layer;
  svg::Span operator()(std::int64_t value, std::string_view name) const { return {number(value), fact_key(layer, name)}; }
};
inline svg::Span text_span(std::string text) { return {std::move(text), ""}; }

// A labelled box: a bold heading and lines of body text, sized to its text.
struct Box {
  std::string css;  // class: "nm" norm, "bx" plain, "k kfull" a layer kind tint
  svg::Line heading;
  std::vector<svg::Line> lines;
  svg::Font heading_font = svg::Font::Heading;
};
constexpr int kBoxPadX = 10;
constexpr int kBoxPadY = 6;
int box_width(const Box& box);
int box_height(const Box& box);
// Draws `box` in `r` (text centred) and records its text against `r`.
void draw_box(svg::Writer& out, const Box& box, const svg::Rect& r);

// A zoom box beside the stack: a title and a small flow of boxes, bottom to top.
struct ExpertGrid {
  std::int64_t total = 0, active = 0, shared = 0;
};
struct Inset {
  std::string title;
  std::vector<std::vector<Box>> rows;  // bottom row first
  ExpertGrid grid;                     // drawn above row `grid_after` when total > 0
  int grid_after = 0;
};
std::vector<Inset> insets_for(const Model& model, const std::vector<LayerGroup>& groups);
// Draws an inset with its top-left corner at (0, 0); returns its size.
svg::Writer draw_inset(const Inset& inset, std::string_view marker, int& width, int& height);

// The layer strip: one cell per layer (mixer colour above, FFN colour below), MTP cells after a gap,
// layer numbers, a summary line and a legend; drawn at (0, 0) within `width`. `kinds` collects the
// layer-kind keys used, for the style block.
svg::Writer draw_strip(const Model& model, int width, bool compact, int& height, std::vector<std::string>& kinds);

}  // namespace llmg::diagram
