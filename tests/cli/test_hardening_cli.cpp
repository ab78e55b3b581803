// Issue 17 through the binary: exit codes and one-line messages for the hardened paths (case 01 deep
// JSON, case 02 the Qwen3-Next interval, case 05 memory at the limits, case 10 shared experts).
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.h"

namespace {

using llmg::testing::CliRun;
CliRun run(const std::string& arguments) { return llmg::testing::run_cli(arguments); }

std::string data(const std::string& name) {
  return (std::filesystem::path(LLMG_TEST_DATA) / "reliability" / name).string();
}

}  // namespace

// Case 05: context 2^32 × batch 2^20 × 128 KiB per token is 2^69 bytes; it used to wrap to "KV cache 0 B"
// and "fits on one 24 GB card". Now exit 2 naming both arguments; so for the other reported settings
// (128M × 1M, 1G × 64k: 2^27 × 2^20 × 2^17 = 2^64 and 2^30 × 2^16 × 2^17 = 2^63 bytes, both past int64).
TEST(HardeningCli, MemoryAtTheLimitsRefusesInsteadOfWrapping) {
  for (const char* args : {"--context 4294967296 --batch 1048576", "--context 128M --batch 1048576",
                           "--context 1073741824 --batch 65536"}) {
    const CliRun r = run(std::string("memory llama-3-8b ") + args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find("the cache would exceed 8 EiB"), std::string::npos) << args << ": " << r.err;
    EXPECT_NE(r.err.find("argument '--context"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("0 B"), std::string::npos);
  }
  // Just below: 2^30 tokens × 2^15 sequences × 2^17 bytes = 2^62 bytes of KV, answered exactly.
  const CliRun ok = run("memory llama-3-8b --context 1073741824 --batch 32768 --json");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const auto doc = nlohmann::json::parse(ok.out);
  EXPECT_EQ(doc["kv_bytes"].get<std::int64_t>(), 1LL << 62);
}

// The engine presets run only below a 128-bit bound; --parallel is bounded like --batch.
TEST(HardeningCli, EngineMemoryIsBounded) {
  const CliRun parallel = run("memory llama-3-8b --context 8k --engine llama.cpp --parallel 1099511627776");
  EXPECT_EQ(parallel.exit_code, 2);
  EXPECT_NE(parallel.err.find("argument '--parallel 1099511627776': at most 1048576 sequences"), std::string::npos)
      << parallel.err;
  const CliRun wide = run("memory llama-3-8b --context 1073741824 --batch 16384 --engine llama.cpp");
  EXPECT_EQ(wide.exit_code, 2) << wide.out;
  EXPECT_NE(wide.err.find("cache could exceed 4 EiB"), std::string::npos) << wide.err;
  const CliRun vllm = run("memory llama-3-8b --context 1073741824 --batch 16384 --engine vllm");
  EXPECT_EQ(vllm.exit_code, 2) << vllm.out;
}

// Case 01: deep input exits 2 with one line naming the file and key (no crash), for inspect, diagram and memory.
TEST(HardeningCli, DeepJsonExitsTwo) {
  for (const char* verb : {"inspect", "diagram", "memory"}) {
    const CliRun r = run(std::string(verb) + " " + data("01-deep-11000.json"));
    EXPECT_EQ(r.exit_code, 2) << verb;
    EXPECT_NE(r.err.find("01-deep-11000.json: invalid JSON: nesting deeper than 64 levels (under key 'hidden_size')"),
              std::string::npos)
        << verb << ": " << r.err;
  }
}

// Case 02: each minimal input exits 2 naming the key (it used to die of SIGFPE).
TEST(HardeningCli, Qwen3NextIntervalExitsTwo) {
  for (const char* file : {"02-minimal.json", "02-interval-0.json",
                           "02-catalog-qwen3-next-without-full_attention_interval.json"}) {
    const CliRun r = run("inspect " + data(file));
    EXPECT_EQ(r.exit_code, 2) << file;
    EXPECT_NE(r.err.find("key '"), std::string::npos) << file << ": " << r.err;
  }
  const CliRun minimal = run("inspect " + data("02-minimal.json"));
  EXPECT_NE(minimal.err.find("key 'hidden_size'"), std::string::npos) << minimal.err;
  const CliRun interval = run("inspect " + data("02-catalog-qwen3-next-without-full_attention_interval.json"));
  EXPECT_NE(interval.err.find("key 'full_attention_interval': required key is missing"), std::string::npos)
      << interval.err;
}

// Case 10: the config that cost 25 s and 3.3 GB reads, with the shared experts counted 1,024 times.
TEST(HardeningCli, SharedExpertsConfigReads) {
  const CliRun r = run("inspect " + data("10-shared-experts.json") + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
}

// A Nemotron-H config with time_step_limit [0.0, Infinity] is read.
TEST(HardeningCli, NemotronHWithInfinityReads) {
  const CliRun r = run("inspect " + data("nemotron-h-infinity.json"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}
