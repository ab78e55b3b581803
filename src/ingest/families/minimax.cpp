// MiniMax-01 (MiniMax-Text-01; model_type minimax; transformers MiniMaxForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// MiniMaxDecoderLayer: softmax GQA attention (Mixtral's) or lightning attention (MiniMaxLightningAttention:
// qkv_proj hidden -> 3 × heads × head_dim, output_gate hidden -> heads × head_dim, an RMSNorm over
// heads × head_dim and out_proj, all without bias; its slope and decay tables are buffers), then a Mixtral MoE
// (router Linear(hidden, num_local_experts) without bias, no shared expert). Which layers are lightning:
// layer_types ("linear_attention"), else MiniMaxConfig's default: layer i softmax when i is even, lightning
// when odd.
void read_minimax(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.ffn = read_moe_ffn(config, MoeOptions{.width = Key::IntermediateSize, .shared = SharedExperts::None});
  fill_layers(config, model, layer);
  Layer lightning = layer;
  lightning.mixer = MixerKind::LightningAttention;
  lightning.attention = {};
  lightning.recurrent.num_heads = layer.attention.num_heads;
  lightning.recurrent.key_head_dim = lightning.recurrent.value_head_dim = layer.attention.head_dim;
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, window, [&](Layer& l) { l = lightning; });
    return;
  }
  for (std::size_t i = 0; i < model.layers.size(); ++i)
    if (i % 2 == 1) model.layers[i] = lightning;
  config.note_source("layer mix", "lightning attention on odd layers (MiniMaxConfig default)");
}

}  // namespace llmg
