#include "render/text/text.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/units.h"
#include "render/text/json.h"

namespace llmg {

namespace {

// Display width of UTF-8 text (counts code points; our text has no wide characters).
std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++width;
  return width;
}

std::string pad(const std::string& text, std::size_t width) {
  const std::size_t w = display_width(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
  const std::size_t w = display_width(text);
  return w >= width ? text : std::string(width - w, ' ') + text;
}

// Cut to `width` display columns, with an ellipsis when cut.
std::string clip(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::string out;
  std::size_t w = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (w + 1 >= width) break;
      ++w;
    }
    out.push_back(text[i]);
  }
  return out + "…";
}

}  // namespace

std::string sheet_text(const ModelView& view) {
  std::string out = fmt::format("{}  ·  {}\n", view.name, view.slug);
  if (view.entry && !view.entry->description.empty()) out += view.entry->description + "\n";
  out += "\n";
  const auto rows = fact_rows(view);
  std::size_t label_width = 0;
  for (const FactRow& row : rows) label_width = std::max(label_width, display_width(row.label));
  for (const FactRow& row : rows) {
    out += pad(row.label, label_width + 2) + row.text;
    if (!row.source.empty()) out += "   [" + row.source + "]";
    out += "\n";
  }
  if (view.entry && view.entry->config_status != ConfigStatus::Verbatim && !view.entry->config_note.empty())
    out += "\nConfig provenance: " + view.entry->config_note + "\n";
  if (view.model && !view.model->notes.empty()) {
    out += "\nConventions applied:\n";
    for (const std::string& note : view.model->notes) out += "  - " + note + "\n";
  }
  return out;
}

std::string list_text(const std::vector<ModelView>& views) {
  struct Column {
    const char* title;
    bool right;
  };
  const Column columns[] = {{"slug", false},   {"name", false},      {"date", false},
                            {"total", true},   {"active", true},     {"layers", true},
                            {"attention", false}, {"KV/token", true}, {"context", true}};
  std::vector<std::vector<std::string>> cells;
  for (const ModelView& v : views) {
    const Facts& f = v.facts;
    const bool known = v.model != nullptr;
    cells.push_back({v.slug, v.name, v.entry ? v.entry->release_date : "",
                     known ? human_count(f.params.total) : "?", known ? human_count(f.params.active) : "?",
                     known ? std::to_string(f.layers) : "?",
                     known ? clip(f.attention_summary, 44) : "unknown (" + (v.entry ? v.entry->unknown_short : "") + ")",
                     known ? human_bytes(f.kv_cache.bytes_per_token_bf16) : "?",
                     known ? human_tokens(f.context_length) : "?"});
  }
  std::vector<std::size_t> widths;
  for (const Column& c : columns) widths.push_back(display_width(c.title));
  for (const auto& row : cells)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += "  ";
      out += columns[i].right ? pad_left(row[i], widths[i]) : pad(row[i], widths[i]);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::vector<std::string> header;
  for (const Column& c : columns) header.push_back(c.title);
  std::string out = line(header);
  for (const auto& row : cells) out += line(row);
  out += fmt::format("\n{} models. active = per token, input embedding as a lookup (gpt-oss card convention); "
                     "KV/token at bf16, every KV layer counted in full.\n",
                     views.size());
  return out;
}

std::string diff_text(const ModelView& a, const ModelView& b) {
  const auto diff = diff_json(a, b);
  std::size_t label_width = 0, a_width = display_width(a.name);
  for (const auto& row : diff["rows"]) {
    label_width = std::max(label_width, display_width(row["label"].get<std::string>()));
    if (row["a"].is_string()) a_width = std::max(a_width, std::min<std::size_t>(48, display_width(row["a"].get<std::string>())));
  }
  std::string out = "  " + pad("", label_width + 2) + pad(a.name, a_width + 3) + b.name + "\n";
  for (const auto& row : diff["rows"]) {
    const std::string text_a = row["a"].is_string() ? row["a"].get<std::string>() : "—";
    const std::string text_b = row["b"].is_string() ? row["b"].get<std::string>() : "—";
    std::string delta;
    if (row.contains("ratio") && row["differs"].get<bool>()) {
      const double ratio = row["ratio"].get<double>();
      delta = ratio >= 1 ? fmt::format("  (×{:.2f})", ratio) : fmt::format("  (×{:.3g})", ratio);
    }
    out += (row["differs"].get<bool>() ? "* " : "  ") + pad(row["label"].get<std::string>(), label_width + 2) +
           pad(clip(text_a, 48), a_width + 3) + text_b + delta + "\n";
  }
  out += "\n* = differs\n\n" + diff["summary"].get<std::string>() + "\n";
  if (!diff["changes"].empty()) out += "\nWhat changed, most consequential first:\n";
  for (const auto& change : diff["changes"]) {
    const std::string effect = change["effect"].get<std::string>();
    out += fmt::format("  {}: {} → {}{}\n", change["feature"].get<std::string>(), change["a"].get<std::string>(),
                       change["b"].get<std::string>(), effect.empty() ? "" : "\n      " + effect);
  }
  return out;
}

}  // namespace llmg

namespace llmg {

std::string memory_text(const ModelView& view, const MemoryReport& report) {
  const MemoryQuery& q = report.query;
  std::string out = fmt::format("{}  ·  {}\ncontext {} tokens{}, batch {}, KV cache {}, weights {}\n\n", view.name,
                                view.slug, with_commas(q.context),
                                q.context_assumed ? " (assumed: the config declares no context; --context sets it)" : "",
                                with_commas(q.batch), q.kv.name, q.weights.name);
  out += fmt::format("{:<30}{:>7}{:>14}{:>14}{:>14}\n", "layer kind", "layers", "tokens kept", "KV cache", "state");
  for (const LayerMemory& g : report.by_kind)
    out += fmt::format("{:<30}{:>7}{:>14}{:>14}{:>14}\n", g.kind, g.layers,
                       g.tokens_kept > 0 ? with_commas(g.tokens_kept) : "-", human_bytes(g.kv_bytes),
                       g.state_bytes > 0 ? human_bytes(g.state_bytes) : "-");
  out += "\n";
  auto line = [&](const char* label, const std::string& value) { out += fmt::format("{:<34}{}\n", label, value); };
  line("KV cache (what an engine keeps)", human_bytes(report.kv_bytes));
  line("KV cache, windows not applied", human_bytes(report.naive_kv_bytes));
  if (report.mla_expanded_kv_bytes > 0)
    line("KV cache, MLA expanded to K/V", human_bytes(report.mla_expanded_kv_bytes));
  if (report.state_bytes > 0) line("Recurrent state (fixed)", human_bytes(report.state_bytes));
  line("Weights", human_bytes(report.weight_bytes));
  line("Total", human_bytes(report.total_bytes));
  line("Decode FLOPs per token", fmt::format("{:.3g} GFLOP", report.decode_flops_per_token / 1e9));
  line("Prefill FLOPs (one sequence)", report.prefill_flops >= 1e15 ? fmt::format("{:.0f} TFLOP", report.prefill_flops / 1e12) : fmt::format("{:.3g} TFLOP", report.prefill_flops / 1e12));
  out += "\nFits on (weights + KV + state, no activation or framework overhead):\n";
  for (const AcceleratorFit& fit : accelerator_fits(report.total_bytes))
    out += fmt::format("  {:<26}{}\n", fit.name, fit.count ? fmt::format("{} ×", *fit.count) : "more than 8");
  return out;
}

}  // namespace llmg
