// Falcon (model_type falcon).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Falcon (FalconForCausalLM, modeling_falcon.py), three layouts chosen by old key names:
// - new_decoder_architecture (Falcon 40B/180B, Falcon 2): grouped-query attention with num_kv_heads KV heads
//   (n_head_kv in the RefinedWeb-era files) and, with num_ln_in_parallel_attn 2 (FalconDecoderLayer's value
//   when null), two LayerNorms ln_attn / ln_mlp feeding attention and MLP in parallel; with 1, one.
// - otherwise multi_query (Falcon 7B): one KV head; else every head has its own.
//   parallel_attn: one input_layernorm feeds attention and MLP side by side (Falcon 7B); else pre-norm with
//   input_layernorm and post_attention_layernorm (Falcon-RW).
// Fused query_key_value (heads + 2 × kv heads) × head_dim and dense carry a bias when `bias`; the MLP is
// plain GELU of width ffn_hidden_size (4 × hidden when null) with the same bias; LayerNorm with bias;
// RoPE, or ALiBi when `alibi`; the LM head tied (PretrainedConfig default). Keys the file omits take
// FalconConfig's defaults (the registry row): falcon-7b's published config has no max_position_embeddings.
void read_falcon(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  // FalconConfig: hidden_size = n_embed when n_embed is given (it wins over hidden_size and the default).
  if (config.find(Key::NEmbed)) {
    model.hidden_size = config.require_int(Key::NEmbed);
    config.note_source("hidden_size", "n_embed");
  }
  const bool new_architecture = config.bool_named(Key::NewDecoderArchitecture, false);
  const bool multi_query = config.bool_named(Key::MultiQuery, true);
  const bool parallel = config.bool_named(Key::ParallelAttn, true);
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  if (new_architecture) {
    if (!config.find(Key::NumKvHeads) && config.find(Key::NHeadKv)) a.num_kv_heads = config.require_int(Key::NHeadKv);
    const std::int64_t norms = config.int_named(Key::NumLnInParallelAttn, 2);
    model.norm_placement = norms == 2 ? NormPlacement::ParallelTwoNorms : NormPlacement::Parallel;
  } else {
    a.num_kv_heads = multi_query ? 1 : a.num_heads;
    config.note_source("num_key_value_heads", multi_query ? "multi_query: one KV head" : "num_attention_heads (multi_query false)");
    model.norm_placement = parallel ? NormPlacement::Parallel : NormPlacement::Pre;
  }
  if (a.num_heads > 0 && a.num_kv_heads > 0 && a.num_heads % a.num_kv_heads != 0)
    config.fail(config.spelling(Key::NumKvHeads),
                fmt::format("expected a divisor of num_attention_heads ({}), got {}", a.num_heads, a.num_kv_heads));
  if (config.bool_named(Key::Alibi, false)) {
    model.positions = PositionKind::ALiBi;
    a.rope_fraction = 0.0;
  }
  const bool bias = config.bool_or(Key::AttentionBias, false);
  layer.ffn = read_plain_ffn(config, model, "gelu", bias);
  fill_layers(config, model, layer);
}

}  // namespace llmg
