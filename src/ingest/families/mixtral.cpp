// Mixtral (model_type mixtral; also granitemoe, which shares the layout).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Mixtral (MixtralForCausalLM, transformers modeling_mixtral.py): the Llama attention, and in every
// layer a sparse MoE block: a router `gate` Linear(hidden, num_local_experts, bias=False) and
// num_local_experts gated SiLU experts w1/w3 (hidden -> intermediate_size) and w2 (back), no shared
// expert. The expert width is intermediate_size (Mixtral has no moe_intermediate_size).
// GraniteMoE (GraniteMoeForCausalLM) has the same tensors: its experts are stored fused as
// input_linear [E, 2·intermediate, hidden] (gate and up) and output_linear [E, hidden, intermediate],
// its router GraniteMoeTopKGating.layer Linear(hidden, E, bias=False); the µP multipliers
// (embedding/attention/residual/logits) carry no parameters.
void read_mixtral(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  MoeOptions options;
  options.width = Key::IntermediateSize;
  options.shared = SharedExperts::None;
  layer.ffn = read_moe_ffn(config, options);
  read_llama_like(config, model, layer);
}

}  // namespace llmg
