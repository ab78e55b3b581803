// The static export: every route has its file, every link of every page resolves inside the export,
// and nothing still points at the server's root.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "catalog/catalog.h"
#include "export/static_site.h"
#include "render/html/concepts.h"
#include "view/concepts.h"

namespace {

using llmg::site::relative_links;
using llmg::site::SiteFiles;
using llmg::site::static_path_of;

const SiteFiles& site() {
  static const SiteFiles files = llmg::site::build_site(llmg::Catalog::bundled());
  return files;
}

// "models/a.html" + "../diff/a/b.html?x#y" -> "diff/a/b.html"
std::string resolve(const std::string& page, std::string link) {
  link = link.substr(0, link.find_first_of("?#"));
  std::string base = page.substr(0, page.rfind('/') == std::string::npos ? 0 : page.rfind('/') + 1);
  while (link.starts_with("../")) {
    link = link.substr(3);
    if (base.empty()) return "<above the site root>";
    base = base.substr(0, base.rfind('/', base.size() - 2) == std::string::npos ? 0 : base.rfind('/', base.size() - 2) + 1);
  }
  return base + link;
}

// Every href/src/action value of a document.
std::vector<std::string> links_of(const std::string& document) {
  std::vector<std::string> out;
  for (const std::string attribute : {" href=\"", " src=\"", " action=\""}) {
    std::size_t pos = 0;
    while ((pos = document.find(attribute, pos)) != std::string::npos) {
      pos += attribute.size();
      out.push_back(document.substr(pos, document.find('"', pos) - pos));
    }
  }
  return out;
}

}  // namespace

TEST(StaticExport, RoutesMapToFiles) {
  const std::set<std::string> pairs = {"llama-3-8b/qwen3-8b"};
  EXPECT_EQ(static_path_of("/", pairs), "index.html");
  EXPECT_EQ(static_path_of("/?sort=name&amp;order=asc", pairs), "index.html?sort=name&amp;order=asc");
  EXPECT_EQ(static_path_of("/models/llama-3-8b", pairs), "models/llama-3-8b.html");
  EXPECT_EQ(static_path_of("/models/llama-3-8b?context=8k#memory", pairs), "models/llama-3-8b.html#memory");
  EXPECT_EQ(static_path_of("/diff/llama-3-8b/qwen3-8b", pairs), "diff/llama-3-8b/qwen3-8b.html");
  EXPECT_EQ(static_path_of("/diff/qwen3-8b/llama-3-8b", pairs), "diff.html?a=qwen3-8b&amp;b=llama-3-8b");
  EXPECT_EQ(static_path_of("/diff", pairs), "diff.html");
  EXPECT_EQ(static_path_of("/timeline", pairs), "timeline.html");
  EXPECT_EQ(static_path_of("/timeline?y=active", pairs), "timeline-active.html");
  EXPECT_EQ(static_path_of("/tree#llama-3-8b", pairs), "tree.html#llama-3-8b");
  EXPECT_EQ(static_path_of("/feed.xml", pairs), "feed.xml");
  EXPECT_EQ(static_path_of("/api/models", pairs), "api/models.json");
  EXPECT_EQ(static_path_of("/api/models/llama-3-8b", pairs), "api/models/llama-3-8b.json");
  EXPECT_EQ(static_path_of("/api/diff/llama-3-8b/qwen3-8b", pairs), "api/diff/llama-3-8b/qwen3-8b.json");
  EXPECT_EQ(static_path_of("/assets/style.css", pairs), "assets/style.css");
  EXPECT_EQ(static_path_of("/diagrams/llama-3-8b.svg", pairs), "diagrams/llama-3-8b.svg");
  // No counterpart: left for the caller (and the link check) to see.
  EXPECT_EQ(static_path_of("/api/diff/qwen3-8b/llama-3-8b", pairs), std::nullopt);
  EXPECT_EQ(static_path_of("/nowhere", pairs), std::nullopt);
  EXPECT_EQ(static_path_of("/models/../../etc/passwd", pairs), std::nullopt);
  EXPECT_EQ(static_path_of("//example.org/x", pairs), std::nullopt);
  EXPECT_EQ(static_path_of("https://example.org/", pairs), std::nullopt);
}

TEST(StaticExport, LinksBecomeRelativeToTheirPage) {
  const std::set<std::string> pairs = {"a/b"};
  EXPECT_EQ(relative_links("<a href=\"/models/a\">a</a>", "index.html", pairs), "<a href=\"models/a.html\">a</a>");
  EXPECT_EQ(relative_links("<a href=\"/diff/a/b\">d</a> <img src=\"/diagrams/a.svg\">", "models/a.html", pairs),
            "<a href=\"../diff/a/b.html\">d</a> <img src=\"../diagrams/a.svg\">");
  EXPECT_EQ(relative_links("<form action=\"/\"><a href=\"/assets/x.css\">", "diff/a/b.html", pairs),
            "<form action=\"../../index.html\"><a href=\"../../assets/x.css\">");
  // External links, fragments and text that merely looks like a link stay as they are.
  const std::string untouched = "<a href=\"https://huggingface.co/x\">x</a><a href=\"#memory\">m</a> data=\"/models/a\"";
  EXPECT_EQ(relative_links(untouched, "models/a.html", pairs), untouched);
}

TEST(StaticExport, HasEveryPage) {
  const SiteFiles& files = site();
  for (const char* page : {"index.html", "index-compact.html", "timeline.html", "timeline-active.html", "tree.html",
                           "changelog.html", "feed.xml", "inspect.html", "diff.html", "api/models.json",
                           "assets/style.css", "assets/app.js", "assets/static.js", "assets/site-data.js",
                           "assets/diff-summaries.js"})
    EXPECT_TRUE(files.contains(page)) << page;
  for (const llmg::CatalogEntry& entry : llmg::Catalog::bundled().entries()) {
    EXPECT_TRUE(files.contains("models/" + entry.slug + ".html")) << entry.slug;
    EXPECT_TRUE(files.contains("api/models/" + entry.slug + ".json")) << entry.slug;
    EXPECT_EQ(files.contains("diagrams/" + entry.slug + ".svg"), entry.model.has_value()) << entry.slug;
  }
  const auto summary = llmg::site::summarize(files);
  EXPECT_EQ(summary.model_pages, llmg::Catalog::bundled().entries().size());
  EXPECT_GT(summary.diff_pages, 0u);
}

TEST(StaticExport, EveryLinkResolvesInsideTheExport) {
  const SiteFiles& files = site();
  std::size_t checked = 0;
  for (const auto& [path, document] : files) {
    if (!path.ends_with(".html") && !path.ends_with(".xml") && !path.ends_with(".svg")) continue;
    for (const std::string& link : links_of(document)) {
      if (link.starts_with("https://") || link.starts_with("http://") || link.starts_with("#") ||
          link.starts_with("mailto:") || link.starts_with("data:"))
        continue;
      ASSERT_FALSE(link.starts_with("/")) << path << " still links to the server root: " << link;
      const std::string target = resolve(path, link);
      EXPECT_TRUE(files.contains(target)) << path << " links to " << link << " (" << target << "), not in the export";
      ++checked;
    }
  }
  EXPECT_GT(checked, 72u * 20);  // every model page links to its neighbours, their diffs, its diagram, assets
  // The concept pages and catalog statistics are among the pages checked: each concept and statistics page
  // is exported, and the concept index links every concept page.
  const std::string& concepts = files.at("concepts/index.html");
  for (const llmg::Concept& c : llmg::concepts()) {
    EXPECT_TRUE(files.contains("concepts/" + std::string(c.name) + ".html")) << c.name;
    EXPECT_NE(concepts.find("href=\"../concepts/" + std::string(c.name) + ".html\""), std::string::npos) << c.name;
  }
  for (const llmg::html::StatsPage& s : llmg::html::stats_pages())
    EXPECT_TRUE(files.contains("stats/" + std::string(s.name) + ".html")) << s.name;
}

TEST(StaticExport, PagesAreMarkedStaticAndLoadTheirData) {
  const SiteFiles& files = site();
  const std::string& model = files.at("models/llama-3-8b.html");
  EXPECT_NE(model.find("<html data-static=\"../\""), std::string::npos);
  EXPECT_NE(model.find("src=\"../assets/static.js\""), std::string::npos);
  const std::string& data = files.at("assets/site-data.js");
  EXPECT_TRUE(data.starts_with("window.LLMG_SITE = {"));
  EXPECT_NE(data.find("\"date-desc\":["), std::string::npos);
  EXPECT_NE(data.find("\"llama-3-8b\":{"), std::string::npos);
  // The generated summary of a pair that no page links to is there for the in-browser diff.
  EXPECT_NE(files.at("assets/diff-summaries.js").find("\"gpt-2-xl-1-5b/qwen3-next-80b-a3b\":\""), std::string::npos);
}
