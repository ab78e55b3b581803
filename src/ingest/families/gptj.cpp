// GPT-J (model_type gptj).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GPT-J (GPTJForCausalLM, modeling_gptj.py; keys n_embd, n_layer, n_head, n_inner, n_positions): one
// LayerNorm ln_1 with bias feeding attention and MLP in parallel; q/k/v/out_proj without bias; a plain
// MLP fc_in/fc_out with bias of width n_inner (4 × n_embd when null); rotary over rotary_dim of head_dim;
// untied LM head with bias. CodeGen (CodeGenForCausalLM, modeling_codegen.py) has the same tensors: its
// qkv_proj Linear(n_embd, 3 × n_embd, bias=False) is q/k/v fused, out_proj without bias, fc_in / fc_out
// with bias, one ln_1, ln_f, lm_head Linear(n_embd, vocab) with bias.
void read_gptj(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  model.norm_placement = NormPlacement::Parallel;
  model.lm_head_bias = true;
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = false;
  if (const auto rotary = config.maybe_int(Key::RotaryDim); rotary && a.head_dim > 0)
    a.rope_fraction = static_cast<double>(*rotary) / static_cast<double>(a.head_dim);
  layer.ffn = read_plain_ffn(config, model, "gelu_new", true);
  fill_layers(config, model, layer);
}

}  // namespace llmg
