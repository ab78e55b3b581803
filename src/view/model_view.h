// ModelView: a model as every output shows it -- the catalog entry (when it comes from the catalog),
// the normalized architecture (when it is known) and the facts computed from it. The text sheet, the
// JSON, the diagrams, the web pages, the static export and the CLI all read this one join.
#pragma once

#include <string>

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

}  // namespace llmg
