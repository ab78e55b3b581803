// Human-readable numbers for text output (JSON always carries exact values).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace llmg {

std::string with_commas(std::int64_t value);  // 8030261248 -> "8,030,261,248"
std::string human_count(std::int64_t value);  // 8030261248 -> "8.03B", 596049920 -> "596M", 1e12 -> "1.00T"
std::string human_bytes(std::int64_t bytes);  // 70246 -> "68.6 KiB", 131072 -> "128 KiB"
std::string human_tokens(std::int64_t tokens);  // 131072 -> "128k", 1048576 -> "1M", 8192 -> "8k"
std::string percent(double fraction);           // 0.0439 -> "4.4%"
// & < > " ' as entities: safe in XML/HTML text and in double- or single-quoted attribute values. The one
// escaping routine of every SVG, HTML and Atom document we write. Bytes that are not UTF-8 and the control
// characters XML 1.0 forbids (below U+0020 except tab, LF, CR) become U+FFFD (base/utf8.h).
std::string xml_escape(std::string_view text);

}  // namespace llmg
