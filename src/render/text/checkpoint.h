// The checkpoint report (analysis/checkpoint.h) as text (after the inspect fact sheet) and as the
// `files` object of `inspect --json`.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "analysis/checkpoint.h"

namespace llmg {

nlohmann::json checkpoint_json(const CheckpointReport& report);
std::string checkpoint_text(const CheckpointReport& report);

}  // namespace llmg
