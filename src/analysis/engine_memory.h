// Memory as an inference engine allocates it, beside the logical figure of analysis/memory.h (the
// minimum any engine must keep). Each engine preset is a small table of named rules, one per layer
// class (full attention, sliding window, chunk, MLA latent, Mamba-2 / Gated DeltaNet state), each
// with the engine source file it follows:
//   llama.cpp  context padded to 256 cells, SWA caches of PAD(window × streams + n_ubatch, 256) cells,
//              swa_full, -np / unified KV, f16 K/V by default (q8_0 / q4_0 blocks), recurrent state f32
//   vllm       paged blocks of 16 tokens, SlidingWindowSpec / ChunkedLocalAttentionSpec / MLAAttentionSpec
//              / MambaSpec sizes, the hybrid allocator's groups and page-size unification, kv_cache_dtype,
//              max_num_seqs sequences at the full context
// The rules, their arithmetic and their sources are listed in README.md ("Engine presets").
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/memory.h"
#include "model/model.h"
#include "base/result.h"

namespace llmg {

enum class Engine : std::uint8_t { LlamaCpp, Vllm };

// Settings of an engine run; unset values take the engine's default.
struct EngineSettings {
  Engine engine = Engine::LlamaCpp;
  // llama.cpp: n_ubatch (default 512; -ub); vLLM: max_num_batched_tokens (default 2048).
  std::optional<std::int64_t> ubatch;
  // llama.cpp: n_seq_max (-np / --parallel; default: the query's batch). vLLM: max_num_seqs is the batch.
  std::optional<std::int64_t> parallel;
  bool swa_full = false;    // llama.cpp --swa-full (llama_context_default_params() also sets it)
  bool kv_unified = false;  // llama.cpp --kv-unified (llama-server's default when -np is not given)
  // The cache element type; empty: llama.cpp f16, vLLM the query's --kv-dtype ("auto" = model dtype).
  std::optional<NumberFormat> kv;
};

// Parses "llama.cpp" / "vllm"; an error names the argument and the choices.
Result<Engine> engine_by_name(std::string_view name, std::string_view argument);
std::string_view engine_name(Engine engine);

// Layer classes the rule tables are keyed by.
enum class EngineLayerClass : std::uint8_t {
  NoCache,         // no KV and no state (MLP-only blocks, layers reusing another layer's cache)
  Full,            // softmax attention over the whole context
  Sliding,         // sliding window
  Chunked,         // chunked local attention (Llama 4)
  Latent,          // MLA: the compressed latent + decoupled RoPE key
  LatentSliding,   // MLA over a window
  Mamba2,          // conv window + SSM state
  GatedDeltaNet,   // conv window + delta-rule matrix
  OtherRecurrent,  // KDA, lightning, mLSTM: no engine rule, logical state kept
  Compressed,      // DeepSeek V4 compressed attention: no engine rule, logical KV kept
};
EngineLayerClass engine_layer_class(const Layer& layer);

// One rule of an engine's table.
struct EngineRule {
  EngineLayerClass layer_class;
  std::string_view name;     // stable key: "llama.cpp.swa", "vllm.sliding_window", ...
  std::string_view formula;  // in words, for the CLI and README
  std::string_view source;   // engine file it follows
};
std::span<const EngineRule> engine_rules(Engine engine);

// One group of identical layers (same mixer key as MemoryReport::by_kind), as the engine allocates it.
struct EngineKindMemory {
  std::string kind;
  std::int64_t layers = 0;
  std::int64_t cells = 0;        // KV slots per layer and stream/sequence (0 for recurrent)
  std::int64_t kv_bytes = 0;     // whole batch
  std::int64_t state_bytes = 0;  // whole batch
  std::string rule;              // EngineRule::name applied
};

struct EngineMemory {
  Engine engine = Engine::LlamaCpp;
  std::string kv_type;  // engine spelling: "f16", "bf16", "q8_0", "q4_0", "fp8"
  std::vector<EngineKindMemory> by_kind;
  std::int64_t kv_bytes = 0;
  std::int64_t state_bytes = 0;
  std::int64_t total_bytes = 0;  // weights (as the logical report) + kv + state
  // The engine parameters the figure used, as name/value pairs in the engine's spelling
  // (n_ctx, n_ctx_seq, n_seq_max, n_stream, n_ubatch, swa_full, kv_unified; block_size,
  // max_num_batched_tokens, max_num_seqs, group_size, ...).
  std::vector<std::pair<std::string, std::int64_t>> settings;
  std::vector<std::string> notes;
};

// The engine figure for a model at the query's context (tokens per sequence) and batch (sequences).
Result<EngineMemory> engine_memory(const Model& model, const MemoryReport& logical,
                                   const EngineSettings& settings);

}  // namespace llmg
