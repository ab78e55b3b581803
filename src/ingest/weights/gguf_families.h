// Per-architecture GGUF metadata that the key table (one GGUF suffix → one config key) cannot carry:
// per-layer arrays that decide the layer mix (LFM2's and Jamba's head_count_kv with 0 on the layers
// without attention), DeepSeek 2's latent-attention lengths, Falcon's layout from its tensors, Mamba's
// ssm.* keys. Each rule turns llama.cpp's keys (written by convert_hf_to_gguf.py) back into the
// config.json keys the family reader reads, so a GGUF gives the same Model as its config.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "ingest/weights/gguf.h"

namespace llmg {

// A rule: `translate` edits the config gguf_config built from the key table (keys in config.json
// spelling) and records each key it writes in `sources` (config key → GGUF key). It may change
// model_type / architectures (a "deepseek2" GGUF with sigmoid gating is DeepSeek V3, a "mamba" GGUF with
// ssm.dt_b_c_rms is Falcon Mamba). Errors are BadInput naming the file and the GGUF key.
struct GgufFamilyRule {
  std::string_view gguf_name;  // general.architecture
  // {arch}.attention.head_count_kv may be a per-layer array whose zeros are layers without attention.
  // For every other architecture a zero entry is bad input (it would silently drop layers).
  bool kv_zeros_are_layers = false;
  Result<bool> (*translate)(const GgufFile& file, std::string_view arch, nlohmann::json& config,
                            std::map<std::string, std::string>& sources) = nullptr;
};

// The rule of a GGUF architecture, or nullptr when the key table says everything.
const GgufFamilyRule* find_gguf_family_rule(std::string_view gguf_name);

}  // namespace llmg
