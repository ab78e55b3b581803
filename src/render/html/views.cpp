#include "render/html/views.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "base/units.h"
#include "render/html/model_page.h"

namespace llmg::html {

std::string changelog_page(const Gallery& gallery, const std::vector<Change>& changes) {
  std::string list;
  std::string current;
  const std::vector<std::string> anchors = change_anchors(changes);  // the Atom entries' ids point here
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const Change& c = changes[i];
    if (c.date != current) {
      if (!current.empty()) list += "</ul>";
      list += fmt::format("<h2><time datetime=\"{}\">{}</time></h2><ul class=\"changes\">", escape(c.date), escape(c.date));
      current = c.date;
    }
    const GalleryItem* item = gallery.find(c.slug);
    list += fmt::format("<li id=\"{}\"><span class=\"badge kind-{}\">{}</span> {}: {}</li>", anchors[i], escape(c.kind), escape(c.kind),
                        item ? fmt::format("<a href=\"/models/{}\">{}</a>", url_encode(c.slug), escape(item->view.name))
                             : escape(c.slug),
                        escape(c.text));
  }
  if (!current.empty()) list += "</ul>";
  std::string body = fmt::format("<h1>Changelog</h1><p>Additions and corrections to the catalog, newest first. "
                                 "Also as an <a href=\"/feed.xml\">Atom feed</a>.</p>{}",
                                 list);
  return page({"Changelog — llmgallery", "Catalog additions and corrections", Nav::Changelog}, body);
}

std::string inspect_page(const Gallery& gallery, const InspectResult* result, const MemorySettings& memory) {
  std::string outcome;
  if (result) {
    if (!result->view) {
      outcome = fmt::format("<div class=\"error\" role=\"alert\"><h2>Could not read {}</h2><p>{}</p></div>",
                            escape(result->file_name), escape(result->error));
    } else {
      GalleryItem item;
      item.view = *result->view;
      outcome = fmt::format("<h2>{}</h2><div class=\"cards one\">{}</div><h2>Fact sheet</h2>{}", escape(result->file_name),
                            model_card(item, false), fact_table(*result->view));
      if (result->against)
        outcome += fmt::format("<h2>Compared with {}</h2>{}", escape(result->against->view.name),
                               diff_body(gallery, *result->view, result->against->view, memory, ""));
      outcome += "<p class=\"muted\">Nothing was stored: this page was rendered from your upload and is gone once you leave it.</p>";
    }
  }
  std::string body = fmt::format(
      "<h1>Inspect a config</h1><p>Paste or upload a Hugging Face <code>config.json</code> (or a Mistral "
      "<code>params.json</code>, up to 256 KiB) to see its card and fact sheet, optionally compared with a catalog "
      "model.</p>"
      "<form class=\"inspect\" method=\"post\" action=\"/inspect\" enctype=\"multipart/form-data\">"
      "<div class=\"field wide\"><label for=\"config\">config.json text</label><textarea id=\"config\" name=\"config\" "
      "rows=\"10\" spellcheck=\"false\" placeholder=\"{{&quot;model_type&quot;: &quot;llama&quot;, …}}\"></textarea></div>"
      "<div class=\"field\"><label for=\"file\">or upload a file</label><input type=\"file\" id=\"file\" name=\"file\" "
      "accept=\".json,application/json\"></div>"
      "<div class=\"field\"><label for=\"against\">Compare with (optional)</label><select id=\"against\" name=\"against\">"
      "<option value=\"\">no comparison</option>{}</select></div>"
      "<div class=\"actions\"><button type=\"submit\">Inspect</button></div></form>{}",
      [&] {
        std::string options;
        for (const GalleryItem& item : gallery.items)
          options += fmt::format("<option value=\"{}\"{}>{}</option>", escape(item.view.slug),
                                 result && result->against == &item ? " selected" : "", escape(item.view.name));
        return options;
      }(),
      outcome);
  return page({"Inspect a config — llmgallery", "Inspect your own config.json", Nav::Inspect}, body);
}

}  // namespace llmg::html
