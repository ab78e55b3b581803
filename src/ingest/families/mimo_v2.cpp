// Xiaomi MiMo-V2 (model_types mimo_v2, mimo_v2_flash).
#include <algorithm>
#include <fmt/format.h>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Xiaomi MiMo-V2 (MiMoV2ForCausalLM): hybrid_layer_pattern marks each layer full (0) or sliding-window
// (1) attention; the two kinds have their own head counts and dims (num_* vs swa_*), keys of head_dim
// and values of v_head_dim, a learned sink per head where add_{swa,full}_attention_sink_bias, partial
// RoPE with swa_rope_theta on sliding layers; moe_layer_freq lists dense (0) and MoE (1) layers; MoE
// has a sigmoid router with the noaux_tc correction bias and no shared expert.
void read_mimo_v2(ConfigView& config, Model& model) {
  Layer full;
  full.attention = read_attention(config, model);
  full.attention.value_head_dim = config.int_or(Key::ValueHeadDim, full.attention.head_dim);
  full.attention.sinks = config.bool_named(Key::AddFullAttentionSinkBias, false);
  Layer sliding = full;
  sliding.attention.num_heads = config.int_named(Key::SwaNumAttentionHeads, full.attention.num_heads, 1, 1 << 16);
  sliding.attention.num_kv_heads = config.int_named(Key::SwaNumKeyValueHeads, full.attention.num_kv_heads, 1, 1 << 16);
  sliding.attention.head_dim = config.int_named(Key::SwaHeadDim, full.attention.head_dim, 1, 1 << 16);
  sliding.attention.value_head_dim = config.int_named(Key::SwaVHeadDim, full.attention.value_head_dim, 1, 1 << 16);
  sliding.attention.sinks = config.bool_named(Key::AddSwaAttentionSinkBias, false);
  sliding.attention.rope_theta = config.number_named(Key::SwaRopeTheta, model.rope_theta);
  make_sliding(sliding, config.require_int(Key::SlidingWindow));
  fill_layers(config, model, full);
  const auto pattern = config.per_layer_list<std::int64_t>(Key::HybridLayerPattern, model.layers.size());
  if (!config.ok()) return;
  for (std::size_t i = 0; i < pattern.size(); ++i)
    if (pattern[i] != 0) model.layers[i] = sliding;
  if (!pattern.empty()) config.note_source("layer mix", "hybrid_layer_pattern");
  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.router_correction_bias = config.string_named(Key::TopkMethod, "") == "noaux_tc";
  apply_moe_schedule(config, model, dense, moe);
}

}  // namespace llmg
