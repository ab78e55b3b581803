// Qwen3 dense (model_type qwen3).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Qwen3 dense: per-head RMSNorm on queries and keys (q_norm, k_norm of head_dim).
void read_qwen3(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  read_llama_like(config, model, layer);
}

}  // namespace llmg
