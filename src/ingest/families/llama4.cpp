// Llama 4 (model_types llama4, llama4_text).
#include <algorithm>
#include <fmt/format.h>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Llama 4 (Llama4TextModel): MoE every interleave_moe_layer_step-th layer (top-1 routed + one shared
// expert of intermediate_size), dense layers of intermediate_size_mlp; chunked attention with RoPE in
// three of four layers and a global NoPE layer every no_rope_layer_interval-th (default 4).
void read_llama4(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  fill_layers(config, model, layer);
  FeedForwardSpec moe =
      read_moe_ffn(config, MoeOptions{.width = Key::IntermediateSize, .shared = SharedExperts::None});
  moe.num_shared_experts = 1;
  moe.shared_intermediate_size = moe.expert_intermediate_size;
  FeedForwardSpec dense = moe;
  dense.kind = FfnKind::Dense;
  dense.intermediate_size = config.int_named(Key::IntermediateSizeMlp, 0, 1, 1 << 22);
  const std::int64_t step = config.int_named(Key::InterleaveMoeLayerStep, 1, 1, 4096);
  const auto moe_layers = config.int_list_named(Key::MoeLayers);
  const std::int64_t chunk = config.int_or(Key::AttentionChunkSize, 0);
  auto no_rope = config.int_list_named(Key::NoRopeLayers);
  const std::int64_t no_rope_interval = config.int_named(Key::NoRopeLayerInterval, 4, 1, 4096);
  if (no_rope.empty()) {
    // Llama4TextConfig default: no_rope_layers[i] = int((i + 1) % no_rope_layer_interval != 0);
    // 1 means the layer uses RoPE.
    for (std::size_t i = 0; i < model.layers.size(); ++i)
      no_rope.push_back((static_cast<std::int64_t>(i) + 1) % no_rope_interval != 0 ? 1 : 0);
    config.note_source("no_rope_layers", "Llama4TextConfig default (every 4th layer NoPE)");
  }
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const auto index = static_cast<std::int64_t>(i);
    bool is_moe = (index + 1) % step == 0;
    if (!moe_layers.empty()) is_moe = std::find(moe_layers.begin(), moe_layers.end(), index) != moe_layers.end();
    model.layers[i].ffn = is_moe ? moe : dense;
    const bool uses_rope = i < no_rope.size() ? no_rope[i] != 0 : true;
    if (uses_rope && chunk > 0) {
      model.layers[i].attention.span = AttentionSpan::Chunked;
      model.layers[i].attention.window = chunk;
    } else if (!uses_rope) {
      model.layers[i].attention.rope_fraction = 0.0;
    }
  }
  if (dense.intermediate_size == 0 && step > 1) config.fail("intermediate_size_mlp", "required key is missing");
}

}  // namespace llmg
