#include "view/concepts.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/facts.h"
#include "analysis/params.h"
#include "base/units.h"

namespace llmg {

namespace {

// ---- layer predicates (each over one layer of the normalized model) ------------------------------

bool softmax(const Layer& l) { return l.is_softmax_attention(); }
bool flavour_is(const Layer& l, std::string_view flavour) {
  return l.mixer == MixerKind::Attention && attention_flavour(l) == flavour;
}
bool has_tensor(const std::vector<TensorSpec>& tensors, std::string_view part) {
  return std::any_of(tensors.begin(), tensors.end(),
                     [&](const TensorSpec& t) { return t.name.find(part) != std::string::npos; });
}

bool mha(const Model&, const Layer& l) { return flavour_is(l, "MHA"); }
bool gqa(const Model&, const Layer& l) { return flavour_is(l, "GQA"); }
// One shared K/V head: plain MQA, and DeepSeek V4's compressed attention (one K = V head).
bool mqa(const Model&, const Layer& l) {
  return softmax(l) && l.mixer != MixerKind::LatentAttention && attention_flavour(l) == "MQA";
}
bool mla(const Model&, const Layer& l) { return l.mixer == MixerKind::LatentAttention; }
bool sliding(const Model&, const Layer& l) { return l.is_windowed() && l.attention.span == AttentionSpan::SlidingWindow; }
bool chunked(const Model&, const Layer& l) { return l.is_windowed() && l.attention.span == AttentionSpan::Chunked; }
bool gated_attention(const Model&, const Layer& l) { return softmax(l) && l.attention.output_gate; }
bool sinks(const Model&, const Layer& l) { return softmax(l) && l.attention.sinks; }
bool k_equals_v(const Model&, const Layer& l) { return softmax(l) && l.attention.keys_are_values; }
bool kv_sharing(const Model&, const Layer& l) { return softmax(l) && l.attention.kv_shared_from >= 0; }
// DeepSeek Sparse Attention: an MLA layer with the lightning indexer (its top-k, or its tensors).
bool dsa(const Model&, const Layer& l) {
  return l.mixer == MixerKind::LatentAttention && (l.attention.indexer_top_k > 0 || has_tensor(l.extra, "self_attn.indexer."));
}
bool msa(const Model&, const Layer& l) { return softmax(l) && l.attention.sparse_block_size > 0; }
bool compressed(const Model&, const Layer& l) {
  return l.mixer == MixerKind::CompressedAttention && l.attention.compress_ratio > 0;
}
bool gdn(const Model&, const Layer& l) { return l.mixer == MixerKind::GatedDeltaNet; }
bool kda(const Model&, const Layer& l) { return l.mixer == MixerKind::KimiDeltaAttention; }
bool lightning(const Model&, const Layer& l) { return l.mixer == MixerKind::LightningAttention; }
bool mamba2(const Model&, const Layer& l) { return l.mixer == MixerKind::Mamba2; }
bool mlstm(const Model&, const Layer& l) { return l.mixer == MixerKind::MLSTM; }
bool short_conv(const Model&, const Layer& l) { return l.is_recurrent() && l.recurrent.conv_kernel > 0; }
bool moe(const Model&, const Layer& l) { return l.is_moe(); }
bool shared_experts(const Model&, const Layer& l) { return l.is_moe() && l.ffn.num_shared_experts > 0; }
bool latent_moe(const Model&, const Layer& l) { return l.is_moe() && l.ffn.latent_size > 0; }
bool nope(const Model& m, const Layer& l) {
  return softmax(l) && m.positions != PositionKind::Learned &&
         (m.positions == PositionKind::NoPE || l.attention.rope_fraction == 0.0);
}
// MLA's decoupled RoPE key (qk_rope_head_dim of the key) is part of MLA, not counted here.
bool partial_rope(const Model& m, const Layer& l) {
  return softmax(l) && l.mixer != MixerKind::LatentAttention && m.positions == PositionKind::RoPE &&
         l.attention.rope_fraction > 0.0 &&
         l.attention.rope_fraction < 1.0;
}
bool qk_norm(const Model&, const Layer& l) { return softmax(l) && l.attention.qk_norm != QkNorm::None; }
// Manifold-constrained hyper-connections (DeepSeek V4): the block mixes hc_mult residual streams.
bool multi_stream(const Model&, const Layer& l) { return has_tensor(l.extra, "attn_hc.fn"); }

// ---- model predicates ---------------------------------------------------------------------------

bool hybrid(const Model& m) {
  const bool recurrent = std::any_of(m.layers.begin(), m.layers.end(), [](const Layer& l) { return l.is_recurrent(); });
  return recurrent && std::any_of(m.layers.begin(), m.layers.end(), softmax);
}
bool mtp(const Model& m) { return !m.mtp_layers.empty(); }
bool post_norm(const Model& m) { return m.norm_placement == NormPlacement::Post; }
bool sandwich_norm(const Model& m) { return m.norm_placement == NormPlacement::Sandwich; }
bool parallel_block(const Model& m) { return m.norm_placement == NormPlacement::Parallel; }
bool per_layer_embeddings(const Model& m) { return has_tensor(m.extra, "embed_tokens_per_layer"); }
bool never(const Model&) { return false; }
bool looped(const Model& m) { return m.loop_count > 1; }

constexpr std::string_view kAttention = "Attention";
constexpr std::string_view kSparse = "Sparse and compressed attention";
constexpr std::string_view kLinear = "Linear attention and state-space mixers";
constexpr std::string_view kFfn = "Feed-forward";
constexpr std::string_view kPositions = "Positions and normalization";
constexpr std::string_view kStack = "Stack and residuals";

constexpr std::string_view kSoftmaxKv =
    "Per attention layer and token: KV heads × (key dim + value dim) values, × 2 bytes at bf16.";

// clang-format off
const Concept kConcepts[] = {
  {"mha", "Multi-head attention (MHA)", kAttention,
   "Every query head has its own key and value head: the original transformer attention. The cache grows with the full head count, the most any softmax attention keeps.",
   "2 × heads × head dim values per layer and token (KV heads = query heads).",
   "q, k, v, o projections: 4 × hidden × heads × head dim (plus biases where the config has them).",
   mha, nullptr, ConceptFocus::Mixer, "olmo-2-7b", ""},
  {"gqa", "Grouped-query attention (GQA)", kAttention,
   "Query heads are split into groups that share one key/value head. Fewer KV heads shrink the cache and the k/v projections by the group size while the queries keep their full resolution.",
   "2 × KV heads × head dim values per layer and token.",
   "q and o: hidden × heads × head dim each; k and v: hidden × KV heads × head dim each.",
   gqa, nullptr, ConceptFocus::Mixer, "llama-3-8b", ""},
  {"mqa", "Multi-query attention (MQA)", kAttention,
   "All query heads share a single key/value head: GQA taken to one group. The cache per layer is one key and one value vector per token (one vector when K = V, as in DeepSeek V4's compressed attention).",
   "2 × 1 × head dim values per layer and token (1 × head dim when K = V).",
   "q and o as in MHA; k and v: hidden × head dim each.",
   mqa, nullptr, ConceptFocus::Mixer, "gemma-3-270m", ""},
  {"mla", "Multi-head latent attention (MLA)", kAttention,
   "Keys and values are compressed into one low-rank latent per token, which is what the cache holds; per-head keys and values are projected back up from it. A small decoupled key carries RoPE, since rotated keys cannot be folded into the up-projection.",
   "kv_lora_rank + qk_rope_head_dim values per layer and token, independent of the head count.",
   "q (directly, or down to q_lora_rank and up), kv_a (hidden → kv_lora_rank + rope dim), kv_b (kv_lora_rank → heads × (nope dim + value dim)), o.",
   mla, nullptr, ConceptFocus::Mixer, "deepseek-v3-671b", ""},
  {"sliding-window", "Sliding-window attention", kAttention,
   "A layer attends only to the last W tokens, so its cache stops growing at W. Models interleave such local layers with a few global ones (the ratio is the pattern, e.g. 5:1).",
   "Same values per token as the layer's attention kind; an engine keeps at most W tokens of it (the gallery's per-token figure counts every layer in full).",
   "No parameters of its own: the projections are those of the layer's attention.",
   sliding, nullptr, ConceptFocus::Mixer, "gemma-3-27b", ""},
  {"chunked", "Chunked attention", kAttention,
   "The sequence is cut into fixed chunks and a layer attends only within its own chunk (Llama 4's local layers). Like a window, but the reach restarts at each chunk boundary.",
   "Same values per token as the layer's attention kind; an engine keeps at most one chunk of it.",
   "No parameters of its own.",
   chunked, nullptr, ConceptFocus::Mixer, "llama-4-maverick-400b", ""},
  {"hybrid", "Hybrid attention (linear or state-space + softmax)", kAttention,
   "Most layers use a mixer with a fixed-size state (linear attention or a state-space model) and a few keep softmax attention for exact recall. Only the softmax layers grow a KV cache.",
   "Softmax layers only: the recurrent layers keep a fixed state instead (see the memory calculator).",
   "Each layer's own mixer; the mix is the model's layer pattern.",
   nullptr, hybrid, ConceptFocus::Mixer, "qwen3-next-80b-a3b", ""},
  {"gated-attention", "Gated attention", kAttention,
   "A sigmoid gate computed from the hidden state scales the attention output per channel before the output projection, so a head can shut its output off.",
   "Unchanged.",
   "The gate is as wide as the queries: q_proj emits 2 × heads × head dim (Qwen3-Next), or a gate_proj of heads × head dim sits beside it (Trinity); either way hidden × heads × head dim more.",
   gated_attention, nullptr, ConceptFocus::Mixer, "qwen3-next-80b-a3b", ""},
  {"attention-sinks", "Attention sinks", kAttention,
   "Each head has a learned logit that joins the softmax as an extra slot, so a head can attend to nothing instead of dumping weight on the first tokens.",
   "Unchanged.",
   "One value per head per layer.",
   sinks, nullptr, ConceptFocus::Mixer, "gpt-oss-120b", ""},
  {"k-equals-v", "K = V (shared key and value)", kAttention,
   "One projection serves as both key and value, so a layer caches one vector per KV head instead of two.",
   "KV heads × head dim values per layer and token: half of separate K and V.",
   "No v_proj.",
   k_equals_v, nullptr, ConceptFocus::Mixer, "gemma-4-31b", ""},
  {"kv-sharing", "Cross-layer KV sharing", kAttention,
   "Some layers reuse the KV cache of an earlier layer instead of computing their own keys and values.",
   "A sharing layer caches nothing.",
   "A sharing layer has no k/v projections (nor k_norm).",
   kv_sharing, nullptr, ConceptFocus::Mixer, "gemma-4-e2b", ""},
  {"deepseek-sparse-attention", "DeepSeek Sparse Attention (DSA)", kSparse,
   "A lightning indexer (a few small heads) scores every previous token cheaply, and the MLA layer attends only to the top-k it selects. The attention cost per token stops growing with the context; the cache is still MLA's.",
   "MLA's latent per layer and token (the indexer's own keys are left out).",
   "MLA's projections plus the indexer: wq_b, wk, k_norm and weights_proj per layer.",
   dsa, nullptr, ConceptFocus::Mixer, "deepseek-v3-2-671b", ""},
  {"minimax-sparse-attention", "MiniMax sparse attention", kSparse,
   "MiniMax M3's sparse attention: an indexer (a few query heads and one shared key per token) scores blocks of the context, and the GQA layer attends only to the top-k blocks (the local block included). The cost per token stops growing with the context; the cache is the layer's K and V.",
   "GQA's K and V per layer and token (the indexer's key, one head per token, is left out, as DSA's is).",
   "GQA's projections plus the indexer: an index query of index heads × index dim, one index key and their norms per layer.",
   msa, nullptr, ConceptFocus::Mixer, "minimax-m3-428b", ""},
  {"qwen-sparse-attention", "Qwen sparse attention", kSparse,
   "A sparse-attention design from Qwen in which a query attends to a selected subset of the context.",
   "Not modelled.", "Not modelled.",
   nullptr, never, ConceptFocus::Mixer, "",
   "the normalized Model has no field for it: the Qwen models the engine reads use full, sliding or hybrid attention"},
  {"compressed-attention", "Compressed sparse and heavily compressed attention (CSA / HCA)", kSparse,
   "DeepSeek V4's attention: one shared K = V head over a sliding window, plus one compressed entry per compress_ratio tokens of the whole context. CSA lets an indexer pick the top-k compressed entries; HCA compresses more and attends to all of them.",
   "head dim (the windowed K = V vector) + head dim / compress_ratio (the compressed entries) values per layer and token.",
   "Queries through a low-rank path, the shared K = V projection, the compressor, a grouped low-rank output, and for CSA the indexer.",
   compressed, nullptr, ConceptFocus::Mixer, "deepseek-v4-flash-284b", ""},
  {"gated-deltanet", "Gated DeltaNet", kLinear,
   "Linear attention whose state (a key × value matrix per head) is updated by the delta rule (write the new value for a key, erase the old) with a gate that decays it. The state has a fixed size, so the layer has no KV cache.",
   "None: a fixed state of value heads × key dim × value dim per layer, plus the short-convolution window.",
   "in_proj_qkvz (queries, keys, values and the output gate), in_proj_ba (per head: write strength β and decay), the short convolution over q, k and v, A_log and dt_bias per head, a gated output norm and out_proj.",
   gdn, nullptr, ConceptFocus::Mixer, "qwen3-next-80b-a3b", ""},
  {"kimi-delta-attention", "Kimi Delta Attention (KDA)", kLinear,
   "A gated delta rule like Gated DeltaNet, but the decay is per channel rather than one scalar per head, which lets the state forget selectively.",
   "None: a fixed state per layer.",
   "q, k, v, the channel-wise decay projections, output gate, short convolutions.",
   kda, nullptr, ConceptFocus::Mixer, "kimi-linear-48b-a3b", ""},
  {"lightning-attention", "Lightning attention", kLinear,
   "MiniMax-01's linear attention: softmax replaced by a kernelized product, computed blockwise so the cost is linear in the sequence length.",
   "None: a fixed state per layer.",
   "q, k, v, output gate and output projections.",
   lightning, nullptr, ConceptFocus::Mixer, "", ""},
  {"mamba2", "Mamba-2", kLinear,
   "A selective state-space layer: an input-dependent scalar decay per head updates a state of head dim × d_state, read out through C and written through B (shared across n_groups).",
   "None: a fixed state of heads × head dim × d_state per layer, plus the convolution window.",
   "in_proj (to x, z, B, C, dt), the short convolution, A, D, dt bias, a gated norm and out_proj.",
   mamba2, nullptr, ConceptFocus::Mixer, "nemotron-3-nano-30b-a3b", ""},
  {"mlstm", "mLSTM (xLSTM)", kLinear,
   "xLSTM's matrix-memory LSTM: an exponentially gated key × value memory per head, updated like linear attention with input and forget gates.",
   "None: a fixed matrix memory per head and layer.",
   "q, k, v, input and forget gates, output gate and projections.",
   mlstm, nullptr, ConceptFocus::Mixer, "xlstm-7b", ""},
  {"short-convolution", "Short convolution", kLinear,
   "A causal depthwise convolution over the last few tokens (kernel 4 typically) in front of a linear-attention or state-space mixer, giving it exact local context. LFM2 makes it a token mixer of its own: its gated short-convolution blocks (in_proj to B, C and x, B·x convolved, gated by C, out_proj) replace attention in most layers.",
   "None per token: kernel − 1 past inputs per channel are kept as state.",
   "channels × kernel (plus a bias when the config has one).",
   short_conv, nullptr, ConceptFocus::Mixer, "qwen3-next-80b-a3b", ""},
  {"moe", "Mixture of experts (MoE)", kFfn,
   "The feed-forward block is many experts; a router picks the top-k for each token, so the model holds far more parameters than one token runs through.",
   "Unchanged.",
   "experts × (3 × hidden × expert width) for gated experts, plus the router (experts × hidden); active: top-k experts.",
   moe, nullptr, ConceptFocus::FeedForward, "qwen3-235b-a22b", ""},
  {"shared-experts", "Shared experts", kFfn,
   "One or more experts that every token runs through besides the routed ones, holding what all tokens need.",
   "Unchanged.",
   "shared experts × 3 × hidden × shared width, always active.",
   shared_experts, nullptr, ConceptFocus::FeedForward, "deepseek-v3-671b", ""},
  {"latent-moe", "Latent MoE", kFfn,
   "Routed experts read and write a narrower latent width: the token is projected down once, goes through its experts there, and is projected back up.",
   "Unchanged.",
   "fc1_latent_proj (hidden → latent) and fc2_latent_proj (latent → hidden) once per layer; experts are latent-wide.",
   latent_moe, nullptr, ConceptFocus::FeedForward, "nemotron-3-super-120b-a12b", ""},
  {"nope", "NoPE (no positional encoding)", kPositions,
   "Attention layers without any rotary or learned positions: order is left to the causal mask. Models use it in a share of layers (every fourth, say) next to RoPE layers.",
   "Unchanged.",
   "None.",
   nope, nullptr, ConceptFocus::Mixer, "smollm3-3b", ""},
  {"partial-rope", "Partial RoPE", kPositions,
   "Only a fraction of each head's dimensions is rotated; the rest carries content without position. (MLA's decoupled RoPE key is part of MLA and not counted here.)",
   "Unchanged.",
   "None.",
   partial_rope, nullptr, ConceptFocus::Mixer, "glm-4-5-355b", ""},
  {"qk-norm", "QK-norm", kPositions,
   "Queries and keys are RMS-normalized before the dot product (per head, or over all heads at once), which keeps attention logits bounded in training.",
   "Unchanged.",
   "q_norm and k_norm: head dim each per layer (per head), or heads × head dim and KV heads × head dim (full width).",
   qk_norm, nullptr, ConceptFocus::Mixer, "olmo-2-7b", ""},
  {"post-norm", "Post-norm inside the residual", kPositions,
   "The norm comes after the attention and after the MLP, on the branch before it joins the residual (OLMo 2), instead of before them.",
   "Unchanged.",
   "Two norm vectors of hidden per layer, as with pre-norm.",
   nullptr, post_norm, ConceptFocus::Norm, "olmo-2-7b", ""},
  {"sandwich-norm", "Sandwich norm", kPositions,
   "A norm both before and after each sublayer (Gemma 2, 3, 4).",
   "Unchanged.",
   "Four norm vectors of hidden per layer.",
   nullptr, sandwich_norm, ConceptFocus::Norm, "gemma-3-27b", ""},
  {"mtp", "Multi-token prediction (MTP)", kStack,
   "Extra blocks after the main stack predict tokens further ahead; used for training signal and for speculative decoding. The gallery counts them apart from the total.",
   "Unchanged in the main stack (an MTP block used for drafting keeps its own cache).",
   "Per MTP block: a full decoder layer plus the projection joining the hidden state and the next token's embedding.",
   nullptr, mtp, ConceptFocus::Mtp, "deepseek-v3-671b", ""},
  {"parallel-block", "Parallel attention and MLP", kStack,
   "One norm feeds attention and the MLP side by side and both outputs are added to the residual at once (Cohere).",
   "Unchanged.",
   "One norm vector per layer.",
   nullptr, parallel_block, ConceptFocus::Norm, "command-a-218b-a25b", ""},
  {"per-layer-embeddings", "Per-layer embeddings", kStack,
   "Besides the token embedding, a second lookup table gives every layer a small vector of its own per token, gated into the residual. The table is a lookup, so it counts as embedding, not as active compute.",
   "Unchanged.",
   "A table of vocab × layers × per-layer width, a projection from the token embedding, and per layer a gate and a projection back to hidden.",
   nullptr, per_layer_embeddings, ConceptFocus::ModelExtra, "gemma-4-e2b", ""},
  {"looped-depth", "Looped depth", kStack,
   "The whole stack of layers is run several times per token with the same weights (Ouro: 4 passes, Nanbeige 4.2: 2), trading compute for depth without adding parameters; the output of one pass is the input of the next.",
   "Each pass keeps its own cache: the KV per token of the stack times the number of passes.",
   "No new parameters per pass; Ouro adds an early-exit gate (hidden → 1) that scores every pass.",
   nullptr, looped, ConceptFocus::Mixer, "ouro-thinking-2-6b", ""},
  {"multi-stream-residuals", "Multi-stream residuals (hyper-connections)", kStack,
   "The residual is kept as several parallel streams; before and after each sublayer learned weights mix the streams and choose what the sublayer reads and where its output goes (DeepSeek V4's manifold-constrained hyper-connections).",
   "Unchanged.",
   "Per sublayer: a projection of streams × hidden to (2 + streams) × streams mixing weights, a bias and scales.",
   multi_stream, nullptr, ConceptFocus::ModelExtra, "deepseek-v4-flash-284b", ""},
};
// clang-format on

std::int64_t elements(const TensorSpec& t) { return tensor_elements(t); }

bool in_focus(ConceptFocus focus, Component c) {
  switch (focus) {
    case ConceptFocus::Mixer: return c == Component::Attention;
    case ConceptFocus::FeedForward:
      return c == Component::FeedForward || c == Component::RoutedExperts || c == Component::Router;
    case ConceptFocus::Norm: return c == Component::Norm;
    case ConceptFocus::Mtp: return c == Component::Mtp;
    case ConceptFocus::ModelExtra: return true;
  }
  return false;
}

std::string kv_arithmetic(const Layer& layer) {
  const AttentionSpec& a = layer.attention;
  const std::int64_t values = kv_values_per_token(layer);
  if (values == 0) return {};
  std::string text;
  switch (layer.mixer) {
    case MixerKind::Attention:
      text = a.keys_are_values
                 ? fmt::format("{} KV heads × {} (K = V)", a.num_kv_heads, a.head_dim)
                 : fmt::format("{} KV heads × ({} key + {} value)", a.num_kv_heads, a.head_dim, a.value_head_dim);
      break;
    case MixerKind::LatentAttention:
      text = fmt::format("kv_lora_rank {} + qk_rope_head_dim {}", a.kv_lora_rank, a.qk_rope_head_dim);
      break;
    case MixerKind::CompressedAttention:
      text = a.compress_ratio > 0 ? fmt::format("head dim {} + {} / compress_ratio {}", a.head_dim, a.head_dim, a.compress_ratio)
                                  : fmt::format("head dim {}", a.head_dim);
      break;
    default: return fmt::format("{} values", with_commas(values));
  }
  return fmt::format("{} = {} values × 2 bytes = {} bytes", text, with_commas(values), with_commas(values * kBf16Bytes));
}

}  // namespace

std::span<const Concept> concepts() { return kConcepts; }

const Concept* find_concept(std::string_view name) {
  for (const Concept& c : kConcepts)
    if (c.name == name) return &c;
  return nullptr;
}

bool uses_concept(const Model& model, const Concept& c) {
  if (c.model_uses) return c.model_uses(model);
  if (!c.layer_uses) return false;
  return std::any_of(model.layers.begin(), model.layers.end(), [&](const Layer& l) { return c.layer_uses(model, l); });
}

std::vector<const Concept*> related_concepts(const Model& model) {
  std::vector<const Concept*> out;
  for (const Concept& c : kConcepts)
    if (uses_concept(model, c)) out.push_back(&c);
  return out;
}

std::vector<const Concept*> related_concepts(const ModelView& view) {
  return view.model ? related_concepts(*view.model) : std::vector<const Concept*>{};
}

std::optional<WorkedExample> worked_example(const Concept& c, const std::vector<const ModelView*>& users) {
  const ModelView* chosen = nullptr;
  for (const ModelView* v : users)
    if (v->model && v->slug == c.preferred_example) chosen = v;
  for (const ModelView* v : users)
    if (!chosen && v->model && uses_concept(*v->model, c)) chosen = v;
  if (!chosen) return std::nullopt;
  const Model& m = *chosen->model;
  WorkedExample ex;
  ex.view = chosen;
  ex.model_kv_bytes = chosen->facts.kv_cache.bytes_per_token_bf16;
  ex.model_total = chosen->facts.params.total;
  ex.model_active = chosen->facts.params.active;
  if (c.layer_uses) {
    for (std::size_t i = 0; i < m.layers.size(); ++i)
      if (c.layer_uses(m, m.layers[i])) {
        if (ex.layer_index < 0) ex.layer_index = static_cast<std::int64_t>(i);
        ++ex.layers_using;
      }
  } else if (c.focus == ConceptFocus::Mixer) {
    // A model-level mixer concept (hybrid): the first softmax attention layer.
    for (std::size_t i = 0; i < m.layers.size() && ex.layer_index < 0; ++i)
      if (m.layers[i].is_softmax_attention()) ex.layer_index = static_cast<std::int64_t>(i);
  } else if (c.focus == ConceptFocus::Norm && !m.layers.empty()) {
    ex.layer_index = 0;
  }
  std::vector<TensorSpec> tensors;
  if (c.focus == ConceptFocus::Mtp) {
    for (const TensorSpec& t : model_tensors(m))
      if (t.component == Component::Mtp) tensors.push_back(t);
  } else if (c.focus == ConceptFocus::ModelExtra) {
    tensors = c.layer_uses ? m.layers[static_cast<std::size_t>(ex.layer_index)].extra : m.extra;
  } else if (ex.layer_index >= 0) {
    const Layer& layer = m.layers[static_cast<std::size_t>(ex.layer_index)];
    for (TensorSpec& t : layer_tensors(m, layer, ""))
      if (in_focus(c.focus, t.component)) tensors.push_back(std::move(t));
  }
  for (const TensorSpec& t : tensors) {
    const std::int64_t n = elements(t);
    TensorSpec one = t;
    one.copies = t.active_copies;
    const std::int64_t active = elements(one);
    ex.tensors.push_back({t.name, t.shape, t.copies, n, active});
    ex.params += n;
    ex.active_params += active;
  }
  if (ex.layer_index >= 0) {
    const Layer& layer = m.layers[static_cast<std::size_t>(ex.layer_index)];
    ex.kv_values_per_layer = kv_values_per_token(layer);
    ex.kv_arithmetic = kv_arithmetic(layer);
    if (layer.is_windowed()) ex.window = layer.attention.window;
  }
  return ex;
}

}  // namespace llmg
