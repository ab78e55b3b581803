#include "base/units.h"

#include "base/utf8.h"

#include <cmath>

#include <fmt/format.h>

namespace llmg {

std::string with_commas(std::int64_t value) {
  const bool negative = value < 0;
  std::string digits = std::to_string(negative ? -value : value);
  std::string out;
  const std::size_t lead = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  out += digits.substr(0, lead);
  for (std::size_t i = lead; i < digits.size(); i += 3) out += "," + digits.substr(i, 3);
  return negative ? "-" + out : out;
}

namespace {

// Three significant digits: 8.03, 80.3, 803.
std::string three_significant(double value) {
  if (value >= 100) return fmt::format("{:.0f}", value);
  if (value >= 10) return fmt::format("{:.1f}", value);
  return fmt::format("{:.2f}", value);
}

}  // namespace

std::string human_count(std::int64_t value) {
  const double v = static_cast<double>(value);
  if (value >= 999'500'000'000LL) return three_significant(v / 1e12) + "T";
  if (value >= 999'500'000LL) return three_significant(v / 1e9) + "B";
  if (value >= 999'500LL) return three_significant(v / 1e6) + "M";
  if (value >= 1000) return three_significant(v / 1e3) + "K";
  return std::to_string(value);
}

std::string human_bytes(std::int64_t bytes) {
  static const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 5) {
    value /= 1024;
    ++unit;
  }
  if (unit == 0) return fmt::format("{} B", bytes);
  if (value == std::floor(value)) return fmt::format("{:.0f} {}", value, kUnits[unit]);
  if (value >= 100) return fmt::format("{:.0f} {}", value, kUnits[unit]);
  return fmt::format("{:.1f} {}", value, kUnits[unit]);
}

std::string human_tokens(std::int64_t tokens) {
  if (tokens <= 0) return "?";
  if (tokens % (1 << 20) == 0) return fmt::format("{}M", tokens >> 20);
  if (tokens % 1024 == 0) return fmt::format("{}k", tokens / 1024);
  if (tokens >= 10000 && tokens % 1000 == 0) return fmt::format("{}k", tokens / 1000);
  return with_commas(tokens);
}

std::string percent(double fraction) {
  const double p = fraction * 100;
  if (p >= 10) return fmt::format("{:.0f}%", p);
  return fmt::format("{:.1f}%", p);
}

std::string xml_escape(std::string_view raw) {
  const std::string text = valid_utf8(raw);  // invalid UTF-8 -> U+FFFD (base/utf8.h)
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') {  // not a character of XML 1.0 (section 2.2)
      out += "\xEF\xBF\xBD";  // U+FFFD
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace llmg
