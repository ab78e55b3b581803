// Gemma 4 (model_types gemma4, gemma4_text).
#include <algorithm>
#include <fmt/format.h>
#include "ingest/families/gemma3.h"
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Gemma 4 (Gemma4ForConditionalGeneration, text_config gemma4_text): Gemma 3's sandwich norms, QK-norm
// and five sliding layers per global layer (layer_types), but global layers have their own KV heads
// (num_global_key_value_heads), a wider head (global_head_dim) and, with attention_k_eq_v, one
// projection serving as both K and V (one cached tensor; no v_proj). Partial RoPE on global layers
// (rope_parameters.full_attention.partial_rotary_factor). With enable_moe_block the layer runs a routed
// MoE (num_experts, top_k_experts, moe_intermediate_size) beside the dense MLP, shown as a shared expert.
// The KV figures this yields match the published 840 KiB (31B) and 210 KiB (26B-A4B) per token.
void read_gemma4(ConfigView& config, Model& model) {
  Layer sliding = gemma_layer(config, model);
  sliding.attention.rope_fraction = 1.0;
  sliding.attention.rope_theta = read_rope_theta(config, "sliding_attention", model.rope_theta);
  const FeedForwardSpec dense = sliding.ffn;
  if (config.bool_named(Key::EnableMoeBlock, false)) {
    FeedForwardSpec moe = read_moe_ffn(config, MoeOptions{.shared = SharedExperts::None});
    moe.activation = dense.activation;  // Gemma names it hidden_activation (read by gemma_layer)
    moe.num_shared_experts = 1;
    moe.shared_intermediate_size = dense.intermediate_size;
    sliding.ffn = moe;
    model.notes.push_back("Gemma 4 MoE: the dense MLP runs beside the routed experts, shown as a shared expert");
  }
  Layer global = sliding;
  global.attention.num_kv_heads =
      config.int_named(Key::NumGlobalKeyValueHeads, sliding.attention.num_kv_heads, 1, 1 << 16);
  global.attention.head_dim = config.int_named(Key::GlobalHeadDim, sliding.attention.head_dim, 1, 1 << 16);
  global.attention.value_head_dim = global.attention.head_dim;
  global.attention.keys_are_values = config.bool_named(Key::AttentionKEqV, false);
  global.attention.rope_fraction = config.number_named(Key::RopeParametersFullAttentionPartialRotaryFactor, 1.0);
  global.attention.rope_theta = read_rope_theta(config, "full_attention", model.rope_theta);
  fill_layers(config, model, global);
  const std::int64_t window = config.require_int(Key::SlidingWindow);
  // By hand: the two kinds take different prototypes (global: own KV heads, head_dim, rope), and only
  // full/sliding are valid here, where apply_layer_types would also accept chunked and linear kinds.
  const auto types = config.string_list_named(Key::LayerTypes);
  if (types.size() != model.layers.size()) {
    config.fail("layer_types", fmt::format("expected {} entries (num_hidden_layers), got {}", model.layers.size(),
                                           types.size()));
    return;
  }
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (types[i] == "sliding_attention") {
      model.layers[i] = sliding;
      make_sliding(model.layers[i], window);
    } else if (types[i] != "full_attention") {
      config.fail(fmt::format("layer_types[{}]", i), fmt::format("unknown layer type \"{}\"", types[i]));
      return;
    }
  }
  config.note_source("layer mix", "layer_types");
  // Per-layer inputs (E2B/E4B; Gemma4TextModel / Gemma4TextDecoderLayer in transformers modular_gemma4.py):
  // a packed lookup table embed_tokens_per_layer [vocab_per_layer, layers × P] and a projection of the
  // token embedding per_layer_model_projection [layers × P, hidden] with its norm per_layer_projection_norm
  // [P]; each layer gates the slice (per_layer_input_gate hidden -> P), projects it back
  // (per_layer_projection P -> hidden) and norms it (post_per_layer_input_norm). Only the table is a
  // lookup; the rest runs for every token. (layer_scalar is a buffer, not a parameter.)
  const std::int64_t per_layer = config.int_named(Key::HiddenSizePerLayerInput, 0, 0, 1 << 16);
  if (per_layer > 0) {
    const std::int64_t hidden = model.hidden_size;
    const std::int64_t packed = model.layer_count() * per_layer;
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
  // The last num_kv_shared_layers layers reuse the KV of the last earlier layer of the same type and have
  // no k_proj / v_proj / k_norm of their own (Gemma4TextAttention). With use_double_wide_mlp those same
  // layers run an MLP twice as wide (Gemma4TextMLP: layer_idx >= first_kv_shared_layer_idx > 0).
  const std::int64_t shared = config.int_named(Key::NumKvSharedLayers, 0, 0, 4096);
  const std::int64_t first_shared = model.layer_count() - shared;
  const bool double_wide = config.bool_named(Key::UseDoubleWideMlp, false);
  for (std::int64_t i = std::max<std::int64_t>(first_shared, 0); i < model.layer_count(); ++i) {
    Layer& layer = model.layers[static_cast<std::size_t>(i)];
    if (double_wide && first_shared > 0 && layer.ffn.kind == FfnKind::Dense) layer.ffn.intermediate_size *= 2;
    const std::string key = layer_mixer_key(layer);
    for (std::int64_t j = first_shared - 1; j >= 0; --j)
      if (layer_mixer_key(model.layers[static_cast<std::size_t>(j)]) == key) {
        layer.attention.kv_shared_from = j;
        break;
      }
  }
  if (double_wide && shared > 0) config.note_source("double-wide MLP", "use_double_wide_mlp (KV-shared layers)");
}

}  // namespace llmg
