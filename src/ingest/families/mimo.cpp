// MiMo (MiMo-7B; model_type mimo, remote code modeling_mimo.py MiMoForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/remote_code.h"
#include "ingest/families/steps.h"

namespace llmg {

// MiMoForCausalLM subclasses Qwen2ForCausalLM (q/k/v bias, o without; Qwen2's window rules) and adds
// num_nextn_predict_layers MiMoMTPLayers: token_layernorm, hidden_layernorm, input_proj (2 × hidden ->
// hidden, no bias), final_layernorm and one Qwen2 decoder block (input_layernorm, Qwen2Attention,
// post_attention_layernorm, Qwen2MLP): 16 tensors, the make_mtp_layer shape without stored embeddings
// (the MTP layers share embed_tokens and lm_head).
void read_mimo(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_mimo.py (MiMoForCausalLM)");
  read_qwen2(config, model);
  const std::int64_t mtp = config.int_or(Key::NumMtpLayers, 0);
  for (std::int64_t i = 0; i < mtp && !model.layers.empty(); ++i)
    model.mtp_layers.push_back(make_mtp_layer(model, model.layers.back(), /*stores_embeddings=*/false));
}

}  // namespace llmg
