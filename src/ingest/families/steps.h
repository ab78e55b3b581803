// Reading steps shared by the family readers: the keys nearly every decoder config has, attention,
// MoE, multi-head latent attention, MTP, and the per-layer schedules several families use ("every
// n-th layer is global", layer_types, per-layer lists). A family reader is these steps plus its own
// specifics; a reader that writes one of these by hand loses the checks kept here.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "ingest/config/config_view.h"
#include "model/model.h"

namespace llmg {

// hidden_size, vocab_size, max_position_embeddings, tie_word_embeddings, norm eps, rope theta.
void read_basics(ConfigView& config, Model& model, bool tied_default = false);

// Softmax attention from num_attention_heads / num_key_value_heads / head_dim (head_dim defaults to
// hidden_size / heads, as transformers does), attention_bias on q/k/v/o, partial_rotary_factor.
AttentionSpec read_attention(ConfigView& config, const Model& model);

// Dense MLP of width intermediate_size; gated unless said otherwise; mlp_bias.
FeedForwardSpec read_dense_ffn(ConfigView& config, bool gated = true);

// MoE block from num_experts / num_experts_per_tok / moe_intermediate_size / shared experts.
// experts_per_token above num_experts fails naming num_experts_per_tok (and hf_config's final
// validation checks every MoE layer of every family again).
FeedForwardSpec read_moe_ffn(ConfigView& config);

// How a family declares its shared experts.
enum class SharedExperts {
  Declared,  // DeepSeek: n_shared_experts experts of shared_expert_intermediate_size (expert width if absent)
  FusedOne,  // one MLP of width × n_shared_experts (Sarvam, AFMoE, Cohere2 MoE)
  None,      // no shared-expert keys are read; the reader adds its own (Grok's residual MLP, Llama 4, Gemma 4)
};
struct MoeOptions {
  Key width = Key::MoeIntermediateSize;  // the routed expert's MLP width
  SharedExperts shared = SharedExperts::Declared;
  std::int64_t shared_default = 0;  // n_shared_experts when the file omits it (SarvamMoeConfig: 1)
  bool router_bias = false;         // the router's correction bias (e_score_correction_bias, expert_bias)
  // The experts' activation when the family fixes it (Grok "gelu", gpt-oss "swiglu (clamped)");
  // empty: hidden_act (default "silu").
  std::string activation = {};
};
FeedForwardSpec read_moe_ffn(ConfigView& config, const MoeOptions& options);

// The Llama layout many dense families start from (families/llama.cpp and its kin): attention from
// read_attention, a gated MLP from read_dense_ffn.
Layer llama_layer(ConfigView& config, Model& model);
// num_hidden_layers copies of `layer`, then layer_types (with sliding_window) when the config has them.
void read_llama_like(ConfigView& config, Model& model, const Layer& layer);

// A list of 0-based layer indices (mlp_only_layers): each entry must be in [0, layers); an entry
// outside records "<key>[i]: expected a layer index below num_hidden_layers (N), got X" and gives {}.
std::vector<std::int64_t> read_layer_indices(ConfigView& config, Key key, std::size_t layers);

// num_hidden_layers copies of `prototype`.
void fill_layers(ConfigView& config, Model& model, const Layer& prototype);

// The rope theta the config declares: rope_theta, rope_parameters.rope_theta, or (per layer type)
// rope_parameters.<type>.rope_theta; fallback when absent.
double read_rope_theta(ConfigView& config, const std::string& layer_type, double fallback);

// Apply `layer_types` ("full_attention", "sliding_attention", "chunked_attention",
// "linear_attention", ...) to the stack. `linear` configures a layer for a linear_attention entry.
// Returns false (and records an error) on an unknown entry or a length mismatch.
bool apply_layer_types(ConfigView& config, Model& model, std::int64_t window,
                       const std::function<void(Layer&)>& linear = {});

// Turn layer i into sliding-window attention of `window` tokens.
void make_sliding(Layer& layer, std::int64_t window);

// Interleaved sliding-window attention in groups of `n` layers with one global (full-attention) layer
// per group, as llama.cpp's set_swa_pattern(n_pattern, dense_first) writes it. The global layer is
// the last of each group (layer i global when (i + 1) % n == 0), or the first with dense_first
// (i % n == 0). Every other layer becomes sliding with `window` tokens.
// Worked example, n = 4 over 8 layers:           0 1 2 3 4 5 6 7
//   dense_first = false (Gemma 3, Cohere2, AFMoE): S S S G S S S G
//   dense_first = true:                            G S S S G S S S
// n = 1 leaves every layer global; n <= 0 is a caller error (readers bound n to [1, 4096]).
void set_global_every(Model& model, std::int64_t n, std::int64_t window, bool dense_first = false);

// The windowed layers of a family whose config class defaults to a fixed period: `layer_types` when the
// file has them (apply_layer_types), else, when sliding_window (tokens) is set, set_global_every(n,
// dense_first) with `default_note` as the layer mix's source; no window, no sliding layer.
void layer_types_or_global_every(ConfigView& config, Model& model, std::int64_t n, bool dense_first,
                                 std::string_view default_note);

// MoE placement for DeepSeek-style configs: the first `first_k_dense_replace` layers dense,
// then MoE on every `moe_layer_freq`-th layer; a list-valued moe_layer_freq gives 0/1 per layer.
void apply_moe_schedule(ConfigView& config, Model& model, const FeedForwardSpec& dense,
                        const FeedForwardSpec& moe);

// Multi-head latent attention from the DeepSeek V2/V3 keys (q_lora_rank, kv_lora_rank,
// qk_nope_head_dim, qk_rope_head_dim, v_head_dim): the DeepSeek V3 layout and the families that reuse
// DeepSeek's MLA inside their own layouts (Kimi Linear, LongCat-Flash).
// Heads from num_attention_heads (every head has its own K and V after the up-projection), head_dim =
// qk_nope + qk_rope, RoPE over the qk_rope part at the model's theta, attention_bias on q_a/kv_a/o.
Layer read_mla_layer(ConfigView& config, const Model& model);

// A DeepSeek-V3-style multi-token-prediction module: one decoder block like `block`, plus
// enorm, hnorm, eh_proj (2H -> H) and the shared-head norm. `stores_embeddings` adds the copies
// of the token embedding and LM head that DeepSeek's checkpoints keep inside the MTP layer.
Layer make_mtp_layer(const Model& model, const Layer& block, bool stores_embeddings);

// A plain (ungated) MLP, up -> activation -> down (GPT-2, GPT-J, GPT-NeoX, BLOOM, Falcon, Phi, OPT):
// width `width_key` (intermediate_size and its aliases by default), 4 × hidden_size when the file omits
// it or gives null (the GPT-2-era convention), noted as such; activation from hidden_act and its
// aliases, else `default_activation`.
FeedForwardSpec read_plain_ffn(ConfigView& config, const Model& model, const std::string& default_activation,
                               bool bias, Key width_key = Key::IntermediateSize);

// A Mamba-1 mixer layer (MixerKind::Mamba, no FFN) from the keys a family spells its own way: Mamba and
// Falcon Mamba (state_size, conv_kernel, time_step_rank, use_conv_bias, use_bias) or Jamba (mamba_d_state,
// mamba_d_conv, mamba_dt_rank, mamba_conv_bias, mamba_proj_bias). `inner` is the mixer's inner width.
// A dt rank of "auto" (or absent) is ceil(hidden_size / 16), as MambaConfig / JambaConfig compute it.
struct MambaKeys {
  Key state = Key::SsmStateSize;
  Key conv_kernel = Key::ConvKernel;
  Key dt_rank = Key::TimeStepRank;
  Key conv_bias = Key::UseConvBias;
  Key proj_bias = Key::UseBias;
};
Layer read_mamba1_layer(ConfigView& config, const Model& model, std::int64_t inner, const MambaKeys& keys);

// ---- set B (issue 12) ------------------------------------------------------------------------------

// Windowed layers of the Qwen2 families (Qwen2Config / Qwen2MoeConfig __post_init__ in transformers
// @008e5743): `use_sliding_window` false (the default) sets sliding_window to None, so no layer is windowed
// whatever layer_types says; else layer_types when given; else Qwen2: layer i sliding when
// i >= max_window_layers (default 28); Qwen2-MoE (`moe_rule`): layer i sliding when i is even and
// i < max_window_layers. Window: sliding_window (tokens).
void qwen2_window_layers(ConfigView& config, Model& model, bool moe_rule);

// Mistral-v0.1-style configs without layer_types (MinistralConfig): every layer is sliding_attention over
// sliding_window when that key is set (non-null), none otherwise.
void sliding_when_window_set(ConfigView& config, Model& model);

}  // namespace llmg
