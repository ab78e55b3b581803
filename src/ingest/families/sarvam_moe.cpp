// Sarvam MoE (SarvamMoeForCausalLM, model_type sarvam_moe: Sarvam-30B). Tensor shapes follow Hugging
// Face transformers src/transformers/models/sarvam_moe/modular_sarvam_moe.py: Qwen3Attention (q/k/v/o
// with per-head q_norm / k_norm; head_dim defaults to hidden_size / num_attention_heads), dense
// SarvamMoeMLP for the first first_k_dense_replace layers, then SarvamMoeSparseMoeBlock: a sigmoid
// router with e_score_correction_bias, num_experts experts of moe_intermediate_size and one shared MLP
// of moe_intermediate_size × num_shared_experts.
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

void read_sarvam_moe(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, layer);
  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe;
  moe.kind = FfnKind::MoE;
  moe.num_experts = config.require_int(Key::NumExperts);
  moe.experts_per_token = config.require_int(Key::ExpertsPerToken);
  moe.expert_intermediate_size = config.require_int(Key::MoeIntermediateSize);
  // SarvamMoeConfig default: one shared expert.
  const std::int64_t shared = config.int_or(Key::NumSharedExperts, 1);
  if (shared > 0) {
    moe.num_shared_experts = 1;
    moe.shared_intermediate_size = moe.expert_intermediate_size * shared;
  }
  moe.router_correction_bias = true;  // SarvamMoeTopkRouter.e_score_correction_bias
  moe.activation = dense.activation;
  // SarvamMoeConfig default first_k_dense_replace = 1.
  const std::int64_t first_dense = config.int_or(Key::FirstKDenseReplace, 1);
  for (std::size_t i = 0; i < model.layers.size(); ++i)
    model.layers[i].ffn = static_cast<std::int64_t>(i) < first_dense ? dense : moe;
}

}  // namespace llmg
