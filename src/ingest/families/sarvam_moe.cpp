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
  // SarvamMoeConfig default: one shared expert; SarvamMoeTopkRouter.e_score_correction_bias.
  const FeedForwardSpec moe = read_moe_ffn(
      config, {.shared = SharedExperts::FusedOne, .shared_default = 1, .router_bias = true});
  // SarvamMoeConfig default first_k_dense_replace = 1.
  const std::int64_t first_dense = config.int_or(Key::FirstKDenseReplace, 1);
  for (std::size_t i = 0; i < model.layers.size(); ++i)
    model.layers[i].ffn = static_cast<std::int64_t>(i) < first_dense ? dense : moe;
}

}  // namespace llmg
