// The fact sheet as rows: one list that the text sheet, the text and JSON diff and the web pages
// all read, so a fact is named and formatted in one place.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/facts.h"
#include "catalog/catalog.h"
#include "model/model.h"

namespace llmg {

// A model as shown: catalog metadata when it comes from the catalog, else just a name.
struct ModelView {
  std::string slug;
  std::string name;
  const CatalogEntry* entry = nullptr;  // null for `inspect PATH`
  const Model* model = nullptr;         // null when the architecture is unknown
  Facts facts;
};

ModelView view_of(const CatalogEntry& entry);
ModelView view_of(const Model& model, std::string slug, std::string name);

struct FactRow {
  std::string key;     // stable key ("params.total")
  std::string label;   // "Parameters"
  std::string text;    // "8.03B (8,030,261,248)"
  std::optional<double> number;  // the exact value when numeric, for deltas
  std::string source;  // config key or convention the value came from
};

std::vector<FactRow> fact_rows(const ModelView& view);

}  // namespace llmg
