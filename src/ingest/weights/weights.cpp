#include "ingest/weights/weights.h"

#include <algorithm>

#include <fmt/format.h>

#include "ingest/weights/gguf_model.h"
#include "ingest/weights/gguf_split.h"
#include "ingest/config/hf_config.h"

namespace llmg {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& text, std::string_view suffix) { return text.ends_with(suffix); }

bool is_index_name(const std::string& name) { return ends_with(name, ".safetensors.index.json"); }

fs::path config_beside(const fs::path& folder) {
  std::error_code ec;
  for (const char* name : {"config.json", "params.json"})
    if (fs::is_regular_file(folder / name, ec)) return folder / name;
  return {};
}

Result<WeightFiles> read_file(const fs::path& file) {
  const std::string name = file.filename().string();
  WeightFiles out;
  if (ends_with(name, ".gguf")) {
    auto gguf = read_gguf_set(file);  // a shard of a split GGUF reads the whole set
    if (!gguf) return tl::unexpected(gguf.error());
    out.format = WeightFormat::Gguf;
    out.gguf = std::move(*gguf);
    return out;  // a GGUF carries its own metadata: no config is looked for
  }
  if (is_index_name(name)) {
    auto sharded = read_sharded_safetensors(file);
    if (!sharded) return tl::unexpected(sharded.error());
    out.index_path = file.string();
    out.safetensors = std::move(sharded->shards);
  } else {
    auto single = read_safetensors(file);
    if (!single) return tl::unexpected(single.error());
    out.safetensors.push_back(std::move(*single));
  }
  out.config_path = config_beside(file.parent_path().empty() ? fs::path(".") : file.parent_path());
  return out;
}

}  // namespace

std::string_view weight_format_key(WeightFormat format) { return format == WeightFormat::Gguf ? "gguf" : "safetensors"; }

Result<std::optional<WeightFiles>> read_weight_files(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    const std::string name = path.filename().string();
    if (ends_with(name, ".gguf") || ends_with(name, ".safetensors") || is_index_name(name)) {
      auto files = read_file(path);
      if (!files) return tl::unexpected(files.error());
      return std::optional<WeightFiles>(std::move(*files));
    }
    return std::optional<WeightFiles>();
  }
  // A folder: an index first (it names the shards), else safetensors files, else one GGUF.
  std::vector<fs::path> indexes, safetensors, ggufs;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    const std::string name = entry.path().filename().string();
    if (is_index_name(name)) indexes.push_back(entry.path());
    else if (ends_with(name, ".safetensors")) safetensors.push_back(entry.path());
    else if (ends_with(name, ".gguf")) ggufs.push_back(entry.path());
  }
  if (ec) return bad_input(fmt::format("{}: cannot list the folder: {}", path.string(), ec.message()));
  std::sort(indexes.begin(), indexes.end());
  std::sort(safetensors.begin(), safetensors.end());
  std::sort(ggufs.begin(), ggufs.end());
  WeightFiles out;
  if (!indexes.empty()) {
    auto index_path = std::find_if(indexes.begin(), indexes.end(),
                                   [](const fs::path& p) { return p.filename() == "model.safetensors.index.json"; });
    auto files = read_file(index_path != indexes.end() ? *index_path : indexes.front());
    if (!files) return tl::unexpected(files.error());
    out = std::move(*files);
  } else if (!safetensors.empty()) {
    // Shards without an index: every .safetensors file of the folder is part of the checkpoint.
    for (const fs::path& file : safetensors) {
      auto shard = read_safetensors(file);
      if (!shard) return tl::unexpected(shard.error());
      out.safetensors.push_back(std::move(*shard));
    }
  } else if (ggufs.size() == 1) {
    auto files = read_file(ggufs.front());
    if (!files) return tl::unexpected(files.error());
    out = std::move(*files);
  } else if (ggufs.size() > 1 && std::all_of(ggufs.begin(), ggufs.end(), [&](const fs::path& p) {
               const auto a = parse_gguf_split_name(p.filename().string());
               const auto first = parse_gguf_split_name(ggufs.front().filename().string());
               return a && first && a->prefix == first->prefix && a->count == first->count;
             })) {
    // The shards of one split GGUF: read as one file set.
    auto files = read_file(ggufs.front());
    if (!files) return tl::unexpected(files.error());
    out = std::move(*files);
  } else if (ggufs.size() > 1) {
    return bad_input(fmt::format("{}: the folder holds {} .gguf files ({}, ...); name one", path.string(), ggufs.size(),
                                 ggufs.front().filename().string()));
  } else {
    return std::optional<WeightFiles>();
  }
  out.config_path = config_beside(path);
  return std::optional<WeightFiles>(std::move(out));
}

Result<Model> read_model_path(const fs::path& path) {
  std::error_code ec;
  const bool folder = fs::is_directory(path, ec);
  // A config is read exactly as before, weights or not.
  if (folder ? !config_beside(path).empty() : !path.filename().string().ends_with(".gguf") &&
                                                  !path.filename().string().ends_with(".safetensors") &&
                                                  !is_index_name(path.filename().string()))
    return read_config_path(path);
  auto files = read_weight_files(path);
  if (!files) return tl::unexpected(files.error());
  if (!*files) return read_config_path(path);  // folder without weights: the usual "no config" error
  if ((*files)->gguf) return model_from_gguf(*(*files)->gguf);
  if (!(*files)->config_path.empty()) return read_config_path((*files)->config_path);
  return bad_input(fmt::format("{}: safetensors without a config.json beside them: the architecture is unknown "
                               "('llmgallery inspect' shows the tensor report)",
                               path.string()));
}

}  // namespace llmg
