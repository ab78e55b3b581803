// EXAONE 3.0 / 3.5 (model_type exaone, remote code modeling_exaone.py ExaoneForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/remote_code.h"
#include "ingest/families/steps.h"

namespace llmg {

// ExaoneBlock: ln_1 / ln_2 RMSNorm, ExaoneAttention q_proj / k_proj / v_proj / out_proj without bias
// (GQA from num_key_value_heads), ExaoneGatedMLP c_fc_0 / c_fc_1 / c_proj without bias (SwiGLU from
// activation_function), wte, ln_f, lm_head (tied in the 2.4B, untied in the 7.8B and 32B: the file says).
// The Llama layout under GPT-2-style names (num_layers, layer_norm_epsilon, activation_function).
void read_exaone(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_exaone.py (ExaoneForCausalLM)");
  Layer layer = llama_layer(config, model);
  fill_layers(config, model, layer);
}

}  // namespace llmg
