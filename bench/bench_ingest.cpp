// Ingest + analysis speed: parse a catalog config, build the normalized model, compute every fact.
// Prints per-config and all-catalog figures (Google Benchmark).
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
  benchmark::RegisterBenchmark("ingest+facts/whole-catalog", whole_catalog);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
}
