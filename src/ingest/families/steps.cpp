#include "ingest/families/steps.h"

#include <cmath>

#include <fmt/format.h>

#include "ingest/config/json_text.h"

namespace llmg {

void read_basics(ConfigView& config, Model& model, bool tied_default) {
  model.hidden_size = config.require_int(Key::HiddenSize);
  model.vocab_size = config.require_int(Key::VocabSize);
  model.context_length = config.require_int(Key::ContextLength);
  model.tied_embeddings = config.bool_or(Key::TieEmbeddings, tied_default);
  model.norm_eps = config.number_or(Key::NormEps, 0.0);
  model.rope_theta = read_rope_theta(config, "", 0.0);  // 0: not declared (shown as such, never guessed)
  const auto* scaling = config.find(Key::RopeScaling);
  if (scaling && !scaling->is_object()) {
    config.fail(config.spelling(Key::RopeScaling),
                fmt::format("expected an object (rope_type, factor, ...), got {}", describe_json(*scaling)));
  } else if (scaling) {
    // The scaling factor plays no part in a count, but a config whose factor is not a positive finite
    // number is not one any reference implementation loads.
    if (auto factor = scaling->find("factor"); factor != scaling->end() && !factor->is_null() &&
                                               (!factor->is_number() || !std::isfinite(factor->get<double>()) ||
                                                factor->get<double>() <= 0 || factor->get<double>() > 1e6))
      config.fail(std::string(config.spelling(Key::RopeScaling)) + ".factor",
                  fmt::format("expected a number in (0, 1e6], got {}", describe_json(*factor)));
    for (const char* key : {"rope_type", "type"}) {
      auto it = scaling->find(key);
      if (it != scaling->end() && it->is_string()) {
        model.rope_scaling = it->get<std::string>();
        break;
      }
    }
  }
}

double read_rope_theta(ConfigView& config, const std::string& layer_type, double fallback) {
  if (!layer_type.empty()) {
    const std::string nested = "rope_parameters." + layer_type + ".rope_theta";
    if (config.find(nested)) return config.number_named(nested, fallback);
  }
  if (config.find(Key::RopeParametersRopeTheta)) return config.number_named(Key::RopeParametersRopeTheta, fallback);
  // Per-layer-type rope_parameters (Gemma 4): the model-level theta is the full-attention one.
  if (layer_type.empty() && config.find(Key::RopeParametersFullAttentionRopeTheta))
    return config.number_named(Key::RopeParametersFullAttentionRopeTheta, fallback);
  return config.number_or(Key::RopeTheta, fallback);
}

AttentionSpec read_attention(ConfigView& config, const Model& model) {
  AttentionSpec attention;
  attention.num_heads = config.require_int(Key::NumHeads);
  attention.num_kv_heads = config.int_or(Key::NumKvHeads, attention.num_heads);
  if (attention.num_heads > 0 && attention.num_kv_heads > 0 && attention.num_heads % attention.num_kv_heads != 0)
    config.fail("num_key_value_heads", fmt::format("expected a divisor of num_attention_heads ({}), got {}",
                                                   attention.num_heads, attention.num_kv_heads));
  const std::int64_t default_head_dim = attention.num_heads > 0 ? model.hidden_size / attention.num_heads : 0;
  attention.head_dim = config.int_or(Key::HeadDim, default_head_dim);
  if (!config.find(Key::HeadDim)) {
    config.note_source("head_dim", "hidden_size / num_attention_heads");
    if (attention.num_heads > 0 && default_head_dim <= 0)
      config.fail(config.spelling(Key::HiddenSize),
                  fmt::format("expected at least num_attention_heads ({}) so that head_dim = hidden_size / "
                              "num_attention_heads is positive, got {}",
                              attention.num_heads, model.hidden_size));
  }
  attention.value_head_dim = attention.head_dim;
  const bool bias = config.bool_or(Key::AttentionBias, false);
  attention.q_bias = attention.k_bias = attention.v_bias = attention.o_bias = bias;
  attention.rope_fraction = config.number_or(Key::PartialRotaryFactor, 1.0);
  if (config.find(Key::RopeParametersPartialRotaryFactor))
    attention.rope_fraction = config.number_named(Key::RopeParametersPartialRotaryFactor, 1.0);
  // RoPE rotates pairs of dimensions: a declared head_dim must be even when any of it is rotated.
  if (config.find(Key::HeadDim) && attention.rope_fraction > 0 && attention.head_dim % 2 != 0)
    config.fail(config.spelling(Key::HeadDim),
                fmt::format("expected an even head size (RoPE rotates pairs of dimensions), got {}", attention.head_dim));
  attention.rope_theta = model.rope_theta;
  return attention;
}

FeedForwardSpec read_dense_ffn(ConfigView& config, bool gated) {
  FeedForwardSpec ffn;
  ffn.kind = FfnKind::Dense;
  ffn.gated = gated;
  ffn.intermediate_size = config.require_int(Key::IntermediateSize);
  ffn.activation = config.string_or(Key::HiddenAct, "silu");
  ffn.bias = config.bool_or(Key::MlpBias, false);
  return ffn;
}

FeedForwardSpec read_moe_ffn(ConfigView& config) { return read_moe_ffn(config, MoeOptions{}); }

FeedForwardSpec read_moe_ffn(ConfigView& config, const MoeOptions& options) {
  FeedForwardSpec ffn;
  ffn.kind = FfnKind::MoE;
  ffn.num_experts = config.require_int(Key::NumExperts);
  ffn.experts_per_token = config.require_int(Key::ExpertsPerToken);
  if (ffn.num_experts > 0 && ffn.experts_per_token > ffn.num_experts)
    config.fail("num_experts_per_tok",
                fmt::format("expected at most num_experts ({}), got {}", ffn.num_experts, ffn.experts_per_token));
  ffn.expert_intermediate_size = config.require_int(options.width);
  if (options.shared == SharedExperts::FusedOne) {
    const std::int64_t shared = config.int_or(Key::NumSharedExperts, options.shared_default);
    if (shared > 0) {
      ffn.num_shared_experts = 1;
      ffn.shared_intermediate_size = ffn.expert_intermediate_size * shared;
    }
  } else if (options.shared == SharedExperts::Declared) {
    ffn.num_shared_experts = config.int_or(Key::NumSharedExperts, options.shared_default);
    ffn.shared_intermediate_size = config.int_or(Key::SharedExpertIntermediateSize, 0);
    if (ffn.num_shared_experts > 0 && ffn.shared_intermediate_size == 0)
      ffn.shared_intermediate_size = ffn.expert_intermediate_size;  // DeepSeek: shared experts are expert-sized
    if (ffn.num_shared_experts == 0 && ffn.shared_intermediate_size > 0) ffn.num_shared_experts = 1;
  }
  ffn.router_correction_bias = options.router_bias;
  ffn.activation = options.activation.empty() ? config.string_or(Key::HiddenAct, "silu") : options.activation;
  return ffn;
}

void fill_layers(ConfigView& config, Model& model, const Layer& prototype) {
  const std::int64_t count = config.require_int(Key::NumLayers);
  model.layers.assign(static_cast<std::size_t>(count), prototype);
}

void make_sliding(Layer& layer, std::int64_t window) {
  layer.attention.span = AttentionSpan::SlidingWindow;
  layer.attention.window = window;
}

void set_global_every(Model& model, std::int64_t n, std::int64_t window, bool dense_first) {
  if (n <= 0) n = 1;  // a caller error (readers bound n to [1, 4096]); never a division by zero
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const auto index = static_cast<std::int64_t>(i);
    const bool global = dense_first ? index % n == 0 : (index + 1) % n == 0;
    if (!global) make_sliding(model.layers[i], window);
  }
}

void layer_types_or_global_every(ConfigView& config, Model& model, std::int64_t n, bool dense_first,
                                 std::string_view default_note) {
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, window);
  } else if (window > 0) {
    set_global_every(model, n, window, dense_first);
    config.note_source("layer mix", std::string(default_note));
  }
}

bool apply_layer_types(ConfigView& config, Model& model, std::int64_t window,
                       const std::function<void(Layer&)>& linear) {
  const auto types = config.per_layer_list<std::string>(Key::LayerTypes, model.layers.size());
  if (types.empty()) return config.ok();
  for (std::size_t i = 0; i < types.size(); ++i) {
    const std::string& type = types[i];
    Layer& layer = model.layers[i];
    if (type == "full_attention" || type == "global_attention" || type == "attention") {
      layer.attention.span = AttentionSpan::Full;
    } else if (type == "sliding_attention" || type == "sliding_window_attention") {
      if (window <= 0) {
        config.fail("sliding_window", "layer_types names sliding_attention layers, so a positive window is required");
        return false;
      }
      make_sliding(layer, window);
    } else if (type == "chunked_attention") {
      layer.attention.span = AttentionSpan::Chunked;
      layer.attention.window = window;
    } else if (type == "linear_attention" && linear) {
      linear(layer);
    } else {
      config.fail(fmt::format("layer_types[{}]", i), fmt::format("unknown layer type \"{}\"", type));
      return false;
    }
  }
  config.note_source("layer mix", "layer_types");
  return true;
}

void apply_moe_schedule(ConfigView& config, Model& model, const FeedForwardSpec& dense,
                        const FeedForwardSpec& moe) {
  const std::int64_t first_dense = config.int_or(Key::FirstKDenseReplace, 0);
  const auto* freq_value = config.find(Key::MoeLayerFreq);
  std::vector<std::int64_t> per_layer;
  std::int64_t every = 1;
  if (freq_value && freq_value->is_array())
    per_layer = config.per_layer_list<std::int64_t>(Key::MoeLayerFreq, model.layers.size());
  else
    every = config.int_or(Key::MoeLayerFreq, 1);
  if (!config.ok()) return;
  if (every <= 0) every = 1;
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const auto index = static_cast<std::int64_t>(i);
    bool is_moe;
    if (!per_layer.empty())
      is_moe = per_layer[i] != 0;
    else
      is_moe = index >= first_dense && index % every == 0;
    model.layers[i].ffn = is_moe ? moe : dense;
  }
}

Layer read_mla_layer(ConfigView& config, const Model& model) {
  Layer layer;
  layer.mixer = MixerKind::LatentAttention;
  AttentionSpec& a = layer.attention;
  a.num_heads = config.require_int(Key::NumHeads);
  a.num_kv_heads = a.num_heads;
  a.q_lora_rank = config.int_or(Key::QLoraRank, 0);
  a.kv_lora_rank = config.require_int(Key::KvLoraRank);
  a.qk_nope_head_dim = config.require_int(Key::QkNopeHeadDim);
  a.qk_rope_head_dim = config.require_int(Key::QkRopeHeadDim);
  a.head_dim = a.qk_nope_head_dim + a.qk_rope_head_dim;
  a.value_head_dim = config.require_int(Key::ValueHeadDim);
  const bool bias = config.bool_or(Key::AttentionBias, false);
  a.q_bias = a.k_bias = a.o_bias = bias;
  a.rope_fraction = a.head_dim > 0 ? static_cast<double>(a.qk_rope_head_dim) / a.head_dim : 0.0;
  a.rope_theta = model.rope_theta;
  return layer;
}

Layer make_mtp_layer(const Model& model, const Layer& block, bool stores_embeddings) {
  Layer layer = block;
  const std::int64_t hidden = model.hidden_size;
  layer.extra.push_back({Component::Mtp, "enorm", {hidden}});
  layer.extra.push_back({Component::Mtp, "hnorm", {hidden}});
  layer.extra.push_back({Component::Mtp, "eh_proj", {hidden, 2 * hidden}});
  layer.extra.push_back({Component::Mtp, "shared_head.norm", {hidden}});
  if (stores_embeddings) {
    layer.extra.push_back({Component::Mtp, "embed_tokens", {model.vocab_size, hidden}});
    layer.extra.push_back({Component::Mtp, "shared_head.head", {model.vocab_size, hidden}});
  }
  return layer;
}

// The Llama layout every family below starts from: RMSNorm pre-norm, RoPE, gated SiLU MLP.
Layer llama_layer(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.ffn = read_dense_ffn(config);
  return layer;
}

std::vector<std::int64_t> read_layer_indices(ConfigView& config, Key key, std::size_t layers) {
  auto indices = config.int_list_named(key);
  for (std::size_t i = 0; i < indices.size(); ++i)
    if (indices[i] < 0 || static_cast<std::size_t>(indices[i]) >= layers) {
      config.fail(fmt::format("{}[{}]", config.spelling(key), i),
                  fmt::format("expected a layer index below num_hidden_layers ({}), got {}", layers, indices[i]));
      return {};
    }
  return indices;
}

void read_llama_like(ConfigView& config, Model& model, const Layer& layer) {
  fill_layers(config, model, layer);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  apply_layer_types(config, model, window);
}

FeedForwardSpec read_plain_ffn(ConfigView& config, const Model& model, const std::string& default_activation,
                               bool bias, Key width_key) {
  FeedForwardSpec ffn;
  ffn.kind = FfnKind::Dense;
  ffn.gated = false;
  ffn.bias = bias;
  ffn.activation = config.string_or(Key::HiddenAct, default_activation);
  ffn.intermediate_size = config.int_or(width_key, 4 * model.hidden_size);
  if (!config.find(width_key)) config.note_source("intermediate_size", "4 × hidden_size (not given)");
  return ffn;
}

Layer read_mamba1_layer(ConfigView& config, const Model& model, std::int64_t inner, const MambaKeys& keys) {
  Layer layer;
  layer.mixer = MixerKind::Mamba;
  layer.ffn.kind = FfnKind::None;
  RecurrentSpec& r = layer.recurrent;
  r.inner_size = inner;
  r.state_size = config.int_named(keys.state, 16, 1, 1 << 16);
  r.conv_kernel = config.int_named(keys.conv_kernel, 4, 1, 1 << 10);
  r.conv_bias = config.bool_named(keys.conv_bias, true);
  r.proj_bias = config.bool_named(keys.proj_bias, false);
  const nlohmann::json* rank = config.find(keys.dt_rank);
  if (!rank || (rank->is_string() && rank->get<std::string>() == "auto")) {
    r.dt_rank = (model.hidden_size + 15) / 16;
    config.note_source("dt_rank", "ceil(hidden_size / 16) (time-step rank \"auto\")");
  } else {
    r.dt_rank = config.int_named(keys.dt_rank, 0, 1, 1 << 20);
  }
  return layer;
}

void qwen2_window_layers(ConfigView& config, Model& model, bool moe_rule) {
  if (!config.bool_named(Key::UseSlidingWindow, false)) {
    config.note_source("layer mix", "use_sliding_window false or absent (no windowed layer)");
    return;
  }
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, window);
    return;
  }
  if (window <= 0) return;  // sliding_window null: no window
  const std::int64_t max_window_layers = config.int_named(Key::MaxWindowLayers, 28);
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const auto index = static_cast<std::int64_t>(i);
    const bool sliding = moe_rule ? (index % 2 == 0 && index < max_window_layers) : index >= max_window_layers;
    if (sliding) make_sliding(model.layers[i], window);
  }
  config.note_source("layer mix", "use_sliding_window, max_window_layers");
}

void sliding_when_window_set(ConfigView& config, Model& model) {
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (window <= 0) return;
  for (Layer& layer : model.layers) make_sliding(layer, window);
  config.note_source("layer mix", "sliding_window without layer_types (every layer windowed)");
}

}  // namespace llmg
