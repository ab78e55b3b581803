// LFM2 (model_type lfm2; transformers Lfm2ForCausalLM).
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// Lfm2MLP's width: intermediate_size (block_ff_dim in the original configs); with
// block_auto_adjust_ff_dim, int(2 × width / 3), times block_ffn_dim_multiplier (int()), rounded up to a
// multiple of block_multiple_of. LFM2-1.2B: 12288 -> 8192 -> 8192 -> 8192.
std::int64_t lfm2_ffn_width(ConfigView& config) {
  std::int64_t width = config.find(Key::BlockFfDim) ? config.int_named(Key::BlockFfDim, 0)
                                                      : config.require_int(Key::IntermediateSize);
  if (!config.bool_named(Key::BlockAutoAdjustFfDim, true)) return width;
  width = 2 * width / 3;
  const double multiplier = config.number_named(Key::BlockFfnDimMultiplier, 1.0);
  width = static_cast<std::int64_t>(std::floor(multiplier * static_cast<double>(width)));
  const std::int64_t multiple = config.int_named(Key::BlockMultipleOf, 256);
  config.note_source("intermediate_size", "block_ff_dim adjusted (block_auto_adjust_ff_dim)");
  return multiple * ((width + multiple - 1) / multiple);
}

}  // namespace

// The LFM2 stack with a dense MLP of `ffn_width` in every layer (read_lfm2, read_lfm2_moe).
void read_lfm2_layers(ConfigView& config, Model& model, std::int64_t ffn_width);

// Lfm2DecoderLayer: operator_norm and ffn_norm (RMSNorm, pre-norm), a token mixer that is either GQA
// attention with q_layernorm / k_layernorm RMSNorm(head_dim) (out_proj without bias) or the gated short
// convolution (MixerKind::ShortConv, conv_L_cache wide, conv_bias), and a SwiGLU MLP (w1, w3, w2, no bias)
// of lfm2_ffn_width. Which layers attend: layer_types ("full_attention" / "conv"), else full_attn_idxs,
// else every layer (Lfm2Config). Tied embeddings by default; the final norm is `embedding_norm`.
void read_lfm2(ConfigView& config, Model& model) { read_lfm2_layers(config, model, lfm2_ffn_width(config)); }

// LFM2-MoE (model_type lfm2_moe; Lfm2MoeForCausalLM): LFM2's layers; the first num_dense_layers keep a dense
// SwiGLU MLP of intermediate_size (Lfm2MoeMLP, no width adjustment), the others are Lfm2MoeSparseMoeBlock:
// router Linear(hidden, num_experts) without bias and num_experts experts of moe_intermediate_size, no shared
// expert (its expert_bias is a buffer, not a parameter).
void read_lfm2_moe(ConfigView& config, Model& model) {
  read_lfm2_layers(config, model, config.require_int(Key::IntermediateSize));
  const FeedForwardSpec moe = read_moe_ffn(config, MoeOptions{.shared = SharedExperts::None});
  const std::int64_t dense = config.int_named(Key::NumDenseLayers, 2);
  for (std::size_t i = 0; i < model.layers.size(); ++i)
    if (static_cast<std::int64_t>(i) >= dense) model.layers[i].ffn = moe;
  config.note_source("MoE layers", "num_dense_layers");
}

void read_lfm2_layers(ConfigView& config, Model& model, std::int64_t ffn_width) {
  Layer attention;
  attention.attention = read_attention(config, model);
  attention.attention.qk_norm = QkNorm::PerHead;
  attention.ffn.kind = FfnKind::Dense;
  attention.ffn.gated = true;
  attention.ffn.activation = "silu";
  attention.ffn.intermediate_size = ffn_width;
  fill_layers(config, model, attention);
  Layer conv = attention;
  conv.mixer = MixerKind::ShortConv;
  conv.attention = {};
  conv.recurrent.conv_channels = model.hidden_size;
  conv.recurrent.conv_kernel = config.int_named(Key::ConvLCache, 3);
  conv.recurrent.conv_bias = config.bool_named(Key::ConvBias, false);
  if (config.find(Key::LayerTypes)) {
    const auto types = config.per_layer_list<std::string>(Key::LayerTypes, model.layers.size());
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (types[i] == "conv") {
        model.layers[i] = conv;
      } else if (types[i] != "full_attention") {
        config.fail(fmt::format("layer_types[{}]", i), fmt::format("unknown layer type \"{}\" (conv or full_attention)", types[i]));
        return;
      }
    }
    config.note_source("layer mix", "layer_types");
  } else if (config.find(Key::FullAttnIdxs)) {
    const auto full = config.int_list_named(Key::FullAttnIdxs);
    for (std::int64_t index : full)
      if (index < 0 || index >= model.layer_count()) {
        config.fail("full_attn_idxs", fmt::format("expected layer indices in [0, {}), got {}", model.layer_count(), index));
        return;
      }
    for (std::size_t i = 0; i < model.layers.size(); ++i)
      if (std::find(full.begin(), full.end(), static_cast<std::int64_t>(i)) == full.end()) model.layers[i] = conv;
    config.note_source("layer mix", "full_attn_idxs");
  }
}

}  // namespace llmg
