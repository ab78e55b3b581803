#include "site/base_url.h"

#include <fmt/format.h>

namespace llmg::site {

namespace {

std::string& stored_base() {
  static std::string base;
  return base;
}

}  // namespace

Result<std::string> parse_base_url(std::string_view text, std::string_view option) {
  auto fail = [&](std::string_view why) {
    return bad_input(fmt::format("{} '{}': {}", option, text, why));
  };
  std::string_view rest;
  if (text.starts_with("http://")) rest = text.substr(7);
  else if (text.starts_with("https://")) rest = text.substr(8);
  else return fail("expected an http:// or https:// URL");
  for (char c : text)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\')
      return fail("spaces, quotes, angle brackets and control characters are not allowed");
  if (text.find('?') != std::string_view::npos) return fail("a base URL has no query (?…)");
  if (text.find('#') != std::string_view::npos) return fail("a base URL has no fragment (#…)");
  const std::string_view host = rest.substr(0, rest.find('/'));
  if (host.empty() || host.starts_with(':') || host.ends_with(':')) return fail("expected a host after the scheme");
  if (host.find('@') != std::string_view::npos) return fail("user information (user@host) is not allowed");
  std::string out(text);
  while (out.size() > text.size() - rest.size() + host.size() && out.back() == '/') out.pop_back();
  return out;
}

void set_public_base_url(std::string base) { stored_base() = std::move(base); }
const std::string& public_base_url() { return stored_base(); }

}  // namespace llmg::site
