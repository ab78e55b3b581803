#include "ingest/config/json_text.h"

#include <fmt/format.h>

namespace llmg {

namespace {

// what() reads "[json.exception.parse_error.101] parse error at line 1, column 16: ..."; keep the part
// after the exception id.
std::string without_id(const nlohmann::json::exception& error) {
  std::string detail = error.what();
  if (const auto at = detail.find("] "); at != std::string::npos) detail = detail.substr(at + 2);
  return detail;
}

}  // namespace

std::string JsonTextError::where_and_why(std::size_t offset) const {
  if (byte == 0) return ": " + detail;
  return fmt::format(" at byte {}: {}", offset + byte, detail);
}

tl::expected<nlohmann::json, JsonTextError> parse_json_text(std::string_view text) {
  try {
    return nlohmann::json::parse(text);  // also rejects ill-formed UTF-8 inside strings
  } catch (const nlohmann::json::parse_error& error) {
    return tl::unexpected(JsonTextError{error.byte, without_id(error)});
  } catch (const nlohmann::json::out_of_range& error) {
    return tl::unexpected(JsonTextError{0, without_id(error)});
  }
}

}  // namespace llmg
