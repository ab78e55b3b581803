// The `poster` verb: every catalog model's diagram card on one printable page (PDF or SVG).
#pragma once

#include <CLI/CLI.hpp>

namespace llmg::cli {

struct PosterVerb {
  CLI::App* command = nullptr;
  std::string out;
  std::string size = "A0";
  std::string models;  // comma-separated slugs; empty = the whole catalog
  std::string order = "date";
};

void add_poster_verb(CLI::App& app, PosterVerb& verb);
int run_poster(const PosterVerb& verb);  // exit code

}  // namespace llmg::cli
