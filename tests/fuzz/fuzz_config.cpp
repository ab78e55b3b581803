// libFuzzer target for the config path (issue 17 item 5): JSON text -> Model (every family reader and the
// analysis checks) -> facts -> the fact sheet as text and JSON, the diagram and layer-strip SVGs, and the
// memory report (text and JSON) at the model's own context. Built with clang by scripts/fuzz.sh; also built
// with g++ as a ctest replay over tests/fuzz/corpus/config, the catalog's configs and the family-test
// configs (replay_main.cpp).
//
// What an input may do: be refused with a BadInput error whose message is not empty. What it may not: an
// Internal error, an exception escaping, a crash, a sanitizer report, or output that is not valid UTF-8 JSON.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analysis/memory.h"
#include "analysis/validate.h"
#include "ingest/config/hf_config.h"
#include "render/svg/diagram.h"
#include "render/text/json.h"
#include "render/text/text.h"
#include "view/model_view.h"

namespace {

// An error is a finding when it is not a clear input error.
bool clear_input_error(const llmg::Error& error) {
  return error.kind == llmg::Error::Kind::BadInput && !error.message.empty();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto model = llmg::checked_model(llmg::read_config_text(text, "config.json"), "config.json");
  if (!model) {
    if (!clear_input_error(model.error())) std::abort();
    return 0;
  }
  const llmg::ModelView view = llmg::view_of(*model, "fuzz", "fuzz");
  const std::string sheet = llmg::sheet_text(view);
  const std::string json = llmg::json_text(llmg::model_json(view), 2);
  const std::string diagram = llmg::diagram_svg(view);
  const std::string strip = llmg::layer_strip_svg(view);
  if (sheet.empty() || json.empty() || diagram.empty() || strip.empty()) std::abort();

  llmg::MemoryQuery query;
  query.context = view.facts.context_length;
  auto memory = llmg::memory_report(*model, query);
  if (!memory) {
    if (!clear_input_error(memory.error())) std::abort();
    return 0;
  }
  if (llmg::memory_text(view, *memory).empty() || llmg::json_text(llmg::memory_json(view, *memory), -1).empty())
    std::abort();
  return 0;
}
