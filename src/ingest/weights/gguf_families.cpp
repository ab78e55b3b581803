#include "ingest/weights/gguf_families.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include <fmt/format.h>

namespace llmg {

using nlohmann::json;

namespace {

std::string key_of(std::string_view arch, std::string_view suffix) { return fmt::format("{}.{}", arch, suffix); }

const GgufValue* get(const GgufFile& file, std::string_view arch, std::string_view suffix) {
  return file.find(key_of(arch, suffix));
}

// num_hidden_layers as gguf_config wrote it from {arch}.block_count, when it is a usable count (else
// the family reader reports the key).
std::optional<std::int64_t> layer_count(const json& config) {
  auto it = config.find("num_hidden_layers");
  if (it == config.end() || !it->is_number_integer()) return std::nullopt;
  const auto n = it->get<std::int64_t>();
  if (n < 1 || n > 4096) return std::nullopt;
  return n;
}

// An integer scalar key, or nullopt when absent; a value of another type is bad input.
Result<std::optional<std::int64_t>> int_key(const GgufFile& file, std::string_view arch, std::string_view suffix) {
  const GgufValue* value = get(file, arch, suffix);
  if (!value) return std::optional<std::int64_t>();
  if (!value->is_integer())
    return bad_input(fmt::format("{}: key '{}': expected an integer", file.path, key_of(arch, suffix)));
  return std::optional<std::int64_t>(value->integer);
}

// The per-layer values of a key llama.cpp reads with get_key_or_arr: an array of one integer per
// block, or a scalar that holds for every block. Empty when the key is absent.
Result<std::vector<std::int64_t>> per_layer(const GgufFile& file, std::string_view arch, std::string_view suffix,
                                            std::int64_t layers) {
  const std::string key = key_of(arch, suffix);
  const GgufValue* value = file.find(key);
  std::vector<std::int64_t> out;
  if (!value) return out;
  if (value->type != GgufType::Array) {
    if (!value->is_integer()) return bad_input(fmt::format("{}: key '{}': expected an integer or a per-layer array", file.path, key));
    out.assign(static_cast<std::size_t>(layers), value->integer);
    return out;
  }
  if (value->count != static_cast<std::uint64_t>(layers) || value->numbers.size() != value->count)
    return bad_input(fmt::format("{}: key '{}': expected {} per-layer values ({}.block_count), got {}", file.path, key,
                                 layers, arch, value->count));
  for (double v : value->numbers) {
    if (!(v >= 0 && v <= 65536 && v == std::floor(v)))
      return bad_input(fmt::format("{}: key '{}': expected per-layer integers in [0, 65536], got {}", file.path, key, v));
    out.push_back(static_cast<std::int64_t>(v));
  }
  return out;
}

bool has_tensor(const GgufFile& file, std::string_view name) { return file.find_tensor(name) != nullptr; }

// ---- LFM2 / LFM2-MoE ------------------------------------------------------------------------------
// convert_hf_to_gguf.py LFM2Model / LFM2MoeModel: head_count_kv is written per layer, the KV head count
// on "full_attention" layers and 0 on the short-convolution ("conv") layers; shortconv.l_cache is
// conv_L_cache; LFM2's feed_forward_length is the width after block_auto_adjust_ff_dim (the converter
// applies the adjustment), LFM2-MoE's the dense intermediate_size; leading_dense_block_count is
// num_dense_layers. llama.cpp marks a block recurrent iff its n_head_kv is 0.
Result<bool> translate_lfm2(const GgufFile& file, std::string_view arch, json& config,
                            std::map<std::string, std::string>& sources) {
  const auto layers = layer_count(config);
  if (!layers) return true;
  auto kv = per_layer(file, arch, "attention.head_count_kv", *layers);
  if (!kv) return tl::unexpected(kv.error());
  if (!kv->empty()) {
    json types = json::array();
    for (std::int64_t heads : *kv) types.push_back(heads == 0 ? "conv" : "full_attention");
    config["layer_types"] = types;
    sources["layer_types"] = key_of(arch, "attention.head_count_kv") + " (0 = short-convolution block)";
  }
  auto l_cache = int_key(file, arch, "shortconv.l_cache");
  if (!l_cache) return tl::unexpected(l_cache.error());
  if (*l_cache) {
    config["conv_L_cache"] = **l_cache;
    sources["conv_L_cache"] = key_of(arch, "shortconv.l_cache");
  }
  config.erase("sliding_window");
  if (arch == "lfm2") {
    config["block_auto_adjust_ff_dim"] = false;
    sources["intermediate_size"] = key_of(arch, "feed_forward_length") + " (the converter writes the adjusted width)";
  } else {
    auto dense = int_key(file, arch, "leading_dense_block_count");
    if (!dense) return tl::unexpected(dense.error());
    if (*dense) {
      config["num_dense_layers"] = **dense;
      sources["num_dense_layers"] = key_of(arch, "leading_dense_block_count");
    }
  }
  return true;
}

// ---- DeepSeek 2 (DeepSeek V2 / V2-Lite / V3 / R1 GGUFs) ---------------------------------------------
// convert_hf_to_gguf.py DeepseekV2Model: rope.dimension_count = qk_rope_head_dim; since llama.cpp's MLA
// rework the GGUF stores the absorbed (MQA) form: key_length = kv_lora_rank + qk_rope_head_dim,
// value_length = kv_lora_rank, head_count_kv 1, and the per-head lengths as key_length_mla =
// qk_nope_head_dim + qk_rope_head_dim and value_length_mla = v_head_dim. Older files have no *_mla keys
// and key_length / value_length are the per-head lengths. expert_gating_func 2 (sigmoid, DeepSeek V3's
// scoring_func) reads as deepseek_v3 with the noaux_tc correction bias; 1 (softmax) or absent as V2.
Result<bool> translate_deepseek2(const GgufFile& file, std::string_view arch, json& config,
                                 std::map<std::string, std::string>& sources) {
  auto rope = int_key(file, arch, "rope.dimension_count");
  auto key_mla = int_key(file, arch, "attention.key_length_mla");
  auto value_mla = int_key(file, arch, "attention.value_length_mla");
  auto key_length = int_key(file, arch, "attention.key_length");
  auto value_length = int_key(file, arch, "attention.value_length");
  auto gating = int_key(file, arch, "expert_gating_func");
  for (const auto* r : {&rope, &key_mla, &value_mla, &key_length, &value_length, &gating})
    if (!*r) return tl::unexpected(r->error());
  if (!*rope) return bad_input(fmt::format("{}: key '{}': required for multi-head latent attention, missing", file.path,
                                           key_of(arch, "rope.dimension_count")));
  const bool mla_keys = key_mla->has_value();
  const std::optional<std::int64_t> qk = mla_keys ? *key_mla : *key_length;
  const std::optional<std::int64_t> v = value_mla->has_value() ? *value_mla : *value_length;
  const std::string qk_key = key_of(arch, mla_keys ? "attention.key_length_mla" : "attention.key_length");
  const std::string v_key = key_of(arch, value_mla->has_value() ? "attention.value_length_mla" : "attention.value_length");
  if (!qk) return bad_input(fmt::format("{}: key '{}': required for multi-head latent attention, missing", file.path, qk_key));
  if (!v) return bad_input(fmt::format("{}: key '{}': required for multi-head latent attention, missing", file.path, v_key));
  if (*qk <= **rope)
    return bad_input(fmt::format("{}: key '{}': expected more than {} ({}), got {}", file.path, qk_key, **rope,
                                 key_of(arch, "rope.dimension_count"), *qk));
  config["qk_rope_head_dim"] = **rope;
  config["qk_nope_head_dim"] = *qk - **rope;
  config["v_head_dim"] = *v;
  sources["qk_rope_head_dim"] = key_of(arch, "rope.dimension_count");
  sources["qk_nope_head_dim"] = qk_key + " − " + key_of(arch, "rope.dimension_count");
  sources["v_head_dim"] = v_key;
  // The absorbed form's key_length / head_count_kv are not per-head facts; rope.dimension_count is the
  // rope part of the latent head, not a partial rotary fraction.
  for (const char* drop : {"head_dim", "num_key_value_heads", "partial_rotary_factor", "sliding_window", "layer_types"})
    config.erase(drop);
  if (*gating && **gating == 2) {
    config["model_type"] = "deepseek_v3";
    config["architectures"] = {"DeepseekV3ForCausalLM"};
    config["topk_method"] = "noaux_tc";
    sources["topk_method"] = key_of(arch, "expert_gating_func") + " = 2 (sigmoid)";
  }
  return true;
}

// ---- Falcon -------------------------------------------------------------------------------------------
// convert_hf_to_gguf.py FalconModel writes head_count_kv (n_head_kv, or 1 for multi-query Falcon 7B) and
// feed_forward_length 4 × n_embed; the layout has no key: Falcon 40B/180B (new_decoder_architecture) have
// two norms per block (ln_attn, ln_mlp → attn_norm, attn_norm_2), Falcon 7B one; llama.cpp builds every
// Falcon block parallel (attention and MLP from the same input). Biases: the fused attn_qkv.bias tensor.
Result<bool> translate_falcon(const GgufFile& file, std::string_view arch, json& config,
                              std::map<std::string, std::string>& sources) {
  const std::int64_t heads = config.value("num_attention_heads", std::int64_t{0});
  const std::int64_t kv = config.value("num_key_value_heads", std::int64_t{1});
  const bool two_norms = has_tensor(file, "blk.0.attn_norm_2.weight");
  const std::string layout_from = "tensors blk.0.attn_norm(_2) and " + key_of(arch, "attention.head_count_kv");
  if (two_norms || (kv > 1 && kv != heads)) {
    config["new_decoder_architecture"] = true;
    config["num_ln_in_parallel_attn"] = two_norms ? 2 : 1;
    sources["num_ln_in_parallel_attn"] = layout_from;
  } else {
    config["new_decoder_architecture"] = false;
    config["multi_query"] = kv == 1;
    sources["multi_query"] = key_of(arch, "attention.head_count_kv");
  }
  config["parallel_attn"] = true;
  config["bias"] = has_tensor(file, "blk.0.attn_qkv.bias");
  sources["bias"] = "blk.0.attn_qkv.bias tensor present";
  return true;
}

// ---- StarCoder2 ------------------------------------------------------------------------------------------
// use_bias (every Linear) from the bias tensors the converter keeps.
Result<bool> translate_starcoder2(const GgufFile& file, std::string_view, json& config,
                                  std::map<std::string, std::string>& sources) {
  config["use_bias"] = has_tensor(file, "blk.0.attn_q.bias");
  sources["use_bias"] = "blk.0.attn_q.bias tensor present";
  return true;
}

// ---- Apertus ----------------------------------------------------------------------------------------------
// llama.cpp's LLM_ARCH_APERTUS always builds the xIELU MLP (its alpha_n / alpha_p / beta / eps are
// per-layer metadata arrays apertus.xielu.*); the GGUF has no hidden_act key.
Result<bool> translate_apertus(const GgufFile&, std::string_view arch, json& config,
                               std::map<std::string, std::string>& sources) {
  config["hidden_act"] = "xielu";
  sources["hidden_act"] = fmt::format("architecture \"{}\" (xIELU MLP)", arch);
  return true;
}

// ---- PhiMoE (Phi-3.5-MoE) ---------------------------------------------------------------------------------
// PhimoeConfig defaults attention_bias and lm_head_bias to false, Phi-3.5-MoE sets both: the GGUF has no key,
// the converter keeps the bias tensors (blk.N.attn_q.bias or the fused attn_qkv.bias, output.bias).
Result<bool> translate_phimoe(const GgufFile& file, std::string_view, json& config,
                              std::map<std::string, std::string>& sources) {
  config["attention_bias"] = has_tensor(file, "blk.0.attn_q.bias") || has_tensor(file, "blk.0.attn_qkv.bias");
  config["lm_head_bias"] = has_tensor(file, "output.bias");
  sources["attention_bias"] = "blk.0.attn_q.bias / attn_qkv.bias tensor present";
  sources["lm_head_bias"] = "output.bias tensor present";
  return true;
}

// ---- Mamba / Falcon Mamba ------------------------------------------------------------------------------
// convert_hf_to_gguf.py MambaModel: ssm.inner_size (d_inner), ssm.state_size, ssm.conv_kernel,
// ssm.time_step_rank, ssm.dt_b_c_rms (true for Falcon Mamba), head_count 0, feed_forward_length 0 and
// context_length 2^20 ("arbitrary", the model declares none). Biases from the conv1d / in_proj tensors.
Result<bool> translate_mamba(const GgufFile& file, std::string_view arch, json& config,
                             std::map<std::string, std::string>& sources) {
  auto inner = int_key(file, arch, "ssm.inner_size");
  auto rank = int_key(file, arch, "ssm.time_step_rank");
  if (!inner) return tl::unexpected(inner.error());
  if (!rank) return tl::unexpected(rank.error());
  if (!*inner)
    return bad_input(fmt::format("{}: key '{}': required (the mixer's inner width), missing", file.path,
                                 key_of(arch, "ssm.inner_size")));
  config["intermediate_size"] = **inner;
  sources["intermediate_size"] = key_of(arch, "ssm.inner_size");
  if (*rank) {
    config["time_step_rank"] = **rank;
    sources["time_step_rank"] = key_of(arch, "ssm.time_step_rank");
  }
  config["use_conv_bias"] = has_tensor(file, "blk.0.ssm_conv1d.bias");
  config["use_bias"] = has_tensor(file, "blk.0.ssm_in.bias");
  sources["use_conv_bias"] = "blk.0.ssm_conv1d.bias tensor present";
  sources["use_bias"] = "blk.0.ssm_in.bias tensor present";
  for (const char* drop : {"num_attention_heads", "num_key_value_heads", "layer_types", "sliding_window", "head_dim"})
    config.erase(drop);
  if (config.value("max_position_embeddings", std::int64_t{0}) == (std::int64_t{1} << 20)) {
    config.erase("max_position_embeddings");  // the converter's placeholder, not the model's limit
    sources.erase("max_position_embeddings");
  }
  if (const GgufValue* rms = get(file, arch, "ssm.dt_b_c_rms"); rms && rms->type == GgufType::Bool && rms->integer) {
    config["model_type"] = "falcon_mamba";
    config["architectures"] = {"FalconMambaForCausalLM"};
  }
  return true;
}

// ---- Jamba -------------------------------------------------------------------------------------------------
// convert_hf_to_gguf.py JambaModel: head_count_kv per layer (0 on the Mamba layers), ssm.* as Mamba's
// (inner_size = mamba_expand × hidden), expert_count / expert_used_count. Which layers are MoE has no key:
// llama.cpp finds blk.N.ffn_gate_inp (the router) per layer. The config's periods and offsets are
// recovered from both and must describe them exactly (JambaConfig's rule: i % period == offset).
Result<bool> translate_jamba(const GgufFile& file, std::string_view arch, json& config,
                             std::map<std::string, std::string>& sources) {
  const auto layers = layer_count(config);
  if (!layers) return true;
  auto kv = per_layer(file, arch, "attention.head_count_kv", *layers);
  if (!kv) return tl::unexpected(kv.error());
  std::vector<bool> attention(static_cast<std::size_t>(*layers), false), moe(attention.size(), false);
  for (std::size_t i = 0; i < attention.size() && !kv->empty(); ++i) attention[i] = (*kv)[i] != 0;
  for (std::size_t i = 0; i < moe.size(); ++i) moe[i] = has_tensor(file, fmt::format("blk.{}.ffn_gate_inp.weight", i));
  // The smallest period / offset with i % period == offset exactly on the marked layers.
  auto period_of = [&](const std::vector<bool>& marked) -> std::optional<std::pair<std::int64_t, std::int64_t>> {
    for (std::int64_t period = 1; period <= *layers; ++period)
      for (std::int64_t offset = 0; offset < period; ++offset) {
        bool same = true;
        for (std::int64_t i = 0; i < *layers && same; ++i) same = marked[i] == (i % period == offset);
        if (same) return std::pair{period, offset};
      }
    return std::nullopt;
  };
  const auto attn = period_of(attention);
  if (!attn)
    return bad_input(fmt::format("{}: key '{}': the attention layers (non-zero entries) follow no period / offset "
                                 "(Jamba: layer i attends iff i % attn_layer_period == attn_layer_offset)",
                                 file.path, key_of(arch, "attention.head_count_kv")));
  config["attn_layer_period"] = attn->first;
  config["attn_layer_offset"] = attn->second;
  sources["attn_layer_period"] = sources["attn_layer_offset"] = key_of(arch, "attention.head_count_kv") + " (0 = Mamba layer)";
  if (const auto experts = period_of(moe)) {
    config["expert_layer_period"] = experts->first;
    config["expert_layer_offset"] = experts->second;
    sources["expert_layer_period"] = sources["expert_layer_offset"] = "blk.N.ffn_gate_inp.weight tensors (MoE layers)";
  } else if (std::find(moe.begin(), moe.end(), true) == moe.end()) {
    // No router anywhere: every MLP dense (a period past the last layer never matches).
    config["expert_layer_period"] = *layers + 1;
    config["expert_layer_offset"] = *layers;
    sources["expert_layer_period"] = sources["expert_layer_offset"] = "no blk.N.ffn_gate_inp.weight tensor (no MoE layer)";
  } else {
    return bad_input(fmt::format("{}: tensors blk.N.ffn_gate_inp.weight: the MoE layers follow no period / offset",
                                 file.path));
  }
  auto inner = int_key(file, arch, "ssm.inner_size");
  auto state = int_key(file, arch, "ssm.state_size");
  auto rank = int_key(file, arch, "ssm.time_step_rank");
  for (const auto* r : {&inner, &state, &rank})
    if (!*r) return tl::unexpected(r->error());
  const std::int64_t hidden = config.value("hidden_size", std::int64_t{0});
  if (*inner) {
    if (hidden <= 0 || **inner % hidden != 0)
      return bad_input(fmt::format("{}: key '{}': expected a multiple of {}.embedding_length ({}), got {}", file.path,
                                   key_of(arch, "ssm.inner_size"), arch, hidden, **inner));
    config["mamba_expand"] = **inner / hidden;
    sources["mamba_expand"] = key_of(arch, "ssm.inner_size") + " / embedding_length";
  }
  if (*state) {
    config["mamba_d_state"] = **state;
    sources["mamba_d_state"] = key_of(arch, "ssm.state_size");
  }
  if (*rank) {
    config["mamba_dt_rank"] = **rank;
    sources["mamba_dt_rank"] = key_of(arch, "ssm.time_step_rank");
  }
  config["mamba_conv_bias"] = has_tensor(file, "blk.0.ssm_conv1d.bias");
  config["mamba_proj_bias"] = has_tensor(file, "blk.0.ssm_in.bias");
  for (const char* drop : {"layer_types", "sliding_window"}) config.erase(drop);
  return true;
}

constexpr GgufFamilyRule kRules[] = {
    {"lfm2", true, translate_lfm2},
    {"lfm2moe", true, translate_lfm2},
    {"deepseek2", false, translate_deepseek2},
    {"falcon", false, translate_falcon},
    {"starcoder2", false, translate_starcoder2},
    {"apertus", false, translate_apertus},
    {"mamba", false, translate_mamba},
    {"jamba", true, translate_jamba},
    {"phimoe", false, translate_phimoe},
};

}  // namespace

const GgufFamilyRule* find_gguf_family_rule(std::string_view gguf_name) {
  for (const GgufFamilyRule& rule : kRules)
    if (rule.gguf_name == gguf_name) return &rule;
  return nullptr;
}

}  // namespace llmg
