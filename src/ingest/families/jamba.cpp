// Jamba (model_type jamba).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Jamba (JambaForCausalLM, modeling_jamba.py): Mamba-1 and attention layers, each followed by an MLP that
// is a mixture of experts on some layers. Layer i is attention iff i % attn_layer_period ==
// attn_layer_offset (JambaConfig defaults 8 and 4), else a Mamba-1 mixer of inner width mamba_expand ×
// hidden_size with RMSNorm weights on dt, B and C (JambaMambaMixer dt_layernorm, b_layernorm, c_layernorm);
// its MLP is MoE iff i % expert_layer_period == expert_layer_offset (defaults 2 and 1): a router
// Linear(hidden, num_experts, bias=False) and num_experts gated SiLU experts of width intermediate_size,
// else one such MLP. Attention has no positional encoding (no RoPE in Jamba) and no bias. Two RMSNorms
// per layer (input_layernorm, pre_ff_layernorm), a final norm, untied LM head (JambaConfig default).
void read_jamba(ConfigView& config, Model& model) {
  model.positions = PositionKind::NoPE;
  Layer attention;
  attention.attention = read_attention(config, model);
  attention.attention.rope_fraction = 0.0;
  const std::int64_t inner = config.int_named(Key::MambaExpand, 2) * model.hidden_size;
  MambaKeys keys;
  keys.state = Key::MambaDState;
  keys.dt_rank = Key::MambaDtRank;
  keys.conv_bias = Key::MambaConvBias;
  keys.proj_bias = Key::MambaProjBias;
  Layer mamba = read_mamba1_layer(config, model, inner, keys);
  mamba.recurrent.dt_bc_norms = true;
  const FeedForwardSpec dense = read_dense_ffn(config);
  MoeOptions options;
  options.width = Key::IntermediateSize;
  options.shared = SharedExperts::None;
  const FeedForwardSpec moe = read_moe_ffn(config, options);
  const std::int64_t attn_period = config.int_named(Key::AttnLayerPeriod, 8);
  const std::int64_t attn_offset = config.int_named(Key::AttnLayerOffset, 4);
  const std::int64_t expert_period = config.int_named(Key::ExpertLayerPeriod, 2);
  const std::int64_t expert_offset = config.int_named(Key::ExpertLayerOffset, 1);
  if (attn_offset >= attn_period)
    config.fail("attn_layer_offset", fmt::format("expected less than attn_layer_period ({}), got {}", attn_period, attn_offset));
  if (expert_offset >= expert_period)
    config.fail("expert_layer_offset",
                fmt::format("expected less than expert_layer_period ({}), got {}", expert_period, expert_offset));
  fill_layers(config, model, mamba);
  if (!config.ok()) return;
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const auto index = static_cast<std::int64_t>(i);
    Layer& layer = model.layers[i];
    if (index % attn_period == attn_offset) layer = attention;
    layer.ffn = index % expert_period == expert_offset ? moe : dense;
  }
  config.note_source("layer mix", "attn_layer_period / attn_layer_offset, expert_layer_period / expert_layer_offset");
}

}  // namespace llmg
