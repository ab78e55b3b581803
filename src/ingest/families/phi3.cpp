// Phi-3 / Phi-4 (model_type phi3).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Phi-3 / Phi-4: fused qkv_proj and gate_up_proj (same shapes in total), no biases.
void read_phi3(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
}

}  // namespace llmg
