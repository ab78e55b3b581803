#include "render/html/model_page.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/changes.h"
#include "site/routes.h"
#include "render/html/concepts.h"
#include "analysis/compare.h"
#include "render/svg/diagram.h"
#include "base/units.h"
#include "render/text/json.h"

namespace llmg::html {

namespace {

std::string model_link(const ModelView& v) {
  if (!v.entry) return escape(v.name);
  return fmt::format("<a href=\"{}\">{}</a>", site::link_to(site::route("model"), {url_encode(v.slug)}), escape(v.name));
}

std::string links_list(const CatalogEntry& e) {
  struct Link {
    const std::string& url;
    const char* label;
  };
  const Link links[] = {{e.config_url, "config.json"},
                        {e.tech_report_url, "technical report"},
                        {e.article_url, "architecture article"},
                        {e.from_scratch_url, "from-scratch code"}};
  std::string out;
  for (const Link& l : links)
    if (!l.url.empty())
      out += fmt::format("<li><a href=\"{}\" rel=\"noopener\">{}</a></li>", escape(l.url), l.label);
  if (!e.hf_repo.empty())
    out += fmt::format("<li><a href=\"https://huggingface.co/{}\" rel=\"noopener\">Hugging Face: {}</a></li>",
                       escape(e.hf_repo), escape(e.hf_repo));
  return out.empty() ? "<li>none listed</li>" : out;
}

}  // namespace

std::string model_select(const Gallery& gallery, const std::string& name, const std::string& id,
                         const std::string& selected, const std::string& exclude) {
  std::vector<const GalleryItem*> sorted;
  for (const GalleryItem& item : gallery.items)
    if (item.view.slug != exclude) sorted.push_back(&item);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const GalleryItem* a, const GalleryItem* b) { return a->view.name < b->view.name; });
  std::string options;
  for (const GalleryItem* item : sorted)
    options += fmt::format("<option value=\"{}\"{}>{}</option>", escape(item->view.slug),
                           item->view.slug == selected ? " selected" : "", escape(item->view.name));
  return fmt::format("<select name=\"{}\" id=\"{}\" required>{}</select>", escape(name), escape(id), options);
}

std::string fact_table(const ModelView& view) {
  std::string rows;
  for (const FactRow& row : fact_rows(view))
    rows += fmt::format("<tr id=\"fact-{}\"><th scope=\"row\">{}</th><td>{}</td><td class=\"source\"><code>{}</code></td></tr>",
                        escape(row.key), escape(row.label), escape(row.text), escape(row.source));
  return fmt::format("<div class=\"table-wrap\"><table class=\"facts\"><thead><tr><th scope=\"col\">Fact</th>"
                     "<th scope=\"col\">Value</th><th scope=\"col\">From (config key or convention)</th></tr></thead>"
                     "<tbody>{}</tbody></table></div>",
                     rows);
}

std::string model_page(const Gallery& gallery, const GalleryItem& item, const MemorySettings& memory) {
  const ModelView& v = item.view;
  const CatalogEntry* e = v.entry;
  std::string lineage;
  if (e) {
    std::string parent = "none in the catalog";
    if (!e->parent.empty()) {
      const GalleryItem* p = gallery.find(e->parent);
      parent = p ? model_link(p->view) : escape(e->parent);
    }
    std::string children;
    for (const GalleryItem& other : gallery.items)
      if (other.view.entry && other.view.entry->parent == v.slug)
        children += (children.empty() ? "" : ", ") + model_link(other.view);
    lineage = fmt::format("<dl class=\"lineage\"><dt>Parent</dt><dd>{}</dd><dt>Children</dt><dd>{}</dd></dl>"
                          "<p><a href=\"/tree#{}\">Show in the family tree</a></p>",
                          parent, children.empty() ? "none in the catalog" : children, escape(v.slug));
  }
  std::string neighbours = "<p>Architecture unknown: no similarity.</p>";
  std::string nearest;
  if (v.model) {
    std::vector<const Facts*> candidates;
    std::size_t self = 0;
    for (std::size_t i = 0; i < gallery.items.size(); ++i) {
      const GalleryItem& other = gallery.items[i];
      candidates.push_back(other.view.model ? &other.view.facts : nullptr);
      if (&other == &item) self = i;
    }
    neighbours = "<ol class=\"neighbours\">";
    for (const Neighbour& n : closest_architectures(v.facts, candidates, self, 5)) {
      const ModelView& o = gallery.items[n.index].view;
      if (nearest.empty()) nearest = o.slug;
      neighbours += fmt::format("<li>{} <span class=\"muted\">distance {:.2f}</span> · <a href=\"/diff/{}/{}\">diff</a></li>",
                                model_link(o), n.distance, url_encode(v.slug), url_encode(o.slug));
    }
    neighbours += "</ol><p class=\"muted\">Distance over the facts: orders of magnitude of total and active "
                  "parameters, KV per token and context; the share of each layer kind and of MoE layers; decoder "
                  "type; depth (defined in src/analysis/compare.h).</p>";
  }
  std::string diagram = "<p class=\"why\">No diagram: the architecture is unknown.</p>";
  if (v.model)
    diagram = fmt::format(
        "<figure class=\"diagram zoomable\" id=\"diagram\"><div class=\"zoom-controls\" hidden>"
        "<button type=\"button\" data-zoom=\"in\" aria-label=\"Zoom in\">+</button>"
        "<button type=\"button\" data-zoom=\"out\" aria-label=\"Zoom out\">−</button>"
        "<button type=\"button\" data-zoom=\"reset\">Reset</button></div>"
        "<div class=\"zoom-area\" tabindex=\"0\" aria-label=\"Architecture diagram of {}\">{}</div>"
        "<figcaption><a href=\"/diagrams/{}.svg\">Open the diagram alone</a> (SVG)</figcaption></figure>",
        escape(v.name), diagram_svg(v), url_encode(v.slug));
  std::string header = fmt::format("<p class=\"meta\">{} · released <time datetime=\"{}\">{}</time> {} · license {}</p>",
                                   e ? escape(e->vendor) : "", e ? escape(e->release_date) : "",
                                   e ? escape(e->release_date) : "", decoder_badge(v), e ? license_html(e->license) : "");
  std::string summary;
  if (v.model)
    summary = fmt::format("<ul class=\"keyfacts\"><li><strong>{}</strong></li><li>{}</li><li>{} layers: {}</li>"
                          "<li>KV per token {}</li><li>context {}</li></ul>",
                          escape(v.facts.attention_summary), params_text(v), v.facts.layers, escape(layer_mix_text(v)),
                          kv_text(v), human_tokens(v.facts.context_length)) +
              concept_chips(v);
  else if (e)
    summary = fmt::format("<p class=\"why\"><strong>Architecture unknown:</strong> {}</p>{}", escape(e->unknown_reason),
                          e->config_note.empty() ? std::string()
                                                 : fmt::format("<details class=\"provenance\"><summary>Provenance "
                                                               "notes</summary><p>{}</p></details>",
                                                               escape(e->config_note)));
  const std::string self_path = site::link_to(site::route("model"), {url_encode(v.slug)});
  std::string body = fmt::format(
      "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/\">Gallery</a> › {}</nav>"
      "<h1>{}</h1>{}<p class=\"description\">{}</p>{}"
      "<form class=\"compare\" method=\"get\" action=\"/diff\"><input type=\"hidden\" name=\"a\" value=\"{}\">"
      "<label for=\"compare-b\">Compare with</label> {} <button type=\"submit\">Diff</button></form>"
      "{}"
      "<section aria-labelledby=\"facts-h\"><h2 id=\"facts-h\">Fact sheet</h2>{}</section>"
      "<div class=\"two\"><section aria-labelledby=\"links-h\"><h2 id=\"links-h\">Links</h2><ul>{}</ul>"
      "<p><a href=\"/api/models/{}\">This model as JSON</a></p></section>"
      "<section aria-labelledby=\"lineage-h\"><h2 id=\"lineage-h\">Lineage</h2>{}</section></div>"
      "<section aria-labelledby=\"near-h\"><h2 id=\"near-h\">Closest architectures</h2>{}</section>{}",
      escape(v.name), escape(v.name), header, e ? escape(e->description) : "", summary, escape(v.slug),
      model_select(gallery, "b", "compare-b", nearest, v.slug), diagram, fact_table(v), e ? links_list(*e) : "",
      url_encode(v.slug), lineage, neighbours, v.model ? memory_section({&v}, memory, self_path) : "");
  return page({v.name + " — llmgallery", e ? e->description : v.name, Nav::Gallery}, body);
}

std::string aligned_strips_svg(const ModelView& a, const ModelView& b) {
  const std::size_t la = a.model ? a.model->layers.size() : 0, lb = b.model ? b.model->layers.size() : 0;
  const std::size_t n = std::max(la, lb);
  if (n == 0) return "";
  constexpr int kCell = 12, kLabel = 150, kRow = 18, kTop = 16;
  const int width = kLabel + int(n) * kCell + 10;
  const int height = kTop + 2 * (2 * kRow) + 24;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"strips\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
      "role=\"img\" aria-label=\"Layer strips of {} and {}, aligned by layer index\">",
      width, height, width, height, escape(a.name), escape(b.name));
  for (std::size_t i = 0; i < n; i += (n > 64 ? 8 : 4))
    svg += fmt::format("<text class=\"chart-fg\" x=\"{}\" y=\"11\" font-size=\"9\">{}</text>", kLabel + int(i) * kCell, i);
  auto row = [&](const ModelView& v, int y) {
    svg += fmt::format("<text class=\"chart-fg\" x=\"0\" y=\"{}\" font-size=\"11\">{}</text>", y + 12,
                       escape(v.name.size() > 22 ? v.name.substr(0, 21) + "…" : v.name));
    svg += fmt::format("<text class=\"chart-fg muted\" x=\"0\" y=\"{}\" font-size=\"9\">mixer / FFN</text>", y + 28);
    if (!v.model) return;
    for (std::size_t i = 0; i < v.model->layers.size(); ++i) {
      const Layer& layer = v.model->layers[i];
      const std::string mixer = layer_mixer_key(layer);
      const std::string_view ffn = ffn_kind_key(layer.ffn.kind);
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>layer {}: {}</title></rect>",
                         kLabel + int(i) * kCell, y, kCell - 2, kRow - 2, layer_kind_colour(mixer), i,
                         escape(layer_mixer_label(layer)));
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>layer {}: {} FFN</title></rect>",
                         kLabel + int(i) * kCell, y + kRow, kCell - 2, kRow - 2, layer_kind_colour(ffn), i, ffn);
    }
  };
  row(a, kTop);
  row(b, kTop + 2 * kRow + 8);
  // Mark layer indices whose mixer or FFN differ.
  for (std::size_t i = 0; i < n; ++i) {
    const bool differs = i >= la || i >= lb ||
                         layer_mixer_key(a.model->layers[i]) != layer_mixer_key(b.model->layers[i]) ||
                         a.model->layers[i].ffn.kind != b.model->layers[i].ffn.kind;
    if (differs)
      svg += fmt::format("<rect class=\"diffmark\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"3\" fill=\"#d62728\"/>",
                         kLabel + int(i) * kCell, height - 8, kCell - 2);
  }
  return svg + "</svg>";
}

std::string diff_body(const Gallery& gallery, const ModelView& a, const ModelView& b, const MemorySettings& memory,
                      const std::string& action) {
  (void)gallery;
  const nlohmann::json diff = diff_json(a, b);
  std::string rows;
  int differing = 0;
  for (const auto& row : diff["rows"]) {
    const bool differs = row["differs"].get<bool>();
    differing += differs;
    std::string delta;
    if (row.contains("a_value") && differs) {
      const double va = row["a_value"].get<double>(), vb = row["b_value"].get<double>();
      if (va == vb) {
        delta = "";
      } else if (va != 0 && vb != 0) {
        const double ratio = vb / va;
        delta = fmt::format("{} ({}{:.1f}%)", ratio_phrase(ratio), ratio >= 1 ? "+" : "", (ratio - 1) * 100);
      } else {
        delta = va == 0 ? "from 0" : "to 0";
      }
    }
    auto cell = [](const nlohmann::json& value) { return value.is_null() ? std::string("—") : escape(value.get<std::string>()); };
    rows += fmt::format("<tr{}><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                        differs ? " class=\"differs\"" : "", escape(row["label"].get<std::string>()), cell(row["a"]),
                        cell(row["b"]), delta);
  }
  auto diagram = [](const ModelView& v) {
    if (!v.model) return std::string("<p class=\"why\">Architecture unknown.</p>");
    return fmt::format("<div class=\"zoom-area\" tabindex=\"0\" role=\"group\" aria-label=\"Architecture diagram of {}\">{}</div>",
                       escape(v.name), diagram_svg(v));
  };
  return fmt::format(
      "<p class=\"summary\">{}</p>"
      "<div class=\"side\"><figure class=\"diagram\"><figcaption>A: {}</figcaption>{}</figure>"
      "<figure class=\"diagram\"><figcaption>B: {}</figcaption>{}</figure></div>"
      "<section aria-labelledby=\"strips-h\"><h2 id=\"strips-h\">Layers, aligned by index</h2>"
      "<div class=\"scroll\">{}</div><p class=\"muted\">Top row of each model: token mixer; bottom row: feed-forward. "
      "Red marks: layers that differ.</p></section>"
      "<section aria-labelledby=\"facts-h\"><h2 id=\"facts-h\">Facts <span class=\"muted\">({} differ)</span></h2>"
      "<p class=\"only-differs\" hidden><label><input type=\"checkbox\" id=\"only-differs\"> show only the facts that differ</label></p>"
      "<div class=\"table-wrap\"><table class=\"diff\"><thead><tr><th scope=\"col\">Fact</th><th scope=\"col\">A: {}</th>"
      "<th scope=\"col\">B: {}</th><th scope=\"col\">B vs A</th></tr></thead><tbody>{}</tbody></table></div></section>{}",
      escape(changes_summary(a.name, a.model, a.facts, b.name, b.model, b.facts)), model_link(a), diagram(a), model_link(b), diagram(b),
      aligned_strips_svg(a, b), differing, escape(a.name), escape(b.name), rows,
      action.empty() ? std::string() : memory_section({&a, &b}, memory, action));
}

std::string diff_page(const Gallery& gallery, const GalleryItem& a, const GalleryItem& b, const MemorySettings& memory) {
  const std::string action = site::link_to(site::route("diff"), {url_encode(a.view.slug), url_encode(b.view.slug)});
  const std::string body = fmt::format(
      "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/\">Gallery</a> › diff</nav>"
      "<h1>{} <span class=\"muted\">vs</span> {}</h1>"
      "<form class=\"compare\" method=\"get\" action=\"/diff\"><label for=\"diff-a\">A</label> {} "
      "<label for=\"diff-b\">B</label> {} <button type=\"submit\">Compare</button> "
      "<a href=\"/diff/{}/{}\">swap</a> · <a href=\"/api/diff/{}/{}\">JSON</a></form>"
      "<div class=\"diff-concepts\"><p>Concepts of A</p>{}<p>Concepts of B</p>{}</div>{}",
      escape(a.view.name), escape(b.view.name), model_select(gallery, "a", "diff-a", a.view.slug, ""),
      model_select(gallery, "b", "diff-b", b.view.slug, ""), url_encode(b.view.slug), url_encode(a.view.slug),
      url_encode(a.view.slug), url_encode(b.view.slug), concept_chips(a.view), concept_chips(b.view), diff_body(gallery, a.view, b.view, memory, action));
  return page({a.view.name + " vs " + b.view.name + " — llmgallery", "Architecture diff", Nav::Gallery}, body);
}

}  // namespace llmg::html
