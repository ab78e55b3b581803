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
#include "cli/verb_diff.h"
#include "cli/verb_families.h"
#include "cli/verb_list.h"
#include "cli/verb_memory.h"
#include "cli/verb_show.h"

namespace {

using namespace llmg;

using cli::kExitBadInput;
using cli::kExitInternal;
using cli::run_diff;
using cli::run_list;
using cli::run_memory;
using cli::run_show;

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

  bool families_markdown = false;
  auto* families = app.add_subcommand("families", "the model types read (config and GGUF names) and those declined");
  families->add_flag("--json", json, "JSON document");
  families->add_flag("--markdown", families_markdown, "the README's table")->excludes(families->get_option("--json"));

  std::vector<std::string> memory_models;
  llmg::cli::MemoryOptions memory_options;
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
    if (families->parsed())
      return llmg::cli::run_families(json ? llmg::cli::FamiliesFormat::Json
                                          : families_markdown ? llmg::cli::FamiliesFormat::Markdown
                                                              : llmg::cli::FamiliesFormat::Text);
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
