// The vendor's own parameter figures (catalog/published.tsv): the total and active counts a model card,
// tech report or blog states, with the convention it counts in, what it includes that our total leaves out,
// the link and the exact phrase. Plain data; the comparison with our derived counts is in
// render/published.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace llmg {

// One published figure as written: "48B", "1.5B", "350M", "1T", or an exact count "6,865,424,896".
struct PublishedFigure {
  std::string text;                // as written in the TSV
  std::int64_t value = 0;          // 48B -> 48,000,000,000
  bool exact = false;              // a full count (no K/M/B/T suffix): tolerance 0
  int significant_digits = 0;      // leading zeros, and trailing zeros of a whole number, left out ("1.5B": 2,
                                   // "4.0B": 2, "400B": 1, "270M": 2)
  std::int64_t tolerance = 0;      // half a unit of the last significant digit (48B: 0.5B; 1.5B: 0.05B; 400B: 50B);
                                   // 0 when exact
};

// "48B" -> {48e9, 2 digits, ±0.5e9}; "6,865,424,896" -> exact. Bad text is bad input naming the problem.
Result<PublishedFigure> parse_published_figure(std::string_view text);

// The conventions a published figure is counted in (column `convention`).
//   active                  input embedding as a lookup (left out), LM head counted (gpt-oss card)
//   active_with_embeddings  active + the input embedding table (Mixtral, Qwen)
//   active_non_embedding    neither the input embedding nor the LM head (ZAYA1, Sarvam)
//   name                    a rounded figure from the model's name only (convention not stated)
//   unknown                 no published figure found
bool is_published_convention(std::string_view convention);

struct PublishedFigures {
  std::optional<PublishedFigure> total, active;
  std::string convention;  // one of the keys above
  // What the published total counts differently from ours, comma-separated: "towers" (vision/audio towers
  // included), "mtp" (MTP layers included), "non_embedding" (input embedding and LM head left out, as
  // Sarvam's and Zyphra's totals do).
  std::string includes;
  std::string source_url;  // where the figure is stated
  std::string quote;       // the exact phrase, short
  bool includes_part(std::string_view part) const;
};

// catalog/published.tsv (header: slug, published_total, published_active, convention, includes, source_url,
// quote) keyed by slug. `where` names the file in error messages. Every row must parse.
Result<std::map<std::string, PublishedFigures>> parse_published_table(std::string_view tsv, std::string_view where);

}  // namespace llmg
