// Reads typed values out of a config.json by Key, trying every alias, first inside `text_config`
// (multimodal wrappers: Gemma 3/4, Llama 4, Mistral 3, Qwen3.5) and then at the top level.
//
// Errors are sticky: the first problem (missing required key, wrong type, value out of bounds) is
// recorded with the file and key path, accessors return a neutral value afterwards, and the caller
// checks error() once at the end. Family readers stay a straight list of reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/keys.h"
#include "model/model.h"
#include "base/result.h"

namespace llmg {

class ConfigView {
 public:
  ConfigView(const nlohmann::json& root, std::string file_name, KeySources* sources);

  const std::string& file_name() const { return file_name_; }
  // Values the reference config class supplies when the file omits a key (e.g. Gemma3TextConfig's
  // vocab_size 262208); consulted last and reported as "default of <label>".
  void set_defaults(const nlohmann::json* defaults, std::string label) {
    defaults_ = defaults;
    defaults_label_ = std::move(label);
  }
  const nlohmann::json& root() const { return root_; }
  // The object that holds the language model's keys: text_config when present, else the root.
  const nlohmann::json& text() const { return *text_; }

  // Required integer within the key's bounds; records an error when missing or invalid.
  std::int64_t require_int(Key key);
  // Integer or fallback when absent or null; an error only when present and invalid.
  std::int64_t int_or(Key key, std::int64_t fallback);
  std::optional<std::int64_t> maybe_int(Key key);
  double number_or(Key key, double fallback);
  bool bool_or(Key key, bool fallback);
  std::string string_or(Key key, std::string fallback);

  // Lookups of a key's row without recording provenance: every alias of the row (a row's name may
  // be dotted, "rope_parameters.rope_theta"), in text() then root(), defaults last. int_named
  // checks the row's bounds unless the reader passes narrower ones for its family.
  const nlohmann::json* find(Key key, std::string* found_path = nullptr) const;
  // The spelling of `key` the config uses (its first alias present), else the row's name.
  std::string_view spelling(Key key) const;
  std::int64_t int_named(Key key, std::int64_t fallback);
  std::int64_t int_named(Key key, std::int64_t fallback, std::int64_t min_value, std::int64_t max_value);
  double number_named(Key key, double fallback);
  bool bool_named(Key key, bool fallback);
  std::string string_named(Key key, std::string fallback);
  std::vector<std::int64_t> int_list_named(Key key);
  std::vector<std::string> string_list_named(Key key);
  // A list of numbers (per-layer rope_theta, partial_rotary_factors): each finite and within the row's
  // bounds; empty when absent; a non-number entry records an error naming "<key>[i]".
  std::vector<double> number_list_named(Key key);

  // A list with one entry per layer (T = std::int64_t or std::string): empty when absent; a list of
  // another length records "expected N entries (num_hidden_layers), got M" and comes back empty.
  template <typename T>
  std::vector<T> per_layer_list(Key key, std::size_t layers);

  // Raw lookups by literal name, for names built at run time (rope_parameters.<layer type>.rope_theta)
  // and for the readers that still spell keys out. Looked up in text() then root().
  const nlohmann::json* find(std::string_view name, std::string* found_path = nullptr) const;
  std::int64_t int_named(std::string_view name, std::int64_t fallback, std::int64_t min_value = 0,
                         std::int64_t max_value = (1LL << 40));
  double number_named(std::string_view name, double fallback);
  bool bool_named(std::string_view name, bool fallback);
  std::string string_named(std::string_view name, std::string fallback);
  // Integer array (e.g. moe_layer_freq as a list, hybrid_layer_pattern); empty when absent.
  std::vector<std::int64_t> int_list_named(std::string_view name);
  std::vector<std::string> string_list_named(std::string_view name);

  // Record where a derived fact came from (shown on the fact sheet).
  void note_source(const std::string& fact, const std::string& where);

  void fail(std::string_view key_path, std::string_view problem);
  bool ok() const { return !error_.has_value(); }
  const std::optional<Error>& error() const { return error_; }

 private:
  const nlohmann::json* lookup(Key key, std::string* found_path) const;
  const nlohmann::json* find_in(std::string_view name, std::string* found_path, bool with_defaults) const;
  std::int64_t int_at(const nlohmann::json* value, const std::string& path, std::int64_t fallback,
                      std::int64_t min_value, std::int64_t max_value);
  std::vector<std::int64_t> int_list_at(const nlohmann::json* value, const std::string& path,
                                        double min_value = -static_cast<double>(1LL << 40),
                                        double max_value = static_cast<double>(1LL << 40));
  double number_at(const nlohmann::json* value, const std::string& path, double fallback, const KeySpec* spec);
  std::vector<std::string> string_list_at(const nlohmann::json* value, const std::string& path);
  template <typename T>
  T typed(const nlohmann::json* value, const std::string& path, T fallback);
  std::optional<std::int64_t> read_int(const nlohmann::json& value, const std::string& path, double min_value,
                                       double max_value);

  const nlohmann::json& root_;
  const nlohmann::json* text_;
  const nlohmann::json* defaults_ = nullptr;
  std::string defaults_label_;
  std::string file_name_;
  KeySources* sources_;
  std::optional<Error> error_;
};

}  // namespace llmg
