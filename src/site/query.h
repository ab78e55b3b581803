// The web pages' query strings, parsed into typed settings: the index query (sort, filters, search, view)
// and the memory calculator's settings. Pure parsing, shared by the renderers (which write links from the
// canonical forms), the server (which answers 400 on a malformed value) and the export.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/memory.h"
#include "base/result.h"

namespace llmg::site {

// The query string of a URL as ordered (name, value) pairs, already percent-decoded.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Bounds of every query (issue 17): more parameters, a longer name or value, bytes that are not UTF-8 or
// control characters are a 400 naming the parameter. Values echoed in messages are cut to kShownBytes.
constexpr std::size_t kMaxQueryParams = 64;
constexpr std::size_t kMaxValueBytes = 200;
constexpr std::size_t kMaxNameBytes = 100;  // vendor=, license=
constexpr std::size_t kMaxSlugBytes = 100;
constexpr std::size_t kShownBytes = 60;
constexpr int kFirstYear = 1900, kLastYear = 2100;  // from= / to=
Result<void> check_query_size(const QueryParams& params);
// A value as an error message may quote it: invalid UTF-8 replaced by U+FFFD, cut to kShownBytes + "…".
std::string shown(std::string_view value);

// Sort keys, in the order the form lists them.
struct SortKey {
  const char* key;
  const char* label;
  bool descending_by_default;
};
const std::vector<SortKey>& sort_keys();

struct GalleryQuery {
  std::string sort = "date";
  bool descending = true;
  std::set<std::string> types, attention, vendors, licenses;  // attention: lower-case (compared without case)
  std::string date_from, date_to;             // inclusive, YYYY-MM-DD (partial dates widened)
  std::optional<std::int64_t> min_total, max_total;  // parameters
  std::string text;                           // full-text search
  bool compact = false;                       // table instead of cards
  std::string compare_a, compare_b;           // a=SLUG b=SLUG: the Compare A / B slots ("" = empty slot)
  QueryParams canonical;                      // the query as parsed, in canonical order (for links)
};

// Parses the index query string. Unknown names are ignored; a malformed value is an error naming the
// parameter and what was expected (HTTP 400): enums known, attn identifier-shaped, dates real calendar
// dates in kFirstYear..kLastYear with from <= to, sizes finite up to 1e15 with min <= max, vendor/license
// at most kMaxNameBytes, and check_query_size.
//   sort=date|name|total|active|kv|context|layers|score  order=asc|desc  view=cards|compact
//   type=dense|moe|hybrid|recurrent (repeatable)  attn=KIND (repeatable)  vendor=V  license=L
//   from=YYYY[-MM[-DD]]  to=YYYY[-MM[-DD]]  min=SIZE  max=SIZE (500M, 7B, 1.5T; a bare number is billions)
//   q=TEXT  a=SLUG b=SLUG (compare slots)
Result<GalleryQuery> parse_gallery_query(const QueryParams& params);
// "7B" -> 7e9 etc.; exposed for tests.
Result<std::int64_t> parse_size(std::string_view text, std::string_view parameter);
// YYYY, YYYY-MM or YYYY-MM-DD (a calendar date, year kFirstYear..kLastYear); `upper` widens a partial date
// to the end of its period.
Result<std::string> parse_date_bound(std::string_view text, std::string_view parameter, bool upper);
// dense, moe, hybrid, recurrent (decoder_type_key of a DecoderType).
bool known_decoder_type(std::string_view key);

constexpr std::int64_t kMaxBatch = 4096;  // sequences, the calculator's upper bound

struct MemorySettings {
  std::string context_text;   // as given ("128k"); empty = each model's own context
  std::int64_t context = 0;   // 0 = each model's own context
  std::int64_t batch = 1;
  NumberFormat kv{"bf16", 16};
  NumberFormat weights{"bf16", 16};
  bool kv_given = false;      // kv= was in the URL (else an engine preset uses its own default cache type)
  std::string engine;         // "", "llama.cpp" or "vllm": the engine figure beside the logical one (issue 16)
  QueryParams canonical;      // non-default settings, for links
};

// context=128k batch=1..4096 kv=bf16|fp16|fp8|int8|int4 weights=... engine=llama.cpp|vllm; malformed values are
// errors (HTTP 400).
Result<MemorySettings> parse_memory_settings(const QueryParams& params);

// The diff form's query (/diff?a=SLUG&b=SLUG plus the memory settings): both slugs present and slug-shaped
// (parse_slug), the memory settings as parse_memory_settings; errors name the parameter (HTTP 400).
struct DiffQuery {
  std::string a, b;
  MemorySettings memory;
};
Result<std::string> parse_slug(std::string_view text, std::string_view parameter);
Result<DiffQuery> parse_diff_query(const QueryParams& params);

}  // namespace llmg::site
