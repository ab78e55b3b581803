// The model's vocabularies: one row table per enum, each row {value, key, label, short}.
//   key:   the stable JSON / CSS / query word ("full_attention", "moe", "rmsnorm");
//   label: the words a reader sees (legend, fact sheet, diagram box);
//   short: the shortest word, for one-line summaries ("global", "MLA", "KDA").
// Adding an enumerator means adding its row here: each enum has a count sentinel beside it (`k…Count`,
// its last enumerator + 1; a switch never sees it, so -Wswitch stays exact) and static_asserts check
// that its table has that many rows and that row i holds enumerator i: a missing or misplaced row
// fails to compile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace llmg {

// Declared in model/model.h (fixed underlying type, so they can be named here before the structs).
enum class MixerKind : std::uint8_t;
enum class FfnKind : std::uint8_t;
enum class NormKind : std::uint8_t;
enum class NormPlacement : std::uint8_t;
enum class PositionKind : std::uint8_t;
enum class Component : std::uint8_t;

// What a layer's token mixer is, span included: the kinds `layer_mixer_key` names (the mixer × span keys
// of show --json's layer_mix / layer_detail, the diagram colours and the gallery filters).
enum class LayerKind : std::uint8_t {
  FullAttention,               // softmax attention over every previous token
  SlidingAttention,            // softmax attention over a sliding window (also DeepSeek V4's sliding layers)
  ChunkedAttention,            // softmax attention within fixed chunks (Llama 4)
  LatentAttention,             // MLA, full span
  SlidingLatentAttention,      // MLA over a sliding window
  ChunkedLatentAttention,      // MLA within chunks (no family yet; named for completeness)
  CompressedSparseAttention,   // DeepSeek V4 CSA
  HeavilyCompressedAttention,  // DeepSeek V4 HCA
  GatedDeltaNet,
  KimiDeltaAttention,
  LightningAttention,
  Mamba2,
  MLSTM,
  Mamba,  // Mamba-1
  ShortConv,  // LFM2's gated short convolution
  Rwkv4,      // RWKV-4 time mixing
  RgLru,      // RecurrentGemma's RG-LRU recurrent block
  None,  // no token mixer
};
inline constexpr std::size_t kLayerKindCount = static_cast<std::size_t>(LayerKind::None) + 1;  // last + 1

// Decoder type as the gallery groups models (computed by analysis/facts).
enum class DecoderType : std::uint8_t { Dense, SparseMoE, Hybrid, Recurrent };
inline constexpr std::size_t kDecoderTypeCount = static_cast<std::size_t>(DecoderType::Recurrent) + 1;

template <typename Enum>
struct VocabRow {
  Enum value;
  std::string_view key;
  std::string_view label;
  std::string_view short_label;
};

namespace vocab {

template <typename Enum, std::size_t N>
constexpr bool rows_in_order(const VocabRow<Enum> (&rows)[N]) {
  for (std::size_t i = 0; i < N; ++i)
    if (static_cast<std::size_t>(rows[i].value) != i) return false;
  return true;
}

template <typename Enum, std::size_t N>
constexpr const VocabRow<Enum>& row_of(const VocabRow<Enum> (&rows)[N], Enum value) {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? rows[i] : rows[0];
}

// ---- the tables ----------------------------------------------------------------------------------

// The tables of the enums declared in model/model.h are in vocab.cpp (kMixerRows, kFfnKinds,
// kComponents, kNormKinds, kNormPlacements, kPositionKinds), each with its static_asserts.

inline constexpr VocabRow<LayerKind> kLayerKinds[] = {
    {LayerKind::FullAttention, "full_attention", "global attention", "global"},
    {LayerKind::SlidingAttention, "sliding_attention", "sliding-window attention", "sliding-window"},
    {LayerKind::ChunkedAttention, "chunked_attention", "chunked attention", "chunked"},
    {LayerKind::LatentAttention, "latent_attention", "latent attention (MLA)", "MLA"},
    {LayerKind::SlidingLatentAttention, "sliding_latent_attention", "sliding-window MLA", "sliding-window MLA"},
    // No short word was ever given: summaries print the key itself (unchanged output).
    {LayerKind::ChunkedLatentAttention, "chunked_latent_attention", "chunked MLA", "chunked_latent_attention"},
    {LayerKind::CompressedSparseAttention, "compressed_sparse_attention", "compressed sparse attention", "CSA"},
    {LayerKind::HeavilyCompressedAttention, "heavily_compressed_attention", "heavily compressed attention", "HCA"},
    {LayerKind::GatedDeltaNet, "gated_deltanet", "Gated DeltaNet", "Gated DeltaNet"},
    {LayerKind::KimiDeltaAttention, "kimi_delta_attention", "Kimi Delta Attention", "KDA"},
    {LayerKind::LightningAttention, "lightning_attention", "Lightning attention", "Lightning"},
    {LayerKind::Mamba2, "mamba2", "Mamba-2", "Mamba-2"},
    {LayerKind::MLSTM, "mlstm", "mLSTM", "mLSTM"},
    {LayerKind::Mamba, "mamba", "Mamba", "Mamba"},
    {LayerKind::ShortConv, "short_conv", "gated short convolution", "short conv"},
    {LayerKind::Rwkv4, "rwkv4", "RWKV-4 time mixing", "RWKV-4"},
    {LayerKind::RgLru, "rg_lru", "RG-LRU recurrent block", "RG-LRU"},
    {LayerKind::None, "none", "no token mixer", "FFN-only"},
};
static_assert(std::size(kLayerKinds) == kLayerKindCount);
static_assert(rows_in_order(kLayerKinds));

inline constexpr VocabRow<DecoderType> kDecoderTypes[] = {
    {DecoderType::Dense, "dense", "dense", "dense"},
    {DecoderType::SparseMoE, "moe", "sparse MoE", "MoE"},
    {DecoderType::Hybrid, "hybrid", "hybrid", "hybrid"},
    {DecoderType::Recurrent, "recurrent", "recurrent", "recurrent"},
};
static_assert(std::size(kDecoderTypes) == kDecoderTypeCount);
static_assert(rows_in_order(kDecoderTypes));

}  // namespace vocab

constexpr std::string_view layer_kind_key(LayerKind kind) { return vocab::row_of(vocab::kLayerKinds, kind).key; }
constexpr std::string_view layer_kind_label(LayerKind kind) { return vocab::row_of(vocab::kLayerKinds, kind).label; }
// The layer kind a key names; false when it names none.
bool layer_kind_of_key(std::string_view key, LayerKind* kind);

// ---- names of the model's enums (rows in vocab.cpp) ------------------------------------------------

std::string_view mixer_kind_key(MixerKind kind);  // "attention", "latent_attention", "mamba2", ...
std::string_view mixer_kind_label(MixerKind kind);
std::string_view ffn_kind_key(FfnKind kind);    // "dense", "moe", "none"
std::string_view ffn_kind_label(FfnKind kind);  // "dense FFN", "MoE FFN", "no FFN"
std::string_view component_key(Component component);
std::string_view component_label(Component component);  // "MLP", "routed experts", "LM head", ...
std::string_view norm_kind_key(NormKind kind);
std::string_view norm_kind_label(NormKind kind);  // "RMSNorm", "LayerNorm", "LayerNorm (no bias)"
std::string_view norm_placement_key(NormPlacement placement);
std::string_view position_kind_key(PositionKind kind);

constexpr std::string_view decoder_type_key(DecoderType type) {  // "dense", "moe", "hybrid", "recurrent"
  return vocab::row_of(vocab::kDecoderTypes, type).key;
}
constexpr std::string_view decoder_type_label(DecoderType type) {  // "dense", "sparse MoE", ...
  return vocab::row_of(vocab::kDecoderTypes, type).label;
}

}  // namespace llmg
