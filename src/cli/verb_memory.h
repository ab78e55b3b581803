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

int run_memory(const std::vector<std::string>& models, const MemoryOptions& options, bool json);

}  // namespace llmg::cli
