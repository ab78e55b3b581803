// Files of assets/ (CSS, JS) compiled into the binary by tools/embed.cpp, served under /assets/.
#pragma once

#include <span>

#include "catalog/embedded.h"

namespace llmg::embedded {

std::span<const File> asset_files();  // paths relative to assets/: "style.css", "app.js"

}  // namespace llmg::embedded
