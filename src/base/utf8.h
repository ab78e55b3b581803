// Text is text (issue 17, case 03): bytes that are not UTF-8 (a folder name, a URL slug, a GGUF string)
// never reach a JSON, HTML, SVG or XML writer raw. xml_escape (base/units.h) and json_text
// (render/text/json.h) pass everything they write through here.
#pragma once

#include <string>
#include <string_view>

namespace llmg {

// True when `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// `text` with every byte that does not start or continue a well-formed UTF-8 sequence replaced by U+FFFD
// (EF BF BD), one replacement per such byte, as nlohmann::json's error_handler_t::replace does:
// "a\xFF" -> "a\uFFFD", "\xC0\xAF" (overlong '/') -> "\uFFFD\uFFFD". Valid text is returned unchanged.
std::string valid_utf8(std::string_view text);

}  // namespace llmg
