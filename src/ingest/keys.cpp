#include "ingest/keys.h"

#include <array>

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

constexpr double kBig = 1e12;       // sizes: nothing real comes near a trillion per dimension
constexpr double kMaxLayers = 4096;

constexpr KeySpec kKeys[] = {
    {Key::ModelType, "model_type", kModelType, 0, 0},
    {Key::HiddenSize, "hidden_size", kHiddenSize, 1, 1 << 20},
    {Key::NumLayers, "num_hidden_layers", kNumLayers, 1, kMaxLayers},
    {Key::NumHeads, "num_attention_heads", kNumHeads, 1, 1 << 16},
    {Key::NumKvHeads, "num_key_value_heads", kNumKvHeads, 1, 1 << 16},
    {Key::HeadDim, "head_dim", kHeadDim, 1, 1 << 16},
    {Key::ValueHeadDim, "v_head_dim", kValueHeadDim, 1, 1 << 16},
    {Key::VocabSize, "vocab_size", kVocabSize, 1, 1 << 26},
    {Key::ContextLength, "max_position_embeddings", kContextLength, 1, 1LL << 34},
    {Key::IntermediateSize, "intermediate_size", kIntermediateSize, 1, 1 << 22},
    {Key::TieEmbeddings, "tie_word_embeddings", kTieEmbeddings, 0, 0},
    {Key::NormEps, "rms_norm_eps", kNormEps, 0, 1},
    {Key::RopeTheta, "rope_theta", kRopeTheta, 0, kBig},
    {Key::PartialRotaryFactor, "partial_rotary_factor", kPartialRotary, 0, 1},
    {Key::SlidingWindow, "sliding_window", kSlidingWindow, 1, 1LL << 34},
    {Key::AttentionChunkSize, "attention_chunk_size", kChunkSize, 1, 1LL << 34},
    {Key::AttentionBias, "attention_bias", kAttentionBias, 0, 0},
    {Key::MlpBias, "mlp_bias", kMlpBias, 0, 0},
    {Key::HiddenAct, "hidden_act", kHiddenAct, 0, 0},
    {Key::LayerTypes, "layer_types", kLayerTypes, 0, 0},
    {Key::NumExperts, "num_experts", kNumExperts, 0, 1 << 16},
    {Key::ExpertsPerToken, "num_experts_per_tok", kExpertsPerToken, 1, 1 << 16},
    {Key::MoeIntermediateSize, "moe_intermediate_size", kMoeIntermediate, 1, 1 << 22},
    {Key::NumSharedExperts, "n_shared_experts", kNumSharedExperts, 0, 1 << 10},
    {Key::SharedExpertIntermediateSize, "shared_expert_intermediate_size", kSharedIntermediate, 0, 1 << 22},
    {Key::FirstKDenseReplace, "first_k_dense_replace", kFirstKDense, 0, kMaxLayers},
    {Key::MoeLayerFreq, "moe_layer_freq", kMoeLayerFreq, 0, kMaxLayers},
    {Key::QLoraRank, "q_lora_rank", kQLoraRank, 0, 1 << 20},
    {Key::KvLoraRank, "kv_lora_rank", kKvLoraRank, 1, 1 << 20},
    {Key::QkRopeHeadDim, "qk_rope_head_dim", kQkRopeHeadDim, 0, 1 << 16},
    {Key::QkNopeHeadDim, "qk_nope_head_dim", kQkNopeHeadDim, 0, 1 << 16},
    {Key::NumMtpLayers, "num_nextn_predict_layers", kNumMtpLayers, 0, 64},
    {Key::LinearNumKeyHeads, "linear_num_key_heads", kLinearKeyHeads, 1, 1 << 16},
    {Key::LinearNumValueHeads, "linear_num_value_heads", kLinearValueHeads, 1, 1 << 16},
    {Key::LinearKeyHeadDim, "linear_key_head_dim", kLinearKeyHeadDim, 1, 1 << 16},
    {Key::LinearValueHeadDim, "linear_value_head_dim", kLinearValueHeadDim, 1, 1 << 16},
    {Key::LinearConvKernel, "linear_conv_kernel_dim", kLinearConvKernel, 1, 1 << 10},
    {Key::FullAttentionInterval, "full_attention_interval", kFullAttentionInterval, 1, kMaxLayers},
    {Key::MambaNumHeads, "mamba_num_heads", kMambaNumHeads, 1, 1 << 16},
    {Key::MambaHeadDim, "mamba_head_dim", kMambaHeadDim, 1, 1 << 16},
    {Key::SsmStateSize, "ssm_state_size", kSsmStateSize, 1, 1 << 16},
    {Key::MambaGroups, "n_groups", kMambaGroups, 1, 1 << 16},
    {Key::ConvKernel, "conv_kernel", kConvKernel, 1, 1 << 10},
};

}  // namespace

const KeySpec& key_spec(Key key) {
  for (const KeySpec& spec : kKeys)
    if (spec.key == key) return spec;
  return kKeys[0];  // unreachable: every Key has a row (checked by a test)
}

}  // namespace llmg
