// GPT-BigCode (model_type gpt_bigcode: SantaCoder, StarCoder 1).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GPT-BigCode (GPTBigCodeForCausalLM, modeling_gpt_bigcode.py; GPT-2 key names n_embd, n_layer, n_head,
// n_inner, n_positions): GPT-2's layout (LayerNorm with bias, learned absolute positions wpe, c_attn and
// c_proj with bias, a plain GELU MLP with bias, tied LM head) with multi-query attention when
// multi_query (GPTBigCodeConfig default true): c_attn emits hidden + 2 × head_dim, one KV head.
void read_gpt_bigcode(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  model.positions = PositionKind::Learned;
  model.learned_position_count = model.context_length;
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = true;
  a.rope_fraction = 0.0;
  const bool multi_query = config.bool_named(Key::MultiQuery, true);
  a.num_kv_heads = multi_query ? 1 : a.num_heads;
  config.note_source("num_key_value_heads", multi_query ? "multi_query: one KV head" : "n_head (multi_query false)");
  layer.ffn = read_plain_ffn(config, model, "gelu_pytorch_tanh", true);
  fill_layers(config, model, layer);
}

}  // namespace llmg
