#include "site/routes.h"

#include <stdexcept>

#include <fmt/format.h>

namespace llmg::site {

namespace {

constexpr std::string_view kGet = "GET, HEAD";

// What of a URL's query and fragment the exported file keeps.
enum class Carry { QueryAndFragment, Fragment, Nothing };

struct Row {
  Route route;
  Carry carry;
};

// clang-format off
constexpr Row kRoutes[] = {
  {{"index", "/", kGet, "index.html", "sort and filters are applied in the browser by static.js (the query is kept)", "Gallery"}, Carry::QueryAndFragment},
  {{"model", "/models/{slug}", kGet, "models/{slug}.html", "the calculator's settings are not carried: the file shows the default settings", ""}, Carry::Fragment},
  {{"diff_form", "/diff", kGet, "diff.html", "the server redirects to /diff/A/B; the export's diff.html compares any pair in the browser", ""}, Carry::QueryAndFragment},
  {{"diff", "/diff/{a}/{b}", kGet, "diff/{a}/{b}.html", "only pairs of the lineage are pre-rendered; any other pair goes to diff.html?a=A&b=B", ""}, Carry::Fragment},
  {{"timeline", "/timeline", kGet, "timeline.html", "y=active is the file timeline-active.html", "Timeline"}, Carry::Fragment},
  {{"tree", "/tree", kGet, "tree.html", "", "Family tree"}, Carry::Fragment},
  {{"concepts", "/concepts", kGet, "concepts/index.html", "", "Concepts"}, Carry::Fragment},
  {{"concept", "/concepts/{name}", kGet, "concepts/{name}.html", "", ""}, Carry::Fragment},
  {{"stats", "/stats/{name}", kGet, "stats/{name}.html", "", ""}, Carry::Fragment},
  {{"changelog", "/changelog", kGet, "changelog.html", "", "Changelog"}, Carry::Fragment},
  {{"feed", "/feed.xml", kGet, "feed.xml", "", ""}, Carry::Fragment},
  {{"inspect", "/inspect", "GET, HEAD, POST", "inspect.html", "a static page cannot read an upload: it explains how to inspect a config", "Inspect a config"}, Carry::Fragment},
  {{"diagram", "/diagrams/{slug}.svg", kGet, "diagrams/{slug}.svg", "", ""}, Carry::Fragment},
  {{"asset", "/assets/{name}", kGet, "assets/{name}", "", ""}, Carry::Fragment},
  {{"api_models", "/api/models", kGet, "api/models.json", "", "JSON API"}, Carry::Nothing},
  {{"api_model", "/api/models/{slug}", kGet, "api/models/{slug}.json", "", ""}, Carry::Nothing},
  {{"api_diff", "/api/diff/{a}/{b}", kGet, "api/diff/{a}/{b}.json", "only pairs of the lineage are exported", ""}, Carry::Nothing},
};
// clang-format on

const std::vector<Route>& route_list() {
  static const std::vector<Route> kList = [] {
    std::vector<Route> out;
    for (const Row& row : kRoutes) out.push_back(row.route);
    return out;
  }();
  return kList;
}

Carry carry_of(const Route& route) {
  for (const Row& row : kRoutes)
    if (row.route.name == route.name) return row.carry;
  return Carry::Nothing;
}

std::vector<std::string_view> split(std::string_view path) {
  // "/a/b" -> {"a", "b"}; "/" -> {""}
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Fills each {param} of `pattern` with the next argument.
std::string fill(std::string_view pattern, const std::vector<std::string>& args) {
  std::string out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    const std::size_t close = pattern.find('}', i);
    if (close == std::string_view::npos || next >= args.size())
      throw std::invalid_argument(fmt::format("route pattern '{}': missing argument", pattern));
    out += args[next++];
    i = close;
  }
  return out;
}

bool query_has(std::string_view query, std::string_view pair) {
  // query as written in an attribute: parameters separated by '&' or "&amp;"
  std::size_t pos = 0;
  while ((pos = query.find(pair, pos)) != std::string_view::npos) {
    const bool starts = pos == 0 || query[pos - 1] == '&' || query[pos - 1] == ';';
    const std::size_t end = pos + pair.size();
    const bool ends = end == query.size() || query[end] == '&';
    if (starts && ends) return true;
    pos = end;
  }
  return false;
}

}  // namespace

std::span<const Route> routes() { return route_list(); }

const Route& route(std::string_view name) {
  for (const Route& r : route_list())
    if (r.name == name) return r;
  throw std::out_of_range(fmt::format("no route '{}'", name));
}

std::optional<RouteMatch> match_route(std::string_view path) {
  const auto parts = split(path);
  for (const Route& r : route_list()) {
    const auto pattern = split(r.pattern);
    if (pattern.size() != parts.size()) continue;
    RouteMatch match{&r, {}};
    bool ok = true;
    for (std::size_t i = 0; ok && i < parts.size(); ++i) {
      const std::string_view want = pattern[i], got = parts[i];
      const std::size_t open = want.find('{');
      if (open == std::string_view::npos) {
        ok = want == got;
        continue;
      }
      // A {param} with literal text before and after it: one or more characters between them.
      const std::string_view prefix = want.substr(0, open), suffix = want.substr(want.find('}') + 1);
      ok = got.size() > prefix.size() + suffix.size() && got.starts_with(prefix) && got.ends_with(suffix);
      if (ok) match.args.emplace_back(got.substr(prefix.size(), got.size() - prefix.size() - suffix.size()));
    }
    if (ok) return match;
  }
  return std::nullopt;
}

std::string route_regex(const Route& route) {
  std::string out;
  for (std::size_t i = 0; i < route.pattern.size(); ++i) {
    const char c = route.pattern[i];
    if (c == '{') {
      out += "([^/]+)";
      i = route.pattern.find('}', i);
    } else {
      if (c == '.') out += '\\';
      out += c;
    }
  }
  return out;
}

std::string link_to(const Route& route, const std::vector<std::string>& args, std::string_view base) {
  return std::string(base) + fill(route.pattern.substr(1), args);
}

std::optional<std::string> static_path_of(std::string_view url, const std::set<std::string>& rendered_pairs) {
  if (url.empty() || url[0] != '/' || url.starts_with("//")) return std::nullopt;
  std::string_view fragment, query, path = url;
  if (auto hash = path.find('#'); hash != std::string_view::npos) {
    fragment = path.substr(hash);
    path = path.substr(0, hash);
  }
  if (auto question = path.find('?'); question != std::string_view::npos) {
    query = path.substr(question + 1);
    path = path.substr(0, question);
  }
  for (std::string_view part : split(path))
    if (part == ".." || part == ".") return std::nullopt;
  const auto match = match_route(path);
  if (!match) return std::nullopt;
  const Route& r = *match->route;
  std::string file = fill(r.export_file, match->args);
  if (r.name == "timeline" && query_has(query, "y=active")) file = "timeline-active.html";
  if (r.name == "diff" || r.name == "api_diff") {
    const bool rendered = rendered_pairs.contains(fmt::format("{}/{}", match->args[0], match->args[1]));
    if (!rendered && r.name == "api_diff") return std::nullopt;
    if (!rendered)
      return fmt::format("{}?a={}&amp;b={}{}", route("diff_form").export_file, match->args[0], match->args[1], fragment);
  }
  switch (carry_of(r)) {
    case Carry::QueryAndFragment:
      return file + (query.empty() ? "" : "?" + std::string(query)) + std::string(fragment);
    case Carry::Fragment:
      return file + std::string(fragment);
    case Carry::Nothing:
      return file;
  }
  return file;
}

}  // namespace llmg::site
