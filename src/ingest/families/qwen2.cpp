// Qwen2 / Qwen2.5 (model_type qwen2).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Qwen2/2.5: bias on q, k and v but not on o_proj (Qwen2Attention). Windows: qwen2_window_layers
// (use_sliding_window, layer_types, max_window_layers as Qwen2Config applies them).
void read_qwen2(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.attention.q_bias = layer.attention.k_bias = layer.attention.v_bias = true;
  layer.attention.o_bias = false;
  fill_layers(config, model, layer);
  qwen2_window_layers(config, model, /*moe_rule=*/false);
}

}  // namespace llmg
