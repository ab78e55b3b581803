// ChatGLM2 / ChatGLM3 and remote GLM-4 (model_type chatglm, remote code modeling_chatglm.py
// ChatGLMForConditionalGeneration).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/remote_code.h"
#include "ingest/families/steps.h"

namespace llmg {

// GLMBlock (modeling_chatglm.py of THUDM/chatglm2-6b, chatglm3-6b, glm-4-9b-chat): input_layernorm and
// post_attention_layernorm (RMSNorm when rmsnorm, else LayerNorm); SelfAttention's query_key_value =
// Linear(hidden, kv_channels × heads + 2 × kv_channels × groups, bias = add_bias_linear or add_qkv_bias)
// with groups = multi_query_group_num when multi_query_attention, else heads; dense = Linear(kv_channels ×
// heads, hidden, bias = add_bias_linear); MLP dense_h_to_4h = Linear(hidden, 2 × ffn_hidden_size) (SwiGLU)
// and dense_4h_to_h, both bias = add_bias_linear; final_layernorm when post_layer_norm; embedding and
// output_layer of padded_vocab_size rows. RotaryEmbedding(rotary_dim // 2) with rotary_dim = kv_channels:
// half of each head is rotated, base 10000 × rope_ratio. ChatGLMConfig defaults: add_bias_linear false,
// add_qkv_bias false, multi_query_attention false, rmsnorm true, post_layer_norm true, rope_ratio 1.
// ChatGLM-6B (v1: GLM blocks with 2-D positions, inner_hidden_size) shares the model_type and is refused.
void read_chatglm(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_chatglm.py (ChatGLMForConditionalGeneration)");
  if (!config.find(Key::IntermediateSize)) {
    config.fail("ffn_hidden_size", "required key is missing (ChatGLM2/3 and GLM-4 have it; ChatGLM-6B v1's "
                                   "GLM layout with inner_hidden_size is not read)");
    return;
  }
  // padded_vocab_size is the embedding's and output layer's row count. It is the vocab_size row's second
  // spelling (vocab_size wins there), so it is looked up by name here; ChatGLMConfig defaults it to 65024.
  if (config.find("padded_vocab_size")) {
    model.vocab_size = config.int_named("padded_vocab_size", model.vocab_size, 1, 1 << 26);
    config.note_source("vocab_size", "padded_vocab_size");
  }
  Layer layer;
  AttentionSpec& a = layer.attention;
  a = read_attention(config, model);
  if (!config.bool_or(Key::MultiQueryAttention, false)) {
    a.num_kv_heads = a.num_heads;
    config.note_source("num_key_value_heads", "num_attention_heads (multi_query_attention false)");
  }
  const bool linear_bias = config.bool_or(Key::AddBiasLinear, false);
  // A GGUF carries no add_qkv_bias key; the query_key_value bias tensor stands for it (attention_bias).
  const bool qkv_bias = linear_bias || config.bool_or(Key::AddQkvBias, config.bool_or(Key::AttentionBias, false));
  a.q_bias = a.k_bias = a.v_bias = qkv_bias;
  a.o_bias = linear_bias;
  if (!config.find(Key::PartialRotaryFactor)) {
    a.rope_fraction = 0.5;
    config.note_source("partial_rotary_factor", "0.5 (RotaryEmbedding(kv_channels // 2))");
  }
  if (config.find(Key::RopeRatio)) {
    model.rope_theta = 10000.0 * config.number_or(Key::RopeRatio, 1.0);
    config.note_source("rope_theta", "10000 × rope_ratio");
  } else if (model.rope_theta == 0.0) {
    model.rope_theta = 10000.0;
    config.note_source("rope_theta", "10000 (RotaryEmbedding base, rope_ratio 1)");
  }
  a.rope_theta = model.rope_theta;
  layer.ffn = read_dense_ffn(config);
  layer.ffn.bias = linear_bias;
  model.norm_kind = config.bool_or(Key::RmsNormFlag, true) ? NormKind::RMSNorm : NormKind::LayerNorm;
  model.final_norm = config.bool_or(Key::PostLayerNorm, true);
  fill_layers(config, model, layer);
}

}  // namespace llmg
