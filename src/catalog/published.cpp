#include "catalog/published.h"

#include <fmt/format.h>

#include "catalog/catalog.h"

namespace llmg {

namespace {

bool checked_mul(std::int64_t a, std::int64_t b, std::int64_t* out) { return !__builtin_mul_overflow(a, b, out); }

}  // namespace

Result<PublishedFigure> parse_published_figure(std::string_view text) {
  PublishedFigure out;
  out.text = std::string(text);
  if (text.empty()) return bad_input("empty figure");
  std::int64_t multiplier = 1;
  std::string_view number = text;
  switch (number.back()) {
    case 'K': multiplier = 1'000; break;
    case 'M': multiplier = 1'000'000; break;
    case 'B': multiplier = 1'000'000'000; break;
    case 'T': multiplier = 1'000'000'000'000; break;
    default: break;
  }
  if (multiplier != 1) number.remove_suffix(1);
  out.exact = multiplier == 1;
  std::int64_t mantissa = 0;  // digits without the point
  int decimals = -1;          // digits after the point, -1 without a point
  bool seen_nonzero = false;
  for (std::size_t i = 0; i < number.size(); ++i) {
    const char c = number[i];
    if (c == ',') continue;  // thousands separators ("6,865,424,896", "25,600M")
    if (c == '.' && decimals < 0 && !out.exact) {
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return bad_input(fmt::format("figure '{}': unexpected '{}' (expected digits, one '.', a K/M/B/T suffix)", text, c));
    if (c != '0') seen_nonzero = true;
    if (seen_nonzero) ++out.significant_digits;
    if (!checked_mul(mantissa, 10, &mantissa) || __builtin_add_overflow(mantissa, c - '0', &mantissa))
      return bad_input(fmt::format("figure '{}': too large", text));
    if (decimals >= 0) ++decimals;
  }
  if (out.significant_digits == 0) return bad_input(fmt::format("figure '{}': no nonzero digit", text));
  // value = mantissa × multiplier / 10^decimals; the unit of the last digit = multiplier / 10^decimals.
  std::int64_t unit = multiplier;
  for (int d = 0; d < std::max(decimals, 0); ++d) {
    if (unit % 10 != 0) return bad_input(fmt::format("figure '{}': more decimals than whole parameters", text));
    unit /= 10;
  }
  if (!checked_mul(mantissa, unit, &out.value)) return bad_input(fmt::format("figure '{}': too large", text));
  // Trailing zeros of a whole number are not significant ("400B" gives one digit, "270M" two); a decimal
  // point makes every digit written significant ("4.0B" gives two).
  if (!out.exact && decimals < 0) {
    for (std::int64_t m = mantissa; m % 10 == 0; m /= 10) {
      --out.significant_digits;
      unit *= 10;
    }
  }
  out.tolerance = out.exact ? 0 : unit / 2;
  return out;
}

bool is_published_convention(std::string_view convention) {
  return convention == "active" || convention == "active_with_embeddings" || convention == "active_non_embedding" ||
         convention == "name" || convention == "unknown";
}

bool PublishedFigures::includes_part(std::string_view part) const {
  std::size_t start = 0;
  while (start <= includes.size()) {
    std::size_t end = includes.find(',', start);
    if (end == std::string::npos) end = includes.size();
    if (std::string_view(includes).substr(start, end - start) == part) return true;
    start = end + 1;
  }
  return false;
}

Result<std::map<std::string, PublishedFigures>> parse_published_table(std::string_view tsv, std::string_view where) {
  std::map<std::string, PublishedFigures> out;
  const auto rows = parse_tsv(tsv);
  static const char* kColumns[] = {"slug", "published_total", "published_active", "convention", "includes",
                                   "source_url", "quote"};
  if (rows.empty()) return bad_input(fmt::format("{}: empty (expected a header row)", where));
  const auto& header = rows.front();
  for (std::size_t c = 0; c < std::size(kColumns); ++c)
    if (c >= header.size() || header[c] != kColumns[c])
      return bad_input(fmt::format("{}: header column {} should be '{}'", where, c + 1, kColumns[c]));
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const std::string line = fmt::format("{}: line {}", where, r + 1);
    if (row.size() != std::size(kColumns))
      return bad_input(fmt::format("{}: {} columns (expected {})", line, row.size(), std::size(kColumns)));
    PublishedFigures figures;
    figures.convention = row[3];
    figures.includes = row[4];
    figures.source_url = row[5];
    figures.quote = row[6];
    if (!is_published_convention(figures.convention))
      return bad_input(fmt::format("{}: key 'convention': unknown convention '{}'", line, figures.convention));
    for (const auto& [column, into] : {std::pair{1, &figures.total}, std::pair{2, &figures.active}}) {
      if (row[column].empty()) continue;
      auto figure = parse_published_figure(row[column]);
      if (!figure) return bad_input(fmt::format("{}: key '{}': {}", line, kColumns[column], figure.error().message));
      *into = std::move(*figure);
    }
    if (!figures.includes.empty()) {
      std::size_t start = 0;
      while (start <= figures.includes.size()) {
        std::size_t end = figures.includes.find(',', start);
        if (end == std::string::npos) end = figures.includes.size();
        const std::string part = figures.includes.substr(start, end - start);
        if (part != "towers" && part != "mtp" && part != "non_embedding")
          return bad_input(fmt::format("{}: key 'includes': unknown part '{}' (expected towers, mtp, non_embedding)",
                                       line, part));
        start = end + 1;
      }
    }
    const bool any = figures.total || figures.active;
    if (any == (figures.convention == "unknown"))
      return bad_input(fmt::format("{}: key 'convention': '{}' {}", line, figures.convention,
                                   any ? "given with a figure" : "needs a figure (use 'unknown' when none is found)"));
    if (any && (figures.source_url.empty() || figures.quote.empty()))
      return bad_input(fmt::format("{}: a published figure needs source_url and quote", line));
    if (!out.emplace(row[0], std::move(figures)).second)
      return bad_input(fmt::format("{}: key 'slug': '{}' listed twice", line, row[0]));
  }
  return out;
}

}  // namespace llmg
