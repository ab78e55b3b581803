// The normalized architecture: one plain description of a decoder, whatever file it came from.
// Ingestion (config.json, params.json, GGUF, safetensors) fills it; analysis, diagrams, diff and
// the server read it. Two models compare field by field (operator== is defaulted everywhere).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/vocab.h"

namespace llmg {

// ---- token mixers -------------------------------------------------------------------------------

enum class MixerKind : std::uint8_t {
  None,                // block without a token mixer (Nemotron-H MLP/MoE-only blocks)
  Attention,           // softmax attention with its own K and V; MHA/GQA/MQA follow from head counts
  LatentAttention,     // multi-head latent attention (DeepSeek V2/V3 MLA): caches a compressed latent
  GatedDeltaNet,       // linear attention with delta rule and gating (Qwen3-Next, Qwen3.5)
  KimiDeltaAttention,  // Kimi Linear's KDA (channel-wise gated delta rule)
  LightningAttention,  // MiniMax-01 style linear attention
  Mamba2,              // selective state-space layer
  MLSTM,               // xLSTM matrix-memory LSTM
  // DeepSeek V4: shared-KV MQA (K = V, one head) over a sliding window, plus, where
  // AttentionSpec::compress_ratio > 0, one compressed K=V entry per compress_ratio tokens of the
  // whole context (CSA: an indexer picks compressed_top_k of them; HCA: all).
  CompressedAttention,
  Mamba,  // Mamba-1 selective state-space layer (Mamba, Falcon Mamba, Jamba): per-channel state, dt_rank
  // LFM2's gated short convolution (Lfm2ShortConv): in_proj to B, C, x (3 × hidden), a depthwise causal
  // conv of width conv_kernel (config conv_L_cache) over B·x, C gating, out_proj. Its state is the conv
  // window: conv_channels × conv_kernel values per sequence.
  ShortConv,
  // RWKV-4 time mixing (RwkvSelfAttention): key, value, receptance and output projections of
  // value_head_dim (attention_hidden_size) channels, per-channel time_decay / time_first and token-shift
  // mix vectors. State: the WKV numerator, denominator and running max (fp32) and two token-shift vectors.
  Rwkv4,
  // RecurrentGemma's recurrent block (RecurrentGemmaRecurrentBlock): linear_x / linear_y / linear_out of
  // conv_channels (lru_width), a depthwise conv of conv_kernel with bias, and the RG-LRU with block-diagonal
  // input and recurrence gates (num_heads blocks). State: the LRU vector (fp32) and the conv window.
  RgLru,
};
inline constexpr std::size_t kMixerKindCount = static_cast<std::size_t>(MixerKind::RgLru) + 1;

// How far back a softmax-attention layer sees.
enum class AttentionSpan : std::uint8_t {
  Full,           // every previous token
  SlidingWindow,  // the last `window` tokens
  Chunked,        // tokens of the same `window`-sized chunk (Llama 4)
};

// Normalization of queries and keys inside attention.
enum class QkNorm : std::uint8_t {
  None,
  PerHead,    // one head_dim vector shared by every head (Qwen3, Gemma 3)
  FullWidth,  // one vector over all heads × head_dim (OLMo 2)
  PerHeadNoWeight,  // an RMS norm over each head with no learned weight (NanoChat's Llama4TextL2Norm); set D
};

struct AttentionSpec {
  std::int64_t num_heads = 0;
  std::int64_t num_kv_heads = 0;
  std::int64_t head_dim = 0;        // query/key head dimension (MLA: qk_nope + qk_rope)
  std::int64_t value_head_dim = 0;  // value head dimension (equal to head_dim unless decoupled)
  AttentionSpan span = AttentionSpan::Full;
  std::int64_t window = 0;  // tokens, for SlidingWindow and Chunked
  bool q_bias = false, k_bias = false, v_bias = false, o_bias = false;
  QkNorm qk_norm = QkNorm::None;
  bool keys_are_values = false;     // K = V: one projection and one cached tensor (Gemma 4 global layers)
  std::int64_t kv_shared_from = -1;  // index of the layer whose KV cache this layer reuses, or -1
  bool output_gate = false;          // sigmoid gate on the attention output; q_proj emits 2× (Qwen3-Next);
                                     // on MLA its own g_proj, hidden -> heads × v_head_dim (Kimi K3)
  bool sinks = false;                // learned per-head sink logits (gpt-oss)
  // Clamp of the q, k and v activations to [-qkv_clip, qkv_clip] (OLMo clip_qkv, MPT attn_config.clip_qkv);
  // 0 = none. No parameters.
  double qkv_clip = 0.0;
  // Llama 4 / Ministral 3 query temperature: queries scaled by 1 + beta · log(1 + floor(position /
  // query_scale_period)) (rope_parameters.llama_4_scaling_beta, original_max_position_embeddings); 0 = none.
  double query_scale_beta = 0.0;
  std::int64_t query_scale_period = 0;
  double rope_fraction = 1.0;        // share of head_dim rotated; 0 = NoPE layer
  double rope_theta = 0.0;
  // Multi-head latent attention (DeepSeek V3 keys); zero when not MLA.
  std::int64_t q_lora_rank = 0;  // 0: queries projected directly from the hidden state
  std::int64_t kv_lora_rank = 0;
  std::int64_t qk_nope_head_dim = 0;
  std::int64_t qk_rope_head_dim = 0;
  // Compressed attention (CompressedAttention); top_k also holds DSA's index_topk on MLA layers.
  std::int64_t compress_ratio = 0;    // source tokens per compressed entry; 0 = sliding window only
  std::int64_t compressed_top_k = 0;  // entries an indexer selects per query; 0 = attends to all
  // DeepSeek V4 (CompressedAttention) projections; zero otherwise.
  std::int64_t o_groups = 0;     // grouped low-rank output: head groups of o_a_proj (config o_groups)
  std::int64_t o_lora_rank = 0;  // rank per group of the output projection (config o_lora_rank)
  // Lightning indexer of a sparse-attention layer (DeepSeek V3.2 DSA, DeepSeek V4 CSA); zero when none.
  std::int64_t indexer_heads = 0;     // index heads (config index_n_heads); V4 CSA layers only
  std::int64_t indexer_head_dim = 0;  // values per index head (config index_head_dim); V4 CSA layers only
  std::int64_t indexer_top_k = 0;     // tokens the DSA indexer selects per query (config index_topk); 0 = none
  // Differential attention (DiffLlama, the Differential Transformer): the heads' softmax maps are taken in
  // pairs and subtracted, the second scaled by a learned λ = exp(λq1·λk1) − exp(λq2·λk2) + λinit; four
  // head_dim vectors per layer (lambda_q1, lambda_k1, lambda_q2, lambda_k2) and a weightless group norm.
  bool differential = false;
  // MiniMax Sparse Attention (issue 13): the indexer scores blocks of this many tokens and the layer
  // attends to indexer_top_k blocks (indexer_heads × indexer_head_dim query, one shared index key per
  // token); 0 = token-level selection (DSA) or none.
  std::int64_t sparse_block_size = 0;
  bool operator==(const AttentionSpec&) const = default;
};

// Linear-attention and state-space mixers: heads, state and the short convolution.
struct RecurrentSpec {
  std::int64_t num_heads = 0;      // value heads (GDN/KDA), SSM heads (Mamba-2), heads (mLSTM)
  std::int64_t num_key_heads = 0;  // GDN/KDA key heads
  std::int64_t key_head_dim = 0;
  std::int64_t value_head_dim = 0;  // Mamba-2: head_dim
  std::int64_t state_size = 0;      // Mamba-2 d_state
  std::int64_t num_groups = 0;      // Mamba-2 n_groups (B/C groups)
  std::int64_t conv_kernel = 0;     // short causal convolution width; 0 = none
  bool conv_bias = false;
  bool proj_bias = false;
  // Mamba-1 (MixerKind::Mamba): inner width (intermediate_size, expand × hidden) and the rank of the
  // time-step projection (time_step_rank, ceil(hidden / 16) when "auto"); state_size and conv_kernel above.
  std::int64_t inner_size = 0;
  std::int64_t dt_rank = 0;
  bool dt_bc_norms = false;  // RMSNorm weights on dt (dt_rank), B and C (state_size each): Jamba
  std::int64_t conv_channels = 0;  // ShortConv: channels of the depthwise conv (LFM2: hidden_size)
  // Mamba-2 variants (Falcon-H1's FalconH1Mixer): the gated RMSNorm over the inner width is optional
  // (mamba_rms_norm), and out_proj's bias has its own switch (projectors_bias; -1: as proj_bias).
  bool gated_norm = true;
  std::int8_t out_proj_bias = -1;
  // KDA's output gate as one full-rank g_proj (hidden -> heads × head_dim; Kimi K3's use_full_rank_gate)
  // instead of the low-rank g_a / g_b pair (Kimi Linear).
  bool full_rank_gate = false;
  bool operator==(const RecurrentSpec&) const = default;
};

// ---- feed-forward ------------------------------------------------------------------------------

enum class FfnKind : std::uint8_t { None, Dense, MoE };
inline constexpr std::size_t kFfnKindCount = static_cast<std::size_t>(FfnKind::MoE) + 1;

struct FeedForwardSpec {
  FfnKind kind = FfnKind::Dense;
  bool gated = true;               // gate·up (SwiGLU/GeGLU) vs a plain up projection (GPT-2, ReLU²)
  std::string activation = "silu";  // as the config names it
  bool bias = false;
  std::int64_t intermediate_size = 0;  // dense width
  // Mixture of experts
  std::int64_t num_experts = 0;
  std::int64_t zero_experts = 0;  // identity experts the router may pick (LongCat-Flash): router rows, no weights
  std::int64_t experts_per_token = 0;
  std::int64_t expert_intermediate_size = 0;
  std::int64_t num_shared_experts = 0;
  std::int64_t shared_intermediate_size = 0;  // width of each shared expert
  bool router_bias = false;                   // linear bias on the router (gpt-oss)
  bool router_correction_bias = false;        // e_score_correction_bias (DeepSeek V3 noaux_tc)
  bool shared_expert_gate = false;            // sigmoid gate on the shared expert (Qwen2-MoE, Qwen3-Next)
  // LatentMoE (Nemotron 3 Super): routed experts read and write this narrower width; fc1_latent_proj
  // (hidden -> latent) and fc2_latent_proj (latent -> hidden) run once per token around them. 0 = none.
  std::int64_t latent_size = 0;
  bool router_in_extra = false;               // the family lists its own router tensors in Layer::extra (ZAYA1's MLP router)
  // Gemma 3n activation sparsity: the share of gate activations zeroed by a Gaussian top-k cut before the
  // activation (activation_sparsity_pattern[i], e.g. 0.95); 0 = dense. No parameters. Set D (issue 12).
  double activation_sparsity = 0.0;
  bool operator==(const FeedForwardSpec&) const = default;
};

// ---- tensors a family adds on top of the common layout ------------------------------------------

// Which part of the model a tensor belongs to; used for the per-component breakdown, for the
// active-parameter rule and for matching safetensors names.
enum class Component : std::uint8_t {
  Embedding,      // input lookup tables (token, position, per-layer inputs): not "active"
  Attention,      // token mixer (softmax, latent or recurrent)
  FeedForward,    // dense MLP and shared experts
  RoutedExperts,  // MoE experts: only experts_per_token of them run for a token
  Router,
  Norm,
  LmHead,
  Mtp,        // multi-token-prediction layers: counted apart from total
  Other,
  // Found only in checkpoints (the safetensors/GGUF tensor report), never in a config enumeration:
  Vision,      // vision/audio tower and multimodal projector
  QuantScale,  // quantization scales, zero points and group indices stored beside quantized weights
  Table,       // constants a converter stores as tensors (llama.cpp's rope_freqs, rope_factors_long/short)
};
inline constexpr std::size_t kComponentCount = static_cast<std::size_t>(Component::Table) + 1;

struct TensorSpec {
  Component component = Component::Other;
  std::string name;
  std::vector<std::int64_t> shape;
  std::int64_t copies = 1;         // e.g. routed experts: one tensor per expert
  std::int64_t active_copies = 1;  // copies that run for one token
  bool operator==(const TensorSpec&) const = default;
};

// ---- layers and the model ------------------------------------------------------------------------

struct Layer {
  MixerKind mixer = MixerKind::Attention;
  AttentionSpec attention;  // for Attention, LatentAttention and CompressedAttention
  RecurrentSpec recurrent;  // for the linear/state-space mixers
  FeedForwardSpec ffn;
  // Tensors only one family has (DSA indexer, hyper-connections, MTP projections). Every mixer's own
  // tensors are enumerated in analysis/params.cpp from the specs above.
  std::vector<TensorSpec> extra;
  // Falcon-H1: a Mamba-2 mixer (described by `recurrent`) runs beside the softmax attention on the same
  // normed input and both outputs are added to the residual; its state adds to the layer's KV cache.
  bool parallel_mamba2 = false;
  bool operator==(const Layer&) const = default;

  // ---- the questions about a layer: ask them here, never restate them ----------------------------
  // Softmax attention: Attention, LatentAttention and CompressedAttention (DeepSeek V4 attends with a
  // softmax over its window and compressed entries). Counted as attention layers; gets attention FLOPs.
  bool is_softmax_attention() const;
  // Linear-attention and state-space mixers (GDN, KDA, Lightning, Mamba-2, mLSTM): a fixed-size state.
  bool is_recurrent() const;
  // Keeps a KV cache of its own: softmax attention that does not reuse another layer's cache.
  bool has_kv() const;
  // Softmax attention whose reach is limited to a sliding window or a chunk. A compressed-attention
  // layer with compressed entries (CSA/HCA) sees the whole context through them, so it is not windowed;
  // DeepSeek V4's sliding layers (compress_ratio 0) are.
  bool is_windowed() const;
  bool is_moe() const { return ffn.kind == FfnKind::MoE; }
};

enum class NormKind : std::uint8_t {
  RMSNorm,
  LayerNorm,        // weight and bias
  LayerNormNoBias,  // weight only (Cohere)
  // set D (issue 12)
  LayerNormNoParams,  // no weight and no bias: a pure normalization (OLMo 1's OlmoLayerNorm)
  LayerNorm1P,        // weight and bias, the weight applied as 1 + w (Nemotron's NemotronLayerNorm1P)
  RMSNormNoWeight,    // RMS normalization without a learned weight (NanoChat's NanoChatRMSNorm)
};
inline constexpr std::size_t kNormKindCount = static_cast<std::size_t>(NormKind::RMSNormNoWeight) + 1;

enum class NormPlacement : std::uint8_t {
  Pre,       // norm before mixer and FFN (GPT-2 onwards)
  Post,      // norm after mixer and FFN, inside the residual (OLMo 2)
  Sandwich,  // both before and after (Gemma 2/3/4)
  Parallel,  // one norm feeds attention and MLP side by side, both added to the residual (Cohere)
  // Attention and MLP side by side, each behind its own norm (GPT-NeoX use_parallel_residual, Falcon's
  // new_decoder_architecture ln_attn / ln_mlp).
  ParallelTwoNorms,
};
inline constexpr std::size_t kNormPlacementCount = static_cast<std::size_t>(NormPlacement::ParallelTwoNorms) + 1;

// ALiBi: linear biases on the attention logits, no position parameters (BLOOM, MPT, Falcon alibi).
// Sinusoidal: fixed absolute sin/cos positions added to the embeddings, a buffer, no parameters (CTRL, XGLM).
enum class PositionKind : std::uint8_t { RoPE, Learned, NoPE, ALiBi, Sinusoidal };
inline constexpr std::size_t kPositionKindCount = static_cast<std::size_t>(PositionKind::Sinusoidal) + 1;

// ---- towers of a multimodal wrapper: counted apart from the language model (params.towers) --------

// What a tower feeds the decoder from.
enum class TowerKind : std::uint8_t { Vision, Audio, Projector };

// The reference class whose tensors a tower has (transformers' modeling files; enumerated in
// analysis/params.cpp tower_tensors). Unknown: the config does not give its shapes exactly; the tower
// is listed with its name and a note, its parameters are unknown and params.towers is null.
enum class TowerLayout : std::uint8_t {
  Unknown,
  ClipVision,       // CLIPVisionModel: class embedding, patch conv (no bias), positions, pre/post LayerNorm
  SiglipVision,     // SiglipVisionModel / Idefics3VisionTransformer: patch conv with bias, positions, post
                    // LayerNorm, optional attention-pooling head (`use_head`)
  PixtralVision,    // PixtralVisionModel: patch conv (no bias), ln_pre RMSNorm, RMSNorm blocks, gated MLP, no bias
  Qwen2Vision,      // Qwen2VisionTransformerPretrainedModel: Conv3d patches, LayerNorm blocks, PatchMerger
  Qwen2_5Vision,    // Qwen2_5_VisionTransformerPretrainedModel: RMSNorm blocks, gated biased MLP, merger
  Qwen3Vision,      // Qwen3VLVisionModel: biased Conv3d, learned positions, merger + DeepStack mergers
  LlavaProjector,   // LlavaMultiModalProjector: linear_1 (hidden → out_hidden), GELU, linear_2 (out → out)
  Gemma3Projector,  // Gemma3MultiModalProjector: mm_soft_emb_norm RMSNorm(hidden), mm_input_projection_weight
  Mistral3Projector,  // Mistral3MultiModalProjector: RMSNorm, patch merger (merge² × hidden → hidden), 2 linears
  PixelShuffleProjector,  // Idefics3Connector / SmolVLMConnector: one Linear(hidden × merge², out_hidden), no bias
  LinearProjector,        // PaliGemmaMultiModalProjector: one Linear(hidden, out_hidden) with bias
  AyaVisionProjector,     // AyaVisionMultiModalProjector: LayerNorm(hidden × merge²), SwiGLU-halving 2 linears
};

struct Tower {
  TowerKind kind = TowerKind::Vision;
  TowerLayout layout = TowerLayout::Unknown;
  std::string name;  // module name in the wrapper ("vision_tower", "multi_modal_projector", "visual")
  std::int64_t layers = 0;
  std::int64_t hidden = 0;        // encoder width; a projector's input width
  std::int64_t intermediate = 0;  // encoder MLP width; a projector's middle width (0: none)
  std::int64_t heads = 0;
  std::int64_t channels = 0;      // image channels
  std::int64_t patch_size = 0;
  std::int64_t temporal_patch_size = 0;  // Conv3d patches (Qwen VL); 0 = Conv2d
  std::int64_t position_count = 0;       // learned position rows (0: RoPE, none)
  std::int64_t merge_size = 0;           // spatial merge / pixel-shuffle / downsample factor
  std::int64_t out_hidden = 0;           // width handed to the decoder (merger / projector output)
  std::int64_t deepstack_mergers = 0;    // Qwen3-VL DeepStack mergers
  bool bias = false;                     // projector linears with bias
  bool use_head = false;                 // SigLIP attention-pooling head
  std::int64_t extra_params = 0;         // parameters outside the layout (LLaVA-NeXT image_newline [text hidden])
  std::string note;                      // why Unknown, or a convention applied
  bool operator==(const Tower&) const = default;
};

// Provenance of a reconstructed or inferred value: which config key, or which convention.
using KeySources = std::map<std::string, std::string>;

struct Model {
  std::string model_type;    // config's model_type (or GGUF general.architecture)
  std::string family;        // display name of the family ("Llama", "DeepSeek V3", ...)
  std::string architecture;  // architectures[0] when given

  std::int64_t hidden_size = 0;
  std::int64_t vocab_size = 0;
  std::int64_t context_length = 0;

  std::vector<Layer> layers;
  std::vector<Layer> mtp_layers;  // multi-token-prediction blocks, not part of the main stack

  bool tied_embeddings = false;
  PositionKind positions = PositionKind::RoPE;
  std::int64_t learned_position_count = 0;  // GPT-2 wpe rows
  double rope_theta = 0.0;
  std::string rope_scaling;  // "yarn", "llama3", ... or empty

  NormKind norm_kind = NormKind::RMSNorm;
  NormPlacement norm_placement = NormPlacement::Pre;
  double norm_eps = 0.0;
  bool lm_head_bias = false;
  bool final_norm = true;  // a norm after the last layer (false: GPT-1, whose blocks end in their own LayerNorm)
  // Looped depth (issue 13): the stack `layers` runs this many times per token with the same weights
  // (Ouro's total_ut_steps, Nanbeige 4.2's num_loops); each pass keeps its own KV cache. 1 = no loop.
  std::int64_t loop_count = 1;

  std::vector<TensorSpec> extra;  // model-level tensors a family adds (per-layer input tables, ...)
  // Vision/audio encoders and projectors of a multimodal wrapper, counted apart (params.towers).
  std::vector<Tower> towers;

  // Which config key each fact came from ("layers" -> "text_config.num_hidden_layers").
  KeySources key_sources;
  // Conventions and inferences applied while reading, in plain words.
  std::vector<std::string> notes;

  bool operator==(const Model&) const = default;

  // ---- per-layer accessors: layer i's predicate (see Layer) ------------------------------------
  std::int64_t layer_count() const { return static_cast<std::int64_t>(layers.size()); }
  bool is_softmax_attention(std::size_t i) const { return layers[i].is_softmax_attention(); }
  bool is_window_limited(std::size_t i) const { return layers[i].is_windowed(); }
  bool is_recurrent(std::size_t i) const { return layers[i].is_recurrent(); }
  bool has_kv(std::size_t i) const { return layers[i].has_kv(); }
  bool is_moe(std::size_t i) const { return layers[i].is_moe(); }
};

// ---- names for display and JSON: the tables are in model/vocab.{h,cpp} ----------------------------

// The layer kind of a layer (mixer × span; DeepSeek V4's compressed kinds).
LayerKind layer_kind(const Layer& layer);
// The mixer of layer i as a stable key, span included: "full_attention", "sliding_attention",
// "chunked_attention", "latent_attention", "sliding_latent_attention", "gated_deltanet", ...
std::string layer_mixer_key(const Layer& layer);
// Human label for the same: "global attention", "sliding-window attention (1,024)", "Gated DeltaNet".
std::string layer_mixer_label(const Layer& layer);
// Attention flavour from head counts: "MHA", "GQA", "MQA", "MLA".
std::string attention_flavour(const Layer& layer);

// Run-length summaries of the stack.
struct KindCount {
  std::string kind;
  std::int64_t count = 0;
  bool operator==(const KindCount&) const = default;
};
// Counts per mixer key, in order of first appearance ("sliding_attention" 52, "full_attention" 10).
std::vector<KindCount> mixer_mix(const Model& model);
// Counts per FFN key ("dense" 3, "moe" 58).
std::vector<KindCount> ffn_mix(const Model& model);
// Consecutive runs of identical (mixer, ffn) keys, in order: the layer strip as runs.
std::vector<KindCount> layer_runs(const Model& model);
// Short word for a mixer key: "sliding_attention" -> "sliding-window", "gated_deltanet" -> "Gated DeltaNet".
std::string short_mixer_label(const std::string& key);
// "52 sliding-window + 10 global"
std::string mixer_mix_summary(const Model& model);

}  // namespace llmg
