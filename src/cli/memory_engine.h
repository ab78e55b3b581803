// `memory --engine llama.cpp|vllm`: the options, and the engine figure beside the logical one in text
// and JSON. Kept apart from main.cpp so the memory verb only calls these helpers.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "analysis/engine_memory.h"
#include "analysis/memory.h"
#include "base/result.h"

namespace llmg::cli {

struct EngineCliOptions {
  std::string engine;  // empty: logical figure only
  std::optional<std::int64_t> ubatch;
  std::optional<std::int64_t> parallel;
  bool swa_full = false;
  bool kv_unified = false;
  bool kv_explicit = false;  // --kv-dtype was given (else the engine's default cache type)
};

// Registers --engine, --ubatch, --parallel, --swa-full, --kv-unified on the memory verb.
void add_engine_options(CLI::App& memory, EngineCliOptions& options);
// After parsing: records whether --kv-dtype was given.
void finish_engine_options(const CLI::App& memory, EngineCliOptions& options);

// The engine settings for these options (nullopt without --engine); errors name the argument.
Result<std::optional<EngineSettings>> engine_settings(const EngineCliOptions& options,
                                                      const NumberFormat& kv);

// memory_text with the engine columns, the engine totals, its settings and a fits table on the
// engine figure.
std::string engine_memory_text(const std::string& logical_text, const MemoryReport& logical,
                               const EngineMemory& engine);
// memory_json plus engine, engine_kv_bytes, engine_state_bytes, engine_total_bytes, engine_kv_type,
// engine_settings, engine_notes, per kind engine_rule / engine_tokens_kept / engine_kv_bytes /
// engine_state_bytes, and fits on the engine figure (fits_basis).
void add_engine_json(nlohmann::json& document, const EngineMemory& engine);

}  // namespace llmg::cli
