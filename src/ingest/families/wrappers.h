// Multimodal wrappers (issue 12 item 2): a config whose top-level model_type names a vision/audio
// wrapper (llava, qwen2_vl, paligemma, ...) holds its language model in text_config, read by the
// family row of text_config.model_type, and its towers (vision/audio encoders, projector) in
// vision_config / audio_config and top-level projector keys, read here into Model::towers.
#pragma once

#include <span>
#include <string_view>

#include "ingest/config/config_view.h"
#include "model/model.h"

namespace llmg {

using TowerReader = void (*)(ConfigView& config, Model& model);

struct WrapperRow {
  std::string_view model_type;  // the wrapper's config model_type
  std::string_view family;      // display name
  // The decoder's registry row when text_config has no model_type, or names the wrapper's own text
  // type (`text_type`, e.g. "qwen2_vl_text": transformers' nested text config class of the wrapper).
  std::string_view decoder;
  std::string_view text_type;
  TowerReader towers;
  std::string_view architecture;  // the wrapper's transformers class (config architectures[0])
};

// The defaults of a decoder's config class that complete a wrapper's partial text_config when the
// decoder's registry row has none: LLaVA checkpoints ship {"model_type": "llama", "vocab_size": 32064}
// and transformers fills the rest from LlamaConfig (MistralConfig for LLaVA-NeXT Mistral). Empty when
// not known.
struct TextDefaults {
  std::string_view label;
  std::string_view json;
};
TextDefaults wrapper_text_defaults(std::string_view decoder_type);

std::span<const WrapperRow> wrapper_table();
// The wrapper row of a top-level model_type, or nullptr.
const WrapperRow* find_wrapper(std::string_view model_type);
// The wrapper row whose transformers class is `architecture` ("LlavaForConditionalGeneration"), or nullptr.
const WrapperRow* find_wrapper_by_architecture(std::string_view architecture);
// The registry model_type of the wrapper's language model: text_config.model_type unless absent or the
// wrapper's own text type, then `row.decoder`.
std::string wrapper_decoder_type(const WrapperRow& row, const nlohmann::json& config);

// Reads the towers of `model_type` into model.towers: a wrapper row's reader, or for the registry rows
// that are wrappers read through text_config (gemma3, mistral3, qwen3_5, qwen3_5_moe) theirs. Other
// types: nothing. Errors go to `config` (file, key, problem).
void read_wrapper_towers(std::string_view model_type, ConfigView& config, Model& model);

}  // namespace llmg
