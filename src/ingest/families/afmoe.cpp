// Arcee AFMoE (AfmoeForCausalLM, model_type afmoe: the Trinity models). Tensor shapes follow Hugging
// Face transformers src/transformers/models/afmoe/modular_afmoe.py: AfmoeAttention (q/k/v/o, per-head
// q_norm / k_norm, a sigmoid output gate gate_proj of num_heads × head_dim, RoPE on sliding-window
// layers only), AfmoeDecoderLayer (four norms: input, post_attention, pre_mlp, post_mlp), AfmoeMoE
// (router.gate, expert_bias, num_experts experts of moe_intermediate_size and one shared MLP of
// moe_intermediate_size × num_shared_experts) and the first num_dense_layers dense MLPs.
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

void read_afmoe(ConfigView& config, Model& model) {
  model.norm_placement = NormPlacement::Sandwich;
  Layer prototype;
  prototype.attention = read_attention(config, model);
  prototype.attention.qk_norm = QkNorm::PerHead;
  prototype.attention.output_gate = true;  // gate_proj: hidden -> num_heads × head_dim, like a doubled q_proj
  fill_layers(config, model, prototype);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (config.find(Key::LayerTypes)) {
    if (!apply_layer_types(config, model, window)) return;
  } else {
    // AfmoeConfig: layer i is global when (i + 1) % global_attn_every_n_layers == 0, else sliding.
    const std::int64_t every = config.int_named(Key::GlobalAttnEveryNLayers, 4, 1, 4096);
    set_global_every(model, every, window);
    config.note_source("layer mix", "global_attn_every_n_layers");
  }
  for (Layer& layer : model.layers)
    if (layer.attention.span == AttentionSpan::Full)
      layer.attention.rope_fraction = 0.0;  // NoPE global layers

  const FeedForwardSpec dense = read_dense_ffn(config);
  // One shared MLP of moe_intermediate_size × num_shared_experts; AfmoeMoE.expert_bias.
  const FeedForwardSpec moe =
      read_moe_ffn(config, {.shared = SharedExperts::FusedOne, .router_bias = true});
  const std::int64_t dense_layers = config.int_named(Key::NumDenseLayers, 0, 0, 4096);
  for (std::size_t i = 0; i < model.layers.size(); ++i)
    model.layers[i].ffn = static_cast<std::int64_t>(i) < dense_layers ? dense : moe;
  config.note_source("dense layers", "num_dense_layers");
  model.notes.push_back(
      "AFMoE: RoPE on sliding-window layers only; global layers use no positional encoding");
  model.notes.push_back("AFMoE: sigmoid gate on the attention output (gate_proj, counted with q_proj)");
}

}  // namespace llmg
