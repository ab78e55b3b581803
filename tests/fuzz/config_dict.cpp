// Prints the libFuzzer dictionary of fuzz_config on stdout, generated from the tables the readers use
// (so it follows them): every spelling of every key of ingest/keys.h's key table and every model_type
// of the family table, as quoted JSON strings, plus the JSON tokens and extreme numbers the mutation
// test also tries. scripts/fuzz.sh writes it to build-fuzz/config.dict at build time (nothing generated in git).
#include <iostream>
#include <set>
#include <string>
#include <string_view>

#include "ingest/families/registry.h"
#include "ingest/keys.h"

namespace {

// A dictionary entry: the bytes between double quotes, with " and \ escaped (libFuzzer's format).
std::string entry(std::string_view bytes) {
  std::string out = "\"";
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F) {  // libFuzzer reads other bytes only as \xHH
      static const char* kHex = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

int main() {
  std::set<std::string> words;
  for (const llmg::KeySpec& spec : llmg::key_table()) {
    words.insert("\"" + std::string(spec.name) + "\"");
    for (std::string_view alias : spec.aliases) words.insert("\"" + std::string(alias) + "\"");
  }
  for (const llmg::FamilyRow& row : llmg::family_table()) words.insert("\"" + std::string(row.model_type) + "\"");
  for (std::string_view token : {"{", "}", "[", "]", ":", ",", "null", "true", "false", "\"\"", "0", "-1", "0.5",
                                 "2147483648", "9223372036854775808", "1e300", "-1e300", "1e999", "[]", "{}",
                                 "\"model_type\":", "\"text_config\":", "\"layer_types\":", "\\u0000", "\xff"})
    words.insert(std::string(token));
  for (const std::string& word : words) std::cout << entry(word) << "\n";
  return 0;
}
