// SmolLM3 (model_type smollm3).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// SmolLM3 (SmolLM3ForCausalLM): Llama layout with NoPE in every no_rope_layer_interval-th layer.
// no_rope_layers[i] = 1 means layer i uses RoPE (transformers SmolLM3Config; default interval 4).
void read_smollm3(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
  auto uses_rope = config.int_list_named(Key::NoRopeLayers);
  if (uses_rope.empty()) {
    const std::int64_t interval = config.int_named(Key::NoRopeLayerInterval, 4, 1, 4096);
    for (std::size_t i = 0; i < model.layers.size(); ++i)
      uses_rope.push_back((static_cast<std::int64_t>(i) + 1) % interval != 0 ? 1 : 0);
    config.note_source("no_rope_layers", "SmolLM3Config default (every 4th layer NoPE)");
  } else if (uses_rope.size() != model.layers.size()) {
    config.fail("no_rope_layers", "expected one entry per layer");
    return;
  }
  for (std::size_t i = 0; i < model.layers.size(); ++i)
    if (uses_rope[i] == 0) model.layers[i].attention.rope_fraction = 0.0;
}

}  // namespace llmg
