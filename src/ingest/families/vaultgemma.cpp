// VaultGemma (model_type vaultgemma; transformers VaultGemmaForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// VaultGemmaDecoderLayer: Gemma 2's layer with post_attention_layernorm and post_feedforward_layernorm
// removed (two pre-norms: input_layernorm, pre_feedforward_layernorm), no QK-norm, GeGLU MLP, tied
// embeddings. Without layer_types, layers alternate sliding (even i) and full (odd i), as Gemma 2.
void read_vaultgemma(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  fill_layers(config, model, layer);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, window);
  } else if (window > 0) {
    set_global_every(model, 2, window);
    config.note_source("layer mix", "alternating sliding / full (VaultGemmaConfig default)");
  }
}

// CwmConfig (Code World Model): the Llama layout; without layer_types, layer i is full attention when
// i % 4 == 0 and sliding (sliding_window) otherwise.
void read_cwm(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  fill_layers(config, model, layer);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, window);
  } else if (window > 0) {
    set_global_every(model, 4, window, /*dense_first=*/true);
    config.note_source("layer mix", "full every 4th layer from 0 (CwmConfig default)");
  }
}

}  // namespace llmg
