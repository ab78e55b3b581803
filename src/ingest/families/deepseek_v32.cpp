// DeepSeek V3.2 and GLM-5 (model_types deepseek_v32, glm_moe_dsa): DeepSeek Sparse Attention.
#include <algorithm>
#include <fmt/format.h>
#include "ingest/families/deepseek_v3.h"
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// The lightning indexer of DeepSeek Sparse Attention (DeepSeek V3.2 inference code, class Indexer):
// wq_b (q_lora_rank -> index_n_heads × index_head_dim), wk (hidden -> index_head_dim), k_norm
// (LayerNorm with bias over index_head_dim), weights_proj (hidden -> index_n_heads). It picks the
// index_topk tokens each query attends to; it caches one index_head_dim key per token (not counted in
// the gallery KV figure, which counts the MLA latent only).
void add_dsa_indexer(ConfigView& config, const Model& model, Layer& layer) {
  const std::int64_t heads = config.int_named(Key::IndexNHeads, 0, 1, 1 << 16);
  const std::int64_t head_dim = config.int_named(Key::IndexHeadDim, 0, 1, 1 << 16);
  const std::int64_t q_rank = layer.attention.q_lora_rank;
  if (heads == 0 || head_dim == 0 || q_rank == 0) {
    config.fail("index_n_heads", "DeepSeek Sparse Attention needs index_n_heads, index_head_dim and q_lora_rank");
    return;
  }
  layer.attention.indexer_top_k = config.int_named(Key::IndexTopk, 0, 1, 1 << 30);  // 0 = absent
  layer.extra.push_back({Component::Attention, "self_attn.indexer.wq_b.weight", {heads * head_dim, q_rank}});
  layer.extra.push_back({Component::Attention, "self_attn.indexer.wk.weight", {head_dim, model.hidden_size}});
  layer.extra.push_back({Component::Attention, "self_attn.indexer.k_norm.weight", {head_dim}});
  layer.extra.push_back({Component::Attention, "self_attn.indexer.k_norm.bias", {head_dim}});
  layer.extra.push_back({Component::Attention, "self_attn.indexer.weights_proj.weight", {heads, model.hidden_size}});
}

}  // namespace

// DeepSeek V3.2 and GLM-5 (DeepseekV32ForCausalLM, GlmMoeDsaForCausalLM): the DeepSeek V3 layout plus
// DeepSeek Sparse Attention's indexer in every layer, MTP layers included.
void read_deepseek_v32(ConfigView& config, Model& model) {
  read_deepseek_layout(config, model, model.model_type == "glm_moe_dsa" ? MtpEmbeddings::Shared : MtpEmbeddings::Stored);
  if (!config.ok()) return;
  for (Layer& layer : model.layers) add_dsa_indexer(config, model, layer);
  for (Layer& layer : model.mtp_layers) add_dsa_indexer(config, model, layer);
  model.notes.push_back("DeepSeek Sparse Attention: a lightning indexer selects index_topk tokens per query");
}

}  // namespace llmg
