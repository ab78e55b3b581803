#include "cli/resolve.h"

#include <filesystem>

#include <fmt/format.h>

#include "analysis/validate.h"
#include "catalog/catalog.h"
#include "ingest/weights/weights.h"

namespace llmg::cli {

Result<Resolved> resolve(const std::string& argument, bool allow_slug) {
  if (allow_slug) {
    if (std::optional<CatalogEntry> entry = Catalog::load(argument)) {
      Resolved resolved;
      resolved.entry = std::make_shared<const CatalogEntry>(std::move(*entry));
      resolved.view = view_of(*resolved.entry);
      return resolved;
    }
  }
  std::error_code ec;
  if (!std::filesystem::exists(argument, ec)) {
    if (allow_slug)
      return bad_input(fmt::format("argument '{}': not a catalog slug nor an existing file (see 'llmgallery list')",
                                   argument));
    return bad_input(fmt::format("{}: no such file or directory", argument));
  }
  auto model = checked_model(read_model_path(argument), argument);  // a config, or a GGUF's metadata
  if (!model) return tl::unexpected(model.error());
  Resolved resolved;
  resolved.owned = std::make_shared<const Model>(std::move(*model));
  // The name shown: a folder's name for a folder or for a file with a generic name (config.json, params.json,
  // model*.safetensors…: a Hugging Face snapshot is named by its folder), else the file's stem
  // (Llama-3-8B-Q4_K_M.gguf, my-variant.json), so two files of one folder are told apart.
  std::filesystem::path path = std::filesystem::absolute(argument, ec).lexically_normal();
  std::string name;
  if (!std::filesystem::is_directory(path, ec)) {
    const std::string file = path.filename().string();
    const bool generic = file == "config.json" || file == "params.json" || file.starts_with("model.") ||
                         file.starts_with("model-");
    if (!generic) name = path.stem().string();
    path = path.parent_path();
  }
  if (name.empty()) name = path.filename().string().empty() ? argument : path.filename().string();
  resolved.view = view_of(*resolved.owned, name, name);
  return resolved;
}

}  // namespace llmg::cli
