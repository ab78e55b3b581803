// Files compiled into the binary at build time by tools/embed.cpp: the catalog (catalog/) and the web
// gallery's assets (assets/). Both the server and the static export read the assets from here.
#pragma once

#include <span>
#include <string_view>

namespace llmg::embedded {

struct File {
  std::string_view path;  // relative to catalog/, e.g. "configs/llama-3-8b.json"
  std::string_view data;
};

std::span<const File> files();         // paths relative to catalog/
std::span<const File> asset_files();   // paths relative to assets/: "style.css", "app.js"

}  // namespace llmg::embedded
