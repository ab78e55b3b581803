// `llmgallery serve [--host 127.0.0.1] [--port 8080]`: the web gallery.
#pragma once

#include <CLI/CLI.hpp>

namespace llmg::cli {

struct ServeVerb {
  CLI::App* command = nullptr;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string base_url;  // --base-url; empty: http://HOST:PORT (port 0 resolved to the free port chosen)
};
void add_serve_verb(CLI::App& app, ServeVerb& verb);
int run_serve(const ServeVerb& verb);

}  // namespace llmg::cli
