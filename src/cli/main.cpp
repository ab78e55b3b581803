// llmgallery: one binary, one verb per task. Exit codes: 0 done, 1 internal error, 2 bad input or usage.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "catalog/catalog.h"
#include "ingest/config/hf_config.h"
#include "analysis/memory.h"
#include "cli/verb_diagram.h"
#include "cli/verb_poster.h"
#include "cli/verb_inspect.h"
#include "ingest/weights/weights.h"
#include "render/svg/chart.h"
#include "render/text/json.h"
#include "render/text/text.h"
#include "cli/verb_build.h"
#include "cli/verb_serve.h"
#include "cli/exit_codes.h"
#include "cli/memory_engine.h"
#include "cli/resolve.h"

namespace {

using namespace llmg;

using cli::resolve;
using cli::Resolved;
using cli::kExitBadInput;
using cli::kExitInternal;
using cli::kExitOk;
int report(const Error& error) { return cli::report_error(error); }


void print_json(const nlohmann::json& document) { std::cout << document.dump(2) << "\n"; }

// Sort keys of `list --sort`; numeric columns sort largest first, text columns A→Z, date oldest first.
Result<void> sort_views(std::vector<ModelView>& views, const std::string& key) {
  using Getter = double (*)(const ModelView&);
  struct NumericKey {
    const char* name;
    Getter get;
  };
  static const NumericKey kNumeric[] = {
      {"total", [](const ModelView& v) { return double(v.facts.params.total); }},
      {"active", [](const ModelView& v) { return double(v.facts.params.active); }},
      {"layers", [](const ModelView& v) { return double(v.facts.layers); }},
      {"kv", [](const ModelView& v) { return double(v.facts.kv_cache.bytes_per_token_bf16); }},
      {"context", [](const ModelView& v) { return double(v.facts.context_length); }},
      {"score", [](const ModelView& v) {
         return v.entry && v.entry->benchmark_score ? *v.entry->benchmark_score : -1.0;
       }},
  };
  for (const NumericKey& numeric : kNumeric)
    if (key == numeric.name) {
      std::stable_sort(views.begin(), views.end(), [&](const ModelView& a, const ModelView& b) {
        return numeric.get(a) > numeric.get(b);
      });
      return {};
    }
  auto text_sort = [&](auto get) {
    std::stable_sort(views.begin(), views.end(), [&](const ModelView& a, const ModelView& b) { return get(a) < get(b); });
  };
  if (key == "name")
    text_sort([](const ModelView& v) { return v.name; });
  else if (key == "slug")
    text_sort([](const ModelView& v) { return v.slug; });
  else if (key == "date")
    text_sort([](const ModelView& v) { return v.entry ? v.entry->release_date : std::string(); });
  else if (key == "attention")
    text_sort([](const ModelView& v) { return v.facts.attention_summary; });
  else
    return bad_input(fmt::format("argument '--sort {}': expected one of date, name, slug, total, active, layers, "
                                 "attention, kv, context, score",
                                 key));
  return {};
}

int run_list(bool json, const std::string& sort_key) {
  std::vector<ModelView> views;
  for (const CatalogEntry& entry : Catalog::bundled().entries()) views.push_back(view_of(entry));
  if (auto sorted = sort_views(views, sort_key); !sorted) return report(sorted.error());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const ModelView& view : views) out.push_back(list_item_json(view));
    print_json(out);
  } else {
    std::cout << list_text(views);
  }
  return kExitOk;
}

int run_show(const std::string& argument, bool json, bool allow_slug) {
  auto resolved = resolve(argument, allow_slug);
  if (!resolved) return report(resolved.error());
  if (json)
    print_json(model_json(resolved->view));
  else
    std::cout << sheet_text(resolved->view);
  return kExitOk;
}

struct MemoryOptions {
  std::string context = "";
  std::int64_t batch = 1;
  std::string kv_dtype = "bf16";
  std::string weights = "bf16";
  std::string plot;
};

int run_memory(const std::vector<std::string>& models, const MemoryOptions& options,
               const cli::EngineCliOptions& engine_options, bool json) {
  auto kv = number_format(options.kv_dtype, "--kv-dtype");
  if (!kv) return report(kv.error());
  auto engine = cli::engine_settings(engine_options, *kv);
  if (!engine) return report(engine.error());
  auto weights = number_format(options.weights, "--weights");
  if (!weights) return report(weights.error());
  nlohmann::json documents = nlohmann::json::array();
  std::string text;
  std::vector<Resolved> resolved_models;
  for (const std::string& argument : models) {
    auto resolved = resolve(argument, true);
    if (!resolved) return report(resolved.error());
    if (!resolved->view.model)
      return report(Error{Error::Kind::BadInput,
                          fmt::format("argument '{}': architecture unknown ({})", argument,
                                      resolved->view.entry ? resolved->view.entry->unknown_short : "")});
    MemoryQuery query;
    query.batch = options.batch;
    query.kv = *kv;
    query.weights = *weights;
    if (options.context.empty()) {
      query.context = resolved->view.facts.context_length;
    } else {
      auto context = parse_token_count(options.context, "--context");
      if (!context) return report(context.error());
      query.context = *context;
    }
    auto memory = memory_report(*resolved->view.model, query);
    if (!memory) return report(memory.error());
    documents.push_back(memory_json(resolved->view, *memory));
    std::string sheet = memory_text(resolved->view, *memory);
    if (*engine) {  // the engine figure beside the logical one (cli/memory_engine.h)
      auto allocated = engine_memory(*resolved->view.model, *memory, **engine);
      if (!allocated) return report(allocated.error());
      cli::add_engine_json(documents.back(), *allocated);
      sheet = cli::engine_memory_text(sheet, *memory, *allocated);
    } else {
      documents.back()["fits_basis"] = "logical";
    }
    text += (text.empty() ? "" : "\n") + sheet;
    resolved_models.push_back(std::move(*resolved));
  }
  if (!options.plot.empty()) {
    std::vector<const ModelView*> views;
    for (const Resolved& r : resolved_models) views.push_back(&r.view);
    const std::string svg = memory_chart_svg(views, *kv, options.batch, *engine ? &**engine : nullptr);
    std::ofstream out(options.plot, std::ios::binary);
    if (!(out << svg)) return report(Error{Error::Kind::BadInput, fmt::format("{}: cannot write", options.plot)});
  }
  if (json)
    print_json(documents.size() == 1 ? documents[0] : documents);
  else
    std::cout << text;
  return kExitOk;
}

int run_diff(const std::string& first, const std::string& second, bool json) {
  auto a = resolve(first, true);
  if (!a) return report(a.error());
  auto b = resolve(second, true);
  if (!b) return report(b.error());
  if (json)
    print_json(diff_json(a->view, b->view));
  else
    std::cout << diff_text(a->view, b->view);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"llmgallery — LLM architecture facts derived from the models' own files", "llmgallery"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "llmgallery 0.1.0");

  bool json = false;
  std::string sort_key = "date";
  auto* list = app.add_subcommand("list", "table of every catalog model");
  list->add_option("--sort", sort_key, "date, name, slug, total, active, layers, attention, kv, context, score");
  list->add_flag("--json", json, "JSON array instead of a table");

  std::string target, other;
  auto* show = app.add_subcommand("show", "fact sheet of a catalog model (or a config path)");
  show->add_option("model", target, "catalog slug or path to config.json / params.json / .gguf / directory")->required();
  show->add_flag("--json", json, "JSON document");

  auto* inspect = app.add_subcommand("inspect", "fact sheet of a config, safetensors or GGUF file, or a directory");
  inspect->add_option("path", target, "config.json, params.json, .safetensors, model.safetensors.index.json, .gguf, "
                                      "or a directory holding them")->required();
  inspect->add_flag("--json", json, "JSON document");

  auto* diff = app.add_subcommand("diff", "two models side by side, differing rows marked");
  diff->add_option("a", target, "slug or path")->required();
  diff->add_option("b", other, "slug or path")->required();
  diff->add_flag("--json", json, "JSON document");

  std::vector<std::string> memory_models;
  MemoryOptions memory_options;
  auto* memory = app.add_subcommand("memory", "KV cache, recurrent state and weights at a context length");
  memory->add_option("models", memory_models, "one or two slugs or paths")->required()->expected(1, 2);
  memory->add_option("--context", memory_options.context, "tokens per sequence, e.g. 8192, 128k, 1M (default: the model's context)");
  memory->add_option("--batch", memory_options.batch, "sequences (default 1)");
  memory->add_option("--kv-dtype", memory_options.kv_dtype, "bf16, fp16, fp8, int8, int4 (default bf16)");
  memory->add_option("--weights", memory_options.weights, "bf16, fp16, fp8, int8, int4 (default bf16)");
  memory->add_option("--plot", memory_options.plot, "write the memory-vs-context curve as SVG");
  memory->add_flag("--json", json, "JSON document");
  cli::EngineCliOptions engine_options;
  cli::add_engine_options(*memory, engine_options);

  llmg::cli::ServeVerb serve;
  llmg::cli::add_serve_verb(app, serve);
  llmg::cli::BuildVerb build;
  llmg::cli::add_build_verb(app, build);
  llmg::cli::DiagramVerb diagram_verb;
  llmg::cli::add_diagram_verb(app, diagram_verb);
  llmg::cli::PosterVerb poster_verb;
  llmg::cli::add_poster_verb(app, poster_verb);

  if (argc > 1 && argv[1][0] != '-') {
    bool known = false;
    std::string verbs;
    for (const CLI::App* sub : app.get_subcommands({})) {
      known = known || sub->get_name() == argv[1];
      verbs += (verbs.empty() ? "" : ", ") + sub->get_name();
    }
    if (!known) {
      std::cerr << "llmgallery: unknown verb '" << argv[1] << "' (expected one of " << verbs << ")\n";
      return kExitBadInput;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "llmgallery: " << e.what() << " (see 'llmgallery --help')\n";
    return kExitBadInput;
  }
  try {
    if (list->parsed()) return run_list(json, sort_key);
    if (show->parsed()) return run_show(target, json, true);
    if (inspect->parsed()) {
      if (auto weights = run_inspect_weights(target, json)) return *weights;  // safetensors / GGUF
      return run_show(target, json, false);
    }
    if (diff->parsed()) return run_diff(target, other, json);
    if (memory->parsed()) {
      cli::finish_engine_options(*memory, engine_options);
      return run_memory(memory_models, memory_options, engine_options, json);
    }
    if (serve.command->parsed()) return llmg::cli::run_serve(serve);
    if (build.command->parsed()) return llmg::cli::run_build(build);
    if (diagram_verb.command->parsed()) return llmg::cli::run_diagram(diagram_verb);
    if (poster_verb.command->parsed()) return llmg::cli::run_poster(poster_verb);
  } catch (const std::exception& e) {
    std::cerr << "llmgallery: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitBadInput;
}
