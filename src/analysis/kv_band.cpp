#include "analysis/kv_band.h"

namespace llmg {

namespace {
constexpr std::int64_t kKiB = 1024;
constexpr KvBandInfo kBands[] = {
    {KvBand::NoCache, "no-cache", "no cache", 0},
    {KvBand::VeryLow, "very-low", "very low", 24 * kKiB},
    {KvBand::Low, "low", "low", 72 * kKiB},
    {KvBand::Moderate, "moderate", "moderate", 160 * kKiB},
    {KvBand::High, "high", "high", 300 * kKiB},
    {KvBand::VeryHigh, "very-high", "very high", -1},
};
}  // namespace

std::span<const KvBandInfo> kv_bands() { return kBands; }

const KvBandInfo& kv_band(std::int64_t bytes_per_token) {
  for (const KvBandInfo& band : kBands)
    if (band.max_bytes < 0 || bytes_per_token <= band.max_bytes) return band;
  return kBands[std::size(kBands) - 1];
}

}  // namespace llmg
