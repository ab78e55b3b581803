// JSON text -> nlohmann::json for every file we read (config.json, safetensors headers and indexes),
// with every way the parser can refuse a document as an error value: a syntax error (with its byte),
// nesting deeper than kMaxJsonDepth, and a number beyond double's range ("1e999", which nlohmann
// reports as out_of_range, not parse_error; the message names its key and cuts the literal).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

namespace llmg {

// Deepest nesting of arrays and objects we accept in any JSON we read (real configs nest 3 levels,
// safetensors headers 3). Deeper input is refused at parse time, before anything walks it.
inline constexpr int kMaxJsonDepth = 64;

struct JsonTextError {
  std::size_t byte = 0;  // 1-based position where the parser stopped; 0 when the parser gives none
  std::string detail;    // the parser's reason without its exception id (at most ~200 characters)
  // " at byte N: reason" (the byte shifted by `offset`, e.g. where the JSON starts in its file) or ": reason".
  std::string where_and_why(std::size_t offset = 0) const;
};

struct JsonTextOptions {
  // Accept Python's json literals NaN, Infinity and -Infinity outside strings (Python's json.dump
  // writes them; NVIDIA Nemotron-H configs hold "time_step_limit": [0.0, Infinity]). They become
  // doubles and meet each key's bounds like any number. For config files only, not safetensors.
  bool python_literals = false;
};

// Parses `text`; errors: syntax (with byte), nesting deeper than kMaxJsonDepth (naming the key it
// is under), a number beyond double's range (naming its key; the literal cut to 24 characters).
tl::expected<nlohmann::json, JsonTextError> parse_json_text(std::string_view text, JsonTextOptions options = {});

// A short description of an untrusted value for messages, never longer than 40 characters and
// never a recursive dump() of the whole value: what dump() prints when that is short, else its first
// 37 characters and "..."; NaN and infinities as Python spells them.
std::string describe_json(const nlohmann::json& value);

}  // namespace llmg
