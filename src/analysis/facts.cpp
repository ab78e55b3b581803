#include "analysis/facts.h"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/changes.h"

namespace llmg {

std::int64_t kv_values_per_token(const Layer& layer) {
  const AttentionSpec& a = layer.attention;
  switch (layer.mixer) {
    case MixerKind::Attention:
      if (a.kv_shared_from >= 0) return 0;
      return a.num_kv_heads * (a.head_dim + (a.keys_are_values ? 0 : a.value_head_dim));
    case MixerKind::LatentAttention:
      if (a.kv_shared_from >= 0) return 0;
      return a.kv_lora_rank + a.qk_rope_head_dim;
    case MixerKind::CompressedAttention:
      // One K=V head_dim vector per token for the sliding branch (counted in full: windows are not
      // applied), plus one head_dim compressed entry per compress_ratio tokens. The CSA indexer's
      // own compressed keys are left out, as DSA's indexer cache is (the attention cache only).
      return a.head_dim + (a.compress_ratio > 0 ? a.head_dim / a.compress_ratio : 0);
    case MixerKind::None:  // the recurrent mixers keep a state, not a per-token cache (analysis/memory.h)
    case MixerKind::GatedDeltaNet:
    case MixerKind::KimiDeltaAttention:
    case MixerKind::LightningAttention:
    case MixerKind::Mamba2:
    case MixerKind::Mamba:
    case MixerKind::MLSTM:
    case MixerKind::ShortConv:
    case MixerKind::Rwkv4:
    case MixerKind::RgLru: return 0;
  }
  return 0;
}

Facts compute_facts(const Model& model) {
  Facts facts;
  facts.params = count_parameters(model).value_or(ParameterCounts{});
  facts.layers = model.layer_count();
  facts.loop_count = std::max<std::int64_t>(model.loop_count, 1);
  facts.layers_effective = facts.layers * facts.loop_count;
  facts.hidden_size = model.hidden_size;
  facts.vocab_size = model.vocab_size;
  facts.context_length = model.context_length;
  for (const Layer& layer : model.layers) {
    if (layer.is_softmax_attention()) {
      ++facts.attention_layers;
      if (layer.is_windowed()) ++facts.sliding_layers;
      if (layer.has_kv()) {
        ++facts.kv_cache.caching_layers;
        if (layer.is_windowed()) ++facts.kv_cache.window_limited_layers;
      } else {
        ++facts.kv_cache.shared_layers;
      }
    } else if (layer.is_recurrent()) {
      ++facts.recurrent_layers;
    }
    if (layer.is_moe()) ++facts.moe_layers;
    facts.kv_cache.bytes_per_token_bf16 += kv_values_per_token(layer) * kBf16Bytes;
  }
  // Looped depth: every pass keeps its own cache (KV per pass × passes).
  facts.kv_cache.bytes_per_token_bf16 *= facts.loop_count;
  if (facts.recurrent_layers > 0)
    facts.decoder_type = facts.attention_layers > 0 ? DecoderType::Hybrid : DecoderType::Recurrent;
  else if (facts.moe_layers > 0)
    facts.decoder_type = DecoderType::SparseMoE;
  facts.layer_mix = mixer_mix(model);
  facts.ffn_mix = ffn_mix(model);
  facts.attention_summary = attention_variant(model);
  return facts;
}

Model unrolled_passes(const Model& model) {
  if (model.loop_count <= 1) return model;
  Model out = model;
  out.loop_count = 1;
  out.layers.clear();
  out.layers.reserve(model.layers.size() * static_cast<std::size_t>(model.loop_count));
  for (std::int64_t pass = 0; pass < model.loop_count; ++pass)
    out.layers.insert(out.layers.end(), model.layers.begin(), model.layers.end());
  return out;
}

}  // namespace llmg
