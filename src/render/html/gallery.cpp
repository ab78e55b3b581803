#include "render/html/gallery.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "site/routes.h"
#include "render/html/concepts.h"
#include "analysis/changes.h"
#include "analysis/kv_band.h"
#include "render/svg/diagram.h"
#include "base/units.h"
#include "view/select.h"

namespace llmg::html {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string attention_flavour_of(const Model& model) {
  for (const Layer& layer : model.layers)
    // Softmax attention with a head-count flavour; DeepSeek V4's compressed attention is filed under its
    // CSA/HCA/sliding kinds instead (the gallery's filters, unchanged by the layout work).
    if (layer.is_softmax_attention() && layer.mixer != MixerKind::CompressedAttention)
      return attention_flavour(layer);
  return "";
}

}  // namespace

const GalleryItem* Gallery::find(std::string_view slug) const {
  for (const GalleryItem& item : items)
    if (item.view.slug == slug) return &item;
  return nullptr;
}

Gallery build_gallery(const Catalog& catalog) {
  Gallery gallery;
  gallery.items.reserve(catalog.entries().size());
  for (const CatalogEntry& entry : catalog.entries()) {
    GalleryItem item;
    item.view = view_of(entry);
    const ModelView& v = item.view;
    item.license_group = license_label(entry.license);
    std::string text = v.name + " " + v.slug + " " + entry.vendor + " " + entry.description + " " +
                       item.license_group + " " + entry.release_date;
    if (v.model) {
      DiagramOptions options;
      options.thumbnail = true;
      item.thumbnail_svg = diagram_svg(v, options);
      item.key_detail = key_detail(*v.model);
      for (const KindCount& kc : v.facts.layer_mix) item.attention_kinds.push_back(kc.kind);
      if (std::string flavour = attention_flavour_of(*v.model); !flavour.empty()) item.attention_kinds.push_back(flavour);
      text += " " + v.model->family + " " + std::string(decoder_type_label(v.facts.decoder_type)) + " " +
              v.facts.attention_summary;
      for (const KindCount& kc : v.facts.layer_mix) text += " " + short_mixer_label(kc.kind);
    } else {
      text += " unknown " + entry.unknown_short;
    }
    item.search_text = lower(text);
    gallery.items.push_back(std::move(item));
  }
  return gallery;
}

namespace {

// The value of a numeric sort key (view/select.h), or nullopt when the model does not have it.
std::optional<double> sort_value(const GalleryItem& item, const std::string& key) {
  const SortField* field = sort_field(key);
  if (!field || !field->number || !field->known(item.view)) return std::nullopt;
  return field->number(item.view);
}

bool matches(const GalleryItem& item, const GalleryQuery& q) {
  const ModelView& v = item.view;
  const CatalogEntry* e = v.entry;
  const bool needs_facts = !q.types.empty() || !q.attention.empty() || q.min_total || q.max_total;
  if (needs_facts && !v.model) return false;
  if (!q.types.empty() && !q.types.contains(std::string(decoder_type_key(v.facts.decoder_type)))) return false;
  if (!q.attention.empty() &&
      std::none_of(item.attention_kinds.begin(), item.attention_kinds.end(),
                   [&](const std::string& k) { return q.attention.contains(lower(k)); }))  // stored lower-case
    return false;
  if (!q.vendors.empty() && !(e && q.vendors.contains(e->vendor))) return false;
  if (!q.licenses.empty() && !q.licenses.contains(item.license_group)) return false;
  const std::string date = e ? e->release_date : "";
  if (!q.date_from.empty() && date < q.date_from) return false;
  if (!q.date_to.empty() && (date.empty() || date > q.date_to)) return false;
  if (q.min_total && v.facts.params.total < *q.min_total) return false;
  if (q.max_total && v.facts.params.total > *q.max_total) return false;
  if (!q.text.empty()) {
    // Every word must appear.
    std::string words = lower(q.text);
    std::size_t start = 0;
    while (start < words.size()) {
      std::size_t end = words.find(' ', start);
      if (end == std::string::npos) end = words.size();
      if (end > start && item.search_text.find(words.substr(start, end - start)) == std::string::npos) return false;
      start = end + 1;
    }
  }
  return true;
}

}  // namespace

std::vector<const GalleryItem*> select_items(const Gallery& gallery, const GalleryQuery& query) {
  std::vector<const GalleryItem*> out;
  for (const GalleryItem& item : gallery.items)
    if (matches(item, query)) out.push_back(&item);
  const bool desc = query.descending;
  // Models whose architecture is unknown come after the known ones in every order (their facts are
  // missing); within each group the chosen order applies.
  std::stable_partition(out.begin(), out.end(), [](const GalleryItem* item) { return item->view.model != nullptr; });
  const auto first_unknown = std::find_if(out.begin(), out.end(), [](const GalleryItem* item) { return !item->view.model; });
  auto sort_range = [&](auto compare) {
    std::stable_sort(out.begin(), first_unknown, compare);
    std::stable_sort(first_unknown, out.end(), compare);
  };
  if (query.sort == "name") {
    sort_range([&](const GalleryItem* a, const GalleryItem* b) {
      const std::string la = lower(a->view.name), lb = lower(b->view.name);
      return desc ? lb < la : la < lb;
    });
  } else if (query.sort == "date") {
    sort_range([&](const GalleryItem* a, const GalleryItem* b) {
      const std::string da = a->view.entry ? a->view.entry->release_date : "";
      const std::string db = b->view.entry ? b->view.entry->release_date : "";
      if (da != db) return desc ? db < da : da < db;
      return a->view.name < b->view.name;
    });
  } else {
    sort_range([&](const GalleryItem* a, const GalleryItem* b) {
      const auto va = sort_value(*a, query.sort), vb = sort_value(*b, query.sort);
      if (!va || !vb) return va.has_value() && !vb.has_value();  // missing values last
      if (*va != *vb) return desc ? *va > *vb : *va < *vb;
      return a->view.name < b->view.name;
    });
  }
  return out;
}

std::string decoder_badge(const ModelView& view) {
  if (!view.model) return "<span class=\"badge unknown\">unknown</span>";
  return fmt::format("<span class=\"badge type-{}\">{}</span>", decoder_type_key(view.facts.decoder_type),
                     escape(decoder_type_label(view.facts.decoder_type)));
}

std::string kv_text(const ModelView& view) {
  const std::int64_t bytes = view.facts.kv_cache.bytes_per_token_bf16;
  const KvBandInfo& band = kv_band(bytes);
  return fmt::format("{} <span class=\"band band-{}\">{}</span>", bytes == 0 ? "0 B" : human_bytes(bytes), band.key,
                     band.label);
}

std::string params_text(const ModelView& view) {
  const ParameterCounts& p = view.facts.params;
  // A wrapper's towers beside the language model's total ("4.63B total + 470M towers").
  const std::string total = human_count(p.total) + " total" +
                            (p.towers > 0   ? " + " + human_count(p.towers) + " towers"
                             : p.towers < 0 ? std::string(" + towers (not counted)")
                                            : std::string());
  if (p.active == p.total) return total + ", all active";
  return fmt::format("{} · {} active ({})", total, human_count(p.active),
                     percent(p.total ? double(p.active) / double(p.total) : 0));
}

std::string layer_mix_text(const ModelView& view) {
  std::string out;
  for (const KindCount& kc : view.facts.layer_mix)
    out += fmt::format("{}{} {}", out.empty() ? "" : " + ", kc.count, short_mixer_label(kc.kind));
  const auto& ffn = view.facts.ffn_mix;
  std::string ffn_text;
  for (const KindCount& kc : ffn)
    if (kc.kind == "moe") ffn_text = fmt::format("; {} MoE FFN", kc.count);
  return out + ffn_text;
}

namespace {

// The index query with one compare slot set to `slug` (the other slot and the filters kept).
std::string compare_href(const GalleryQuery& query, const char* slot, const std::string& slug) {
  QueryParams params;
  for (const auto& [name, value] : query.canonical)
    if (name != slot) params.emplace_back(name, value);
  params.emplace_back(slot, slug);
  return "/" + query_string(params) + "#compare";
}

}  // namespace

std::string model_card(const GalleryItem& item, bool link, const GalleryQuery* compare) {
  const ModelView& v = item.view;
  const CatalogEntry* e = v.entry;
  const std::string href = site::link_to(site::route("model"), {url_encode(v.slug)});
  const std::string title_id = "card-" + escape(v.slug);
  std::string title = link ? fmt::format("<a href=\"{}\">{}</a>", href, escape(v.name)) : escape(v.name);
  std::string meta;
  if (e) meta = fmt::format("{} · <time datetime=\"{}\">{}</time>", escape(e->vendor), escape(e->release_date),
                            escape(e->release_date));
  // Compare A / Compare B: plain links (the page works without script); cards.js updates them in place.
  std::string actions;
  if (compare && link) {
    auto action = [&](const char* slot, const std::string& chosen) {
      const bool here = chosen == v.slug;
      return fmt::format("<a class=\"cmp cmp-{0}\" data-slot=\"{0}\" href=\"{1}\"{2}>Compare {3}<span class=\"vh\"> "
                         "with {4}</span></a>",
                         slot, escape(compare_href(*compare, slot, v.slug)), here ? " aria-current=\"true\"" : "",
                         slot[0] == 'a' ? "A" : "B", escape(v.name));
    };
    actions = fmt::format("<p class=\"compare-actions\">{}{}</p>", action("a", compare->compare_a),
                          action("b", compare->compare_b));
  }
  if (!v.model) {
    return fmt::format(
        "<article class=\"card unknown\" data-slug=\"{}\" aria-labelledby=\"{}\"><h2 id=\"{}\">{}</h2><p class=\"meta\">{}</p>{}"
        "<p class=\"why\"><strong>Architecture unknown:</strong> {}</p><details class=\"why\"><summary>Details</summary>{}</details>"
        "<dl><dt>License</dt><dd>{}</dd></dl>{}</article>",
        escape(v.slug), title_id, title_id, title, meta, decoder_badge(v), escape(e ? e->unknown_short : "no configuration"),
        escape(e ? e->unknown_reason : ""), e ? license_html(e->license) : "", actions);
  }
  const Facts& f = v.facts;
  // The figure: the card diagram at full card width; for a catalog model it links to the full diagram,
  // which cards.js shows in a zoom dialog.
  std::string figure;
  if (!item.thumbnail_svg.empty()) {
    const std::string diagram = site::link_to(site::route("diagram"), {url_encode(v.slug)});
    figure = link ? fmt::format("<a class=\"figure\" href=\"{}\" data-zoom=\"{}\" data-name=\"{}\">"
                                "<span class=\"vh\">Enlarge the architecture diagram of {}</span>"
                                "<span aria-hidden=\"true\">{}</span></a>",
                                diagram, diagram, escape(v.name), escape(v.name), item.thumbnail_svg)
                  : fmt::format("<div class=\"figure\">{}</div>", item.thumbnail_svg);
  }
  const std::string chips = concept_chips(v);  // related concepts (render/html/concepts.h)
  return fmt::format(
      "<article class=\"card\" data-slug=\"{}\" aria-labelledby=\"{}\"><h2 id=\"{}\">{}</h2>"
      "<p class=\"meta\">{} {}</p><p class=\"key-detail\">{}</p>{}{}<dl>"
      "<dt>Attention</dt><dd>{}</dd>"
      "<dt>Layers</dt><dd>{} · {}</dd>"
      "<dt>Parameters</dt><dd>{}</dd>"
      "<dt>KV per token</dt><dd>{}</dd>"
      "<dt>Context</dt><dd>{}</dd>"
      "<dt>License</dt><dd>{}</dd></dl>{}</article>",
      escape(v.slug), title_id, title_id, title, meta, decoder_badge(v), escape(item.key_detail), figure, chips,
      escape(f.attention_summary), f.layers, escape(layer_mix_text(v)), params_text(v), kv_text(v),
      human_tokens(f.context_length), e ? license_html(e->license) : "—", actions);
}

std::string compare_bar(const Gallery& gallery, const GalleryQuery& query) {
  auto slot = [&](const char* key, const char* label, const std::string& slug) {
    const GalleryItem* item = slug.empty() ? nullptr : gallery.find(slug);
    std::string value = slug.empty() ? "<span class=\"empty-slot\">empty — choose “Compare " + std::string(label) +
                                           "” on a card</span>"
                        : item       ? fmt::format("<a href=\"/models/{}\">{}</a>", url_encode(slug), escape(item->view.name))
                                     : fmt::format("<span class=\"empty-slot\">{} is not in the catalog</span>", escape(slug));
    return fmt::format("<span class=\"slot\" data-slot=\"{}\" data-slug=\"{}\"><span class=\"slot-label\">{}</span> {}</span>",
                       key, item ? escape(slug) : "", label, value);
  };
  const bool both = gallery.find(query.compare_a) && gallery.find(query.compare_b);
  QueryParams rest;
  for (const auto& [name, value] : query.canonical)
    if (name != "a" && name != "b") rest.emplace_back(name, value);
  const std::string go =
      both ? fmt::format("<a class=\"button go\" href=\"{}\">Compare A with B</a>",
                         site::link_to(site::route("diff"), {url_encode(query.compare_a), url_encode(query.compare_b)}))
           : "<span class=\"button go\" aria-disabled=\"true\">Compare A with B</span>";
  return fmt::format(
      "<section class=\"compare-bar\" id=\"compare\" aria-label=\"Compare two models\">{}{}{}"
      "<a class=\"clear\" href=\"/{}\"{}>Clear</a></section>",
      slot("a", "A", query.compare_a), slot("b", "B", query.compare_b), go, escape(query_string(rest)),
      query.compare_a.empty() && query.compare_b.empty() ? " hidden" : "");
}

namespace {

// ignore_case: `selected` holds lower-case values (the attention filter, site/query.h).
std::string options_html(const std::vector<std::pair<std::string, std::string>>& options,
                         const std::set<std::string>& selected, bool ignore_case = false) {
  std::string out = "<option value=\"\">any</option>";
  for (const auto& [value, label] : options)
    out += fmt::format("<option value=\"{}\"{}>{}</option>", escape(value),
                       selected.contains(ignore_case ? lower(value) : value) ? " selected" : "", escape(label));
  return out;
}

// The compare slots ride along when the filter form is submitted.
std::string compare_inputs(const GalleryQuery& q) {
  std::string out;
  if (!q.compare_a.empty()) out += fmt::format("<input type=\"hidden\" name=\"a\" value=\"{}\">", escape(q.compare_a));
  if (!q.compare_b.empty()) out += fmt::format("<input type=\"hidden\" name=\"b\" value=\"{}\">", escape(q.compare_b));
  return out;
}

// Figures / table: links to the same query in the other view (the form's View select does the same).
std::string view_toggle(const GalleryQuery& q) {
  QueryParams cards, table;
  for (const auto& [name, value] : q.canonical)
    if (name != "view") {
      cards.emplace_back(name, value);
      table.emplace_back(name, value);
    }
  table.emplace_back("view", "compact");
  return fmt::format("<nav class=\"view-toggle\" aria-label=\"View\"><a href=\"/{}\"{}>Figures</a>"
                     "<a href=\"/{}\"{}>Table</a></nav>",
                     escape(query_string(cards)), q.compact ? "" : " aria-current=\"page\"", escape(query_string(table)),
                     q.compact ? " aria-current=\"page\"" : "");
}

std::string filter_form(const Gallery& g, const GalleryQuery& q) {
  std::vector<std::pair<std::string, std::string>> types, attention, vendors, licenses;
  for (DecoderType t : {DecoderType::Dense, DecoderType::SparseMoE, DecoderType::Hybrid, DecoderType::Recurrent})
    types.emplace_back(std::string(decoder_type_key(t)), std::string(decoder_type_label(t)));
  std::set<std::string> seen_attention, seen_vendor, seen_license;
  for (const GalleryItem& item : g.items) {
    for (const std::string& k : item.attention_kinds) seen_attention.insert(k);
    if (item.view.entry && !item.view.entry->vendor.empty()) seen_vendor.insert(item.view.entry->vendor);
    seen_license.insert(item.license_group);
  }
  for (const std::string& k : seen_attention) attention.emplace_back(k, short_mixer_label(k));
  for (const std::string& v : seen_vendor) vendors.emplace_back(v, v);
  for (const std::string& l : seen_license) licenses.emplace_back(l, l);
  std::string sort_options;
  for (const SortKey& k : sort_keys())
    sort_options += fmt::format("<option value=\"{}\"{}>{}</option>", k.key, q.sort == k.key ? " selected" : "", k.label);
  auto value_of = [&](const char* name) {
    for (const auto& [n, v] : q.canonical)
      if (n == name) return escape(v);
    return std::string();
  };
  return fmt::format(
      "<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\" data-autosubmit>"
      "<div class=\"field wide\"><label for=\"q\">Search</label><input type=\"search\" id=\"q\" name=\"q\" value=\"{}\" "
      "placeholder=\"name, vendor, attention, family…\"></div>"
      "<div class=\"field\"><label for=\"sort\">Sort by</label><select id=\"sort\" name=\"sort\">{}</select></div>"
      "<details class=\"more-filters\" open><summary>Order, filters and view</summary><div class=\"more-fields\">"
      "<div class=\"field\"><label for=\"order\">Order</label><select id=\"order\" name=\"order\">"
      "<option value=\"desc\"{}>descending</option><option value=\"asc\"{}>ascending</option></select></div>"
      "<div class=\"field\"><label for=\"type\">Decoder</label><select id=\"type\" name=\"type\">{}</select></div>"
      "<div class=\"field\"><label for=\"attn\">Attention / mixer</label><select id=\"attn\" name=\"attn\">{}</select></div>"
      "<div class=\"field\"><label for=\"vendor\">Vendor</label><select id=\"vendor\" name=\"vendor\">{}</select></div>"
      "<div class=\"field\"><label for=\"license\">License</label><select id=\"license\" name=\"license\">{}</select></div>"
      "<div class=\"field\"><label for=\"from\">Released from</label><input id=\"from\" name=\"from\" value=\"{}\" "
      "placeholder=\"2025-01\" pattern=\"\\d{{4}}(-\\d{{2}}){{0,2}}\" size=\"10\"></div>"
      "<div class=\"field\"><label for=\"to\">to</label><input id=\"to\" name=\"to\" value=\"{}\" placeholder=\"2026\" "
      "pattern=\"\\d{{4}}(-\\d{{2}}){{0,2}}\" size=\"10\"></div>"
      "<div class=\"field\"><label for=\"min\">Total params from</label><input id=\"min\" name=\"min\" value=\"{}\" "
      "placeholder=\"1B\" size=\"6\"></div>"
      "<div class=\"field\"><label for=\"max\">to</label><input id=\"max\" name=\"max\" value=\"{}\" placeholder=\"100B\" "
      "size=\"6\"></div>"
      "<div class=\"field\"><label for=\"view\">View</label><select id=\"view\" name=\"view\">"
      "<option value=\"cards\"{}>figure cards</option><option value=\"compact\"{}>compact table</option></select></div>"
      "</div></details>"
      "<div class=\"actions\">{}<button type=\"submit\">Apply</button> <a href=\"/\">Reset</a></div>"
      "</form>",
      escape(q.text), sort_options, q.descending ? " selected" : "", q.descending ? "" : " selected",
      options_html(types, q.types), options_html(attention, q.attention, true), options_html(vendors, q.vendors),
      options_html(licenses, q.licenses), value_of("from"), value_of("to"), value_of("min"), value_of("max"),
      q.compact ? "" : " selected", q.compact ? " selected" : "", compare_inputs(q));
}

std::string compact_table(const std::vector<const GalleryItem*>& items) {
  std::string rows;
  for (const GalleryItem* item : items) {
    const ModelView& v = item->view;
    const CatalogEntry* e = v.entry;
    const std::string score = e && e->benchmark_score ? fmt::format("{:g}", *e->benchmark_score) : "—";
    if (!v.model) {
      rows += fmt::format(
          "<tr data-slug=\"{}\"><th scope=\"row\"><a href=\"/models/{}\">{}</a></th><td>{}</td><td>{}</td>"
          "<td colspan=\"6\">unknown: {}</td><td class=\"num\">{}</td></tr>",
          escape(v.slug), url_encode(v.slug), escape(v.name), escape(e ? e->vendor : ""),
          escape(e ? e->release_date : ""), escape(e ? e->unknown_short : ""), score);
      continue;
    }
    const Facts& f = v.facts;
    rows += fmt::format(
        "<tr data-slug=\"{}\"><th scope=\"row\"><a href=\"/models/{}\">{}</a></th><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
        escape(v.slug), url_encode(v.slug), escape(v.name), escape(e ? e->vendor : ""), escape(e ? e->release_date : ""),
        decoder_badge(v), escape(f.attention_summary), human_count(f.params.total), human_count(f.params.active),
        kv_text(v), human_tokens(f.context_length), f.layers, score);
  }
  return fmt::format(
      "<div class=\"table-wrap\"><table class=\"compact\"><thead><tr><th scope=\"col\">Model</th><th scope=\"col\">Vendor</th>"
      "<th scope=\"col\">Released</th><th scope=\"col\">Decoder</th><th scope=\"col\">Attention</th>"
      "<th scope=\"col\">Total</th><th scope=\"col\">Active</th><th scope=\"col\">KV / token</th>"
      "<th scope=\"col\">Context</th><th scope=\"col\">Layers</th><th scope=\"col\">Score</th></tr></thead>"
      "<tbody>{}</tbody></table></div>",
      rows);
}

}  // namespace

namespace {

// The zoom dialog (native <dialog>, opened by cards.js) and the card page's own stylesheet and script.
std::string zoom_dialog() {
  return "<dialog class=\"zoom\" id=\"zoom-dialog\" aria-labelledby=\"zoom-title\"><div class=\"zoom-head\">"
         "<h2 id=\"zoom-title\">Diagram</h2><a class=\"zoom-open\" href=\"#\">Model page</a>"
         "<button type=\"button\" class=\"zoom-close\" autofocus>Close</button></div>"
         "<div class=\"zoom-body\"><img alt=\"\" decoding=\"async\"></div></dialog>";
}

// The stylesheet comes first in the body (so nothing renders unstyled), the script last.
std::string card_stylesheet() { return "<link rel=\"stylesheet\" href=\"/assets/cards.css\">"; }
std::string card_script() {
  return "<script src=\"/assets/cards.js\" defer></script>";
}

}  // namespace

std::string index_page(const Gallery& gallery, const GalleryQuery& query) {
  const auto items = select_items(gallery, query);
  std::string list;
  if (query.compact) {
    list = compact_table(items);
  } else {
    list = "<div class=\"cards\">";
    for (const GalleryItem* item : items) list += model_card(*item, true, &query);
    list += "</div>";
  }
  if (items.empty()) list = "<p class=\"empty\">No model matches these filters. <a href=\"/\">Show all</a>.</p>";
  std::string bands;
  for (const KvBandInfo& b : kv_bands()) {
    if (b.band == KvBand::NoCache) {
      bands += "<li><span class=\"band band-no-cache\">no cache</span> 0 B</li>";
      continue;
    }
    bands += fmt::format("<li><span class=\"band band-{}\">{}</span> {}</li>", b.key, b.label,
                         b.max_bytes < 0 ? "&gt; " + human_bytes(kv_bands()[kv_bands().size() - 2].max_bytes)
                                         : "≤ " + human_bytes(b.max_bytes));
  }
  const std::string body = fmt::format(
      "{}<h1>Open LLM architectures</h1>"
      "<p class=\"lede\">{} models, every fact computed from the model's own configuration. "
      "Pick any two with Compare A and Compare B, or <a href=\"/inspect\">inspect your own config.json</a>.</p>"
      "{}<div class=\"index-bar\"><p class=\"count\" id=\"count\" aria-live=\"polite\">Showing {} of {} models</p>{}</div>"
      "{}{}"
      "<details class=\"legend\"><summary>KV cache bands (bytes per token, bf16, every caching layer counted in "
      "full)</summary><ul class=\"bands\">{}</ul></details>{}",
      card_stylesheet(), gallery.items.size(), filter_form(gallery, query), items.size(), gallery.items.size(), view_toggle(query),
      query.compact ? "" : compare_bar(gallery, query), list, bands, (query.compact ? "" : zoom_dialog()) + card_script());
  return page({"llmgallery — open LLM architectures", "An architecture gallery of open LLMs, every fact derived from the configs.",
               Nav::Gallery},
              body);
}

}  // namespace llmg::html
