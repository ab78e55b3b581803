// GLM-4.5 / 4.6 / 4.7 (model_type glm4_moe).
#include <algorithm>
#include <fmt/format.h>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GLM-4.5 / 4.6 / 4.7 (Glm4MoeForCausalLM): GQA with bias on q/k/v (not o_proj), per-head QK-norm when
// use_qk_norm, partial RoPE, DeepSeek-style dense prefix, shared expert and correction bias, MTP layers.
void read_glm4_moe(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.o_bias = false;
  if (config.bool_named(Key::UseQkNorm, false)) layer.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, layer);
  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.router_correction_bias = true;  // Glm4MoeTopkRouter always has e_score_correction_bias
  apply_moe_schedule(config, model, dense, moe);
  const std::int64_t mtp = config.int_or(Key::NumMtpLayers, 0);
  for (std::int64_t i = 0; i < mtp && !model.layers.empty(); ++i)
    model.mtp_layers.push_back(make_mtp_layer(model, model.layers.back(), /*stores_embeddings=*/false));
}

}  // namespace llmg
