// The web gallery's routes, in one table: the server registers a handler per row and answers 405 (with
// Allow) from it, the static export maps each row to the file that answers it (static_path_of), the page
// frame draws its navigation from the rows with a nav label, and renderers write links with link_to.
// Adding a page is adding a row here, a handler in src/server/server.cpp and (for a GET page) a file in
// src/export/static_site.cpp; tests/server and tests/export check all three agree.
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace llmg::site {

struct Route {
  std::string_view name;     // stable id: handlers and links name a route by it
  std::string_view pattern;  // "/models/{slug}": literal text and {param} segments (one path segment each)
  std::string_view allow;    // the methods, as the Allow header lists them ("GET, HEAD" or "GET, HEAD, POST")
  // The export's file for the route, the pattern's parameters filled in ("models/{slug}.html"), and when
  // that file is not a plain render of the route, why (read by the route-table tests).
  std::string_view export_file;
  std::string_view export_note;
  std::string_view nav_label;  // the site navigation's label, in table order; empty when not in the nav
};

std::span<const Route> routes();
// The row called `name`; throws std::out_of_range for a name not in the table (a programming error).
const Route& route(std::string_view name);

// The route whose pattern matches `path` (no query, no fragment), with the parameters it captured.
struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::string> args;  // in pattern order
};
std::optional<RouteMatch> match_route(std::string_view path);

// The ECMAScript regular expression of a route's pattern for the HTTP library (each {param} a captured
// group of one path segment).
std::string route_regex(const Route& route);

// A link to the route with its parameters filled in order (already URL-encoded by the caller), under
// `base`: "/" for the server. link_to(route("model"), {"llama-3-8b"}) == "/models/llama-3-8b".
std::string link_to(const Route& route, const std::vector<std::string>& args = {}, std::string_view base = "/");

// The file that answers a server URL ("/models/x?context=8k#memory" -> "models/x.html#memory"), given the
// diff pairs that were pre-rendered ("a/b"); a diff of another pair goes to the in-browser renderer.
// nullopt for URLs the export has no counterpart for (external links are left alone by the caller).
std::optional<std::string> static_path_of(std::string_view url, const std::set<std::string>& rendered_pairs);

}  // namespace llmg::site
