// Bamba (model_type bamba).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Bamba (BambaForCausalLM, transformers modeling_bamba.py / configuration_bamba.py): every layer is one
// mixer — Mamba-2 (BambaMixer) or softmax attention (BambaAttention, the Llama projections without bias,
// RoPE over half of head_dim: BambaConfig hard-codes partial_rotary_factor 0.5) — then a gated SiLU MLP of
// intermediate_size (BambaMLP), with input_layernorm and pre_ff_layernorm (RMSNorm), a final norm and an
// untied head (BambaConfig default). Attention layers: the indices in attn_layer_indices (None: none), or
// layer_types "full_attention" / "linear_attention" (= Mamba-2) in the newer spelling.
// BambaMixer: inner = mamba_expand × hidden_size in mamba_n_heads heads of mamba_d_head ("auto": inner /
// heads; BambaConfig requires heads × d_head = inner); conv over inner + 2 × mamba_n_groups ×
// mamba_d_state channels of width mamba_d_conv with bias mamba_conv_bias; in_proj / out_proj with bias
// mamba_proj_bias; dt_bias, A_log and D per head; a gated RMSNorm over inner — the Mamba-2 tensors of
// analysis/params.cpp.
void read_bamba(ConfigView& config, Model& model) {
  Layer attention = llama_layer(config, model);
  attention.attention.rope_fraction = 0.5;
  config.note_source("partial_rotary_factor", "BambaConfig: 0.5, hard-coded");

  Layer mamba = attention;
  mamba.mixer = MixerKind::Mamba2;
  mamba.attention = AttentionSpec{};
  RecurrentSpec& r = mamba.recurrent;
  const std::int64_t inner = config.int_named(Key::MambaExpand, 2, 1, 64) * model.hidden_size;
  r.num_heads = config.int_named(Key::MambaNHeads, 128);
  if (config.ok() && inner % r.num_heads != 0)
    config.fail("mamba_n_heads", fmt::format("expected a divisor of mamba_expand × hidden_size ({}), got {}", inner, r.num_heads));
  const nlohmann::json* d_head = config.find(Key::MambaDHead);
  if (d_head && d_head->is_string() && d_head->get<std::string>() != "auto")
    config.fail("mamba_d_head", fmt::format("expected an integer or \"auto\", got \"{}\"", d_head->get<std::string>()));
  r.value_head_dim = d_head && !d_head->is_string() ? config.int_named(Key::MambaDHead, 0) : inner / r.num_heads;
  if (config.ok() && r.value_head_dim * r.num_heads != inner)
    config.fail("mamba_d_head", fmt::format("expected mamba_n_heads × mamba_d_head = mamba_expand × hidden_size "
                                            "({}), got {} × {}", inner, r.num_heads, r.value_head_dim));
  r.state_size = config.int_named(Key::MambaDState, 256, 1, 1 << 16);
  r.num_groups = config.int_named(Key::MambaGroups, 1, 1, 1 << 16);
  r.conv_kernel = config.int_named(Key::ConvKernel, 4, 1, 1 << 10);
  r.conv_bias = config.bool_named(Key::MambaConvBias, true);
  r.proj_bias = config.bool_named(Key::MambaProjBias, false);

  fill_layers(config, model, mamba);
  if (!config.ok()) return;
  if (config.find(Key::LayerTypes)) {
    for (Layer& layer : model.layers) layer = attention;
    apply_layer_types(config, model, 0, [&](Layer& layer) { layer = mamba; });
    return;
  }
  for (std::int64_t index : read_layer_indices(config, Key::AttnLayerIndices, model.layers.size()))
    model.layers[static_cast<std::size_t>(index)] = attention;
  config.note_source("layer mix", "attn_layer_indices (every other layer Mamba-2)");
}

}  // namespace llmg
