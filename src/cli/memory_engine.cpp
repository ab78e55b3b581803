#include "cli/memory_engine.h"

#include <fmt/format.h>

#include "base/units.h"

namespace llmg::cli {

void add_engine_options(CLI::App& memory, EngineCliOptions& options) {
  memory.add_option(
      "--engine", options.engine,
      "also show the figure as an engine allocates it: llama.cpp or vllm (rules: README, Engine presets)");
  memory.add_option(
      "--ubatch", options.ubatch,
      "tokens per step: llama.cpp n_ubatch (default 512), vLLM max_num_batched_tokens (default 2048)");
  memory.add_option("--parallel", options.parallel,
                    "llama.cpp -np: sequences the cache holds (default: --batch)");
  memory.add_flag("--swa-full", options.swa_full,
                  "llama.cpp --swa-full: full-size caches for sliding-window layers");
  memory.add_flag("--kv-unified", options.kv_unified,
                  "llama.cpp --kv-unified: one cache shared by all sequences (llama-server without -np)");
}

void finish_engine_options(const CLI::App& memory, EngineCliOptions& options) {
  options.kv_explicit = memory.count("--kv-dtype") > 0;
}

Result<std::optional<EngineSettings>> engine_settings(const EngineCliOptions& options,
                                                      const NumberFormat& kv) {
  if (options.engine.empty()) {
    if (options.ubatch || options.parallel || options.swa_full || options.kv_unified)
      return bad_input("argument '--ubatch', '--parallel', '--swa-full' or '--kv-unified': needs --engine");
    return std::optional<EngineSettings>();
  }
  auto engine = engine_by_name(options.engine, "--engine");
  if (!engine) return tl::unexpected(engine.error());
  EngineSettings settings;
  settings.engine = *engine;
  settings.ubatch = options.ubatch;
  settings.parallel = options.parallel;
  settings.swa_full = options.swa_full;
  settings.kv_unified = options.kv_unified;
  if (options.parallel && *options.parallel <= 0)
    return bad_input(
        fmt::format("argument '--parallel {}': expected a positive number of sequences", *options.parallel));
  if (options.kv_explicit) settings.kv = kv;
  return std::optional<EngineSettings>(settings);
}

namespace {

std::string fits_text(std::int64_t total, const std::string& basis) {
  std::string out =
      fmt::format("\nFits on ({}: weights + KV + state, no activation or framework overhead):\n", basis);
  for (const AcceleratorFit& fit : accelerator_fits(total))
    out += fmt::format("  {:<26}{}\n", fit.name, fit.count ? fmt::format("{} ×", *fit.count) : "more than 8");
  return out;
}

}  // namespace

std::string engine_memory_text(const std::string& logical_text, const MemoryReport& logical,
                               const EngineMemory& engine) {
  // The logical sheet without its fits table (that follows, on the engine figure).
  const std::string marker = "\nFits on";
  std::string out = logical_text.substr(0, logical_text.find(marker));
  const std::string name(engine_name(engine.engine));
  out += fmt::format("\nAs {} allocates it (K/V {}):\n", name, engine.kv_type);
  out += fmt::format("{:<30}{:>12}{:>16}{:>12}{:>18}  {}\n", "layer kind", "logical KV", name + " KV",
                     "cells", name + " state", "rule");
  for (const EngineKindMemory& kind : engine.by_kind) {
    std::int64_t logical_kv = 0;
    for (const LayerMemory& g : logical.by_kind)
      if (g.kind == kind.kind) logical_kv = g.kv_bytes;
    out += fmt::format("{:<30}{:>12}{:>16}{:>12}{:>18}  {}\n", kind.kind, human_bytes(logical_kv),
                       human_bytes(kind.kv_bytes), kind.cells > 0 ? with_commas(kind.cells) : "-",
                       kind.state_bytes > 0 ? human_bytes(kind.state_bytes) : "-", kind.rule);
  }
  out += "\n";
  auto line = [&](const std::string& label, const std::string& logical_value,
                  const std::string& engine_value) {
    out += fmt::format("{:<34}{:>14}{:>14}\n", label, logical_value, engine_value);
  };
  line("", "logical", name);
  line("KV cache", human_bytes(logical.kv_bytes), human_bytes(engine.kv_bytes));
  line("Recurrent state", human_bytes(logical.state_bytes), human_bytes(engine.state_bytes));
  line("Total (with weights)", human_bytes(logical.total_bytes), human_bytes(engine.total_bytes));
  std::string settings;
  for (const auto& [key, value] : engine.settings)
    settings += fmt::format("{}{}={}", settings.empty() ? "" : " ", key, value);
  out += fmt::format("{} settings: {}\n", name, settings);
  for (const std::string& note : engine.notes) out += fmt::format("note: {}\n", note);
  out += fits_text(engine.total_bytes, name + " figure");
  return out;
}

void add_engine_json(nlohmann::json& document, const EngineMemory& engine) {
  using nlohmann::json;
  document["engine"] = engine_name(engine.engine);
  document["engine_kv_type"] = engine.kv_type;
  document["engine_kv_bytes"] = engine.kv_bytes;
  document["engine_state_bytes"] = engine.state_bytes;
  document["engine_total_bytes"] = engine.total_bytes;
  json settings = json::object();
  for (const auto& [key, value] : engine.settings) settings[key] = value;
  document["engine_settings"] = settings;
  document["engine_notes"] = engine.notes;
  for (json& group : document["by_kind"])
    for (const EngineKindMemory& kind : engine.by_kind)
      if (group["kind"] == kind.kind) {
        group["engine_rule"] = kind.rule;
        group["engine_tokens_kept"] = kind.cells;
        group["engine_kv_bytes"] = kind.kv_bytes;
        group["engine_state_bytes"] = kind.state_bytes;
      }
  json fits = json::array();
  for (const AcceleratorFit& fit : accelerator_fits(engine.total_bytes))
    fits.push_back({{"accelerator", fit.name},
                    {"memory_bytes", fit.memory_bytes},
                    {"count", fit.count ? json(*fit.count) : json(nullptr)}});
  document["fits"] = fits;
  document["fits_basis"] = engine_name(engine.engine);
}

}  // namespace llmg::cli
