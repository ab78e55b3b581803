// Architecture diagrams drawn from the normalized model as SVG (no stored images).
// The web gallery inlines these; the CLI `diagram` verb writes them; the poster tiles them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/text/rows.h"
#include "render/svg/palette.h"
#include "render/svg/svg.h"

namespace llmg {

struct DiagramOptions {
  using Theme = diagram::Theme;
  // Colours come from CSS custom properties (--lg-*) with these defaults, so a page that inlines
  // the SVG can re-theme it; `theme` picks the defaults written into the SVG itself.
  Theme theme = Theme::Light;
  bool thumbnail = false;  // gallery card: the block and the layer strip only, no callouts
};

// The full architecture diagram of a model. A view without a model (architecture unknown) gets a
// small SVG saying so.
std::string diagram_svg(const ModelView& view, const DiagramOptions& options = {});

// The same diagram with its layout record: every text line placed, with the box it must fit in.
struct DiagramLayout {
  std::string svg;
  std::vector<svg::PlacedText> texts;
  int width = 0, height = 0;
};
DiagramLayout diagram_layout(const ModelView& view, const DiagramOptions& options = {});

// The layer strip alone: one cell per layer coloured by mixer and FFN kind, with a legend.
std::string layer_strip_svg(const ModelView& view, const DiagramOptions& options = {});

// Colour of a layer kind key (layer_mixer_key / ffn_kind_key), shared by diagrams, charts and pages.
std::string_view layer_kind_colour(std::string_view kind_key);

}  // namespace llmg
