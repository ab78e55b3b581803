// StableLM (model_type stablelm: StableLM 2, StableLM 3B 4E1T, StableCode).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// StableLM (StableLmForCausalLM, modeling_stablelm.py): LayerNorm with bias; q/k/v with bias from
// use_qkv_bias, o_proj without; the gated SiLU MLP without bias; partial rotary (partial_rotary_factor);
// untied LM head (StableLmConfig default). qk_layernorm adds per-head LayerNorms without bias
// (StableLmLayerNormPerHead: one head_dim norm per query head and per KV head: full-width counts).
// use_parallel_residual (StableLM 2 12B) feeds attention and MLP from the one input_layernorm, and the
// layer then has no post_attention_layernorm.
void read_stablelm(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  if (config.bool_named(Key::UseParallelResidual, false)) model.norm_placement = NormPlacement::Parallel;
  Layer layer = llama_layer(config, model);
  AttentionSpec& a = layer.attention;
  // A GGUF says it with an attn_q.bias tensor (gguf_config writes attention_bias); StableLmConfig has no
  // attention_bias key, so it is only the fallback.
  a.q_bias = a.k_bias = a.v_bias = config.bool_named(Key::UseQkvBias, config.bool_named(Key::AttentionBias, false));
  a.o_bias = false;
  if (config.bool_named(Key::QkLayernorm, false)) a.qk_norm = QkNorm::FullWidth;
  fill_layers(config, model, layer);
}

}  // namespace llmg
