// DeepSeek V3 layout (model_types deepseek_v3, kimi_k2, kimi_k25, mistral4, sarvam_mla).
#include <algorithm>
#include <fmt/format.h>
#include "ingest/families/deepseek_v3.h"
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

void read_deepseek_layout(ConfigView& config, Model& model, MtpEmbeddings mtp_embeddings) {
  Layer layer = read_mla_layer(config, model);
  fill_layers(config, model, layer);
  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.router_correction_bias = config.string_named(Key::TopkMethod, "") == "noaux_tc";
  apply_moe_schedule(config, model, dense, moe);
  const std::int64_t mtp = config.int_or(Key::NumMtpLayers, 0);
  for (std::int64_t i = 0; i < mtp && !model.layers.empty(); ++i)
    model.mtp_layers.push_back(make_mtp_layer(model, model.layers.back(), mtp_embeddings == MtpEmbeddings::Stored));
}

// DeepSeek V3 / R1, Kimi K2 (DeepseekV3ForCausalLM): MLA, a dense prefix of first_k_dense_replace
// layers, MoE with shared experts and the noaux_tc correction bias, num_nextn_predict_layers MTP
// modules (stored with their own copies of the embedding and head in the checkpoint).
void read_deepseek_v3(ConfigView& config, Model& model) {
  read_deepseek_layout(config, model, MtpEmbeddings::Stored);
}

}  // namespace llmg
