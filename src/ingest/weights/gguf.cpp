#include "ingest/weights/gguf.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include <fmt/format.h>

namespace llmg {

namespace {

// ggml type_traits (ggml.c): block size and bytes per block. Ids 4, 5, 31-33 and 36-38 are types
// llama.cpp removed from files; they are refused as unknown.
constexpr GgmlType kGgmlTypes[] = {
    {0, "F32", 1, 4},         {1, "F16", 1, 2},        {2, "Q4_0", 32, 18},      {3, "Q4_1", 32, 20},
    {6, "Q5_0", 32, 22},      {7, "Q5_1", 32, 24},     {8, "Q8_0", 32, 34},      {9, "Q8_1", 32, 36},
    {10, "Q2_K", 256, 84},    {11, "Q3_K", 256, 110},  {12, "Q4_K", 256, 144},   {13, "Q5_K", 256, 176},
    {14, "Q6_K", 256, 210},   {15, "Q8_K", 256, 292},  {16, "IQ2_XXS", 256, 66}, {17, "IQ2_XS", 256, 74},
    {18, "IQ3_XXS", 256, 98}, {19, "IQ1_S", 256, 50},  {20, "IQ4_NL", 32, 18},   {21, "IQ3_S", 256, 110},
    {22, "IQ2_S", 256, 82},   {23, "IQ4_XS", 256, 136}, {24, "I8", 1, 1},        {25, "I16", 1, 2},
    {26, "I32", 1, 4},        {27, "I64", 1, 8},       {28, "F64", 1, 8},        {29, "IQ1_M", 256, 56},
    {30, "BF16", 1, 2},       {34, "TQ1_0", 256, 54},  {35, "TQ2_0", 256, 66},   {39, "MXFP4", 32, 17},
};

constexpr std::uint32_t kMaxDims = 4;                 // GGML_MAX_DIMS
constexpr std::uint64_t kMaxTensors = 1u << 22;       // far above any model (DeepSeek V3 GGUF: ~1,900)
constexpr std::uint64_t kMaxKeys = 1u << 20;
constexpr std::uint64_t kMaxKeyLength = 1u << 16;
constexpr std::uint64_t kChunk = 64u << 10;           // read-ahead window

// Smallest encoding of one element of each metadata type, to bound counts by the bytes left.
std::uint64_t min_encoded_size(GgufType type) {
  switch (type) {
    case GgufType::U8: case GgufType::I8: case GgufType::Bool: return 1;
    case GgufType::U16: case GgufType::I16: return 2;
    case GgufType::U32: case GgufType::I32: case GgufType::F32: return 4;
    case GgufType::U64: case GgufType::I64: case GgufType::F64: return 8;
    case GgufType::String: return 8;
    case GgufType::Array: return 12;
  }
  return 1;
}

bool valid_type(std::uint32_t raw) { return raw <= static_cast<std::uint32_t>(GgufType::F64); }

// Sequential little-endian reads over a ByteSource through a read-ahead window: the parse costs the
// header plus at most one window of I/O.
class Cursor {
 public:
  explicit Cursor(ByteSource& source) : source_(source) {}

  std::uint64_t offset() const { return offset_; }
  std::uint64_t remaining() const { return source_.size() - offset_; }
  const std::string& file() const { return source_.name(); }

  // Pointer to the next n bytes, or null when the file ends first.
  const std::uint8_t* take(std::uint64_t n) {
    if (n > remaining()) return nullptr;
    if (offset_ < window_begin_ || offset_ + n > window_begin_ + window_.size()) {
      const std::uint64_t length = std::min<std::uint64_t>(std::max<std::uint64_t>(n, kChunk), remaining());
      window_.resize(length);
      if (!source_.read(offset_, window_)) return nullptr;
      window_begin_ = offset_;
    }
    const std::uint8_t* at = window_.data() + (offset_ - window_begin_);
    offset_ += n;
    return at;
  }

  template <typename T>
  bool read(T* out) {
    const std::uint8_t* at = take(sizeof(T));
    if (!at) return false;
    std::memcpy(out, at, sizeof(T));  // the format is little-endian, as is every host we build for
    return true;
  }

 private:
  ByteSource& source_;
  std::uint64_t offset_ = 0;
  std::uint64_t window_begin_ = 0;
  std::vector<std::uint8_t> window_;
};

class Parser {
 public:
  explicit Parser(ByteSource& source) : in_(source) {}

  Result<GgufFile> run();

 private:
  tl::unexpected<Error> fail(std::uint64_t offset, std::string_view what) {
    return bad_input(fmt::format("{}: offset {}: {}", in_.file(), offset, what));
  }
  tl::unexpected<Error> truncated(std::uint64_t offset, std::string_view expected) {
    return fail(offset, fmt::format("truncated: expected {}, the file ends at byte {}", expected, in_.file_size()));
  }
  Result<std::string> read_string(std::string_view what, std::uint64_t max_length);
  Result<void> skip_or_keep_string(std::string* keep);
  Result<GgufValue> read_value(GgufType type, std::string_view key);
  Result<void> read_scalar(GgufType type, GgufValue& value, std::string_view key);
  Result<GgufTensorInfo> read_tensor_info(std::uint64_t index);

  struct Input : Cursor {
    using Cursor::Cursor;
    std::uint64_t file_size() const { return offset() + remaining(); }
  } in_;
};

Result<std::string> Parser::read_string(std::string_view what, std::uint64_t max_length) {
  const std::uint64_t at = in_.offset();
  std::uint64_t length = 0;
  if (!in_.read(&length)) return truncated(at, fmt::format("the 8-byte length of {}", what));
  if (length > in_.remaining())
    return fail(at, fmt::format("{} of {} bytes runs past the end of the file", what, length));
  if (length > max_length) return fail(at, fmt::format("{} of {} bytes, expected at most {}", what, length, max_length));
  const std::uint8_t* bytes = in_.take(length);
  if (!bytes) return truncated(at + 8, fmt::format("{} bytes of {}", length, what));
  std::string text(reinterpret_cast<const char*>(bytes), length);
  if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos)
    return fail(at + 8 + bad, fmt::format("{}: expected UTF-8 text, got an invalid byte sequence", what));
  return text;
}

Result<void> Parser::skip_or_keep_string(std::string* keep) {
  auto text = read_string("a string element", in_.remaining());
  if (!text) return tl::unexpected(text.error());
  if (keep) *keep = std::move(*text);
  return {};
}

Result<void> Parser::read_scalar(GgufType type, GgufValue& value, std::string_view key) {
  const std::uint64_t at = in_.offset();
  auto need = [&](auto* out) { return in_.read(out); };
  const auto what = fmt::format("a {} value for key '{}'", gguf_type_name(type), key);
  switch (type) {
    case GgufType::U8: { std::uint8_t v; if (!need(&v)) return truncated(at, what); value.integer = v; break; }
    case GgufType::I8: { std::int8_t v; if (!need(&v)) return truncated(at, what); value.integer = v; break; }
    case GgufType::U16: { std::uint16_t v; if (!need(&v)) return truncated(at, what); value.integer = v; break; }
    case GgufType::I16: { std::int16_t v; if (!need(&v)) return truncated(at, what); value.integer = v; break; }
    case GgufType::U32: { std::uint32_t v; if (!need(&v)) return truncated(at, what); value.integer = v; break; }
    case GgufType::I32: { std::int32_t v; if (!need(&v)) return truncated(at, what); value.integer = v; break; }
    case GgufType::I64: { std::int64_t v; if (!need(&v)) return truncated(at, what); value.integer = v; break; }
    case GgufType::U64: {
      std::uint64_t v;
      if (!need(&v)) return truncated(at, what);
      if (v > static_cast<std::uint64_t>(INT64_MAX)) return fail(at, fmt::format("key '{}': value {} is too large", key, v));
      value.integer = static_cast<std::int64_t>(v);
      break;
    }
    case GgufType::Bool: {
      std::uint8_t v;
      if (!need(&v)) return truncated(at, what);
      if (v > 1) return fail(at, fmt::format("key '{}': expected a bool (0 or 1), got {}", key, v));
      value.integer = v;
      break;
    }
    case GgufType::F32: {
      float v;
      if (!need(&v)) return truncated(at, what);
      // The shortest decimal that round-trips the float: 1e-5 stays 1e-05, not 9.99999974738e-06,
      // so a GGUF and its config read the same value.
      value.number = std::strtod(fmt::format("{}", v).c_str(), nullptr);
      return {};
    }
    case GgufType::F64: { double v; if (!need(&v)) return truncated(at, what); value.number = v; return {}; }
    case GgufType::String: {
      auto text = read_string(fmt::format("the string value of key '{}'", key), in_.remaining());
      if (!text) return tl::unexpected(text.error());
      value.text = std::move(*text);
      return {};
    }
    case GgufType::Array: break;
  }
  value.number = static_cast<double>(value.integer);
  return {};
}

Result<GgufValue> Parser::read_value(GgufType type, std::string_view key) {
  GgufValue value;
  value.type = type;
  if (type != GgufType::Array) {
    if (auto ok = read_scalar(type, value, key); !ok) return tl::unexpected(ok.error());
    return value;
  }
  const std::uint64_t at = in_.offset();
  std::uint32_t raw_type = 0;
  std::uint64_t count = 0;
  if (!in_.read(&raw_type)) return truncated(at, fmt::format("the element type of array '{}'", key));
  if (!valid_type(raw_type))
    return fail(at, fmt::format("key '{}': unknown array element type {} (expected 0..12)", key, raw_type));
  const auto element = static_cast<GgufType>(raw_type);
  if (element == GgufType::Array) return fail(at, fmt::format("key '{}': nested arrays are not supported", key));
  if (!in_.read(&count)) return truncated(at + 4, fmt::format("the length of array '{}'", key));
  if (count > in_.remaining() / min_encoded_size(element))
    return fail(at + 4, fmt::format("key '{}': array of {} {} elements cannot fit in the {} bytes left", key, count,
                                    gguf_type_name(element), in_.remaining()));
  value.element_type = element;
  value.count = count;
  const bool keep = count <= kGgufKeptArray;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (element == GgufType::String) {
      std::string text;
      if (auto ok = skip_or_keep_string(keep ? &text : nullptr); !ok) return tl::unexpected(ok.error());
      if (keep) value.strings.push_back(std::move(text));
    } else {
      GgufValue item;
      if (auto ok = read_scalar(element, item, key); !ok) return tl::unexpected(ok.error());
      if (keep) value.numbers.push_back(item.number);
    }
  }
  return value;
}

Result<GgufTensorInfo> Parser::read_tensor_info(std::uint64_t index) {
  GgufTensorInfo info;
  auto name = read_string(fmt::format("the name of tensor {}", index), kMaxKeyLength);
  if (!name) return tl::unexpected(name.error());
  info.name = std::move(*name);
  const std::uint64_t at = in_.offset();
  std::uint32_t n_dims = 0;
  if (!in_.read(&n_dims)) return truncated(at, fmt::format("the dimension count of tensor '{}'", info.name));
  if (n_dims == 0 || n_dims > kMaxDims)
    return fail(at, fmt::format("tensor '{}': {} dimensions, expected 1 to {}", info.name, n_dims, kMaxDims));
  std::int64_t elements = 1;
  for (std::uint32_t d = 0; d < n_dims; ++d) {
    std::uint64_t dim = 0;
    const std::uint64_t dim_at = in_.offset();
    if (!in_.read(&dim)) return truncated(dim_at, fmt::format("dimension {} of tensor '{}'", d, info.name));
    if (dim > static_cast<std::uint64_t>(INT64_MAX) ||
        __builtin_mul_overflow(elements, static_cast<std::int64_t>(dim), &elements))
      return fail(dim_at, fmt::format("tensor '{}': dimensions overflow a 64-bit element count", info.name));
    info.dims.push_back(static_cast<std::int64_t>(dim));
  }
  info.elements = elements;
  const std::uint64_t type_at = in_.offset();
  if (!in_.read(&info.type)) return truncated(type_at, fmt::format("the type of tensor '{}'", info.name));
  const GgmlType* type = find_ggml_type(info.type);
  if (!type) return fail(type_at, fmt::format("tensor '{}': unknown GGML type {}", info.name, info.type));
  if (info.dims[0] % type->block_size != 0)
    return fail(type_at, fmt::format("tensor '{}': row of {} is not a multiple of the {} block size {}", info.name,
                                     info.dims[0], type->name, type->block_size));
  // elements / block_size blocks of block_bytes each; no overflow since elements < 2^63.
  std::uint64_t bytes = 0;
  if (__builtin_mul_overflow(static_cast<std::uint64_t>(elements / type->block_size),
                             static_cast<std::uint64_t>(type->block_bytes), &bytes) ||
      bytes > in_.file_size())
    return fail(type_at, fmt::format("tensor '{}': {} {} elements need more bytes than the file has", info.name,
                                     elements, type->name));
  info.bytes = bytes;
  const std::uint64_t offset_at = in_.offset();
  if (!in_.read(&info.offset)) return truncated(offset_at, fmt::format("the data offset of tensor '{}'", info.name));
  return info;
}

Result<GgufFile> Parser::run() {
  GgufFile out;
  out.path = in_.file();
  out.file_size = in_.file_size();
  char magic[4];
  if (!in_.read(&magic)) return truncated(0, "the 4-byte magic 'GGUF'");
  if (std::memcmp(magic, "GGUF", 4) != 0) return fail(0, "expected the magic 'GGUF' (not a GGUF file)");
  if (!in_.read(&out.version)) return truncated(4, "the 4-byte version");
  if (out.version != 2 && out.version != 3) {
    if ((out.version & 0xFFFF) == 0 && out.version != 0)
      return fail(4, fmt::format("version {:#x}: a big-endian GGUF, expected little-endian version 2 or 3", out.version));
    return fail(4, fmt::format("version {}, expected 2 or 3", out.version));
  }
  std::uint64_t n_tensors = 0, n_keys = 0;
  if (!in_.read(&n_tensors)) return truncated(8, "the 8-byte tensor count");
  if (!in_.read(&n_keys)) return truncated(16, "the 8-byte key/value count");
  // A tensor info takes at least 32 bytes (name length, dimension count, one dimension, type, offset)
  // and a key/value at least 13 (key length, type, one byte): counts beyond what the file can hold
  // are refused before anything is allocated.
  if (n_tensors > kMaxTensors || n_tensors > in_.remaining() / 32)
    return fail(8, fmt::format("tensor count {} is absurd for a file of {} bytes", n_tensors, out.file_size));
  if (n_keys > kMaxKeys || n_keys > in_.remaining() / 13)
    return fail(16, fmt::format("key/value count {} is absurd for a file of {} bytes", n_keys, out.file_size));

  std::unordered_set<std::string> seen;
  // Reserve only what typical files need: a hostile count grows the vector only as entries parse.
  out.metadata.reserve(std::min<std::uint64_t>(n_keys, 1024));
  for (std::uint64_t k = 0; k < n_keys; ++k) {
    const std::uint64_t key_at = in_.offset();
    auto key = read_string(fmt::format("the name of key {}", k), kMaxKeyLength);
    if (!key) return tl::unexpected(key.error());
    if (!seen.insert(*key).second) return fail(key_at, fmt::format("duplicate key '{}'", *key));
    const std::uint64_t type_at = in_.offset();
    std::uint32_t raw_type = 0;
    if (!in_.read(&raw_type)) return truncated(type_at, fmt::format("the value type of key '{}'", *key));
    if (!valid_type(raw_type))
      return fail(type_at, fmt::format("key '{}': unknown value type {} (expected 0..12)", *key, raw_type));
    auto value = read_value(static_cast<GgufType>(raw_type), *key);
    if (!value) return tl::unexpected(value.error());
    out.metadata.emplace_back(std::move(*key), std::move(*value));
  }
  if (const GgufValue* alignment = out.find("general.alignment")) {
    if (!alignment->is_integer() || alignment->integer <= 0 || (alignment->integer & (alignment->integer - 1)) != 0 ||
        alignment->integer > (1 << 20))
      return fail(24, "key 'general.alignment': expected a power of two up to 1 MiB");
    out.alignment = static_cast<std::uint64_t>(alignment->integer);
  }

  seen.clear();
  out.tensors.reserve(std::min<std::uint64_t>(n_tensors, 4096));
  for (std::uint64_t t = 0; t < n_tensors; ++t) {
    const std::uint64_t tensor_at = in_.offset();
    auto info = read_tensor_info(t);
    if (!info) return tl::unexpected(info.error());
    if (!seen.insert(info->name).second) return fail(tensor_at, fmt::format("duplicate tensor '{}'", info->name));
    out.tensors.push_back(std::move(*info));
  }
  out.header_bytes = in_.offset();
  out.data_offset = (out.header_bytes + out.alignment - 1) / out.alignment * out.alignment;
  const std::uint64_t data_size = out.data_offset <= out.file_size ? out.file_size - out.data_offset : 0;
  for (const GgufTensorInfo& info : out.tensors) {
    if (info.offset % out.alignment != 0)
      return fail(out.header_bytes, fmt::format("tensor '{}': data offset {} is not a multiple of the alignment {}",
                                                info.name, info.offset, out.alignment));
    if (info.offset > data_size || info.bytes > data_size - info.offset)
      return fail(out.header_bytes,
                  fmt::format("tensor '{}': data at {}..{} runs past the end of the data section ({} bytes)", info.name,
                              info.offset, info.offset + info.bytes, data_size));
  }
  out.bytes_read = 0;
  return out;
}

}  // namespace

std::span<const GgmlType> ggml_types() { return kGgmlTypes; }

const GgmlType* find_ggml_type(std::uint32_t id) {
  for (const GgmlType& type : kGgmlTypes)
    if (type.id == id) return &type;
  return nullptr;
}

std::string_view gguf_type_name(GgufType type) {
  static constexpr std::string_view kNames[] = {"u8",  "i8",  "u16",  "i16",    "u32", "i32", "f32",
                                                "bool", "string", "array", "u64", "i64", "f64"};
  const auto index = static_cast<std::uint32_t>(type);
  return index < std::size(kNames) ? kNames[index] : "unknown";
}

bool GgufValue::is_integer() const {
  switch (type) {
    case GgufType::F32: case GgufType::F64: case GgufType::String: case GgufType::Array: return false;
    default: return true;
  }
}

bool GgufValue::is_number() const { return type != GgufType::String && type != GgufType::Array; }

const GgufValue* GgufFile::find(std::string_view key) const {
  for (const auto& [name, value] : metadata)
    if (name == key) return &value;
  return nullptr;
}

const GgufTensorInfo* GgufFile::find_tensor(std::string_view name) const {
  for (const GgufTensorInfo& tensor : tensors)
    if (tensor.name == name) return &tensor;
  return nullptr;
}

Result<GgufFile> parse_gguf(ByteSource& source) {
  Parser parser(source);
  auto file = parser.run();
  if (file) file->bytes_read = source.bytes_read();
  return file;
}

Result<GgufFile> read_gguf(const std::filesystem::path& path) {
  auto source = FileSource::open(path);
  if (!source) return tl::unexpected(source.error());
  return parse_gguf(**source);
}

}  // namespace llmg
