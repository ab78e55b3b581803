// OLMo 1 (model_type olmo) and Nemotron-4 / Minitron (model_type nemotron).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// OLMo (OlmoForCausalLM, transformers modeling_olmo.py): the Llama layout — q/k/v/o (bias when
// attention_bias), a gated SiLU MLP without bias, RoPE — with OlmoLayerNorm, F.layer_norm with neither
// weight nor bias, as the input, post-attention and final norm (no norm parameters at all), and
// `clip_qkv` clamping q, k and v to [-clip_qkv, clip_qkv] (OlmoAttention; null: no clamp). LM head untied
// unless the file says otherwise (OlmoConfig tie_word_embeddings False; OLMo-1B-hf sets true).
void read_olmo(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNormNoParams;
  Layer layer = llama_layer(config, model);
  layer.attention.qkv_clip = config.number_or(Key::ClipQkv, 0.0);
  read_llama_like(config, model, layer);
}

// Nemotron (NemotronForCausalLM, transformers modeling_nemotron.py; Nemotron-4 15B/340B, Minitron):
// NemotronLayerNorm1P (a LayerNorm with weight and bias whose weight is applied as 1 + w) as input,
// post-attention and final norm; attention q/k/v/o of head_dim (NemotronConfig: head_dim, else
// hidden / heads; the converter's kv_channels spells it), bias when attention_bias; RoPE over
// partial_rotary_factor of head_dim (NemotronConfig default 0.5); an ungated MLP up_proj / down_proj with
// squared ReLU (hidden_act default "relu2"), bias when mlp_bias. LM head untied by default.
void read_nemotron(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm1P;
  Layer layer;
  layer.attention = read_attention(config, model);
  if (!config.find(Key::PartialRotaryFactor) && !config.find(Key::RopeParametersPartialRotaryFactor)) {
    layer.attention.rope_fraction = 0.5;
    config.note_source("partial_rotary_factor", "0.5 (NemotronConfig default)");
  }
  layer.ffn = read_dense_ffn(config, /*gated=*/false);
  layer.ffn.activation = config.string_or(Key::HiddenAct, "relu2");
  read_llama_like(config, model, layer);
}

}  // namespace llmg
