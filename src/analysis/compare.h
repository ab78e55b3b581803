// Comparing two models by their facts: an architectural distance (for "closest models") and a
// one-paragraph summary of what differs (for the diff page). Both read Facts only, so every number
// they use went through the same analysis as the fact sheet.
#pragma once

#include <string>
#include <vector>

#include "analysis/facts.h"

namespace llmg {

// Distance between two architectures; 0 for identical facts, larger is further apart. A weighted
// Euclidean distance over:
//   - orders of magnitude (log10) of total params, active params, KV bytes per token (+1 KiB so
//     caches of 0 stay finite) and context length (weights 1, 1, 1, 0.5);
//   - the share of layers of each mixer kind (global / sliding / MLA / Gated DeltaNet / ...), as the
//     L1 distance between the two mixes / 2, and the share of MoE layers (weights 2 and 1);
//   - the decoder type (dense / MoE / hybrid / recurrent), 1 when it differs;
//   - depth, |La − Lb| / max(La, Lb) (weight 0.5).
// Weights are chosen so that one decade of size counts about as much as a different layer design.
double architecture_distance(const Facts& a, const Facts& b);

struct Neighbour {
  std::size_t index = 0;  // into the candidate list
  double distance = 0;
};
// The `count` candidates closest to `target` (skipping index `self`), nearest first.
std::vector<Neighbour> closest_architectures(const Facts& target, const std::vector<const Facts*>& candidates,
                                             std::size_t self, std::size_t count);

// "3 of every 4", "1 of every 2", "all", "12 of 48": a share of layers in the smallest exact terms
// (denominator up to 8), else the plain count.
std::string share_phrase(std::int64_t part, std::int64_t whole);

// "6×", "2.5×", "1.25×" — a ratio ≥ 1 with up to three significant digits.
std::string ratio_phrase(double ratio);

}  // namespace llmg
