// Gemma 3 (model_types gemma3, gemma3_text; Gemma3TextModel): sandwich norms (input, post_attention,
// pre_feedforward, post_feedforward), per-head QK-norm, GeGLU MLP, tied embeddings, five sliding-window
// layers per global layer. Files are sparse: missing keys take Gemma3TextConfig's defaults (registry).
#include <algorithm>
#include <fmt/format.h>
#include "ingest/families/gemma3.h"
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// What Gemma 3 and 4 share: tied embeddings, sandwich norms, per-head QK-norm, a dense GeGLU MLP.
Layer gemma_layer(ConfigView& config, Model& model) {
  model.norm_placement = NormPlacement::Sandwich;
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  layer.ffn = read_dense_ffn(config);
  return layer;
}

void read_gemma3(ConfigView& config, Model& model) {
  const Layer layer = gemma_layer(config, model);
  fill_layers(config, model, layer);
  const std::int64_t window = config.require_int(Key::SlidingWindow);
  const double local_theta = config.number_named(Key::RopeLocalBaseFreq, 10000.0);
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, window);
  } else {
    // Gemma3TextConfig: layer i is global when (i + 1) % sliding_window_pattern == 0.
    const std::int64_t pattern = config.int_named(Key::SlidingWindowPattern, 6, 1, 4096);
    set_global_every(model, pattern, window);
    config.note_source("layer mix", "sliding_window_pattern");
  }
  for (Layer& l : model.layers)
    if (l.attention.span == AttentionSpan::SlidingWindow) l.attention.rope_theta = local_theta;
}

}  // namespace llmg
