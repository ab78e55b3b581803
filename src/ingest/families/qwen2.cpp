// Qwen2 / Qwen2.5 (model_type qwen2).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Qwen2/2.5: bias on q, k and v but not on o_proj (Qwen2Attention).
void read_qwen2(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.attention.q_bias = layer.attention.k_bias = layer.attention.v_bias = true;
  layer.attention.o_bias = false;
  read_llama_like(config, model, layer);
}

}  // namespace llmg
