// The `diagram` verb: a model's architecture diagram as SVG or PNG.
#pragma once

#include <CLI/CLI.hpp>

namespace llmg::cli {

struct DiagramVerb {
  CLI::App* command = nullptr;
  std::string model;
  std::string out;
  std::string theme = "light";
  bool png = false;
  bool thumbnail = false;
  bool strip = false;
  double scale = 2.0;
};

// Registers `diagram` on `app`; `verb` receives the parsed options.
void add_diagram_verb(CLI::App& app, DiagramVerb& verb);
// Runs it; returns the exit code (0 done, 1 internal error, 2 bad input).
int run_diagram(const DiagramVerb& verb);

}  // namespace llmg::cli
