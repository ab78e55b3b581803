// `llmgallery families`: every registry row listed once (text, JSON, Markdown), the declined types with their
// reasons, a declined or unknown config refused with exit 2 naming the key, and the README's family table kept
// equal to `families --markdown` (regenerate: build/llmgallery families --markdown, between the markers).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.h"
#include "ingest/families/registry.h"

namespace {

using llmg::testing::run_cli;

std::string write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("llmg-families-" + name);
  std::ofstream(path) << text;
  return path.string();
}

TEST(FamiliesVerb, JsonListsEveryRegistryRowOnceAndTheDeclined) {
  const auto run = run_cli("families --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  std::set<std::string> listed;
  for (const auto& row : doc.at("read")) {
    EXPECT_TRUE(listed.insert(row.at("model_type").get<std::string>()).second) << row;
    EXPECT_FALSE(row.at("family").get<std::string>().empty()) << row;
  }
  EXPECT_EQ(listed.size(), llmg::family_table().size());
  for (const auto& row : llmg::family_table()) EXPECT_TRUE(listed.count(std::string(row.model_type))) << row.model_type;
  ASSERT_EQ(doc.at("declined").size(), llmg::declined_families().size());
  for (const auto& row : doc.at("declined")) {
    EXPECT_FALSE(listed.count(row.at("model_type").get<std::string>())) << "read and declined: " << row;
    EXPECT_FALSE(row.at("reason").get<std::string>().empty()) << row;
  }
  // A known row with its GGUF twin and class.
  bool llama = false;
  for (const auto& row : doc.at("read"))
    if (row.at("model_type") == "llama") {
      llama = true;
      EXPECT_EQ(row.at("gguf_architecture"), "llama");
      EXPECT_EQ(row.at("architecture"), "LlamaForCausalLM");
    }
  EXPECT_TRUE(llama);
}

TEST(FamiliesVerb, DeclinedAndUnknownTypesAreBadInputNamingTheKey) {
  ASSERT_FALSE(llmg::declined_families().empty());
  const auto& declined = llmg::declined_families().front();
  const auto path = write_temp("declined.json", "{\"model_type\": \"" + std::string(declined.model_type) + "\"}");
  auto run = run_cli("inspect " + path);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("key 'model_type'"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(std::string(declined.reason)), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "one line: " << run.err;

  const auto unknown = write_temp("unknown.json", R"({"model_type": "frobnicator"})");
  run = run_cli("inspect " + unknown);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("unknown model type \"frobnicator\""), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("llmgallery families"), std::string::npos) << run.err;
}

TEST(FamiliesVerb, ReadmeTableIsTheMarkdownOutput) {
  const auto run = run_cli("families --markdown");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::ifstream file(std::string(LLMG_TEST_DATA) + "/../../README.md");
  const std::string readme((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const std::string begin = "<!-- families:begin (llmgallery families --markdown) -->\n";
  const std::string end = "<!-- families:end -->";
  const auto from = readme.find(begin);
  const auto to = readme.find(end);
  ASSERT_NE(from, std::string::npos) << "README lacks the families markers";
  ASSERT_NE(to, std::string::npos);
  EXPECT_EQ(readme.substr(from + begin.size(), to - from - begin.size()), run.out)
      << "README's family table is stale: paste `build/llmgallery families --markdown` between the markers";
}

TEST(FamiliesVerb, TextListsEveryRow) {
  const auto run = run_cli("families");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const auto& row : llmg::family_table())
    EXPECT_NE(run.out.find("\n" + std::string(row.model_type) + " "), std::string::npos) << row.model_type;
}

}  // namespace
