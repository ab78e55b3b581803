// Ingest + analysis speed: parse a catalog config, build the normalized model, compute every fact.
// Prints per-config figures for every catalog config and every family test config (tests/data/families, one
// per registry row not covered by the catalog), and the whole catalog (Google Benchmark).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "analysis/facts.h"
#include "catalog/catalog.h"
#include "ingest/config/hf_config.h"

namespace {

void ingest_and_analyse(benchmark::State& state, const llmg::CatalogEntry* entry) {
  for (auto _ : state) {
    auto model = llmg::read_config_text(entry->config_text, entry->config_file);
    auto facts = llmg::compute_facts(*model);
    benchmark::DoNotOptimize(facts);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * entry->config_text.size()));
}

struct FamilyConfig {
  std::string name, text;
};

void ingest_family_config(benchmark::State& state, const FamilyConfig* config) {
  for (auto _ : state) {
    auto model = llmg::read_config_text(config->text, config->name);
    if (!model) {
      state.SkipWithError(model.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(llmg::compute_facts(*model));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * config->text.size()));
}

std::vector<FamilyConfig> family_configs() {
  std::vector<FamilyConfig> configs;
  for (const auto& file : std::filesystem::directory_iterator(LLMG_FAMILY_DATA)) {
    if (file.path().extension() != ".json") continue;
    std::ifstream in(file.path());
    configs.push_back({file.path().filename().string(),
                       std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())});
  }
  std::sort(configs.begin(), configs.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return configs;
}

void whole_catalog(benchmark::State& state) {
  const auto& entries = llmg::Catalog::bundled().entries();
  for (auto _ : state) {
    for (const auto& entry : entries) {
      if (entry.config_text.empty()) continue;
      auto model = llmg::read_config_text(entry.config_text, entry.config_file);
      if (model) benchmark::DoNotOptimize(llmg::compute_facts(*model));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (const auto& entry : llmg::Catalog::bundled().entries())
    if (entry.model) benchmark::RegisterBenchmark(("ingest+facts/" + entry.slug).c_str(), ingest_and_analyse, &entry);
  static const std::vector<FamilyConfig> families = family_configs();
  for (const auto& config : families)
    benchmark::RegisterBenchmark(("ingest+facts/family/" + config.name).c_str(), ingest_family_config, &config);
  benchmark::RegisterBenchmark("ingest+facts/whole-catalog", whole_catalog);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
}
