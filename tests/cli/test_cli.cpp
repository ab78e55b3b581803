// End-to-end tests of the llmgallery binary: output, JSON keys and exit codes.
#include <algorithm>
#include <array>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.h"

namespace {

using llmg::testing::CliRun;
CliRun run(const std::string& arguments) { return llmg::testing::run_cli(arguments); }

std::string write_temp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / ("llmg-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

std::size_t lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

}  // namespace

TEST(Cli, ListShowsAllModels) {
  const CliRun r = run("list");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("gpt-oss-120b"), std::string::npos);
  EXPECT_NE(r.out.find("108 models"), std::string::npos);
}

TEST(Cli, ListJsonIsAnArrayOfAllSlugs) {
  const CliRun r = run("list --json --sort total");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc.size(), 108u);
  for (const auto& item : doc) {
    EXPECT_TRUE(item.contains("slug"));
    EXPECT_TRUE(item.contains("name"));
  }
  // --sort total: largest first among known models.
  EXPECT_GE(doc[0]["params"]["total"].get<std::int64_t>(), doc[1]["params"]["total"].get<std::int64_t>());
}

TEST(Cli, ShowEveryCatalogModelInTextAndJson) {
  const auto list = nlohmann::json::parse(run("list --json").out);
  for (const auto& item : list) {
    const std::string slug = item["slug"];
    const CliRun text = run("show " + slug);
    EXPECT_EQ(text.exit_code, 0) << slug << text.err;
    EXPECT_NE(text.out.find(slug), std::string::npos);
    const CliRun json = run("show " + slug + " --json");
    ASSERT_EQ(json.exit_code, 0) << slug;
    const auto doc = nlohmann::json::parse(json.out);
    EXPECT_EQ(doc["slug"], slug);
    if (doc["known"].get<bool>()) {
      for (const char* key : {"name", "layers", "attention_layers", "sliding_layers", "hidden_size", "vocab_size",
                              "context_length", "layer_mix", "params", "kv_cache"})
        EXPECT_TRUE(doc.contains(key)) << slug << " lacks " << key;
      for (const char* key : {"total", "active", "active_with_embeddings", "embedding", "mtp"})
        EXPECT_TRUE(doc["params"].contains(key)) << slug << " lacks params." << key;
      EXPECT_TRUE(doc["kv_cache"].contains("bytes_per_token_bf16"));
    } else {
      EXPECT_FALSE(doc["unknown_reason"].get<std::string>().empty()) << slug;
    }
  }
}

TEST(Cli, ShowTextHasHumanNumbersAndSources) {
  const CliRun r = run("show llama-3-8b");
  EXPECT_NE(r.out.find("8.03B (8,030,261,248)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("128 KiB"), std::string::npos);
  EXPECT_NE(r.out.find("[num_hidden_layers]"), std::string::npos);
}

TEST(Cli, InspectConfigFileAndDirectory) {
  const std::string config = write_temp("config.json", R"({"model_type": "llama", "hidden_size": 256,
      "num_hidden_layers": 2, "num_attention_heads": 4, "intermediate_size": 512, "vocab_size": 1000,
      "max_position_embeddings": 128})");
  const CliRun file = run("inspect " + config + " --json");
  ASSERT_EQ(file.exit_code, 0) << file.err;
  EXPECT_EQ(nlohmann::json::parse(file.out)["layers"], 2);
  const CliRun dir = run("inspect " + std::filesystem::path(config).parent_path().string());
  EXPECT_EQ(dir.exit_code, 0) << dir.err;
}

TEST(Cli, DiffMarksDifferences) {
  const CliRun r = run("diff llama-3-8b qwen3-8b");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("* Parameters"), std::string::npos) << r.out;
  const auto doc = nlohmann::json::parse(run("diff llama-3-8b qwen3-8b --json").out);
  bool found = false;
  for (const auto& row : doc["rows"])
    if (row["key"] == "layers") {
      found = true;
      EXPECT_TRUE(row["differs"].get<bool>());
      EXPECT_DOUBLE_EQ(row["ratio"].get<double>(), 36.0 / 32.0);
    }
  EXPECT_TRUE(found);
}

// Bad input: one line on stderr naming the file or argument and the problem, exit code 2.
TEST(Cli, BadInputGivesOneLineAndExitTwo) {
  const std::string invalid = write_temp("invalid.json", "{\"model_type\": ");
  const std::string unknown = write_temp("unknown.json", R"({"model_type": "frobnicator"})");
  const std::string missing = write_temp("missing.json", R"({"model_type": "llama", "hidden_size": 8})");
  const std::string negative = write_temp("negative.json", R"({"model_type": "llama", "hidden_size": -8,
      "num_hidden_layers": 2, "num_attention_heads": 4, "intermediate_size": 8, "vocab_size": 10,
      "max_position_embeddings": 8})");
  const std::pair<std::string, std::string> cases[] = {
      {"inspect /nonexistent/config.json", "/nonexistent/config.json"},
      {"inspect " + invalid, "invalid JSON"},
      {"inspect " + unknown, "unknown model type \"frobnicator\""},
      {"inspect " + missing, "required key is missing"},
      {"inspect " + negative, "key 'hidden_size'"},
      {"show no-such-model", "argument 'no-such-model'"},
      {"diff llama-3-8b", "b is required"},
      {"list --sort bogus", "--sort bogus"},
      {"frobnicate", "frobnicate"},
  };
  for (const auto& [arguments, expected] : cases) {
    const CliRun r = run(arguments);
    EXPECT_EQ(r.exit_code, 2) << arguments;
    EXPECT_EQ(lines(r.err), 1u) << arguments << ": " << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << arguments << ": " << r.err;
  }
}

TEST(Cli, MemoryTableJsonAndPlot) {
  const CliRun text = run("memory gemma-3-27b --context 128k");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("10.4 GiB"), std::string::npos) << text.out;
  const CliRun json = run("memory llama-3-8b --context 8192 --batch 8 --kv-dtype fp8 --weights int4 --json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["kv_bytes"], 8LL * 32 * 8192 * 2 * 8 * 128);
  EXPECT_EQ(doc["kv_dtype"], "fp8");
  const std::string svg = write_temp("plot.svg", "");
  const CliRun plot = run("memory qwen3-next-80b-a3b gpt-oss-120b --plot " + svg);
  ASSERT_EQ(plot.exit_code, 0) << plot.err;
  std::ifstream in(svg);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(content.find("<svg"), std::string::npos);
  EXPECT_NE(content.find("Qwen3 Next"), std::string::npos);
  for (const char* bad : {"memory llama-3-8b --context 12q", "memory llama-3-8b --kv-dtype fp7",
                          "memory llama-3-8b --batch 0"}) {  // xlstm-7b (no declared context): an assumed 8k, test_newcomer5
    const CliRun r = run(bad);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(lines(r.err), 1u) << bad << ": " << r.err;
  }
}

TEST(Cli, BuildWritesTheStaticGallery) {
  const auto out = std::filesystem::temp_directory_path() / ("llmg-build-" + std::to_string(::getpid()));
  std::filesystem::remove_all(out);
  const CliRun built = run("build --out " + out.string() + " --json");
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const auto summary = nlohmann::json::parse(built.out);
  EXPECT_GT(summary["files"].get<int>(), 108 * 2);
  EXPECT_EQ(summary["model_pages"].get<int>(), 108);
  EXPECT_TRUE(std::filesystem::exists(out / "index.html"));
  EXPECT_TRUE(std::filesystem::exists(out / "models" / "llama-3-8b.html"));
  EXPECT_TRUE(std::filesystem::exists(out / "feed.xml"));

  const std::string file_path = write_temp("not-a-folder", "x");
  const CliRun bad = run("build --out " + file_path);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("not a folder"), std::string::npos) << bad.err;
  EXPECT_EQ(lines(bad.err), 1u);
  std::filesystem::remove_all(out);
}
