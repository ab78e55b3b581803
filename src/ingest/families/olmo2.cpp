// OLMo 2 (model_type olmo2).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// OLMo 2: norms after attention and MLP (post_attention_layernorm, post_feedforward_layernorm) and
// QK-norm over the full projection width (q_norm of heads × head_dim, k_norm of kv_heads × head_dim).
void read_olmo2(ConfigView& config, Model& model) {
  model.norm_placement = NormPlacement::Post;
  Layer layer = llama_layer(config, model);
  layer.attention.qk_norm = QkNorm::FullWidth;
  read_llama_like(config, model, layer);
}

}  // namespace llmg
