// Split GGUFs: llama.cpp's gguf-split (and the Hugging Face uploads made with it) cut one model into
// "<prefix>-00001-of-00003.gguf", "-00002-of-", ...; the first shard holds the metadata, every shard a
// part of the tensors, and each carries split.no (0-based), split.count and, in the first,
// split.tensors.count (llama.cpp LLM_KV_SPLIT_NO / SPLIT_COUNT / SPLIT_TENSORS_COUNT, llama_split_prefix).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "ingest/weights/gguf.h"

namespace llmg {

// "<prefix>-NNNNN-of-MMMMM.gguf" → {prefix, 1-based number, count}; nullopt for any other name.
struct GgufSplitName {
  std::string prefix;
  int number = 0;
  int count = 0;
};
std::optional<GgufSplitName> parse_gguf_split_name(std::string_view filename);

// The GGUF at `path`; when its name is a shard's, every shard of the set read as one file (whichever
// shard was named): metadata from shard 1, tensors of all shards in order, sizes summed, split_files
// set. Checked: each shard's split.no and split.count against its name, split.tensors.count against
// the tensors found. A missing shard is BadInput naming it. A file whose split.count is above 1 but
// whose name is not a shard's is BadInput (its other shards cannot be found).
Result<GgufFile> read_gguf_set(const std::filesystem::path& path);

}  // namespace llmg
