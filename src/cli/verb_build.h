// `llmgallery build --out DIR [--json]`: the static export of the whole gallery (src/export/).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace llmg::cli {

struct BuildVerb {
  CLI::App* command = nullptr;
  std::string out_dir;
  bool json = false;
  std::string base_url;  // --base-url: the feed's links and ids absolute under it; empty: relative links
};

void add_build_verb(CLI::App& app, BuildVerb& verb);
int run_build(const BuildVerb& verb);

}  // namespace llmg::cli
