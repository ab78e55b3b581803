// GLM-4 (2024; model_types glm and glm4; transformers GlmForCausalLM, Glm4ForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GlmDecoderLayer: the Llama layout with bias on q/k/v (attention_bias) but none on o_proj, a fused
// gate_up_proj (Linear(hidden, 2 × intermediate), the same count as gate + up) and partial RoPE
// (partial_rotary_factor, 0.5 in GLM-4-9B).
void read_glm(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.attention.o_bias = false;
  read_llama_like(config, model, layer);
}

// Glm4DecoderLayer: GLM's layer plus post_self_attn_layernorm and post_mlp_layernorm, four RMSNorms per
// layer around attention and MLP (the sandwich placement).
void read_glm4(ConfigView& config, Model& model) {
  read_glm(config, model);
  model.norm_placement = NormPlacement::Sandwich;
}

}  // namespace llmg
