// Placeholder: a minimal, valid diagram until the real layout lands (issue 4).
#include "render/diagram.h"

#include <fmt/format.h>

namespace llmg {

std::string_view layer_kind_colour(std::string_view kind_key) {
  if (kind_key == "full_attention") return "#4e79a7";
  if (kind_key == "sliding_attention" || kind_key == "chunked_attention") return "#a0cbe8";
  if (kind_key == "latent_attention") return "#59a14f";
  if (kind_key == "gated_deltanet" || kind_key == "kimi_delta_attention") return "#f28e2b";
  if (kind_key == "mamba2") return "#e15759";
  if (kind_key == "moe") return "#b07aa1";
  return "#bab0ac";
}

std::string layer_strip_svg(const ModelView& view, const DiagramOptions&) {
  if (!view.model) return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>";
  const auto& layers = view.model->layers;
  const int cell = 8;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">",
      layers.size() * cell, 2 * cell, layers.size() * cell, 2 * cell);
  for (std::size_t i = 0; i < layers.size(); ++i) {
    out += fmt::format("<rect x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"{}\"/>", i * cell, cell - 1, cell,
                       layer_kind_colour(layer_mixer_key(layers[i])));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>", i * cell, cell, cell - 1,
                       cell, layer_kind_colour(ffn_kind_key(layers[i].ffn.kind)));
  }
  return out + "</svg>";
}

std::string diagram_svg(const ModelView& view, const DiagramOptions& options) {
  return layer_strip_svg(view, options);
}

}  // namespace llmg
