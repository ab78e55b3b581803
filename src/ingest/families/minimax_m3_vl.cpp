// MiniMax M3 (model_type minimax_m3_vl; text_config of MiniMaxM3SparseForConditionalGeneration).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// MiniMax M3's text decoder (MiniMaxM3SparseForCausalLM as vLLM's MiniMax-M3 plugin builds it: ATOM's
// vllm plugin models/minimax_m3, search-index file 54490474532): GQA (num_attention_heads, 4 KV heads of
// head_dim) with per-head Gemma-style q/k RMSNorms, partial RoPE over rotary_dim, no bias; Gemma-style
// (1 + w) input and post-attention norms; a dense SwiGLU-OAI MLP of dense_intermediate_size where
// moe_layer_freq is 0, else a sigmoid-routed MoE (gate hidden -> experts without bias, an
// e_score_correction_bias when use_routing_bias, num_local_experts experts of intermediate_size, and
// n_shared_experts folded into one shared MLP of intermediate_size × n_shared_experts).
// MiniMax Sparse Attention (MiniMaxM3SparseAttention) on the layers sparse_attention_freq marks: the
// fused qkv projection also emits an index query of sparse_num_index_heads × sparse_index_dim and one
// shared index key of sparse_index_dim, each with its own per-head norm; the indexer scores blocks of
// sparse_block_size tokens and the layer attends to the sparse_topk_blocks best (the local block
// included). The index key cache (sparse_index_dim per token) is left out of the KV figure, as DSA's is.
// MTP: num_mtp_modules / num_nextn_predict_layers name MTP blocks whose layout the config does not give;
// they are not counted (as for LongCat and Step 3.5).
void read_minimax_m3_vl(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  if (config.bool_named(Key::UseQkNorm, false))
    layer.attention.qk_norm =
        config.string_named(Key::QkNormType, "per_head") == "per_layer" ? QkNorm::FullWidth : QkNorm::PerHead;
  const std::int64_t rotary_dim = config.int_named(Key::RotaryDim, layer.attention.head_dim, 0, 1 << 16);
  if (layer.attention.head_dim > 0)
    layer.attention.rope_fraction = static_cast<double>(rotary_dim) / layer.attention.head_dim;
  FeedForwardSpec moe = read_moe_ffn(config, MoeOptions{.width = Key::IntermediateSize,
                                                        .shared = SharedExperts::FusedOne,
                                                        .router_bias = config.bool_named(Key::UseRoutingBias, false)});
  FeedForwardSpec dense = read_dense_ffn(config);
  dense.intermediate_size = config.int_named(Key::DenseIntermediateSize, dense.intermediate_size, 1, 1 << 22);
  fill_layers(config, model, layer);
  apply_moe_schedule(config, model, dense, moe);
  if (!config.ok() || !config.bool_named(Key::UseSparseAttention, false)) return;
  const std::int64_t heads = config.int_named(Key::SparseNumIndexHeads, 0, 1, 1 << 16);
  const std::int64_t dim = config.int_named(Key::SparseIndexDim, 0, 1, 1 << 16);
  const std::int64_t top_k = config.int_named(Key::SparseTopkBlocks, 0, 1, 1 << 24);
  const std::int64_t block = config.int_named(Key::SparseBlockSize, 0, 1, 1 << 20);
  if (heads == 0 || dim == 0 || top_k == 0 || block == 0) {
    config.fail("sparse_attention_config",
                "use_sparse_attention needs sparse_num_index_heads, sparse_index_dim, sparse_topk_blocks and "
                "sparse_block_size");
    return;
  }
  auto sparse = config.per_layer_list<std::int64_t>(Key::SparseAttentionFreq, model.layers.size());
  if (!config.ok()) return;
  if (sparse.empty()) sparse.assign(model.layers.size(), 1);  // no list: every layer sparse
  const std::int64_t h = model.hidden_size;
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    if (sparse[i] == 0) continue;
    AttentionSpec& a = model.layers[i].attention;
    a.indexer_heads = heads;
    a.indexer_head_dim = dim;
    a.indexer_top_k = top_k;
    a.sparse_block_size = block;
    auto& extra = model.layers[i].extra;
    extra.push_back({Component::Attention, "self_attn.index_q_proj.weight", {heads * dim, h}});
    extra.push_back({Component::Attention, "self_attn.index_k_proj.weight", {dim, h}});
    extra.push_back({Component::Attention, "self_attn.index_q_norm.weight", {dim}});
    extra.push_back({Component::Attention, "self_attn.index_k_norm.weight", {dim}});
  }
  config.note_source("sparse attention", "sparse_attention_config");
  model.notes.push_back(fmt::format(
      "MiniMax Sparse Attention: an indexer ({} heads × {}) picks {} blocks of {} tokens per query; its index "
      "keys ({} values per token) are left out of the KV figure, as DSA's are",
      heads, dim, top_k, block, dim));
}

}  // namespace llmg
