// How a verb prints: a JSON document on stdout (two-space indent, newline), an error through the one
// reporter of cli/exit_codes.h.
#pragma once

#include <iostream>

#include <nlohmann/json.hpp>

#include "render/text/json.h"
#include "cli/exit_codes.h"

namespace llmg::cli {

inline int report(const Error& error) { return report_error(error); }

inline void print_json(const nlohmann::json& document) { std::cout << json_text(document, 2) << "\n"; }

}  // namespace llmg::cli
