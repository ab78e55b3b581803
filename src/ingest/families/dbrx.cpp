// DBRX (model_type dbrx).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// A nested DBRX key (attn_config.* / ffn_config.*) when the file has it, else the flat key a GGUF's
// metadata turns into (dbrx.expert_count → num_experts, ...).
std::int64_t nested_or_flat(ConfigView& config, Key nested, Key flat, std::int64_t fallback) {
  if (config.find(nested)) return config.require_int(nested);
  return config.int_or(flat, fallback);
}

}  // namespace

// DBRX (DbrxForCausalLM, transformers modeling_dbrx.py). Top-level keys in MPT's spelling (d_model,
// n_layers, n_heads, max_seq_len: aliases of the common rows), the rest nested:
// - attn_config: kv_n_heads (grouped-query attention), rope_theta, clip_qkv (a clamp, no parameters).
//   DbrxAttention: one fused Wqkv Linear(d_model, d_model + 2 · kv_n_heads · head_dim, bias=False) =
//   q/k/v without bias, out_proj without bias; head_dim = d_model / n_heads.
// - ffn_config: moe_num_experts experts of width ffn_hidden_size, moe_top_k of them per token.
//   DbrxRouter.layer Linear(d_model, moe_num_experts, bias=False); DbrxExpertGLU holds w1, v1 and w2 as
//   [moe_num_experts · ffn_hidden_size, d_model] parameters (gate, up, down of a gated MLP), activation
//   ffn_act_fn.name (silu).
// - Every layer is MoE. DbrxNormAttentionNorm's norm_1 / norm_2 and the final norm_f are LayerNorms
//   without bias; the LM head is untied (DbrxConfig tie_word_embeddings False).
// DbrxConfig's own defaults (ffn_hidden_size 3584, moe_num_experts 4, moe_top_k 1) are not DBRX's
// shape: a file that omits ffn_config gets them, as transformers gives them.
void read_dbrx(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNormNoBias;
  if (config.find(Key::DbrxRopeTheta)) {
    model.rope_theta = config.number_named(Key::DbrxRopeTheta, 10000.0);
    config.note_source("rope_theta", "attn_config.rope_theta");
  } else if (model.rope_theta == 0.0) {
    model.rope_theta = 10000.0;  // DbrxAttentionConfig default
    config.note_source("rope_theta", "default of DbrxAttentionConfig (10000)");
  }
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.num_kv_heads = nested_or_flat(config, Key::DbrxKvNHeads, Key::NumKvHeads, 1);  // DbrxAttentionConfig: 1
  a.rope_theta = model.rope_theta;
  if (a.num_heads > 0 && a.num_kv_heads > 0 && a.num_heads % a.num_kv_heads != 0)
    config.fail(config.spelling(Key::DbrxKvNHeads),
                fmt::format("expected a divisor of n_heads ({}), got {}", a.num_heads, a.num_kv_heads));
  FeedForwardSpec& f = layer.ffn;
  f.kind = FfnKind::MoE;
  f.gated = true;
  f.bias = false;
  f.activation = config.find(Key::DbrxFfnActName) ? config.string_named(Key::DbrxFfnActName, "silu")
                                                  : config.string_or(Key::HiddenAct, "silu");
  // DbrxFFNConfig defaults: ffn_hidden_size 3584, moe_num_experts 4, moe_top_k 1.
  f.expert_intermediate_size = nested_or_flat(config, Key::DbrxFfnHiddenSize, Key::IntermediateSize, 3584);
  f.num_experts = nested_or_flat(config, Key::DbrxMoeNumExperts, Key::NumExperts, 4);
  f.experts_per_token = nested_or_flat(config, Key::DbrxMoeTopK, Key::ExpertsPerToken, 1);
  if (config.ok() && f.experts_per_token > f.num_experts)
    config.fail(config.spelling(Key::DbrxMoeTopK),
                fmt::format("expected at most moe_num_experts ({}), got {}", f.num_experts, f.experts_per_token));
  fill_layers(config, model, layer);
  model.notes.push_back("DBRX: fused Wqkv (no bias) and GLU experts w1/v1/w2; LayerNorms without bias");
}

}  // namespace llmg
