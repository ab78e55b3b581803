// Poolside Laguna (LagunaForCausalLM, model_type laguna). Tensor shapes follow Hugging Face
// transformers src/transformers/models/laguna/modular_laguna.py: LagunaAttention (AfmoeAttention with
// per-head q_norm / k_norm, a per-layer query-head count and a softplus output gate g_proj),
// LagunaSparseMoeBlock (sigmoid router with e_score_correction_bias, experts, one ungated shared
// expert of shared_expert_intermediate_size) and LagunaMLP for the dense layers.
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

void read_laguna(ConfigView& config, Model& model) {
  Layer prototype;
  prototype.attention = read_attention(config, model);
  prototype.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, prototype);
  if (!apply_layer_types(config, model, config.int_or(Key::SlidingWindow, 0))) return;

  // num_attention_heads_per_layer overrides num_attention_heads layer by layer (LagunaConfig).
  const auto heads = config.per_layer_list<std::int64_t>(Key::NumAttentionHeadsPerLayer, model.layers.size());
  if (!config.ok()) return;
  // gating: true / "per-head" -> one gate per head; "per-element" -> one per head channel; false -> none.
  std::string gating = "per-head";
  if (const auto* value = config.find(Key::Gating)) {
    if (value->is_boolean())
      gating = value->get<bool>() ? "per-head" : "none";
    else if (value->is_string())
      gating = value->get<std::string>();
  }
  if (gating != "per-head" && gating != "per-element" && gating != "none") {
    config.fail("gating",
                fmt::format("expected true, false, \"per-head\" or \"per-element\", got \"{}\"", gating));
    return;
  }
  const auto mlp_types = config.per_layer_list<std::string>(Key::MlpLayerTypes, model.layers.size());
  if (!config.ok()) return;
  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.router_correction_bias = true;  // LagunaTopKRouter.e_score_correction_bias
  const double full_theta = read_rope_theta(config, "full_attention", model.rope_theta);
  const double sliding_theta = read_rope_theta(config, "sliding_attention", full_theta);
  const double full_fraction =
      config.number_named(Key::RopeParametersFullAttentionPartialRotaryFactor, 1.0);
  const double sliding_fraction =
      config.number_named(Key::RopeParametersSlidingAttentionPartialRotaryFactor, 1.0);
  if (model.rope_theta == 0.0) model.rope_theta = full_theta;

  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    Layer& layer = model.layers[i];
    AttentionSpec& a = layer.attention;
    if (!heads.empty()) a.num_heads = heads[i];
    if (a.num_kv_heads <= 0 || a.num_heads % a.num_kv_heads != 0) {
      config.fail(fmt::format("num_attention_heads_per_layer[{}]", i),
                  fmt::format("expected a multiple of num_key_value_heads ({}), got {}", a.num_kv_heads,
                              a.num_heads));
      return;
    }
    const bool sliding = a.span == AttentionSpan::SlidingWindow;
    a.rope_theta = sliding ? sliding_theta : full_theta;
    a.rope_fraction = sliding ? sliding_fraction : full_fraction;
    // Default mlp_layer_types: the first layer dense, the rest sparse.
    const bool sparse = mlp_types.empty() ? i > 0 : mlp_types[i] == "sparse";
    layer.ffn = sparse ? moe : dense;
    if (gating == "per-head")
      layer.extra.push_back(
          {Component::Attention, "self_attn.g_proj.weight", {a.num_heads, model.hidden_size}});
    else if (gating == "per-element")
      layer.extra.push_back(
          {Component::Attention, "self_attn.g_proj.weight", {a.num_heads * a.head_dim, model.hidden_size}});
  }
  if (!heads.empty()) config.note_source("attention heads", "num_attention_heads_per_layer");
  model.notes.push_back(fmt::format("Laguna: softplus output gate ({}) on the attention output before o_proj",
                                    gating == "none" ? "off" : gating));
}

}  // namespace llmg
