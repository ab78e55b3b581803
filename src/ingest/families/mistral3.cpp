// Mistral 3 (model_type mistral3): a multimodal wrapper around a Llama- or DeepSeek-V3-layout decoder.
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Mistral 3 (Mistral3ForConditionalGeneration: Mistral Small 3.x, Ministral 3): a Pixtral vision tower
// (left out) in front of the text decoder that text_config.model_type names — "mistral" / "ministral3",
// the Llama layout, or "deepseek_v3" / "mistral4" (Mistral Large 3, Mistral Small 4: MLA and
// fine-grained experts, transformers' DeepseekV3 and Mistral4 classes).
void read_mistral3(ConfigView& config, Model& model) {
  const std::string text_type = config.string_named(Key::ModelType, "mistral");  // text_config's when present
  if (text_type == "deepseek_v3" || text_type == "mistral4") {
    read_deepseek_v3(config, model);
  } else {
    read_llama(config, model);
  }
  config.note_source("text decoder", "text_config.model_type (" + text_type + ")");
  // The Pixtral vision encoder and the projector are towers (families/wrappers.cpp), not in total.
}

}  // namespace llmg
