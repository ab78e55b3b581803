// Sparse mixture-of-experts families with softmax or latent attention.
#include <algorithm>

#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/common.h"
#include "ingest/families/mla.h"

namespace llmg {

// Qwen3-MoE (Qwen3MoeSparseMoeBlock): per-head QK-norm, no shared expert; layer i is MoE unless listed
// in mlp_only_layers, and only every decoder_sparse_step-th layer ((i + 1) % step == 0).
void read_qwen3_moe(ConfigView& config, Model& model) {
  read_basics(config, model);
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, layer);
  const FeedForwardSpec moe = read_moe_ffn(config);
  FeedForwardSpec dense;
  const auto mlp_only = config.int_list_named("mlp_only_layers");
  const std::int64_t step = config.int_named("decoder_sparse_step", 1, 1, 4096);
  const bool has_dense = !mlp_only.empty() || step > 1;
  if (has_dense) dense = read_dense_ffn(config);
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const auto index = static_cast<std::int64_t>(i);
    const bool listed = std::find(mlp_only.begin(), mlp_only.end(), index) != mlp_only.end();
    model.layers[i].ffn = (!listed && (index + 1) % step == 0) ? moe : dense;
  }
  apply_layer_types(config, model, config.int_or(Key::SlidingWindow, 0));
}

// gpt-oss (GptOssForCausalLM): alternating sliding (128) and full attention from layer_types, learned
// attention sinks per head, bias on q/k/v/o, a router with bias and experts with biases
// (gate_up_proj_bias, down_proj_bias). The expert width is intermediate_size.
void read_gpt_oss(ConfigView& config, Model& model) {
  read_basics(config, model);
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.sinks = true;
  layer.ffn.kind = FfnKind::MoE;
  layer.ffn.num_experts = config.require_int(Key::NumExperts);
  layer.ffn.experts_per_token = config.require_int(Key::ExpertsPerToken);
  layer.ffn.expert_intermediate_size = config.require_int(Key::IntermediateSize);
  layer.ffn.bias = true;
  layer.ffn.router_bias = true;
  layer.ffn.activation = "swiglu (clamped)";
  fill_layers(config, model, layer);
  apply_layer_types(config, model, config.int_or(Key::SlidingWindow, 0));
  model.notes.push_back("gpt-oss: experts are intermediate_size wide; router and experts carry biases");
}

namespace {

// Whether a family's MTP layers keep their own copies of the token embedding and LM head in the
// checkpoint. DeepSeek V3 does (model.layers.61.embed_tokens / shared_head.head: its "14B MTP");
// GLM does not (GLM-5.1's reported 753,864,139,008 parameters match only without them).
enum class MtpEmbeddings { Stored, Shared };

void read_deepseek_layout(ConfigView& config, Model& model, MtpEmbeddings mtp_embeddings) {
  read_basics(config, model);
  Layer layer = read_mla_layer(config, model);
  fill_layers(config, model, layer);
  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.router_correction_bias = config.string_named("topk_method", "") == "noaux_tc";
  apply_moe_schedule(config, model, dense, moe);
  const std::int64_t mtp = config.int_or(Key::NumMtpLayers, 0);
  for (std::int64_t i = 0; i < mtp && !model.layers.empty(); ++i)
    model.mtp_layers.push_back(make_mtp_layer(model, model.layers.back(), mtp_embeddings == MtpEmbeddings::Stored));
}

}  // namespace

// DeepSeek V3 / R1, Kimi K2 (DeepseekV3ForCausalLM): MLA, a dense prefix of first_k_dense_replace
// layers, MoE with shared experts and the noaux_tc correction bias, num_nextn_predict_layers MTP
// modules (stored with their own copies of the embedding and head in the checkpoint).
void read_deepseek_v3(ConfigView& config, Model& model) {
  read_deepseek_layout(config, model, MtpEmbeddings::Stored);
}

// GLM-4.5 / 4.6 / 4.7 (Glm4MoeForCausalLM): GQA with bias on q/k/v (not o_proj), per-head QK-norm when
// use_qk_norm, partial RoPE, DeepSeek-style dense prefix, shared expert and correction bias, MTP layers.
void read_glm4_moe(ConfigView& config, Model& model) {
  read_basics(config, model);
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.o_bias = false;
  if (config.bool_named("use_qk_norm", false)) layer.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, layer);
  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.router_correction_bias = true;  // Glm4MoeTopkRouter always has e_score_correction_bias
  apply_moe_schedule(config, model, dense, moe);
  const std::int64_t mtp = config.int_or(Key::NumMtpLayers, 0);
  for (std::int64_t i = 0; i < mtp && !model.layers.empty(); ++i)
    model.mtp_layers.push_back(make_mtp_layer(model, model.layers.back(), /*stores_embeddings=*/false));
}

// MiniMax M2 (MiniMaxM2ForCausalLM): full attention in every layer (attn_type_list all 1), QK-norm
// over the full projection width (qk_norm_type "per_layer"), rotary_dim of head_dim rotated, MoE with
// a routing (correction) bias and no shared expert.
void read_minimax_m2(ConfigView& config, Model& model) {
  read_basics(config, model);
  Layer layer;
  layer.attention = read_attention(config, model);
  if (config.bool_named("use_qk_norm", false))
    layer.attention.qk_norm =
        config.string_named("qk_norm_type", "per_layer") == "per_layer" ? QkNorm::FullWidth : QkNorm::PerHead;
  const std::int64_t rotary_dim = config.int_named("rotary_dim", layer.attention.head_dim, 0, 1 << 16);
  if (layer.attention.head_dim > 0)
    layer.attention.rope_fraction = static_cast<double>(rotary_dim) / layer.attention.head_dim;
  layer.ffn.kind = FfnKind::MoE;
  layer.ffn.num_experts = config.require_int(Key::NumExperts);
  layer.ffn.experts_per_token = config.require_int(Key::ExpertsPerToken);
  layer.ffn.expert_intermediate_size = config.require_int(Key::IntermediateSize);
  layer.ffn.router_correction_bias = config.bool_named("use_routing_bias", false);
  fill_layers(config, model, layer);
  const auto attn_types = config.int_list_named("attn_type_list");
  if (!attn_types.empty() && attn_types.size() != model.layers.size())
    config.fail("attn_type_list", fmt::format("expected {} entries, got {}", model.layers.size(), attn_types.size()));
  for (std::size_t i = 0; i < attn_types.size() && i < model.layers.size(); ++i)
    if (attn_types[i] == 0) model.layers[i].mixer = MixerKind::LightningAttention;
  model.notes.push_back("MiniMax M2: expert width is intermediate_size (mlp_intermediate_size is unused)");
}

// Llama 4 (Llama4TextModel): MoE every interleave_moe_layer_step-th layer (top-1 routed + one shared
// expert of intermediate_size), dense layers of intermediate_size_mlp; chunked attention with RoPE in
// three of four layers and a global NoPE layer every no_rope_layer_interval-th (default 4).
void read_llama4(ConfigView& config, Model& model) {
  read_basics(config, model);
  Layer layer;
  layer.attention = read_attention(config, model);
  fill_layers(config, model, layer);
  FeedForwardSpec moe;
  moe.kind = FfnKind::MoE;
  moe.num_experts = config.require_int(Key::NumExperts);
  moe.experts_per_token = config.require_int(Key::ExpertsPerToken);
  moe.expert_intermediate_size = config.require_int(Key::IntermediateSize);
  moe.num_shared_experts = 1;
  moe.shared_intermediate_size = moe.expert_intermediate_size;
  FeedForwardSpec dense = moe;
  dense.kind = FfnKind::Dense;
  dense.intermediate_size = config.int_named("intermediate_size_mlp", 0, 1, 1 << 22);
  const std::int64_t step = config.int_named("interleave_moe_layer_step", 1, 1, 4096);
  const auto moe_layers = config.int_list_named("moe_layers");
  const std::int64_t chunk = config.int_or(Key::AttentionChunkSize, 0);
  auto no_rope = config.int_list_named("no_rope_layers");
  const std::int64_t no_rope_interval = config.int_named("no_rope_layer_interval", 4, 1, 4096);
  if (no_rope.empty()) {
    // Llama4TextConfig default: no_rope_layers[i] = int((i + 1) % no_rope_layer_interval != 0);
    // 1 means the layer uses RoPE.
    for (std::size_t i = 0; i < model.layers.size(); ++i)
      no_rope.push_back((static_cast<std::int64_t>(i) + 1) % no_rope_interval != 0 ? 1 : 0);
    config.note_source("no_rope_layers", "Llama4TextConfig default (every 4th layer NoPE)");
  }
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const auto index = static_cast<std::int64_t>(i);
    bool is_moe = (index + 1) % step == 0;
    if (!moe_layers.empty()) is_moe = std::find(moe_layers.begin(), moe_layers.end(), index) != moe_layers.end();
    model.layers[i].ffn = is_moe ? moe : dense;
    const bool uses_rope = i < no_rope.size() ? no_rope[i] != 0 : true;
    if (uses_rope && chunk > 0) {
      model.layers[i].attention.span = AttentionSpan::Chunked;
      model.layers[i].attention.window = chunk;
    } else if (!uses_rope) {
      model.layers[i].attention.rope_fraction = 0.0;
    }
  }
  if (dense.intermediate_size == 0 && step > 1) config.fail("intermediate_size_mlp", "required key is missing");
}

// Grok 2 / 2.5 (xAI's Grok1ForCausalLM, config model_type "git"): sandwich norms around attention
// and MoE, 8 experts top-2, plus a dense "residual MoE" MLP of intermediate_size beside the experts in
// every layer (residual_moe), counted as an always-on shared expert.
void read_grok(ConfigView& config, Model& model) {
  read_basics(config, model);
  model.norm_placement = NormPlacement::Sandwich;
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.ffn.kind = FfnKind::MoE;
  layer.ffn.num_experts = config.require_int(Key::NumExperts);
  layer.ffn.experts_per_token = config.require_int(Key::ExpertsPerToken);
  layer.ffn.expert_intermediate_size = config.require_int(Key::MoeIntermediateSize);
  layer.ffn.activation = "gelu";
  if (config.bool_named("residual_moe", false)) {
    layer.ffn.num_shared_experts = 1;
    layer.ffn.shared_intermediate_size = config.require_int(Key::IntermediateSize);
    model.notes.push_back("Grok: residual_moe adds a dense MLP beside the experts, shown as a shared expert");
  }
  fill_layers(config, model, layer);
}

}  // namespace llmg

namespace llmg {

namespace {

// The lightning indexer of DeepSeek Sparse Attention (DeepSeek V3.2 inference code, class Indexer):
// wq_b (q_lora_rank -> index_n_heads × index_head_dim), wk (hidden -> index_head_dim), k_norm
// (LayerNorm with bias over index_head_dim), weights_proj (hidden -> index_n_heads). It picks the
// index_topk tokens each query attends to; it caches one index_head_dim key per token (not counted in
// the gallery KV figure, which counts the MLA latent only).
void add_dsa_indexer(ConfigView& config, const Model& model, Layer& layer) {
  const std::int64_t heads = config.int_named("index_n_heads", 0, 1, 1 << 16);
  const std::int64_t head_dim = config.int_named("index_head_dim", 0, 1, 1 << 16);
  const std::int64_t q_rank = layer.attention.q_lora_rank;
  if (heads == 0 || head_dim == 0 || q_rank == 0) {
    config.fail("index_n_heads", "DeepSeek Sparse Attention needs index_n_heads, index_head_dim and q_lora_rank");
    return;
  }
  // index_topk: the tokens the indexer selects per query (kept beside MLA's fields; the KV figure is unchanged).
  layer.attention.compressed_top_k = config.int_named("index_topk", 0, 1, 1 << 30);
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

namespace llmg {

// Xiaomi MiMo-V2 (MiMoV2ForCausalLM): hybrid_layer_pattern marks each layer full (0) or sliding-window
// (1) attention; the two kinds have their own head counts and dims (num_* vs swa_*), keys of head_dim
// and values of v_head_dim, a learned sink per head where add_{swa,full}_attention_sink_bias, partial
// RoPE with swa_rope_theta on sliding layers; moe_layer_freq lists dense (0) and MoE (1) layers; MoE
// has a sigmoid router with the noaux_tc correction bias and no shared expert.
void read_mimo_v2(ConfigView& config, Model& model) {
  read_basics(config, model);
  Layer full;
  full.attention = read_attention(config, model);
  full.attention.value_head_dim = config.int_or(Key::ValueHeadDim, full.attention.head_dim);
  full.attention.sinks = config.bool_named("add_full_attention_sink_bias", false);
  Layer sliding = full;
  sliding.attention.num_heads = config.int_named("swa_num_attention_heads", full.attention.num_heads, 1, 1 << 16);
  sliding.attention.num_kv_heads = config.int_named("swa_num_key_value_heads", full.attention.num_kv_heads, 1, 1 << 16);
  sliding.attention.head_dim = config.int_named("swa_head_dim", full.attention.head_dim, 1, 1 << 16);
  sliding.attention.value_head_dim = config.int_named("swa_v_head_dim", full.attention.value_head_dim, 1, 1 << 16);
  sliding.attention.sinks = config.bool_named("add_swa_attention_sink_bias", false);
  sliding.attention.rope_theta = config.number_named("swa_rope_theta", model.rope_theta);
  make_sliding(sliding, config.require_int(Key::SlidingWindow));
  fill_layers(config, model, full);
  const auto pattern = config.int_list_named("hybrid_layer_pattern");
  if (!pattern.empty() && pattern.size() != model.layers.size()) {
    config.fail("hybrid_layer_pattern",
                fmt::format("expected {} entries (num_hidden_layers), got {}", model.layers.size(), pattern.size()));
    return;
  }
  for (std::size_t i = 0; i < pattern.size(); ++i)
    if (pattern[i] != 0) model.layers[i] = sliding;
  if (!pattern.empty()) config.note_source("layer mix", "hybrid_layer_pattern");
  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.router_correction_bias = config.string_named("topk_method", "") == "noaux_tc";
  apply_moe_schedule(config, model, dense, moe);
}

}  // namespace llmg
