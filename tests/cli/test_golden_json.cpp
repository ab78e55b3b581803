// Golden files for the JSON the README calls stable: `show --json` of a dense model (Llama 3 8B), an MoE
// (Qwen3 235B-A22B), an MLA model (DeepSeek V3), a hybrid (Qwen3-Next: Gated DeltaNet + gated attention),
// a recurrent model (xLSTM 7B) and a sliding-window MoE (gpt-oss-120b), compared byte for byte with
// tests/golden/show/SLUG.json. After an intended change: LLMG_UPDATE_GOLDEN=1 build/tests/llmg_tests
// --gtest_filter='GoldenJson*' and review the diff (CI never sets LLMG_UPDATE_GOLDEN).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.h"

namespace {

using llmg::testing::run_cli;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class GoldenJson : public ::testing::TestWithParam<const char*> {};

TEST_P(GoldenJson, ShowJsonIsByteIdentical) {
  const std::string slug = GetParam();
  const auto run = run_cli("show " + slug + " --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  ASSERT_EQ(doc.at("slug"), slug);
  ASSERT_TRUE(doc.at("known").get<bool>());  // the golden pins facts, not an "unknown" card
  const std::filesystem::path path = std::filesystem::path(LLMG_GOLDEN_DIR) / "show" / (slug + ".json");
  if (const char* update = std::getenv("LLMG_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << run.out;
    GTEST_SKIP() << "rewrote " << path;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  const std::string golden = read_file(path);
  EXPECT_TRUE(golden == run.out) << slug << ": show --json differs from " << path << " (" << golden.size()
                                 << " vs " << run.out.size() << " bytes)";
}

INSTANTIATE_TEST_SUITE_P(Stable, GoldenJson,
                         ::testing::Values("llama-3-8b", "qwen3-235b-a22b", "deepseek-v3-671b", "qwen3-next-80b-a3b",
                                           "xlstm-7b", "gpt-oss-120b"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
