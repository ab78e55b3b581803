// Helpers shared by the tests: catalog lookup and config-from-string ingestion.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "analysis/validate.h"
#include "analysis/facts.h"
#include "catalog/catalog.h"
#include "ingest/config/hf_config.h"

namespace llmg::testing {

// The normalized model of a catalog slug; fails the test when absent or unknown.
inline const Model& catalog_model(const std::string& slug) {
  const CatalogEntry* entry = Catalog::bundled().find(slug);
  if (!entry) throw std::runtime_error("no catalog entry " + slug);
  if (!entry->model) throw std::runtime_error(slug + ": " + entry->unknown_reason);
  return *entry->model;
}

inline Facts catalog_facts(const std::string& slug) { return compute_facts(catalog_model(slug)); }

inline Model model_from(const std::string& json_text) {
  auto model = checked_model(read_config_text(json_text, "test-config.json"), "test-config.json");
  if (!model) throw std::runtime_error(model.error().message);
  return *model;
}

}  // namespace llmg::testing
