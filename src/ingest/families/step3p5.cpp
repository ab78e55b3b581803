// Step 3.5 Flash (stepfun-ai/Step-3.5-Flash, model_type "step3p5", Step3p5ForCausalLM; tensors as
// vLLM vllm/model_executor/models/step3p5.py creates them: Step3p5Attention, FusedMoEBlock, Step3p5MLP).
#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// moe_layers_enum: the MoE layer indices, as a comma-separated string ("3,4,5") or a list.
std::vector<std::int64_t> moe_layer_list(ConfigView& config) {
  const nlohmann::json* value = config.find(Key::MoeLayersEnum);
  if (!value) return {};
  if (value->is_array()) return config.int_list_named(Key::MoeLayersEnum);
  if (!value->is_string()) {
    config.fail("moe_layers_enum", "expected a comma-separated string or a list of layer indices");
    return {};
  }
  std::vector<std::int64_t> out;
  std::stringstream stream(value->get<std::string>());
  std::string item;
  while (std::getline(stream, item, ',')) {
    try {
      out.push_back(std::stoll(item));
    } catch (const std::exception&) {
      config.fail("moe_layers_enum", fmt::format("expected integers separated by commas, got \"{}\"", item));
      return {};
    }
  }
  return out;
}

// Step3p5Attention: q/k/v/o without bias, per-head q_norm and k_norm (always present), and with
// use_head_wise_attn_gate a g_proj (hidden -> heads) whose sigmoid scales each head's output.
Layer attention_layer(ConfigView& config, const Model& model, std::int64_t heads, std::int64_t kv_heads) {
  Layer layer;
  AttentionSpec& a = layer.attention;
  a.num_heads = heads;
  a.num_kv_heads = kv_heads;
  a.head_dim = config.int_or(Key::HeadDim, heads > 0 ? model.hidden_size / heads : 0);
  a.value_head_dim = a.head_dim;
  a.qk_norm = QkNorm::PerHead;
  if (config.bool_named(Key::UseHeadWiseAttnGate, false))
    layer.extra.push_back({Component::Attention, "self_attn.g_proj.weight", {heads, model.hidden_size}});
  return layer;
}

}  // namespace

// Layers follow layer_types (full or sliding; the list may run on over the MTP layers, which are cut
// off); sliding layers take attention_other_setting's head counts (Step 3.5: 96 query heads instead of
// 64); KV heads are num_attention_groups. rope_theta and partial_rotary_factors may be per-layer lists.
// MoE layers are listed in moe_layers_enum, the rest dense MLPs of intermediate_size; MoE is
// moe_num_experts experts of moe_intermediate_size, top moe_top_k, a sigmoid router with a bias
// (router_bias, a correction bias) and one shared expert of share_expert_dim. The
// num_nextn_predict_layers MTP blocks are not counted (their layout is not in the config).
void read_step3p5(ConfigView& config, Model& model) {
  model.hidden_size = config.require_int(Key::HiddenSize);
  model.vocab_size = config.require_int(Key::VocabSize);
  model.context_length = config.require_int(Key::ContextLength);
  model.tied_embeddings = config.bool_or(Key::TieEmbeddings, false);
  model.norm_eps = config.number_or(Key::NormEps, 0.0);
  const std::int64_t count = config.require_int(Key::NumLayers);
  if (!config.ok()) return;

  // rope_theta: one number or one per layer.
  std::vector<double> thetas;
  if (const nlohmann::json* theta = config.find(Key::RopeTheta); theta && theta->is_array()) {
    thetas = config.number_list_named(Key::RopeTheta);
  } else {
    thetas.assign(static_cast<std::size_t>(count), config.number_or(Key::RopeTheta, 0.0));
  }
  std::vector<double> rotary;
  if (const nlohmann::json* factors = config.find(Key::PartialRotaryFactors); factors && factors->is_array())
    rotary = config.number_list_named(Key::PartialRotaryFactors);

  const std::int64_t heads = config.require_int(Key::NumHeads);
  const std::int64_t groups = config.int_named(Key::NumAttentionGroups, heads, 1, 1 << 16);
  const Layer full = attention_layer(config, model, heads, groups);
  const Layer sliding_base = attention_layer(
      config, model, config.int_named(Key::AttentionOtherSettingNumAttentionHeads, heads, 1, 1 << 16),
      config.int_named(Key::AttentionOtherSettingNumAttentionGroups, groups, 1, 1 << 16));
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);

  // By hand: the list may be longer than num_hidden_layers (MTP entries), and absent means alternating.
  auto types = config.string_list_named(Key::LayerTypes);
  if (types.empty()) {
    // vLLM's fallback without layer_types: even layers sliding.
    for (std::int64_t i = 0; i < count; ++i) types.push_back(i % 2 == 0 ? "sliding_attention" : "full_attention");
    config.note_source("layer mix", "no layer_types: even layers sliding (vLLM Step3p5Attention fallback)");
  } else {
    config.note_source("layer mix", "layer_types (entries past num_hidden_layers are the MTP layers)");
  }
  if (static_cast<std::int64_t>(types.size()) < count) {
    config.fail("layer_types", fmt::format("expected at least {} entries (num_hidden_layers), got {}", count, types.size()));
    return;
  }
  model.layers.clear();
  for (std::int64_t i = 0; i < count; ++i) {
    const std::string& type = types[static_cast<std::size_t>(i)];
    Layer layer;
    if (type == "sliding_attention") {
      if (window <= 0) {
        config.fail("sliding_window", "layer_types names sliding_attention layers, so a positive window is required");
        return;
      }
      layer = sliding_base;
      make_sliding(layer, window);
    } else if (type == "full_attention") {
      layer = full;
    } else {
      config.fail(fmt::format("layer_types[{}]", i), fmt::format("unknown layer type \"{}\"", type));
      return;
    }
    const auto index = static_cast<std::size_t>(i);
    layer.attention.rope_theta = index < thetas.size() ? thetas[index] : 0.0;
    layer.attention.rope_fraction = index < rotary.size() ? rotary[index] : 1.0;
    model.layers.push_back(layer);
  }
  // The model-level theta: the first full-attention layer's.
  for (const Layer& layer : model.layers)
    if (layer.attention.span == AttentionSpan::Full) {
      model.rope_theta = layer.attention.rope_theta;
      break;
    }

  const FeedForwardSpec dense = read_dense_ffn(config);
  // By hand: moe_top_k is bounded to [1, moe_num_experts] with its own message (top-k 0 is an error here).
  FeedForwardSpec moe;
  moe.kind = FfnKind::MoE;
  moe.num_experts = config.require_int(Key::NumExperts);
  moe.experts_per_token = config.int_named(Key::MoeTopK, 0, 1, 1 << 16);
  moe.expert_intermediate_size = config.require_int(Key::MoeIntermediateSize);
  moe.num_shared_experts = 1;
  moe.shared_intermediate_size = config.int_named(Key::ShareExpertDim, moe.expert_intermediate_size, 1, 1 << 22);
  moe.router_correction_bias = config.bool_named(Key::UseMoeRouterBias, true);
  if (moe.experts_per_token == 0 || moe.experts_per_token > moe.num_experts) {
    config.fail("moe_top_k", fmt::format("expected between 1 and moe_num_experts ({})", moe.num_experts));
    return;
  }
  const auto moe_layers = moe_layer_list(config);
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const bool is_moe = std::find(moe_layers.begin(), moe_layers.end(), static_cast<std::int64_t>(i)) != moe_layers.end();
    model.layers[i].ffn = is_moe ? moe : dense;
  }
  for (std::int64_t index : moe_layers)
    if (index < 0 || index >= count) {
      config.fail("moe_layers_enum", fmt::format("expected layer indices below {}, got {}", count, index));
      return;
    }
  config.note_source("moe layers", "moe_layers_enum");
  if (config.int_or(Key::NumMtpLayers, 0) > 0)
    model.notes.push_back(fmt::format("Step 3.5: {} MTP layers (num_nextn_predict_layers) are not counted",
                                      config.int_or(Key::NumMtpLayers, 0)));
  model.notes.push_back("Step 3.5: sliding layers have their own query-head count (attention_other_setting); "
                        "a head-wise sigmoid gate (g_proj) scales each head's output");
}

}  // namespace llmg
