// `llmgallery list`: see main.cpp for its options.
#pragma once

#include <string>

namespace llmg::cli {

int run_list(bool json, const std::string& sort_key);

}  // namespace llmg::cli
