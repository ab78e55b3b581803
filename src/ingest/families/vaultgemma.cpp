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
  layer_types_or_global_every(config, model, 2, false, "alternating sliding / full (VaultGemmaConfig default)");
}

// CwmConfig (Code World Model): the Llama layout; without layer_types, layer i is full attention when
// i % 4 == 0 and sliding (sliding_window) otherwise.
void read_cwm(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  fill_layers(config, model, layer);
  layer_types_or_global_every(config, model, 4, true, "full every 4th layer from 0 (CwmConfig default)");
}

}  // namespace llmg
