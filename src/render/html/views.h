// The gallery's other pages: timeline / scale chart, family tree, changelog with its Atom feed, and the
// inspect form for an uploaded config.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/html/gallery.h"
#include "render/html/feed.h"
#include "render/html/memory_calc.h"
#include "site/time_query.h"
#include "base/result.h"

namespace llmg::html {

// Timeline: every known model on a time axis, circle area ∝ total parameters, colour = decoder type;
// y = "kv" (KV bytes per token) or "active" (active parameters), log scale.
// (The y_axis forms are the older API: view kv or active, whole range; see render/html/timeline.cpp.)
std::string timeline_svg(const Gallery& gallery, const std::string& y_axis);
std::string timeline_page(const Gallery& gallery, const std::string& y_axis);
// The timeline in a state of site/time_query.h (view kv|active|params, from, to), `width` user units
// wide (the browser redraws at the page's width). Labels never overlap: placed greedily, larger models
// first; the rest are class "label off" and show on hover/focus. Each point is a link with an accessible
// name (name, date, total, active, KV per token, decoder type).
std::string timeline_svg(const Gallery& gallery, const site::TimelineQuery& query, double width);
std::string timeline_page(const Gallery& gallery, const site::TimelineQuery& query);
// The points the browser redraws from: [{slug, name, date, type, total, active, kv, *_text}] as JSON,
// safe inside <script type="application/json">.
std::string timeline_data_json(const Gallery& gallery);

// The family tree over time: x = release date, one lane per vendor, recorded lineage (models.tsv
// `parent`) as solid edges, computed influence (view/influence.h) as dashed edges labelled with the
// design features the two models share; filters vendor= and type= (site/time_query.h).
std::string family_tree_svg(const Gallery& gallery);
std::string family_tree_svg(const Gallery& gallery, const site::TreeQuery& query);
std::string tree_page(const Gallery& gallery);
std::string tree_page(const Gallery& gallery, const site::TreeQuery& query);

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
