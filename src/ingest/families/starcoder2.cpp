// StarCoder2 (model_type starcoder2).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// StarCoder2 (Starcoder2ForCausalLM, modeling_starcoder2.py): grouped-query attention with bias on
// q/k/v/o and a plain MLP c_fc/c_proj with bias, both from use_bias; LayerNorm with bias, pre-norm; tied
// embeddings (Starcoder2Config default, which configs omit). Starcoder2Attention passes sliding_window to
// every layer, so a non-null sliding_window makes every layer sliding (as Mistral v0.1's modeling does).
void read_starcoder2(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  const bool bias = config.bool_named(Key::UseBias, true);
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = bias;
  layer.ffn = read_plain_ffn(config, model, "gelu_pytorch_tanh", bias);
  fill_layers(config, model, layer);
  if (const std::int64_t window = config.int_or(Key::SlidingWindow, 0); window > 0) {
    for (Layer& l : model.layers) make_sliding(l, window);
    config.note_source("layer mix", "sliding_window (Starcoder2Attention applies it to every layer)");
  }
}

}  // namespace llmg
