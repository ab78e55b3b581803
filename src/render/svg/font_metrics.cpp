#include "render/svg/font_metrics.h"

namespace llmg {

namespace {

// Decodes one UTF-8 sequence at `i`, advancing it; malformed bytes decode as U+FFFD.
unsigned next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned lead = byte(i);
  int extra = lead < 0x80 ? 0 : (lead >> 5) == 6 ? 1 : (lead >> 4) == 14 ? 2 : (lead >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + extra >= text.size()) {
    ++i;
    return 0xFFFD;
  }
  unsigned point = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) point = (point << 6) | (byte(i + k) & 0x3F);
  i += extra + 1;
  return point;
}

}  // namespace

double text_width(std::string_view text, double size, bool bold) {
  const int wide = font::advance_units('M', bold);
  long units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const int advance = font::advance_units(next_code_point(text, i), bold);
    units += advance < 0 ? wide : advance;
  }
  return static_cast<double>(units) * size / font::units_per_em();
}

}  // namespace llmg
