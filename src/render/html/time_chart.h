// Shared pieces of the time charts (timeline, family tree over time): dates as day numbers, the
// decoder-type colours, log-axis ticks with readable labels, and greedy label placement. The same
// rules run in the browser (assets/timeline.js) when the reader zooms or switches the view.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/vocab.h"

namespace llmg::html {

// Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian), or nullopt when malformed.
std::optional<double> day_number(const std::string& date);

// A time axis that compresses long empty stretches: the dates are cut wherever two consecutive dates
// lie more than `max_gap` days apart, each run padded by `pad` days, and the runs share the pixels in
// proportion to their days with a `break_px` gap (drawn as an axis break) between runs.
struct TimeScale {
  struct Segment {
    double d0 = 0, d1 = 0, x0 = 0, x1 = 0;  // days and pixels
  };
  std::vector<Segment> segments;
  double x(double day) const;  // clamped to the first/last segment
};
TimeScale time_scale(std::vector<double> days, double x0, double x1, double max_gap = 270, double pad = 60,
                     double break_px = 30);
// One straight scale over [d0, d1] (a zoomed range is drawn as is).
TimeScale linear_time_scale(double d0, double d1, double x0, double x1);
// Month ticks at least `min_px` apart (step 1, 2, 3, 6, 12 or 24 months); "2025" on January, "Apr 2025"
// otherwise; a segment holding no tick gets its year at its middle.
struct TimeTick {
  double x = 0;
  std::string label;
  bool year = false;
};
std::vector<TimeTick> time_ticks(const TimeScale& scale, double min_px = 70);

// Decoder-type colour (one table for the timeline, the tree and their legends).
std::string_view decoder_colour(DecoderType type);

// Ticks of a log axis covering [lo, hi] (both > 0), lo and hi widened to the outer ticks. Parameters:
// 1, 10, 100… (with 2 and 5 when the range spans two decades or less); bytes: powers of 4, or of 2
// when the range spans ten doublings or less. Labels: "100M", "1B", "20B", "1T"; "16 KiB", "1 MiB".
struct Tick {
  double value = 0;
  std::string label;
};
std::vector<Tick> log_ticks(double lo, double hi, bool bytes);

// An axis-aligned box in SVG user units.
struct Box {
  double x = 0, y = 0, w = 0, h = 0;
};
bool overlaps(const Box& a, const Box& b);

// Greedy placement: items in priority order, each with its candidate boxes in preference order; an
// item takes its first candidate that lies inside `bounds` and overlaps neither a box already placed
// nor an obstacle. Returns, per item, the index of the chosen candidate or -1 (not placed).
std::vector<int> place_labels(const std::vector<std::vector<Box>>& candidates, const Box& bounds,
                              const std::vector<Box>& obstacles);

}  // namespace llmg::html
