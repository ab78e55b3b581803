// GPT-NeoX-Japanese (model_type gpt_neox_japanese: abeja/gpt-neox-japanese-2.7b).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GPTNeoXJapaneseForCausalLM (modeling_gpt_neox_japanese.py): GPT-NeoX's layout with the biases removed
// (PaLM's recipe): query_key_value and dense without bias, a plain MLP dense_h_to_4h / dense_4h_to_h of width
// int(hidden × intermediate_multiple_size) without bias, two LayerNorms with bias per layer, pre-norm;
// only the LAST layer's attention carries a bias vector (dense_bias, hidden, added after dense) — counted as
// that layer's o_proj bias. Rotary over rotary_pct of head_dim at rotary_emb_base; embed_out tied by the
// PretrainedConfig default (the class lists embed_out.weight in _tied_weights_keys).
void read_gpt_neox_japanese(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.ffn.kind = FfnKind::Dense;
  layer.ffn.gated = false;
  layer.ffn.bias = false;
  layer.ffn.activation = config.string_or(Key::HiddenAct, "gelu");
  const double multiple = config.number_or(Key::IntermediateMultipleSize, 4.0);
  layer.ffn.intermediate_size = static_cast<std::int64_t>(static_cast<double>(model.hidden_size) * multiple);
  config.note_source("intermediate_size", "int(hidden_size × intermediate_multiple_size)");
  fill_layers(config, model, layer);
  if (!model.layers.empty()) model.layers.back().attention.o_bias = true;  // dense_bias of the last layer
  model.notes.push_back("GPT-NeoX-Japanese: no biases except the last layer's attention output bias (dense_bias)");
}

}  // namespace llmg
