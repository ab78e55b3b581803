// ZAYA1 (Zyphra; transformers models/zaya, ZayaConfig / ZayaForCausalLM, model_type "zaya"): half-layers
// alternate between CCA attention (compressed convolutional attention) and a top-1 MoE whose router is a
// small MLP. Tensor inventory as in the ZAYA1-8B safetensors index (zappleg8/zaya1-mlx
// reference/notes/hf-weight-keys.md; classes described in reference/notes/zaya-architecture.md from
// Zyphra's modular_zaya.py).
#include <fmt/format.h>

#include "ingest/config/json_text.h"
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// A per-half-layer list entry (transformers ZayaConfig keeps 0 on the layers a value does not apply to),
// or the scalar of the flat config format.
std::int64_t per_layer(ConfigView& config, Key list_key, Key scalar_key, std::size_t index,
                       std::int64_t fallback) {
  // List entries meet the same bounds as the scalar ([0, 2^22]); a value outside them is an error.
  auto entry = [&](Key key, const nlohmann::json& item) -> std::int64_t {
    const std::int64_t value = item.is_number_unsigned() && item.get<std::uint64_t>() > (1u << 22)
                                   ? -1
                                   : item.get<std::int64_t>();
    if (value < 0 || value > (1 << 22)) {
      config.fail(fmt::format("{}[{}]", config.spelling(key), index),
                  fmt::format("expected an integer in [0, {}], got {}", 1 << 22, describe_json(item)));
      return fallback;
    }
    return value;
  };
  if (const nlohmann::json* list = config.find(list_key); list && list->is_array()) {
    if (index < list->size() && (*list)[index].is_number_integer()) return entry(list_key, (*list)[index]);
    return fallback;
  }
  if (const nlohmann::json* value = config.find(scalar_key); value && value->is_array()) {
    if (index < value->size() && (*value)[index].is_number_integer()) return entry(scalar_key, (*value)[index]);
    return fallback;
  }
  return config.int_named(scalar_key, fallback, 0, 1 << 22);
}

// ResidualScaling: per-feature scale and bias on the block output and, after the first layer, on the
// residual stream.
void add_residual_scaling(std::vector<TensorSpec>& out, const std::string& prefix, std::int64_t hidden, bool first) {
  out.push_back({Component::Norm, prefix + "res_scale.hidden_states_scale", {hidden}});
  out.push_back({Component::Norm, prefix + "res_scale.hidden_states_bias", {hidden}});
  if (!first) {
    out.push_back({Component::Norm, prefix + "res_scale.residual_scale", {hidden}});
    out.push_back({Component::Norm, prefix + "res_scale.residual_bias", {hidden}});
  }
}

}  // namespace

// The stack is the list of half-layers (zaya_layers: "a" = attention, an integer = MoE with that many
// experts; without it, attention and MoE alternate over num_hidden_layers). CCA: linear_q (q heads ×
// head_dim) and linear_k (KV groups × head_dim) feed two causal convolutions of width 2 over [q, k]
// (depthwise, then grouped per head, both with bias); the value is two half-width projections of the
// current and the previous token (counted as one v_proj of KV groups × head_dim); a per-KV-head
// temperature; o_proj from the q heads. It caches K and V like GQA. MoE: experts are SwiGLU MLPs with a
// fused fc1 of ffn_hidden_size (gate and up) and fc2 back from ffn_hidden_size / 2; the router projects
// to zaya_mlp_expansion, adds the previous MoE layer's router state (EDA, not in the first MoE layer),
// normalizes and runs a three-layer MLP to num_experts + 1 logits: the extra route skips the layer
// (zaya_use_mod), shown as a zero-computation expert. Top-1 routing.
void read_zaya(ConfigView& config, Model& model) {
  model.norm_eps = config.number_named(Key::NormEpsilon, model.norm_eps);
  const std::int64_t hidden = model.hidden_size;
  const std::int64_t half_layers = config.require_int(Key::NumLayers);
  const std::int64_t heads = config.require_int(Key::NumHeads);
  if (!config.ok()) return;
  const std::int64_t head_dim = config.int_or(Key::HeadDim, heads > 0 ? hidden / heads : 0);
  const bool skip_expert = config.bool_named(Key::ZayaUseMod, true);
  const bool eda = config.bool_named(Key::ZayaUseEda, true);
  const bool residual_scaling = config.bool_named(Key::ScaleResidualMerge, true);
  const std::int64_t top_k = config.int_named(Key::MoeRouterTopk, 1, 1, 64);
  const double rope_fraction = config.number_or(Key::PartialRotaryFactor, 0.5);

  std::vector<std::string> kinds;  // "a" or the expert count, per half-layer
  if (const nlohmann::json* list = config.find(Key::ZayaLayers); list && list->is_array()) {
    for (const auto& item : *list) kinds.push_back(item.is_string() ? item.get<std::string>() : describe_json(item));
    if (static_cast<std::int64_t>(kinds.size()) != half_layers) {
      config.fail("zaya_layers", fmt::format("expected {} entries (num_hidden_layers), got {}", half_layers, kinds.size()));
      return;
    }
    config.note_source("layer mix", "zaya_layers");
  } else {
    const std::int64_t experts = config.int_named(Key::NumExperts, 0, 1, 1 << 16);
    for (std::int64_t i = 0; i < half_layers; ++i) kinds.push_back(i % 2 == 0 ? "a" : std::to_string(experts));
    config.note_source("layer mix", "num_hidden_layers (attention and MoE alternate)");
  }

  bool first_moe = true;
  model.layers.clear();
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    Layer layer;
    if (kinds[i] == "a") {
      AttentionSpec& a = layer.attention;
      const std::int64_t q_heads = per_layer(config, Key::CcaNumQHeads, Key::CcaNumQHeads, i, heads);
      a.num_heads = q_heads > 0 ? q_heads : heads;
      a.num_kv_heads = per_layer(config, Key::NumQueryGroupsList, Key::NumQueryGroups, i,
                                 config.int_or(Key::NumKvHeads, a.num_heads));
      a.head_dim = head_dim;
      a.value_head_dim = head_dim;
      a.rope_fraction = rope_fraction;
      a.rope_theta = model.rope_theta;
      layer.ffn.kind = FfnKind::None;
      const std::int64_t channels = (a.num_heads + a.num_kv_heads) * head_dim;
      auto add = [&](const std::string& name, std::vector<std::int64_t> shape) {
        layer.extra.push_back({Component::Attention, "self_attn.qkv." + name, std::move(shape)});
      };
      add("conv_qk.0.weight", {channels, 1, 2});
      add("conv_qk.0.bias", {channels});
      add("conv_qk.1.weight", {channels, head_dim, 2});
      add("conv_qk.1.bias", {channels});
      add("temp", {a.num_kv_heads});
    } else {
      std::int64_t experts = 0;
      std::size_t used = 0;
      try {
        experts = std::stoll(kinds[i], &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != kinds[i].size() || experts < 1 || experts > (1 << 16)) {
        config.fail(fmt::format("zaya_layers[{}]", i), fmt::format("expected \"a\" or an expert count in [1, 65536], got {}", describe_json(kinds[i])));
        return;
      }
      const std::int64_t fc1 = per_layer(config, Key::FfnHiddenSizeList, Key::IntermediateSize, i, 0);
      const std::int64_t router = per_layer(config, Key::ZayaMlpExpansion, Key::ZayaMlpExpansion, i, 0);
      if (experts <= 0 || fc1 <= 0 || fc1 % 2 != 0 || router <= 0) {
        config.fail("ffn_hidden_size_list", fmt::format("half-layer {}: expected positive experts, an even "
                                                        "ffn_hidden_size and zaya_mlp_expansion", i));
        return;
      }
      layer.mixer = MixerKind::None;
      // By hand: the expert count and width come per half-layer (zaya_layers, ffn_hidden_size_list).
      FeedForwardSpec& f = layer.ffn;
      f.kind = FfnKind::MoE;
      f.num_experts = experts;
      f.zero_experts = skip_expert ? 1 : 0;
      f.experts_per_token = top_k;
      f.expert_intermediate_size = fc1 / 2;
      f.router_in_extra = true;
      const std::int64_t routes = experts + f.zero_experts;
      auto add = [&](const std::string& name, std::vector<std::int64_t> shape) {
        layer.extra.push_back({Component::Router, "zaya_block.router." + name, std::move(shape)});
      };
      add("balancing_biases", {routes});
      add("down_proj.weight", {router, hidden});
      add("down_proj.bias", {router});
      add("rmsnorm_eda.weight", {router});
      if (eda && !first_moe) add("router_states_scale", {router});
      add("router_mlp.0.weight", {router, router});
      add("router_mlp.0.bias", {router});
      add("router_mlp.2.weight", {router, router});
      add("router_mlp.2.bias", {router});
      add("router_mlp.4.weight", {routes, router});
      first_moe = false;
    }
    if (residual_scaling) add_residual_scaling(layer.extra, "", hidden, i == 0);
    model.layers.push_back(std::move(layer));
  }
  if (residual_scaling) add_residual_scaling(model.extra, "model.", hidden, false);
  model.notes.push_back(
      "ZAYA1: every layer here is a half-layer (CCA attention or MoE); the MoE router's extra route skips the "
      "layer (a zero-computation expert), so active counts the top-1 route as a real expert (upper bound)");
  model.notes.push_back("ZAYA1: CCA's two half-width value projections are counted as one v_proj");
}

}  // namespace llmg
