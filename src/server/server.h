// The web gallery's HTTP layer (GNU libmicrohttpd): routes, limits, headers and a cache of rendered pages.
// Pages come from the pure renderers in src/render/html/; the catalog is immutable, so every page
// without parameters is rendered once at start-up and every other one on first request.
//
// libmicrohttpd serves every connection from a few event-loop threads (epoll): a connection that is slow
// or idle holds a slot and at most `connection_memory_bytes` of memory, never a thread. Every client is
// bounded (README, "HTTP server"): request line and headers, number of headers, body, connections in total
// and per client address, idle time, and a total deadline per request.
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
  // Request headers: at most this many lines and bytes (names + values), 431 beyond. The request line,
  // headers and read buffer of one connection also live in a pool of `connection_memory_bytes`: what does
  // not fit is answered 414/431 by libmicrohttpd before it is all read.
  std::size_t max_header_count = 100;
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t connection_memory_bytes = 32 * 1024;
  // Connections: in total and from one client address (beyond: accepted and closed at once).
  unsigned max_connections = 1000;
  unsigned max_connections_per_client = 64;
  // A connection that sends or accepts nothing for this long is closed (also between keep-alive requests).
  unsigned idle_timeout_seconds = 5;
  // Total time for one request, from the connection's start (or the previous response's end) until its
  // response is sent: a client trickling its request or reading its response slowly is cut here.
  unsigned request_deadline_seconds = 10;
  // Rendered pages kept in memory; past this budget pages are rendered per request (any query string
  // makes a page, so the cache must not grow with what clients ask for).
  std::size_t max_cached_bytes = 64 * 1024 * 1024;
  // Event-loop threads; 0: one per CPU (at least 2).
  unsigned worker_threads = 0;
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

  // Binds to host:port (port 0: any free port), starts answering, and returns the port, or an error
  // naming the address.
  Result<int> bind(const std::string& host, int port);
  // Returns when stop() is called (from another thread or a signal-waiting thread); the server no
  // longer answers afterwards.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// `llmgallery serve`: binds, prints the URL, serves until SIGINT/SIGTERM. Exit code like the CLI.
int serve(const std::string& host, int port);

}  // namespace llmg::server
