#include "analysis/params.h"

#include <fmt/format.h>

namespace llmg {

namespace {

// Appends tensors of one block; keeps the call sites short and the names uniform.
class TensorList {
 public:
  TensorList(std::vector<TensorSpec>& out, std::string prefix) : out_(out), prefix_(std::move(prefix)) {}

  void add(Component component, const std::string& name, std::vector<std::int64_t> shape) {
    out_.push_back({component, prefix_ + name, std::move(shape), 1, 1});
  }
  void add_experts(const std::string& name, std::vector<std::int64_t> shape, std::int64_t count,
                   std::int64_t active) {
    out_.push_back({Component::RoutedExperts, prefix_ + name, std::move(shape), count, active});
  }
  // `count` identical tensors that all run for every token (shared experts): one spec with copies.
  void add_copies(Component component, const std::string& name, std::vector<std::int64_t> shape,
                  std::int64_t count) {
    out_.push_back({component, prefix_ + name, std::move(shape), count, count});
  }
  // weight [out, in] and, when `bias`, bias [out]
  void linear(Component component, const std::string& name, std::int64_t in, std::int64_t out, bool bias) {
    add(component, name + ".weight", {out, in});
    if (bias) add(component, name + ".bias", {out});
  }
  // RMSNorm and LayerNorm without bias: weight; LayerNorm and LayerNorm1P: weight and bias; OLMo 1's
  // non-parametric LayerNorm: nothing.
  void norm(NormKind kind, const std::string& name, std::int64_t width) {
    if (kind == NormKind::LayerNormNoParams || kind == NormKind::RMSNormNoWeight) return;
    add(Component::Norm, name + ".weight", {width});
    if (kind == NormKind::LayerNorm || kind == NormKind::LayerNorm1P) add(Component::Norm, name + ".bias", {width});
  }

 private:
  std::vector<TensorSpec>& out_;
  std::string prefix_;
};

void attention_tensors(TensorList& t, const Model& model, const AttentionSpec& a) {
  const std::int64_t h = model.hidden_size;
  const std::int64_t q_width = a.num_heads * a.head_dim * (a.output_gate ? 2 : 1);
  t.linear(Component::Attention, "self_attn.q_proj", h, q_width, a.q_bias);
  // A layer reusing another layer's KV cache has no key/value weights of its own (Gemma4TextAttention:
  // "Layers sharing kv states don't need any weight matrices": no k_proj, v_proj, k_norm).
  const bool own_kv = a.kv_shared_from < 0;
  if (own_kv) t.linear(Component::Attention, "self_attn.k_proj", h, a.num_kv_heads * a.head_dim, a.k_bias);
  if (own_kv && !a.keys_are_values)
    t.linear(Component::Attention, "self_attn.v_proj", h, a.num_kv_heads * a.value_head_dim, a.v_bias);
  t.linear(Component::Attention, "self_attn.o_proj", a.num_heads * a.value_head_dim, h, a.o_bias);
  switch (a.qk_norm) {
    case QkNorm::PerHead:
      t.add(Component::Attention, "self_attn.q_norm.weight", {a.head_dim});
      if (own_kv) t.add(Component::Attention, "self_attn.k_norm.weight", {a.head_dim});
      break;
    case QkNorm::FullWidth:
      t.add(Component::Attention, "self_attn.q_norm.weight", {a.num_heads * a.head_dim});
      t.add(Component::Attention, "self_attn.k_norm.weight", {a.num_kv_heads * a.head_dim});
      break;
    case QkNorm::PerHeadNoWeight:  // NanoChat: the norm has no weight
    case QkNorm::None: break;
  }
  if (a.sinks) t.add(Component::Attention, "self_attn.sinks", {a.num_heads});
  if (a.differential)  // DiffLlamaAttention: λ vectors of head_dim; its groupnorm has no weight
    for (const char* name : {"self_attn.lambda_q1", "self_attn.lambda_k1", "self_attn.lambda_q2", "self_attn.lambda_k2"})
      t.add(Component::Attention, name, {a.head_dim});
}

// DeepSeek V3 MLA (DeepseekV3Attention).
void latent_attention_tensors(TensorList& t, const Model& model, const AttentionSpec& a) {
  const std::int64_t h = model.hidden_size;
  const std::int64_t q_head = a.qk_nope_head_dim + a.qk_rope_head_dim;
  if (a.q_lora_rank > 0) {
    t.linear(Component::Attention, "self_attn.q_a_proj", h, a.q_lora_rank, a.q_bias);
    t.add(Component::Attention, "self_attn.q_a_layernorm.weight", {a.q_lora_rank});
    t.linear(Component::Attention, "self_attn.q_b_proj", a.q_lora_rank, a.num_heads * q_head, false);
  } else {
    t.linear(Component::Attention, "self_attn.q_proj", h, a.num_heads * q_head, false);
  }
  t.linear(Component::Attention, "self_attn.kv_a_proj_with_mqa", h, a.kv_lora_rank + a.qk_rope_head_dim, a.k_bias);
  t.add(Component::Attention, "self_attn.kv_a_layernorm.weight", {a.kv_lora_rank});
  t.linear(Component::Attention, "self_attn.kv_b_proj", a.kv_lora_rank,
           a.num_heads * (a.qk_nope_head_dim + a.value_head_dim), false);
  t.linear(Component::Attention, "self_attn.o_proj", a.num_heads * a.value_head_dim, h, a.o_bias);
  // Gated MLA (Kimi K3's mla_use_output_gate): sigmoid(g_proj(hidden)) scales the heads' output.
  if (a.output_gate) t.add(Component::Attention, "self_attn.g_proj.weight", {a.num_heads * a.value_head_dim, h});
}

// Gated DeltaNet (Qwen3NextGatedDeltaNet): fused qkvz and ba projections, a depthwise causal conv over
// q, k and v, per-head dt_bias and A_log, a gated RMSNorm of value_head_dim, out_proj.
void gated_deltanet_tensors(TensorList& t, const Model& model, const RecurrentSpec& r) {
  const std::int64_t h = model.hidden_size;
  const std::int64_t key_dim = r.num_key_heads * r.key_head_dim;
  const std::int64_t value_dim = r.num_heads * r.value_head_dim;
  t.linear(Component::Attention, "linear_attn.in_proj_qkvz", h, 2 * key_dim + 2 * value_dim, false);
  t.linear(Component::Attention, "linear_attn.in_proj_ba", h, 2 * r.num_heads, false);
  t.add(Component::Attention, "linear_attn.conv1d.weight", {2 * key_dim + value_dim, 1, r.conv_kernel});
  t.add(Component::Attention, "linear_attn.dt_bias", {r.num_heads});
  t.add(Component::Attention, "linear_attn.A_log", {r.num_heads});
  t.add(Component::Attention, "linear_attn.norm.weight", {r.value_head_dim});
  t.linear(Component::Attention, "linear_attn.out_proj", value_dim, h, false);
}

// Mamba-2 (NemotronHMamba2Mixer / Mamba2Mixer): in_proj emits z, x, B, C and dt; a depthwise conv over
// x, B and C; per-head A_log, D and dt_bias; a gated RMSNorm over the inner width; out_proj.
// Falcon-H1's mixer (module "mamba") may leave the norm out and gives out_proj its own bias switch.
void mamba2_tensors(TensorList& t, const Model& model, const RecurrentSpec& r, const std::string& module = "mixer") {
  const std::int64_t h = model.hidden_size;
  const std::int64_t inner = r.num_heads * r.value_head_dim;
  const std::int64_t conv_dim = inner + 2 * r.num_groups * r.state_size;
  t.linear(Component::Attention, module + ".in_proj", h, inner + conv_dim + r.num_heads, r.proj_bias);
  t.add(Component::Attention, module + ".conv1d.weight", {conv_dim, 1, r.conv_kernel});
  if (r.conv_bias) t.add(Component::Attention, module + ".conv1d.bias", {conv_dim});
  t.add(Component::Attention, module + ".dt_bias", {r.num_heads});
  t.add(Component::Attention, module + ".A_log", {r.num_heads});
  t.add(Component::Attention, module + ".D", {r.num_heads});
  if (r.gated_norm) t.add(Component::Attention, module + ".norm.weight", {inner});
  t.linear(Component::Attention, module + ".out_proj", inner, h, r.out_proj_bias < 0 ? r.proj_bias : r.out_proj_bias > 0);
}

// Kimi Delta Attention (Kimi Linear; vendor modeling_kimi.KimiDeltaAttention), as the checkpoint stores
// it (safetensors listing of moonshotai/Kimi-Linear-48B-A3B-Instruct, search-index file id 62691149540):
// q/k/v projections of num_heads × head_dim, a depthwise short convolution on each of q, k and v (no
// bias), the channel-wise forget gate as a low-rank pair f_a (hidden -> head_dim) and f_b (head_dim ->
// heads × head_dim) with dt_bias over every channel and A_log per head, the output gate as the same kind
// of pair (g_a, g_b), the per-head beta projection b_proj, a gated RMSNorm of head_dim and o_proj.
void kimi_delta_attention_tensors(TensorList& t, const Model& model, const RecurrentSpec& r) {
  const std::int64_t h = model.hidden_size;
  const std::int64_t width = r.num_heads * r.value_head_dim;
  const std::int64_t rank = r.value_head_dim;  // the gates' low rank equals head_dim in KDA
  t.add(Component::Attention, "self_attn.q_proj.weight", {width, h});
  t.add(Component::Attention, "self_attn.k_proj.weight", {width, h});
  t.add(Component::Attention, "self_attn.v_proj.weight", {width, h});
  t.add(Component::Attention, "self_attn.q_conv1d.weight", {width, 1, r.conv_kernel});
  t.add(Component::Attention, "self_attn.k_conv1d.weight", {width, 1, r.conv_kernel});
  t.add(Component::Attention, "self_attn.v_conv1d.weight", {width, 1, r.conv_kernel});
  t.add(Component::Attention, "self_attn.A_log", {1, 1, r.num_heads, 1});
  t.add(Component::Attention, "self_attn.dt_bias", {width});
  t.add(Component::Attention, "self_attn.f_a_proj.weight", {rank, h});
  t.add(Component::Attention, "self_attn.f_b_proj.weight", {width, rank});
  if (r.full_rank_gate) {  // Kimi K3 (use_full_rank_gate): one g_proj
    t.add(Component::Attention, "self_attn.g_proj.weight", {width, h});
  } else {
    t.add(Component::Attention, "self_attn.g_a_proj.weight", {rank, h});
    t.add(Component::Attention, "self_attn.g_b_proj.weight", {width, rank});
  }
  t.add(Component::Attention, "self_attn.b_proj.weight", {r.num_heads, h});
  t.add(Component::Attention, "self_attn.o_norm.weight", {r.value_head_dim});
  t.add(Component::Attention, "self_attn.o_proj.weight", {h, width});
}

// The xLSTM mLSTM layer (transformers models/xlstm, weight_mode "single"; shapes as in the NX-AI/xLSTM-7b
// safetensors index, search-index file id 7793933588): q and k of qk_dim (heads × key_head_dim), v of
// v_dim (heads × value_head_dim), per-head input and forget gate pre-activations (always with bias), an
// output gate over v_dim, a per-head norm [heads, value_head_dim] and out_proj. proj_bias (config
// use_bias) adds biases to the projections (false for xLSTM 7B).
void mlstm_tensors(TensorList& t, const Model& model, const RecurrentSpec& r) {
  const std::int64_t h = model.hidden_size;
  const std::int64_t qk_dim = r.num_heads * r.key_head_dim, v_dim = r.num_heads * r.value_head_dim;
  t.linear(Component::Attention, "mlstm_layer.q", h, qk_dim, r.proj_bias);
  t.linear(Component::Attention, "mlstm_layer.k", h, qk_dim, r.proj_bias);
  t.linear(Component::Attention, "mlstm_layer.v", h, v_dim, r.proj_bias);
  t.linear(Component::Attention, "mlstm_layer.igate_preact", h, r.num_heads, true);
  t.linear(Component::Attention, "mlstm_layer.fgate_preact", h, r.num_heads, true);
  t.linear(Component::Attention, "mlstm_layer.ogate_preact", h, v_dim, r.proj_bias);
  t.add(Component::Attention, "mlstm_layer.multihead_norm.weight", {r.num_heads, r.value_head_dim});
  t.linear(Component::Attention, "mlstm_layer.out_proj", v_dim, h, r.proj_bias);
}

// DeepSeek V4 attention (transformers models/deepseek_v4, DeepseekV4Attention, DeepseekV4CSACompressor,
// DeepseekV4HCACompressor, DeepseekV4Indexer): one shared K=V head (kv_proj), low-rank queries, a
// grouped low-rank output projection (o_a_proj: o_groups blocks of heads·head_dim/o_groups ->
// o_lora_rank; o_b_proj) and a learned sink per head. CSA layers (compressed_top_k > 0) add a compressor
// of two overlapping series (Ca, Cb: projections and position bias 2 × head_dim wide) and its lightning
// indexer; HCA layers a single-series compressor; sliding layers (compress_ratio 0) neither.
void compressed_attention_tensors(TensorList& t, const Model& model, const AttentionSpec& a) {
  const std::int64_t h = model.hidden_size, d = a.head_dim, heads = a.num_heads;
  t.add(Component::Attention, "self_attn.q_a_proj.weight", {a.q_lora_rank, h});
  t.add(Component::Attention, "self_attn.q_a_norm.weight", {a.q_lora_rank});
  t.add(Component::Attention, "self_attn.q_b_proj.weight", {heads * d, a.q_lora_rank});
  t.add(Component::Attention, "self_attn.kv_proj.weight", {d, h});
  t.add(Component::Attention, "self_attn.kv_norm.weight", {d});
  t.add(Component::Attention, "self_attn.o_a_proj.weight",
        {a.o_groups * a.o_lora_rank, a.o_groups > 0 ? heads * d / a.o_groups : 0});
  t.add(Component::Attention, "self_attn.o_b_proj.weight", {h, a.o_groups * a.o_lora_rank});
  t.add(Component::Attention, "self_attn.sinks", {heads});
  const std::int64_t m = a.compress_ratio;
  if (m == 0) return;
  if (a.compressed_top_k > 0) {  // CSA
    const std::int64_t id = a.indexer_head_dim;
    t.add(Component::Attention, "self_attn.compressor.kv_proj.weight", {2 * d, h});
    t.add(Component::Attention, "self_attn.compressor.gate_proj.weight", {2 * d, h});
    t.add(Component::Attention, "self_attn.compressor.position_bias", {m, 2 * d});
    t.add(Component::Attention, "self_attn.compressor.kv_norm.weight", {d});
    t.add(Component::Attention, "self_attn.compressor.indexer.kv_proj.weight", {2 * id, h});
    t.add(Component::Attention, "self_attn.compressor.indexer.gate_proj.weight", {2 * id, h});
    t.add(Component::Attention, "self_attn.compressor.indexer.position_bias", {m, 2 * id});
    t.add(Component::Attention, "self_attn.compressor.indexer.kv_norm.weight", {id});
    t.add(Component::Attention, "self_attn.compressor.indexer.q_b_proj.weight", {a.indexer_heads * id, a.q_lora_rank});
    t.add(Component::Attention, "self_attn.compressor.indexer.scorer.weights_proj.weight", {a.indexer_heads, h});
  } else {  // HCA
    t.add(Component::Attention, "self_attn.compressor.kv_proj.weight", {d, h});
    t.add(Component::Attention, "self_attn.compressor.gate_proj.weight", {d, h});
    t.add(Component::Attention, "self_attn.compressor.position_bias", {m, d});
    t.add(Component::Attention, "self_attn.compressor.kv_norm.weight", {d});
  }
}

// Mamba-1 (MambaMixer / FalconMambaMixer / JambaMambaMixer): in_proj emits x and the gate z (2 × inner);
// a depthwise conv over x; x_proj emits dt (dt_rank), B and C (state_size each); dt_proj back to inner
// with bias; A_log [inner, state_size] and D [inner]; out_proj. Jamba adds RMSNorm weights on dt, B and C.
void mamba_tensors(TensorList& t, const Model& model, const RecurrentSpec& r) {
  const std::int64_t h = model.hidden_size, inner = r.inner_size;
  t.linear(Component::Attention, "mixer.in_proj", h, 2 * inner, r.proj_bias);
  t.add(Component::Attention, "mixer.conv1d.weight", {inner, 1, r.conv_kernel});
  if (r.conv_bias) t.add(Component::Attention, "mixer.conv1d.bias", {inner});
  t.linear(Component::Attention, "mixer.x_proj", inner, r.dt_rank + 2 * r.state_size, false);
  t.linear(Component::Attention, "mixer.dt_proj", r.dt_rank, inner, true);
  t.add(Component::Attention, "mixer.A_log", {inner, r.state_size});
  t.add(Component::Attention, "mixer.D", {inner});
  t.linear(Component::Attention, "mixer.out_proj", inner, h, r.proj_bias);
  if (r.dt_bc_norms) {
    t.add(Component::Attention, "mixer.dt_layernorm.weight", {r.dt_rank});
    t.add(Component::Attention, "mixer.b_layernorm.weight", {r.state_size});
    t.add(Component::Attention, "mixer.c_layernorm.weight", {r.state_size});
  }
}

// MiniMax-01 lightning attention (MiniMaxLightningAttention): qkv_proj hidden -> 3 × heads × head_dim,
// output_gate hidden -> heads × head_dim, an RMSNorm over heads × head_dim and out_proj, none with bias.
// A layer without heads (MiniMax M2's attn_type_list 0 layers, whose shapes its config does not give)
// lists nothing.
void lightning_attention_tensors(TensorList& t, const Model& model, const RecurrentSpec& r) {
  if (r.num_heads <= 0) return;
  const std::int64_t h = model.hidden_size, width = r.num_heads * r.value_head_dim;
  t.linear(Component::Attention, "self_attn.qkv_proj", h, 3 * width, false);
  t.linear(Component::Attention, "self_attn.output_gate", h, width, false);
  t.add(Component::Attention, "self_attn.norm.weight", {width});
  t.linear(Component::Attention, "self_attn.out_proj", width, h, false);
}

// RWKV-4 time mixing (RwkvSelfAttention): time_decay and time_first per channel, token-shift mix
// vectors for key, value and receptance (shape (1, 1, hidden)), key/value/receptance Linear(hidden,
// channels) and output Linear(channels, hidden), none with bias.
void rwkv4_tensors(TensorList& t, const Model& model, const RecurrentSpec& r) {
  const std::int64_t h = model.hidden_size, c = r.value_head_dim;
  t.add(Component::Attention, "attention.time_decay", {c});
  t.add(Component::Attention, "attention.time_first", {c});
  for (const char* mix : {"attention.time_mix_key", "attention.time_mix_value", "attention.time_mix_receptance"})
    t.add(Component::Attention, mix, {1, 1, h});
  for (const char* proj : {"attention.key", "attention.value", "attention.receptance"})
    t.linear(Component::Attention, proj, h, c, false);
  t.linear(Component::Attention, "attention.output", c, h, false);
}

// RecurrentGemma's recurrent block (RecurrentGemmaRecurrentBlock + RecurrentGemmaRglru): linear_y and
// linear_x hidden -> lru_width, linear_out back, all biased; a depthwise Conv1d of conv_kernel with bias; the
// RG-LRU's block-diagonal gates (num_heads blocks of lru_width / num_heads square, with biases) and its
// recurrent_param (lru_width).
void rg_lru_tensors(TensorList& t, const Model& model, const RecurrentSpec& r) {
  const std::int64_t h = model.hidden_size, w = r.conv_channels, blocks = r.num_heads;
  const std::int64_t block = blocks > 0 ? w / blocks : 0;
  t.linear(Component::Attention, "temporal_block.linear_y", h, w, true);
  t.linear(Component::Attention, "temporal_block.linear_x", h, w, true);
  t.linear(Component::Attention, "temporal_block.linear_out", w, h, true);
  t.add(Component::Attention, "temporal_block.conv_1d.weight", {w, 1, r.conv_kernel});
  t.add(Component::Attention, "temporal_block.conv_1d.bias", {w});
  t.add(Component::Attention, "temporal_block.rg_lru.input_gate_weight", {blocks, block, block});
  t.add(Component::Attention, "temporal_block.rg_lru.input_gate_bias", {blocks, block});
  t.add(Component::Attention, "temporal_block.rg_lru.recurrent_gate_weight", {blocks, block, block});
  t.add(Component::Attention, "temporal_block.rg_lru.recurrent_gate_bias", {blocks, block});
  t.add(Component::Attention, "temporal_block.rg_lru.recurrent_param", {w});
}

// LFM2's gated short convolution (Lfm2ShortConv): in_proj hidden -> 3 × hidden (B, C, x), a depthwise
// Conv1d(hidden, hidden, L_cache, groups=hidden) and out_proj; conv_bias puts a bias on all three.
void short_conv_tensors(TensorList& t, const Model& model, const RecurrentSpec& r) {
  const std::int64_t h = model.hidden_size;
  t.linear(Component::Attention, "conv.in_proj", h, 3 * r.conv_channels, r.conv_bias);
  t.add(Component::Attention, "conv.conv.weight", {r.conv_channels, 1, r.conv_kernel});
  if (r.conv_bias) t.add(Component::Attention, "conv.conv.bias", {r.conv_channels});
  t.linear(Component::Attention, "conv.out_proj", r.conv_channels, h, r.conv_bias);
}

void mlp_tensors(TensorList& t, Component component, const std::string& name, std::int64_t h,
                 std::int64_t width, bool gated, bool bias) {
  if (gated) t.linear(component, name + ".gate_proj", h, width, bias);
  t.linear(component, name + ".up_proj", h, width, bias);
  t.linear(component, name + ".down_proj", width, h, bias);
}

void ffn_tensors(TensorList& t, const Model& model, const FeedForwardSpec& f) {
  const std::int64_t h = model.hidden_size;
  if (f.kind == FfnKind::Dense) {
    mlp_tensors(t, Component::FeedForward, "mlp", h, f.intermediate_size, f.gated, f.bias);
    return;
  }
  if (f.kind != FfnKind::MoE) return;
  // Zero-computation experts have router rows (and correction-bias entries) but no weights.
  const std::int64_t routes = f.num_experts + f.zero_experts;
  if (!f.router_in_extra) {
    t.linear(Component::Router, "mlp.gate", h, routes, f.router_bias);
    if (f.router_correction_bias) t.add(Component::Router, "mlp.gate.e_score_correction_bias", {routes});
  }
  const std::int64_t w = f.expert_intermediate_size;
  const std::int64_t n = f.num_experts, k = f.experts_per_token;
  // The width the routed experts read and write: the hidden size, or the LatentMoE latent.
  const std::int64_t io = f.latent_size > 0 ? f.latent_size : h;
  if (f.latent_size > 0) {
    t.linear(Component::FeedForward, "mlp.fc1_latent_proj", h, f.latent_size, f.bias);
    t.linear(Component::FeedForward, "mlp.fc2_latent_proj", f.latent_size, h, f.bias);
  }
  if (f.gated) t.add_experts("mlp.experts.gate_proj.weight", {w, io}, n, k);
  t.add_experts("mlp.experts.up_proj.weight", {w, io}, n, k);
  t.add_experts("mlp.experts.down_proj.weight", {io, w}, n, k);
  if (f.bias) {
    if (f.gated) t.add_experts("mlp.experts.gate_proj.bias", {w}, n, k);
    t.add_experts("mlp.experts.up_proj.bias", {w}, n, k);
    t.add_experts("mlp.experts.down_proj.bias", {io}, n, k);
  }
  // Several shared experts are one spec each with copies (as routed experts are): the work and memory
  // of the tensor list grow with the description, not with layers × shared experts (issue 17, case 10).
  if (f.num_shared_experts == 1) {
    mlp_tensors(t, Component::FeedForward, "mlp.shared_expert", h, f.shared_intermediate_size, f.gated, false);
  } else if (f.num_shared_experts > 1) {
    const std::int64_t n = f.num_shared_experts, sw = f.shared_intermediate_size;
    if (f.gated) t.add_copies(Component::FeedForward, "mlp.shared_experts.gate_proj.weight", {sw, h}, n);
    t.add_copies(Component::FeedForward, "mlp.shared_experts.up_proj.weight", {sw, h}, n);
    t.add_copies(Component::FeedForward, "mlp.shared_experts.down_proj.weight", {h, sw}, n);
  }
  if (f.shared_expert_gate) t.linear(Component::FeedForward, "mlp.shared_expert_gate", h, 1, false);
}

bool checked_multiply(std::int64_t a, std::int64_t b, std::int64_t* out) {
  return !__builtin_mul_overflow(a, b, out);
}

}  // namespace

std::vector<TensorSpec> layer_tensors(const Model& model, const Layer& layer, const std::string& prefix) {
  std::vector<TensorSpec> out;
  TensorList t(out, prefix);
  const std::int64_t h = model.hidden_size;
  const bool has_mixer = layer.mixer != MixerKind::None;
  const bool has_ffn = layer.ffn.kind != FfnKind::None;
  // Norms: one before (pre) or after (post) each sub-block; sandwich has both.
  if (has_mixer && has_ffn) {
    switch (model.norm_placement) {
      case NormPlacement::Pre:
        t.norm(model.norm_kind, "input_layernorm", h);
        t.norm(model.norm_kind, "post_attention_layernorm", h);
        break;
      case NormPlacement::Post:
        t.norm(model.norm_kind, "post_attention_layernorm", h);
        t.norm(model.norm_kind, "post_feedforward_layernorm", h);
        break;
      case NormPlacement::Parallel: t.norm(model.norm_kind, "input_layernorm", h); break;
      case NormPlacement::ParallelTwoNorms:
        t.norm(model.norm_kind, "input_layernorm", h);
        t.norm(model.norm_kind, "post_attention_layernorm", h);
        break;
      case NormPlacement::Sandwich:
        t.norm(model.norm_kind, "input_layernorm", h);
        t.norm(model.norm_kind, "post_attention_layernorm", h);
        t.norm(model.norm_kind, "pre_feedforward_layernorm", h);
        t.norm(model.norm_kind, "post_feedforward_layernorm", h);
        break;
    }
  } else if (has_mixer || has_ffn) {
    t.norm(model.norm_kind, "norm", h);
    if (model.norm_placement == NormPlacement::Sandwich) t.norm(model.norm_kind, "post_norm", h);
  }
  switch (layer.mixer) {
    case MixerKind::Attention: attention_tensors(t, model, layer.attention); break;
    case MixerKind::LatentAttention: latent_attention_tensors(t, model, layer.attention); break;
    case MixerKind::GatedDeltaNet: gated_deltanet_tensors(t, model, layer.recurrent); break;
    case MixerKind::Mamba2: mamba2_tensors(t, model, layer.recurrent); break;
    case MixerKind::KimiDeltaAttention: kimi_delta_attention_tensors(t, model, layer.recurrent); break;
    case MixerKind::MLSTM: mlstm_tensors(t, model, layer.recurrent); break;
    case MixerKind::Mamba: mamba_tensors(t, model, layer.recurrent); break;
    case MixerKind::CompressedAttention: compressed_attention_tensors(t, model, layer.attention); break;
    case MixerKind::ShortConv: short_conv_tensors(t, model, layer.recurrent); break;
    case MixerKind::Rwkv4: rwkv4_tensors(t, model, layer.recurrent); break;
    case MixerKind::RgLru: rg_lru_tensors(t, model, layer.recurrent); break;
    case MixerKind::LightningAttention: lightning_attention_tensors(t, model, layer.recurrent); break;
    case MixerKind::None: break;
  }
  if (layer.parallel_mamba2) mamba2_tensors(t, model, layer.recurrent, "mamba");
  ffn_tensors(t, model, layer.ffn);
  for (const TensorSpec& extra : layer.extra) {
    TensorSpec copy = extra;
    copy.name = prefix + copy.name;
    out.push_back(std::move(copy));
  }
  return out;
}

std::vector<TensorSpec> model_tensors(const Model& model) {
  std::vector<TensorSpec> out;
  const std::int64_t h = model.hidden_size;
  // A tied matrix is the LM head for counting (the convention in params.h).
  out.push_back({model.tied_embeddings ? Component::LmHead : Component::Embedding, "model.embed_tokens.weight",
                 {model.vocab_size, h}});
  if (model.positions == PositionKind::Learned && model.learned_position_count > 0)
    out.push_back({Component::Embedding, "model.embed_positions.weight", {model.learned_position_count, h}});
  for (const TensorSpec& extra : model.extra) out.push_back(extra);
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    auto tensors = layer_tensors(model, model.layers[i], fmt::format("model.layers.{}.", i));
    out.insert(out.end(), tensors.begin(), tensors.end());
  }
  if (model.final_norm && model.norm_kind != NormKind::LayerNormNoParams &&
      model.norm_kind != NormKind::RMSNormNoWeight) {
    out.push_back({Component::Norm, "model.norm.weight", {h}});
    if (model.norm_kind == NormKind::LayerNorm || model.norm_kind == NormKind::LayerNorm1P)
      out.push_back({Component::Norm, "model.norm.bias", {h}});
  }
  if (!model.tied_embeddings) out.push_back({Component::LmHead, "lm_head.weight", {model.vocab_size, h}});
  if (model.lm_head_bias) out.push_back({Component::LmHead, "lm_head.bias", {model.vocab_size}});
  for (std::size_t i = 0; i < model.mtp_layers.size(); ++i) {
    auto tensors = layer_tensors(model, model.mtp_layers[i], fmt::format("mtp.layers.{}.", i));
    for (TensorSpec& tensor : tensors) tensor.component = Component::Mtp;
    out.insert(out.end(), tensors.begin(), tensors.end());
  }
  return out;
}

std::int64_t tensor_elements(const TensorSpec& tensor) {
  std::int64_t elements = 1;
  for (std::int64_t dim : tensor.shape) {
    if (dim < 0 || !checked_multiply(elements, dim, &elements)) return -1;
  }
  if (!checked_multiply(elements, tensor.copies, &elements)) return -1;
  return elements;
}

std::size_t tensor_spec_count(const Model& model, std::size_t limit) {
  std::size_t count = 6 + model.extra.size();  // embeddings, final norm and LM head (at most six)
  for (const auto* stack : {&model.layers, &model.mtp_layers})
    for (const Layer& layer : *stack) {
      if (count > limit) return count;
      count += layer_tensors(model, layer, "").size();
    }
  return count;
}

Result<ParameterCounts> count_parameters(const Model& model) {
  if (tensor_spec_count(model) > kMaxTensorSpecs)
    return bad_input(fmt::format("the model describes more than {} tensors (the tensor budget; experts count once)",
                                 kMaxTensorSpecs));
  ParameterCounts counts;
  std::int64_t embedding_lookup = 0;  // Embedding-component tensors: left out of `active`
  std::int64_t active = 0;
  std::int64_t lm_head_active = 0;  // LmHead-component tensors (a tied matrix too): left out of active_non_embedding
  for (const TensorSpec& tensor : model_tensors(model)) {
    const std::int64_t elements = tensor_elements(tensor);
    std::int64_t active_elements = 0;
    if (elements < 0 || (tensor.copies > 0 && !checked_multiply(elements / tensor.copies, tensor.active_copies,
                                                                &active_elements)))
      return internal_error(fmt::format("tensor {} is too large to count (sizes overflow 64 bits)", tensor.name));
    auto add = [&](std::int64_t& into, std::int64_t value) {
      return !__builtin_add_overflow(into, value, &into);
    };
    bool ok = true;
    if (tensor.component == Component::Mtp) {
      ok = add(counts.mtp, elements);
    } else {
      ok = add(counts.total, elements) && add(counts.by_component[tensor.component], elements);
      if (tensor.component == Component::Embedding)
        ok = ok && add(embedding_lookup, elements);
      else
        ok = ok && add(active, active_elements);
      if (tensor.component == Component::LmHead) ok = ok && add(lm_head_active, active_elements);
    }
    if (!ok) return internal_error("parameter count overflows 64 bits: sizes are absurd");
  }
  for (const Tower& tower : model.towers) {
    std::int64_t parameters = tower.layout == TowerLayout::Unknown ? -1 : 0;
    for (const TensorSpec& tensor : tower_tensors(tower)) {
      const std::int64_t elements = tensor_elements(tensor);
      if (elements < 0 || __builtin_add_overflow(parameters, elements, &parameters))
        return internal_error(fmt::format("tower tensor {} is too large to count (sizes overflow 64 bits)", tensor.name));
    }
    counts.towers_detail.push_back({tower.name, tower.kind, parameters});
    if (counts.towers >= 0 && (parameters < 0 || __builtin_add_overflow(counts.towers, parameters, &counts.towers)))
      counts.towers = -1;
  }
  counts.active = active;
  counts.embedding = embedding_lookup + (model.tied_embeddings ? model.vocab_size * model.hidden_size : 0);
  counts.active_with_embeddings = active + embedding_lookup;
  counts.active_non_embedding = active - lm_head_active;
  return counts;
}

}  // namespace llmg

// ---- towers of multimodal wrappers -----------------------------------------------------------------

namespace llmg {

namespace {

// A pre-norm ViT block with LayerNorms (weight and bias), biased q/k/v/out projections and a biased
// two-layer MLP: CLIPEncoderLayer, SiglipEncoderLayer, Idefics3EncoderLayer (layer_norm1, self_attn,
// layer_norm2, mlp.fc1 / mlp.fc2).
void vit_block_tensors(TensorList& t, std::int64_t h, std::int64_t f) {
  t.norm(NormKind::LayerNorm, "layer_norm1", h);
  for (const char* proj : {"self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.out_proj"})
    t.linear(Component::Vision, proj, h, h, true);
  t.norm(NormKind::LayerNorm, "layer_norm2", h);
  t.linear(Component::Vision, "mlp.fc1", h, f, true);
  t.linear(Component::Vision, "mlp.fc2", f, h, true);
}

// The Qwen VL patch merger's two biased linears: hidden·merge² → hidden·merge² → out_hidden.
void merger_mlp_tensors(TensorList& t, const Tower& w, const char* first, const char* second) {
  const std::int64_t hm = w.hidden * w.merge_size * w.merge_size;
  t.linear(Component::Vision, first, hm, hm, true);
  t.linear(Component::Vision, second, hm, w.out_hidden, true);
}

}  // namespace

std::vector<TensorSpec> tower_tensors(const Tower& w) {
  std::vector<TensorSpec> out;
  const std::int64_t h = w.hidden, f = w.intermediate, m2 = w.merge_size * w.merge_size;
  const std::string base = w.name + ".";
  TensorList top(out, base);
  // Every block's tensors under "<base><blocks>.<i>.".
  auto blocks = [&](const std::string& blocks_prefix, auto&& block) {
    for (std::int64_t i = 0; i < w.layers; ++i) {
      TensorList t(out, fmt::format("{}{}.{}.", base, blocks_prefix, i));
      block(t);
    }
  };
  switch (w.layout) {
    case TowerLayout::Unknown: break;
    case TowerLayout::ClipVision: {  // CLIPVisionModel (vision_model.*)
      TensorList t(out, base + "vision_model.");
      t.add(Component::Vision, "embeddings.class_embedding", {h});
      t.add(Component::Vision, "embeddings.patch_embedding.weight", {h, w.channels, w.patch_size, w.patch_size});
      t.add(Component::Vision, "embeddings.position_embedding.weight", {w.position_count, h});
      t.norm(NormKind::LayerNorm, "pre_layrnorm", h);
      blocks("vision_model.encoder.layers", [&](TensorList& b) { vit_block_tensors(b, h, f); });
      t.norm(NormKind::LayerNorm, "post_layernorm", h);
      break;
    }
    case TowerLayout::SiglipVision: {  // SiglipVisionModel (vision_model.*), Idefics3VisionTransformer
      TensorList t(out, base + "vision_model.");
      t.add(Component::Vision, "embeddings.patch_embedding.weight", {h, w.channels, w.patch_size, w.patch_size});
      t.add(Component::Vision, "embeddings.patch_embedding.bias", {h});
      t.add(Component::Vision, "embeddings.position_embedding.weight", {w.position_count, h});
      blocks("vision_model.encoder.layers", [&](TensorList& b) { vit_block_tensors(b, h, f); });
      t.norm(NormKind::LayerNorm, "post_layernorm", h);
      if (w.use_head) {  // SiglipMultiheadAttentionPoolingHead
        t.add(Component::Vision, "head.probe", {1, 1, h});
        t.add(Component::Vision, "head.attention.in_proj_weight", {3 * h, h});
        t.add(Component::Vision, "head.attention.in_proj_bias", {3 * h});
        t.linear(Component::Vision, "head.attention.out_proj", h, h, true);
        t.norm(NormKind::LayerNorm, "head.layernorm", h);
        t.linear(Component::Vision, "head.mlp.fc1", h, f, true);
        t.linear(Component::Vision, "head.mlp.fc2", f, h, true);
      }
      break;
    }
    case TowerLayout::PixtralVision: {  // PixtralVisionModel
      top.add(Component::Vision, "patch_conv.weight", {h, w.channels, w.patch_size, w.patch_size});
      top.add(Component::Vision, "ln_pre.weight", {h});
      blocks("transformer.layers", [&](TensorList& b) {
        b.add(Component::Vision, "attention_norm.weight", {h});
        for (const char* proj : {"attention.q_proj", "attention.k_proj", "attention.v_proj", "attention.o_proj"})
          b.linear(Component::Vision, proj, h, h, false);
        b.add(Component::Vision, "ffn_norm.weight", {h});
        b.linear(Component::Vision, "feed_forward.gate_proj", h, f, false);
        b.linear(Component::Vision, "feed_forward.up_proj", h, f, false);
        b.linear(Component::Vision, "feed_forward.down_proj", f, h, false);
      });
      break;
    }
    case TowerLayout::Qwen2Vision: {  // Qwen2VisionTransformerPretrainedModel
      top.add(Component::Vision, "patch_embed.proj.weight",
              {h, w.channels, w.temporal_patch_size, w.patch_size, w.patch_size});
      blocks("blocks", [&](TensorList& b) {
        b.norm(NormKind::LayerNorm, "norm1", h);
        b.norm(NormKind::LayerNorm, "norm2", h);
        b.linear(Component::Vision, "attn.qkv", h, 3 * h, true);
        b.linear(Component::Vision, "attn.proj", h, h, true);
        b.linear(Component::Vision, "mlp.fc1", h, f, true);
        b.linear(Component::Vision, "mlp.fc2", f, h, true);
      });
      top.norm(NormKind::LayerNorm, "merger.ln_q", h);
      merger_mlp_tensors(top, w, "merger.mlp.0", "merger.mlp.2");
      break;
    }
    case TowerLayout::Qwen2_5Vision: {  // Qwen2_5_VisionTransformerPretrainedModel
      top.add(Component::Vision, "patch_embed.proj.weight",
              {h, w.channels, w.temporal_patch_size, w.patch_size, w.patch_size});
      blocks("blocks", [&](TensorList& b) {
        b.add(Component::Vision, "norm1.weight", {h});
        b.add(Component::Vision, "norm2.weight", {h});
        b.linear(Component::Vision, "attn.qkv", h, 3 * h, true);
        b.linear(Component::Vision, "attn.proj", h, h, true);
        b.linear(Component::Vision, "mlp.gate_proj", h, f, true);
        b.linear(Component::Vision, "mlp.up_proj", h, f, true);
        b.linear(Component::Vision, "mlp.down_proj", f, h, true);
      });
      top.add(Component::Vision, "merger.ln_q.weight", {h});
      merger_mlp_tensors(top, w, "merger.mlp.0", "merger.mlp.2");
      break;
    }
    case TowerLayout::Qwen3Vision: {  // Qwen3VLVisionModel (also Qwen3.5's vision model)
      top.add(Component::Vision, "patch_embed.proj.weight",
              {h, w.channels, w.temporal_patch_size, w.patch_size, w.patch_size});
      top.add(Component::Vision, "patch_embed.proj.bias", {h});
      top.add(Component::Vision, "pos_embed.weight", {w.position_count, h});
      blocks("blocks", [&](TensorList& b) {
        b.norm(NormKind::LayerNorm, "norm1", h);
        b.norm(NormKind::LayerNorm, "norm2", h);
        b.linear(Component::Vision, "attn.qkv", h, 3 * h, true);
        b.linear(Component::Vision, "attn.proj", h, h, true);
        b.linear(Component::Vision, "mlp.linear_fc1", h, f, true);
        b.linear(Component::Vision, "mlp.linear_fc2", f, h, true);
      });
      top.norm(NormKind::LayerNorm, "merger.norm", h);  // use_postshuffle_norm false: over hidden
      merger_mlp_tensors(top, w, "merger.linear_fc1", "merger.linear_fc2");
      for (std::int64_t i = 0; i < w.deepstack_mergers; ++i) {  // use_postshuffle_norm true: over hidden·merge²
        TensorList d(out, fmt::format("{}deepstack_merger_list.{}.", base, i));
        d.norm(NormKind::LayerNorm, "norm", h * m2);
        merger_mlp_tensors(d, w, "linear_fc1", "linear_fc2");
      }
      break;
    }
    case TowerLayout::LlavaProjector:
      top.linear(Component::Vision, "linear_1", h, w.out_hidden, w.bias);
      top.linear(Component::Vision, "linear_2", w.out_hidden, w.out_hidden, w.bias);
      break;
    case TowerLayout::Gemma3Projector:
      top.add(Component::Vision, "mm_input_projection_weight", {h, w.out_hidden});
      top.add(Component::Vision, "mm_soft_emb_norm.weight", {h});
      break;
    case TowerLayout::Mistral3Projector:
      top.add(Component::Vision, "norm.weight", {h});
      top.linear(Component::Vision, "patch_merger.merging_layer", h * m2, h, false);
      top.linear(Component::Vision, "linear_1", h, w.out_hidden, w.bias);
      top.linear(Component::Vision, "linear_2", w.out_hidden, w.out_hidden, w.bias);
      break;
    case TowerLayout::PixelShuffleProjector:
      top.linear(Component::Vision, "modality_projection.proj", h * m2, w.out_hidden, false);
      break;
    case TowerLayout::LinearProjector: top.linear(Component::Vision, "linear", h, w.out_hidden, true); break;
    case TowerLayout::AyaVisionProjector:
      top.norm(NormKind::LayerNorm, "layernorm", h * m2);
      top.linear(Component::Vision, "linear_1", h * m2, f, true);
      top.linear(Component::Vision, "linear_2", f / 2, w.out_hidden, true);
      break;
  }
  if (w.extra_params > 0) out.push_back({Component::Vision, "image_newline", {w.extra_params}});
  for (TensorSpec& tensor : out) tensor.component = Component::Vision;
  return out;
}

}  // namespace llmg
