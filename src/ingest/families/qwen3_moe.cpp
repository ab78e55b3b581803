// Qwen3-MoE (model_type qwen3_moe).
#include <algorithm>
#include <fmt/format.h>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Qwen3-MoE (Qwen3MoeSparseMoeBlock): per-head QK-norm, no shared expert; layer i is MoE unless listed
// in mlp_only_layers, and only every decoder_sparse_step-th layer ((i + 1) % step == 0).
void read_qwen3_moe(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, layer);
  const FeedForwardSpec moe = read_moe_ffn(config);
  FeedForwardSpec dense;
  const auto mlp_only = read_layer_indices(config, Key::MlpOnlyLayers, model.layers.size());
  const std::int64_t step = config.int_named(Key::DecoderSparseStep, 1, 1, 4096);
  const bool has_dense = !mlp_only.empty() || step > 1;
  if (has_dense) dense = read_dense_ffn(config);
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const auto index = static_cast<std::int64_t>(i);
    const bool listed = std::find(mlp_only.begin(), mlp_only.end(), index) != mlp_only.end();
    model.layers[i].ffn = (!listed && (index + 1) % step == 0) ? moe : dense;
  }
  apply_layer_types(config, model, config.int_or(Key::SlidingWindow, 0));
}

}  // namespace llmg
