// Regressions from the newcomer review of session 5 (notes/newcomer5.md): each finding's repro as a test.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "cli_run.h"
#include "weights_writer.h"

namespace {

using llmg::testing::run_cli;

std::filesystem::path temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("llmg-nc5-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Finding 2: a model that declares no context (xLSTM: recurrent, no position limit) has memory figures at the
// documented 8,192 tokens, marked assumed; a model that declares one keeps it.
TEST(Newcomer5, MemoryOfAModelWithoutADeclaredContextIsShownAtTheAssumedContext) {
  auto run = run_cli("memory xlstm-7b --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto doc = nlohmann::json::parse(run.out);
  const auto& m = doc.is_array() ? doc.at(0) : doc;
  EXPECT_EQ(m.at("context"), 8192);
  EXPECT_EQ(m.at("context_assumed"), true);
  EXPECT_EQ(m.at("kv_bytes"), 0);
  EXPECT_GT(m.at("state_bytes").get<long long>(), 0);
  run = run_cli("memory xlstm-7b");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("context 8,192 tokens (assumed"), std::string::npos) << run.out;
  run = run_cli("memory llama-3-8b --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  doc = nlohmann::json::parse(run.out);
  const auto& l = doc.is_array() ? doc.at(0) : doc;
  EXPECT_EQ(l.at("context"), 8192);  // Llama 3 8B declares max_position_embeddings 8192
  EXPECT_EQ(l.at("context_assumed"), false);
}

// Finding 7: a config given as a file is named by its file stem, not by its folder, so two configs of one
// folder are told apart in diff.
TEST(Newcomer5, AConfigFileIsNamedByItsStem) {
  const auto dir = temp_dir("stem");
  std::filesystem::copy_file(std::string(LLMG_TEST_DATA) + "/../../catalog/configs/llama-3-8b.json", dir / "first.json");
  std::filesystem::copy_file(std::string(LLMG_TEST_DATA) + "/../../catalog/configs/llama-3-2-1b.json", dir / "second.json");
  const auto run = run_cli("diff " + (dir / "first.json").string() + " " + (dir / "second.json").string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("first"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("second"), std::string::npos) << run.out;
}

// Finding 8: diagram --out with a name that is neither .svg nor .png is bad usage, not an SVG under that name.
TEST(Newcomer5, DiagramRefusesAnOutputItCannotWrite) {
  const auto dir = temp_dir("diagram");
  for (const char* name : {"x.pdf", "x.txt"}) {
    const auto run = run_cli("diagram llama-3-8b --out " + (dir / name).string());
    EXPECT_EQ(run.exit_code, 2) << name;
    EXPECT_NE(run.err.find("--out"), std::string::npos) << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir / name)) << name;
  }
}

// Finding 5: a GGUF of a mapped architecture whose metadata is invalid (a NaN RoPE base) is bad input for
// inspect too (exit 2 naming the key), as for show; an architecture with no mapping still gets its tensor
// report (exit 0, facts unknown).
TEST(Newcomer5, InspectOfAGgufWithInvalidMetadataIsBadInput) {
  const auto dir = temp_dir("gguf");
  auto write = [&](const std::string& arch, float rope_base, const std::string& name) {
    llmg::testing::GgufWriter w;
    w.string("general.architecture", arch);
    w.u32(arch + ".context_length", 2048);
    w.u32(arch + ".embedding_length", 64);
    w.u32(arch + ".block_count", 1);
    w.u32(arch + ".feed_forward_length", 128);
    w.u32(arch + ".attention.head_count", 4);
    w.u32(arch + ".attention.head_count_kv", 4);
    w.f32(arch + ".attention.layer_norm_rms_epsilon", 1e-5f);
    w.f32(arch + ".rope.freq_base", rope_base);
    w.u32(arch + ".vocab_size", 100);
    w.tensor("token_embd.weight", {64, 100}, 0, 64 * 100 * 4);
    w.write(dir / name);
  };
  write("llama", std::nanf(""), "nan.gguf");
  write("frobnicator", 10000.0f, "unmapped.gguf");
  auto run = run_cli("inspect " + (dir / "nan.gguf").string());
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_NE(run.err.find("rope"), std::string::npos) << run.err;
  run = run_cli("inspect " + (dir / "unmapped.gguf").string());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("unknown"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("unmapped"), std::string::npos) << "named by the file's stem: " << run.out;
}

// Finding 3: an unknown card's reason is a sentence for readers; the research behind it (search ids) is
// the provenance note, shown apart.
TEST(Newcomer5, UnknownReasonIsNotTheResearchNote) {
  const auto run = run_cli("show antares-1b --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  const std::string reason = doc.at("unknown_reason");
  EXPECT_EQ(reason.find("search-index"), std::string::npos) << reason;
  EXPECT_EQ(reason.find("find_string"), std::string::npos) << reason;
  EXPECT_NE(reason.find("no config.json"), std::string::npos) << reason;
}

// Finding 6: a sharded checkpoint whose shards both hold a tensor (the index names one of them) is refused,
// not counted twice.
TEST(Newcomer5, ATensorInTwoShardsIsBadInput) {
  const auto dir = temp_dir("shards");
  const std::vector<llmg::testing::FakeTensor> both = {{"model.embed_tokens.weight", "BF16", {16, 8}},
                                                       {"lm_head.weight", "BF16", {16, 8}}};
  llmg::testing::write_safetensors(dir / "model-00001-of-00002.safetensors", both);
  llmg::testing::write_safetensors(dir / "model-00002-of-00002.safetensors", both);
  std::ofstream(dir / "model.safetensors.index.json")
      << R"({"metadata": {"total_size": 512}, "weight_map": {"model.embed_tokens.weight": "model-00001-of-00002.safetensors",
            "lm_head.weight": "model-00002-of-00002.safetensors"}})";
  const auto run = run_cli("inspect " + (dir / "model.safetensors.index.json").string());
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_NE(run.err.find("assigns to"), std::string::npos) << run.err;
}

// Finding 9: a rope_scaling factor that is not a positive number is bad input naming the key.
TEST(Newcomer5, RopeScalingFactorIsBounded) {
  const auto dir = temp_dir("rope");
  std::ifstream in(std::string(LLMG_TEST_DATA) + "/../../catalog/configs/llama-3-2-1b.json");
  auto config = nlohmann::json::parse(in);
  for (const nlohmann::json& factor : {nlohmann::json("x"), nlohmann::json(-2.0), nlohmann::json(0)}) {
    config["rope_scaling"]["factor"] = factor;
    std::ofstream(dir / "config.json") << config.dump();
    const auto run = run_cli("inspect " + (dir / "config.json").string());
    EXPECT_EQ(run.exit_code, 2) << factor;
    EXPECT_NE(run.err.find("rope_scaling.factor"), std::string::npos) << run.err;
  }
  config["rope_scaling"]["factor"] = 32.0;  // Llama 3.2's own
  std::ofstream(dir / "config.json") << config.dump();
  EXPECT_EQ(run_cli("inspect " + (dir / "config.json").string()).exit_code, 0);
}

}  // namespace
