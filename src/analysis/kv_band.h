// KV cache per token (gallery convention, bf16, windows not applied) as a coarse band, so a reader can
// compare models at a glance. The thresholds are the reference gallery's, defined once here and listed in the
// README.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace llmg {

enum class KvBand { NoCache, VeryLow, Low, Moderate, High, VeryHigh };

struct KvBandInfo {
  KvBand band;
  std::string_view key;    // "no-cache", "very-low", ... (also the JSON value of kv_cache.band)
  std::string_view label;  // "no cache", "very low", ...
  std::int64_t max_bytes;  // upper bound (inclusive) in bytes per token; the last band has none (-1)
};

// The band table of the reference gallery, in increasing order (upper bounds inclusive):
//   no cache   0 B (every layer recurrent or reusing another layer's cache)
//   very low   ≤ 24 KiB   (hybrids keeping a few attention layers)
//   low        ≤ 72 KiB   (DeepSeek V3's MLA: 68.6 KiB)
//   moderate   ≤ 160 KiB  (Llama 3 8B: 128 KiB)
//   high       ≤ 300 KiB  (GPT-2 XL: 300 KiB)
//   very high  > 300 KiB
std::span<const KvBandInfo> kv_bands();
const KvBandInfo& kv_band(std::int64_t bytes_per_token);

}  // namespace llmg
