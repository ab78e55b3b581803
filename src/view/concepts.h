// The mechanisms the engine models, in one table: each concept's stable name (its URL segment), title,
// a short explanation, its KV and parameter formulas, and a detector -- a predicate over the normalized
// Model built from the same layer predicates the facts use (Layer::is_softmax_attention, is_windowed,
// attention_flavour, ...). Which catalog models use a concept is always computed with the detector,
// never listed by hand. The concept pages (/concepts/NAME), the catalog statistics and the "related
// concepts" chips on cards, model pages and diffs read this table.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "view/model_view.h"

namespace llmg {

// Which tensors a concept's worked example sums: the example layer's token mixer, its feed-forward
// (dense MLP, shared and routed experts, router), the model's MTP layers, or model-level extra tensors.
enum class ConceptFocus : std::uint8_t { Mixer, FeedForward, Mtp, ModelExtra, Norm };

struct Concept {
  std::string_view name;   // URL segment and stable key: "gqa", "sliding-window", "gated-deltanet"
  std::string_view title;  // "Grouped-query attention (GQA)"
  std::string_view group;  // "Attention", "Linear attention and state-space", "Feed-forward", ...
  std::string_view what;   // what it is, in our own words (plain text)
  std::string_view kv_formula;     // the KV cache per token it implies (plain text)
  std::string_view param_formula;  // the parameters it adds or changes (plain text)
  // Whether a layer shows the mechanism (null for model-level concepts: norms, positions, MTP, ...).
  bool (*layer_uses)(const Model& model, const Layer& layer) = nullptr;
  // Whether the model uses it; for layer concepts, any layer satisfying layer_uses.
  bool (*model_uses)(const Model& model) = nullptr;
  ConceptFocus focus = ConceptFocus::Mixer;
  std::string_view preferred_example;  // slug of the catalog model the page prefers as its worked example
  // Non-empty when the normalized Model has no field for the mechanism yet: the detector is then false
  // for every model, and the page says why.
  std::string_view not_modelled;
};

// Every concept, in page order (grouped).
std::span<const Concept> concepts();
// The concept called `name`, or nullptr.
const Concept* find_concept(std::string_view name);
// Whether `model` uses `concept` (the detector).
bool uses_concept(const Model& model, const Concept& c);
// The concepts a model uses, in table order; empty for a view without a model (unknown architecture).
std::vector<const Concept*> related_concepts(const ModelView& view);
std::vector<const Concept*> related_concepts(const Model& model);

// A worked example of a concept on one model, every number computed by the engine.
struct WorkedTensor {
  std::string name;                 // "self_attn.k_proj.weight"
  std::vector<std::int64_t> shape;  // [1024, 4096]
  std::int64_t copies = 1;          // routed experts: one per expert
  std::int64_t elements = 0;        // shape product × copies
  std::int64_t active_elements = 0;  // shape product × active_copies: what one token runs through
};
struct WorkedExample {
  const ModelView* view = nullptr;  // the example model (a catalog model that uses the concept)
  std::int64_t layer_index = -1;    // the example layer, -1 for model-level concepts
  std::int64_t layers_using = 0;    // layers of the main stack that show the mechanism (layer concepts)
  std::vector<WorkedTensor> tensors;  // the focus tensors of the example layer (or of the model)
  std::int64_t params = 0;            // their sum (parameters)
  std::int64_t active_params = 0;     // their sum over the copies one token runs through (routed experts: top-k)
  std::int64_t window = 0;            // the example layer's window or chunk (tokens), 0 when it sees the full context
  std::int64_t kv_values_per_layer = 0;  // values cached per token by the example layer (kv_values_per_token)
  std::string kv_arithmetic;             // "2 × 8 KV heads × 128 = 2,048 values"; empty when nothing is cached
  std::int64_t model_kv_bytes = 0;       // the model's KV per token (bf16, Facts::kv_cache)
  std::int64_t model_total = 0, model_active = 0;  // Facts::params
};
// The worked example of `concept` on the first model of `users` that is its preferred example, else the
// first user; nullopt when no model uses it. `users` are views of catalog models with a model.
std::optional<WorkedExample> worked_example(const Concept& c, const std::vector<const ModelView*>& users);

}  // namespace llmg
