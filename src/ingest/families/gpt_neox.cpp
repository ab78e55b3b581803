// GPT-NeoX (model_type gpt_neox: GPT-NeoX-20B, Pythia, RedPajama-INCITE, StableLM-alpha).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GPT-NeoX (GPTNeoXForCausalLM, modeling_gpt_neox.py): fused query_key_value and dense with bias, a plain
// GELU MLP (dense_h_to_4h / dense_4h_to_h) with bias, two LayerNorms with bias per layer
// (input_layernorm, post_attention_layernorm) whichever way they are wired: use_parallel_residual (the
// GPTNeoXConfig default, true) feeds attention and MLP side by side, each behind its own norm; false is
// pre-norm. Rotary over rotary_pct of head_dim; untied embed_out (GPTNeoXConfig default).
void read_gpt_neox(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  model.norm_placement = config.bool_named(Key::UseParallelResidual, true) ? NormPlacement::ParallelTwoNorms
                                                                            : NormPlacement::Pre;
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = config.bool_or(Key::AttentionBias, true);
  layer.ffn = read_plain_ffn(config, model, "gelu", true);
  fill_layers(config, model, layer);
}

}  // namespace llmg
