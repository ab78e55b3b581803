// Hunyuan MoE (model_type hunyuan_v1_moe).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// num_experts / moe_topk: one number for every layer, or a list with one entry per layer
// (HunYuanMoEV1Moe reads config.num_experts[layer_idx] when it is not an int).
std::vector<std::int64_t> per_layer_or_one(ConfigView& config, Key key, std::size_t layers) {
  const nlohmann::json* value = config.find(key);
  if (value && value->is_array()) return config.per_layer_list<std::int64_t>(key, layers);
  return std::vector<std::int64_t>(layers, config.require_int(key));
}

}  // namespace

// HunYuan MoE V1 (HunYuanMoEV1ForCausalLM, transformers modular_hunyuan_v1_moe.py; Hunyuan-A13B): Llama
// attention with query_layernorm / key_layernorm RMSNorm(head_dim) after RoPE (QK-norm per head), bias when
// attention_bias; every layer a MoE block of num_experts gated experts and one always-on shared MLP, all of
// width intermediate_size (HunYuanMoEV1MLP is a LlamaMLP over config.intermediate_size; the config's
// moe_intermediate_size and num_shared_expert lists are not read by it), router `gate.wg` Linear(hidden,
// experts) without bias; num_experts and moe_topk may be per-layer lists. Untied by default.
void read_hunyuan_v1_moe(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  const std::int64_t width = config.require_int(Key::IntermediateSize);
  const std::int64_t count = config.require_int(Key::NumLayers);
  if (!config.ok()) return;
  const auto layers = static_cast<std::size_t>(count);
  const auto experts = per_layer_or_one(config, Key::NumExperts, layers);
  const auto top_k = per_layer_or_one(config, Key::ExpertsPerToken, layers);
  if (!config.ok() || experts.size() != layers || top_k.size() != layers) return;
  model.layers.assign(layers, layer);
  for (std::size_t i = 0; i < layers; ++i) {
    if (top_k[i] > experts[i]) {
      config.fail(config.spelling(Key::ExpertsPerToken),
                  fmt::format("expected at most num_experts ({}) at layer {}, got {}", experts[i], i, top_k[i]));
      return;
    }
    FeedForwardSpec& ffn = model.layers[i].ffn;
    ffn.kind = FfnKind::MoE;
    ffn.num_experts = experts[i];
    ffn.experts_per_token = top_k[i];
    ffn.expert_intermediate_size = width;
    ffn.num_shared_experts = 1;
    ffn.shared_intermediate_size = width;
    ffn.activation = config.string_or(Key::HiddenAct, "silu");
  }
}

}  // namespace llmg
