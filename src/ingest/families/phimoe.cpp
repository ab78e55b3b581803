// Phi-3.5-MoE (model_type phimoe).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// PhiMoE (PhimoeForCausalLM, modeling_phimoe.py): the Mixtral MoE block (router Linear(hidden,
// num_local_experts, bias=False), gated experts of width intermediate_size), q/k/v/o with bias from
// attention_bias, LayerNorm with bias (input, post-attention and final; eps from rms_norm_eps), and an
// LM head with bias from lm_head_bias. PhimoeConfig defaults both biases to false, while
// Phi-3.5-MoE-instruct's config sets both true: the file decides.
void read_phimoe(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  model.lm_head_bias = config.bool_named(Key::LmHeadBias, false);
  Layer layer;
  layer.attention = read_attention(config, model);
  MoeOptions options;
  options.width = Key::IntermediateSize;
  options.shared = SharedExperts::None;
  layer.ffn = read_moe_ffn(config, options);
  read_llama_like(config, model, layer);
}

}  // namespace llmg
