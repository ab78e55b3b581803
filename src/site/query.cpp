#include "site/query.h"

#include "analysis/engine_memory.h"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "analysis/facts.h"
#include "base/units.h"
#include "base/utf8.h"
#include "view/select.h"

namespace llmg::site {

std::string shown(std::string_view value) {
  std::string text = valid_utf8(value);
  if (text.size() <= kShownBytes) return text;
  std::size_t cut = kShownBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return text.substr(0, cut) + "…";
}

Result<void> check_query_size(const QueryParams& params) {
  if (params.size() > kMaxQueryParams)
    return bad_input(fmt::format("query: {} parameters, more than the {} allowed", params.size(), kMaxQueryParams));
  for (const auto& [name, value] : params) {
    if (name.size() > kMaxValueBytes || !is_valid_utf8(name))
      return bad_input(fmt::format("query: parameter name '{}' is not text of at most {} bytes", shown(name),
                                   kMaxValueBytes));
    if (value.size() > kMaxValueBytes)
      return bad_input(fmt::format("parameter '{}': longer than {} bytes", shown(name), kMaxValueBytes));
    if (!is_valid_utf8(value)) return bad_input(fmt::format("parameter '{}': not UTF-8 text", shown(name)));
    if (std::any_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
      return bad_input(fmt::format("parameter '{}': control characters in '{}'", shown(name), shown(value)));
  }
  return {};
}

namespace {

// attn=KIND: a layer mixer key or attention flavour ("sliding_attention", "GQA", "gqa"): 1-40 of [A-Za-z0-9_],
// compared without case (the form sends the flavours as the gallery writes them, GQA; a typed URL may not).
bool identifier_shaped(std::string_view value) {
  return !value.empty() && value.size() <= 40 && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string ascii_lower(std::string_view value) {
  std::string out(value);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

}  // namespace

const std::vector<SortKey>& sort_keys() {
  // The index form's keys: the rows of the sort table (view/select.h) the index offers, in table order.
  static const std::vector<SortKey> kKeys = [] {
    std::vector<SortKey> keys;
    for (const SortField& field : sort_fields())
      if (field.in_index) keys.push_back({field.key.data(), field.label.data(), field.descending_by_default});
    return keys;
  }();
  return kKeys;
}

Result<std::int64_t> parse_size(std::string_view text, std::string_view parameter) {
  auto fail = [&] {
    return bad_input(fmt::format("parameter '{}': expected a size such as 500M, 7B or 1.5T, got '{}'", parameter, shown(text)));
  };
  if (text.empty() || text.size() > 24) return fail();
  double scale = 1e9;
  std::string number(text);
  const char last = char(std::toupper(static_cast<unsigned char>(number.back())));
  if (last == 'K' || last == 'M' || last == 'B' || last == 'T') {
    scale = last == 'K' ? 1e3 : last == 'M' ? 1e6 : last == 'B' ? 1e9 : 1e12;
    number.pop_back();
  }
  if (number.empty() || !std::all_of(number.begin(), number.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }) ||
      std::count(number.begin(), number.end(), '.') > 1 || number == ".")
    return fail();
  const double value = std::stod(number) * scale;
  if (!std::isfinite(value) || value > 1e15) return fail();
  return static_cast<std::int64_t>(std::llround(value));
}

// YYYY, YYYY-MM or YYYY-MM-DD; `upper` widens a partial date to the end of its period.
Result<std::string> parse_date_bound(std::string_view text, std::string_view parameter, bool upper) {
  auto digits = [&](std::size_t from, std::size_t count) {
    if (text.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i)
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    return true;
  };
  const bool year = text.size() == 4 && digits(0, 4);
  const bool month = text.size() == 7 && digits(0, 4) && text[4] == '-' && digits(5, 2);
  const bool day = text.size() == 10 && digits(0, 4) && text[4] == '-' && digits(5, 2) && text[7] == '-' && digits(8, 2);
  if (!year && !month && !day)
    return bad_input(fmt::format("parameter '{}': expected a date YYYY, YYYY-MM or YYYY-MM-DD, got '{}'", parameter, shown(text)));
  const int year_number = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  if (year_number < kFirstYear || year_number > kLastYear)
    return bad_input(fmt::format("parameter '{}': year {} outside {} to {}", parameter, year_number, kFirstYear, kLastYear));
  // A calendar date, not just digits: 2025-13-45, 2025-02-30 and 2025-00 are bad input.
  if (!year) {
    const auto number = [&](std::size_t from, std::size_t count) {
      unsigned value = 0;
      for (std::size_t i = from; i < from + count; ++i) value = value * 10 + unsigned(text[i] - '0');
      return value;
    };
    const std::chrono::year_month_day date{std::chrono::year(int(number(0, 4))), std::chrono::month(number(5, 2)),
                                           std::chrono::day(day ? number(8, 2) : 1)};
    if (!date.ok())
      return bad_input(fmt::format("parameter '{}': '{}' is not a calendar date", parameter, text));
  }
  if (year) return std::string(text) + (upper ? "-12-31" : "-01-01");
  if (month) return std::string(text) + (upper ? "-31" : "-01");
  return std::string(text);
}

bool known_decoder_type(std::string_view key) {
  for (DecoderType type : {DecoderType::Dense, DecoderType::SparseMoE, DecoderType::Hybrid, DecoderType::Recurrent})
    if (decoder_type_key(type) == key) return true;
  return false;
}

Result<GalleryQuery> parse_gallery_query(const QueryParams& params) {
  GalleryQuery query;
  std::optional<bool> order;
  std::string view;
  if (auto ok = check_query_size(params); !ok) return tl::unexpected(ok.error());
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;  // an empty form field means "any"
    if (name == "sort") {
      const auto& keys = sort_keys();
      const std::string& wanted = value;  // clang 14 cannot capture a structured binding
      if (std::none_of(keys.begin(), keys.end(), [&](const SortKey& k) { return wanted == k.key; }))
        return bad_input(fmt::format("parameter 'sort': expected one of date, name, total, active, kv, context, "
                                     "layers, score, got '{}'", shown(value)));
      query.sort = value;
    } else if (name == "order") {
      if (value != "asc" && value != "desc")
        return bad_input(fmt::format("parameter 'order': expected asc or desc, got '{}'", shown(value)));
      order = value == "desc";
    } else if (name == "view") {
      if (value != "cards" && value != "compact")
        return bad_input(fmt::format("parameter 'view': expected cards or compact, got '{}'", shown(value)));
      view = value;
    } else if (name == "type") {
      if (!known_decoder_type(value))
        return bad_input(fmt::format("parameter 'type': expected dense, moe, hybrid or recurrent, got '{}'", shown(value)));
      query.types.insert(value);
    } else if (name == "attn") {
      if (!identifier_shaped(value))
        return bad_input(fmt::format("parameter 'attn': expected a mixer or attention kind such as sliding_attention "
                                     "or GQA (1 to 40 of letters, digits, _), got '{}'", shown(value)));
      query.attention.insert(ascii_lower(value));
    } else if (name == "vendor" || name == "license") {
      if (value.size() > kMaxNameBytes)
        return bad_input(fmt::format("parameter '{}': longer than {} bytes", name, kMaxNameBytes));
      (name == "vendor" ? query.vendors : query.licenses).insert(value);
    } else if (name == "from" || name == "to") {
      auto date = parse_date_bound(value, name, name == "to");
      if (!date) return tl::unexpected(date.error());
      (name == "from" ? query.date_from : query.date_to) = *date;
    } else if (name == "min" || name == "max") {
      auto size = parse_size(value, name);
      if (!size) return tl::unexpected(size.error());
      (name == "min" ? query.min_total : query.max_total) = *size;
    } else if (name == "q") {
      query.text = value;
    } else if (name == "a" || name == "b") {
      // Compare slots: a catalog slug (lower-case letters, digits, '.', '-', '_'); an unknown slug is shown
      // as "not in the catalog" by the page, a malformed one is a 400.
      if (value.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-_") != std::string::npos)
        return bad_input(fmt::format("parameter '{}': expected a model slug (a-z, 0-9, '.', '-', '_'), got '{}'", name, value));
      (name == "a" ? query.compare_a : query.compare_b) = value;
    }
  }
  if (!query.date_from.empty() && !query.date_to.empty() && query.date_from > query.date_to)
    return bad_input(fmt::format("parameters 'from' and 'to': {} is after {}", query.date_from, query.date_to));
  if (query.min_total && query.max_total && *query.min_total > *query.max_total)
    return bad_input(fmt::format("parameters 'min' and 'max': {} parameters is more than {}", *query.min_total,
                                 *query.max_total));
  const auto& keys = sort_keys();
  const auto key = std::find_if(keys.begin(), keys.end(), [&](const SortKey& k) { return query.sort == k.key; });
  query.descending = order ? *order : key->descending_by_default;
  query.compact = view == "compact";
  // Canonical form: only what differs from the defaults, in a fixed order.
  QueryParams& c = query.canonical;
  if (query.sort != "date") c.emplace_back("sort", query.sort);
  if (query.descending != key->descending_by_default) c.emplace_back("order", query.descending ? "desc" : "asc");
  for (const auto& t : query.types) c.emplace_back("type", t);
  for (const auto& a : query.attention) c.emplace_back("attn", a);
  for (const auto& v : query.vendors) c.emplace_back("vendor", v);
  for (const auto& l : query.licenses) c.emplace_back("license", l);
  for (const char* bound : {"from", "to", "min", "max"})
    for (const auto& [name, value] : params)
      if (name == bound && !value.empty()) {
        c.emplace_back(name, value);
        break;
      }
  if (!query.text.empty()) c.emplace_back("q", query.text);
  if (query.compact) c.emplace_back("view", "compact");
  if (!query.compare_a.empty()) c.emplace_back("a", query.compare_a);
  if (!query.compare_b.empty()) c.emplace_back("b", query.compare_b);
  return query;
}

namespace {
constexpr std::int64_t kMaxContext = std::int64_t(1) << 26;  // 64M tokens
}  // namespace

Result<MemorySettings> parse_memory_settings(const QueryParams& params) {
  MemorySettings s;
  if (auto ok = check_query_size(params); !ok) return tl::unexpected(ok.error());
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    if (name == "context") {
      auto context = parse_token_count(value, "context");
      if (!context || *context < 1 || *context > kMaxContext)
        return bad_input(fmt::format("parameter 'context': expected 1 to 64M tokens, got '{}'", shown(value)));
      s.context = *context;
      s.context_text = value;
      s.canonical.emplace_back("context", value);
    } else if (name == "batch") {
      std::int64_t batch = 0;
      bool ok = !value.empty() && value.size() <= 5;
      for (char c : value) ok = ok && c >= '0' && c <= '9';
      if (ok) batch = std::stoll(value);
      if (!ok || batch < 1 || batch > kMaxBatch)
        return bad_input(fmt::format("parameter 'batch': expected an integer from 1 to {}, got '{}'", kMaxBatch, shown(value)));
      s.batch = batch;
      if (batch != 1) s.canonical.emplace_back("batch", value);
    } else if (name == "kv" || name == "weights") {
      auto format = number_format(value, name);
      if (!format) return tl::unexpected(format.error());
      (name == "kv" ? s.kv : s.weights) = *format;
      if (name == "kv") s.kv_given = true;
      if (value != "bf16") s.canonical.emplace_back(name, value);
    } else if (name == "engine") {  // issue 16: the engine preset beside the logical figure
      auto engine = engine_by_name(value, "engine");
      if (!engine) return bad_input(fmt::format("parameter 'engine': expected llama.cpp or vllm, got '{}'", shown(value)));
      s.engine = std::string(engine_name(*engine));
      s.canonical.emplace_back("engine", s.engine);
    }
  }
  return s;
}

Result<std::string> parse_slug(std::string_view text, std::string_view parameter) {
  const bool ok = !text.empty() && text.size() <= kMaxSlugBytes && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
  });
  if (!ok)
    return bad_input(fmt::format("parameter '{}': expected a model slug (1 to {} of a-z, A-Z, 0-9, '-', '.', '_'), "
                                 "got '{}'", parameter, kMaxSlugBytes, shown(text)));
  return std::string(text);
}

Result<DiffQuery> parse_diff_query(const QueryParams& params) {
  if (auto ok = check_query_size(params); !ok) return tl::unexpected(ok.error());
  DiffQuery query;
  for (const auto& [name, value] : params) {
    if (name != "a" && name != "b") continue;
    auto slug = parse_slug(value, name);
    if (!slug) return tl::unexpected(slug.error());
    (name == "a" ? query.a : query.b) = *slug;
  }
  if (query.a.empty() || query.b.empty())
    return bad_input("parameters 'a' and 'b': name two models, /diff?a=SLUG&b=SLUG");
  auto memory = parse_memory_settings(params);
  if (!memory) return tl::unexpected(memory.error());
  query.memory = std::move(*memory);
  return query;
}

}  // namespace llmg::site
