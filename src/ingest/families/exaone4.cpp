// EXAONE 4.0 (model_type exaone4; transformers Exaone4ForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Exaone4DecoderLayer: no input norm; post_attention_layernorm and post_feedforward_layernorm (the OLMo 2
// post-norm placement); q_norm / k_norm RMSNorm(head_dim) per head. Without layer_types, Exaone4Config makes
// layer i full attention when (i + 1) % sliding_window_pattern == 0 and sliding otherwise (no window: all
// full); the released configs spell the pattern as a string ("LLLG": L sliding, G global), read per layer.
void read_exaone4(ConfigView& config, Model& model) {
  model.norm_placement = NormPlacement::Post;
  Layer layer = llama_layer(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, layer);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, window);
    return;
  }
  if (window <= 0) return;
  const nlohmann::json* pattern = config.find(Key::SlidingWindowPattern);
  if (pattern && pattern->is_string()) {
    const std::string letters = pattern->get<std::string>();
    for (char letter : letters)
      if (letter != 'L' && letter != 'G') {
        config.fail("sliding_window_pattern", "expected an integer or a string of L and G, got \"" + letters + "\"");
        return;
      }
    if (letters.empty()) return;
    for (std::size_t i = 0; i < model.layers.size(); ++i)
      if (letters[i % letters.size()] == 'L') make_sliding(model.layers[i], window);
  } else {
    set_global_every(model, config.int_named(Key::SlidingWindowPattern, 4, 1, 4096), window);
  }
  config.note_source("layer mix", "sliding_window_pattern");
}

}  // namespace llmg
