// The static export (`llmgallery build --out DIR`): the gallery as plain files that browse from file://
// and from any static host, with the same pages as `llmgallery serve`.
//
// Pages come from the same renderers as the server (src/render/html/). Their links are written for the
// server ("/models/SLUG"); the export maps each route to a file once (static_path_of) and rewrites every
// link relative to the page that holds it. What a static host cannot answer is done in the browser by
// assets/static.js from a data file the export writes: sorting and filtering the index, and the diff of
// any two models that was not pre-rendered (pre-rendered: each model against its parent in the lineage).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "base/result.h"
#include "site/routes.h"

namespace llmg::site {

// The whole site in memory: path relative to the site root ("models/llama-3-8b.html") -> bytes.
using SiteFiles = std::map<std::string, std::string>;

struct ExportSummary {
  std::size_t files = 0;
  std::uint64_t bytes = 0;
  std::size_t model_pages = 0;
  std::size_t diff_pages = 0;  // pre-rendered pairs
};

// Renders every page, diagram, JSON API file, feed and asset of the catalog.
SiteFiles build_site(const Catalog& catalog);
ExportSummary summarize(const SiteFiles& files);

// Writes the site under `out` (created if needed; files of an earlier export are overwritten, others left).
Result<ExportSummary> write_site(const SiteFiles& files, const std::filesystem::path& out);

// static_path_of (the file that answers a server URL) is in site/routes.h, beside the route table.

// Rewrites the root-relative links (href, src, action, xlink:href starting with one '/') of an HTML, SVG or
// XML document held at `page_path` into links relative to it.
std::string relative_links(std::string_view document, std::string_view page_path,
                           const std::set<std::string>& rendered_pairs);

}  // namespace llmg::site
