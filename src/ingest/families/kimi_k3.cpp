// Kimi K3 (model_type kimi_k3; KimiK3ForConditionalGeneration, text_config kimi_linear).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Kimi K3's text decoder: Kimi Linear's layout (KDA and NoPE MLA placed by linear_attn_config, a dense
// first layer, sigmoid-routed MoE) plus four K3 mechanisms, with shapes from SGLang's kimi_k3.py
// (search-index file 61984660522) and a Kimi K3 port of torchtitan (files 60795714939, 60796919574):
//  - gated MLA (mla_use_output_gate): g_proj hidden -> heads × v_head_dim, sigmoid, on the heads' output;
//  - KDA's output gate as one full-rank g_proj (linear_attn_config.use_full_rank_gate);
//  - latent MoE (routed_expert_hidden_size): routed_expert_down_proj hidden -> latent before the experts,
//    which read and write the latent, an RMSNorm of the latent (latent_moe_use_norm), and
//    routed_expert_up_proj back; the router and the shared experts (one MLP of moe_intermediate_size ×
//    num_shared_experts) stay at hidden width;
//  - block attention residuals (attn_res_block_size): every layer mixes the earlier blocks' outputs
//    before its attention and before its MLP (each mixer an RMSNorm of hidden and a hidden -> 1 score
//    projection), and one more mixer before the final norm.
void read_kimi_k3(ConfigView& config, Model& model) {
  read_kimi_linear(config, model);
  if (!config.ok()) return;
  const std::int64_t h = model.hidden_size;
  const bool gated_mla = config.bool_named(Key::MlaUseOutputGate, false);
  const bool full_rank_gate = config.bool_named(Key::UseFullRankGate, false);
  const std::int64_t latent = config.int_named(Key::RoutedExpertHiddenSize, 0, 1, 1 << 20);
  const bool latent_norm = config.bool_named(Key::LatentMoeUseNorm, false);
  const std::int64_t block = config.int_named(Key::AttnResBlockSize, 0, 0, 4096);
  for (Layer& layer : model.layers) {
    if (layer.mixer == MixerKind::LatentAttention) layer.attention.output_gate = gated_mla;
    if (layer.mixer == MixerKind::KimiDeltaAttention) layer.recurrent.full_rank_gate = full_rank_gate;
    if (layer.is_moe() && latent > 0) {
      // One shared MLP of moe_intermediate_size × num_shared_experts (the same weights as that many
      // expert-sized shared experts).
      if (layer.ffn.num_shared_experts > 1) {
        layer.ffn.shared_intermediate_size *= layer.ffn.num_shared_experts;
        layer.ffn.num_shared_experts = 1;
      }
      layer.ffn.latent_size = latent;
      if (latent_norm) layer.extra.push_back({Component::Norm, "mlp.routed_expert_norm.weight", {latent}});
    }
    if (block > 0) {
      layer.extra.push_back({Component::Norm, "self_attention_res.norm.weight", {h}});
      layer.extra.push_back({Component::Other, "self_attention_res.proj.weight", {1, h}});
      layer.extra.push_back({Component::Norm, "mlp_res.norm.weight", {h}});
      layer.extra.push_back({Component::Other, "mlp_res.proj.weight", {1, h}});
    }
  }
  if (block > 0) {
    model.extra.push_back({Component::Norm, "model.output_attn_res.norm.weight", {h}});
    model.extra.push_back({Component::Other, "model.output_attn_res.proj.weight", {1, h}});
    model.notes.push_back(fmt::format(
        "Kimi K3 block attention residuals: every {} layers close a block; each layer attends over the blocks "
        "(an RMSNorm and a hidden → 1 score per sublayer) instead of adding one running residual",
        block));
  }
  if (latent > 0)
    model.notes.push_back(fmt::format("Kimi K3 latent MoE: routed experts work at {} (hidden {}), the router and "
                                      "shared experts at hidden width",
                                      latent, h));
}

}  // namespace llmg
