#include "analysis/changes.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "analysis/compare.h"
#include "analysis/params.h"
#include "base/units.h"

namespace llmg {

namespace {


// The attention layer that names the model: the first full-span softmax layer, else the first softmax layer.
const Layer* representative_attention(const Model& model) {
  const Layer* first = nullptr;
  for (const Layer& layer : model.layers) {
    if (!layer.is_softmax_attention()) continue;
    if (!first) first = &layer;
    if (layer.attention.span == AttentionSpan::Full) return &layer;
  }
  return first;
}

bool is_dsa_indexer(const TensorSpec& tensor) { return tensor.name.find("self_attn.indexer.") != std::string::npos; }

// DeepSeek Sparse Attention: an MLA layer carrying the lightning indexer's tensors.
const Layer* dsa_layer(const Model& model) {
  for (const Layer& layer : model.layers)
    if (layer.mixer == MixerKind::LatentAttention && std::any_of(layer.extra.begin(), layer.extra.end(), is_dsa_indexer))
      return &layer;
  return nullptr;
}

std::int64_t dsa_indexer_params(const Model& model) {
  std::int64_t total = 0;
  for (const Layer& layer : model.layers)
    for (const TensorSpec& tensor : layer.extra)
      if (is_dsa_indexer(tensor)) total += tensor_elements(tensor);
  return total;
}

std::int64_t dsa_indexer_layers(const Model& model) {
  return std::count_if(model.layers.begin(), model.layers.end(), [](const Layer& layer) {
    return std::any_of(layer.extra.begin(), layer.extra.end(), is_dsa_indexer);
  });
}

// "x:y" for a sequence of two kinds (true = x): the repeating pattern when the rarer kind recurs at a
// fixed spacing (52 sliding + 10 global every 6th layer -> "5:1") or the counts are equal; else "" (no
// regular pattern: callers give the counts).
std::string pattern_ratio(const std::vector<bool>& is_x) {
  std::vector<std::size_t> x_pos, y_pos;
  for (std::size_t i = 0; i < is_x.size(); ++i) (is_x[i] ? x_pos : y_pos).push_back(i);
  if (x_pos.empty() || y_pos.empty()) return {};
  const bool x_rarer = x_pos.size() < y_pos.size();
  const std::vector<std::size_t>& rare = x_rarer ? x_pos : y_pos;
  if (rare.size() >= 2) {
    const std::size_t gap = rare[1] - rare[0];
    bool regular = gap >= 2;
    for (std::size_t i = 2; i < rare.size() && regular; ++i) regular = rare[i] - rare[i - 1] == gap;
    if (regular) return x_rarer ? fmt::format("1:{}", gap - 1) : fmt::format("{}:1", gap - 1);
  }
  if (x_pos.size() == y_pos.size()) return "1:1";
  return {};
}

std::string window_sizes(const Model& model) {
  std::set<std::int64_t> sizes;
  for (const Layer& layer : model.layers)
    if (layer.is_windowed()) sizes.insert(layer.attention.window);
  std::string out;
  for (std::int64_t size : sizes) out += (out.empty() ? "" : ", ") + with_commas(size);
  return out;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

// The named parts of a model's attention.
struct AttentionName {
  std::string kind;     // "GQA with QK-norm", "MLA with DeepSeek Sparse Attention (…)"
  std::string pattern;  // "5:1 sliding window (1,024)", "" when every attention layer sees the full context
  std::string hybrid;   // "3:1 Gated DeltaNet", "" without linear/state-space layers
  std::string hybrid_attention;  // the attention side of a hybrid: "gated attention", "GQA"
  std::string hybrid_ratio;      // "3:1"
  std::string recurrent_key;     // "gated_deltanet"
  std::int64_t hybrid_attention_count = 0;
};

AttentionName name_attention(const Model& model) {
  AttentionName name;
  const Layer* rep = representative_attention(model);
  if (!rep) return name;
  std::vector<std::string> qualifiers;
  if (const Layer* dsa = dsa_layer(model))
    qualifiers.push_back(dsa->attention.indexer_top_k > 0
                             ? fmt::format("DeepSeek Sparse Attention (lightning indexer, top-{})",
                                           with_commas(dsa->attention.indexer_top_k))
                             : std::string("DeepSeek Sparse Attention (lightning indexer)"));
  // MiniMax Sparse Attention: a block indexer on softmax-attention layers (sparse_block_size).
  for (const Layer& layer : model.layers)
    if (const AttentionSpec& a = layer.attention; layer.is_softmax_attention() && a.sparse_block_size > 0) {
      qualifiers.push_back(fmt::format("MiniMax Sparse Attention (block indexer, top-{} blocks of {})",
                                       with_commas(a.indexer_top_k), with_commas(a.sparse_block_size)));
      break;
    }
  std::int64_t softmax = 0, qk = 0, kv_equal = 0, kv_equal_full = 0, full = 0, gated = 0, sinks = 0;
  for (const Layer& layer : model.layers) {
    if (!layer.is_softmax_attention()) continue;
    ++softmax;
    const AttentionSpec& a = layer.attention;
    full += a.span == AttentionSpan::Full;
    qk += a.qk_norm != QkNorm::None;
    if (a.keys_are_values && layer.mixer == MixerKind::Attention) {
      ++kv_equal;
      kv_equal_full += a.span == AttentionSpan::Full;
    }
    gated += a.output_gate;
    sinks += a.sinks;
  }
  if (qk > 0) qualifiers.push_back("QK-norm");
  if (kv_equal > 0)
    qualifiers.push_back(kv_equal == softmax                        ? std::string("K = V")
                         : kv_equal == full && kv_equal_full == full ? std::string("K = V in global layers")
                                                                     : fmt::format("K = V in {} layers", kv_equal));
  if (gated > 0) qualifiers.push_back("output gate");
  if (sinks > 0) qualifiers.push_back("attention sinks");
  const std::string base = rep->mixer == MixerKind::CompressedAttention ? "MQA with K = V" : attention_flavour(*rep);
  if (rep->mixer == MixerKind::CompressedAttention) {
    qualifiers.erase(std::remove(qualifiers.begin(), qualifiers.end(), "K = V"), qualifiers.end());
    name.kind = base + (qualifiers.empty() ? "" : ", " + join(qualifiers, ", "));
  } else {
    name.kind = base + (qualifiers.empty() ? "" : " with " + join(qualifiers, ", "));
  }
  name.hybrid_attention = gated > 0 ? std::string("gated attention") : base;
  // Windows and chunks among the softmax layers.
  std::vector<bool> limited;
  bool chunked = false;
  for (const Layer& layer : model.layers)
    if (layer.is_softmax_attention() && layer.mixer != MixerKind::CompressedAttention) {
      limited.push_back(layer.is_windowed());
      chunked = chunked || (layer.is_windowed() && layer.attention.span == AttentionSpan::Chunked);
    }
  const auto limited_count = std::count(limited.begin(), limited.end(), true);
  if (limited_count > 0) {
    const char* word = chunked ? "chunked" : "sliding window";
    const std::string ratio = pattern_ratio(limited);
    name.pattern = limited_count == static_cast<std::int64_t>(limited.size())
                       ? fmt::format("{} ({}) in every attention layer", word, window_sizes(model))
                   : ratio.empty() ? fmt::format("{} ({}) in {} of {} attention layers", word, window_sizes(model),
                                                 limited_count, limited.size())
                                   : fmt::format("{} {} ({})", ratio, word, window_sizes(model));
  }
  // Linear-attention / state-space layers against the softmax layers.
  std::vector<bool> recurrent;
  std::string recurrent_key;
  for (const Layer& layer : model.layers) {
    if (layer.is_recurrent() && recurrent_key.empty()) recurrent_key = layer_mixer_key(layer);
    if (layer.is_softmax_attention() || layer.is_recurrent()) recurrent.push_back(layer.is_recurrent());
  }
  if (!recurrent_key.empty()) {
    name.recurrent_key = recurrent_key;
    name.hybrid_ratio = pattern_ratio(recurrent);
    const auto recurrent_count = std::count(recurrent.begin(), recurrent.end(), true);
    name.hybrid = name.hybrid_ratio.empty()
                      ? fmt::format("{} {}", recurrent_count, short_mixer_label(recurrent_key))
                      : fmt::format("{} {}", name.hybrid_ratio, short_mixer_label(recurrent_key));
    name.hybrid_attention_count = static_cast<std::int64_t>(recurrent.size()) - recurrent_count;
  }
  return name;
}

std::string signed_count(std::int64_t delta) {
  const std::int64_t magnitude = delta < 0 ? -delta : delta;
  const std::string text = magnitude >= 100'000'000 && magnitude < 1'000'000'000
                               ? fmt::format("{:.2f}B", double(magnitude) / 1e9)
                               : human_count(magnitude);
  return (delta < 0 ? "−" : "+") + text;
}

std::string ratio_words(double va, double vb, const char* larger = "larger", const char* smaller = "smaller") {
  const double r = vb / va;
  if (r < 1.25 && r > 0.8) return fmt::format("{:.2g}% {}", std::abs(r - 1) * 100, r >= 1 ? larger : smaller);
  return ratio_phrase(r >= 1 ? r : 1 / r) + " " + (r >= 1 ? larger : smaller);
}

double log2_ratio(double va, double vb) { return va > 0 && vb > 0 ? std::abs(std::log2(vb / va)) : 0.0; }

std::string heads_text(const Layer* layer) {
  if (!layer) return "none";
  const AttentionSpec& a = layer->attention;
  if (layer->mixer == MixerKind::LatentAttention)
    return fmt::format("{} heads, KV latent {} + RoPE key {}", a.num_heads, a.kv_lora_rank, a.qk_rope_head_dim);
  if (layer->mixer == MixerKind::CompressedAttention)
    return fmt::format("{} heads, 1 shared K = V head × {}", a.num_heads, a.head_dim);
  std::string out = fmt::format("{} query heads, {} KV heads × {}", a.num_heads, a.num_kv_heads, a.head_dim);
  if (a.num_kv_heads > 0 && a.num_heads > a.num_kv_heads && a.num_heads % a.num_kv_heads == 0)
    out += fmt::format(" ({}:1)", a.num_heads / a.num_kv_heads);
  return out;
}

std::string cached_values_text(const Layer& layer) {
  const AttentionSpec& a = layer.attention;
  if (layer.mixer == MixerKind::LatentAttention)
    return fmt::format("a {} + {} latent", a.kv_lora_rank, a.qk_rope_head_dim);
  if (layer.mixer == MixerKind::CompressedAttention) return fmt::format("one {} K = V vector", a.head_dim);
  return fmt::format("{} × {} KV heads × {}", a.keys_are_values ? 1 : 2, a.num_kv_heads, a.head_dim);
}

std::string ffn_activation(const Model& model) {
  for (const Layer& layer : model.layers) {
    if (layer.ffn.kind == FfnKind::None) continue;
    const std::string& act = layer.ffn.activation;
    if (!layer.ffn.gated) return act + " (plain up projection)";
    if (act == "silu" || act == "swish") return "SwiGLU";
    if (act.rfind("gelu", 0) == 0) return "GeGLU (" + act + ")";
    return act + " (gated)";
  }
  return "none";
}

std::string norm_text(const Model& model) {
  static const char* kNames[] = {"RMSNorm", "LayerNorm", "LayerNorm without bias",
                                 "LayerNorm without parameters", "LayerNorm1P (1 + weight, bias)",
                                 "RMSNorm without weight"};
  const std::string kind = kNames[static_cast<int>(model.norm_kind)];
  switch (model.norm_placement) {
    case NormPlacement::Pre: return kind + ", pre-norm";
    case NormPlacement::Post: return kind + ", post-norm inside the residual";
    case NormPlacement::Sandwich: return kind + ", sandwich (before and after each sublayer)";
    case NormPlacement::Parallel: return kind + ", one norm before parallel attention and MLP";
    case NormPlacement::ParallelTwoNorms: return kind + ", parallel attention and MLP, each behind its own norm";
  }
  return kind;
}

std::string qk_norm_text(const Model& model) {
  for (const Layer& layer : model.layers)
    if (layer.is_softmax_attention() && layer.attention.qk_norm != QkNorm::None)
      return layer.attention.qk_norm == QkNorm::PerHead           ? "per head"
             : layer.attention.qk_norm == QkNorm::PerHeadNoWeight ? "per head, without weight"
                                                                  : "over all heads (full width)";
  return "none";
}

std::string nope_text(const Model& model) {
  if (model.positions == PositionKind::NoPE) return "every layer (no positions)";
  std::int64_t softmax = 0, nope = 0;
  for (const Layer& layer : model.layers)
    if (layer.is_softmax_attention()) {
      ++softmax;
      nope += layer.attention.rope_fraction == 0.0;
    }
  if (nope == 0) return "none";
  return fmt::format("{} attention layers ({})", share_phrase(nope, softmax), nope);
}

std::string rope_text(const Model& model) {
  if (model.positions == PositionKind::Learned) return "learned absolute positions";
  if (model.positions == PositionKind::Sinusoidal) return "sinusoidal absolute positions";
  if (model.positions == PositionKind::NoPE) return "none";
  if (model.positions == PositionKind::ALiBi) return "ALiBi (linear attention biases)";
  std::string out = model.rope_theta > 0 ? fmt::format("RoPE θ={}", with_commas(std::int64_t(model.rope_theta)))
                                         : std::string("RoPE (θ not declared)");
  if (!model.rope_scaling.empty() && model.rope_scaling != "default") out += ", " + model.rope_scaling + " scaling";
  return out;
}

std::string partial_rope_text(const Model& model) {
  for (const Layer& layer : model.layers)
    if (layer.is_softmax_attention() && layer.attention.rope_fraction > 0 && layer.attention.rope_fraction < 1)
      return fmt::format("{:.0f}% of head dim rotated", layer.attention.rope_fraction * 100);
  return "full head dim rotated";
}

const FeedForwardSpec* first_moe(const Model& model) {
  for (const Layer& layer : model.layers)
    if (layer.ffn.kind == FfnKind::MoE) return &layer.ffn;
  return nullptr;
}

std::string dense_ffn_text(const Model& model) {
  for (const Layer& layer : model.layers)
    if (layer.ffn.kind == FfnKind::Dense)
      return fmt::format("dense MLP, {} wide", with_commas(layer.ffn.intermediate_size));
  return "no feed-forward";
}

std::int64_t dense_prefix(const Model& model) {
  std::int64_t n = 0;
  for (const Layer& layer : model.layers) {
    if (layer.ffn.kind == FfnKind::MoE) return n;
    ++n;
  }
  return n;
}

std::string routing_text(const FeedForwardSpec& f) {
  std::vector<std::string> parts;
  if (f.router_correction_bias) parts.push_back("score-correction bias (aux-loss-free)");
  if (f.router_bias) parts.push_back("router bias");
  if (f.shared_expert_gate) parts.push_back("gated shared expert");
  if (f.zero_experts > 0) parts.push_back(fmt::format("{} zero-computation experts", f.zero_experts));
  return parts.empty() ? "plain linear router" : join(parts, ", ");
}

std::int64_t component(const Facts& f, Component c) {
  auto it = f.params.by_component.find(c);
  return it == f.params.by_component.end() ? 0 : it->second;
}

// The parameter delta by component, largest first: "+3.2B in routed experts, −0.4B in attention".
std::string component_deltas(const Facts& fa, const Facts& fb, std::size_t limit) {
  static const std::pair<Component, const char*> kParts[] = {
      {Component::RoutedExperts, "routed experts"}, {Component::FeedForward, "dense MLPs and shared experts"},
      {Component::Attention, "token mixers"},       {Component::Embedding, "embedding"},
      {Component::LmHead, "LM head"},               {Component::Router, "routers"},
      {Component::Norm, "norms"},                   {Component::Other, "other tensors"}};
  std::vector<std::pair<std::int64_t, const char*>> deltas;
  for (const auto& [c, label] : kParts) {
    const std::int64_t d = component(fb, c) - component(fa, c);
    if (d != 0) deltas.push_back({d, label});
  }
  std::stable_sort(deltas.begin(), deltas.end(),
                   [](const auto& x, const auto& y) { return std::llabs(x.first) > std::llabs(y.first); });
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < deltas.size() && i < limit; ++i)
    if (std::llabs(deltas[i].first) * 50 >= std::max(fa.params.total, fb.params.total) || i == 0)
      parts.push_back(fmt::format("{} in {}", signed_count(deltas[i].first), deltas[i].second));
  return join(parts, ", ");
}

}  // namespace

std::string attention_variant(const Model& model) {
  const AttentionName name = name_attention(model);
  if (name.kind.empty()) return mixer_mix_summary(model);
  for (const Layer& layer : model.layers)
    if (layer.mixer == MixerKind::CompressedAttention) return name.kind + ", " + mixer_mix_summary(model);
  if (!name.hybrid.empty())
    return name.hybrid + " and " +
           (name.hybrid_ratio.empty() ? fmt::format("{} {}", name.hybrid_attention_count, name.hybrid_attention)
                                      : name.hybrid_attention) +
           (name.pattern.empty() ? "" : ", " + name.pattern);
  return name.kind + (name.pattern.empty() ? "" : ", " + name.pattern);
}

std::vector<ArchitectureChange> architecture_changes(const Model& a, const Facts& fa, const Model& b,
                                                     const Facts& fb) {
  std::vector<ArchitectureChange> out;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // Returns the index of the change added, kNone when the two values are the same.
  auto add = [&](std::string feature, std::string label, std::string va, std::string vb, double weight,
                 std::string effect = {}) -> std::size_t {
    if (va == vb) return kNone;
    out.push_back({std::move(feature), std::move(label), std::move(va), std::move(vb), std::move(effect), weight});
    return out.size() - 1;
  };
  const AttentionName na = name_attention(a), nb = name_attention(b);
  const Layer *ra = representative_attention(a), *rb = representative_attention(b);

  // Token mixers: linear-attention / state-space layers and their share.
  auto mixers = [](const Model& m, const Facts& f, const AttentionName& n) {
    if (f.recurrent_layers == 0) return std::string("softmax attention only");
    if (f.attention_layers == 0) return fmt::format("{} in all {} layers", mixer_mix_summary(m), f.layers);
    return n.hybrid_ratio.empty()
               ? fmt::format("{} in {} layers, {} in {}", short_mixer_label(n.recurrent_key),
                             share_phrase(f.recurrent_layers, f.layers), n.hybrid_attention, f.attention_layers)
               : fmt::format("{} in {} layers ({} with {})", short_mixer_label(n.recurrent_key),
                             share_phrase(f.recurrent_layers, f.layers), n.hybrid_ratio, n.hybrid_attention);
  };
  const std::size_t mixer_change = add("mixers", "Token mixers", mixers(a, fa, na), mixers(b, fb, nb), 10);
  const std::size_t attention_change =
      add("attention", "Attention", na.kind.empty() ? "none" : na.kind, nb.kind.empty() ? "none" : nb.kind, 9);
  const std::size_t heads_change = add("attention.heads", "Attention heads", heads_text(ra), heads_text(rb), 8.5);
  // Windows and chunks: the layers whose cache grows with the context are what long contexts cost.
  const std::int64_t full_a = fa.attention_layers - fa.sliding_layers, full_b = fb.attention_layers - fb.sliding_layers;
  add("attention.window", "Windowed layers", na.pattern.empty() ? "none" : na.pattern,
      nb.pattern.empty() ? "none" : nb.pattern, 7 + log2_ratio(double(full_a), double(full_b)),
      full_a == full_b && fa.attention_layers == fb.attention_layers
          ? std::string()
          : fmt::format("full-context attention in {} of {} layers instead of {} of {}", full_b, fb.attention_layers,
                        full_a, fa.attention_layers));
  if (na.kind == nb.kind) add("attention.qk_norm", "QK-norm", qk_norm_text(a), qk_norm_text(b), 5);
  add("positions.nope", "NoPE layers", nope_text(a), nope_text(b), 4);
  add("kv_cache.shared", "Cross-layer KV sharing",
      fa.kv_cache.shared_layers ? fmt::format("{} layers reuse another's cache", fa.kv_cache.shared_layers) : "none",
      fb.kv_cache.shared_layers ? fmt::format("{} layers reuse another's cache", fb.kv_cache.shared_layers) : "none",
      6);

  const std::size_t depth_change = add("layers", "Depth", fmt::format("{} layers", fa.layers),
                                       fmt::format("{} layers", fb.layers),
                                       6 + log2_ratio(double(fa.layers), double(fb.layers)));
  // KV per token, credited to what causes it.
  const std::int64_t kv_a = fa.kv_cache.bytes_per_token_bf16, kv_b = fb.kv_cache.bytes_per_token_bf16;
  if (kv_a != kv_b) {
    std::vector<std::string> causes;
    const std::int64_t per_a = ra ? kv_values_per_token(*ra) : 0, per_b = rb ? kv_values_per_token(*rb) : 0;
    bool per_layer = false;
    if (ra && rb && per_a != per_b) {
      per_layer = true;
      const AttentionSpec &x = ra->attention, &y = rb->attention;
      if (ra->mixer == MixerKind::Attention && rb->mixer == MixerKind::Attention &&
          x.keys_are_values == y.keys_are_values) {
        if (x.num_kv_heads != y.num_kv_heads) causes.push_back(fmt::format("{} KV heads instead of {}", y.num_kv_heads, x.num_kv_heads));
        if (x.head_dim != y.head_dim) causes.push_back(fmt::format("head dim {} instead of {}", y.head_dim, x.head_dim));
      } else {
        // The representative layers are the first full-attention ones: say so when windowed layers differ.
        const bool windowed = fa.sliding_layers > 0 || fb.sliding_layers > 0;
        causes.push_back(fmt::format("{} {} ({} values) instead of {} ({})",
                                     windowed ? "each global attention layer caches" : "each attention layer caches",
                                     cached_values_text(*rb), with_commas(per_b), cached_values_text(*ra),
                                     with_commas(per_a)));
      }
    }
    if (fa.kv_cache.caching_layers != fb.kv_cache.caching_layers)
      causes.push_back(fmt::format("{} caching layers instead of {}", fb.kv_cache.caching_layers, fa.kv_cache.caching_layers));
    std::string effect;
    if (kv_a == 0 || kv_b == 0)
      effect = kv_b == 0 ? "no KV cache" : "a KV cache where there was none";
    else
      effect = fmt::format("KV per token {}{}", ratio_words(double(kv_a), double(kv_b)),
                           fa.sliding_layers > 0 || fb.sliding_layers > 0 ? " (windows not applied)" : "");
    if (!causes.empty()) effect += ": " + join(causes, " and ");
    const double bonus = log2_ratio(double(kv_a), double(kv_b));
    const std::size_t target = per_layer                ? (heads_change != kNone ? heads_change : attention_change)
                               : mixer_change != kNone ? mixer_change
                                                       : depth_change;
    if (target != kNone && out[target].effect.empty()) {
      out[target].effect = effect;
      out[target].weight += bonus;
    } else {
      add("kv_cache", "KV cache per token", human_bytes(kv_a), human_bytes(kv_b), 6 + bonus,
          causes.empty() ? std::string() : join(causes, " and "));
    }
  }
  // The lightning indexer's parameters, credited to the attention change.
  if (attention_change != kNone) {
    const std::int64_t ia = dsa_indexer_params(a), ib = dsa_indexer_params(b);
    if (ia != ib) {
      const std::int64_t layers = std::max(dsa_indexer_layers(a), dsa_indexer_layers(b));
      const bool every = layers == (ib > ia ? fb.layers : fa.layers);
      const std::string where = every ? "in every layer" : fmt::format("in {} layers", layers);
      const std::string text = ib > ia ? fmt::format("{} parameters: a lightning indexer {}", signed_count(ib - ia), where)
                                       : fmt::format("{} parameters: the lightning indexer {} is gone", signed_count(ib - ia), where);
      out[attention_change].effect += (out[attention_change].effect.empty() ? "" : "; ") + text;
    }
  }

  // Mixture of experts.
  const FeedForwardSpec *ma = first_moe(a), *mb = first_moe(b);
  const double param_bonus = log2_ratio(double(fa.params.total), double(fb.params.total));
  auto moe_text = [](const Model& m, const FeedForwardSpec* f, const Facts& facts) {
    if (!f) return dense_ffn_text(m);
    std::string out = fmt::format("MoE, {} experts, top-{}", f->num_experts, f->experts_per_token);
    if (f->num_shared_experts > 0) out += fmt::format(", {} shared", f->num_shared_experts);
    return out + fmt::format(" ({} of {} layers)", facts.moe_layers, facts.layers);
  };
  const std::int64_t routed_delta = component(fb, Component::RoutedExperts) - component(fa, Component::RoutedExperts);
  const std::int64_t mlp_delta = component(fb, Component::FeedForward) - component(fa, Component::FeedForward);
  if (!ma && !mb) {
    add("ffn.width", "MLP width", dense_ffn_text(a), dense_ffn_text(b), 6,
        mlp_delta ? fmt::format("{} parameters in the MLPs", signed_count(mlp_delta)) : std::string());
  } else if (!ma || !mb) {
    const double sa = fa.params.total ? double(fa.params.active) / double(fa.params.total) : 0;
    const double sb = fb.params.total ? double(fb.params.active) / double(fb.params.total) : 0;
    add("moe", "Feed-forward", moe_text(a, ma, fa), moe_text(b, mb, fb), 8 + param_bonus,
        fmt::format("{} parameters in routed experts; a token runs {} of the parameters instead of {}",
                    signed_count(routed_delta), percent(sb), percent(sa)));
  } else {
    add("moe.experts", "Routed experts", std::to_string(ma->num_experts), std::to_string(mb->num_experts),
        8 + log2_ratio(double(ma->num_experts), double(mb->num_experts)),
        routed_delta ? fmt::format("{} parameters in routed experts: {} × {} wide in {} layers instead of {} × {} in {}",
                                   signed_count(routed_delta), mb->num_experts, with_commas(mb->expert_intermediate_size),
                                   fb.moe_layers, ma->num_experts, with_commas(ma->expert_intermediate_size),
                                   fa.moe_layers)
                     : std::string());
    add("moe.top_k", "Experts per token", std::to_string(ma->experts_per_token), std::to_string(mb->experts_per_token), 8);
    auto shared = [](const FeedForwardSpec& f) {
      return f.num_shared_experts ? fmt::format("{} ({} wide)", f.num_shared_experts, with_commas(f.shared_intermediate_size))
                                  : std::string("none");
    };
    add("moe.shared", "Shared experts", shared(*ma), shared(*mb), 7.5);
    add("moe.expert_width", "Expert width", with_commas(ma->expert_intermediate_size),
        with_commas(mb->expert_intermediate_size), 7);
    add("moe.latent", "Latent MoE", ma->latent_size ? with_commas(ma->latent_size) : "none",
        mb->latent_size ? with_commas(mb->latent_size) : "none", 7);
    const std::int64_t pa = dense_prefix(a), pb = dense_prefix(b);
    add("moe.dense_prefix", "Dense layers first", std::to_string(pa), std::to_string(pb), 6);
    add("moe.routing", "Routing", routing_text(*ma), routing_text(*mb), 4);
  }
  add("activation", "Activation", ffn_activation(a), ffn_activation(b), 3);
  add("norm", "Norms", norm_text(a), norm_text(b), 5);
  add("mtp", "Multi-token prediction",
      a.mtp_layers.empty() ? "none" : fmt::format("{} MTP layer{} ({})", a.mtp_layers.size(), a.mtp_layers.size() == 1 ? "" : "s", human_count(fa.params.mtp)),
      b.mtp_layers.empty() ? "none" : fmt::format("{} MTP layer{} ({})", b.mtp_layers.size(), b.mtp_layers.size() == 1 ? "" : "s", human_count(fb.params.mtp)),
      4);
  add("positions", "Positions", rope_text(a), rope_text(b), 3);
  if (a.positions == PositionKind::RoPE && b.positions == PositionKind::RoPE)
    add("positions.partial", "Partial RoPE", partial_rope_text(a), partial_rope_text(b), 3);
  add("tied_embeddings", "Embeddings", a.tied_embeddings ? "tied with the LM head" : "separate from the LM head",
      b.tied_embeddings ? "tied with the LM head" : "separate from the LM head", 2);
  if (const std::size_t vocab = add("vocab_size", "Vocabulary", with_commas(a.vocab_size), with_commas(b.vocab_size), 3);
      vocab != kNone) {
    const std::int64_t ea = component(fa, Component::Embedding) + component(fa, Component::LmHead);
    const std::int64_t eb = component(fb, Component::Embedding) + component(fb, Component::LmHead);
    if (ea != eb) out[vocab].effect = fmt::format("{} in the embedding and LM head", signed_count(eb - ea));
  }
  add("hidden_size", "Width", fmt::format("hidden {}", with_commas(a.hidden_size)),
      fmt::format("hidden {}", with_commas(b.hidden_size)), 6 + log2_ratio(double(a.hidden_size), double(b.hidden_size)));
  // The overall size, with the components the delta sits in.
  if (fa.params.total != fb.params.total) {
    const bool both_dense = fa.params.active == fa.params.total && fb.params.active == fb.params.total;
    auto size = [&](const Facts& f) {
      return both_dense ? human_count(f.params.total) + " parameters"
                        : fmt::format("{} total, {} active", human_count(f.params.total), human_count(f.params.active));
    };
    std::string effect = fmt::format("total {}", ratio_words(double(fa.params.total), double(fb.params.total)));
    if (fa.params.active != fa.params.total || fb.params.active != fb.params.total)
      effect += fmt::format(", active {}", ratio_words(double(fa.params.active), double(fb.params.active)));
    effect += ": " + component_deltas(fa, fb, 3);
    add("params", "Size", size(fa), size(fb), 5.5 + param_bonus, effect);
  }
  add("context_length", "Context", fa.context_length ? human_tokens(fa.context_length) : "not declared",
      fb.context_length ? human_tokens(fb.context_length) : "not declared", 2);
  std::stable_sort(out.begin(), out.end(), [](const ArchitectureChange& x, const ArchitectureChange& y) {
    return x.weight > y.weight;
  });
  return out;
}

std::string changes_summary(const std::string& name_a, const Model* a, const Facts& fa, const std::string& name_b,
                            const Model* b, const Facts& fb) {
  if (!a || !b)
    return fmt::format("{}'s architecture is unknown to the gallery, so only catalog facts compare.",
                       !a ? name_a : name_b);
  const std::vector<ArchitectureChange> changes = architecture_changes(*a, fa, *b, fb);
  if (changes.empty()) return fmt::format("{} and {} share the same architecture.", name_a, name_b);
  constexpr std::size_t kSentences = 5;
  std::string out = fmt::format("From {} to {}:", name_a, name_b);
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const ArchitectureChange& c = changes[i];
    if (i < kSentences || c.feature == "params")
      out += fmt::format(" {}: {} → {}{}.", c.label, c.a, c.b, c.effect.empty() ? "" : "; " + c.effect);
    else
      rest.push_back(c.label);
  }
  if (!rest.empty()) {
    for (std::string& label : rest)
      if (std::none_of(label.begin() + 1, std::find(label.begin(), label.end(), ' '),
                       [](char ch) { return std::isupper(static_cast<unsigned char>(ch)); }))
        label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    out += " Also differs: " + join(rest, ", ") + ".";
  }
  return out;
}

}  // namespace llmg

namespace llmg {

std::string key_detail(const Model& model) {
  if (model.layers.empty()) return {};
  const AttentionName name = name_attention(model);
  if (!name.hybrid.empty()) {
    if (name.kind.empty()) {
      std::int64_t recurrent = 0;
      for (const Layer& layer : model.layers) recurrent += layer.is_recurrent();
      if (recurrent == static_cast<std::int64_t>(model.layers.size()))
        return fmt::format("{} in all {} layers", short_mixer_label(name.recurrent_key), recurrent);
      return mixer_mix_summary(model);
    }
    return name.hybrid_ratio.empty() ? name.hybrid + " + " + name.hybrid_attention : name.hybrid;
  }
  for (const Layer& layer : model.layers)
    if (layer.mixer == MixerKind::CompressedAttention) return mixer_mix_summary(model);
  const Layer* rep = representative_attention(model);
  if (rep && rep->mixer == MixerKind::LatentAttention) {
    if (dsa_layer(model)) return "MLA + DeepSeek Sparse Attention";
    if (name.pattern.empty()) return fmt::format("MLA (KV latent {})", with_commas(rep->attention.kv_lora_rank));
  }
  if (!name.pattern.empty()) return name.pattern;
  std::int64_t shared = 0;
  for (const Layer& layer : model.layers) shared += layer.attention.kv_shared_from >= 0;
  if (shared > 0) return fmt::format("KV cache shared across layers ({} of {} reuse one)", shared, model.layers.size());
  if (const FeedForwardSpec* moe = first_moe(model)) {
    std::string out = fmt::format("MoE: {} experts, top-{}", with_commas(moe->num_experts), moe->experts_per_token);
    if (moe->num_shared_experts > 0) out += fmt::format(" + {} shared", moe->num_shared_experts);
    return out;
  }
  return name.kind;
}

}  // namespace llmg
