// The early post-GPT-2 decoders with absolute positions and LayerNorm with bias (model_types openai-gpt,
// ctrl, biogpt, xglm): transformers OpenAIGPTLMHeadModel, CTRLLMHeadModel, BioGptForCausalLM,
// XGLMForCausalLM. Every linear layer has a bias, the MLP is ungated, no rotary embedding, tied head.
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// A classic pre-norm block: multi-head attention of `heads` heads (hidden / heads wide) with bias on
// q, k, v and the output; an ungated MLP of `width` with bias; LayerNorm (weight and bias) throughout.
Layer classic_layer(ConfigView& config, Model& model, std::int64_t heads, std::int64_t width, std::string activation) {
  model.norm_kind = NormKind::LayerNorm;
  Layer layer;
  AttentionSpec& a = layer.attention;
  a.num_heads = a.num_kv_heads = heads;
  a.head_dim = a.value_head_dim = heads > 0 ? model.hidden_size / heads : 0;
  config.note_source("head_dim", "hidden_size / num_attention_heads");
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = true;
  a.rope_fraction = 0.0;
  layer.ffn.kind = FfnKind::Dense;
  layer.ffn.gated = false;
  layer.ffn.bias = true;
  layer.ffn.intermediate_size = width;
  layer.ffn.activation = std::move(activation);
  return layer;
}

}  // namespace

// GPT-1 (OpenAIGPTModel): post-norm blocks (ln_1 after attention, ln_2 after the MLP, both inside the
// block) and no final LayerNorm; learned positions (positions_embed, n_positions rows); fused c_attn
// (the same count as q/k/v); MLP width 4 × n_embd; activation `afn`.
void read_openai_gpt(ConfigView& config, Model& model) {
  const std::int64_t heads = config.require_int(Key::NumHeads);
  const Layer layer = classic_layer(config, model, heads, 4 * model.hidden_size, config.string_named(Key::Afn, "gelu"));
  config.note_source("intermediate_size", "4 × n_embd (OpenAIGPTModel)");
  model.norm_placement = NormPlacement::Post;
  model.final_norm = false;
  model.positions = PositionKind::Learned;
  model.learned_position_count = model.context_length;
  fill_layers(config, model, layer);
}

// CTRL (CTRLModel): sinusoidal positions (a buffer), pre-norm blocks (layernorm1/2, eps
// layer_norm_epsilon) with a ReLU MLP of width `dff`, a final LayerNorm, and an LM head whose weight is
// tied to the embedding but whose bias (vocab_size) is its own.
void read_ctrl(ConfigView& config, Model& model) {
  const std::int64_t heads = config.require_int(Key::NumHeads);
  const Layer layer = classic_layer(config, model, heads, config.require_int(Key::Dff), "relu");
  model.positions = PositionKind::Sinusoidal;
  model.lm_head_bias = true;
  fill_layers(config, model, layer);
}

// BioGPT (BioGptModel): learned positions with OPT's offset of 2 (max_position_embeddings + 2 rows),
// pre-norm blocks with q/k/v/out_proj and fc1/fc2 all biased, a final LayerNorm, tied head.
void read_biogpt(ConfigView& config, Model& model) {
  const std::int64_t heads = config.require_int(Key::NumHeads);
  const Layer layer = classic_layer(config, model, heads, config.require_int(Key::IntermediateSize),
                                    config.string_or(Key::HiddenAct, "gelu"));
  model.positions = PositionKind::Learned;
  model.learned_position_count = model.context_length + 2;
  config.note_source("learned positions", "max_position_embeddings + 2 (BioGptLearnedPositionalEmbedding offset)");
  fill_layers(config, model, layer);
}

// XGLM (XGLMModel): sinusoidal positions (a buffer), heads from `attention_heads`, MLP width `ffn_dim`,
// pre-norm blocks like BioGPT's, a final LayerNorm, tied head.
void read_xglm(ConfigView& config, Model& model) {
  const std::int64_t heads = config.require_int(Key::AttentionHeads);
  const Layer layer = classic_layer(config, model, heads, config.require_int(Key::FfnDim),
                                    config.string_or(Key::HiddenAct, "gelu"));
  model.positions = PositionKind::Sinusoidal;
  fill_layers(config, model, layer);
}

// Persimmon (PersimmonForCausalLM): fused query_key_value with bias, dense output with bias, q/k
// LayerNorm (weight and bias) over head_dim when qk_layernorm, partial RoPE (partial_rotary_factor), an
// ungated MLP (dense_h_to_4h, dense_4h_to_h, both biased; ReLU²), LayerNorm with bias, untied head.
void read_persimmon(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = true;
  if (config.bool_named(Key::QkLayernorm, true)) {
    a.qk_norm = QkNorm::PerHead;
    layer.extra.push_back({Component::Attention, "self_attn.q_layernorm.bias", {a.head_dim}});
    layer.extra.push_back({Component::Attention, "self_attn.k_layernorm.bias", {a.head_dim}});
  }
  layer.ffn = read_dense_ffn(config, /*gated=*/false);
  layer.ffn.bias = true;
  fill_layers(config, model, layer);
}

}  // namespace llmg
