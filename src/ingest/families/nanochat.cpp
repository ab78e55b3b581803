// NanoChat (model_type nanochat) and Jais 2 (model_type jais2).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// NanoChat (NanoChatForCausalLM, transformers modular_nanochat.py; karpathy/nanochat): every norm is
// NanoChatRMSNorm = Llama4TextL2Norm, an RMS normalization with no weight (input, post-attention, the norm
// applied to the embeddings before the first layer and the final norm are all parameter-free); Qwen3-style
// attention q/k/v/o (bias when attention_bias) with weight-free q/k norms per head after RoPE; an ungated
// MLP fc1 / fc2 without bias, squared ReLU by default (hidden_act "relu2"); untied LM head with
// final_logit_softcapping (15 by default; no parameters).
void read_nanochat(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::RMSNormNoWeight;
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.qk_norm = QkNorm::PerHeadNoWeight;
  layer.ffn = read_dense_ffn(config, /*gated=*/false);
  layer.ffn.activation = config.string_or(Key::HiddenAct, "relu2");
  fill_layers(config, model, layer);
  model.notes.push_back("NanoChat: the embeddings are RMS-normalized before the first layer; logits soft-capped "
                        "(final_logit_softcapping)");
}

// Jais 2 (Jais2ForCausalLM, transformers modular_jais2.py; inceptionai/Jais-2-8B): the Llama stack with
// nn.LayerNorm (weight and bias) as input, post-attention and final norm, attention q/k/v/o with bias
// (attention_bias default true), an ungated NemotronMLP up_proj / down_proj with bias (mlp_bias default true)
// and squared ReLU (hidden_act default "relu2"); RoPE; untied by default.
void read_jais2(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = config.bool_or(Key::AttentionBias, true);
  layer.ffn = read_dense_ffn(config, /*gated=*/false);
  layer.ffn.bias = config.bool_or(Key::MlpBias, true);
  layer.ffn.activation = config.string_or(Key::HiddenAct, "relu2");
  fill_layers(config, model, layer);
}

}  // namespace llmg
