// GPT-2 (model_type gpt2).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GPT-2 (transformers GPT2Model): LayerNorm with bias, learned absolute positions (wpe), fused c_attn
// with bias, a plain GELU MLP of width n_inner (4 × n_embd when null), tied LM head.
void read_gpt2(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  model.positions = PositionKind::Learned;
  model.learned_position_count = model.context_length;
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.q_bias = layer.attention.k_bias = layer.attention.v_bias = layer.attention.o_bias = true;
  layer.attention.rope_fraction = 0.0;
  layer.ffn.kind = FfnKind::Dense;
  layer.ffn.gated = false;
  layer.ffn.bias = true;
  layer.ffn.activation = config.string_or(Key::HiddenAct, "gelu_new");
  layer.ffn.intermediate_size = config.int_or(Key::IntermediateSize, 4 * model.hidden_size);
  if (!config.find(Key::IntermediateSize)) config.note_source("intermediate_size", "4 × n_embd (n_inner is null)");
  fill_layers(config, model, layer);
  model.notes.push_back("GPT-2 convention: MLP width is 4 × n_embd when n_inner is null");
}

}  // namespace llmg
