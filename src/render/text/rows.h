// The fact sheet as rows: one list that the text sheet, the text and JSON diff and the web pages
// all read, so a fact is named and formatted in one place.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "view/model_view.h"

namespace llmg {

struct FactRow {
  std::string key;     // stable key ("params.total")
  std::string label;   // "Parameters"
  std::string text;    // "8.03B (8,030,261,248)"
  std::optional<double> number;  // the exact value when numeric, for deltas
  std::string source;  // config key or convention the value came from
};

std::vector<FactRow> fact_rows(const ModelView& view);

}  // namespace llmg
