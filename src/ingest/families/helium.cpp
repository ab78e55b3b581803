// Helium (model_type helium; transformers HeliumForCausalLM) and Ministral (model_type ministral).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// HeliumDecoderLayer: the Llama layout (attention_bias, mlp_bias).
void read_helium(ConfigView& config, Model& model) { read_llama(config, model); }

// Ministral (MinistralConfig / MinistralAttention, the Qwen2 layout without bias): when layer_types is
// absent, every layer is sliding_attention if sliding_window is set, else full_attention.
void read_ministral(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
  if (!config.find(Key::LayerTypes)) sliding_when_window_set(config, model);
}

}  // namespace llmg
