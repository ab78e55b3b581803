#include "model/model.h"

#include <algorithm>

#include <fmt/format.h>

namespace llmg {

bool Model::is_softmax_attention(std::size_t i) const {
  const MixerKind kind = layers[i].mixer;
  return kind == MixerKind::Attention || kind == MixerKind::LatentAttention ||
         kind == MixerKind::CompressedAttention;
}

bool Model::is_window_limited(std::size_t i) const {
  // A compressed-attention layer sees the whole context through its compressed entries.
  return is_softmax_attention(i) && layers[i].attention.span != AttentionSpan::Full &&
         layers[i].attention.compress_ratio == 0;
}

namespace {

struct MixerName {
  MixerKind kind;
  std::string_view key;
  std::string_view label;
};

// One row per mixer kind: the JSON key and the name a reader knows.
constexpr MixerName kMixerNames[] = {
    {MixerKind::None, "none", "no mixer"},
    {MixerKind::Attention, "attention", "attention"},
    {MixerKind::LatentAttention, "latent_attention", "multi-head latent attention"},
    {MixerKind::GatedDeltaNet, "gated_deltanet", "Gated DeltaNet"},
    {MixerKind::KimiDeltaAttention, "kimi_delta_attention", "Kimi Delta Attention"},
    {MixerKind::LightningAttention, "lightning_attention", "Lightning attention"},
    {MixerKind::Mamba2, "mamba2", "Mamba-2"},
    {MixerKind::MLSTM, "mlstm", "mLSTM"},
    {MixerKind::CompressedAttention, "compressed_attention", "compressed attention"},
};

const MixerName& mixer_name(MixerKind kind) {
  for (const auto& row : kMixerNames)
    if (row.kind == kind) return row;
  return kMixerNames[0];
}

std::string span_prefix(const AttentionSpec& attention) {
  switch (attention.span) {
    case AttentionSpan::SlidingWindow: return "sliding_";
    case AttentionSpan::Chunked: return "chunked_";
    case AttentionSpan::Full: break;
  }
  return {};
}

std::string with_thousands(std::int64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  int since_group = static_cast<int>(digits.size() % 3);
  if (since_group == 0) since_group = 3;
  for (char c : digits) {
    if (since_group == 0) {
      out.push_back(',');
      since_group = 3;
    }
    out.push_back(c);
    --since_group;
  }
  return out;
}

}  // namespace

std::string_view mixer_kind_key(MixerKind kind) { return mixer_name(kind).key; }
std::string_view mixer_kind_label(MixerKind kind) { return mixer_name(kind).label; }

std::string_view ffn_kind_key(FfnKind kind) {
  switch (kind) {
    case FfnKind::None: return "none";
    case FfnKind::Dense: return "dense";
    case FfnKind::MoE: return "moe";
  }
  return "none";
}

std::string_view component_key(Component component) {
  switch (component) {
    case Component::Embedding: return "embedding";
    case Component::Attention: return "attention";
    case Component::FeedForward: return "feed_forward";
    case Component::RoutedExperts: return "routed_experts";
    case Component::Router: return "router";
    case Component::Norm: return "norm";
    case Component::LmHead: return "lm_head";
    case Component::Mtp: return "mtp";
    case Component::Other: return "other";
    case Component::Vision: return "vision";
    case Component::QuantScale: return "quant_scales";
  }
  return "other";
}

std::string_view norm_kind_key(NormKind kind) {
  switch (kind) {
    case NormKind::RMSNorm: return "rmsnorm";
    case NormKind::LayerNorm: return "layernorm";
    case NormKind::LayerNormNoBias: return "layernorm_nobias";
  }
  return "rmsnorm";
}

std::string_view norm_placement_key(NormPlacement placement) {
  switch (placement) {
    case NormPlacement::Pre: return "pre";
    case NormPlacement::Post: return "post";
    case NormPlacement::Sandwich: return "sandwich";
    case NormPlacement::Parallel: return "parallel";
  }
  return "pre";
}

std::string_view position_kind_key(PositionKind kind) {
  switch (kind) {
    case PositionKind::RoPE: return "rope";
    case PositionKind::Learned: return "learned";
    case PositionKind::NoPE: return "nope";
  }
  return "rope";
}

std::string layer_mixer_key(const Layer& layer) {
  switch (layer.mixer) {
    case MixerKind::Attention:
      if (layer.attention.span == AttentionSpan::Full) return "full_attention";
      return span_prefix(layer.attention) + "attention";
    case MixerKind::LatentAttention: return span_prefix(layer.attention) + "latent_attention";
    // DeepSeek V4's layer_types names (transformers DeepseekV4Config).
    case MixerKind::CompressedAttention:
      if (layer.attention.compress_ratio == 0) return "sliding_attention";
      return layer.attention.compressed_top_k > 0 ? "compressed_sparse_attention" : "heavily_compressed_attention";
    default: return std::string(mixer_kind_key(layer.mixer));
  }
}

std::string layer_mixer_label(const Layer& layer) {
  const AttentionSpec& attention = layer.attention;
  std::string base;
  if (layer.mixer == MixerKind::Attention)
    base = "global attention";
  else
    base = std::string(mixer_kind_label(layer.mixer));
  if (layer.mixer == MixerKind::CompressedAttention) {
    if (attention.compress_ratio == 0)
      return fmt::format("sliding-window attention ({} tokens)", with_thousands(attention.window));
    if (attention.compressed_top_k > 0)
      return fmt::format("compressed sparse attention (1 entry per {} tokens, top {}; window {})",
                         attention.compress_ratio, with_thousands(attention.compressed_top_k),
                         with_thousands(attention.window));
    return fmt::format("heavily compressed attention (1 entry per {} tokens; window {})", attention.compress_ratio,
                       with_thousands(attention.window));
  }
  if (layer.mixer != MixerKind::Attention && layer.mixer != MixerKind::LatentAttention) return base;
  switch (attention.span) {
    case AttentionSpan::SlidingWindow:
      return fmt::format("sliding-window {} ({} tokens)",
                         layer.mixer == MixerKind::Attention ? "attention" : base,
                         with_thousands(attention.window));
    case AttentionSpan::Chunked:
      return fmt::format("chunked {} ({} tokens)", layer.mixer == MixerKind::Attention ? "attention" : base,
                         with_thousands(attention.window));
    case AttentionSpan::Full: break;
  }
  return base;
}

std::string attention_flavour(const Layer& layer) {
  if (layer.mixer == MixerKind::LatentAttention) return "MLA";
  if (layer.mixer == MixerKind::CompressedAttention) return "MQA";  // one shared K=V head
  if (layer.mixer != MixerKind::Attention) return std::string(mixer_kind_label(layer.mixer));
  const AttentionSpec& attention = layer.attention;
  if (attention.num_kv_heads == attention.num_heads) return "MHA";
  if (attention.num_kv_heads == 1) return "MQA";
  return "GQA";
}

namespace {

template <typename KeyOf>
std::vector<KindCount> count_by(const Model& model, KeyOf key_of) {
  std::vector<KindCount> counts;
  for (const Layer& layer : model.layers) {
    std::string key = key_of(layer);
    auto it = std::find_if(counts.begin(), counts.end(), [&](const KindCount& c) { return c.kind == key; });
    if (it == counts.end())
      counts.push_back({std::move(key), 1});
    else
      ++it->count;
  }
  return counts;
}

}  // namespace

std::string short_mixer_label(const std::string& key) {
  // Short words for the one-line summary ("52 sliding-window + 10 global").
  static const std::pair<std::string_view, std::string_view> kShort[] = {
      {"full_attention", "global"},
      {"sliding_attention", "sliding-window"},
      {"chunked_attention", "chunked"},
      {"latent_attention", "MLA"},
      {"sliding_latent_attention", "sliding-window MLA"},
      {"compressed_sparse_attention", "CSA"},
      {"heavily_compressed_attention", "HCA"},
      {"gated_deltanet", "Gated DeltaNet"},
      {"kimi_delta_attention", "KDA"},
      {"lightning_attention", "Lightning"},
      {"mamba2", "Mamba-2"},
      {"mlstm", "mLSTM"},
      {"none", "FFN-only"},
  };
  for (const auto& [k, label] : kShort)
    if (k == key) return std::string(label);
  return key;
}

std::vector<KindCount> mixer_mix(const Model& model) {
  return count_by(model, [](const Layer& layer) { return layer_mixer_key(layer); });
}

std::vector<KindCount> ffn_mix(const Model& model) {
  return count_by(model, [](const Layer& layer) { return std::string(ffn_kind_key(layer.ffn.kind)); });
}

std::vector<KindCount> layer_runs(const Model& model) {
  std::vector<KindCount> runs;
  for (const Layer& layer : model.layers) {
    std::string key = layer_mixer_key(layer) + "+" + std::string(ffn_kind_key(layer.ffn.kind));
    if (!runs.empty() && runs.back().kind == key)
      ++runs.back().count;
    else
      runs.push_back({std::move(key), 1});
  }
  return runs;
}

std::string mixer_mix_summary(const Model& model) {
  std::string out;
  for (const KindCount& entry : mixer_mix(model)) {
    if (!out.empty()) out += " + ";
    out += fmt::format("{} {}", entry.count, short_mixer_label(entry.kind));
  }
  return out;
}

}  // namespace llmg
