// `llmgallery diff`: see main.cpp for its options.
#pragma once

#include <string>

namespace llmg::cli {

int run_diff(const std::string& first, const std::string& second, bool json);

}  // namespace llmg::cli
