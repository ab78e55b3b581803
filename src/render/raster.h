// SVG to PNG through librsvg + cairo, in-process (no external tools).
#pragma once

#include <string>
#include <string_view>

#include "util/result.h"

namespace llmg {

// Renders an SVG document at `scale` × its intrinsic size; returns the PNG bytes.
Result<std::string> svg_to_png(std::string_view svg, double scale = 1.0);

}  // namespace llmg
