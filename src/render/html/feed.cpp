#include "render/html/feed.h"

#include <map>

#include <fmt/format.h>

#include "render/html/gallery.h"
#include "render/html/html.h"
#include "site/base_url.h"

namespace llmg::html {

namespace {

// Letters, digits and '-' of a fragment id; anything else becomes '-'.
std::string fragment_part(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    out += keep ? c : '-';
  }
  return out;
}

}  // namespace

std::vector<std::string> change_anchors(const std::vector<Change>& changes) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (const Change& c : changes) {
    const std::string key = "c-" + fragment_part(c.date) + "-" + fragment_part(c.slug) + "-" + fragment_part(c.kind);
    const int n = ++seen[key];
    out.push_back(n == 1 ? key : fmt::format("{}-{}", key, n));
  }
  return out;
}

std::string atom_feed(const Gallery& gallery, const std::vector<Change>& changes, const FeedLinks& links) {
  auto url = [&](std::string_view server_path) {
    const std::string path = links.path_of ? links.path_of(server_path) : std::string(server_path);
    if (links.base.empty()) return path;
    return links.base + (path.starts_with('/') ? "" : "/") + path;
  };
  const std::vector<std::string> anchors = change_anchors(changes);
  const std::string updated = changes.empty() ? "1970-01-01" : changes.front().date;
  const std::string feed_id = links.base.empty() ? std::string("urn:llmgallery:changelog") : url("/feed.xml");
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
      "<title>llmgallery catalog changes</title>\n<id>{}</id>\n<updated>{}T00:00:00Z</updated>\n"
      "<author><name>llmgallery</name></author>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n"
      "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
      escape(feed_id), escape(updated), escape(url("/feed.xml")), escape(url("/changelog")));
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const Change& c = changes[i];
    const GalleryItem* item = gallery.find(c.slug);
    const std::string name = item ? item->view.name : c.slug;
    const std::string id = links.base.empty() ? "urn:llmgallery:change:" + anchors[i] : url("/changelog#" + anchors[i]);
    const std::string link = item ? url("/models/" + url_encode(c.slug)) : url("/changelog#" + anchors[i]);
    out += fmt::format(
        "<entry>\n<title>{} {}</title>\n<id>{}</id>\n<published>{}T00:00:00Z</published>\n"
        "<updated>{}T00:00:00Z</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n"
        "<summary>{}</summary>\n</entry>\n",
        escape(name), c.kind == "added" ? "added" : "corrected", escape(id), escape(c.date), escape(c.date),
        escape(link), escape(c.text));
  }
  return out + "</feed>\n";
}

std::string atom_feed(const Gallery& gallery, const std::vector<Change>& changes) {
  return atom_feed(gallery, changes, FeedLinks{site::public_base_url(), {}});
}

}  // namespace llmg::html
