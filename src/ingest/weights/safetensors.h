// safetensors headers: the 8-byte little-endian header length, then a JSON object naming every
// tensor's dtype, shape and byte range. Only the header is read, never tensor data. A sharded
// checkpoint is a model.safetensors.index.json whose weight_map names the shard of each tensor.
// Format: https://github.com/huggingface/safetensors (README, "Format").
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/weights/byte_source.h"
#include "base/result.h"

namespace llmg {

// One row per dtype the format defines: its name in the header and its width in bits.
struct SafetensorsDtype {
  std::string_view name;  // "BF16", "F8_E4M3", ...
  int bits;               // 1-byte types 8, F4 4, F6_* 6, ...
};
std::span<const SafetensorsDtype> safetensors_dtypes();
const SafetensorsDtype* find_safetensors_dtype(std::string_view name);

struct SafetensorsTensor {
  std::string name;
  std::string dtype;
  int dtype_bits = 0;
  std::vector<std::int64_t> shape;
  std::int64_t elements = 0;      // product of the shape
  std::uint64_t data_begin = 0;   // offsets inside the data section (after the header)
  std::uint64_t data_end = 0;
};

struct SafetensorsFile {
  std::string path;
  std::uint64_t file_size = 0;
  std::uint64_t header_size = 0;  // the JSON header's length (the file's first 8 bytes)
  std::vector<SafetensorsTensor> tensors;      // in header order
  std::map<std::string, std::string> metadata;  // __metadata__
  std::uint64_t bytes_read = 0;                 // I/O this parse cost
};

// safetensors' own reader refuses headers above 100,000,000 bytes; so do we.
constexpr std::uint64_t kMaxSafetensorsHeader = 100'000'000;

Result<SafetensorsFile> parse_safetensors(ByteSource& source);
Result<SafetensorsFile> read_safetensors(const std::filesystem::path& path);

struct SafetensorsIndex {
  std::string path;
  std::map<std::string, std::string> weight_map;  // tensor -> shard file name
  std::vector<std::string> shards;                // distinct shard names, sorted
};

// The index file (bounded to 64 MiB); shard names must be plain names inside the index's folder.
Result<SafetensorsIndex> read_safetensors_index(const std::filesystem::path& path);

// An index and its shards: every shard parsed, every weight_map entry found in its shard.
struct ShardedSafetensors {
  SafetensorsIndex index;
  std::vector<SafetensorsFile> shards;
};
Result<ShardedSafetensors> read_sharded_safetensors(const std::filesystem::path& index_path);

}  // namespace llmg
