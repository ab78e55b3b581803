// Seed-OSS (model_type seed_oss; transformers SeedOssForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// SeedOssAttention: bias on q/k/v from attention_bias, on o_proj from attention_out_bias (its own key);
// head_dim decoupled from hidden / heads (Seed-OSS-36B: 80 × 128 = 10,240 ≠ 5,120).
void read_seed_oss(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.attention.o_bias = config.bool_named(Key::AttentionOutBias, false);
  read_llama_like(config, model, layer);
}

}  // namespace llmg
