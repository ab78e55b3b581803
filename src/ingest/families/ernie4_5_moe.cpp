// ERNIE 4.5 MoE (model_type ernie4_5_moe; transformers Ernie4_5_MoeForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Ernie4_5_MoeDecoderLayer: the Llama attention (use_bias on q/k/v/o); layer i is sparse when
// (i + 1) % moe_layer_interval == 0 and moe_layer_start_index <= i <= moe_layer_end_index (-1: the last
// layer), else a dense MLP of intermediate_size. The sparse block: router Linear(hidden, moe_num_experts)
// without bias, Ernie4_5_MoeStatics' e_score_correction_bias (an nn.Parameter, counted), moe_num_experts
// experts of moe_intermediate_size, and the moe_num_shared_experts shared experts fused into one MLP of
// moe_intermediate_size × moe_num_shared_experts. top-k from moe_k.
void read_ernie4_5_moe(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  const bool bias = config.bool_named(Key::UseBias, false);
  layer.attention.q_bias = layer.attention.k_bias = layer.attention.v_bias = layer.attention.o_bias = bias;
  layer.ffn.bias = bias;
  fill_layers(config, model, layer);
  FeedForwardSpec moe = read_moe_ffn(config, {.shared = SharedExperts::None, .router_bias = true});
  const std::int64_t shared = config.int_named(Key::MoeNumSharedExperts, 0);
  if (shared > 0) {
    moe.num_shared_experts = 1;
    moe.shared_intermediate_size = moe.expert_intermediate_size * shared;
  }
  const auto layers = model.layer_count();
  const std::int64_t start = config.int_named(Key::MoeLayerStartIndex, 0);
  std::int64_t end = config.int_named(Key::MoeLayerEndIndex, -1);
  if (end < 0) end = layers - 1;
  const std::int64_t interval = config.int_named(Key::MoeLayerInterval, 1);
  for (std::int64_t i = 0; i < layers; ++i)
    if ((i + 1) % interval == 0 && i >= start && i <= end) model.layers[static_cast<std::size_t>(i)].ffn = moe;
  config.note_source("MoE layers", "moe_layer_start_index, moe_layer_end_index, moe_layer_interval");
}

}  // namespace llmg
