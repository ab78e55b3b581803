// Granite 4.0 hybrid (model_type granitemoehybrid).
#include <algorithm>

#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GraniteMoeHybrid (GraniteMoeHybridForCausalLM, transformers modular_granitemoehybrid.py): layer i is a
// Mamba-2 mixer (GraniteMoeHybridMambaLayer = BambaMixer: mamba_n_heads heads of mamba_d_head, mamba_n_groups
// groups of mamba_d_state, conv of mamba_d_conv with bias when mamba_conv_bias, in/out projections with bias
// when mamba_proj_bias; inner width mamba_expand × hidden_size) when layer_types[i] is "mamba", else softmax
// attention (GraniteMoeSharedAttention: q/k/v/o, bias when attention_bias; RoPE only when
// position_embedding_type is "rope", else none). Every layer has input_layernorm and
// post_attention_layernorm, and a feed-forward of num_local_experts routed experts of intermediate_size
// (router Linear(hidden, E), no bias) plus the always-present shared MLP (GraniteMoeSharedMLP:
// input_linear hidden -> 2 × shared_intermediate_size, output_linear back); with num_local_experts 0 the
// shared MLP alone (a dense layer, Granite 4.0 Micro). Tied head unless the file says otherwise.
void read_granitemoehybrid(ConfigView& config, Model& model) {
  const std::string positions = config.string_named(Key::PositionEmbeddingType, "nope");
  if (positions != "rope" && positions != "nope") {
    config.fail(config.spelling(Key::PositionEmbeddingType),
                fmt::format("expected \"rope\" or \"nope\", got \"{}\"", positions));
    return;
  }
  model.positions = positions == "rope" ? PositionKind::RoPE : PositionKind::NoPE;
  Layer attention;
  attention.attention = read_attention(config, model);
  if (positions == "nope") attention.attention.rope_fraction = 0.0;

  const std::int64_t shared = config.require_int(Key::SharedIntermediateSize);
  const std::int64_t experts = config.int_or(Key::NumExperts, 0);
  FeedForwardSpec ffn;
  if (experts > 0) {
    MoeOptions options;
    options.width = Key::IntermediateSize;
    options.shared = SharedExperts::None;
    ffn = read_moe_ffn(config, options);
    ffn.num_shared_experts = shared > 0 ? 1 : 0;
    ffn.shared_intermediate_size = shared;
  } else {
    ffn.kind = FfnKind::Dense;
    ffn.intermediate_size = shared;
    ffn.activation = config.string_or(Key::HiddenAct, "silu");
    config.note_source("intermediate_size", "shared_intermediate_size (num_local_experts 0: the shared MLP alone)");
  }
  attention.ffn = ffn;

  Layer mamba;
  mamba.mixer = MixerKind::Mamba2;
  mamba.ffn = ffn;
  const std::int64_t count = config.require_int(Key::NumLayers);
  const auto types = config.per_layer_list<std::string>(Key::LayerTypes, static_cast<std::size_t>(std::max<std::int64_t>(count, 0)));
  if (!config.ok()) return;
  if (types.empty()) {
    config.fail("layer_types", "required key is missing (one \"mamba\" or \"attention\" per layer)");
    return;
  }
  const bool any_mamba = std::find(types.begin(), types.end(), "mamba") != types.end();
  if (any_mamba) {
    RecurrentSpec& r = mamba.recurrent;
    const std::int64_t inner = config.int_named(Key::MambaExpand, 2) * model.hidden_size;
    r.num_heads = config.require_int(Key::MambaNHeads);
    const nlohmann::json* head = config.find(Key::MambaDHead);
    if (!head || head->is_string()) {  // BambaConfig: mamba_d_head "auto" = inner / heads
      r.value_head_dim = r.num_heads > 0 ? inner / r.num_heads : 0;
      config.note_source("mamba_d_head", "mamba_expand × hidden_size / mamba_n_heads (\"auto\")");
    } else {
      r.value_head_dim = config.require_int(Key::MambaDHead);
    }
    r.state_size = config.require_int(Key::MambaDState);
    r.num_groups = config.int_named(Key::MambaGroups, 1, 1, 1 << 16);
    r.conv_kernel = config.int_named(Key::ConvKernel, 4, 1, 1 << 10);
    r.conv_bias = config.bool_named(Key::MambaConvBias, true);
    r.proj_bias = config.bool_named(Key::MambaProjBias, false);
    if (!config.ok()) return;
    if (r.num_heads * r.value_head_dim != inner) {
      config.fail(config.spelling(Key::MambaNHeads),
                  fmt::format("expected mamba_n_heads × mamba_d_head = mamba_expand × hidden_size ({}), got {} × {}",
                              inner, r.num_heads, r.value_head_dim));
      return;
    }
  }
  model.layers.clear();
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (types[i] == "mamba") {
      model.layers.push_back(mamba);
    } else if (types[i] == "attention") {
      model.layers.push_back(attention);
    } else {
      config.fail(fmt::format("layer_types[{}]", i),
                  fmt::format("unknown layer type \"{}\" (expected \"mamba\" or \"attention\")", types[i]));
      return;
    }
  }
  config.note_source("layer mix", "layer_types");
}

}  // namespace llmg
