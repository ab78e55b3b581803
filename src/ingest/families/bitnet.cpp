// BitNet b1.58 (model_type bitnet; transformers BitNetForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// BitNetDecoderLayer: the Llama layout (gated MLP, ReLU² in 2B4T) plus two sub-norms: attn_sub_norm
// RMSNorm(hidden) before o_proj and ffn_sub_norm RMSNorm(intermediate_size) before down_proj.
void read_bitnet(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.extra.push_back({Component::Norm, "self_attn.attn_sub_norm.weight", {model.hidden_size}});
  layer.extra.push_back({Component::Norm, "mlp.ffn_sub_norm.weight", {layer.ffn.intermediate_size}});
  read_llama_like(config, model, layer);
}

}  // namespace llmg
