// FlexOlmo (model_type flex_olmo).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// FlexOlmo (FlexOlmoForCausalLM, transformers modular_flex_olmo.py): OLMoE's layer with OLMo 2's norm
// placement — Olmo2Attention (q/k/v/o without bias, RMSNorm q_norm over heads × head_dim and k_norm over
// kv heads × head_dim), post_attention_layernorm and post_feedforward_layernorm after the sub-blocks (no
// input_layernorm), and OlmoeSparseMoeBlock: router gate Linear(hidden, num_experts, bias=False) and
// num_experts gated SiLU experts of width intermediate_size, num_experts_per_tok of them per token, no
// shared expert. Final norm, untied head (FlexOlmoConfig default). No sliding window.
void read_flex_olmo(ConfigView& config, Model& model) {
  model.norm_placement = NormPlacement::Post;
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.qk_norm = QkNorm::FullWidth;
  MoeOptions options;
  options.width = Key::IntermediateSize;
  options.shared = SharedExperts::None;
  layer.ffn = read_moe_ffn(config, options);
  fill_layers(config, model, layer);
}

}  // namespace llmg
