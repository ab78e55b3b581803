// The web gallery's HTTP layer (cpp-httplib): routes, limits, headers and a cache of rendered pages.
// Pages come from the pure renderers in src/render/html/; the catalog is immutable, so every page
// without parameters is rendered once at start-up and every other one on first request.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "catalog/catalog.h"
#include "base/result.h"

namespace llmg::server {

struct Limits {
  std::size_t max_payload_bytes = 512 * 1024;  // whole request body (413 beyond)
  std::size_t max_config_bytes = 256 * 1024;   // one uploaded config (413 beyond)
  int read_timeout_seconds = 5;
  int write_timeout_seconds = 5;
  int keep_alive_timeout_seconds = 5;
  std::size_t keep_alive_max_requests = 1000;
  // Rendered pages kept in memory; past this budget pages are rendered per request (any query string
  // makes a page, so the cache must not grow with what clients ask for).
  std::size_t max_cached_bytes = 64 * 1024 * 1024;
  // cpp-httplib gives each open connection a pool thread for its whole keep-alive life, so the pool is
  // also the number of clients served at once (others queue).
  std::size_t worker_threads = 64;  // rendered pages kept in memory (then rendered per request)
};

// Content-Security-Policy of every response: only this origin. Inline style attributes are allowed for
// the SVG diagrams, which colour themselves through --lg-* custom properties.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

class GalleryServer {
 public:
  explicit GalleryServer(const Catalog& catalog = Catalog::bundled(), Limits limits = {});
  ~GalleryServer();
  GalleryServer(const GalleryServer&) = delete;
  GalleryServer& operator=(const GalleryServer&) = delete;

  // Binds to host:port (port 0: any free port) and returns the port, or an error naming the address.
  Result<int> bind(const std::string& host, int port);
  // Serves until stop() (from another thread or a signal-waiting thread).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// `llmgallery serve`: binds, prints the URL, serves until SIGINT/SIGTERM. Exit code like the CLI.
int serve(const std::string& host, int port);

}  // namespace llmg::server
