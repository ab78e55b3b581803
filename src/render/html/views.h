// The gallery's other pages: timeline / scale chart, family tree, changelog with its Atom feed, and the
// inspect form for an uploaded config.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/html/gallery.h"
#include "render/html/feed.h"
#include "render/html/memory_calc.h"
#include "base/result.h"

namespace llmg::html {

// Timeline: every known model on a time axis, circle area ∝ total parameters, colour = decoder type;
// y = "kv" (KV bytes per token) or "active" (active parameters), log scale.
std::string timeline_svg(const Gallery& gallery, const std::string& y_axis);
std::string timeline_page(const Gallery& gallery, const std::string& y_axis);

// The catalog lineage (models.tsv `parent`) as a left-to-right tree, one SVG node per model.
std::string family_tree_svg(const Gallery& gallery);
std::string tree_page(const Gallery& gallery);

// The changelog and its parser are the catalog's (Catalog::changes()).
using llmg::Change;
using llmg::parse_changelog;
std::string changelog_page(const Gallery& gallery, const std::vector<Change>& changes);
// The Atom feed is in render/html/feed.h.

// The inspect page: the form, and when a config was posted, its card, fact sheet and an optional diff.
struct InspectResult {
  std::string file_name;
  std::optional<ModelView> view;  // set when the config parsed
  std::string error;              // why it did not
  const GalleryItem* against = nullptr;
};
std::string inspect_page(const Gallery& gallery, const InspectResult* result, const MemorySettings& memory);

}  // namespace llmg::html
