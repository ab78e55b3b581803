// Issue 17 case 03, text is text: bytes that are not UTF-8 (a folder name, a slug, a model name) never
// reach a JSON, HTML, SVG or XML writer raw -- they come out as U+FFFD (EF BF BD) -- and never make a verb
// exit 1. The sanitizer (base/utf8.h), the writers directly (xml_escape, json_text, the SVGs, the export),
// and the CLI end to end on a config in a folder named with 0xFF and 0xC0 0xAF (an overlong '/').
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/memory.h"
#include "base/units.h"
#include "base/utf8.h"
#include "catalog/catalog.h"
#include "cli_run.h"
#include "export/static_site.h"
#include "render/svg/diagram.h"
#include "render/text/json.h"
#include "view/model_view.h"

namespace {

using llmg::is_valid_utf8;
using llmg::valid_utf8;

const std::string kFFFD = "\xEF\xBF\xBD";

TEST(TextIsText, ValidUtf8ReplacesEachBadByteAndKeepsGoodText) {
  EXPECT_EQ(valid_utf8("a\xFF" "b"), "a" + kFFFD + "b");
  EXPECT_EQ(valid_utf8("\xC0\xAF"), kFFFD + kFFFD);              // overlong '/': C0 never starts a sequence
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), kFFFD + kFFFD + kFFFD);  // UTF-16 surrogate D800
  EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80"), kFFFD + kFFFD + kFFFD + kFFFD);  // U+110000, past Unicode
  EXPECT_EQ(valid_utf8("x\xE2\x82"), "x" + kFFFD + kFFFD);        // truncated euro sign
  const std::string good = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9D\x84\x9E";  // é € 𝄞
  EXPECT_TRUE(is_valid_utf8(good));
  EXPECT_EQ(valid_utf8(good), good);
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));  // overlong 3-byte '/'
}

TEST(TextIsText, XmlEscapeReplacesBadBytesAndForbiddenControls) {
  EXPECT_EQ(llmg::xml_escape("<\xFF>"), "&lt;" + kFFFD + "&gt;");
  EXPECT_EQ(llmg::xml_escape("a\x01" "b\tc"), "a" + kFFFD + "b\tc");  // XML 1.0 has no U+0001; tab stays
}

TEST(TextIsText, JsonTextReplacesInsteadOfThrowing) {
  const nlohmann::json document = {{"slug", "bad\xFF"}};
  EXPECT_THROW((void)document.dump(), nlohmann::json::type_error);  // what the writers did before
  EXPECT_EQ(llmg::json_text(document), "{\"slug\":\"bad" + kFFFD + "\"}");
}

const llmg::CatalogEntry& llama_entry() {
  const llmg::CatalogEntry* entry = llmg::Catalog::bundled().find("llama-3-8b");
  EXPECT_TRUE(entry && entry->model);
  return *entry;
}

TEST(TextIsText, WritersOfAModelNamedWithBadBytes) {
  const llmg::ModelView view = llmg::view_of(*llama_entry().model, "slug\xC0\xAF", "name\xFF");
  const std::string json = llmg::json_text(llmg::model_json(view), 2);
  ASSERT_TRUE(is_valid_utf8(json));
  EXPECT_EQ(nlohmann::json::parse(json)["name"], "name" + kFFFD);
  EXPECT_EQ(nlohmann::json::parse(json)["slug"], "slug" + kFFFD + kFFFD);
  for (const std::string& svg : {llmg::diagram_svg(view), llmg::layer_strip_svg(view)}) {
    EXPECT_TRUE(is_valid_utf8(svg));
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
  }
  llmg::MemoryQuery query;
  query.context = 8192;
  auto memory = llmg::memory_report(*view.model, query);
  ASSERT_TRUE(memory);
  EXPECT_TRUE(is_valid_utf8(llmg::json_text(llmg::memory_json(view, *memory))));
}

// The export of a catalog whose model has a slug and name that are not UTF-8: every document it writes
// (HTML, SVG, JSON, JS, Atom) is UTF-8, every JSON file parses.
TEST(TextIsText, ExportOfABadlyNamedModel) {
  llmg::CatalogEntry bad = llama_entry();
  bad.slug = "bad\xFF-slug";
  bad.name = "Bad \xC0\xAF name";
  bad.vendor = "Vendor\xFE";
  llmg::CatalogEntry other = llama_entry();
  const llmg::Catalog catalog({bad, other});
  const llmg::site::SiteFiles files = llmg::site::build_site(catalog);
  int documents = 0;
  bool saw_replacement = false;
  for (const auto& [path, content] : files) {
    if (!(path.ends_with(".html") || path.ends_with(".svg") || path.ends_with(".json") || path.ends_with(".js") ||
          path.ends_with(".xml")))
      continue;
    ++documents;
    EXPECT_TRUE(is_valid_utf8(content)) << path;
    saw_replacement = saw_replacement || content.find("Bad " + kFFFD + kFFFD + " name") != std::string::npos;
    if (path.ends_with(".json")) EXPECT_NO_THROW((void)nlohmann::json::parse(content)) << path;
  }
  EXPECT_GT(documents, 5);
  EXPECT_TRUE(saw_replacement);
}

// The CLI on a config in a folder named "bad\xFF\xC0\xAF": inspect --json, show, diagram and memory answer
// (exit 0) with the folder name replaced; a config whose model_type is the raw byte 0xFF is bad input
// (exit 2, one line), as is one whose model_type is the valid but unknown "\u00ff".
TEST(TextIsText, CliOnAFolderNamedWithBadBytes) {
  const auto root = std::filesystem::temp_directory_path() / ("llmg-text-" + std::to_string(::getpid()));
  const auto folder = root / "bad\xFF\xC0\xAF";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "config.json") << llama_entry().config_text;
  const std::string path = "'" + folder.string() + "'";
  const std::string name = "bad" + kFFFD + kFFFD + kFFFD;

  const auto inspect = llmg::testing::run_cli("inspect " + path + " --json");
  ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
  ASSERT_TRUE(is_valid_utf8(inspect.out));
  EXPECT_EQ(nlohmann::json::parse(inspect.out)["name"], name);
  const auto show = llmg::testing::run_cli("show " + path + " --json");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(nlohmann::json::parse(show.out)["slug"], name);
  const auto diagram = llmg::testing::run_cli("diagram " + path);
  ASSERT_EQ(diagram.exit_code, 0) << diagram.err;
  EXPECT_TRUE(is_valid_utf8(diagram.out));
  const auto memory = llmg::testing::run_cli("memory " + path + " --json --context 8k");
  ASSERT_EQ(memory.exit_code, 0) << memory.err;
  EXPECT_TRUE(is_valid_utf8(memory.out));
  EXPECT_NO_THROW((void)nlohmann::json::parse(memory.out));

  std::ofstream(folder / "config.json") << "{\"model_type\": \"\xFF\"}";
  const auto raw = llmg::testing::run_cli("inspect " + path + " --json");
  EXPECT_EQ(raw.exit_code, 2);
  EXPECT_NE(raw.err.find("invalid JSON"), std::string::npos) << raw.err;
  std::ofstream(folder / "config.json") << "{\"model_type\": \"\\u00ff\"}";
  const auto escaped = llmg::testing::run_cli("inspect " + path + " --json");
  EXPECT_EQ(escaped.exit_code, 2) << escaped.err;
  std::filesystem::remove_all(root);
}

}  // namespace
