// Cohere2 MoE (Cohere2MoeForCausalLM, model_type cohere2_moe: the text tower of Command A+). Tensor
// shapes follow vLLM vllm/model_executor/models/cohere2_moe.py: a parallel block (one input_layernorm,
// weight only, feeding attention and the MLP side by side), q/k/v/o without bias, sliding-window layers
// with RoPE and global layers without (except a dense prefix when prefix_dense_sliding_window_pattern
// is 1), a dense prefix of prefix_dense_intermediate_size (mlp_layer_types or first_k_dense_replace),
// then MoE: a bias-free gate, num_experts experts of intermediate_size and one shared MLP of
// intermediate_size × num_shared_experts. RMSNorm when rms_norm_eps is set, else LayerNorm (weight only).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

void read_cohere2_moe(ConfigView& config, Model& model) {
  // RMSNorm when the epsilon is spelled rms_norm_eps (the NormEps row's own name), else LayerNorm.
  model.norm_kind = config.find(Key::NormEps) && config.spelling(Key::NormEps) == key_spec(Key::NormEps).name
                        ? NormKind::RMSNorm
                        : NormKind::LayerNormNoBias;
  model.norm_placement = NormPlacement::Parallel;
  Layer prototype;
  prototype.attention = read_attention(config, model);
  if (config.bool_named(Key::UseQkNorm, false)) prototype.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, prototype);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (config.find(Key::LayerTypes)) {
    if (!apply_layer_types(config, model, window)) return;
  } else if (window > 0) {
    const std::int64_t pattern = config.int_named(Key::SlidingWindowPattern, 4, 1, 4096);
    set_global_every(model, pattern, window);
  }

  // Experts of intermediate_size; shared experts fused into one MLP.
  const FeedForwardSpec moe =
      read_moe_ffn(config, {.width = Key::IntermediateSize, .shared = SharedExperts::FusedOne});
  FeedForwardSpec dense;
  dense.kind = FfnKind::Dense;
  dense.activation = moe.activation;
  dense.intermediate_size =
      config.int_named(Key::PrefixDenseIntermediateSize, moe.expert_intermediate_size, 1, 1 << 22);
  auto mlp_types = config.string_list_named(Key::MlpLayerTypes);
  if (mlp_types.empty()) {
    const std::int64_t first_dense = config.int_or(Key::FirstKDenseReplace, 0);
    for (std::size_t i = 0; i < model.layers.size(); ++i)
      mlp_types.push_back(static_cast<std::int64_t>(i) < first_dense ? "dense" : "sparse");
  }
  if (mlp_types.size() != model.layers.size()) {
    config.fail("mlp_layer_types", fmt::format("expected {} entries (num_hidden_layers), got {}",
                                               model.layers.size(), mlp_types.size()));
    return;
  }
  const bool prefix_keeps_rope = config.int_named(Key::PrefixDenseSlidingWindowPattern, 1, 0, 4096) == 1;
  bool in_prefix = true;
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    Layer& layer = model.layers[i];
    const bool is_dense = mlp_types[i] == "dense";
    in_prefix = in_prefix && is_dense;
    layer.ffn = is_dense ? dense : moe;
    // Global layers use no positional encoding, except the dense prefix when its pattern is 1.
    if (layer.attention.span == AttentionSpan::Full && window > 0 && !(in_prefix && prefix_keeps_rope))
      layer.attention.rope_fraction = 0.0;
  }
  model.notes.push_back("Cohere2 MoE: parallel attention and MoE from one norm; global layers without RoPE");
}

}  // namespace llmg
