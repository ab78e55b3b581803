#include "cli/verb_inspect.h"

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "analysis/checkpoint.h"
#include "analysis/validate.h"
#include "ingest/weights/gguf_model.h"
#include "ingest/config/hf_config.h"
#include "ingest/weights/weights.h"
#include "render/text/checkpoint.h"
#include "render/text/json.h"
#include "render/text/text.h"
#include "cli/exit_codes.h"

namespace llmg {

namespace {

using cli::report_error;

std::string display_name(const std::filesystem::path& argument) {
  std::error_code ec;
  std::filesystem::path path = std::filesystem::absolute(argument, ec).lexically_normal();
  if (std::filesystem::is_directory(path, ec)) {
    if (path.filename().empty()) path = path.parent_path();
    return path.filename().string();
  }
  // model.safetensors / model-00001-of-00002.safetensors / model.safetensors.index.json: named by their folder,
  // as cli/resolve.cpp names a config.json; another file by its stem (Llama-3-8B-Q4_K_M).
  const std::string file = path.filename().string();
  if (file.starts_with("model.") || file.starts_with("model-")) return path.parent_path().filename().string();
  return path.stem().string();
}

}  // namespace

std::optional<int> run_inspect_weights(const std::string& argument, bool json) {
  auto files = read_weight_files(argument);
  if (!files) return report_error(files.error());
  if (!*files) return std::nullopt;
  const WeightFiles& weights = **files;

  std::unique_ptr<Model> model;
  std::string unknown_reason;
  if (!weights.config_path.empty()) {
    auto config = checked_model(read_config_path(weights.config_path), weights.config_path.string());
    if (!config) return report_error(config.error());
    model = std::make_unique<Model>(std::move(*config));
  } else if (weights.gguf) {
    auto from_gguf = checked_model(model_from_gguf(*weights.gguf), argument);
    if (from_gguf) {
      model = std::make_unique<Model>(std::move(*from_gguf));
    } else {
      // An architecture with no mapping yet: the tensor report is still worth printing (exit 0, facts
      // unknown). A mapped architecture whose metadata is invalid (NaN rope base, 4G blocks) is bad input.
      const GgufValue* arch = weights.gguf->find("general.architecture");
      if (arch && arch->type == GgufType::String && find_gguf_architecture(arch->text))
        return report_error(from_gguf.error());
      unknown_reason = from_gguf.error().message;
    }
  } else {
    unknown_reason = "no config.json beside the safetensors files; the tensor report below is all the files say";
  }

  const Checkpoint checkpoint = weights.gguf ? checkpoint_of(*weights.gguf) : checkpoint_of(weights.safetensors);
  auto report = checkpoint_report(checkpoint, model.get());
  if (!report) return report_error(report.error());

  const std::string name = display_name(argument);
  if (json) {
    nlohmann::json document;
    if (model) {
      document = model_json(view_of(*model, name, name));
    } else {
      document = {{"slug", name}, {"name", name}, {"known", false}, {"unknown_reason", unknown_reason}};
    }
    document["files"] = checkpoint_json(*report);
    std::cout << json_text(document, 2) << "\n";
    return 0;
  }
  std::string text;
  if (model) text = sheet_text(view_of(*model, name, name));
  else text = fmt::format("{}  ·  {}\n\nFacts  unknown: {}\n", name, name, unknown_reason);
  std::cout << text << "\n" << checkpoint_text(*report);
  return 0;
}

}  // namespace llmg
