// Multi-head latent attention from the DeepSeek V2/V3 keys (q_lora_rank, kv_lora_rank,
// qk_nope_head_dim, qk_rope_head_dim, v_head_dim): the DeepSeek V3 layout and the families that reuse
// DeepSeek's MLA inside their own layouts (Kimi Linear, LongCat-Flash).
#pragma once

#include "ingest/config/config_view.h"
#include "model/model.h"

namespace llmg {

// Heads from num_attention_heads (every head has its own K and V after the up-projection), head_dim =
// qk_nope + qk_rope, RoPE over the qk_rope part at the model's theta, attention_bias on q_a/kv_a/o.
Layer read_mla_layer(ConfigView& config, const Model& model);

}  // namespace llmg
