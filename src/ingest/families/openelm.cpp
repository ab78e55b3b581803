// OpenELM (model_type openelm, remote code modeling_openelm.py OpenELMForCausalLM).
#include <cmath>

#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/remote_code.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// OpenELM's make_divisible(v, divisor, min_value=divisor): round v to the nearest multiple of divisor
// (int(v + divisor / 2) // divisor × divisor), at least divisor, and one divisor more when rounding went down
// by more than 10 %.
std::int64_t make_divisible(double v, std::int64_t divisor) {
  std::int64_t rounded = static_cast<std::int64_t>(v + static_cast<double>(divisor) / 2.0) / divisor * divisor;
  if (rounded < divisor) rounded = divisor;
  if (static_cast<double>(rounded) < 0.9 * v) rounded += divisor;
  return rounded;
}

}  // namespace

// OpenELMDecoderLayer i (layer-wise scaling): attn_norm and ffn_norm RMSNorm (eps 1e-6, fixed by the class);
// OpenELMMultiHeadCausalAttention qkv_proj = Linear(model_dim, (q_i + 2 × k_i) × head_dim, bias=False) with
// q_i = num_query_heads[i], k_i = num_kv_heads[i], q_norm / k_norm (head_dim) when normalize_qk_projections,
// out_proj = Linear(q_i × head_dim, model_dim, bias=False); OpenELMFeedForwardNetwork of width
// make_divisible(ffn_multipliers[i] × model_dim, ffn_dim_divisor), proj_1 = 2 × width when ffn_with_glu,
// proj_2 back; token_embeddings, a final norm, lm_head unless share_input_output_layers. RoPE base
// rope_freq_constant over the whole head. The three per-layer lists are the config's (OpenELMConfig's
// __post_init__ writes them from qkv_multipliers and num_gqa_groups; config.json files carry the lists).
void read_openelm(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_openelm.py (OpenELMForCausalLM)");
  model.hidden_size = config.require_int(Key::ModelDim);
  model.vocab_size = config.int_or(Key::VocabSize, 32000);  // OpenELMConfig default
  model.context_length = config.int_or(Key::MaxContextLength, 2048);
  model.tied_embeddings = config.bool_or(Key::ShareInputOutputLayers, false);
  model.norm_eps = 1e-6;
  config.note_source("norm_eps", "1e-6 (OpenELM's RMSNorm default; no config key)");
  model.rope_theta = config.number_or(Key::RopeFreqConstant, 10000.0);
  const std::int64_t layers = config.require_int(Key::NumTransformerLayers);
  const std::int64_t head_dim = config.int_or(Key::HeadDim, 128);
  const std::int64_t divisor = config.int_or(Key::FfnDimDivisor, 256);
  const bool glu = config.bool_or(Key::FfnWithGlu, true);
  const bool qk_norm = config.bool_or(Key::NormalizeQkProjections, false);
  if (!config.ok() || layers <= 0) return;
  const auto n = static_cast<std::size_t>(layers);
  const auto q_heads = config.per_layer_list<std::int64_t>(Key::NumQueryHeads, n);
  const auto kv_heads = config.per_layer_list<std::int64_t>(Key::NumKvHeads, n);
  const auto multipliers = config.number_list_named(Key::FfnMultipliers);
  if (!config.ok()) return;
  if (q_heads.empty()) return config.fail("num_query_heads", "required key is missing (one entry per layer)");
  if (kv_heads.empty()) return config.fail("num_kv_heads", "required key is missing (one entry per layer)");
  if (multipliers.size() != n)
    return config.fail("ffn_multipliers", fmt::format("expected {} entries (num_transformer_layers), got {}", n,
                                                       multipliers.size()));
  const std::string activation = config.string_or(Key::HiddenAct, "swish");
  for (std::size_t i = 0; i < n; ++i) {
    if (kv_heads[i] <= 0 || q_heads[i] % kv_heads[i] != 0)
      return config.fail(fmt::format("num_kv_heads[{}]", i),
                         fmt::format("expected a divisor of num_query_heads[{}] ({}), got {}", i, q_heads[i], kv_heads[i]));
    Layer layer;
    AttentionSpec& a = layer.attention;
    a.num_heads = q_heads[i];
    a.num_kv_heads = kv_heads[i];
    a.head_dim = a.value_head_dim = head_dim;
    a.qk_norm = qk_norm ? QkNorm::PerHead : QkNorm::None;
    a.rope_theta = model.rope_theta;
    FeedForwardSpec& ffn = layer.ffn;
    ffn.kind = FfnKind::Dense;
    ffn.gated = glu;
    ffn.activation = activation;
    ffn.intermediate_size = make_divisible(multipliers[i] * static_cast<double>(model.hidden_size), divisor);
    model.layers.push_back(layer);
  }
  config.note_source("layers", "num_transformer_layers");
}

}  // namespace llmg
