// The gallery's view data (every catalog model with what the pages show about it, computed once) and
// the index page with its sort, filters, search and views, all carried in the query string.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "render/html/html.h"
#include "render/text/rows.h"
#include "base/result.h"

namespace llmg::html {

struct GalleryItem {
  ModelView view;
  std::string thumbnail_svg;                 // diagram_svg(view, {thumbnail}) or empty when unknown
  std::string search_text;                   // lower-case text the full-text search matches
  std::vector<std::string> attention_kinds;  // mixer keys present plus the attention flavour ("GQA")
  std::string license_group;                 // license_label()
};

struct Gallery {
  std::vector<GalleryItem> items;  // catalog order
  const GalleryItem* find(std::string_view slug) const;
};

Gallery build_gallery(const Catalog& catalog);

// Sort keys, in the order the form lists them.
struct SortKey {
  const char* key;
  const char* label;
  bool descending_by_default;
};
const std::vector<SortKey>& sort_keys();

struct GalleryQuery {
  std::string sort = "date";
  bool descending = true;
  std::set<std::string> types, attention, vendors, licenses;
  std::string date_from, date_to;             // inclusive, YYYY-MM-DD (partial dates widened)
  std::optional<std::int64_t> min_total, max_total;  // parameters
  std::string text;                           // full-text search
  bool compact = false;                       // table instead of cards
  QueryParams canonical;                      // the query as parsed, in canonical order (for links)
};

// Parses the index query string. Unknown names are ignored; a malformed value is an error naming the
// parameter and what was expected (HTTP 400).
//   sort=date|name|total|active|kv|context|layers|score  order=asc|desc  view=cards|compact
//   type=dense|moe|hybrid|recurrent (repeatable)  attn=KIND (repeatable)  vendor=V  license=L
//   from=YYYY[-MM[-DD]]  to=YYYY[-MM[-DD]]  min=SIZE  max=SIZE (500M, 7B, 1.5T; a bare number is billions)
//   q=TEXT
Result<GalleryQuery> parse_gallery_query(const QueryParams& params);
// "7B" -> 7e9 etc.; exposed for tests.
Result<std::int64_t> parse_size(std::string_view text, std::string_view parameter);

// The models the query selects, in its order (unknown architectures last when sorting by a fact).
std::vector<const GalleryItem*> select_items(const Gallery& gallery, const GalleryQuery& query);

std::string index_page(const Gallery& gallery, const GalleryQuery& query);

// One card (also used by the inspect page for an uploaded config).
std::string model_card(const GalleryItem& item, bool link = true);

// Shared fragments.
std::string decoder_badge(const ModelView& view);
std::string kv_text(const ModelView& view);       // "128 KiB · high"
std::string params_text(const ModelView& view);   // "30.5B total · 3.3B active (11%)"
std::string layer_mix_text(const ModelView& view);  // "36 × global"

}  // namespace llmg::html
