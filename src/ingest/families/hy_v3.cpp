// Tencent Hy3 (HYV3ForCausalLM, model_type hy_v3). Tensor names as in the checkpoint's
// model.safetensors.index.json (layer 1: self_attn.{q,k,v,o}_proj, self_attn.{q,k}_norm, mlp.router.gate,
// mlp.expert_bias, mlp.experts.N.{gate,up,down}_proj, mlp.shared_mlp.{gate,up,down}_proj, two norms),
// which transformers' hy_v3 renames on load: GQA with per-head q/k RMSNorm, the first
// first_k_dense_replace layers dense (intermediate_size), then MoE with a sigmoid router, a
// selection-only expert bias and num_shared_experts shared experts of moe_intermediate_size.
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

void read_hy_v3(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  if (config.bool_named(Key::QkNorm, false)) layer.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, layer);
  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.router_correction_bias = config.bool_named(Key::MoeRouterEnableExpertBias, false);
  apply_moe_schedule(config, model, dense, moe);
  // num_nextn_predict_layers declares MTP layers, but their tensor layout is not in transformers'
  // hy_v3 and not sourced here: they are not enumerated (params.mtp stays 0).
  if (config.int_or(Key::NumMtpLayers, 0) > 0)
    model.notes.push_back(
        fmt::format("Hy3: {} MTP layer(s) declared (num_nextn_predict_layers); not counted, layout "
                    "unknown",
                    config.int_or(Key::NumMtpLayers, 0)));
}

}  // namespace llmg
