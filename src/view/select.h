// The sort keys over ModelView, in one table: what each key is called, its label, its value for a model
// and its default direction. `list --sort` (cli/verb_list.cpp), the web index's sort (site/query.cpp for
// the form's keys, render/html/gallery.cpp for the order) and the poster's order (render/svg/poster.cpp)
// all read it. Numeric keys: a number, and whether the model has it (an unknown architecture has no
// facts; a model without a benchmark score has no score); text keys: a string.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "view/model_view.h"

namespace llmg {

struct SortField {
  std::string_view key;    // "total"
  std::string_view label;  // "total parameters"
  bool descending_by_default;               // the index's default direction
  double (*number)(const ModelView&);       // numeric keys; null for text keys (score: -1 when missing)
  bool (*known)(const ModelView&);          // numeric keys: whether `number` is one of the model's facts
  std::string (*text)(const ModelView&);    // text keys; null for numeric keys
  bool in_list;    // offered by `llmgallery list --sort`
  bool in_index;   // offered by the web index's sort form (in table order)
};

std::span<const SortField> sort_fields();
const SortField* sort_field(std::string_view key);  // null for a key not in the table

// `list --sort KEY`: numeric keys largest first, text keys A→Z, date oldest first (a stable sort, so the
// catalog order breaks ties). Bad input for a key `list` does not offer.
Result<void> sort_for_list(std::vector<ModelView>& views, const std::string& key);

}  // namespace llmg
