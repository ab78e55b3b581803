// SVG to PNG through librsvg + cairo, in-process (no external tools).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace llmg {

// Renders an SVG document at `scale` × its intrinsic size; returns the PNG bytes.
Result<std::string> svg_to_png(std::string_view svg, double scale = 1.0);

// Prints an SVG document onto one vector PDF page of width_pt × height_pt (the SVG scaled to fit);
// cairo embeds the fonts used (subsets). Writes the file at `path`.
Result<void> svg_to_pdf(std::string_view svg, const std::string& path, double width_pt, double height_pt);

}  // namespace llmg
