// A small SVG writer for the diagrams: integer coordinates, escaped text, CSS classes instead of
// inline styles, and a record of every text box with the box it must fit in (tests check the fit).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace llmg::svg {

struct Rect {
  int x = 0, y = 0, w = 0, h = 0;
  int right() const { return x + w; }
  int bottom() const { return y + h; }
  bool contains(const Rect& inner) const {
    return inner.x >= x && inner.y >= y && inner.right() <= right() && inner.bottom() <= bottom();
  }
};

// Text styles: one CSS class each, with the size and weight the layout measures with.
enum class Font { Title, Heading, Body, Small, Count };
struct FontSpec {
  std::string_view css_class;
  int size;
  bool bold;
};
const FontSpec& font_spec(Font font);
int line_height(Font font);                          // baseline-to-baseline distance
int measure(std::string_view text, Font font);       // width in px, rounded up
std::string escape(std::string_view text);            // XML text and attribute escaping

// A piece of a text line; a non-empty `fact` tags it as a number the engine computed
// (<tspan data-fact="vocab_size">128,256</tspan>), so tests compare it with the facts.
struct Span {
  std::string text;
  std::string fact;
};
using Line = std::vector<Span>;
std::string plain(const Line& line);

enum class Anchor { Start, Middle };

struct PlacedText {
  std::string text;
  Rect box;        // where the glyphs land (measured advance × line box)
  Rect container;  // the box the text must stay inside
};

class Writer {
 public:
  void raw(std::string_view markup) { body_ += markup; }
  void rect(const Rect& r, std::string_view css_class, int radius = 0);
  void path(std::string_view d, std::string_view css_class, std::string_view marker_id = {});
  void circle(int cx, int cy, int r, std::string_view css_class);
  // A text line whose top edge is at `top`; x is its left edge or centre.
  void text(const Rect& container, int x, int top, const Line& line, Font font, Anchor anchor = Anchor::Start,
            std::string_view extra_class = {});
  void text(const Rect& container, int x, int top, std::string_view text, Font font,
            Anchor anchor = Anchor::Start, std::string_view extra_class = {}) {
    this->text(container, x, top, Line{{std::string(text), {}}}, font, anchor, extra_class);
  }
  const std::string& body() const { return body_; }
  const std::vector<PlacedText>& texts() const { return texts_; }
  void append(const Writer& other, int dx, int dy);  // other's markup translated by (dx, dy)

 private:
  std::string body_;
  std::vector<PlacedText> texts_;
};

}  // namespace llmg::svg
