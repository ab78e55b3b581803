#include "model/model.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/units.h"

namespace llmg {

bool Layer::is_softmax_attention() const {
  switch (mixer) {
    case MixerKind::Attention:
    case MixerKind::LatentAttention:
    case MixerKind::CompressedAttention: return true;
    case MixerKind::None:
    case MixerKind::GatedDeltaNet:
    case MixerKind::KimiDeltaAttention:
    case MixerKind::LightningAttention:
    case MixerKind::Mamba2:
    case MixerKind::Mamba:
    case MixerKind::MLSTM:
    case MixerKind::ShortConv:
    case MixerKind::Rwkv4:
    case MixerKind::RgLru: return false;
  }
  return false;
}

bool Layer::is_recurrent() const {
  switch (mixer) {
    case MixerKind::GatedDeltaNet:
    case MixerKind::KimiDeltaAttention:
    case MixerKind::LightningAttention:
    case MixerKind::Mamba2:
    case MixerKind::Mamba:
    case MixerKind::MLSTM:
    case MixerKind::ShortConv:
    case MixerKind::Rwkv4:
    case MixerKind::RgLru: return true;
    case MixerKind::None:
    case MixerKind::Attention:
    case MixerKind::LatentAttention:
    case MixerKind::CompressedAttention: return false;
  }
  return false;
}

bool Layer::has_kv() const { return is_softmax_attention() && attention.kv_shared_from < 0; }

bool Layer::is_windowed() const {
  // A compressed-attention layer sees the whole context through its compressed entries.
  return is_softmax_attention() && attention.span != AttentionSpan::Full && attention.compress_ratio == 0;
}

LayerKind layer_kind(const Layer& layer) {
  const AttentionSpan span = layer.attention.span;
  switch (layer.mixer) {
    case MixerKind::Attention:
      return span == AttentionSpan::SlidingWindow ? LayerKind::SlidingAttention
             : span == AttentionSpan::Chunked     ? LayerKind::ChunkedAttention
                                                  : LayerKind::FullAttention;
    case MixerKind::LatentAttention:
      return span == AttentionSpan::SlidingWindow ? LayerKind::SlidingLatentAttention
             : span == AttentionSpan::Chunked     ? LayerKind::ChunkedLatentAttention
                                                  : LayerKind::LatentAttention;
    // DeepSeek V4's layer_types names (transformers DeepseekV4Config).
    case MixerKind::CompressedAttention:
      if (layer.attention.compress_ratio == 0) return LayerKind::SlidingAttention;
      return layer.attention.compressed_top_k > 0 ? LayerKind::CompressedSparseAttention
                                                  : LayerKind::HeavilyCompressedAttention;
    case MixerKind::GatedDeltaNet: return LayerKind::GatedDeltaNet;
    case MixerKind::KimiDeltaAttention: return LayerKind::KimiDeltaAttention;
    case MixerKind::LightningAttention: return LayerKind::LightningAttention;
    case MixerKind::Mamba2: return LayerKind::Mamba2;
    case MixerKind::MLSTM: return LayerKind::MLSTM;
    case MixerKind::Mamba: return LayerKind::Mamba;
    case MixerKind::ShortConv: return LayerKind::ShortConv;
    case MixerKind::Rwkv4: return LayerKind::Rwkv4;
    case MixerKind::RgLru: return LayerKind::RgLru;
    case MixerKind::None: return LayerKind::None;
  }
  return LayerKind::None;
}

std::string layer_mixer_key(const Layer& layer) { return std::string(layer_kind_key(layer_kind(layer))); }

std::string layer_mixer_label(const Layer& layer) {
  const AttentionSpec& attention = layer.attention;
  // The names come from the vocabulary (vocab.h); this function only composes them with the numbers.
  const std::string base(layer.mixer == MixerKind::Attention ? layer_kind_label(LayerKind::FullAttention)
                                                             : mixer_kind_label(layer.mixer));
  if (layer.mixer == MixerKind::CompressedAttention) {
    const std::string_view kind = layer_kind_label(layer_kind(layer));
    if (attention.compress_ratio == 0) return fmt::format("{} ({} tokens)", kind, with_commas(attention.window));
    if (attention.compressed_top_k > 0)
      return fmt::format("{} (1 entry per {} tokens, top {}; window {})", kind, attention.compress_ratio,
                         with_commas(attention.compressed_top_k), with_commas(attention.window));
    return fmt::format("{} (1 entry per {} tokens; window {})", kind, attention.compress_ratio,
                       with_commas(attention.window));
  }
  if (layer.mixer != MixerKind::Attention && layer.mixer != MixerKind::LatentAttention) return base;
  switch (attention.span) {
    case AttentionSpan::SlidingWindow:
      return fmt::format("sliding-window {} ({} tokens)",
                         layer.mixer == MixerKind::Attention ? "attention" : base,
                         with_commas(attention.window));
    case AttentionSpan::Chunked:
      return fmt::format("chunked {} ({} tokens)", layer.mixer == MixerKind::Attention ? "attention" : base,
                         with_commas(attention.window));
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
  LayerKind kind;
  if (layer_kind_of_key(key, &kind)) return std::string(vocab::row_of(vocab::kLayerKinds, kind).short_label);
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
