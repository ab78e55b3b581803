// Text measurement with the font the SVG names (DejaVu Sans), from advances compiled into the binary
// by tools/font_metrics.cpp: the layout sizes boxes to their labels so text never overflows.
#pragma once

#include <string_view>

namespace llmg {

namespace font {
// Generated: advance of a code point in font units, -1 when the table lacks it.
int advance_units(unsigned code_point, bool bold);
int units_per_em();
}  // namespace font

// Width in px of UTF-8 `text` set at `size` px. Code points outside the table count as a wide glyph
// ('M'), and kerning is left out, so the result is an upper bound of what a renderer draws.
double text_width(std::string_view text, double size, bool bold = false);

}  // namespace llmg
