// The checkpoint report: what the weight files themselves say, from their headers only. Exact
// parameter count, per-dtype and per-component breakdowns, bits per weight, and a cross-check
// against the config-derived count (params.h), where the tensors are the ground truth.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/weights/gguf.h"
#include "ingest/weights/safetensors.h"
#include "ingest/weights/weights.h"
#include "model/model.h"

namespace llmg {

// One stored tensor, in the file's own names; shape in PyTorch order (outermost first).
struct WeightTensor {
  std::string name;
  std::string dtype;  // safetensors dtype or GGML type name
  std::vector<std::int64_t> shape;
  std::int64_t params = 0;  // weights it holds (packed formats unpacked)
  std::uint64_t bytes = 0;  // bytes it occupies in the file
};

struct Checkpoint {
  WeightFormat format = WeightFormat::Safetensors;
  std::vector<std::string> files;
  std::uint64_t file_bytes = 0;  // sizes of the files, summed
  std::uint64_t bytes_read = 0;  // what reading the headers cost
  std::vector<WeightTensor> tensors;
  std::vector<std::string> notes;  // packing conventions applied
};

Checkpoint checkpoint_of(const std::vector<SafetensorsFile>& shards);
Checkpoint checkpoint_of(const GgufFile& file);

// The component of a stored tensor from its name (Hugging Face and llama.cpp spellings: one ordered
// rule table). Block indices at or above `main_layers` (when >= 0) are multi-token-prediction layers,
// as DeepSeek V3 stores its MTP block as model.layers.61.
Component tensor_component(std::string_view name, std::int64_t main_layers = -1);

struct DtypeShare {
  std::string dtype;
  std::int64_t tensors = 0;
  std::int64_t params = 0;
  std::uint64_t bytes = 0;
  double bits_per_weight = 0;
};

struct ComponentShare {
  Component component = Component::Other;
  std::int64_t tensors = 0;
  std::int64_t params = 0;
  std::uint64_t bytes = 0;
};

struct CrossCheckRow {
  Component component = Component::Other;
  std::int64_t config_params = 0;
  std::int64_t tensor_params = 0;
  std::string explanation;  // why they differ (empty when equal)
};

// Config-derived counts (params.h) against the tensors. The language-model total leaves out what a
// config count never holds: vision towers, quantization scales and MTP layers (compared apart).
struct CrossCheck {
  std::string against;  // what the Model came from: "config.json" or "GGUF metadata"
  std::int64_t config_total = 0;
  std::int64_t config_mtp = 0;
  std::int64_t tensor_total = 0;  // language model only, comparable to config_total
  std::int64_t tensor_mtp = 0;
  bool matches = false;           // totals and MTP agree
  std::vector<CrossCheckRow> rows;  // every component either side has
  std::vector<std::string> notes;   // the differences explained, in plain words
};

struct CheckpointReport {
  WeightFormat format = WeightFormat::Safetensors;
  std::vector<std::string> files;
  std::uint64_t file_bytes = 0;
  std::uint64_t bytes_read = 0;
  std::int64_t tensor_count = 0;
  std::int64_t params = 0;        // every stored tensor, the ground truth
  std::uint64_t tensor_bytes = 0;
  double bytes_per_param = 0;
  double bits_per_weight = 0;
  std::vector<DtypeShare> by_dtype;          // largest first
  std::vector<ComponentShare> by_component;  // in Component order
  std::optional<CrossCheck> cross_check;     // when a Model (config or GGUF metadata) is at hand
  std::vector<std::string> notes;
};

// Fails only when sums overflow 64 bits (hostile headers whose tensors each passed the parser).
Result<CheckpointReport> checkpoint_report(const Checkpoint& checkpoint, const Model* model);

}  // namespace llmg
