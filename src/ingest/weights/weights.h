// What a path holds when it holds weights: a .safetensors file, a sharded checkpoint (its
// model.safetensors.index.json and shards), a .gguf file, or a folder holding one of these, with
// or without a config.json beside them. Only headers are read.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/weights/gguf.h"
#include "ingest/weights/safetensors.h"
#include "model/model.h"
#include "base/result.h"

namespace llmg {

enum class WeightFormat : std::uint8_t { Safetensors, Gguf };
std::string_view weight_format_key(WeightFormat format);  // "safetensors", "gguf"

struct WeightFiles {
  WeightFormat format = WeightFormat::Safetensors;
  std::vector<SafetensorsFile> safetensors;  // one file, or the shards of an index
  std::string index_path;                    // model.safetensors.index.json, when sharded
  std::optional<GgufFile> gguf;
  std::filesystem::path config_path;  // config.json / params.json beside the weights, or empty
};

// Weight files at `path`; nullopt when it holds none (a config.json, or a folder with only a config).
Result<std::optional<WeightFiles>> read_weight_files(const std::filesystem::path& path);

// The Model a path stands for: its config when it has one (exactly read_config_path), else a GGUF's
// metadata. Safetensors without a config have no architecture to read: BadInput.
Result<Model> read_model_path(const std::filesystem::path& path);

}  // namespace llmg
