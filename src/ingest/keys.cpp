#include "ingest/keys.h"

#include <array>
#include <cstddef>
#include <iterator>

namespace llmg {
namespace {

using Names = std::span<const std::string_view>;

// Aliases: Hugging Face names first, then GPT-2 / Mistral params.json / other spellings.
constexpr std::string_view kModelType[] = {"model_type"};
constexpr std::string_view kHiddenSize[] = {"hidden_size", "n_embd", "d_model", "dim"};
constexpr std::string_view kNumLayers[] = {"num_hidden_layers", "n_layer", "n_layers", "num_layers"};
constexpr std::string_view kNumHeads[] = {"num_attention_heads", "n_head", "n_heads", "num_heads"};
constexpr std::string_view kNumKvHeads[] = {"num_key_value_heads", "n_kv_heads", "num_kv_heads",
                                            "multi_query_group_num"};
constexpr std::string_view kHeadDim[] = {"head_dim", "kv_channels", "attention_head_dim"};
constexpr std::string_view kValueHeadDim[] = {"v_head_dim"};
constexpr std::string_view kVocabSize[] = {"vocab_size", "padded_vocab_size"};
constexpr std::string_view kContextLength[] = {"max_position_embeddings", "n_positions", "max_seq_len",
                                               "seq_length", "n_ctx", "max_sequence_length",
                                               "model_max_length"};  // model_max_length: Kimi Linear
constexpr std::string_view kIntermediateSize[] = {"intermediate_size", "n_inner", "ffn_hidden_size",
                                                  "hidden_dim"};
constexpr std::string_view kTieEmbeddings[] = {"tie_word_embeddings", "tied_embeddings"};
constexpr std::string_view kNormEps[] = {"rms_norm_eps", "layer_norm_epsilon", "layer_norm_eps",
                                         "norm_eps", "layernorm_epsilon"};
constexpr std::string_view kRopeTheta[] = {"rope_theta", "rotary_emb_base", "rope_base"};
constexpr std::string_view kPartialRotary[] = {"partial_rotary_factor", "rotary_pct"};
constexpr std::string_view kSlidingWindow[] = {"sliding_window", "sliding_window_size"};
constexpr std::string_view kChunkSize[] = {"attention_chunk_size"};
constexpr std::string_view kAttentionBias[] = {"attention_bias", "qkv_bias", "bias"};
constexpr std::string_view kMlpBias[] = {"mlp_bias"};
constexpr std::string_view kHiddenAct[] = {"hidden_act", "hidden_activation", "activation_function",
                                           "mlp_hidden_act"};
constexpr std::string_view kLayerTypes[] = {"layer_types"};
constexpr std::string_view kNumExperts[] = {"num_local_experts", "num_experts", "n_routed_experts",
                                            "moe_num_experts"};
constexpr std::string_view kExpertsPerToken[] = {"num_experts_per_tok", "num_experts_per_token",
                                                 "top_k_experts", "moe_topk", "moe_k"};
constexpr std::string_view kMoeIntermediate[] = {"moe_intermediate_size", "expert_intermediate_size"};
constexpr std::string_view kNumSharedExperts[] = {"n_shared_experts", "num_shared_experts"};
constexpr std::string_view kSharedIntermediate[] = {"shared_expert_intermediate_size",
                                                    "moe_shared_expert_intermediate_size"};
constexpr std::string_view kFirstKDense[] = {"first_k_dense_replace", "first_k_dense"};
constexpr std::string_view kMoeLayerFreq[] = {"moe_layer_freq"};
constexpr std::string_view kQLoraRank[] = {"q_lora_rank"};
constexpr std::string_view kKvLoraRank[] = {"kv_lora_rank"};
constexpr std::string_view kQkRopeHeadDim[] = {"qk_rope_head_dim"};
constexpr std::string_view kQkNopeHeadDim[] = {"qk_nope_head_dim"};
constexpr std::string_view kNumMtpLayers[] = {"num_nextn_predict_layers", "mtp_num_hidden_layers",
                                              "num_mtp_layers"};
constexpr std::string_view kLinearKeyHeads[] = {"linear_num_key_heads"};
constexpr std::string_view kLinearValueHeads[] = {"linear_num_value_heads"};
constexpr std::string_view kLinearKeyHeadDim[] = {"linear_key_head_dim"};
constexpr std::string_view kLinearValueHeadDim[] = {"linear_value_head_dim"};
constexpr std::string_view kLinearConvKernel[] = {"linear_conv_kernel_dim"};
constexpr std::string_view kFullAttentionInterval[] = {"full_attention_interval"};
constexpr std::string_view kMambaNumHeads[] = {"mamba_num_heads"};
constexpr std::string_view kMambaHeadDim[] = {"mamba_head_dim"};
constexpr std::string_view kSsmStateSize[] = {"ssm_state_size", "state_size", "d_state"};
constexpr std::string_view kMambaGroups[] = {"n_groups", "mamba_n_groups"};
constexpr std::string_view kConvKernel[] = {"conv_kernel", "d_conv", "mamba_d_conv"};

constexpr std::string_view kAddFullAttentionSinkBias[] = {"add_full_attention_sink_bias"};
constexpr std::string_view kAddOutNorm[] = {"add_out_norm"};
constexpr std::string_view kAddSwaAttentionSinkBias[] = {"add_swa_attention_sink_bias"};
constexpr std::string_view kAttentionKEqV[] = {"attention_k_eq_v"};
constexpr std::string_view kAttentionOtherSettingNumAttentionGroups[] = {"attention_other_setting.num_attention_groups"};
constexpr std::string_view kAttentionOtherSettingNumAttentionHeads[] = {"attention_other_setting.num_attention_heads"};
constexpr std::string_view kAttnOutputGate[] = {"attn_output_gate"};
constexpr std::string_view kAttnTypeList[] = {"attn_type_list"};
constexpr std::string_view kCcaNumQHeads[] = {"cca_num_q_heads"};
constexpr std::string_view kCompressRateCsa[] = {"compress_rate_csa"};
constexpr std::string_view kCompressRateHca[] = {"compress_rate_hca"};
constexpr std::string_view kCompressRatesCompressedSparseAttention[] = {"compress_rates.compressed_sparse_attention"};
constexpr std::string_view kCompressRatesHeavilyCompressedAttention[] = {"compress_rates.heavily_compressed_attention"};
constexpr std::string_view kCompressRatios[] = {"compress_ratios"};
constexpr std::string_view kDecoderSparseStep[] = {"decoder_sparse_step"};
constexpr std::string_view kEmbNeighborNum[] = {"emb_neighbor_num", "oe_neighbor_num"};
constexpr std::string_view kEmbSplitNum[] = {"emb_split_num", "oe_split_num"};
constexpr std::string_view kEmbeddingDim[] = {"embedding_dim"};
constexpr std::string_view kEnableMoeBlock[] = {"enable_moe_block"};
constexpr std::string_view kExpertFfnHiddenSize[] = {"expert_ffn_hidden_size"};
constexpr std::string_view kFfnHiddenSizeList[] = {"ffn_hidden_size_list"};
constexpr std::string_view kFfnProjFactor[] = {"ffn_proj_factor"};
constexpr std::string_view kFfnRoundUpToMultipleOf[] = {"ffn_round_up_to_multiple_of"};
constexpr std::string_view kGating[] = {"gating"};
constexpr std::string_view kGlobalAttnEveryNLayers[] = {"global_attn_every_n_layers"};
constexpr std::string_view kGlobalHeadDim[] = {"global_head_dim"};
constexpr std::string_view kHcMult[] = {"hc_mult"};
constexpr std::string_view kHiddenSizePerLayerInput[] = {"hidden_size_per_layer_input"};
constexpr std::string_view kHybridLayerPattern[] = {"hybrid_layer_pattern"};
constexpr std::string_view kHybridOverridePattern[] = {"hybrid_override_pattern"};
constexpr std::string_view kIndexHeadDim[] = {"index_head_dim"};
constexpr std::string_view kIndexNHeads[] = {"index_n_heads"};
constexpr std::string_view kIndexTopk[] = {"index_topk"};
constexpr std::string_view kInterleaveMoeLayerStep[] = {"interleave_moe_layer_step"};
constexpr std::string_view kIntermediateSizeMlp[] = {"intermediate_size_mlp"};
constexpr std::string_view kLinearAttnConfigFullAttnLayers[] = {"linear_attn_config.full_attn_layers"};
constexpr std::string_view kLinearAttnConfigHeadDim[] = {"linear_attn_config.head_dim"};
constexpr std::string_view kLinearAttnConfigKdaLayers[] = {"linear_attn_config.kda_layers"};
constexpr std::string_view kLinearAttnConfigNumHeads[] = {"linear_attn_config.num_heads"};
constexpr std::string_view kLinearAttnConfigShortConvKernelSize[] = {"linear_attn_config.short_conv_kernel_size"};
constexpr std::string_view kMlaUseNope[] = {"mla_use_nope"};
constexpr std::string_view kMlpLayerTypes[] = {"mlp_layer_types"};
constexpr std::string_view kMlpOnlyLayers[] = {"mlp_only_layers"};
constexpr std::string_view kMoeExpertHiddenDim[] = {"moe.expert_hidden_dim"};
constexpr std::string_view kMoeNumExperts[] = {"moe.num_experts"};
constexpr std::string_view kMoeNumExpertsPerTok[] = {"moe.num_experts_per_tok"};
constexpr std::string_view kMoeLatentSize[] = {"moe_latent_size"};
constexpr std::string_view kMoeLayers[] = {"moe_layers"};
constexpr std::string_view kMoeLayersEnum[] = {"moe_layers_enum"};
constexpr std::string_view kMoeRouterEnableExpertBias[] = {"moe_router_enable_expert_bias"};
constexpr std::string_view kMoeRouterTopk[] = {"moe_router_topk"};
constexpr std::string_view kMoeTopK[] = {"moe_top_k"};
constexpr std::string_view kMtpHybridOverridePattern[] = {"mtp_hybrid_override_pattern"};
constexpr std::string_view kNgramVocabSizeRatio[] = {"ngram_vocab_size_ratio", "oe_vocab_size_ratio"};
constexpr std::string_view kNoRopeLayerInterval[] = {"no_rope_layer_interval"};
constexpr std::string_view kNoRopeLayers[] = {"no_rope_layers"};
constexpr std::string_view kNormEpsilon[] = {"norm_epsilon"};
constexpr std::string_view kNumAttentionGroups[] = {"num_attention_groups"};
constexpr std::string_view kNumAttentionHeadsPerLayer[] = {"num_attention_heads_per_layer"};
constexpr std::string_view kNumBlocks[] = {"num_blocks"};
constexpr std::string_view kNumDenseLayers[] = {"num_dense_layers"};
constexpr std::string_view kNumGlobalKeyValueHeads[] = {"num_global_key_value_heads"};
constexpr std::string_view kNumHashLayers[] = {"num_hash_layers"};
constexpr std::string_view kNumKvSharedLayers[] = {"num_kv_shared_layers"};
constexpr std::string_view kNumQueryGroups[] = {"num_query_groups"};
constexpr std::string_view kNumQueryGroupsList[] = {"num_query_groups_list"};
constexpr std::string_view kOGroups[] = {"o_groups"};
constexpr std::string_view kOLoraRank[] = {"o_lora_rank"};
constexpr std::string_view kPartialRotaryFactors[] = {"partial_rotary_factors"};
constexpr std::string_view kPrefixDenseIntermediateSize[] = {"prefix_dense_intermediate_size"};
constexpr std::string_view kPrefixDenseSlidingWindowPattern[] = {"prefix_dense_sliding_window_pattern"};
constexpr std::string_view kQkDimFactor[] = {"qk_dim_factor"};
constexpr std::string_view kQkNorm[] = {"qk_norm"};
constexpr std::string_view kQkNormType[] = {"qk_norm_type"};
constexpr std::string_view kResidualMoe[] = {"residual_moe"};
constexpr std::string_view kRopeLocalBaseFreq[] = {"rope_local_base_freq"};
constexpr std::string_view kRopeParametersFullAttentionPartialRotaryFactor[] = {"rope_parameters.full_attention.partial_rotary_factor"};
constexpr std::string_view kRopeParametersFullAttentionRopeTheta[] = {"rope_parameters.full_attention.rope_theta"};
constexpr std::string_view kRopeParametersPartialRotaryFactor[] = {"rope_parameters.partial_rotary_factor"};
constexpr std::string_view kRopeParametersRopeTheta[] = {"rope_parameters.rope_theta"};
constexpr std::string_view kRopeParametersSlidingAttentionPartialRotaryFactor[] = {"rope_parameters.sliding_attention.partial_rotary_factor"};
constexpr std::string_view kRopeScaling[] = {"rope_scaling"};
constexpr std::string_view kRotaryDim[] = {"rotary_dim"};
constexpr std::string_view kRouterBias[] = {"router_bias"};
constexpr std::string_view kScaleResidualMerge[] = {"scale_residual_merge"};
constexpr std::string_view kShareExpertDim[] = {"share_expert_dim"};
constexpr std::string_view kSlidingWindowPattern[] = {"sliding_window_pattern"};
constexpr std::string_view kSwaHeadDim[] = {"swa_head_dim"};
constexpr std::string_view kSwaNumAttentionHeads[] = {"swa_num_attention_heads"};
constexpr std::string_view kSwaNumKeyValueHeads[] = {"swa_num_key_value_heads"};
constexpr std::string_view kSwaRopeTheta[] = {"swa_rope_theta"};
constexpr std::string_view kSwaVHeadDim[] = {"swa_v_head_dim"};
constexpr std::string_view kTopkMethod[] = {"topk_method"};
constexpr std::string_view kUseBias[] = {"use_bias"};
constexpr std::string_view kUseConvBias[] = {"use_conv_bias"};
constexpr std::string_view kUseDoubleWideMlp[] = {"use_double_wide_mlp"};
constexpr std::string_view kUseHeadWiseAttnGate[] = {"use_head_wise_attn_gate"};
constexpr std::string_view kUseMoeRouterBias[] = {"use_moe_router_bias"};
constexpr std::string_view kUseQkNorm[] = {"use_qk_norm"};
constexpr std::string_view kUseRoutingBias[] = {"use_routing_bias"};
constexpr std::string_view kVDimFactor[] = {"v_dim_factor"};
constexpr std::string_view kVocabSizePerLayerInput[] = {"vocab_size_per_layer_input"};
constexpr std::string_view kZayaLayers[] = {"zaya_layers"};
constexpr std::string_view kZayaMlpExpansion[] = {"zaya_mlp_expansion"};
constexpr std::string_view kZayaUseEda[] = {"zaya_use_eda"};
constexpr std::string_view kZayaUseMod[] = {"zaya_use_mod"};
constexpr std::string_view kZeroExpertNum[] = {"zero_expert_num"};
// set B (issue 12)
constexpr std::string_view kAttentionOutBias[] = {"attention_out_bias"};
constexpr std::string_view kMaxWindowLayers[] = {"max_window_layers"};
constexpr std::string_view kUseSlidingWindow[] = {"use_sliding_window"};
constexpr std::string_view kMoeNumSharedExperts[] = {"moe_num_shared_experts"};
constexpr std::string_view kMoeLayerStartIndex[] = {"moe_layer_start_index"};
constexpr std::string_view kMoeLayerEndIndex[] = {"moe_layer_end_index"};
constexpr std::string_view kMoeLayerInterval[] = {"moe_layer_interval"};
constexpr std::string_view kFullAttnIdxs[] = {"full_attn_idxs"};
constexpr std::string_view kConvLCache[] = {"conv_L_cache"};
constexpr std::string_view kConvBias[] = {"conv_bias"};
constexpr std::string_view kBlockAutoAdjustFfDim[] = {"block_auto_adjust_ff_dim"};
constexpr std::string_view kBlockFfnDimMultiplier[] = {"block_ffn_dim_multiplier"};
constexpr std::string_view kBlockMultipleOf[] = {"block_multiple_of"};
constexpr std::string_view kBlockFfDim[] = {"block_ff_dim"};
constexpr std::string_view kAfn[] = {"afn"};
constexpr std::string_view kDff[] = {"dff"};
constexpr std::string_view kFfnDim[] = {"ffn_dim"};
constexpr std::string_view kAttentionHeads[] = {"attention_heads"};
constexpr std::string_view kQkLayernorm[] = {"qk_layernorm"};
constexpr std::string_view kAttentionHiddenSize[] = {"attention_hidden_size"};
constexpr std::string_view kRwkvContextLength[] = {"context_length"};
constexpr std::string_view kLruWidth[] = {"lru_width"};
constexpr std::string_view kAttentionWindowSize[] = {"attention_window_size"};
constexpr std::string_view kConv1dWidth[] = {"conv1d_width"};
constexpr std::string_view kBlockTypes[] = {"block_types"};
// remote-code families (issue 12 item 3)
constexpr std::string_view kAutoMapCausalLm[] = {"auto_map.AutoModelForCausalLM"};
constexpr std::string_view kNoBias[] = {"no_bias"};
constexpr std::string_view kAddBiasLinear[] = {"add_bias_linear"};
constexpr std::string_view kAddQkvBias[] = {"add_qkv_bias"};
constexpr std::string_view kMultiQueryAttention[] = {"multi_query_attention"};
constexpr std::string_view kPostLayerNorm[] = {"post_layer_norm"};
constexpr std::string_view kRmsNormFlag[] = {"rmsnorm"};
constexpr std::string_view kRopeRatio[] = {"rope_ratio"};
constexpr std::string_view kModelDim[] = {"model_dim"};
constexpr std::string_view kNumTransformerLayers[] = {"num_transformer_layers"};
constexpr std::string_view kNumQueryHeads[] = {"num_query_heads"};
constexpr std::string_view kFfnMultipliers[] = {"ffn_multipliers"};
constexpr std::string_view kFfnDimDivisor[] = {"ffn_dim_divisor"};
constexpr std::string_view kMaxContextLength[] = {"max_context_length"};
constexpr std::string_view kRopeFreqConstant[] = {"rope_freq_constant"};
constexpr std::string_view kShareInputOutputLayers[] = {"share_input_output_layers"};
constexpr std::string_view kNormalizeQkProjections[] = {"normalize_qk_projections"};
constexpr std::string_view kFfnWithGlu[] = {"ffn_with_glu"};
// set C (issue 12)
constexpr std::string_view kEmbeddingMultiplier[] = {"embedding_multiplier"};
constexpr std::string_view kResidualMultiplier[] = {"residual_multiplier"};
constexpr std::string_view kAttentionMultiplier[] = {"attention_multiplier"};
constexpr std::string_view kLogitsScaling[] = {"logits_scaling"};
constexpr std::string_view kDbrxKvNHeads[] = {"attn_config.kv_n_heads"};
constexpr std::string_view kDbrxRopeTheta[] = {"attn_config.rope_theta"};
constexpr std::string_view kDbrxFfnHiddenSize[] = {"ffn_config.ffn_hidden_size"};
constexpr std::string_view kDbrxMoeNumExperts[] = {"ffn_config.moe_num_experts"};
constexpr std::string_view kDbrxMoeTopK[] = {"ffn_config.moe_top_k"};
constexpr std::string_view kDbrxFfnActName[] = {"ffn_config.ffn_act_fn.name"};
constexpr std::string_view kMambaNHeads[] = {"mamba_n_heads"};
constexpr std::string_view kMambaDHead[] = {"mamba_d_head"};
constexpr std::string_view kAttnLayerIndices[] = {"attn_layer_indices"};
constexpr std::string_view kMambaDSsm[] = {"mamba_d_ssm"};
constexpr std::string_view kMambaRmsNorm[] = {"mamba_rms_norm"};
constexpr std::string_view kProjectorsBias[] = {"projectors_bias"};
// issue 13 cards
constexpr std::string_view kTotalUtSteps[] = {"total_ut_steps"};
constexpr std::string_view kNumLoops[] = {"num_loops"};
constexpr std::string_view kLoopShareKv[] = {"loop_share_kv"};
constexpr std::string_view kEnableDoubleLoopSplit[] = {"enable_double_loop_split"};
constexpr std::string_view kDenseIntermediateSize[] = {"dense_intermediate_size"};
constexpr std::string_view kUseSparseAttention[] = {"sparse_attention_config.use_sparse_attention"};
constexpr std::string_view kSparseIndexDim[] = {"sparse_attention_config.sparse_index_dim"};
constexpr std::string_view kSparseNumIndexHeads[] = {"sparse_attention_config.sparse_num_index_heads"};
constexpr std::string_view kSparseTopkBlocks[] = {"sparse_attention_config.sparse_topk_blocks"};
constexpr std::string_view kSparseBlockSize[] = {"sparse_attention_config.sparse_block_size"};
constexpr std::string_view kSparseAttentionFreq[] = {"sparse_attention_config.sparse_attention_freq"};
constexpr std::string_view kMlaUseOutputGate[] = {"mla_use_output_gate"};
constexpr std::string_view kUseFullRankGate[] = {"linear_attn_config.use_full_rank_gate"};
constexpr std::string_view kRoutedExpertHiddenSize[] = {"routed_expert_hidden_size"};
constexpr std::string_view kLatentMoeUseNorm[] = {"latent_moe_use_norm"};
constexpr std::string_view kAttnResBlockSize[] = {"attn_res_block_size"};
// lead (issue 12)
constexpr std::string_view kIntermediateMultipleSize[] = {"intermediate_multiple_size"};
// set D (issue 12)
constexpr std::string_view kClipQkv[] = {"clip_qkv", "attn_config.clip_qkv"};
constexpr std::string_view gClipQkv[] = {"attention.clamp_kqv"};
constexpr std::string_view kExpansionRatio[] = {"expansion_ratio"};
constexpr std::string_view kSharedIntermediateSize[] = {"shared_intermediate_size"};
constexpr std::string_view kPositionEmbeddingType[] = {"position_embedding_type"};
constexpr std::string_view kRopeParametersType[] = {"rope_parameters.rope_type", "rope_parameters.type"};
constexpr std::string_view kLlama4ScalingBeta[] = {"rope_parameters.llama_4_scaling_beta"};
constexpr std::string_view kRopeOriginalContext[] = {"rope_parameters.original_max_position_embeddings"};
constexpr std::string_view kActivationSparsityPattern[] = {"activation_sparsity_pattern"};
constexpr std::string_view kAltupNumInputs[] = {"altup_num_inputs"};
constexpr std::string_view kLaurelRank[] = {"laurel_rank"};

constexpr std::string_view kAlibi[] = {"alibi"};
constexpr std::string_view kAttentionTypes[] = {"attention_types"};
constexpr std::string_view kDoLayerNormBefore[] = {"do_layer_norm_before"};
constexpr std::string_view kEnableBias[] = {"enable_bias"};
constexpr std::string_view kLmHeadBias[] = {"lm_head_bias"};
constexpr std::string_view kMultiQuery[] = {"multi_query"};
constexpr std::string_view kNEmbed[] = {"n_embed"};
constexpr std::string_view kNHeadKv[] = {"n_head_kv"};
constexpr std::string_view kNewDecoderArchitecture[] = {"new_decoder_architecture"};
constexpr std::string_view kNumLnInParallelAttn[] = {"num_ln_in_parallel_attn"};
constexpr std::string_view kParallelAttn[] = {"parallel_attn"};
constexpr std::string_view kUseParallelResidual[] = {"use_parallel_residual"};
constexpr std::string_view kUseQkvBias[] = {"use_qkv_bias"};
constexpr std::string_view kWindowSize[] = {"window_size"};
constexpr std::string_view kWordEmbedProjDim[] = {"word_embed_proj_dim"};
constexpr std::string_view kAttnLayerOffset[] = {"attn_layer_offset"};
constexpr std::string_view kAttnLayerPeriod[] = {"attn_layer_period"};
constexpr std::string_view kExpand[] = {"expand"};
constexpr std::string_view kExpertLayerOffset[] = {"expert_layer_offset"};
constexpr std::string_view kExpertLayerPeriod[] = {"expert_layer_period"};
constexpr std::string_view kMambaConvBias[] = {"mamba_conv_bias"};
constexpr std::string_view kMambaDState[] = {"mamba_d_state"};
constexpr std::string_view kMambaDtRank[] = {"mamba_dt_rank"};
constexpr std::string_view kMambaExpand[] = {"mamba_expand"};
constexpr std::string_view kMambaProjBias[] = {"mamba_proj_bias"};
constexpr std::string_view kTimeStepRank[] = {"time_step_rank"};
// GGUF metadata suffixes (llama.cpp's LLM_KV names, llama-arch.cpp, without the "{arch}." prefix).
// Two suffixes may feed one key (RMS and LayerNorm epsilon); the first present wins.
constexpr std::string_view gContextLength[] = {"context_length"};
constexpr std::string_view gHiddenSize[] = {"embedding_length"};
constexpr std::string_view gNumLayers[] = {"block_count"};
constexpr std::string_view gIntermediateSize[] = {"feed_forward_length"};
constexpr std::string_view gNumHeads[] = {"attention.head_count"};
constexpr std::string_view gNumKvHeads[] = {"attention.head_count_kv"};
constexpr std::string_view gHeadDim[] = {"attention.key_length"};
constexpr std::string_view gValueHeadDim[] = {"attention.value_length"};
constexpr std::string_view gNormEps[] = {"attention.layer_norm_rms_epsilon", "attention.layer_norm_epsilon"};
constexpr std::string_view gSlidingWindow[] = {"attention.sliding_window"};
constexpr std::string_view gQLoraRank[] = {"attention.q_lora_rank"};
constexpr std::string_view gKvLoraRank[] = {"attention.kv_lora_rank"};
constexpr std::string_view gRopeTheta[] = {"rope.freq_base"};
constexpr std::string_view gVocabSize[] = {"vocab_size"};
constexpr std::string_view gNumExperts[] = {"expert_count"};
constexpr std::string_view gExpertsPerToken[] = {"expert_used_count"};
constexpr std::string_view gMoeIntermediate[] = {"expert_feed_forward_length"};
constexpr std::string_view gNumSharedExperts[] = {"expert_shared_count"};
constexpr std::string_view gSharedIntermediate[] = {"expert_shared_feed_forward_length"};
constexpr std::string_view gFirstKDense[] = {"leading_dense_block_count"};
constexpr std::string_view gNumMtpLayers[] = {"nextn_predict_layers"};
constexpr std::string_view gSsmStateSize[] = {"ssm.state_size"};
constexpr std::string_view gConvKernel[] = {"ssm.conv_kernel"};
constexpr std::string_view gMambaGroups[] = {"ssm.group_count"};
constexpr std::string_view gUseParallelResidual[] = {"use_parallel_residual"};  // gptneox

constexpr double kBig = 1e12;       // sizes: nothing real comes near a trillion per dimension
constexpr double kMaxLayers = 4096;
constexpr double kAny = static_cast<double>(1LL << 40);  // the raw-read default: the reader passes its bounds

constexpr KeySpec kKeys[] = {
    {Key::ModelType, "model_type", kModelType, 0, 0},
    {Key::HiddenSize, "hidden_size", kHiddenSize, 1, 1 << 20, gHiddenSize},
    {Key::NumLayers, "num_hidden_layers", kNumLayers, 1, kMaxLayers, gNumLayers},
    {Key::NumHeads, "num_attention_heads", kNumHeads, 1, 1 << 16, gNumHeads},
    {Key::NumKvHeads, "num_key_value_heads", kNumKvHeads, 1, 1 << 16, gNumKvHeads},
    {Key::HeadDim, "head_dim", kHeadDim, 1, 1 << 16, gHeadDim},
    {Key::ValueHeadDim, "v_head_dim", kValueHeadDim, 1, 1 << 16, gValueHeadDim},
    {Key::VocabSize, "vocab_size", kVocabSize, 1, 1 << 26, gVocabSize},
    {Key::ContextLength, "max_position_embeddings", kContextLength, 1, 1LL << 34, gContextLength},
    {Key::IntermediateSize, "intermediate_size", kIntermediateSize, 1, 1 << 22, gIntermediateSize},
    {Key::TieEmbeddings, "tie_word_embeddings", kTieEmbeddings, 0, 0},
    {Key::NormEps, "rms_norm_eps", kNormEps, 0, 1, gNormEps},
    {Key::RopeTheta, "rope_theta", kRopeTheta, 0, kBig, gRopeTheta},
    {Key::PartialRotaryFactor, "partial_rotary_factor", kPartialRotary, 0, 1},
    {Key::SlidingWindow, "sliding_window", kSlidingWindow, 1, 1LL << 34, gSlidingWindow},
    {Key::AttentionChunkSize, "attention_chunk_size", kChunkSize, 1, 1LL << 34},
    {Key::AttentionBias, "attention_bias", kAttentionBias, 0, 0},
    {Key::MlpBias, "mlp_bias", kMlpBias, 0, 0},
    {Key::HiddenAct, "hidden_act", kHiddenAct, 0, 0},
    {Key::LayerTypes, "layer_types", kLayerTypes, 0, 0},
    {Key::NumExperts, "num_experts", kNumExperts, 0, 1 << 16, gNumExperts},
    {Key::ExpertsPerToken, "num_experts_per_tok", kExpertsPerToken, 1, 1 << 16, gExpertsPerToken},
    {Key::MoeIntermediateSize, "moe_intermediate_size", kMoeIntermediate, 1, 1 << 22, gMoeIntermediate},
    {Key::NumSharedExperts, "n_shared_experts", kNumSharedExperts, 0, 1 << 10, gNumSharedExperts},
    {Key::SharedExpertIntermediateSize, "shared_expert_intermediate_size", kSharedIntermediate, 0, 1 << 22, gSharedIntermediate},
    {Key::FirstKDenseReplace, "first_k_dense_replace", kFirstKDense, 0, kMaxLayers, gFirstKDense},
    {Key::MoeLayerFreq, "moe_layer_freq", kMoeLayerFreq, 0, kMaxLayers},
    {Key::QLoraRank, "q_lora_rank", kQLoraRank, 0, 1 << 20, gQLoraRank},
    {Key::KvLoraRank, "kv_lora_rank", kKvLoraRank, 1, 1 << 20, gKvLoraRank},
    {Key::QkRopeHeadDim, "qk_rope_head_dim", kQkRopeHeadDim, 0, 1 << 16},
    {Key::QkNopeHeadDim, "qk_nope_head_dim", kQkNopeHeadDim, 0, 1 << 16},
    {Key::NumMtpLayers, "num_nextn_predict_layers", kNumMtpLayers, 0, 64, gNumMtpLayers},
    {Key::LinearNumKeyHeads, "linear_num_key_heads", kLinearKeyHeads, 1, 1 << 16},
    {Key::LinearNumValueHeads, "linear_num_value_heads", kLinearValueHeads, 1, 1 << 16},
    {Key::LinearKeyHeadDim, "linear_key_head_dim", kLinearKeyHeadDim, 1, 1 << 16},
    {Key::LinearValueHeadDim, "linear_value_head_dim", kLinearValueHeadDim, 1, 1 << 16},
    {Key::LinearConvKernel, "linear_conv_kernel_dim", kLinearConvKernel, 1, 1 << 10},
    {Key::FullAttentionInterval, "full_attention_interval", kFullAttentionInterval, 1, kMaxLayers},
    {Key::MambaNumHeads, "mamba_num_heads", kMambaNumHeads, 1, 1 << 16},
    {Key::MambaHeadDim, "mamba_head_dim", kMambaHeadDim, 1, 1 << 16},
    {Key::SsmStateSize, "ssm_state_size", kSsmStateSize, 1, 1 << 16, gSsmStateSize},
    {Key::MambaGroups, "n_groups", kMambaGroups, 1, 1 << 16, gMambaGroups},
    {Key::ConvKernel, "conv_kernel", kConvKernel, 1, 1 << 10, gConvKernel},
    // Family-specific keys; the comment names the readers (families/<file>.cpp) that read each one.
    {Key::AddFullAttentionSinkBias, "add_full_attention_sink_bias", kAddFullAttentionSinkBias, 0, 0},  // moe
    {Key::AddOutNorm, "add_out_norm", kAddOutNorm, 0, 0},  // xlstm
    {Key::AddSwaAttentionSinkBias, "add_swa_attention_sink_bias", kAddSwaAttentionSinkBias, 0, 0},  // moe
    {Key::Alibi, "alibi", kAlibi, 0, 0},  // falcon
    {Key::AttentionKEqV, "attention_k_eq_v", kAttentionKEqV, 0, 0},  // gemma
    {Key::AttentionOtherSettingNumAttentionGroups, "attention_other_setting.num_attention_groups", kAttentionOtherSettingNumAttentionGroups, 1, 1 << 16},  // step3p5
    {Key::AttentionOtherSettingNumAttentionHeads, "attention_other_setting.num_attention_heads", kAttentionOtherSettingNumAttentionHeads, 1, 1 << 16},  // step3p5
    {Key::AttentionTypes, "attention_types", kAttentionTypes, 0, 0},  // gpt_neo
    {Key::AttnLayerOffset, "attn_layer_offset", kAttnLayerOffset, 0, 4096},  // jamba
    {Key::AttnLayerPeriod, "attn_layer_period", kAttnLayerPeriod, 1, 4096},  // jamba
    {Key::AttnOutputGate, "attn_output_gate", kAttnOutputGate, 0, 0},  // hybrid
    {Key::AttnTypeList, "attn_type_list", kAttnTypeList, 0, 0},  // moe
    {Key::CcaNumQHeads, "cca_num_q_heads", kCcaNumQHeads, 0, 1 << 16},  // zaya.cpp
    {Key::CompressRateCsa, "compress_rate_csa", kCompressRateCsa, 1, 1 << 20},  // deepseek_v4
    {Key::CompressRateHca, "compress_rate_hca", kCompressRateHca, 1, 1 << 20},  // deepseek_v4
    {Key::CompressRatesCompressedSparseAttention, "compress_rates.compressed_sparse_attention", kCompressRatesCompressedSparseAttention, 0, 0},  // deepseek_v4
    {Key::CompressRatesHeavilyCompressedAttention, "compress_rates.heavily_compressed_attention", kCompressRatesHeavilyCompressedAttention, 0, 0},  // deepseek_v4
    {Key::CompressRatios, "compress_ratios", kCompressRatios, 0, 0},  // deepseek_v4
    {Key::DecoderSparseStep, "decoder_sparse_step", kDecoderSparseStep, 1, 4096},  // moe
    {Key::DoLayerNormBefore, "do_layer_norm_before", kDoLayerNormBefore, 0, 0},  // opt
    {Key::EmbNeighborNum, "emb_neighbor_num", kEmbNeighborNum, 0, 64},  // longcat
    {Key::EmbSplitNum, "emb_split_num", kEmbSplitNum, 0, 64},  // longcat
    {Key::EmbeddingDim, "embedding_dim", kEmbeddingDim, 1, 1 << 20},  // xlstm
    {Key::EnableBias, "enable_bias", kEnableBias, 0, 0},  // opt
    {Key::EnableMoeBlock, "enable_moe_block", kEnableMoeBlock, 0, 0},  // gemma
    {Key::Expand, "expand", kExpand, 1, 1024},  // mamba
    {Key::ExpertFfnHiddenSize, "expert_ffn_hidden_size", kExpertFfnHiddenSize, 1, 1 << 22},  // longcat
    {Key::ExpertLayerOffset, "expert_layer_offset", kExpertLayerOffset, 0, 4096},  // jamba
    {Key::ExpertLayerPeriod, "expert_layer_period", kExpertLayerPeriod, 1, 4096},  // jamba
    {Key::FfnDim, "ffn_dim", kFfnDim, 1, 1 << 22},  // opt, xglm
    {Key::FfnHiddenSizeList, "ffn_hidden_size_list", kFfnHiddenSizeList, 0, 1 << 22},  // zaya.cpp
    {Key::FfnProjFactor, "ffn_proj_factor", kFfnProjFactor, 0.01, 64},  // xlstm
    {Key::FfnRoundUpToMultipleOf, "ffn_round_up_to_multiple_of", kFfnRoundUpToMultipleOf, 1, 1 << 20},  // xlstm
    {Key::Gating, "gating", kGating, 0, 0},  // laguna
    {Key::GlobalAttnEveryNLayers, "global_attn_every_n_layers", kGlobalAttnEveryNLayers, 1, 4096},  // afmoe
    {Key::GlobalHeadDim, "global_head_dim", kGlobalHeadDim, 1, 1 << 16},  // gemma
    {Key::HcMult, "hc_mult", kHcMult, 1, 64},  // deepseek_v4
    {Key::HiddenSizePerLayerInput, "hidden_size_per_layer_input", kHiddenSizePerLayerInput, 0, 1 << 16},  // gemma
    {Key::HybridLayerPattern, "hybrid_layer_pattern", kHybridLayerPattern, 0, 0},  // moe
    {Key::HybridOverridePattern, "hybrid_override_pattern", kHybridOverridePattern, 0, 0},  // hybrid
    {Key::IndexHeadDim, "index_head_dim", kIndexHeadDim, 1, 1 << 16},  // deepseek_v4, moe
    {Key::IndexNHeads, "index_n_heads", kIndexNHeads, 1, 1 << 16},  // deepseek_v4, moe
    {Key::IndexTopk, "index_topk", kIndexTopk, 1, 1 << 30},  // deepseek_v4
    {Key::InterleaveMoeLayerStep, "interleave_moe_layer_step", kInterleaveMoeLayerStep, 1, 4096},  // moe
    {Key::IntermediateSizeMlp, "intermediate_size_mlp", kIntermediateSizeMlp, 1, 1 << 22},  // moe
    {Key::LinearAttnConfigFullAttnLayers, "linear_attn_config.full_attn_layers", kLinearAttnConfigFullAttnLayers, 0, 0},  // kimi_linear
    {Key::LinearAttnConfigHeadDim, "linear_attn_config.head_dim", kLinearAttnConfigHeadDim, 1, 1 << 16},  // kimi_linear
    {Key::LinearAttnConfigKdaLayers, "linear_attn_config.kda_layers", kLinearAttnConfigKdaLayers, 0, 0},  // kimi_linear
    {Key::LinearAttnConfigNumHeads, "linear_attn_config.num_heads", kLinearAttnConfigNumHeads, 1, 1 << 16},  // kimi_linear
    {Key::LinearAttnConfigShortConvKernelSize, "linear_attn_config.short_conv_kernel_size", kLinearAttnConfigShortConvKernelSize, 1, 1 << 10},  // kimi_linear
    {Key::LmHeadBias, "lm_head_bias", kLmHeadBias, 0, 0},  // phimoe
    {Key::MambaConvBias, "mamba_conv_bias", kMambaConvBias, 0, 0},  // jamba
    {Key::MambaDState, "mamba_d_state", kMambaDState, 1, 1 << 16},  // jamba
    {Key::MambaDtRank, "mamba_dt_rank", kMambaDtRank, 0, 0},  // jamba
    {Key::MambaExpand, "mamba_expand", kMambaExpand, 1, 1024},  // jamba
    {Key::MambaProjBias, "mamba_proj_bias", kMambaProjBias, 0, 0},  // jamba
    {Key::MlaUseNope, "mla_use_nope", kMlaUseNope, 0, 0},  // kimi_linear
    {Key::MlpLayerTypes, "mlp_layer_types", kMlpLayerTypes, 0, 0},  // cohere2_moe, deepseek_v4, laguna
    {Key::MlpOnlyLayers, "mlp_only_layers", kMlpOnlyLayers, 0, kMaxLayers - 1},  // hybrid, moe
    {Key::MoeExpertHiddenDim, "moe.expert_hidden_dim", kMoeExpertHiddenDim, 1, 1 << 22},  // dense
    {Key::MoeNumExperts, "moe.num_experts", kMoeNumExperts, 1, 1 << 16},  // dense
    {Key::MoeNumExpertsPerTok, "moe.num_experts_per_tok", kMoeNumExpertsPerTok, 1, 1 << 16},  // dense
    {Key::MoeLatentSize, "moe_latent_size", kMoeLatentSize, 0, 1 << 20},  // hybrid
    {Key::MoeLayers, "moe_layers", kMoeLayers, 0, 0},  // moe
    {Key::MoeLayersEnum, "moe_layers_enum", kMoeLayersEnum, 0, 0},  // step3p5
    {Key::MoeRouterEnableExpertBias, "moe_router_enable_expert_bias", kMoeRouterEnableExpertBias, 0, 0},  // hy_v3
    {Key::MoeRouterTopk, "moe_router_topk", kMoeRouterTopk, 1, 64},  // zaya
    {Key::MoeTopK, "moe_top_k", kMoeTopK, 1, 1 << 16},  // step3p5
    {Key::MtpHybridOverridePattern, "mtp_hybrid_override_pattern", kMtpHybridOverridePattern, 0, 0},  // hybrid
    {Key::MultiQuery, "multi_query", kMultiQuery, 0, 0},  // falcon, gpt_bigcode
    {Key::NEmbed, "n_embed", kNEmbed, 1, 1 << 20},  // bloom
    {Key::NHeadKv, "n_head_kv", kNHeadKv, 1, 1 << 16},  // falcon
    {Key::NewDecoderArchitecture, "new_decoder_architecture", kNewDecoderArchitecture, 0, 0},  // falcon
    {Key::NgramVocabSizeRatio, "ngram_vocab_size_ratio", kNgramVocabSizeRatio, 0, 1024},  // longcat
    {Key::NoRopeLayerInterval, "no_rope_layer_interval", kNoRopeLayerInterval, 1, 4096},  // dense, moe
    {Key::NoRopeLayers, "no_rope_layers", kNoRopeLayers, 0, 0},  // dense, moe
    {Key::NormEpsilon, "norm_epsilon", kNormEpsilon, 0, 1},  // zaya
    {Key::NumAttentionGroups, "num_attention_groups", kNumAttentionGroups, 1, 1 << 16},  // step3p5
    {Key::NumAttentionHeadsPerLayer, "num_attention_heads_per_layer", kNumAttentionHeadsPerLayer, 1, 1 << 16},  // laguna
    {Key::NumBlocks, "num_blocks", kNumBlocks, 1, kMaxLayers},  // xlstm
    {Key::NumDenseLayers, "num_dense_layers", kNumDenseLayers, 0, 4096},  // afmoe
    {Key::NumGlobalKeyValueHeads, "num_global_key_value_heads", kNumGlobalKeyValueHeads, 1, 1 << 16},  // gemma
    {Key::NumHashLayers, "num_hash_layers", kNumHashLayers, 0, 1 << 16},  // deepseek_v4
    {Key::NumKvSharedLayers, "num_kv_shared_layers", kNumKvSharedLayers, 0, 4096},  // gemma
    {Key::NumLnInParallelAttn, "num_ln_in_parallel_attn", kNumLnInParallelAttn, 1, 2},  // falcon
    {Key::NumQueryGroups, "num_query_groups", kNumQueryGroups, 0, 1 << 16},  // zaya.cpp
    {Key::NumQueryGroupsList, "num_query_groups_list", kNumQueryGroupsList, 0, 1 << 16},  // zaya.cpp
    {Key::OGroups, "o_groups", kOGroups, 1, 1 << 16},  // deepseek_v4
    {Key::OLoraRank, "o_lora_rank", kOLoraRank, 1, 1 << 20},  // deepseek_v4
    {Key::ParallelAttn, "parallel_attn", kParallelAttn, 0, 0},  // falcon
    {Key::PartialRotaryFactors, "partial_rotary_factors", kPartialRotaryFactors, 0, 1},  // step3p5
    {Key::PrefixDenseIntermediateSize, "prefix_dense_intermediate_size", kPrefixDenseIntermediateSize, 1, 1 << 22},  // cohere2_moe
    {Key::PrefixDenseSlidingWindowPattern, "prefix_dense_sliding_window_pattern", kPrefixDenseSlidingWindowPattern, 0, 4096},  // cohere2_moe
    {Key::QkDimFactor, "qk_dim_factor", kQkDimFactor, 0.01, 64},  // xlstm
    {Key::QkLayernorm, "qk_layernorm", kQkLayernorm, 0, 0},  // phi, stablelm, persimmon
    {Key::QkNorm, "qk_norm", kQkNorm, 0, 0},  // hy_v3
    {Key::QkNormType, "qk_norm_type", kQkNormType, 0, 0},  // moe
    {Key::ResidualMoe, "residual_moe", kResidualMoe, 0, 0},  // moe
    {Key::RopeLocalBaseFreq, "rope_local_base_freq", kRopeLocalBaseFreq, 0, kBig},  // gemma
    {Key::RopeParametersFullAttentionPartialRotaryFactor, "rope_parameters.full_attention.partial_rotary_factor", kRopeParametersFullAttentionPartialRotaryFactor, 0, 1},  // gemma, laguna
    {Key::RopeParametersFullAttentionRopeTheta, "rope_parameters.full_attention.rope_theta", kRopeParametersFullAttentionRopeTheta, 0, kBig},  // common
    {Key::RopeParametersPartialRotaryFactor, "rope_parameters.partial_rotary_factor", kRopeParametersPartialRotaryFactor, 0, 1},  // common
    {Key::RopeParametersRopeTheta, "rope_parameters.rope_theta", kRopeParametersRopeTheta, 0, kBig},  // common
    {Key::RopeParametersSlidingAttentionPartialRotaryFactor, "rope_parameters.sliding_attention.partial_rotary_factor", kRopeParametersSlidingAttentionPartialRotaryFactor, 0, 1},  // laguna
    {Key::RopeScaling, "rope_scaling", kRopeScaling, 0, 0},  // common
    {Key::RotaryDim, "rotary_dim", kRotaryDim, 0, 1 << 16},  // moe
    {Key::RouterBias, "router_bias", kRouterBias, 0, 0},  // longcat
    {Key::ScaleResidualMerge, "scale_residual_merge", kScaleResidualMerge, 0, 0},  // zaya
    {Key::ShareExpertDim, "share_expert_dim", kShareExpertDim, 1, 1 << 22},  // step3p5
    {Key::SlidingWindowPattern, "sliding_window_pattern", kSlidingWindowPattern, 1, 4096},  // cohere2_moe, dense, gemma
    {Key::SwaHeadDim, "swa_head_dim", kSwaHeadDim, 1, 1 << 16},  // moe
    {Key::SwaNumAttentionHeads, "swa_num_attention_heads", kSwaNumAttentionHeads, 1, 1 << 16},  // moe
    {Key::SwaNumKeyValueHeads, "swa_num_key_value_heads", kSwaNumKeyValueHeads, 1, 1 << 16},  // moe
    {Key::SwaRopeTheta, "swa_rope_theta", kSwaRopeTheta, 0, kBig},  // moe
    {Key::SwaVHeadDim, "swa_v_head_dim", kSwaVHeadDim, 1, 1 << 16},  // moe
    {Key::TimeStepRank, "time_step_rank", kTimeStepRank, 0, 0},  // mamba
    {Key::TopkMethod, "topk_method", kTopkMethod, 0, 0},  // moe
    {Key::UseBias, "use_bias", kUseBias, 0, 0},  // hybrid, xlstm
    {Key::UseConvBias, "use_conv_bias", kUseConvBias, 0, 0},  // hybrid
    {Key::UseDoubleWideMlp, "use_double_wide_mlp", kUseDoubleWideMlp, 0, 0},  // gemma
    {Key::UseHeadWiseAttnGate, "use_head_wise_attn_gate", kUseHeadWiseAttnGate, 0, 0},  // step3p5
    {Key::UseMoeRouterBias, "use_moe_router_bias", kUseMoeRouterBias, 0, 0},  // step3p5
    {Key::UseParallelResidual, "use_parallel_residual", kUseParallelResidual, 0, 0, gUseParallelResidual},  // gpt_neox, stablelm
    {Key::UseQkNorm, "use_qk_norm", kUseQkNorm, 0, 0},  // cohere2_moe, dense, moe
    {Key::UseQkvBias, "use_qkv_bias", kUseQkvBias, 0, 0},  // stablelm
    {Key::UseRoutingBias, "use_routing_bias", kUseRoutingBias, 0, 0},  // moe
    {Key::VDimFactor, "v_dim_factor", kVDimFactor, 0.01, 64},  // xlstm
    {Key::VocabSizePerLayerInput, "vocab_size_per_layer_input", kVocabSizePerLayerInput, 1, 1 << 26},  // gemma
    {Key::WindowSize, "window_size", kWindowSize, 1, 1LL << 34},  // gpt_neo
    {Key::WordEmbedProjDim, "word_embed_proj_dim", kWordEmbedProjDim, 1, 1 << 20},  // opt
    {Key::ZayaLayers, "zaya_layers", kZayaLayers, 0, 0},  // zaya
    {Key::ZayaMlpExpansion, "zaya_mlp_expansion", kZayaMlpExpansion, 0, 1 << 22},  // zaya.cpp
    {Key::ZayaUseEda, "zaya_use_eda", kZayaUseEda, 0, 0},  // zaya
    {Key::ZayaUseMod, "zaya_use_mod", kZayaUseMod, 0, 0},  // zaya
    {Key::ZeroExpertNum, "zero_expert_num", kZeroExpertNum, 0, 1 << 16},  // longcat
    // set B (issue 12)
    {Key::AttentionOutBias, "attention_out_bias", kAttentionOutBias, 0, 0},  // seed_oss
    {Key::MaxWindowLayers, "max_window_layers", kMaxWindowLayers, 0, kMaxLayers},  // qwen2, qwen2_moe
    {Key::UseSlidingWindow, "use_sliding_window", kUseSlidingWindow, 0, 0},  // qwen2, qwen2_moe
    {Key::MoeNumSharedExperts, "moe_num_shared_experts", kMoeNumSharedExperts, 0, 1 << 10},  // ernie4_5_moe
    {Key::MoeLayerStartIndex, "moe_layer_start_index", kMoeLayerStartIndex, 0, kMaxLayers},  // ernie4_5_moe
    {Key::MoeLayerEndIndex, "moe_layer_end_index", kMoeLayerEndIndex, -1, kMaxLayers},  // ernie4_5_moe
    {Key::MoeLayerInterval, "moe_layer_interval", kMoeLayerInterval, 1, kMaxLayers},  // ernie4_5_moe
    {Key::FullAttnIdxs, "full_attn_idxs", kFullAttnIdxs, 0, 0},  // lfm2
    {Key::ConvLCache, "conv_L_cache", kConvLCache, 1, 1 << 10},  // lfm2
    {Key::ConvBias, "conv_bias", kConvBias, 0, 0},  // lfm2
    {Key::BlockAutoAdjustFfDim, "block_auto_adjust_ff_dim", kBlockAutoAdjustFfDim, 0, 0},  // lfm2
    {Key::BlockFfnDimMultiplier, "block_ffn_dim_multiplier", kBlockFfnDimMultiplier, 0, 64},  // lfm2
    {Key::BlockMultipleOf, "block_multiple_of", kBlockMultipleOf, 1, 1 << 20},  // lfm2
    {Key::BlockFfDim, "block_ff_dim", kBlockFfDim, 1, 1 << 22},  // lfm2
    {Key::Afn, "afn", kAfn, 0, 0},  // openai_gpt
    {Key::Dff, "dff", kDff, 1, 1 << 22},  // ctrl
    {Key::AttentionHeads, "attention_heads", kAttentionHeads, 1, 1 << 16},  // xglm
    {Key::AttentionHiddenSize, "attention_hidden_size", kAttentionHiddenSize, 1, 1 << 20},  // rwkv
    {Key::RwkvContextLength, "context_length", kRwkvContextLength, 1, 1LL << 34},  // rwkv
    {Key::LruWidth, "lru_width", kLruWidth, 1, 1 << 20},  // recurrent_gemma
    {Key::AttentionWindowSize, "attention_window_size", kAttentionWindowSize, 1, 1LL << 34},  // recurrent_gemma
    {Key::Conv1dWidth, "conv1d_width", kConv1dWidth, 1, 1 << 10},  // recurrent_gemma
    {Key::BlockTypes, "block_types", kBlockTypes, 0, 0},  // recurrent_gemma
    // remote-code families (issue 12 item 3)
    {Key::AutoMapCausalLm, "auto_map.AutoModelForCausalLM", kAutoMapCausalLm, 0, 0},  // remote.cpp
    {Key::NoBias, "no_bias", kNoBias, 0, 0},  // qwen (Qwen-1)
    {Key::AddBiasLinear, "add_bias_linear", kAddBiasLinear, 0, 0},  // chatglm
    {Key::AddQkvBias, "add_qkv_bias", kAddQkvBias, 0, 0},  // chatglm
    {Key::MultiQueryAttention, "multi_query_attention", kMultiQueryAttention, 0, 0},  // chatglm
    {Key::PostLayerNorm, "post_layer_norm", kPostLayerNorm, 0, 0},  // chatglm
    {Key::RmsNormFlag, "rmsnorm", kRmsNormFlag, 0, 0},  // chatglm
    {Key::RopeRatio, "rope_ratio", kRopeRatio, 1e-6, 1e9},  // chatglm (GLM-4-9B-chat: 500)
    {Key::ModelDim, "model_dim", kModelDim, 1, 1 << 20},  // openelm
    {Key::NumTransformerLayers, "num_transformer_layers", kNumTransformerLayers, 1, kMaxLayers},  // openelm
    {Key::NumQueryHeads, "num_query_heads", kNumQueryHeads, 1, 1 << 16},  // openelm
    {Key::FfnMultipliers, "ffn_multipliers", kFfnMultipliers, 0.01, 1024},  // openelm
    {Key::FfnDimDivisor, "ffn_dim_divisor", kFfnDimDivisor, 1, 1 << 20},  // openelm
    {Key::MaxContextLength, "max_context_length", kMaxContextLength, 1, 1LL << 34},  // openelm
    {Key::RopeFreqConstant, "rope_freq_constant", kRopeFreqConstant, 1, 1e12},  // openelm
    {Key::ShareInputOutputLayers, "share_input_output_layers", kShareInputOutputLayers, 0, 0},  // openelm
    {Key::NormalizeQkProjections, "normalize_qk_projections", kNormalizeQkProjections, 0, 0},  // openelm
    {Key::FfnWithGlu, "ffn_with_glu", kFfnWithGlu, 0, 0},  // openelm
    // set C (issue 12)
    {Key::EmbeddingMultiplier, "embedding_multiplier", kEmbeddingMultiplier, 0, kBig},  // granite
    {Key::ResidualMultiplier, "residual_multiplier", kResidualMultiplier, 0, kBig},  // granite
    {Key::AttentionMultiplier, "attention_multiplier", kAttentionMultiplier, 0, kBig},  // granite
    {Key::LogitsScaling, "logits_scaling", kLogitsScaling, 0, kBig},  // granite
    {Key::DbrxKvNHeads, "attn_config.kv_n_heads", kDbrxKvNHeads, 1, 1 << 16},  // dbrx
    {Key::DbrxRopeTheta, "attn_config.rope_theta", kDbrxRopeTheta, 0, kBig},  // dbrx
    {Key::DbrxFfnHiddenSize, "ffn_config.ffn_hidden_size", kDbrxFfnHiddenSize, 1, 1 << 22},  // dbrx
    {Key::DbrxMoeNumExperts, "ffn_config.moe_num_experts", kDbrxMoeNumExperts, 1, 1 << 16},  // dbrx
    {Key::DbrxMoeTopK, "ffn_config.moe_top_k", kDbrxMoeTopK, 1, 1 << 16},  // dbrx
    {Key::DbrxFfnActName, "ffn_config.ffn_act_fn.name", kDbrxFfnActName, 0, 0},  // dbrx
    {Key::MambaNHeads, "mamba_n_heads", kMambaNHeads, 1, 1 << 16},  // bamba, falcon_h1
    {Key::MambaDHead, "mamba_d_head", kMambaDHead, 1, 1 << 16},  // bamba, falcon_h1 (or "auto")
    {Key::AttnLayerIndices, "attn_layer_indices", kAttnLayerIndices, 0, kMaxLayers},  // bamba
    {Key::MambaDSsm, "mamba_d_ssm", kMambaDSsm, 1, 1 << 22},  // falcon_h1
    {Key::MambaRmsNorm, "mamba_rms_norm", kMambaRmsNorm, 0, 0},  // falcon_h1
    {Key::ProjectorsBias, "projectors_bias", kProjectorsBias, 0, 0},  // falcon_h1
    // issue 13 cards
    {Key::TotalUtSteps, "total_ut_steps", kTotalUtSteps, 1, 64},  // ouro
    {Key::NumLoops, "num_loops", kNumLoops, 1, 64},  // nanbeige
    {Key::LoopShareKv, "loop_share_kv", kLoopShareKv, 0, 0},  // nanbeige
    {Key::EnableDoubleLoopSplit, "enable_double_loop_split", kEnableDoubleLoopSplit, 0, 0},  // nanbeige
    {Key::DenseIntermediateSize, "dense_intermediate_size", kDenseIntermediateSize, 1, 1 << 22},  // minimax_m3_vl
    {Key::UseSparseAttention, "sparse_attention_config.use_sparse_attention", kUseSparseAttention, 0, 0},  // minimax_m3_vl
    {Key::SparseIndexDim, "sparse_attention_config.sparse_index_dim", kSparseIndexDim, 1, 1 << 16},  // minimax_m3_vl
    {Key::SparseNumIndexHeads, "sparse_attention_config.sparse_num_index_heads", kSparseNumIndexHeads, 1, 1 << 16},  // minimax_m3_vl
    {Key::SparseTopkBlocks, "sparse_attention_config.sparse_topk_blocks", kSparseTopkBlocks, 1, 1 << 24},  // minimax_m3_vl
    {Key::SparseBlockSize, "sparse_attention_config.sparse_block_size", kSparseBlockSize, 1, 1 << 20},  // minimax_m3_vl
    {Key::SparseAttentionFreq, "sparse_attention_config.sparse_attention_freq", kSparseAttentionFreq, 0, 1},  // minimax_m3_vl
    {Key::MlaUseOutputGate, "mla_use_output_gate", kMlaUseOutputGate, 0, 0},  // kimi_k3
    {Key::UseFullRankGate, "linear_attn_config.use_full_rank_gate", kUseFullRankGate, 0, 0},  // kimi_k3
    {Key::RoutedExpertHiddenSize, "routed_expert_hidden_size", kRoutedExpertHiddenSize, 1, 1 << 20},  // kimi_k3
    {Key::LatentMoeUseNorm, "latent_moe_use_norm", kLatentMoeUseNorm, 0, 0},  // kimi_k3
    {Key::AttnResBlockSize, "attn_res_block_size", kAttnResBlockSize, 0, 4096},  // kimi_k3
    {Key::IntermediateMultipleSize, "intermediate_multiple_size", kIntermediateMultipleSize, 0.01, 1024},  // gpt_neox_japanese
    // set D (issue 12)
    {Key::ClipQkv, "clip_qkv", kClipQkv, 0, kBig, gClipQkv},  // olmo, mpt
    {Key::ExpansionRatio, "expansion_ratio", kExpansionRatio, 1, 1024},  // mpt
    {Key::SharedIntermediateSize, "shared_intermediate_size", kSharedIntermediateSize, 0, 1 << 22},  // granitemoeshared, granitemoehybrid
    {Key::PositionEmbeddingType, "position_embedding_type", kPositionEmbeddingType, 0, 0},  // granitemoehybrid
    {Key::RopeParametersType, "rope_parameters.rope_type", kRopeParametersType, 0, 0},  // ministral3
    {Key::Llama4ScalingBeta, "rope_parameters.llama_4_scaling_beta", kLlama4ScalingBeta, 0, 1e6},  // ministral3
    {Key::RopeOriginalContext, "rope_parameters.original_max_position_embeddings", kRopeOriginalContext, 1, 1LL << 34},  // ministral3
    {Key::ActivationSparsityPattern, "activation_sparsity_pattern", kActivationSparsityPattern, 0, 1},  // gemma3n_text
    {Key::AltupNumInputs, "altup_num_inputs", kAltupNumInputs, 1, 64},  // gemma3n_text
    {Key::LaurelRank, "laurel_rank", kLaurelRank, 0, 1 << 16},  // gemma3n_text
};

constexpr bool rows_in_key_order() {
  for (std::size_t i = 0; i < std::size(kKeys); ++i)
    if (kKeys[i].key != static_cast<Key>(i)) return false;
  return true;
}
static_assert(std::size(kKeys) == static_cast<std::size_t>(Key::Count), "every Key needs exactly one row");
static_assert(rows_in_key_order(), "kKeys rows must follow the Key enum's order");

}  // namespace

const KeySpec& key_spec(Key key) { return kKeys[static_cast<std::size_t>(key)]; }

std::span<const KeySpec> key_table() { return kKeys; }

}  // namespace llmg
