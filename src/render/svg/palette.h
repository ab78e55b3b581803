// The diagrams' colours: one table of layer kinds (mixer keys, FFN keys, MTP) with their CSS custom
// property, light and dark defaults and legend name, and the theme colours of lines, text and boxes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace llmg::diagram {

enum class Theme { Light, Dark };  // the colour defaults written into an SVG (pages re-theme through --lg-*)

struct KindStyle {
  std::string_view key;     // layer_mixer_key / ffn_kind_key / "mtp"
  std::string_view css;     // class and custom property suffix: .kfull, --lg-full
  std::string_view light;   // default colour, light theme
  std::string_view dark;    // default colour, dark theme
  std::string_view legend;  // name in the legend
};

// The style of a kind key; unknown keys get a neutral grey entry.
const KindStyle& kind_style(std::string_view key);

// The <style> block: theme variables with defaults, text classes, and a class for each layer kind in
// `kinds` (keys). `scope` is the root element's class, so an SVG inlined in a page styles only itself.
std::string style_block(std::string_view scope, Theme theme, const std::vector<std::string>& kinds);

}  // namespace llmg::diagram
