// DiffLlama (model_type diffllama).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// DiffLlama (DiffLlamaForCausalLM, transformers modular_diffllama.py): the Llama layout with differential
// attention (DiffLlamaAttention): q/k/v/o as Llama's (attention_bias), the heads' softmax maps subtracted
// in pairs with λ = exp(Σ λq1·λk1) − exp(Σ λq2·λk2) + λinit(layer), from four learned vectors of head_dim
// per layer (lambda_q1, lambda_k1, lambda_q2, lambda_k2), then a group RMSNorm over 2 × head_dim without
// weights (elementwise_affine=False). The MLP is Mistral's (gated SiLU), untied head (DiffLlamaConfig).
void read_diffllama(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.attention.differential = true;
  read_llama_like(config, model, layer);
}

}  // namespace llmg
