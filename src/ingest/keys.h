// One enum plus one table of config-key aliases (llama.cpp's llama-arch style): a fact that different
// families spell differently is one Key, and adding a spelling is adding a string to its row.
// Every key a family reader reads has a row here (no raw key strings in the readers); a row also
// names the key's GGUF metadata suffixes, so config.json and GGUF spellings live in one place.
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
  // Family-specific keys (one reader or a few; the comment on each row names them)
  AddFullAttentionSinkBias,
  AddOutNorm,
  AddSwaAttentionSinkBias,
  AttentionKEqV,
  AttentionOtherSettingNumAttentionGroups,
  AttentionOtherSettingNumAttentionHeads,
  AttnOutputGate,
  AttnTypeList,
  CcaNumQHeads,
  CompressRateCsa,
  CompressRateHca,
  CompressRatesCompressedSparseAttention,
  CompressRatesHeavilyCompressedAttention,
  CompressRatios,
  DecoderSparseStep,
  EmbNeighborNum,
  EmbSplitNum,
  EmbeddingDim,
  EnableMoeBlock,
  ExpertFfnHiddenSize,
  FfnHiddenSizeList,
  FfnProjFactor,
  FfnRoundUpToMultipleOf,
  Gating,
  GlobalAttnEveryNLayers,
  GlobalHeadDim,
  HcMult,
  HiddenSizePerLayerInput,
  HybridLayerPattern,
  HybridOverridePattern,
  IndexHeadDim,
  IndexNHeads,
  IndexTopk,
  InterleaveMoeLayerStep,
  IntermediateSizeMlp,
  LinearAttnConfigFullAttnLayers,
  LinearAttnConfigHeadDim,
  LinearAttnConfigKdaLayers,
  LinearAttnConfigNumHeads,
  LinearAttnConfigShortConvKernelSize,
  MlaUseNope,
  MlpLayerTypes,
  MlpOnlyLayers,
  MoeExpertHiddenDim,
  MoeNumExperts,
  MoeNumExpertsPerTok,
  MoeLatentSize,
  MoeLayers,
  MoeLayersEnum,
  MoeRouterEnableExpertBias,
  MoeRouterTopk,
  MoeTopK,
  MtpHybridOverridePattern,
  NgramVocabSizeRatio,
  NoRopeLayerInterval,
  NoRopeLayers,
  NormEpsilon,
  NumAttentionGroups,
  NumAttentionHeadsPerLayer,
  NumBlocks,
  NumDenseLayers,
  NumGlobalKeyValueHeads,
  NumHashLayers,
  NumKvSharedLayers,
  NumQueryGroups,
  NumQueryGroupsList,
  OGroups,
  OLoraRank,
  PartialRotaryFactors,
  PrefixDenseIntermediateSize,
  PrefixDenseSlidingWindowPattern,
  QkDimFactor,
  QkNorm,
  QkNormType,
  ResidualMoe,
  RopeLocalBaseFreq,
  RopeParametersFullAttentionPartialRotaryFactor,
  RopeParametersFullAttentionRopeTheta,
  RopeParametersPartialRotaryFactor,
  RopeParametersRopeTheta,
  RopeParametersSlidingAttentionPartialRotaryFactor,
  RopeScaling,
  RotaryDim,
  RouterBias,
  ScaleResidualMerge,
  ShareExpertDim,
  SlidingWindowPattern,
  SwaHeadDim,
  SwaNumAttentionHeads,
  SwaNumKeyValueHeads,
  SwaRopeTheta,
  SwaVHeadDim,
  TopkMethod,
  UseBias,
  UseConvBias,
  UseDoubleWideMlp,
  UseHeadWiseAttnGate,
  UseMoeRouterBias,
  UseQkNorm,
  UseRoutingBias,
  VDimFactor,
  VocabSizePerLayerInput,
  ZayaLayers,
  ZayaMlpExpansion,
  ZayaUseEda,
  ZayaUseMod,
  ZeroExpertNum,
  Count,  // sentinel: the number of keys (kKeys has one row per key, in this order)
};

struct KeySpec {
  Key key;
  std::string_view name;                       // canonical name used in messages and provenance
  std::span<const std::string_view> aliases;   // spellings, most common first
  double min_value;                            // inclusive bounds for numeric values
  double max_value;                            //   (a reader may narrow them for its own family)
  std::span<const std::string_view> gguf = {};  // llama.cpp GGUF metadata suffixes after "{arch}.", first wins
};

// Every row, in Key order (kKeys[i].key == Key(i), checked at compile time).
std::span<const KeySpec> key_table();

const KeySpec& key_spec(Key key);

}  // namespace llmg
