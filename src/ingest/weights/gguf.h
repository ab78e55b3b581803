// GGUF headers (llama.cpp's file format, versions 2 and 3): magic, version, tensor and key counts,
// the metadata key/values and the tensor infos. Tensor data is never read. Every count, length and
// offset is checked against the file size before anything is allocated for it.
// Format: ggml/docs/gguf.md in the ggml repository.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/weights/byte_source.h"
#include "base/result.h"

namespace llmg {

// ---- GGML tensor types ------------------------------------------------------------------------------

// One row per GGML type: the id stored in the file, its name, and its block layout: `block_size`
// weights stored in `block_bytes` bytes (ggml's type_traits blck_size / type_size). Bits per weight
// follow as block_bytes × 8 / block_size.
struct GgmlType {
  std::uint32_t id;
  std::string_view name;
  std::int64_t block_size;
  std::int64_t block_bytes;
};
std::span<const GgmlType> ggml_types();
const GgmlType* find_ggml_type(std::uint32_t id);

// ---- metadata values --------------------------------------------------------------------------------

enum class GgufType : std::uint32_t {
  U8 = 0, I8 = 1, U16 = 2, I16 = 3, U32 = 4, I32 = 5, F32 = 6, Bool = 7, String = 8, Array = 9,
  U64 = 10, I64 = 11, F64 = 12,
};
std::string_view gguf_type_name(GgufType type);

struct GgufValue {
  GgufType type = GgufType::U8;
  // Scalars: integers in `integer` (u64 above INT64_MAX is refused), floats in `number` (also set for
  // integers), booleans as 0/1, strings in `text`.
  std::int64_t integer = 0;
  double number = 0;
  std::string text;
  // Arrays: element type and length; numeric elements kept when the array is short (per-layer
  // values), string elements kept when short (a long one, the vocabulary, keeps only its length).
  GgufType element_type = GgufType::U8;
  std::uint64_t count = 0;
  std::vector<double> numbers;
  std::vector<std::string> strings;

  bool is_integer() const;
  bool is_number() const;  // integer or float scalar
};

struct GgufTensorInfo {
  std::string name;
  std::vector<std::int64_t> dims;  // ggml order: dims[0] is the contiguous (row) dimension
  std::uint32_t type = 0;
  std::uint64_t offset = 0;  // inside the data section
  std::int64_t elements = 0;
  std::uint64_t bytes = 0;
};

struct GgufFile {
  std::string path;
  std::uint64_t file_size = 0;
  std::uint32_t version = 0;
  std::uint64_t alignment = 32;
  std::uint64_t header_bytes = 0;  // magic through tensor infos
  std::uint64_t data_offset = 0;   // header_bytes rounded up to the alignment
  std::vector<std::pair<std::string, GgufValue>> metadata;  // in file order
  std::vector<GgufTensorInfo> tensors;
  std::uint64_t bytes_read = 0;
  // A split GGUF read as one (gguf_split.h): every shard's path in split order; `path`, `metadata` and the
  // header fields are the first shard's, `tensors` every shard's, file_size and bytes_read summed.
  std::vector<std::string> split_files;

  const GgufValue* find(std::string_view key) const;
  const GgufTensorInfo* find_tensor(std::string_view name) const;
};

// Arrays up to this length keep their elements.
constexpr std::uint64_t kGgufKeptArray = 1u << 16;

Result<GgufFile> parse_gguf(ByteSource& source);
Result<GgufFile> read_gguf(const std::filesystem::path& path);

}  // namespace llmg
