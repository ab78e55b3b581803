#include "render/svg/chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/units.h"

namespace llmg {

namespace {


}  // namespace

std::string memory_chart_svg(const std::vector<const ModelView*>& views, NumberFormat kv, std::int64_t batch,
                             const EngineSettings* engine) {
  constexpr double kWidth = 720, kHeight = 420, kLeft = 80, kRight = 20, kTop = 40, kBottom = 60;
  static const char* kColours[] = {"#2563eb", "#dc2626", "#059669", "#9333ea"};
  std::int64_t max_context = 1024;
  for (const ModelView* v : views) max_context = std::max(max_context, v->facts.context_length);
  // Samples: powers of two from 1k to the largest context.
  std::vector<std::int64_t> contexts;
  for (std::int64_t c = 1024; c < max_context; c *= 2) contexts.push_back(c);
  contexts.push_back(max_context);
  struct Series {
    std::vector<double> effective, naive, allocated;  // allocated: the engine figure (with an engine)
  };
  std::vector<Series> series;
  double y_min = 1e300, y_max = 0;
  for (const ModelView* v : views) {
    Series s;
    for (std::int64_t c : contexts) {
      MemoryQuery query;
      query.context = std::min(c, std::max<std::int64_t>(v->facts.context_length, 1024));
      query.batch = batch;
      query.kv = kv;
      auto report = memory_report(*v->model, query, v->facts.params);
      const double effective = report ? static_cast<double>(report->kv_bytes + report->state_bytes) : 0;
      const double naive = report ? static_cast<double>(report->naive_kv_bytes + report->state_bytes) : 0;
      s.effective.push_back(std::max(effective, 1.0));
      s.naive.push_back(std::max(naive, 1.0));
      if (engine && report) {
        auto allocated = engine_memory(*v->model, *report, *engine);
        const double bytes = allocated ? static_cast<double>(allocated->kv_bytes + allocated->state_bytes) : 0;
        s.allocated.push_back(std::max(bytes, 1.0));
        y_max = std::max(y_max, bytes);
      }
      y_min = std::min(y_min, std::max(effective, 1.0));
      y_max = std::max({y_max, effective, naive});
    }
    series.push_back(std::move(s));
  }
  const double log_y_min = std::floor(std::log2(std::max(y_min, 1.0)));
  const double log_y_max = std::ceil(std::log2(std::max(y_max, 2.0)));
  const double log_x_min = 10, log_x_max = std::max(std::log2(static_cast<double>(max_context)), 11.0);
  auto x_of = [&](double context) {
    return kLeft + (std::log2(context) - log_x_min) / (log_x_max - log_x_min) * (kWidth - kLeft - kRight);
  };
  auto y_of = [&](double bytes) {
    return kHeight - kBottom -
           (std::log2(bytes) - log_y_min) / std::max(log_y_max - log_y_min, 1.0) * (kHeight - kTop - kBottom);
  };
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
      "font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">\n"
      "<rect width=\"100%\" height=\"100%\" class=\"chart-bg\" fill=\"#fff\"/>\n"
      "<text x=\"{}\" y=\"22\" font-size=\"14\" font-weight=\"bold\" class=\"chart-fg\" fill=\"#111\">"
      "KV cache + recurrent state vs context ({}, batch {})</text>\n",
      kWidth, kHeight, kWidth, kHeight, kLeft, kv.name, batch);
  // Axes and grid: every power of two on x from 1k, every 4× on y.
  for (double e = log_x_min; e <= log_x_max + 1e-9; e += 1) {
    const double x = x_of(std::pow(2.0, e));
    svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#ddd\"/>\n", x, kTop, x,
                       kHeight - kBottom);
    if (static_cast<int>(e) % 2 == 0 || log_x_max - log_x_min < 8)
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" class=\"chart-fg\" fill=\"#111\">{}</text>\n",
                         x, kHeight - kBottom + 16, human_tokens(static_cast<std::int64_t>(std::pow(2.0, e))));
  }
  for (double e = log_y_min; e <= log_y_max + 1e-9; e += 2) {
    const double y = y_of(std::pow(2.0, e));
    svg += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>\n", kLeft, y,
                       kWidth - kRight, y);
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\" class=\"chart-fg\" fill=\"#111\">{}</text>\n",
                       kLeft - 6, y + 4, human_bytes(static_cast<std::int64_t>(std::pow(2.0, e))));
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"chart-fg\" fill=\"#111\">context "
                     "(tokens, log scale)</text>\n",
                     (kLeft + kWidth - kRight) / 2, kHeight - 18);
  for (std::size_t m = 0; m < views.size(); ++m) {
    const char* colour = kColours[m % 4];
    for (int dashed = 1; dashed >= 0; --dashed) {
      const auto& values = dashed ? series[m].naive : series[m].effective;
      std::string points;
      for (std::size_t i = 0; i < contexts.size(); ++i) {
        if (contexts[i] > std::max<std::int64_t>(views[m]->facts.context_length, 1024)) break;
        points += fmt::format("{:.1f},{:.1f} ", x_of(static_cast<double>(contexts[i])), y_of(values[i]));
      }
      svg += fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{} points=\"{}\"/>\n", colour,
                         dashed ? 1.5 : 2.5, dashed ? " stroke-dasharray=\"5 4\" opacity=\"0.7\"" : "", points);
    }
    if (series[m].allocated.size() == contexts.size()) {
      std::string points;
      for (std::size_t i = 0; i < contexts.size(); ++i) {
        if (contexts[i] > std::max<std::int64_t>(views[m]->facts.context_length, 1024)) break;
        points += fmt::format("{:.1f},{:.1f} ", x_of(static_cast<double>(contexts[i])), y_of(series[m].allocated[i]));
      }
      svg += fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"1 3\" "
                         "stroke-linecap=\"round\" points=\"{}\"/>\n",
                         colour, points);
    }
    svg += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">{} — solid: kept by an engine; dashed: windows not "
                       "applied{}</text>\n",
                       kLeft + 8, kTop + 16 + 16 * static_cast<double>(m), colour, xml_escape(views[m]->name),
                       engine ? fmt::format("; dotted: as {} allocates it", engine_name(engine->engine)) : "");
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace llmg
