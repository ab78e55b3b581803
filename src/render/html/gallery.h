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
#include "site/query.h"
#include "render/text/rows.h"
#include "base/result.h"

namespace llmg::html {

struct GalleryItem {
  ModelView view;
  std::string thumbnail_svg;                 // diagram_svg(view, {thumbnail}) or empty when unknown
  std::string search_text;                   // lower-case text the full-text search matches
  std::vector<std::string> attention_kinds;  // mixer keys present plus the attention flavour ("GQA")
  std::string license_group;                 // license_label()
  std::string key_detail;                    // key_detail(model): the card's one-line most distinctive feature
};

struct Gallery {
  std::vector<GalleryItem> items;  // catalog order
  const GalleryItem* find(std::string_view slug) const;
};

Gallery build_gallery(const Catalog& catalog);

// The index query and its parser live in site/query.h.
using site::GalleryQuery;
using site::parse_gallery_query;
using site::parse_size;
using site::sort_keys;
using site::SortKey;

// The models the query selects, in its order (unknown architectures last when sorting by a fact).
std::vector<const GalleryItem*> select_items(const Gallery& gallery, const GalleryQuery& query);

std::string index_page(const Gallery& gallery, const GalleryQuery& query);

// One card (also used by the inspect page for an uploaded config), figure first: name, key detail, the
// card diagram at full card width (a link to the full diagram that cards.js opens in a zoom dialog),
// the main facts and, with `compare` (the index query), Compare A / Compare B links that keep the other
// slot and the rest of the query.
std::string model_card(const GalleryItem& item, bool link = true, const GalleryQuery* compare = nullptr);
// The index's compare bar: slots A and B (a model or "empty"), the link to /diff/A/B when both are set
// and a link clearing both. assets/cards.js keeps it in step in the browser (and fills it in the export).
std::string compare_bar(const Gallery& gallery, const GalleryQuery& query);

// Shared fragments.
std::string decoder_badge(const ModelView& view);
std::string kv_text(const ModelView& view);       // "128 KiB · high"
std::string params_text(const ModelView& view);   // "30.5B total · 3.3B active (11%)"
std::string layer_mix_text(const ModelView& view);  // "36 × global"

}  // namespace llmg::html
