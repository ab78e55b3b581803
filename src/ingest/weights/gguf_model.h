// GGUF metadata -> the normalized Model. llama.cpp names hyperparameters "{arch}.{suffix}"
// ("llama.attention.head_count"); one table maps each suffix to our Key, and one table maps each
// GGUF architecture to the Hugging Face model_type whose family reader builds the Model. The
// metadata becomes a config object in the config.json spelling (the Key's canonical name) and goes
// through the same reader, so a GGUF gets the same facts as the config it was converted from.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ingest/keys.h"
#include "ingest/weights/gguf.h"
#include "model/model.h"
#include "base/result.h"

namespace llmg {

struct GgufKeyAlias {
  std::string_view suffix;  // after "{arch}."
  Key key;
};
std::span<const GgufKeyAlias> gguf_key_aliases();

struct GgufArchitecture {
  std::string_view gguf_name;     // general.architecture
  std::string_view model_type;    // config.json model_type of the family reader
  std::string_view architecture;  // config.json architectures[0]
};
std::span<const GgufArchitecture> gguf_architectures();
const GgufArchitecture* find_gguf_architecture(std::string_view gguf_name);

// The config object the metadata stands for (keys in config.json spelling), with `sources` mapping
// each config key written to the GGUF key it came from. Errors name the file and the GGUF key.
Result<nlohmann::json> gguf_config(const GgufFile& file, std::map<std::string, std::string>* sources = nullptr);

// The Model of a GGUF file; provenance names GGUF keys. An architecture without a row is BadInput
// ("no mapping yet"), with the known ones listed.
Result<Model> model_from_gguf(const GgufFile& file);

}  // namespace llmg
