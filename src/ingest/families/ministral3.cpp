// Ministral 3 (model_type ministral3).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Ministral 3 (Ministral3ForCausalLM, transformers modular_ministral3.py; the text decoder of Ministral 3
// and Devstral 2): Mistral's tensors (q/k/v/o without bias, gated SiLU MLP, RMSNorm, head_dim decoupled),
// sliding_window on every layer when set (Ministral3Attention passes config.sliding_window; default None),
// YaRN RoPE from rope_parameters (Ministral3Config's default: yarn, theta 1e6, factor 16 over 16,384), and
// Llama 4's query temperature: queries times 1 + llama_4_scaling_beta · log(1 + floor(position /
// original_max_position_embeddings)) — no parameters. Untied by default.
void read_ministral3(ConfigView& config, Model& model) {
  if (model.rope_scaling.empty()) model.rope_scaling = config.string_named(Key::RopeParametersType, "");
  if (model.rope_scaling == "default") model.rope_scaling.clear();
  Layer layer = llama_layer(config, model);
  layer.attention.query_scale_beta = config.number_or(Key::Llama4ScalingBeta, 0.0);
  if (layer.attention.query_scale_beta > 0)
    layer.attention.query_scale_period = config.int_named(Key::RopeOriginalContext, model.context_length);
  fill_layers(config, model, layer);
  sliding_when_window_set(config, model);
}

}  // namespace llmg
