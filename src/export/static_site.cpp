#include "export/static_site.h"
#include "site/base_url.h"

#include <fstream>
#include <stdexcept>
#include <algorithm>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/changes.h"
#include "analysis/compare.h"
#include "catalog/embedded.h"
#include "render/svg/diagram.h"
#include "render/html/concepts.h"
#include "render/html/gallery.h"
#include "render/html/model_page.h"
#include "render/html/views.h"
#include "render/text/json.h"
#include "site/routes.h"

namespace llmg::site {

namespace {

// The files of the index and of the in-browser diff of any pair (the route table's export files).
const std::string_view kIndex = route("index").export_file;
const std::string_view kClientDiff = route("diff_form").export_file;

std::string pair_key(std::string_view a, std::string_view b) { return fmt::format("{}/{}", a, b); }


}  // namespace

namespace {

// "../" once per folder of the page's path: the way from the page back to the site root.
std::string root_prefix(std::string_view page_path) {
  std::string prefix;
  for (char c : page_path)
    if (c == '/') prefix += "../";
  return prefix;
}

// Every root-relative link of a document: visit(offset of the value, length of the value). A plain scan
// for `="/` preceded by one of the link attributes (a regex over megabytes of pages is far slower).
template <class Visit>
void for_each_root_link(std::string_view document, Visit visit) {
  static constexpr std::string_view kAttributes[] = {" href", " src", " action", " xlink:href"};
  std::size_t pos = 0;
  while ((pos = document.find("=\"/", pos)) != std::string_view::npos) {
    const std::string_view before = document.substr(0, pos);
    const bool is_link = std::any_of(std::begin(kAttributes), std::end(kAttributes),
                                     [&](std::string_view name) { return before.ends_with(name); });
    const std::size_t value = pos + 2;
    const std::size_t end = document.find('"', value);
    if (end == std::string_view::npos) return;
    if (is_link) visit(value, end - value);
    pos = end;
  }
}

}  // namespace

std::string relative_links(std::string_view document, std::string_view page_path,
                           const std::set<std::string>& rendered_pairs) {
  const std::string prefix = root_prefix(page_path);
  std::string out;
  out.reserve(document.size() + document.size() / 16);
  std::size_t copied = 0;
  for_each_root_link(document, [&](std::size_t offset, std::size_t length) {
    const std::string_view url = document.substr(offset, length);
    if (url.starts_with("//")) return;  // protocol-relative: not ours
    auto mapped = static_path_of(url, rendered_pairs);
    if (!mapped) return;  // left as written; the export's link check reports it
    out.append(document.substr(copied, offset - copied));
    out += prefix + *mapped;
    copied = offset + length;
  });
  out.append(document.substr(copied));
  return out;
}

namespace {

// Per model, what the browser needs to sort and filter the index and to diff any two models: the same
// values the server's select_items and diff page use, computed here once.
nlohmann::json site_data(const html::Gallery& gallery, const std::set<std::string>& rendered_pairs) {
  nlohmann::json models = nlohmann::json::object();
  for (const html::GalleryItem& item : gallery.items) {
    const ModelView& v = item.view;
    nlohmann::json m;
    m["name"] = v.name;
    m["known"] = v.model != nullptr;
    m["vendor"] = v.entry ? v.entry->vendor : "";
    m["date"] = v.entry ? v.entry->release_date : "";
    m["license"] = item.license_group;
    m["search"] = item.search_text;
    m["attn"] = item.attention_kinds;
    if (v.model) {
      m["type"] = decoder_type_key(v.facts.decoder_type);
      m["total"] = v.facts.params.total;
      nlohmann::json mixers = nlohmann::json::array(), ffns = nlohmann::json::array();
      for (const Layer& layer : v.model->layers) {
        mixers.push_back(layer_mixer_key(layer));
        ffns.push_back(ffn_kind_key(layer.ffn.kind));
      }
      m["mixers"] = std::move(mixers);
      m["ffns"] = std::move(ffns);
    }
    nlohmann::json rows = nlohmann::json::array();
    for (const FactRow& row : fact_rows(v))
      rows.push_back({row.key, row.label, row.text, row.number ? nlohmann::json(*row.number) : nlohmann::json()});
    m["rows"] = std::move(rows);
    models[v.slug] = std::move(m);
  }
  // Orders for every sort key, both directions, as the server sorts (unknown architectures last).
  nlohmann::json orders = nlohmann::json::object();
  for (const html::SortKey& key : html::sort_keys()) {
    for (const char* order : {"asc", "desc"}) {
      auto query = html::parse_gallery_query({{"sort", key.key}, {"order", order}});
      if (!query) continue;
      nlohmann::json slugs = nlohmann::json::array();
      for (const html::GalleryItem* item : html::select_items(gallery, *query)) slugs.push_back(item->view.slug);
      orders[fmt::format("{}-{}", key.key, order)] = std::move(slugs);
    }
  }
  nlohmann::json defaults = nlohmann::json::object();
  for (const html::SortKey& key : html::sort_keys()) defaults[key.key] = key.descending_by_default ? "desc" : "asc";
  nlohmann::json colours = nlohmann::json::object();
  for (const html::GalleryItem& item : gallery.items)
    if (item.view.model)
      for (const Layer& layer : item.view.model->layers) {
        colours[layer_mixer_key(layer)] = layer_kind_colour(layer_mixer_key(layer));
        colours[std::string(ffn_kind_key(layer.ffn.kind))] = layer_kind_colour(ffn_kind_key(layer.ffn.kind));
      }
  return {{"models", std::move(models)},
          {"orders", std::move(orders)},
          {"defaults", std::move(defaults)},
          {"pairs", rendered_pairs},
          {"colours", std::move(colours)}};
}

// The generated one-paragraph summary for every ordered pair of known models, looked up by the in-browser
// diff ("a/b" -> text). Kept out of site-data.js so that only the diff page loads it.
nlohmann::json pair_summaries(const html::Gallery& gallery) {
  nlohmann::json out = nlohmann::json::object();
  for (const html::GalleryItem& a : gallery.items)
    for (const html::GalleryItem& b : gallery.items)
      if (&a != &b && a.view.model && b.view.model)
        out[pair_key(a.view.slug, b.view.slug)] = changes_summary(a.view.name, a.view.model, a.view.facts, b.view.name,
                                                              b.view.model, b.view.facts);
  return out;
}

std::string client_diff_page(const html::Gallery& gallery) {
  const std::string first = gallery.items.empty() ? "" : gallery.items.front().view.slug;
  const std::string body = fmt::format(
      "<h1>Compare two models</h1>"
      "<form class=\"compare\" method=\"get\" action=\"/diff\"><label for=\"diff-a\">A</label> {} "
      "<label for=\"diff-b\">B</label> {} <button type=\"submit\">Compare</button></form>"
      "<div id=\"client-diff\" aria-live=\"polite\"></div>"
      "<noscript><p>This exported gallery compares two models in the browser: enable JavaScript, or run "
      "<code>llmgallery serve</code> or <code>llmgallery diff A B</code>.</p></noscript>"
      "<script src=\"/assets/diff-summaries.js\" defer></script>",
      html::model_select(gallery, "a", "diff-a", first, ""), html::model_select(gallery, "b", "diff-b", "", ""));
  return html::page({"Compare two models — llmgallery", "Any two models of the gallery side by side.", html::Nav::None},
                    body);
}

std::string static_inspect_page() {
  return html::page(
      {"Inspect a config — llmgallery", "Inspect a config.json with llmgallery.", html::Nav::Inspect},
      "<h1>Inspect a config</h1><p>This is the exported, static gallery: it cannot read a file you upload. "
      "Run <code>llmgallery inspect path/to/config.json</code> for the fact sheet in a terminal, or "
      "<code>llmgallery serve</code> and open its <em>Inspect a config</em> page for a card and a diff against any "
      "catalog model.</p>");
}

// Marks an exported page as static (static.js reads the way back to the site root from data-static) and
// loads the browser-side helpers after the page's own script.
std::string mark_static(std::string document, std::string_view page_path) {
  const std::string prefix = root_prefix(page_path);
  if (auto html_tag = document.find("<html"); html_tag != std::string::npos)
    document.insert(html_tag + 5, fmt::format(" data-static=\"{}\"", prefix));
  if (auto head_end = document.find("</head>"); head_end != std::string::npos)
    document.insert(head_end, fmt::format("<script src=\"{0}assets/site-data.js\" defer></script>"
                                          "<script src=\"{0}assets/static.js\" defer></script>\n",
                                          prefix));
  return document;
}

}  // namespace

SiteFiles build_site(const Catalog& catalog) {
  const html::Gallery gallery = html::build_gallery(catalog);
  // A changelog the catalog could not read is the binary's own data gone wrong: an internal error.
  if (!catalog.changes()) throw std::runtime_error(catalog.changes().error().message);
  const std::vector<Change>& changes = *catalog.changes();
  const html::MemorySettings memory = *html::parse_memory_settings({});

  SiteFiles pages;  // server-relative documents, links not yet rewritten
  pages[std::string(kIndex)] = html::index_page(gallery, *html::parse_gallery_query({}));
  pages["index-compact.html"] = html::index_page(gallery, *html::parse_gallery_query({{"view", "compact"}}));
  pages["timeline.html"] = html::timeline_page(gallery, "kv");
  pages["timeline-active.html"] = html::timeline_page(gallery, "active");
  pages["tree.html"] = html::tree_page(gallery);
  pages["changelog.html"] = html::changelog_page(gallery, changes);
  // With a public base URL (build --base-url) the feed's links and ids are absolute URLs of the exported
  // files; without one they stay root-relative here and become relative to feed.xml below.
  pages["feed.xml"] = html::atom_feed(gallery, changes,
                                      {public_base_url(), [](std::string_view path) {
                                         return static_path_of(path, {}).value_or(std::string(path));
                                       }});
  pages["inspect.html"] = static_inspect_page();
  pages[std::string(kClientDiff)] = client_diff_page(gallery);
  pages["concepts/index.html"] = html::concepts_index_page(gallery);
  for (const Concept& c : concepts()) pages[fmt::format("concepts/{}.html", c.name)] = html::concept_page(gallery, c);
  for (const html::StatsPage& s : html::stats_pages())
    pages[fmt::format("stats/{}.html", s.name)] = *html::stats_page(gallery, s.name);
  for (const html::GalleryItem& item : gallery.items)
    pages[fmt::format("models/{}.html", item.view.slug)] = html::model_page(gallery, item, memory);

  // Pre-render the pairs that matter most, each model against the model it derives from (the catalog's
  // lineage); every other pair a page links to goes to the in-browser diff.
  std::set<std::string> pairs;
  for (const html::GalleryItem& item : gallery.items)
    if (item.view.entry && !item.view.entry->parent.empty() && gallery.find(item.view.entry->parent))
      pairs.insert(pair_key(item.view.entry->parent, item.view.slug));
  SiteFiles files;
  for (const std::string& pair : pairs) {
    const auto slash = pair.find('/');
    const html::GalleryItem* a = gallery.find(pair.substr(0, slash));
    const html::GalleryItem* b = gallery.find(pair.substr(slash + 1));
    if (!a || !b) continue;
    pages[fmt::format("diff/{}.html", pair)] = html::diff_page(gallery, *a, *b, memory);
    files[fmt::format("api/diff/{}.json", pair)] = json_text(diff_json(a->view, b->view), 2);
  }

  for (auto& [path, document] : pages) {
    std::string linked = relative_links(document, path, pairs);
    files[path] = path.ends_with(".html") ? mark_static(std::move(linked), path) : std::move(linked);
  }
  nlohmann::json list = nlohmann::json::array();
  for (const html::GalleryItem& item : gallery.items) {
    list.push_back(list_item_json(item.view));
    files[fmt::format("api/models/{}.json", item.view.slug)] = json_text(model_json(item.view), 2);
    if (item.view.model) files[fmt::format("diagrams/{}.svg", item.view.slug)] = diagram_svg(item.view);
  }
  files["api/models.json"] = json_text(list, 2);
  for (const embedded::File& asset : embedded::asset_files()) files["assets/" + std::string(asset.path)] = asset.data;
  // Data for static.js, as scripts (a page opened from file:// may not fetch() files beside it).
  files["assets/site-data.js"] = "window.LLMG_SITE = " + json_text(site_data(gallery, pairs)) + ";\n";
  files["assets/diff-summaries.js"] = "window.LLMG_SUMMARIES = " + json_text(pair_summaries(gallery)) + ";\n";
  return files;
}

ExportSummary summarize(const SiteFiles& files) {
  ExportSummary summary;
  for (const auto& [path, data] : files) {
    ++summary.files;
    summary.bytes += data.size();
    if (path.starts_with("models/")) ++summary.model_pages;
    if (path.starts_with("diff/")) ++summary.diff_pages;
  }
  return summary;
}

Result<ExportSummary> write_site(const SiteFiles& files, const std::filesystem::path& out) {
  std::error_code ec;
  for (const auto& [path, data] : files) {
    const std::filesystem::path target = out / path;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) return bad_input(fmt::format("{}: cannot create the folder: {}", target.parent_path().string(), ec.message()));
    std::ofstream stream(target, std::ios::binary | std::ios::trunc);
    stream.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!stream) return bad_input(fmt::format("{}: cannot write the file", target.string()));
  }
  return summarize(files);
}

}  // namespace llmg::site
