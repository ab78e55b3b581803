// Cohere2 (model_type cohere2).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Cohere2 (Cohere2ForCausalLM: Command R7B, Command A, Aya): one bias-free LayerNorm feeding attention
// and MLP in parallel, tied embeddings, sliding-window layers with RoPE and global layers without
// (layer_types, or every sliding_window_pattern-th layer global).
void read_cohere2(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNormNoBias;
  model.norm_placement = NormPlacement::Parallel;
  Layer layer = llama_layer(config, model);
  if (config.bool_named(Key::UseQkNorm, false)) layer.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, layer);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, window);
  } else if (window > 0) {
    const std::int64_t pattern = config.int_named(Key::SlidingWindowPattern, 4, 1, 4096);
    set_global_every(model, pattern, window);
  }
  for (Layer& l : model.layers)
    if (l.attention.span == AttentionSpan::Full && window > 0) l.attention.rope_fraction = 0.0;
  model.notes.push_back("Cohere2: global layers use no positional encoding; sliding layers use RoPE");
}

}  // namespace llmg
