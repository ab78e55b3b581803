// DeepSeek V1 / DeepSeekMoE (model_type deepseek, remote code modeling_deepseek.py DeepseekForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/remote_code.h"
#include "ingest/families/steps.h"

namespace llmg {

// DeepseekDecoderLayer (deepseek-moe-16b): Llama attention (q/k/v/o, bias = attention_bias) in every layer;
// DeepseekMoE on layer i when n_routed_experts is set, i >= first_k_dense_replace and i % moe_layer_freq == 0,
// else the dense MLP of intermediate_size. DeepseekMoE: n_routed_experts experts of moe_intermediate_size,
// MoEGate weight (n_routed_experts × hidden, no bias, softmax top-k), and one shared DeepseekMLP of
// moe_intermediate_size × n_shared_experts (counted as n_shared_experts expert-sized MLPs: the same tensors'
// sizes). No MLA, no MTP: those came with DeepSeek V2 / V3.
void read_deepseek(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_deepseek.py (DeepseekForCausalLM)");
  Layer layer = llama_layer(config, model);
  fill_layers(config, model, layer);
  if (!config.find(Key::NumExperts)) return;  // DeepseekConfig: n_routed_experts None = a dense model
  const FeedForwardSpec moe = read_moe_ffn(config);
  apply_moe_schedule(config, model, layer.ffn, moe);
}

}  // namespace llmg
