// The public base URL of the gallery (`serve --base-url`, `build --base-url`): what the Atom feed writes
// in front of its links and ids so that feed readers get absolute URLs (RFC 4287 §4.2.6 wants ids to be
// absolute IRIs; readers resolve relative links inconsistently).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace llmg::site {

// Checks and normalizes a base URL: scheme http or https, a host, no query, no fragment, no spaces or
// control characters; a trailing '/' is removed ("https://example.org/gallery/" -> "https://example.org/gallery").
// Errors name `option` ("--base-url") and the problem (the CLI exits 2 with it).
Result<std::string> parse_base_url(std::string_view text, std::string_view option = "--base-url");

// The process-wide public base URL, set once by the CLI before any page is rendered (serve, build);
// empty when none is known (unit tests, the library used alone).
void set_public_base_url(std::string base);
const std::string& public_base_url();

}  // namespace llmg::site
