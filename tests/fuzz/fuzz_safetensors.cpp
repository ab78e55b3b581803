// libFuzzer target for the safetensors header parser (scripts/fuzz.sh); also built with g++ as a
// replay test over tests/fuzz/corpus/safetensors (replay_main.cpp).
#include <cstdint>
#include <cstdlib>

#include "ingest/weights/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  llmg::MemorySource source({data, size}, "fuzz.safetensors");
  auto file = llmg::parse_safetensors(source);
  if (!file) {
    if (file.error().message.empty()) std::abort();
    return 0;
  }
  // What a successful parse promises: every tensor's bytes inside the data section.
  const std::uint64_t data_size = size - 8 - file->header_size;
  for (const llmg::SafetensorsTensor& t : file->tensors)
    if (t.data_begin > t.data_end || t.data_end > data_size || t.elements < 0) std::abort();
  if (file->bytes_read > size) std::abort();
  return 0;
}
