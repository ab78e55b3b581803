// Llama and Mistral (model_types llama, mistral): the Llama layout.
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Llama 2/3/3.x and Mistral: q/k/v/o bias from attention_bias, head_dim decoupled when given.
// A "llama" GGUF with llama.expert_count is Mixtral: convert_hf_to_gguf writes MixtralForCausalLM as
// LLM_ARCH_LLAMA with expert_count / expert_used_count, so it reads as Mixtral's layout.
void read_llama(ConfigView& config, Model& model) {
  if (config.int_or(Key::NumExperts, 0) > 0) return read_mixtral(config, model);
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
}

}  // namespace llmg
