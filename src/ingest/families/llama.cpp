// Llama and Mistral (model_types llama, mistral): the Llama layout.
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Llama 2/3/3.x and Mistral: q/k/v/o bias from attention_bias, head_dim decoupled when given.
void read_llama(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
}

}  // namespace llmg
