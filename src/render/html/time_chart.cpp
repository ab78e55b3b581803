#include "render/html/time_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "base/units.h"

namespace llmg::html {

std::optional<double> day_number(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = unsigned((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return double(era * 146097 + int(doe) - 719468);
}

std::string_view decoder_colour(DecoderType type) {
  switch (type) {
    case DecoderType::Dense: return "#4e79a7";
    case DecoderType::SparseMoE: return "#b07aa1";
    case DecoderType::Hybrid: return "#f28e2b";
    case DecoderType::Recurrent: return "#e15759";
  }
  return "#999";
}

double TimeScale::x(double day) const {
  if (segments.empty()) return 0;
  for (const Segment& s : segments)
    if (day <= s.d1) return day < s.d0 ? s.x0 : s.x0 + (day - s.d0) / std::max(1.0, s.d1 - s.d0) * (s.x1 - s.x0);
  return segments.back().x1;
}

TimeScale linear_time_scale(double d0, double d1, double x0, double x1) {
  TimeScale scale;
  scale.segments.push_back({d0, std::max(d1, d0 + 1), x0, x1});
  return scale;
}

TimeScale time_scale(std::vector<double> days, double x0, double x1, double max_gap, double pad, double break_px) {
  std::sort(days.begin(), days.end());
  if (days.empty()) return linear_time_scale(0, 1, x0, x1);
  std::vector<std::pair<double, double>> runs{{days.front() - pad, days.front() + pad}};
  for (std::size_t i = 1; i < days.size(); ++i) {
    if (days[i] - days[i - 1] > max_gap)
      runs.push_back({days[i] - pad, days[i] + pad});
    else
      runs.back().second = days[i] + pad;
  }
  double total = 0;
  for (const auto& [a, b] : runs) total += b - a;
  const double px_per_day = (x1 - x0 - break_px * double(runs.size() - 1)) / total;
  TimeScale scale;
  double x = x0;
  for (const auto& [a, b] : runs) {
    scale.segments.push_back({a, b, x, x + (b - a) * px_per_day});
    x += (b - a) * px_per_day + break_px;
  }
  return scale;
}

std::vector<TimeTick> time_ticks(const TimeScale& scale, double min_px) {
  std::vector<TimeTick> out;
  if (scale.segments.empty()) return out;
  double px_per_month = 0;
  for (const auto& s : scale.segments)
    px_per_month = std::max(px_per_month, (s.x1 - s.x0) / std::max(1.0, s.d1 - s.d0) * 30.44);
  int step = 24;
  for (int candidate : {1, 2, 3, 6, 12, 24})
    if (candidate * px_per_month >= min_px) {
      step = candidate;
      break;
    }
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (const auto& s : scale.segments) {
    std::size_t before = out.size();
    for (int year = 1970; year < 2100; ++year)
      for (int month = 1; month <= 12; ++month) {
        if ((year * 12 + month - 1) % step != 0) continue;
        const auto day = day_number(fmt::format("{:04}-{:02}-01", year, month));
        if (!day || *day < s.d0 || *day > s.d1) continue;
        out.push_back({scale.x(*day), month == 1 || step >= 12 ? fmt::format("{}", year)
                                                               : fmt::format("{} {}", kMonths[month - 1], year),
                       month == 1});
      }
    if (out.size() == before) {  // a short run: its year at its middle
      const double mid = (s.d0 + s.d1) / 2;
      int year = 1970 + int(mid / 365.2425);
      out.push_back({(s.x0 + s.x1) / 2, fmt::format("{}", year), false});
    }
  }
  return out;
}

namespace {

std::string count_label(double value) {
  static const std::pair<double, const char*> kUnits[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
  for (const auto& [unit, suffix] : kUnits)
    if (value >= unit * 0.999) return fmt::format("{:g}{}", std::round(value / unit * 1000) / 1000, suffix);
  return fmt::format("{:g}", value);
}

}  // namespace

std::vector<Tick> log_ticks(double lo, double hi, bool bytes) {
  std::vector<Tick> out;
  if (!(lo > 0) || !(hi >= lo)) return out;
  if (bytes) {
    const double l0 = std::floor(std::log2(lo)), l1 = std::ceil(std::log2(hi));
    const int step = l1 - l0 <= 10 ? 1 : 2;
    double first = l0;
    if (step == 2 && std::fmod(first, 2.0) != 0) first -= 1;  // even powers: 1 KiB, 4 KiB, 16 KiB…
    for (double e = first; e < l1 + step; e += step) {
      const double v = std::exp2(e);
      out.push_back({v, human_bytes(static_cast<std::int64_t>(v))});
      if (e >= l1) break;
    }
    return out;
  }
  const double d0 = std::floor(std::log10(lo) + 1e-9), d1 = std::ceil(std::log10(hi) - 1e-9);
  const bool fine = d1 - d0 <= 2;
  std::vector<double> values;  // every candidate, ascending
  for (double d = d0; d <= d1; d += 1)
    for (double m : {1.0, 2.0, 5.0})
      if (m == 1 || fine) values.push_back(m * std::pow(10.0, d));
  // The last candidate at or below lo, every one between, and the first at or above hi.
  std::size_t first = 0, last = values.size() - 1;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (values[i] <= lo * 1.000001) first = i;
  for (std::size_t i = values.size(); i-- > 0;)
    if (values[i] >= hi * 0.999999) last = i;
  for (std::size_t i = first; i <= last; ++i) out.push_back({values[i], count_label(values[i])});
  return out;
}

bool overlaps(const Box& a, const Box& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

std::vector<int> place_labels(const std::vector<std::vector<Box>>& candidates, const Box& bounds,
                              const std::vector<Box>& obstacles) {
  std::vector<int> chosen(candidates.size(), -1);
  std::vector<Box> placed;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    for (std::size_t c = 0; c < candidates[i].size(); ++c) {
      const Box& box = candidates[i][c];
      if (box.x < bounds.x || box.y < bounds.y || box.x + box.w > bounds.x + bounds.w || box.y + box.h > bounds.y + bounds.h)
        continue;
      bool clear = true;
      for (const Box& other : placed) clear = clear && !overlaps(box, other);
      for (const Box& other : obstacles) clear = clear && !overlaps(box, other);
      if (!clear) continue;
      chosen[i] = static_cast<int>(c);
      placed.push_back(box);
      break;
    }
  }
  return chosen;
}

}  // namespace llmg::html
