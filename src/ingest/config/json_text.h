// JSON text -> nlohmann::json for every file we read (config.json, safetensors headers and indexes),
// with every way the parser can refuse a document as an error value: a syntax error (with its byte) and
// a number beyond double's range ("1e999", which nlohmann reports as out_of_range, not parse_error).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

namespace llmg {

struct JsonTextError {
  std::size_t byte = 0;  // 1-based position where the parser stopped; 0 when the parser gives none
  std::string detail;    // the parser's reason without its exception id
  // " at byte N: reason" (the byte shifted by `offset`, e.g. where the JSON starts in its file) or ": reason".
  std::string where_and_why(std::size_t offset = 0) const;
};

tl::expected<nlohmann::json, JsonTextError> parse_json_text(std::string_view text);

}  // namespace llmg
