// Grok 2 / 2.5 (model_type git).
#include <algorithm>
#include <fmt/format.h>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Grok 2 / 2.5 (xAI's Grok1ForCausalLM, config model_type "git"): sandwich norms around attention
// and MoE, 8 experts top-2, plus a dense "residual MoE" MLP of intermediate_size beside the experts in
// every layer (residual_moe), counted as an always-on shared expert.
void read_grok(ConfigView& config, Model& model) {
  model.norm_placement = NormPlacement::Sandwich;
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.ffn = read_moe_ffn(config, MoeOptions{.shared = SharedExperts::None, .activation = "gelu"});
  if (config.bool_named(Key::ResidualMoe, false)) {
    layer.ffn.num_shared_experts = 1;
    layer.ffn.shared_intermediate_size = config.require_int(Key::IntermediateSize);
    model.notes.push_back("Grok: residual_moe adds a dense MLP beside the experts, shown as a shared expert");
  }
  fill_layers(config, model, layer);
}

}  // namespace llmg
