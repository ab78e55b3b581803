// Gemma 3 (Gemma3TextModel): sandwich norms (input, post_attention, pre_feedforward,
// post_feedforward), per-head QK-norm, GeGLU MLP, tied embeddings, five sliding-window layers per
// global layer. Files are sparse: missing keys take Gemma3TextConfig's defaults (family table).
#include "ingest/families.h"
#include "ingest/families/common.h"

namespace llmg {

void read_gemma3(ConfigView& config, Model& model) {
  read_basics(config, model, /*tied_default=*/true);
  model.norm_placement = NormPlacement::Sandwich;
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  layer.ffn = read_dense_ffn(config);
  fill_layers(config, model, layer);
  const std::int64_t window = config.require_int(Key::SlidingWindow);
  const double local_theta = config.number_named("rope_local_base_freq", 10000.0);
  if (config.find("layer_types")) {
    apply_layer_types(config, model, window);
  } else {
    // Gemma3TextConfig: layer i is global when (i + 1) % sliding_window_pattern == 0.
    const std::int64_t pattern = config.int_named("sliding_window_pattern", 6, 1, 4096);
    for (std::size_t i = 0; i < model.layers.size(); ++i)
      if ((static_cast<std::int64_t>(i) + 1) % pattern != 0) make_sliding(model.layers[i], window);
    config.note_source("layer mix", "sliding_window_pattern");
  }
  for (Layer& l : model.layers)
    if (l.attention.span == AttentionSpan::SlidingWindow) l.attention.rope_theta = local_theta;
}

}  // namespace llmg
