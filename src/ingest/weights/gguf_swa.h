// Which layers of a GGUF model use sliding-window attention, read as llama.cpp reads it. llama.cpp
// does not take the window pattern from one generic key: each architecture's load_hparams
// (src/llama-model.cpp; src/models/<arch>.cpp in later trees) decides whether `{arch}.attention.
// sliding_window` is read at all, which default period applies, and whether a scalar
// `{arch}.attention.sliding_window_pattern` overrides it. One row per mapped GGUF architecture.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/weights/gguf.h"
#include "base/result.h"

namespace llmg {

enum class GgufSwaRule : std::uint8_t {
  None,      // llama.cpp never builds sliding-window layers for this architecture (window key ignored)
  Disabled,  // llama.cpp reads the window and switches it off (phi3: "Phi SWA is currently disabled")
  Standard,  // window > 0 => layer il is SWA iff il % period < period − 1 (llama_hparams::set_swa_pattern)
};

struct GgufSwaRow {
  std::string_view gguf_name;  // general.architecture
  GgufSwaRule rule = GgufSwaRule::None;
  std::uint32_t default_period = 0;  // Standard: llama.cpp's hard-coded period
  bool pattern_key = false;          // Standard: a scalar {arch}.attention.sliding_window_pattern overrides
                                     // the period (get_key_or_arr into a uint32_t: an array is ignored)
  std::string_view source;           // where llama.cpp does it
};
std::span<const GgufSwaRow> gguf_swa_rows();
const GgufSwaRow* find_gguf_swa_row(std::string_view gguf_name);

// The attention layout llama.cpp gives a GGUF: per layer sliding (true) or full, and the window.
struct GgufSwaLayout {
  std::vector<bool> sliding;  // one per block
  std::int64_t window = 0;    // 0 when no layer slides
  std::string source;         // provenance in words: the keys read and the rule applied
};
// `layers` is {arch}.block_count. Errors name the file and key.
Result<GgufSwaLayout> gguf_swa_layout(const GgufFile& file, std::string_view arch, std::int64_t layers);

}  // namespace llmg
