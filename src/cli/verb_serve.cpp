#include "cli/verb_serve.h"

#include "server/server.h"

namespace llmg::cli {

void add_serve_verb(CLI::App& app, ServeVerb& verb) {
  verb.command = app.add_subcommand("serve", "the web gallery over HTTP (bundled catalog, nothing read from disk)");
  verb.command->add_option("--host", verb.host, "address to listen on (default 127.0.0.1)");
  verb.command->add_option("--port", verb.port, "port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
}

int run_serve(const ServeVerb& verb) { return server::serve(verb.host, verb.port); }

}  // namespace llmg::cli
