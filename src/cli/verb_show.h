// `llmgallery show`: see main.cpp for its options.
#pragma once

#include <string>

namespace llmg::cli {

// allow_slug: false for `inspect PATH` (a path only).
int run_show(const std::string& argument, bool json, bool allow_slug);

}  // namespace llmg::cli
