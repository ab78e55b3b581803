// Qwen3-Next and Qwen3.5 (model_types qwen3_next, qwen3_5, qwen3_5_moe, qwen3_5_text, qwen3_5_moe_text).
#include <fmt/format.h>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// Gated DeltaNet from the Qwen3-Next / Qwen3.5 linear_* keys.
RecurrentSpec read_gated_deltanet(ConfigView& config) {
  RecurrentSpec spec;
  spec.num_heads = config.require_int(Key::LinearNumValueHeads);
  spec.num_key_heads = config.require_int(Key::LinearNumKeyHeads);
  spec.key_head_dim = config.require_int(Key::LinearKeyHeadDim);
  spec.value_head_dim = config.require_int(Key::LinearValueHeadDim);
  spec.conv_kernel = config.int_or(Key::LinearConvKernel, 4);
  return spec;
}

}  // namespace

// Qwen3-Next (Qwen3NextForCausalLM) and Qwen3.5 / 3.6 (Qwen3_5ForConditionalGeneration, text_config):
// three Gated DeltaNet layers per gated full-attention layer (layer_types, or layer i is full attention
// when (i + 1) % full_attention_interval == 0); attention has an output gate (q_proj emits 2×, key
// attn_output_gate, always on in Qwen3-Next), per-head QK-norm and partial RoPE. The FFN is MoE with
// one gated shared expert when num_experts is set (Qwen3-Next, Qwen3.5-MoE), else dense (Qwen3.6 27B).
// Qwen3.5 declares mtp_num_hidden_layers MTP blocks (a full-attention layer with fc, two pre-fc norms
// and a final norm; the embedding and head are shared with the main model).
void read_qwen3_next(ConfigView& config, Model& model) {
  Layer attention_layer;
  attention_layer.attention = read_attention(config, model);
  attention_layer.attention.qk_norm = QkNorm::PerHead;
  attention_layer.attention.output_gate = config.bool_named(Key::AttnOutputGate, true);
  if (config.maybe_int(Key::NumExperts).value_or(0) > 0) {
    FeedForwardSpec moe = read_moe_ffn(config);
    moe.shared_expert_gate = moe.num_shared_experts > 0;
    attention_layer.ffn = moe;
  } else {
    attention_layer.ffn = read_dense_ffn(config);
  }
  fill_layers(config, model, attention_layer);
  Layer linear_layer = attention_layer;
  linear_layer.mixer = MixerKind::GatedDeltaNet;
  linear_layer.attention = {};
  linear_layer.recurrent = read_gated_deltanet(config);
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, 0, [&](Layer& layer) { layer = linear_layer; });
  } else {
    const std::int64_t interval = config.require_int(Key::FullAttentionInterval);
    if (!config.ok()) return;  // never use a value after a failed read
    for (std::size_t i = 0; i < model.layers.size(); ++i)
      if ((static_cast<std::int64_t>(i) + 1) % interval != 0) model.layers[i] = linear_layer;
    config.note_source("layer mix", "full_attention_interval");
  }
  // mlp_only_layers as in Qwen3-MoE.
  const auto mlp_only = read_layer_indices(config, Key::MlpOnlyLayers, model.layers.size());
  if (!mlp_only.empty()) {
    const FeedForwardSpec dense = read_dense_ffn(config);
    for (std::int64_t index : mlp_only)
      if (index >= 0 && index < model.layer_count()) model.layers[static_cast<std::size_t>(index)].ffn = dense;
  }
  const std::int64_t mtp = config.int_named(Key::NumMtpLayers, 0, 0, 64);
  for (std::int64_t i = 0; i < mtp; ++i)
    model.mtp_layers.push_back(make_mtp_layer(model, attention_layer, /*stores_embeddings=*/false));
}

}  // namespace llmg
