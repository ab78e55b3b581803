#include "cli/verb_serve.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <iostream>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "server/server.h"
#include "site/base_url.h"

namespace llmg::cli {

namespace {

// A free TCP port on `host` (bind to port 0, read it back, close), or 0 when that fails. Used only to
// write the feed's default base URL before the server binds; the server binds that port right after.
int free_port(const std::string& host) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), "0", &hints, &found) != 0 || !found) return 0;
  int port = 0;
  const int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  if (fd >= 0 && bind(fd, found->ai_addr, found->ai_addrlen) == 0) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
      port = address.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
                                           : ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
  }
  if (fd >= 0) close(fd);
  freeaddrinfo(found);
  return port;
}

}  // namespace

void add_serve_verb(CLI::App& app, ServeVerb& verb) {
  verb.command = app.add_subcommand("serve", "the web gallery over HTTP (bundled catalog, nothing read from disk)");
  verb.command->add_option("--host", verb.host, "address to listen on (default 127.0.0.1)");
  verb.command->add_option("--port", verb.port, "port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  verb.command->add_option("--base-url", verb.base_url,
                           "public URL of the gallery for the Atom feed's absolute links and ids "
                           "(http/https, no query; default http://HOST:PORT)");
}

int run_serve(const ServeVerb& verb) {
  int port = verb.port;
  std::string base = verb.base_url;
  if (!base.empty()) {
    auto parsed = site::parse_base_url(base);
    if (!parsed) return report_error(parsed.error());
    base = *parsed;
  } else {
    if (port == 0) port = free_port(verb.host);
    if (port == 0) port = verb.port;  // could not probe: let the server pick, the feed says 0
    const bool v6 = verb.host.find(':') != std::string::npos;
    base = fmt::format("http://{}:{}", v6 ? "[" + verb.host + "]" : verb.host, port);
    if (verb.host == "0.0.0.0" || verb.host == "::")
      std::cerr << fmt::format("llmgallery: the Atom feed links to {} (a wildcard address); pass --base-url with "
                               "the public URL\n", base);
  }
  site::set_public_base_url(base);
  return server::serve(verb.host, port);
}

}  // namespace llmg::cli
