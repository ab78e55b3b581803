// The vendor's published figures beside ours: each published total/active count against our derived
// count in the same convention, the difference, the tolerance that explains it (name rounding, towers in
// the published total, MTP layers, which active convention) and that explanation in words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/params.h"
#include "catalog/published.h"

namespace llmg {

struct PublishedComparison {
  std::string figure;      // "total" or "active"
  std::string convention;  // ours that was compared: total, total+mtp, active, active_with_embeddings, …
  std::int64_t published = 0;
  std::int64_t derived = 0;      // our count in that convention
  std::int64_t difference = 0;   // derived - published
  std::int64_t tolerance = 0;    // what the explanation allows (0 for an exact count)
  bool within = false;           // |difference| ≤ tolerance (towers: derived ≤ published + tolerance)
  std::string text;              // "published 48B · derived 49.12B (exact, sum of tensor shapes)"
  std::string explanation;       // why they differ, in words
};

// One comparison per published figure (total first, then active).
std::vector<PublishedComparison> compare_published(const PublishedFigures& published, const ParameterCounts& params);

}  // namespace llmg
