// Granite MoE with a shared expert (model_type granitemoeshared).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GraniteMoeShared (GraniteMoeSharedForCausalLM, transformers modeling_granitemoeshared.py): GraniteMoE's
// layer (read_mixtral: router Linear(hidden, num_local_experts), num_local_experts gated experts of
// intermediate_size) plus, when shared_intermediate_size > 0, one always-on GraniteMoeSharedMLP:
// input_linear Linear(hidden, 2 × shared_intermediate_size) (gate and up) and output_linear back, no bias.
void read_granitemoeshared(ConfigView& config, Model& model) {
  read_mixtral(config, model);
  const std::int64_t shared = config.int_or(Key::SharedIntermediateSize, 0);
  if (shared <= 0) return;
  for (Layer& layer : model.layers) {
    layer.ffn.num_shared_experts = 1;
    layer.ffn.shared_intermediate_size = shared;
  }
}

}  // namespace llmg
