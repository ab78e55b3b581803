// What an inference engine actually keeps for a model at a context length and batch: the KV cache
// with windows, chunks, latent caching and sharing applied, the fixed recurrent state of linear-attention
// and state-space layers, and the weights; plus FLOPs per token and which accelerators it fits on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/params.h"
#include "model/model.h"
#include "base/result.h"

namespace llmg {

// Element types for the KV cache and weights, with their storage size in bits.
struct NumberFormat {
  std::string_view name;  // "bf16", "fp16", "fp8", "int8", "int4"
  int bits;
};
// Looks a format up by name; an error names the argument and the choices.
Result<NumberFormat> number_format(std::string_view name, std::string_view argument);

// The context memory figures use when none is asked for and the config declares none (Mamba, xLSTM,
// RecurrentGemma: no position limit; facts.context_length 0): 8,192 tokens, named on every sheet
// (MemoryQuery::context_assumed, JSON `context_assumed`). Recurrent state does not grow with it.
inline constexpr std::int64_t kUndeclaredContext = 8192;

struct MemoryQuery {
  std::int64_t context = 0;  // tokens per sequence
  bool context_assumed = false;  // true: the config declares no context and none was asked for (kUndeclaredContext)
  std::int64_t batch = 1;    // sequences
  NumberFormat kv{"bf16", 16};
  NumberFormat weights{"bf16", 16};
};

// One group of identical layers (same mixer key), with what each kind keeps per sequence.
// The query's context when none is asked for: the declared context_length, else kUndeclaredContext (assumed).
inline void set_default_context(MemoryQuery& query, std::int64_t declared_context) {
  query.context = declared_context > 0 ? declared_context : kUndeclaredContext;
  query.context_assumed = declared_context <= 0;
}

struct LayerMemory {
  std::string kind;            // layer_mixer_key: "sliding_attention", "gated_deltanet", ...
  std::int64_t layers = 0;
  std::int64_t tokens_kept = 0;  // tokens of KV each layer holds at this context (0 for recurrent;
                                 // compressed attention: window tokens plus compressed entries)
  std::int64_t kv_bytes = 0;     // all layers of the group, one sequence
  std::int64_t state_bytes = 0;  // recurrent + conv state, all layers of the group, one sequence
};

struct MemoryReport {
  MemoryQuery query;
  std::vector<LayerMemory> by_kind;
  std::int64_t kv_bytes = 0;          // effective KV cache, whole batch
  std::int64_t naive_kv_bytes = 0;    // gallery convention × context × batch (windows not applied)
  std::int64_t mla_expanded_kv_bytes = 0;  // MLA: K and V per head as an engine without latent caching stores
  std::int64_t state_bytes = 0;       // recurrent state, whole batch (does not grow with context)
  std::int64_t weight_bytes = 0;      // total parameters (MTP excluded) at the weight format
  std::int64_t total_bytes = 0;       // weights + KV + state
  double decode_flops_per_token = 0;  // at the last position of a context-long sequence
  double prefill_flops = 0;           // whole context, one sequence
};

// Recurrent state per layer and sequence: the SSM / delta-rule matrix at 4 bytes (fp32, as
// vLLM and SGLang keep it for Qwen3-Next and Nemotron-H, whose configs ask for float32) and the
// short-convolution window (kernel − 1 positions of the conv channels) at 2 bytes.
std::int64_t recurrent_state_bytes(const Layer& layer);
constexpr std::int64_t kStateBytes = 4;
constexpr std::int64_t kConvStateBytes = 2;

Result<MemoryReport> memory_report(const Model& model, const MemoryQuery& query);
// The same with the model's parameter counts already at hand (ModelView::facts.params): a chart or a
// page that asks for many contexts then enumerates the tensors once, not once per point.
Result<MemoryReport> memory_report(const Model& model, const MemoryQuery& query, const ParameterCounts& counts);

// A small table of accelerators and how many of each (1, 2, 4 or 8) hold total_bytes.
struct AcceleratorFit {
  std::string name;
  std::int64_t memory_bytes = 0;
  std::optional<int> count;  // fewest of 1/2/4/8 that fit, or none
};
std::vector<AcceleratorFit> accelerator_fits(std::int64_t total_bytes);

// "128k" -> 131072, "1M" -> 1048576, "4096" -> 4096; error names the argument.
Result<std::int64_t> parse_token_count(std::string_view text, std::string_view argument);

}  // namespace llmg
