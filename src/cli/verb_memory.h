// `llmgallery memory`: see main.cpp for its options.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace llmg::cli {

struct MemoryOptions {
  std::string context = "";
  std::int64_t batch = 1;
  std::string kv_dtype = "bf16";
  std::string weights = "bf16";
  std::string plot;
};

struct EngineCliOptions;

// Prints the logical figure and, with --engine, the engine's allocation beside it (cli/memory_engine.h).
int run_memory(const std::vector<std::string>& models, const MemoryOptions& options,
               const EngineCliOptions& engine_options, bool json);

}  // namespace llmg::cli
