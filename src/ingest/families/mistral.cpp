// Mistral and Mixtral (model_types mistral, mixtral): the Llama layout with Mistral's window.
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// MistralAttention.forward passes `sliding_window=getattr(self.config, "sliding_window", None)` to the
// attention function of every layer ("main diff with Llama"; transformers
// src/transformers/models/mistral/modeling_mistral.py @93e0020c), and MixtralAttention is
// MistralAttention (modular_mixtral.py). So without `layer_types`, a non-null sliding_window windows
// every layer (Mistral-7B-v0.1: 32 of 32 over 4,096 tokens); null (Mistral 7B v0.2+, Mixtral) windows none.
void mistral_windows(ConfigView& config, Model& model) {
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, config.int_or(Key::SlidingWindow, 0));
    return;
  }
  sliding_when_window_set(config, model);
}

}  // namespace

// Mistral (MistralForCausalLM): Llama's tensors (q/k/v/o without bias, head_dim decoupled when given),
// every layer windowed when sliding_window is set (mistral_windows above).
void read_mistral(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  fill_layers(config, model, layer);
  mistral_windows(config, model);
}

// Mixtral (MixtralForCausalLM): read_mixtral's MoE layout, then Mistral's windows. (GraniteMoE keeps
// read_mixtral: GraniteMoeAttention passes no window and its config has none.)
void read_mixtral_windowed(ConfigView& config, Model& model) {
  read_mixtral(config, model);
  if (!config.find(Key::LayerTypes)) sliding_when_window_set(config, model);
}

}  // namespace llmg
