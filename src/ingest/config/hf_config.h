// Entry points of config ingestion: a Hugging Face config.json (or Mistral params.json) to the
// normalized Model.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/model.h"
#include "base/result.h"

namespace llmg {

// Parse config text; `file_name` names the source in error messages.
Result<Model> read_config_text(std::string_view text, const std::string& file_name);
Result<Model> read_config_json(const nlohmann::json& config, const std::string& file_name);

// A config.json, a params.json, or a directory holding one of them.
Result<Model> read_config_path(const std::filesystem::path& path);

// Read a whole file with a size bound; a clear error for missing, unreadable or oversized files.
Result<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace llmg
