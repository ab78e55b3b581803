// The fact sheet of a model, computed from the normalized description only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/params.h"
#include "model/model.h"

namespace llmg {

// KV cache per token in the common gallery convention: every KV-caching layer counted in full
// (windows not applied), bf16 (2 bytes per value).
//  - softmax attention: 2 (K and V) × KV heads × head dim, or 1 × when K = V;
//  - MLA: the compressed latent plus the decoupled RoPE key, kv_lora_rank + qk_rope_head_dim values;
//  - a layer that reuses another layer's KV, and linear-attention / state-space layers: nothing.
std::int64_t kv_values_per_token(const Layer& layer);
constexpr std::int64_t kBf16Bytes = 2;

struct KvCacheFacts {
  std::int64_t bytes_per_token_bf16 = 0;  // all passes of a looped stack (Model::loop_count)
  std::int64_t caching_layers = 0;         // layers that keep their own KV cache
  std::int64_t window_limited_layers = 0;  // of those, limited by a sliding window or chunk
  std::int64_t shared_layers = 0;          // layers that reuse another layer's cache
};

// Decoder type as the gallery groups models: DecoderType, decoder_type_key/label in model/vocab.h.

struct Facts {
  ParameterCounts params;
  KvCacheFacts kv_cache;
  DecoderType decoder_type = DecoderType::Dense;
  std::int64_t layers = 0;            // layers of the stack, each stored once
  std::int64_t loop_count = 1;        // passes of the stack per token (looped depth); 1 otherwise
  std::int64_t layers_effective = 0;  // layers × loop_count: the layer passes one token runs through
  std::int64_t attention_layers = 0;  // softmax (incl. latent) attention layers
  std::int64_t sliding_layers = 0;    // attention layers limited by a window or chunk
  std::int64_t recurrent_layers = 0;  // linear-attention and state-space layers
  std::int64_t moe_layers = 0;
  std::int64_t hidden_size = 0;
  std::int64_t vocab_size = 0;
  std::int64_t context_length = 0;
  std::vector<KindCount> layer_mix;  // per mixer kind
  std::vector<KindCount> ffn_mix;    // dense / moe / none
  std::string attention_summary;     // "GQA, 52 sliding-window + 10 global"
};

// The model must have passed ingestion (its sizes are validated, so counting cannot fail).
Facts compute_facts(const Model& model);

// The stack as an engine runs and caches it: a looped model's layers repeated loop_count times (one KV
// cache per pass, as Ouro's UniversalTransformerCache and Nanbeige's loop cache index them: pass × layers
// + layer), loop_count 1. Any other model is returned unchanged. Used for memory and FLOPs, never for
// parameters (the weights are stored once).
Model unrolled_passes(const Model& model);

}  // namespace llmg
