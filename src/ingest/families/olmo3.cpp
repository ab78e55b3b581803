// OLMo 3 (model_type olmo3).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// OLMo 3 (Olmo3ForCausalLM): OLMo 2's post-norm and full-width QK-norm, with three sliding-window
// layers per full-attention layer from layer_types.
void read_olmo3(ConfigView& config, Model& model) {
  read_olmo2(config, model);
}

}  // namespace llmg
