#include "model/vocab.h"

#include "model/model.h"

namespace llmg {

namespace vocab {

// The mixer kinds alone; a layer's kind with its span is LayerKind (vocab.h).
constexpr VocabRow<MixerKind> kMixerRows[] = {
    {MixerKind::None, "none", "no mixer", "FFN-only"},
    {MixerKind::Attention, "attention", "attention", "attention"},
    {MixerKind::LatentAttention, "latent_attention", "multi-head latent attention", "MLA"},
    {MixerKind::GatedDeltaNet, "gated_deltanet", "Gated DeltaNet", "Gated DeltaNet"},
    {MixerKind::KimiDeltaAttention, "kimi_delta_attention", "Kimi Delta Attention", "KDA"},
    {MixerKind::LightningAttention, "lightning_attention", "Lightning attention", "Lightning"},
    {MixerKind::Mamba2, "mamba2", "Mamba-2", "Mamba-2"},
    {MixerKind::MLSTM, "mlstm", "mLSTM", "mLSTM"},
    {MixerKind::CompressedAttention, "compressed_attention", "compressed attention", "compressed"},
    {MixerKind::Mamba, "mamba", "Mamba", "Mamba"},
    {MixerKind::ShortConv, "short_conv", "gated short convolution", "short conv"},
    {MixerKind::Rwkv4, "rwkv4", "RWKV-4 time mixing", "RWKV-4"},
    {MixerKind::RgLru, "rg_lru", "RG-LRU recurrent block", "RG-LRU"},
};
static_assert(std::size(kMixerRows) == kMixerKindCount);
static_assert(rows_in_order(kMixerRows));

constexpr VocabRow<FfnKind> kFfnKinds[] = {
    {FfnKind::None, "none", "no FFN", "none"},
    {FfnKind::Dense, "dense", "dense FFN", "dense"},
    {FfnKind::MoE, "moe", "MoE FFN", "MoE"},
};
static_assert(std::size(kFfnKinds) == kFfnKindCount);
static_assert(rows_in_order(kFfnKinds));

// Component keys (JSON) and the words the checkpoint cross-check writes.
constexpr VocabRow<Component> kComponents[] = {
    {Component::Embedding, "embedding", "embedding", "embedding"},
    {Component::Attention, "attention", "attention", "attention"},
    {Component::FeedForward, "feed_forward", "MLP", "MLP"},
    {Component::RoutedExperts, "routed_experts", "routed experts", "experts"},
    {Component::Router, "router", "router", "router"},
    {Component::Norm, "norm", "norms", "norms"},
    {Component::LmHead, "lm_head", "LM head", "LM head"},
    {Component::Mtp, "mtp", "MTP layers", "MTP"},
    {Component::Other, "other", "other", "other"},
    {Component::Vision, "vision", "vision tower", "vision"},
    {Component::QuantScale, "quant_scales", "quantization scales", "scales"},
    {Component::Table, "tables", "frequency tables", "tables"},
};
static_assert(std::size(kComponents) == kComponentCount);
static_assert(rows_in_order(kComponents));

constexpr VocabRow<NormKind> kNormKinds[] = {
    {NormKind::RMSNorm, "rmsnorm", "RMSNorm", "RMSNorm"},
    {NormKind::LayerNorm, "layernorm", "LayerNorm", "LayerNorm"},
    {NormKind::LayerNormNoBias, "layernorm_nobias", "LayerNorm (no bias)", "LayerNorm"},
    {NormKind::LayerNormNoParams, "layernorm_noparams", "LayerNorm (no parameters)", "LayerNorm"},
    {NormKind::LayerNorm1P, "layernorm1p", "LayerNorm1P (1 + weight)", "LayerNorm1P"},
    {NormKind::RMSNormNoWeight, "rmsnorm_noweight", "RMSNorm (no weight)", "RMSNorm"},
};
static_assert(std::size(kNormKinds) == kNormKindCount);
static_assert(rows_in_order(kNormKinds));

constexpr VocabRow<NormPlacement> kNormPlacements[] = {
    {NormPlacement::Pre, "pre", "pre-norm", "pre"},  // labels as the fact sheet words them ("RMSNorm, pre-norm")
    {NormPlacement::Post, "post", "post-norm", "post"},
    {NormPlacement::Sandwich, "sandwich", "sandwich-norm", "sandwich"},
    {NormPlacement::Parallel, "parallel", "one norm before parallel attention and MLP", "parallel"},
    {NormPlacement::ParallelTwoNorms, "parallel_two_norms", "parallel attention and MLP, each behind its own norm",
     "parallel"},
};
static_assert(std::size(kNormPlacements) == kNormPlacementCount);
static_assert(rows_in_order(kNormPlacements));

constexpr VocabRow<PositionKind> kPositionKinds[] = {
    {PositionKind::RoPE, "rope", "RoPE", "RoPE"},
    {PositionKind::Learned, "learned", "learned absolute positions", "learned"},
    {PositionKind::NoPE, "nope", "none (NoPE)", "NoPE"},
    {PositionKind::ALiBi, "alibi", "ALiBi (linear attention biases)", "ALiBi"},
    {PositionKind::Sinusoidal, "sinusoidal", "sinusoidal absolute positions", "sinusoidal"},
};
static_assert(std::size(kPositionKinds) == kPositionKindCount);
static_assert(rows_in_order(kPositionKinds));

}  // namespace vocab

bool layer_kind_of_key(std::string_view key, LayerKind* kind) {
  for (const auto& row : vocab::kLayerKinds)
    if (row.key == key) {
      *kind = row.value;
      return true;
    }
  return false;
}

std::string_view mixer_kind_key(MixerKind kind) { return vocab::row_of(vocab::kMixerRows, kind).key; }
std::string_view mixer_kind_label(MixerKind kind) { return vocab::row_of(vocab::kMixerRows, kind).label; }
std::string_view ffn_kind_key(FfnKind kind) { return vocab::row_of(vocab::kFfnKinds, kind).key; }
std::string_view ffn_kind_label(FfnKind kind) { return vocab::row_of(vocab::kFfnKinds, kind).label; }
std::string_view component_key(Component component) { return vocab::row_of(vocab::kComponents, component).key; }
std::string_view component_label(Component component) { return vocab::row_of(vocab::kComponents, component).label; }
std::string_view norm_kind_key(NormKind kind) { return vocab::row_of(vocab::kNormKinds, kind).key; }
std::string_view norm_kind_label(NormKind kind) { return vocab::row_of(vocab::kNormKinds, kind).label; }
std::string_view norm_placement_key(NormPlacement placement) {
  return vocab::row_of(vocab::kNormPlacements, placement).key;
}
std::string_view position_kind_key(PositionKind kind) { return vocab::row_of(vocab::kPositionKinds, kind).key; }

}  // namespace llmg
