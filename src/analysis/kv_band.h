// KV cache per token (gallery convention, bf16, windows not applied) as a coarse band, so a reader can
// compare models at a glance. The thresholds are defined once here and listed in the README.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace llmg {

enum class KvBand { NoCache, VeryLow, Low, Moderate, High, VeryHigh };

struct KvBandInfo {
  KvBand band;
  std::string_view key;    // "no-cache", "very-low", ...
  std::string_view label;  // "no cache", "very low", ...
  std::int64_t below_bytes;  // upper bound (exclusive) in bytes per token; the last band has none (-1)
};

// The band table, in increasing order:
//   no cache   0 bytes (every layer recurrent or reusing another layer's cache)
//   very low   < 16 KiB   (e.g. hybrids keeping a few attention layers)
//   low        < 48 KiB
//   moderate   < 96 KiB   (MLA models, small GQA models)
//   high       < 192 KiB  (Llama 3 8B: 128 KiB)
//   very high  ≥ 192 KiB  (MHA without grouping, e.g. GPT-2 XL: 300 KiB)
std::span<const KvBandInfo> kv_bands();
const KvBandInfo& kv_band(std::int64_t bytes_per_token);

}  // namespace llmg
