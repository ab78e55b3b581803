// Hunyuan dense (model_type hunyuan_v1_dense; transformers HunYuanDenseV1ForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// HunYuanDenseV1Attention: the Llama attention plus query_layernorm / key_layernorm, RMSNorm(head_dim)
// shared by every head; num_key_value_heads and head_dim default to heads and hidden / heads.
void read_hunyuan_v1_dense(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  read_llama_like(config, model, layer);
}

}  // namespace llmg
