#include "ingest/families/remote_code.h"

#include <fmt/format.h>

namespace llmg {

void note_remote_code(ConfigView& config, Model& model, std::string_view reference) {
  std::string modeling = config.string_named(Key::AutoMapCausalLm, "");
  if (const auto at = modeling.rfind("--"); at != std::string::npos) modeling = modeling.substr(at + 2);
  if (modeling.empty()) {
    model.key_sources["remote_code"] = fmt::format("{} (reference; the file has no auto_map)", reference);
    model.notes.push_back(fmt::format("Remote-code family read as {} lays it out.", reference));
    return;
  }
  model.key_sources["remote_code"] = fmt::format("{} (auto_map.AutoModelForCausalLM)", modeling);
  model.notes.push_back(fmt::format("Remote code (trust_remote_code): {}; read as {} lays it out.", modeling, reference));
}

}  // namespace llmg
