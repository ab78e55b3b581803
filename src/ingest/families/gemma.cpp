// Gemma and Gemma 2 (model_types gemma, gemma2).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Gemma (GemmaForCausalLM, modeling_gemma.py): the Llama layout with a GeGLU MLP (hidden_activation,
// gelu_pytorch_tanh), head_dim given apart from hidden / heads (Gemma 7B: 16 × 256 = 4096 ≠ 3072), tied
// embeddings scaled by √hidden (no parameter). RMSNorm as (1 + weight): the same count.
void read_gemma(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
}

// Gemma 2 (Gemma2ForCausalLM, modeling_gemma2.py): Gemma's layer with four RMSNorms per layer (input,
// post-attention, pre-feedforward, post-feedforward: sandwich), and sliding-window attention on every
// other layer: layer_types when the file has them, else Gemma2Config's default, layer i sliding when
// (i + 1) % 2 != 0 (layers 0, 2, 4, … sliding; 1, 3, 5, … global), window sliding_window (4096).
// Logit soft-capping and query_pre_attn_scalar carry no parameters.
void read_gemma2(ConfigView& config, Model& model) {
  model.norm_placement = NormPlacement::Sandwich;
  Layer layer = llama_layer(config, model);
  fill_layers(config, model, layer);
  layer_types_or_global_every(config, model, 2, false, "Gemma2Config default: every second layer global (layer i sliding when (i + 1) % 2)");
}

}  // namespace llmg
