// OLMoE (model_type olmoe).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// OLMoE (OlmoeForCausalLM, modeling_olmoe.py): the Mixtral layout (router Linear(hidden, num_experts,
// bias=False), num_experts gated experts of width intermediate_size, no shared expert) with RMSNorm on
// queries and keys over the full projection width: q_norm [heads × head_dim], k_norm [kv heads × head_dim].
void read_olmoe(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.qk_norm = QkNorm::FullWidth;
  MoeOptions options;
  options.width = Key::IntermediateSize;
  options.shared = SharedExperts::None;
  layer.ffn = read_moe_ffn(config, options);
  read_llama_like(config, model, layer);
}

}  // namespace llmg
