// Kimi Linear (moonshotai/Kimi-Linear-48B-A3B, model_type "kimi_linear", vendor remote code
// modeling_kimi.KimiLinearForCausalLM; vLLM vllm/model_executor/models/kimi_linear.py).
#include <algorithm>

#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Kimi Linear: linear_attn_config lists 1-based layer numbers; kda_layers are Kimi Delta Attention,
// full_attn_layers are MLA without positional encoding (mla_use_nope: the RoPE part of the key is
// still cached). The FFN follows DeepSeek V3: first_k_dense_replace dense layers of
// intermediate_size, then MoE (sigmoid router with e_score_correction_bias, num_shared_experts
// shared experts of moe_intermediate_size). The context length is model_max_length (the file has no
// max_position_embeddings).
void read_kimi_linear(ConfigView& config, Model& model) {
  Layer mla = read_mla_layer(config, model);
  const bool nope = config.bool_named("mla_use_nope", false);
  if (nope) {
    mla.attention.rope_fraction = 0.0;
    mla.attention.rope_theta = 0.0;
    model.positions = PositionKind::NoPE;  // KDA layers carry position implicitly, MLA layers use none
    config.note_source("rope_theta", "mla_use_nope (no RoPE in any layer)");
  }

  Layer kda;
  kda.mixer = MixerKind::KimiDeltaAttention;
  kda.recurrent.num_heads = config.int_named("linear_attn_config.num_heads", 0, 1, 1 << 16);
  kda.recurrent.num_key_heads = kda.recurrent.num_heads;
  kda.recurrent.key_head_dim = config.int_named("linear_attn_config.head_dim", 0, 1, 1 << 16);
  kda.recurrent.value_head_dim = kda.recurrent.key_head_dim;
  kda.recurrent.conv_kernel = config.int_named("linear_attn_config.short_conv_kernel_size", 4, 1, 1 << 10);
  if (kda.recurrent.num_heads == 0 || kda.recurrent.key_head_dim == 0) {
    config.fail("linear_attn_config", "expected num_heads and head_dim for the Kimi Delta Attention layers");
    return;
  }
  // Tensor shapes from these sizes: analysis/params.cpp (kimi_delta_attention_tensors).

  fill_layers(config, model, mla);
  if (!config.ok()) return;
  const auto kda_layers = config.int_list_named("linear_attn_config.kda_layers");
  const auto full_layers = config.int_list_named("linear_attn_config.full_attn_layers");
  for (std::int64_t number : kda_layers) {
    if (number < 1 || number > model.layer_count()) {
      config.fail("linear_attn_config.kda_layers",
                  fmt::format("expected 1-based layer numbers up to {}, got {}", model.layer_count(), number));
      return;
    }
    if (std::find(full_layers.begin(), full_layers.end(), number) != full_layers.end()) {
      config.fail("linear_attn_config.kda_layers",
                  fmt::format("layer {} is also listed in full_attn_layers", number));
      return;
    }
    model.layers[static_cast<std::size_t>(number - 1)] = kda;
  }
  config.note_source("layer mix", "linear_attn_config.kda_layers (1-based; the rest MLA)");

  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.router_correction_bias = true;  // the checkpoint has gate.e_score_correction_bias in every MoE layer
  apply_moe_schedule(config, model, dense, moe);
  model.notes.push_back(
      "Kimi Linear: linear_attn_config numbers layers from 1; MLA layers use no RoPE (mla_use_nope) but "
      "still cache the qk_rope_head_dim key part");
}

}  // namespace llmg
