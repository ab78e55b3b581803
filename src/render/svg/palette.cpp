#include "render/svg/palette.h"

#include <algorithm>

#include <fmt/format.h>

#include "model/model.h"
#include "render/svg/svg.h"

namespace llmg::diagram {

namespace {

// One colour row per layer kind of the vocabulary (model/vocab.h): the key and the legend name are the
// vocabulary's; the palette adds only the CSS class and the two colours. chunked_latent_attention has no
// family and no colour yet (it falls back to the neutral entry).
constexpr KindStyle layer_row(LayerKind kind, std::string_view css, std::string_view light, std::string_view dark) {
  return {layer_kind_key(kind), css, light, dark, layer_kind_label(kind)};
}
KindStyle ffn_row(FfnKind kind, std::string_view css, std::string_view light, std::string_view dark) {
  return {ffn_kind_key(kind), css, light, dark, ffn_kind_label(kind)};
}

// Tableau 10 hues: blues for softmax attention (lighter = limited span), green for latent attention,
// warm hues for linear attention and state-space mixers, grey/purple for the FFN row.
const KindStyle kKinds[] = {
    layer_row(LayerKind::FullAttention, "full", "#4e79a7", "#7aa6d6"),
    layer_row(LayerKind::SlidingAttention, "slide", "#a0cbe8", "#a0cbe8"),
    layer_row(LayerKind::ChunkedAttention, "chunk", "#76b7b2", "#76b7b2"),
    layer_row(LayerKind::LatentAttention, "mla", "#59a14f", "#7cc46f"),
    layer_row(LayerKind::SlidingLatentAttention, "smla", "#8cd17d", "#a6dd99"),
    layer_row(LayerKind::CompressedSparseAttention, "csa", "#17becf", "#4fd3e0"),
    layer_row(LayerKind::HeavilyCompressedAttention, "hca", "#0f8f9c", "#3aa6b3"),
    layer_row(LayerKind::GatedDeltaNet, "gdn", "#f28e2b", "#f5a352"),
    layer_row(LayerKind::KimiDeltaAttention, "kda", "#ffbe7d", "#ffbe7d"),
    layer_row(LayerKind::LightningAttention, "light", "#edc948", "#edc948"),
    layer_row(LayerKind::Mamba2, "mamba", "#e15759", "#ef7a7c"),
    layer_row(LayerKind::MLSTM, "mlstm", "#ff9d9a", "#ff9d9a"),
    layer_row(LayerKind::Mamba, "mamba1", "#d4605f", "#e8898a"),
    layer_row(LayerKind::ShortConv, "sconv", "#b6992d", "#d4b84a"),
    layer_row(LayerKind::Rwkv4, "rwkv", "#d37295", "#e08fae"),
    layer_row(LayerKind::RgLru, "rglru", "#9d7660", "#b99580"),
    layer_row(LayerKind::None, "nomix", "#e6e6e6", "#3a3f47"),
    ffn_row(FfnKind::Dense, "dense", "#bab0ac", "#8f8683"),
    ffn_row(FfnKind::MoE, "moe", "#b07aa1", "#c99bbd"),
    {"mtp", "mtp", "#9c755f", "#c19a83", "multi-token prediction"},
};
constexpr KindStyle kUnknown = {"", "other", "#bab0ac", "#8f8683", "other"};

struct ThemeColours {
  std::string_view bg, text, muted, line, block, norm, box;
};
constexpr ThemeColours kLight = {"#fff", "#1f2328", "#59636e", "#57606a", "#f6f4ef", "#e9edf2", "#fff"};
constexpr ThemeColours kDark = {"#16181d", "#e6edf3", "#9ea7b3", "#a3acb8", "#22262d", "#2e343d", "#1b1f25"};

}  // namespace

const KindStyle& kind_style(std::string_view key) {
  for (const KindStyle& style : kKinds)
    if (style.key == key) return style;
  return kUnknown;
}

std::string style_block(std::string_view scope, Theme theme, const std::vector<std::string>& kinds) {
  const ThemeColours& c = theme == Theme::Dark ? kDark : kLight;
  const bool dark = theme == Theme::Dark;
  std::string css = "<style>";
  // Each colour twice: plainly, for renderers without CSS custom properties (librsvg), then through
  // var(--lg-*), which a page inlining the SVG may set on any ancestor.
  const auto themed = [](std::string_view property, std::string_view name, std::string_view colour) {
    return fmt::format("{0}:{2};{0}:var(--lg-{1},{2})", property, name, colour);
  };
  const auto rule = [&](std::string_view selector, const std::string& declarations) {
    css += fmt::format(".{} {}{{{}}}", scope, selector, declarations);
  };
  rule(".bg", themed("fill", "bg", c.bg));
  rule("text", themed("fill", "text", c.text));
  rule(".m", themed("fill", "muted", c.muted));
  rule(".ln", "fill:none;stroke-width:1.4;" + themed("stroke", "line", c.line));
  rule(".dl", "fill:none;stroke-dasharray:4 3;" + themed("stroke", "line", c.line));
  rule(".ah", themed("fill", "line", c.line));
  rule(".fr", themed("fill", "block", c.block) + ";" + themed("stroke", "line", c.line));
  rule(".nm", themed("fill", "norm", c.norm) + ";" + themed("stroke", "line", c.line));
  rule(".bx", themed("fill", "box", c.box) + ";" + themed("stroke", "line", c.line));
  rule(".ad", "stroke-width:1.4;" + themed("fill", "box", c.box) + ";" + themed("stroke", "line", c.line));
  rule(".k", "fill-opacity:.28;stroke-width:1.6");
  rule(".sep", "fill:none;" + themed("stroke", "bg", c.bg));
  for (const svg::Font font : {svg::Font::Title, svg::Font::Heading, svg::Font::Body, svg::Font::Small,
                               svg::Font::Count}) {
    const svg::FontSpec& spec = svg::font_spec(font);
    css += fmt::format(".{} .{}{{font-size:{}px{}}}", scope, spec.css_class, spec.size,
                       spec.bold ? ";font-weight:700" : "");
  }
  std::vector<std::string_view> written;
  for (const std::string& key : kinds) {
    const KindStyle& kind = kind_style(key);
    if (std::find(written.begin(), written.end(), kind.css) != written.end()) continue;
    written.push_back(kind.css);
    const std::string_view colour = dark ? kind.dark : kind.light;
    rule(fmt::format(".k{}", kind.css), themed("fill", kind.css, colour) + ";" + themed("stroke", kind.css, colour));
  }
  rule(".st", "stroke:none");  // strip cells and swatches: colour without an outline
  return css + "</style>";
}

}  // namespace llmg::diagram
