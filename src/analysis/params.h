// Parameter counts from the normalized model: every tensor the reference implementation
// (Hugging Face transformers) creates, enumerated once, then summed. The same list drives the
// per-component breakdown and the cross-check against safetensors headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/model.h"
#include "base/result.h"

namespace llmg {

// All tensors of the model, main stack first, then the MTP layers (component Mtp).
// Names follow transformers' layout ("model.layers.3.self_attn.q_proj.weight"); per-expert tensors
// appear once with copies = num_experts.
std::vector<TensorSpec> model_tensors(const Model& model);
// The tensors of one block, named under `prefix` ("model.layers.3.").
std::vector<TensorSpec> layer_tensors(const Model& model, const Layer& layer, const std::string& prefix);

struct ParameterCounts {
  // Every parameter of the language model except MTP layers.
  std::int64_t total = 0;
  // Parameters one token runs through, with the input embedding treated as a lookup (left out) and
  // the LM head counted in full: the gpt-oss model card's convention (5.13B for gpt-oss-120b).
  std::int64_t active = 0;
  // `active` plus the whole input embedding table: Mixtral's "12.9B active", Qwen's "3.3B activated".
  // With tied embeddings the shared matrix is counted once, as the LM head, in both.
  std::int64_t active_with_embeddings = 0;
  // `active` without the LM head (and, as in `active`, without the input embedding): the "non-embedding
  // parameters" convention (ZAYA1's "760M active non-embedding", Sarvam 30B's "2.4B active non-embedding").
  // With tied embeddings the shared matrix is left out too.
  std::int64_t active_non_embedding = 0;
  // Input lookup tables: token embedding (also when tied), learned positions, per-layer inputs.
  std::int64_t embedding = 0;
  // Multi-token-prediction layers, not part of total or active.
  std::int64_t mtp = 0;
  // total per component (Embedding here excludes a tied matrix, which counts as LmHead).
  std::map<Component, std::int64_t> by_component;
  // Vision/audio encoders and projectors of a multimodal wrapper (Model::towers), not part of total or
  // active: 0 when the model has none, -1 when one of them cannot be counted (TowerLayout::Unknown).
  std::int64_t towers = 0;
  struct TowerCount {
    std::string name;  // Tower::name ("vision_tower")
    TowerKind kind = TowerKind::Vision;
    std::int64_t parameters = 0;  // -1: unknown
  };
  std::vector<TowerCount> towers_detail;
};

// The tensor budget: at most this many tensor specs in model_tensors (experts and shared experts are
// one spec with copies, so a real model has a few thousand; 4096 layers of every kind stay below it).
// A model over it is refused before its list is built, so work and memory stay bounded.
inline constexpr std::size_t kMaxTensorSpecs = 1 << 18;

// The number of tensor specs model_tensors would list, counting layer by layer and stopping once past
// `limit` (the cost is bounded by the limit, not by the model).
std::size_t tensor_spec_count(const Model& model, std::size_t limit = kMaxTensorSpecs);

// Fails (bad input) when the model is over the tensor budget (kMaxTensorSpecs) and when the sizes
// overflow 64-bit counting (an absurd config).
Result<ParameterCounts> count_parameters(const Model& model);

// The tensors of one tower of a multimodal wrapper (component Vision), named under `tower.name`
// ("vision_tower.vision_model.encoder.layers.3.self_attn.q_proj.weight"), as the reference class of its
// TowerLayout creates them; empty for TowerLayout::Unknown.
std::vector<TensorSpec> tower_tensors(const Tower& tower);

// Elements of one tensor spec (shape product × copies), or -1 on overflow.
std::int64_t tensor_elements(const TensorSpec& tensor);

}  // namespace llmg
