#include "ingest/families/mla.h"

namespace llmg {

Layer read_mla_layer(ConfigView& config, const Model& model) {
  Layer layer;
  layer.mixer = MixerKind::LatentAttention;
  AttentionSpec& a = layer.attention;
  a.num_heads = config.require_int(Key::NumHeads);
  a.num_kv_heads = a.num_heads;
  a.q_lora_rank = config.int_or(Key::QLoraRank, 0);
  a.kv_lora_rank = config.require_int(Key::KvLoraRank);
  a.qk_nope_head_dim = config.require_int(Key::QkNopeHeadDim);
  a.qk_rope_head_dim = config.require_int(Key::QkRopeHeadDim);
  a.head_dim = a.qk_nope_head_dim + a.qk_rope_head_dim;
  a.value_head_dim = config.require_int(Key::ValueHeadDim);
  const bool bias = config.bool_or(Key::AttentionBias, false);
  a.q_bias = a.k_bias = a.o_bias = bias;
  a.rope_fraction = a.head_dim > 0 ? static_cast<double>(a.qk_rope_head_dim) / a.head_dim : 0.0;
  a.rope_theta = model.rope_theta;
  return layer;
}

}  // namespace llmg
