// Qwen2-MoE / Qwen1.5-MoE (model_type qwen2_moe; transformers Qwen2MoeForCausalLM).
#include <algorithm>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Qwen2MoeDecoderLayer: Qwen2 attention (bias on q, k, v; none on o); layer i is a Qwen2MoeSparseMoeBlock
// (router Linear(hidden, num_experts) without bias, num_experts experts of moe_intermediate_size, one shared
// expert of shared_expert_intermediate_size behind a sigmoid shared_expert_gate Linear(hidden, 1)) unless
// listed in mlp_only_layers, and only every decoder_sparse_step-th layer ((i + 1) % step == 0); other layers
// are a dense MLP of intermediate_size. Windows: qwen2_window_layers (Qwen2MoeConfig's rule).
void read_qwen2_moe(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.q_bias = layer.attention.k_bias = layer.attention.v_bias = true;
  layer.attention.o_bias = false;
  fill_layers(config, model, layer);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.shared_expert_gate = moe.num_shared_experts > 0;
  const auto mlp_only = config.int_list_named(Key::MlpOnlyLayers);
  const std::int64_t step = config.int_named(Key::DecoderSparseStep, 1, 1, 4096);
  FeedForwardSpec dense;
  if (!mlp_only.empty() || step > 1) dense = read_dense_ffn(config);
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const auto index = static_cast<std::int64_t>(i);
    const bool listed = std::find(mlp_only.begin(), mlp_only.end(), index) != mlp_only.end();
    model.layers[i].ffn = (!listed && (index + 1) % step == 0) ? moe : dense;
  }
  qwen2_window_layers(config, model, /*moe_rule=*/true);
}

}  // namespace llmg
