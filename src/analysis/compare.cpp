#include "analysis/compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <fmt/format.h>

namespace llmg {

namespace {

double log10_or_zero(double value) { return value > 0 ? std::log10(value) : 0.0; }

std::map<std::string, double> mix_shares(const std::vector<KindCount>& mix, std::int64_t layers) {
  std::map<std::string, double> shares;
  if (layers <= 0) return shares;
  for (const KindCount& kc : mix) shares[kc.kind] += double(kc.count) / double(layers);
  return shares;
}

double moe_share(const Facts& f) { return f.layers > 0 ? double(f.moe_layers) / double(f.layers) : 0.0; }

}  // namespace

double architecture_distance(const Facts& a, const Facts& b) {
  auto sq = [](double x) { return x * x; };
  constexpr double kKvOffset = 1024;
  double d = 0;
  d += sq(log10_or_zero(double(a.params.total)) - log10_or_zero(double(b.params.total)));
  d += sq(log10_or_zero(double(a.params.active)) - log10_or_zero(double(b.params.active)));
  d += sq(std::log10(double(a.kv_cache.bytes_per_token_bf16) + kKvOffset) -
          std::log10(double(b.kv_cache.bytes_per_token_bf16) + kKvOffset));
  d += 0.5 * sq(log10_or_zero(double(a.context_length)) - log10_or_zero(double(b.context_length)));
  const auto sa = mix_shares(a.layer_mix, a.layers), sb = mix_shares(b.layer_mix, b.layers);
  double l1 = 0;
  for (const auto& [kind, share] : sa) l1 += std::abs(share - (sb.contains(kind) ? sb.at(kind) : 0.0));
  for (const auto& [kind, share] : sb)
    if (!sa.contains(kind)) l1 += share;
  d += 2 * sq(l1 / 2);
  d += sq(moe_share(a) - moe_share(b));
  d += a.decoder_type == b.decoder_type ? 0 : 1;
  const double depth = double(std::max<std::int64_t>({a.layers, b.layers, 1}));
  d += 0.5 * sq(double(std::abs(a.layers - b.layers)) / depth);
  return std::sqrt(d);
}

std::vector<Neighbour> closest_architectures(const Facts& target, const std::vector<const Facts*>& candidates,
                                             std::size_t self, std::size_t count) {
  std::vector<Neighbour> all;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (i != self && candidates[i]) all.push_back({i, architecture_distance(target, *candidates[i])});
  std::stable_sort(all.begin(), all.end(), [](const Neighbour& x, const Neighbour& y) { return x.distance < y.distance; });
  if (all.size() > count) all.resize(count);
  return all;
}

std::string share_phrase(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return fmt::format("{}", part);
  if (part == whole) return "all";
  for (std::int64_t denominator = 2; denominator <= 8; ++denominator)
    if ((part * denominator) % whole == 0)
      return fmt::format("{} of every {}", part * denominator / whole, denominator);
  return fmt::format("{} of {}", part, whole);
}

std::string ratio_phrase(double ratio) {
  if (ratio >= 100) return fmt::format("{:.0f}×", ratio);
  if (ratio >= 10) return fmt::format("{:.3g}×", ratio);
  std::string text = fmt::format("{:.3g}", ratio);
  return text + "×";
}

}  // namespace llmg
