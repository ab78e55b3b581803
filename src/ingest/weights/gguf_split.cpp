#include "ingest/weights/gguf_split.h"

#include <charconv>

#include <fmt/format.h>

namespace llmg {

namespace fs = std::filesystem;

namespace {

// split.no / split.count / split.tensors.count as an integer, nullopt when absent.
Result<std::optional<std::int64_t>> split_key(const GgufFile& file, const char* key) {
  const GgufValue* value = file.find(key);
  if (!value) return std::optional<std::int64_t>();
  if (!value->is_integer()) return bad_input(fmt::format("{}: key '{}': expected an integer", file.path, key));
  return std::optional<std::int64_t>(value->integer);
}

}  // namespace

std::optional<GgufSplitName> parse_gguf_split_name(std::string_view name) {
  // "-NNNNN-of-MMMMM.gguf" is 20 characters; llama_split_prefix writes %05d for both numbers.
  constexpr std::size_t kTail = 20;
  if (name.size() <= kTail || !name.ends_with(".gguf")) return std::nullopt;
  const std::string_view tail = name.substr(name.size() - kTail);
  if (tail[0] != '-' || tail.substr(6, 4) != "-of-") return std::nullopt;
  auto number_at = [&](std::size_t at) -> int {
    int value = 0;
    const char* begin = tail.data() + at;
    auto [ptr, ec] = std::from_chars(begin, begin + 5, value);
    return ec == std::errc() && ptr == begin + 5 ? value : -1;
  };
  const int number = number_at(1), count = number_at(10);
  if (number < 1 || count < 1 || number > count) return std::nullopt;
  return GgufSplitName{std::string(name.substr(0, name.size() - kTail)), number, count};
}

Result<GgufFile> read_gguf_set(const fs::path& path) {
  const auto split = parse_gguf_split_name(path.filename().string());
  if (!split) {
    auto file = read_gguf(path);
    if (!file) return file;
    auto count = split_key(*file, "split.count");
    if (!count) return tl::unexpected(count.error());
    if (*count && **count > 1)
      return bad_input(fmt::format("{}: key 'split.count': one of {} shards, but the name is not "
                                   "<prefix>-NNNNN-of-MMMMM.gguf, so the other shards cannot be found",
                                   file->path, **count));
    return file;
  }
  GgufFile set;
  const fs::path folder = path.parent_path();
  std::int64_t declared_tensors = -1;
  for (int number = 1; number <= split->count; ++number) {
    const fs::path shard_path = folder / fmt::format("{}-{:05d}-of-{:05d}.gguf", split->prefix, number, split->count);
    std::error_code ec;
    if (!fs::is_regular_file(shard_path, ec))
      return bad_input(fmt::format("{}: shard {} of {} is missing (split GGUF {})", shard_path.string(), number,
                                   split->count, path.filename().string()));
    auto shard = read_gguf(shard_path);
    if (!shard) return tl::unexpected(shard.error());
    auto no = split_key(*shard, "split.no");
    auto count = split_key(*shard, "split.count");
    if (!no) return tl::unexpected(no.error());
    if (!count) return tl::unexpected(count.error());
    if (!*count || **count != split->count)
      return bad_input(fmt::format("{}: key 'split.count': expected {} (the file name), got {}", shard->path,
                                   split->count, *count ? fmt::format("{}", **count) : std::string("nothing")));
    if (!*no || **no != number - 1)
      return bad_input(fmt::format("{}: key 'split.no': expected {} (shard {} of the name, counted from 0), got {}",
                                   shard->path, number - 1, number, *no ? fmt::format("{}", **no) : std::string("nothing")));
    if (number == 1) {
      auto tensors = split_key(*shard, "split.tensors.count");
      if (!tensors) return tl::unexpected(tensors.error());
      if (*tensors) declared_tensors = **tensors;
      set = std::move(*shard);
      set.split_files.push_back(set.path);
      continue;
    }
    set.split_files.push_back(shard->path);
    set.file_size += shard->file_size;
    set.bytes_read += shard->bytes_read;
    for (GgufTensorInfo& t : shard->tensors) set.tensors.push_back(std::move(t));
  }
  if (declared_tensors >= 0 && static_cast<std::size_t>(declared_tensors) != set.tensors.size())
    return bad_input(fmt::format("{}: key 'split.tensors.count': {} tensors declared, {} found in the {} shards",
                                 set.path, declared_tensors, set.tensors.size(), split->count));
  return set;
}

}  // namespace llmg
