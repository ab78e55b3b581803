#include "cli/verb_memory.h"

#include <fstream>
#include <iostream>
#include <vector>

#include <fmt/format.h>

#include "analysis/memory.h"
#include "base/units.h"
#include "render/svg/chart.h"
#include "render/text/json.h"
#include "render/text/text.h"
#include "cli/memory_engine.h"
#include "cli/output.h"
#include "cli/resolve.h"

namespace llmg::cli {

int run_memory(const std::vector<std::string>& models, const MemoryOptions& options,
               const EngineCliOptions& engine_options, bool json) {
  auto kv = number_format(options.kv_dtype, "--kv-dtype");
  if (!kv) return report(kv.error());
  auto engine = engine_settings(engine_options, *kv);
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
      set_default_context(query, resolved->view.facts.context_length);
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
      add_engine_json(documents.back(), *allocated);
      sheet = engine_memory_text(sheet, *memory, *allocated);
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

}  // namespace llmg::cli
