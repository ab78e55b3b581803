// The family test configs (tests/data/families/<type>.json, copied from the sources each SOURCES-*.tsv
// names): loaded as JSON, and read through the product's one path (read_config_json + checked_model).
#pragma once

#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/validate.h"
#include "ingest/config/hf_config.h"

namespace llmg::testing {

// tests/data/families/<type>.json parsed (a test fails on a missing file through the parse error).
inline nlohmann::json family_config(const std::string& type) {
  std::ifstream in(std::string(LLMG_TEST_DATA) + "/families/" + type + ".json");
  return nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

// A config read as the CLI reads `<type>.json`: the family reader, then the counting check.
inline Result<Model> read_family_json(const nlohmann::json& config, const std::string& type) {
  const std::string file = type + ".json";
  return checked_model(read_config_json(config, file), file);
}

}  // namespace llmg::testing
