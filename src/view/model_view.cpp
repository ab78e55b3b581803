#include "view/model_view.h"

namespace llmg {

ModelView view_of(const CatalogEntry& entry) {
  ModelView view;
  view.slug = entry.slug;
  view.name = entry.name;
  view.entry = &entry;
  if (entry.model) {
    view.model = &*entry.model;
    view.facts = compute_facts(*entry.model);
  }
  return view;
}

ModelView view_of(const Model& model, std::string slug, std::string name) {
  ModelView view;
  view.slug = std::move(slug);
  view.name = std::move(name);
  view.model = &model;
  view.facts = compute_facts(model);
  return view;
}

}  // namespace llmg
