// Phi-1 / Phi-1.5 / Phi-2 (model_type phi).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Phi (PhiForCausalLM, modeling_phi.py): one LayerNorm with bias feeding attention and MLP in parallel;
// q/k/v/dense with bias; a plain MLP fc1/fc2 with bias (gelu_new); partial rotary (partial_rotary_factor
// of head_dim); LM head with bias, untied (PhiConfig default). qk_layernorm adds LayerNorms with bias of
// head_dim on queries and keys (shared by every head).
void read_phi(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  model.norm_placement = NormPlacement::Parallel;
  model.lm_head_bias = true;
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = true;
  if (config.bool_named(Key::QkLayernorm, false))
    for (const char* name : {"self_attn.q_layernorm", "self_attn.k_layernorm"}) {
      layer.extra.push_back({Component::Attention, std::string(name) + ".weight", {a.head_dim}});
      layer.extra.push_back({Component::Attention, std::string(name) + ".bias", {a.head_dim}});
    }
  layer.ffn = read_plain_ffn(config, model, "gelu_new", true);
  fill_layers(config, model, layer);
}

}  // namespace llmg
