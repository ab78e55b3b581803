#include "ingest/config/json_text.h"

#include <cmath>
#include <vector>

#include <fmt/format.h>

namespace llmg {

using nlohmann::json;

namespace {

constexpr std::size_t kDescribeLength = 40;
constexpr std::size_t kDetailLength = 200;
constexpr std::size_t kLiteralLength = 24;

// Cut `text` to at most `length` bytes without splitting a UTF-8 sequence.
std::string cut_utf8(std::string_view text, std::size_t length) {
  if (text.size() <= length) return std::string(text);
  std::size_t end = length;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

// what() reads "[json.exception.parse_error.101] parse error at line 1, column 16: ..."; keep the part
// after the exception id, cut so a long token is never echoed whole.
std::string without_id(const json::exception& error) {
  std::string detail = error.what();
  if (const auto at = detail.find("] "); at != std::string::npos) detail = detail.substr(at + 2);
  if (detail.size() > kDetailLength) detail = cut_utf8(detail, kDetailLength - 3) + "...";
  return detail;
}

// Python's json literals outside strings, replaced by strings the parse callback turns back into
// doubles. The marker starts with an escaped NUL, which no real config string holds.
constexpr std::string_view kMarker = "\\u0000llmg:";
constexpr std::string_view kMarkerDecoded = std::string_view("\0llmg:", 6);

bool starts_with_at(std::string_view text, std::size_t at, std::string_view word) {
  return text.substr(at, word.size()) == word;
}

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// Returns the text with each NaN / Infinity / -Infinity outside strings replaced by a marker string;
// `replaced` counts them.
std::string mark_python_literals(std::string_view text, std::size_t& replaced) {
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
      continue;
    }
    bool marked = false;
    for (std::string_view word : {std::string_view("-Infinity"), std::string_view("Infinity"), std::string_view("NaN")}) {
      if (starts_with_at(text, i, word) && (i + word.size() == text.size() || !is_word_char(text[i + word.size()])) &&
          (i == 0 || !is_word_char(text[i - 1]))) {
        out += fmt::format("\"{}{}\"", kMarker, word);
        i += word.size() - 1;
        ++replaced;
        marked = true;
        break;
      }
    }
    if (!marked) out += c;
  }
  return out;
}

struct DepthExceeded {
  std::string where;
};

// The dotted path of the keys being read ("rope_scaling.factor"), cut to 80 characters.
std::string key_path(const std::vector<std::string>& keys) {
  std::string path;
  for (const std::string& key : keys)
    if (!key.empty()) path += (path.empty() ? "" : ".") + key;
  if (path.size() > 80) path = cut_utf8(path, 77) + "...";
  return path;
}

// Writes what dump() would, stopping (with "...") past kDescribeLength characters or 8 levels.
void render(const json& value, std::string& out, int depth, bool& stopped) {
  if (stopped) return;
  switch (value.type()) {
    case json::value_t::object:
    case json::value_t::array: {
      const bool object = value.is_object();
      out += object ? '{' : '[';
      bool first = true;
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (out.size() > kDescribeLength || depth >= 8) {
          out += "...";
          stopped = true;
        }
        if (stopped) return;
        if (!first) out += ',';
        first = false;
        if (object) out += json(cut_utf8(it.key(), kDescribeLength)).dump() + ":";
        render(*it, out, depth + 1, stopped);
      }
      if (!stopped) out += object ? '}' : ']';
      return;
    }
    case json::value_t::string:
      out += json(cut_utf8(value.get_ref<const std::string&>(), kDescribeLength + 1)).dump();
      return;
    case json::value_t::number_float: {
      const double number = value.get<double>();
      if (std::isnan(number)) out += "NaN";
      else if (std::isinf(number)) out += number > 0 ? "Infinity" : "-Infinity";
      else out += value.dump();
      return;
    }
    default:
      out += value.dump();  // null, boolean, integer: scalars
  }
}

}  // namespace

std::string describe_json(const json& value) {
  std::string text;
  bool stopped = false;
  render(value, text, 0, stopped);
  if (text.size() > kDescribeLength) text = cut_utf8(text, kDescribeLength - 3) + "...";
  return text;
}

std::string JsonTextError::where_and_why(std::size_t offset) const {
  if (byte == 0) return ": " + detail;
  return fmt::format(" at byte {}: {}", offset + byte, detail);
}

tl::expected<json, JsonTextError> parse_json_text(std::string_view text, JsonTextOptions options) {
  std::size_t literals = 0;
  std::string marked;
  if (options.python_literals) {
    marked = mark_python_literals(text, literals);
    if (literals > 0) text = marked;
  }
  std::vector<std::string> keys;  // the key being read in each enclosing object ("" in arrays)
  const json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        if (depth >= kMaxJsonDepth) throw DepthExceeded{key_path(keys)};
        keys.emplace_back();
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!keys.empty()) keys.pop_back();
        break;
      case json::parse_event_t::key:
        if (!keys.empty()) keys.back() = cut_utf8(parsed.get_ref<const std::string&>(), 64);
        break;
      case json::parse_event_t::value:
        if (literals > 0 && parsed.is_string()) {
          const std::string& s = parsed.get_ref<const std::string&>();
          if (s.size() > kMarkerDecoded.size() && std::string_view(s).substr(0, kMarkerDecoded.size()) == kMarkerDecoded) {
            const std::string_view word = std::string_view(s).substr(kMarkerDecoded.size());
            if (word == "NaN") parsed = std::nan("");
            else if (word == "Infinity") parsed = HUGE_VAL;
            else if (word == "-Infinity") parsed = -HUGE_VAL;
          }
        }
        break;
    }
    return true;
  };
  try {
    return json::parse(text, callback);  // also rejects ill-formed UTF-8 inside strings
  } catch (const DepthExceeded& error) {
    const std::string under = error.where.empty() ? "" : fmt::format(" (under key '{}')", error.where);
    return tl::unexpected(JsonTextError{0, fmt::format("nesting deeper than {} levels{}", kMaxJsonDepth, under)});
  } catch (const json::parse_error& error) {
    return tl::unexpected(JsonTextError{error.byte, without_id(error)});
  } catch (const json::out_of_range& error) {
    // "number overflow parsing '1e999'": name the key and cut the literal.
    std::string literal = error.what();
    if (const auto open = literal.find('\''); open != std::string::npos) {
      literal = literal.substr(open + 1);
      if (!literal.empty() && literal.back() == '\'') literal.pop_back();
    }
    if (literal.size() > kLiteralLength) literal = cut_utf8(literal, kLiteralLength) + "...";
    const std::string path = key_path(keys);
    return tl::unexpected(JsonTextError{
        0, path.empty() ? fmt::format("number {} is beyond double's range", literal)
                        : fmt::format("key '{}': number {} is beyond double's range", path, literal)});
  }
}

}  // namespace llmg
