#include "render/html/html.h"

#include "base/units.h"
#include "site/routes.h"

#include <fmt/format.h>

namespace llmg::html {

std::string escape(std::string_view text) { return xml_escape(text); }

std::string url_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += char(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string query_string(const QueryParams& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    out += out.empty() ? "?" : "&";
    out += url_encode(name) + "=" + url_encode(value);
  }
  return out;
}

namespace {

// The page each Nav value marks as current; labels, links and order come from the route table.
constexpr std::pair<Nav, std::string_view> kNavRoutes[] = {
    {Nav::Gallery, "index"}, {Nav::Timeline, "timeline"}, {Nav::Tree, "tree"},
    {Nav::Changelog, "changelog"}, {Nav::Inspect, "inspect"}, {Nav::Api, "api_models"}, {Nav::Concepts, "concepts"},
};

}  // namespace

std::string page(const PageFrame& frame, std::string_view body) {
  std::string nav;
  for (const site::Route& route : site::routes()) {
    if (route.nav_label.empty()) continue;
    bool current = false;
    for (const auto& [value, name] : kNavRoutes) current = current || (value == frame.nav && name == route.name);
    nav += fmt::format("<li><a href=\"{}\"{}>{}</a></li>", site::link_to(route),
                       current ? " aria-current=\"page\"" : "", route.nav_label);
  }
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"color-scheme\" content=\"light dark\">\n"
      "<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n"
      "<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/assets/style.css\">\n"
      "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"llmgallery changes\" href=\"/feed.xml\">\n"
      "<script src=\"/assets/app.js\" defer></script>\n</head>\n<body>\n"
      "<a class=\"skip\" href=\"#main\">Skip to content</a>\n"
      "<header class=\"site\"><a class=\"brand\" href=\"/\">llmgallery</a>"
      "<nav aria-label=\"Site\"><ul>{}</ul></nav>"
      "<button type=\"button\" class=\"theme-toggle\" id=\"theme-toggle\" hidden aria-label=\"Switch colour theme\">"
      "Theme</button></header>\n"
      "<main id=\"main\">\n{}\n</main>\n"
      "<footer class=\"site\">Every number is derived from the models' own config files; "
      "<a href=\"/changelog\">changelog</a> · <a href=\"/feed.xml\">Atom feed</a> · "
      "<a href=\"/api/models\">JSON</a></footer>\n</body>\n</html>\n",
      escape(frame.title), escape(frame.description), nav, body);
}

std::string license_label(std::string_view license) {
  if (license.empty()) return "unknown";
  if (!license.starts_with("http")) return std::string(license);
  // https://huggingface.co/ORG/REPO/... -> "license file (ORG)"; https://host/... -> "license page (host)"
  std::string_view rest = license.substr(std::min(license.size(), license.find("//") + 2));
  const std::string_view host = rest.substr(0, rest.find('/'));
  rest = rest.substr(std::min(rest.size(), host.size() + 1));
  if (host == "huggingface.co" && !rest.empty()) return "license file (" + std::string(rest.substr(0, rest.find('/'))) + ")";
  return "license page (" + std::string(host) + ")";
}

std::string license_html(std::string_view license) {
  if (license.starts_with("http"))
    return fmt::format("<a href=\"{}\" rel=\"noopener\">{}</a>", escape(license), escape(license_label(license)));
  return escape(license.empty() ? "unknown" : license);
}

}  // namespace llmg::html
