// Small helpers for server-rendered HTML: escaping, URL encoding and the page frame shared by every
// page. Page renderers (src/render/html/*.h) are pure functions from view data to a string, so the
// HTTP server and a static export can both use them.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "site/query.h"

namespace llmg::html {

std::string escape(std::string_view text);      // & < > " ' as entities, for text and attribute values
std::string url_encode(std::string_view text);  // RFC 3986 unreserved kept, everything else %XX

// The query string of a URL as ordered (name, value) pairs, already percent-decoded (site/query.h).
using site::QueryParams;
// Builds "?a=1&b=2" (empty when no pairs), values URL-encoded.
std::string query_string(const QueryParams& params);

enum class Nav { Gallery, Timeline, Tree, Changelog, Inspect, Api, Concepts, None };

struct PageFrame {
  std::string title;        // <title> and nothing else; the page's own <h1> is in the body
  std::string description;  // <meta name=description>
  Nav nav = Nav::None;
};

// The whole document: head (stylesheet, script, feed link), header with navigation and theme toggle,
// main content, footer.
std::string page(const PageFrame& frame, std::string_view body);

// A license cell: known SPDX-like names as text, URLs as a "custom license" link.
std::string license_html(std::string_view license);
// Short text of a license for filters ("Apache 2.0", "custom: meta-llama/Meta-Llama-3-8B").
std::string license_label(std::string_view license);

}  // namespace llmg::html
