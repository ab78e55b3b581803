// Files of catalog/ compiled into the binary (generated at build time by tools/embed.cpp).
#pragma once

#include <span>
#include <string_view>

namespace llmg::embedded {

struct File {
  std::string_view path;  // relative to catalog/, e.g. "configs/llama-3-8b.json"
  std::string_view data;
};

std::span<const File> files();

}  // namespace llmg::embedded
