// Gemma 3n's language model (model_type gemma3n_text).
#include <algorithm>

#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Gemma 3n text model (Gemma3nForCausalLM / Gemma3nTextModel, transformers modeling_gemma3n.py), each
// mechanism as tensors and fields of the normalized model:
// - Gemma 3's layer: sandwich norms (4 per layer), per-head q_norm / k_norm (v_norm has no weight), a GeGLU
//   MLP whose width may be a per-layer list (intermediate_size), layer_types with sliding_window, sliding
//   layers at rope_local_base_freq.
// - Activation sparsity: activation_sparsity_pattern[i] as FeedForwardSpec::activation_sparsity (no tensors).
// - Per-layer inputs: embed_tokens_per_layer [vocab_size_per_layer_input, layers × P] (a lookup table),
//   per_layer_model_projection [layers × P, hidden] and its norm [P]; per layer per_layer_input_gate
//   (hidden -> P), per_layer_projection (P -> hidden), post_per_layer_input_norm.
// - AltUp (Gemma3nTextAltUp, n = altup_num_inputs): per layer correct_output_scale [hidden],
//   correction_coefs [n, n], prediction_coefs [n², n], modality_router [n, hidden], router_norm [hidden];
//   model altup_projections and altup_unembed_projections, n − 1 Linear(hidden, hidden) each.
// - LAuReL (Gemma3nTextLaurelBlock): linear_left [laurel_rank, hidden], linear_right [hidden, laurel_rank],
//   post_laurel_norm [hidden].
// - KV sharing: the last num_kv_shared_layers layers reuse the cache of the last earlier layer of the same
//   kind (kv_shared_from) but, unlike Gemma 4, still own k_proj, v_proj and k_norm (created in __init__,
//   unused), listed as their extra tensors so the total counts them.
// Tied head (Gemma3nTextConfig default).
void read_gemma3n_text(ConfigView& config, Model& model) {
  model.norm_placement = NormPlacement::Sandwich;
  Layer base;
  base.attention = read_attention(config, model);
  base.attention.qk_norm = QkNorm::PerHead;
  base.ffn.kind = FfnKind::Dense;
  base.ffn.gated = true;
  base.ffn.activation = config.string_or(Key::HiddenAct, "gelu_pytorch_tanh");
  const std::int64_t count = config.require_int(Key::NumLayers);
  if (!config.ok()) return;
  const auto layers = static_cast<std::size_t>(count);
  std::vector<std::int64_t> widths;
  if (const nlohmann::json* width = config.find(Key::IntermediateSize); width && width->is_array())
    widths = config.per_layer_list<std::int64_t>(Key::IntermediateSize, layers);
  else
    widths.assign(layers, config.require_int(Key::IntermediateSize));
  if (!config.ok()) return;
  if (widths.size() != layers) {
    config.fail("intermediate_size", fmt::format("expected {} entries (num_hidden_layers), got {}", layers, widths.size()));
    return;
  }
  model.layers.assign(layers, base);
  for (std::size_t i = 0; i < layers; ++i) model.layers[i].ffn.intermediate_size = widths[i];
  std::vector<double> sparsity = config.number_list_named(Key::ActivationSparsityPattern);
  if (!config.ok()) return;
  if (!sparsity.empty() && sparsity.size() != layers) {
    config.fail("activation_sparsity_pattern",
                fmt::format("expected {} entries (num_hidden_layers), got {}", layers, sparsity.size()));
    return;
  }
  for (std::size_t i = 0; i < sparsity.size(); ++i) model.layers[i].ffn.activation_sparsity = sparsity[i];
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (!apply_layer_types(config, model, window)) return;
  const double local_theta = config.number_named(Key::RopeLocalBaseFreq, 10000.0);
  for (Layer& layer : model.layers)
    if (layer.attention.span == AttentionSpan::SlidingWindow) layer.attention.rope_theta = local_theta;

  const std::int64_t hidden = model.hidden_size;
  const std::int64_t per_layer = config.int_named(Key::HiddenSizePerLayerInput, 0, 0, 1 << 16);
  if (per_layer > 0) {
    const std::int64_t packed = count * per_layer;
    const std::int64_t vocab = config.int_named(Key::VocabSizePerLayerInput, model.vocab_size, 1, 1 << 26);
    model.extra.push_back({Component::Embedding, "model.embed_tokens_per_layer.weight", {vocab, packed}});
    model.extra.push_back({Component::Other, "model.per_layer_model_projection.weight", {packed, hidden}});
    model.extra.push_back({Component::Norm, "model.per_layer_projection_norm.weight", {per_layer}});
    for (Layer& layer : model.layers) {
      layer.extra.push_back({Component::Other, "per_layer_input_gate.weight", {per_layer, hidden}});
      layer.extra.push_back({Component::Other, "per_layer_projection.weight", {hidden, per_layer}});
      layer.extra.push_back({Component::Norm, "post_per_layer_input_norm.weight", {hidden}});
    }
    config.note_source("per-layer inputs", "hidden_size_per_layer_input");
  }
  const std::int64_t n = config.int_named(Key::AltupNumInputs, 4, 1, 64);
  if (n > 1) {
    model.extra.push_back({Component::Other, "model.altup_projections.weight", {hidden, hidden}, n - 1, n - 1});
    model.extra.push_back(
        {Component::Other, "model.altup_unembed_projections.weight", {hidden, hidden}, n - 1, n - 1});
    for (Layer& layer : model.layers) {
      layer.extra.push_back({Component::Other, "altup.correct_output_scale", {hidden}});
      layer.extra.push_back({Component::Other, "altup.correction_coefs.weight", {n, n}});
      layer.extra.push_back({Component::Other, "altup.prediction_coefs.weight", {n * n, n}});
      layer.extra.push_back({Component::Other, "altup.modality_router.weight", {n, hidden}});
      layer.extra.push_back({Component::Norm, "altup.router_norm.weight", {hidden}});
    }
    config.note_source("AltUp", "altup_num_inputs");
  }
  const std::int64_t rank = config.int_named(Key::LaurelRank, 64, 0, 1 << 16);
  if (rank > 0) {
    for (Layer& layer : model.layers) {
      layer.extra.push_back({Component::Other, "laurel.linear_left.weight", {rank, hidden}});
      layer.extra.push_back({Component::Other, "laurel.linear_right.weight", {hidden, rank}});
      layer.extra.push_back({Component::Norm, "laurel.post_laurel_norm.weight", {hidden}});
    }
    config.note_source("LAuReL", "laurel_rank");
  }
  const std::int64_t shared = config.int_named(Key::NumKvSharedLayers, 0, 0, 4096);
  const std::int64_t first_shared = count - shared;
  for (std::int64_t i = std::max<std::int64_t>(first_shared, 1); i < count; ++i) {
    Layer& layer = model.layers[static_cast<std::size_t>(i)];
    const std::string key = layer_mixer_key(layer);
    for (std::int64_t j = first_shared - 1; j >= 0; --j)
      if (layer_mixer_key(model.layers[static_cast<std::size_t>(j)]) == key) {
        layer.attention.kv_shared_from = j;
        break;
      }
    if (layer.attention.kv_shared_from < 0) continue;
    const AttentionSpec& a = layer.attention;
    layer.extra.push_back({Component::Attention, "self_attn.k_proj.weight", {a.num_kv_heads * a.head_dim, hidden}});
    layer.extra.push_back({Component::Attention, "self_attn.v_proj.weight", {a.num_kv_heads * a.head_dim, hidden}});
    layer.extra.push_back({Component::Attention, "self_attn.k_norm.weight", {a.head_dim}});
  }
  if (shared > 0) config.note_source("KV sharing", "num_kv_shared_layers");
}

}  // namespace llmg
