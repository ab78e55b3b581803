#include "ingest/weights/safetensors.h"
#include "ingest/config/json_text.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>


namespace llmg {

using nlohmann::json;

namespace {

// Names and widths as the safetensors crate's Dtype enum defines them.
constexpr SafetensorsDtype kDtypes[] = {
    {"BOOL", 8},    {"U8", 8},       {"I8", 8},       {"F8_E5M2", 8}, {"F8_E4M3", 8}, {"F8_E8M0", 8},
    {"F4", 4},      {"F6_E2M3", 6},  {"F6_E3M2", 6},  {"I16", 16},    {"U16", 16},    {"F16", 16},
    {"BF16", 16},   {"I32", 32},     {"U32", 32},     {"F32", 32},    {"I64", 64},    {"U64", 64},
    {"F64", 64},    {"C64", 64},
};

constexpr std::size_t kMaxRank = 32;  // no real tensor comes near; a bound for hostile headers
constexpr std::uint64_t kMaxIndexBytes = 64u << 20;

// File offset of a tensor's entry in the header (where its quoted name appears), for messages.
std::uint64_t entry_offset(std::string_view header, const std::string& name) {
  const auto at = header.find(json(name).dump());
  return 8 + (at == std::string_view::npos ? 0 : at);
}

Result<SafetensorsTensor> read_tensor_entry(const std::string& file, const std::string& name, const json& entry,
                                            std::uint64_t data_size, std::string_view header) {
  auto fail = [&](std::string_view what) {
    return bad_input(fmt::format("{}: offset {}: header entry for tensor '{}': {}", file, entry_offset(header, name),
                                 name, what));
  };
  if (!entry.is_object()) return fail("expected an object with dtype, shape and data_offsets");
  SafetensorsTensor tensor;
  tensor.name = name;
  const auto dtype = entry.find("dtype");
  if (dtype == entry.end() || !dtype->is_string()) return fail("key 'dtype': expected a string");
  const SafetensorsDtype* spec = find_safetensors_dtype(dtype->get_ref<const std::string&>());
  if (!spec) return fail(fmt::format("key 'dtype': unknown dtype \"{}\"", dtype->get_ref<const std::string&>()));
  tensor.dtype = std::string(spec->name);
  tensor.dtype_bits = spec->bits;
  const auto shape = entry.find("shape");
  if (shape == entry.end() || !shape->is_array()) return fail("key 'shape': expected an array of integers");
  if (shape->size() > kMaxRank) return fail(fmt::format("key 'shape': {} dimensions, expected at most {}", shape->size(), kMaxRank));
  std::int64_t elements = 1;
  for (const json& dim : *shape) {
    if (!dim.is_number_unsigned() && !(dim.is_number_integer() && dim.get<std::int64_t>() >= 0))
      return fail(fmt::format("key 'shape': expected non-negative integers, got {}", describe_json(dim)));
    const std::uint64_t value = dim.get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(INT64_MAX) ||
        __builtin_mul_overflow(elements, static_cast<std::int64_t>(value), &elements))
      return fail(fmt::format("key 'shape': {} overflows a 64-bit element count", describe_json(*shape)));
    tensor.shape.push_back(static_cast<std::int64_t>(value));
  }
  tensor.elements = elements;
  const auto offsets = entry.find("data_offsets");
  if (offsets == entry.end() || !offsets->is_array() || offsets->size() != 2 || !(*offsets)[0].is_number_unsigned() ||
      !(*offsets)[1].is_number_unsigned())
    return fail("key 'data_offsets': expected [begin, end] as two non-negative integers");
  tensor.data_begin = (*offsets)[0].get<std::uint64_t>();
  tensor.data_end = (*offsets)[1].get<std::uint64_t>();
  if (tensor.data_begin > tensor.data_end)
    return fail(fmt::format("key 'data_offsets': begin {} is after end {}", tensor.data_begin, tensor.data_end));
  if (tensor.data_end > data_size)
    return fail(fmt::format("key 'data_offsets': end {} is beyond the data section ({} bytes after the header)",
                            tensor.data_end, data_size));
  // Bytes the shape needs; sub-byte dtypes (F4, F6) must fill whole bytes.
  std::uint64_t bits = 0;
  const std::uint64_t span = tensor.data_end - tensor.data_begin;
  if (__builtin_mul_overflow(static_cast<std::uint64_t>(elements), static_cast<std::uint64_t>(spec->bits), &bits))
    return fail(fmt::format("key 'shape': {} elements of {} overflow a 64-bit byte count", elements, spec->name));
  if (bits % 8 != 0 || bits / 8 != span)
    return fail(fmt::format("key 'data_offsets': {} bytes for {} elements of {}, expected {}", span, elements,
                            spec->name, bits % 8 ? std::string("a whole number of bytes") : std::to_string(bits / 8)));
  return tensor;
}

}  // namespace

std::span<const SafetensorsDtype> safetensors_dtypes() { return kDtypes; }

const SafetensorsDtype* find_safetensors_dtype(std::string_view name) {
  for (const SafetensorsDtype& dtype : kDtypes)
    if (dtype.name == name) return &dtype;
  return nullptr;
}

Result<SafetensorsFile> parse_safetensors(ByteSource& source) {
  const std::string& file = source.name();
  SafetensorsFile out;
  out.path = file;
  out.file_size = source.size();
  std::uint8_t length_bytes[8];
  if (out.file_size < 8 || !source.read(0, length_bytes))
    return bad_input(fmt::format("{}: offset 0: truncated: expected an 8-byte header length, the file has {} bytes",
                                 file, out.file_size));
  std::uint64_t header_size = 0;
  for (int i = 7; i >= 0; --i) header_size = (header_size << 8) | length_bytes[i];  // little-endian
  if (header_size > kMaxSafetensorsHeader)
    return bad_input(fmt::format("{}: offset 0: header length {} exceeds the {}-byte limit (not a safetensors file?)",
                                 file, header_size, kMaxSafetensorsHeader));
  if (header_size > out.file_size - 8)
    return bad_input(fmt::format("{}: offset 0: header length {} runs past the end of the file ({} bytes)", file,
                                 header_size, out.file_size));
  if (header_size < 2)
    return bad_input(fmt::format("{}: offset 8: expected a JSON object header, got {} bytes", file, header_size));
  out.header_size = header_size;
  std::string header(header_size, '\0');
  if (!source.read(8, std::span(reinterpret_cast<std::uint8_t*>(header.data()), header.size())))
    return bad_input(fmt::format("{}: offset 8: cannot read the {}-byte header", file, header_size));
  out.bytes_read = source.bytes_read();
  if (header.front() != '{')
    return bad_input(fmt::format("{}: offset 8: expected '{{' opening the JSON header", file));
  auto parsed = parse_json_text(header);  // rejects ill-formed UTF-8 inside strings
  if (!parsed) {
    const JsonTextError& error = parsed.error();
    return bad_input(fmt::format("{}: offset {}: invalid JSON header: {}", file, 8 + (error.byte ? error.byte - 1 : 0),
                                 error.detail));
  }
  const json root = std::move(*parsed);
  if (!root.is_object()) return bad_input(fmt::format("{}: offset 8: expected a JSON object header", file));
  const std::uint64_t data_size = out.file_size - 8 - header_size;
  out.tensors.reserve(root.size());
  for (const auto& [name, entry] : root.items()) {
    if (name == "__metadata__") {
      if (!entry.is_object()) return bad_input(fmt::format("{}: offset {}: '__metadata__': expected an object", file,
                                     entry_offset(header, name)));
      for (const auto& [key, value] : entry.items()) {
        if (!value.is_string())
          return bad_input(fmt::format("{}: offset {}: '__metadata__.{}': expected a string value", file,
                                       entry_offset(header, name), key));
        out.metadata[key] = value.get<std::string>();
      }
      continue;
    }
    auto tensor = read_tensor_entry(file, name, entry, data_size, header);
    if (!tensor) return tl::unexpected(tensor.error());
    out.tensors.push_back(std::move(*tensor));
  }
  // Byte ranges must not overlap (the format forbids it; overlapping ranges would double-count).
  std::vector<const SafetensorsTensor*> by_offset;
  for (const SafetensorsTensor& t : out.tensors) by_offset.push_back(&t);
  std::sort(by_offset.begin(), by_offset.end(), [](auto* a, auto* b) {
    return a->data_begin != b->data_begin ? a->data_begin < b->data_begin : a->data_end < b->data_end;
  });
  for (std::size_t i = 1; i < by_offset.size(); ++i)
    if (by_offset[i]->data_begin < by_offset[i - 1]->data_end)
      return bad_input(fmt::format("{}: offset {}: tensor '{}' (data bytes {}..{}) overlaps tensor '{}' (bytes {}..{})",
                                   file, entry_offset(header, by_offset[i]->name), by_offset[i]->name, by_offset[i]->data_begin, by_offset[i]->data_end,
                                   by_offset[i - 1]->name, by_offset[i - 1]->data_begin, by_offset[i - 1]->data_end));
  // nlohmann's object keeps keys sorted; header order is the data order, which readers expect.
  std::stable_sort(out.tensors.begin(), out.tensors.end(),
                   [](const SafetensorsTensor& a, const SafetensorsTensor& b) { return a.data_begin < b.data_begin; });
  return out;
}

Result<SafetensorsFile> read_safetensors(const std::filesystem::path& path) {
  auto source = FileSource::open(path);
  if (!source) return tl::unexpected(source.error());
  return parse_safetensors(**source);
}

Result<SafetensorsIndex> read_safetensors_index(const std::filesystem::path& path) {
  const std::string file = path.string();
  auto source = FileSource::open(path);
  if (!source) return tl::unexpected(source.error());
  if ((*source)->size() > kMaxIndexBytes)
    return bad_input(fmt::format("{}: {} bytes, more than the {} bytes an index may have", file, (*source)->size(),
                                 kMaxIndexBytes));
  std::string text((*source)->size(), '\0');
  if (!(*source)->read(0, std::span(reinterpret_cast<std::uint8_t*>(text.data()), text.size())))
    return bad_input(fmt::format("{}: cannot read", file));
  auto parsed = parse_json_text(text);
  if (!parsed) return bad_input(fmt::format("{}: invalid JSON{}", file, parsed.error().where_and_why()));
  const json root = std::move(*parsed);
  const auto map = root.is_object() ? root.find("weight_map") : root.end();
  if (!root.is_object() || map == root.end() || !map->is_object())
    return bad_input(fmt::format("{}: key 'weight_map': expected an object mapping tensor names to shard files", file));
  SafetensorsIndex index;
  index.path = file;
  std::set<std::string> shards;
  for (const auto& [tensor, shard] : map->items()) {
    if (!shard.is_string())
      return bad_input(fmt::format("{}: key 'weight_map.{}': expected a shard file name", file, tensor));
    const std::string& name = shard.get_ref<const std::string&>();
    if (name.empty() || name.find('/') != std::string::npos || name.find('\\') != std::string::npos || name == "." ||
        name == "..")
      return bad_input(fmt::format("{}: key 'weight_map.{}': expected a file name in the index's folder, got \"{}\"",
                                   file, tensor, name));
    index.weight_map[tensor] = name;
    shards.insert(name);
  }
  if (shards.empty()) return bad_input(fmt::format("{}: key 'weight_map': names no tensors", file));
  index.shards.assign(shards.begin(), shards.end());
  return index;
}

Result<ShardedSafetensors> read_sharded_safetensors(const std::filesystem::path& index_path) {
  auto index = read_safetensors_index(index_path);
  if (!index) return tl::unexpected(index.error());
  ShardedSafetensors out;
  out.index = std::move(*index);
  const std::filesystem::path folder = index_path.parent_path();
  for (const std::string& shard_name : out.index.shards) {
    auto shard = read_safetensors(folder / shard_name);
    if (!shard) return tl::unexpected(shard.error());
    out.shards.push_back(std::move(*shard));
  }
  // Every tensor the index names must be in the shard it names.
  for (std::size_t s = 0; s < out.shards.size(); ++s) {
    std::set<std::string_view> present;
    for (const SafetensorsTensor& t : out.shards[s].tensors) present.insert(t.name);
    for (const auto& [tensor, shard] : out.index.weight_map)
      if (shard == out.index.shards[s] && !present.count(tensor))
        return bad_input(fmt::format("{}: key 'weight_map.{}': names shard {}, which has no such tensor",
                                     out.index.path, tensor, shard));
    // And every tensor a shard holds must be the one the index names there: a tensor also stored in another
    // shard, or one the index does not know, would be counted twice or unaccounted for.
    for (const SafetensorsTensor& t : out.shards[s].tensors) {
      const auto named = out.index.weight_map.find(std::string(t.name));
      if (named == out.index.weight_map.end())
        return bad_input(fmt::format("{}: shard {} holds tensor {}, which key 'weight_map' does not name",
                                     out.index.path, out.index.shards[s], t.name));
      if (named->second != out.index.shards[s])
        return bad_input(fmt::format("{}: shard {} holds tensor {}, which key 'weight_map' assigns to {}",
                                     out.index.path, out.index.shards[s], t.name, named->second));
    }
  }
  return out;
}

}  // namespace llmg
