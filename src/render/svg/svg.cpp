#include "render/svg/svg.h"

#include "base/units.h"

#include <cmath>

#include <fmt/format.h>

#include "render/svg/font_metrics.h"

namespace llmg::svg {

namespace {

// Sizes in px; the classes are styled in the diagram's <style> block (see diagram_style.cpp).
constexpr FontSpec kFonts[] = {
    {"t", 17, true},   // Title
    {"h", 12, true},   // Heading: a box's name
    {"b", 11, false},  // Body: numbers inside a box
    {"s", 10, false},  // Small: captions, legend, ticks
    {"c", 14, true},   // Count: "36 ×"
};

}  // namespace

const FontSpec& font_spec(Font font) { return kFonts[static_cast<int>(font)]; }

int line_height(Font font) { return font_spec(font).size + 4; }

int measure(std::string_view text, Font font) {
  const FontSpec& spec = font_spec(font);
  return static_cast<int>(std::ceil(text_width(text, spec.size, spec.bold)));
}

std::string escape(std::string_view text) { return xml_escape(text); }

std::string plain(const Line& line) {
  std::string out;
  for (const Span& span : line) out += span.text;
  return out;
}

void Writer::rect(const Rect& r, std::string_view css_class, int radius) {
  body_ += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"", css_class, r.x, r.y, r.w,
                       r.h);
  if (radius > 0) body_ += fmt::format(" rx=\"{}\"", radius);
  body_ += "/>";
}

void Writer::path(std::string_view d, std::string_view css_class, std::string_view marker_id) {
  body_ += fmt::format("<path class=\"{}\" d=\"{}\"", css_class, d);
  if (!marker_id.empty()) body_ += fmt::format(" marker-end=\"url(#{})\"", marker_id);
  body_ += "/>";
}

void Writer::circle(int cx, int cy, int r, std::string_view css_class) {
  body_ += fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>", css_class, cx, cy, r);
}

void Writer::text(const Rect& container, int x, int top, const Line& line, Font font, Anchor anchor,
                  std::string_view extra_class) {
  const FontSpec& spec = font_spec(font);
  const std::string whole = plain(line);
  const int width = measure(whole, font);
  const int left = anchor == Anchor::Middle ? x - (width + 1) / 2 : x;
  // DejaVu Sans: ascent 0.93 em, descent 0.24 em; the baseline sits one ascent below the top.
  const int baseline = top + static_cast<int>(std::lround(spec.size * 0.93));
  body_ += fmt::format("<text class=\"{}{}{}\" x=\"{}\" y=\"{}\"{}>", spec.css_class, extra_class.empty() ? "" : " ",
                       extra_class, x, baseline, anchor == Anchor::Middle ? " text-anchor=\"middle\"" : "");
  for (const Span& span : line) {
    if (span.fact.empty())
      body_ += escape(span.text);
    else
      body_ += fmt::format("<tspan data-fact=\"{}\">{}</tspan>", span.fact, escape(span.text));
  }
  body_ += "</text>";
  texts_.push_back({whole, Rect{left, top, width, static_cast<int>(std::ceil(spec.size * 1.17))}, container});
}

void Writer::append(const Writer& other, int dx, int dy) {
  if (dx == 0 && dy == 0)
    body_ += other.body_;
  else
    body_ += fmt::format("<g transform=\"translate({},{})\">{}</g>", dx, dy, other.body_);
  for (PlacedText placed : other.texts_) {
    placed.box.x += dx;
    placed.box.y += dy;
    placed.container.x += dx;
    placed.container.y += dy;
    texts_.push_back(std::move(placed));
  }
}

}  // namespace llmg::svg
