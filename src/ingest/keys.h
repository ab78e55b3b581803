// One enum plus one table of config-key aliases (llama.cpp's llama-arch style): a fact that different
// families spell differently is one Key, and adding a spelling is adding a string to its row.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace llmg {

enum class Key : std::uint8_t {
  ModelType,
  HiddenSize,
  NumLayers,
  NumHeads,
  NumKvHeads,
  HeadDim,
  ValueHeadDim,
  VocabSize,
  ContextLength,
  IntermediateSize,
  TieEmbeddings,
  NormEps,
  RopeTheta,
  PartialRotaryFactor,
  SlidingWindow,
  AttentionChunkSize,
  AttentionBias,
  MlpBias,
  HiddenAct,
  LayerTypes,
  // Mixture of experts
  NumExperts,
  ExpertsPerToken,
  MoeIntermediateSize,
  NumSharedExperts,
  SharedExpertIntermediateSize,
  FirstKDenseReplace,
  MoeLayerFreq,
  // Multi-head latent attention
  QLoraRank,
  KvLoraRank,
  QkRopeHeadDim,
  QkNopeHeadDim,
  // Multi-token prediction
  NumMtpLayers,
  // Linear attention (Gated DeltaNet and kin)
  LinearNumKeyHeads,
  LinearNumValueHeads,
  LinearKeyHeadDim,
  LinearValueHeadDim,
  LinearConvKernel,
  FullAttentionInterval,
  // Mamba-2
  MambaNumHeads,
  MambaHeadDim,
  SsmStateSize,
  MambaGroups,
  ConvKernel,
};

struct KeySpec {
  Key key;
  std::string_view name;                       // canonical name used in messages and provenance
  std::span<const std::string_view> aliases;   // spellings, most common first
  double min_value;                            // inclusive bounds for numeric values
  double max_value;
};

const KeySpec& key_spec(Key key);

}  // namespace llmg
