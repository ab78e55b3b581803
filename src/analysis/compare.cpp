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

bool is_recurrent_kind(const std::string& kind) { return kind.find("attention") == std::string::npos && kind != "none"; }

std::int64_t count_of(const std::vector<KindCount>& mix, const std::string& kind) {
  for (const KindCount& kc : mix)
    if (kc.kind == kind) return kc.count;
  return 0;
}

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

std::string difference_summary(const std::string& name_a, const Facts& a, const std::string& name_b,
                               const Facts& b) {
  if (a.layers == 0 || b.layers == 0)
    return fmt::format("{}'s architecture is unknown to the gallery, so only catalog facts compare.",
                       a.layers == 0 ? name_a : name_b);
  std::vector<std::string> parts;
  if (a.decoder_type != b.decoder_type)
    parts.push_back(fmt::format("{} is a {} decoder where {} is {}", name_b, decoder_type_label(b.decoder_type),
                                name_a, decoder_type_label(a.decoder_type)));
  // Recurrent (linear-attention / state-space) layers one side has and the other lacks.
  auto recurrent_change = [&](const std::string& from_name, const Facts& from, const std::string& to_name,
                              const Facts& to, const char* verb) {
    for (const KindCount& kc : to.layer_mix) {
      if (!is_recurrent_kind(kc.kind) || count_of(from.layer_mix, kc.kind) > 0) continue;
      if (from.recurrent_layers == 0 && to.attention_layers > 0)
        parts.push_back(fmt::format("{} {} {} attention layers with {}", to_name, verb,
                                    share_phrase(kc.count, to.layers), short_mixer_label(kc.kind)));
      else
        parts.push_back(fmt::format("{} uses {} in {} layers ({} none)", to_name, short_mixer_label(kc.kind),
                                    share_phrase(kc.count, to.layers), from_name));
    }
  };
  recurrent_change(name_a, a, name_b, b, "replaces");
  recurrent_change(name_b, b, name_a, a, "replaces");
  if (a.sliding_layers != b.sliding_layers && (a.sliding_layers > 0 || b.sliding_layers > 0)) {
    auto sliding = [](const Facts& f) {
      return f.sliding_layers == 0 ? std::string("none") : share_phrase(f.sliding_layers, f.layers) + " layers";
    };
    parts.push_back(fmt::format("window-limited attention in {} for {} vs {} for {}", sliding(b), name_b,
                                sliding(a), name_a));
  }
  const bool latent_a = count_of(a.layer_mix, "latent_attention") > 0, latent_b = count_of(b.layer_mix, "latent_attention") > 0;
  if (latent_a != latent_b)
    parts.push_back(fmt::format("{} caches a compressed latent (MLA) where {} caches per-head K and V",
                                latent_b ? name_b : name_a, latent_b ? name_a : name_b));
  if (a.layers != b.layers) parts.push_back(fmt::format("{} vs {} layers", b.layers, a.layers));
  auto scale = [&](const char* what, double va, double vb, const char* larger, const char* smaller) {
    if (va <= 0 || vb <= 0 || va == vb) return;
    const double r = vb / va;
    if (std::abs(r - 1) < 0.005) return;
    parts.push_back(fmt::format("{} {} {}", what, ratio_phrase(r >= 1 ? r : 1 / r), r >= 1 ? larger : smaller));
  };
  scale("total parameters", double(a.params.total), double(b.params.total), "larger", "smaller");
  if (a.params.active != a.params.total || b.params.active != b.params.total)
    scale("active parameters", double(a.params.active), double(b.params.active), "larger", "smaller");
  const auto kv_a = a.kv_cache.bytes_per_token_bf16, kv_b = b.kv_cache.bytes_per_token_bf16;
  if (kv_a == 0 && kv_b > 0)
    parts.push_back(fmt::format("{} keeps a KV cache where {} keeps none", name_b, name_a));
  else if (kv_b == 0 && kv_a > 0)
    parts.push_back(fmt::format("{} keeps no KV cache", name_b));
  else
    scale("KV per token", double(kv_a), double(kv_b), "larger", "smaller");
  scale("context", double(a.context_length), double(b.context_length), "longer", "shorter");
  if (parts.empty()) return fmt::format("{} and {} share the same architecture facts.", name_a, name_b);
  std::string out = fmt::format("Compared with {}: ", name_a);
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out + ".";
}

}  // namespace llmg
