// libFuzzer target for the GGUF header parser (scripts/fuzz.sh); also built with g++ as a replay
// test over tests/fuzz/corpus/gguf (replay_main.cpp).
#include <cstdint>
#include <cstdlib>

#include "ingest/weights/gguf.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  llmg::MemorySource source({data, size}, "fuzz.gguf");
  auto file = llmg::parse_gguf(source);
  if (!file) {
    if (file.error().message.empty()) std::abort();
    return 0;
  }
  // What a successful parse promises: tensor data inside the file, reads inside the header + a window.
  for (const llmg::GgufTensorInfo& t : file->tensors)
    if ((t.bytes > 0 && file->data_offset + t.offset + t.bytes > size) || !llmg::find_ggml_type(t.type)) std::abort();
  if (file->bytes_read > size || file->header_bytes > size) std::abort();
  for (const auto& [key, value] : file->metadata)
    if (value.type == llmg::GgufType::Array && value.count <= llmg::kGgufKeptArray &&
        value.numbers.size() + value.strings.size() != value.count)
      std::abort();
  return 0;
}
