// MiniMax M2 (model_type minimax_m2).
#include <algorithm>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// MiniMax M2 (MiniMaxM2ForCausalLM): full attention in every layer (attn_type_list all 1), QK-norm
// over the full projection width (qk_norm_type "per_layer"), rotary_dim of head_dim rotated, MoE with
// a routing (correction) bias and no shared expert.
void read_minimax_m2(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  if (config.bool_named(Key::UseQkNorm, false))
    layer.attention.qk_norm =
        config.string_named(Key::QkNormType, "per_layer") == "per_layer" ? QkNorm::FullWidth : QkNorm::PerHead;
  const std::int64_t rotary_dim = config.int_named(Key::RotaryDim, layer.attention.head_dim, 0, 1 << 16);
  if (layer.attention.head_dim > 0)
    layer.attention.rope_fraction = static_cast<double>(rotary_dim) / layer.attention.head_dim;
  const bool routing_bias = config.bool_named(Key::UseRoutingBias, false);
  layer.ffn = read_moe_ffn(config, MoeOptions{.width = Key::IntermediateSize,
                                              .shared = SharedExperts::None,
                                              .router_bias = routing_bias});
  fill_layers(config, model, layer);
  const auto attn_types = config.per_layer_list<std::int64_t>(Key::AttnTypeList, model.layers.size());
  for (std::size_t i = 0; i < attn_types.size(); ++i)
    if (attn_types[i] == 0) model.layers[i].mixer = MixerKind::LightningAttention;
  model.notes.push_back("MiniMax M2: expert width is intermediate_size (mlp_intermediate_size is unused)");
}

}  // namespace llmg
