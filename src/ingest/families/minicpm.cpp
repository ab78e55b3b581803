// MiniCPM 1/2/4 and MiniCPM3 (model_types minicpm, minicpm3; remote code modeling_minicpm.py
// MiniCPMForCausalLM, MiniCPM3ForCausalLM).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/remote_code.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {
// scale_emb (embedding multiplier), scale_depth (residual branch × scale_depth / sqrt(layers)) and
// dim_model_base (logits ÷ hidden_size / dim_model_base) are muP scalars: no parameters.
void note_mup(Model& model) {
  model.notes.push_back("muP scalings (scale_emb, scale_depth, dim_model_base) change activations, not parameters.");
}
}  // namespace

// MiniCPMDecoderLayer: the Llama layout (q/k/v/o bias = attention_bias, gate/up/down, RMSNorm);
// MiniCPMConfig defaults tie_word_embeddings true (the lm_head is the embedding).
void read_minicpm(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_minicpm.py (MiniCPMForCausalLM)");
  note_mup(model);
  Layer layer = llama_layer(config, model);
  fill_layers(config, model, layer);
}

// MiniCPM3Attention: DeepSeek-V2-style multi-head latent attention, q_a_proj (hidden -> q_lora_rank) +
// q_a_layernorm + q_b_proj (-> heads × (qk_nope + qk_rope)), kv_a_proj_with_mqa (hidden -> kv_lora_rank +
// qk_rope) + kv_a_layernorm + kv_b_proj (-> heads × (qk_nope + v_head_dim)), o_proj (heads × v_head_dim ->
// hidden), biases = attention_bias on q_a, kv_a and o; v_head_dim = hidden_size / num_attention_heads
// (the config has no v_head_dim key); a Llama MLP; MiniCPM3Config defaults tie_word_embeddings true.
void read_minicpm3(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_minicpm.py (MiniCPM3ForCausalLM)");
  note_mup(model);
  Layer layer;
  layer.mixer = MixerKind::LatentAttention;
  AttentionSpec& a = layer.attention;
  a.num_heads = config.require_int(Key::NumHeads);
  a.num_kv_heads = a.num_heads;
  a.q_lora_rank = config.int_or(Key::QLoraRank, 0);
  a.kv_lora_rank = config.require_int(Key::KvLoraRank);
  a.qk_nope_head_dim = config.require_int(Key::QkNopeHeadDim);
  a.qk_rope_head_dim = config.require_int(Key::QkRopeHeadDim);
  a.head_dim = a.qk_nope_head_dim + a.qk_rope_head_dim;
  if (config.find(Key::ValueHeadDim)) {
    a.value_head_dim = config.require_int(Key::ValueHeadDim);
  } else {
    a.value_head_dim = a.num_heads > 0 ? model.hidden_size / a.num_heads : 0;
    config.note_source("v_head_dim", "hidden_size / num_attention_heads (MiniCPM3Attention)");
  }
  const bool bias = config.bool_or(Key::AttentionBias, false);
  a.q_bias = a.k_bias = a.o_bias = bias;
  a.rope_fraction = a.head_dim > 0 ? static_cast<double>(a.qk_rope_head_dim) / a.head_dim : 0.0;
  a.rope_theta = model.rope_theta;
  layer.ffn = read_dense_ffn(config);
  fill_layers(config, model, layer);
}

}  // namespace llmg
