#include "render/html/memory_calc.h"

#include <optional>

#include <fmt/format.h>

#include "analysis/engine_memory.h"
#include "base/units.h"
#include "render/svg/chart.h"

namespace llmg::html {

namespace {
const char* const kFormats[] = {"bf16", "fp16", "fp8", "int8", "int4"};
}  // namespace

std::string memory_section(const std::vector<const ModelView*>& views, const MemorySettings& s, const std::string& action) {
  auto options = [](const NumberFormat& chosen) {
    std::string out;
    for (const char* name : kFormats)
      out += fmt::format("<option{}>{}</option>", chosen.name == name ? " selected" : "", name);
    return out;
  };
  std::string form = fmt::format(
      "<form class=\"calc\" method=\"get\" action=\"{}#memory\" data-autosubmit>"
      "<div class=\"field\"><label for=\"m-context\">Context (tokens)</label><input id=\"m-context\" name=\"context\" "
      "value=\"{}\" placeholder=\"model's own\" size=\"8\"></div>"
      "<div class=\"field\"><label for=\"m-batch\">Batch</label><input id=\"m-batch\" name=\"batch\" type=\"number\" "
      "min=\"1\" max=\"{}\" value=\"{}\"></div>"
      "<div class=\"field\"><label for=\"m-kv\">KV dtype</label><select id=\"m-kv\" name=\"kv\">{}</select></div>"
      "<div class=\"field\"><label for=\"m-weights\">Weights dtype</label><select id=\"m-weights\" name=\"weights\">{}"
      "</select></div><div class=\"field\"><label for=\"m-engine\">Engine</label><select id=\"m-engine\" "
      "name=\"engine\"><option value=\"\"{}>logical only</option><option{}>llama.cpp</option><option{}>vllm</option>"
      "</select></div><div class=\"actions\"><button type=\"submit\">Compute</button></div></form>",
      escape(action), escape(s.context_text), site::kMaxBatch, s.batch, options(s.kv), options(s.weights),
      s.engine.empty() ? " selected" : "", s.engine == "llama.cpp" ? " selected" : "",
      s.engine == "vllm" ? " selected" : "");
  std::optional<EngineSettings> engine;
  if (!s.engine.empty()) {
    engine.emplace();
    engine->engine = s.engine == "vllm" ? Engine::Vllm : Engine::LlamaCpp;
    if (s.kv_given) engine->kv = s.kv;
  }
  std::string tables;
  std::vector<const ModelView*> charted;
  for (const ModelView* view : views) {
    if (!view->model) {
      tables += fmt::format("<p>{}: architecture unknown, no memory figures.</p>", escape(view->name));
      continue;
    }
    MemoryQuery query;
    if (s.context) query.context = s.context;
    else set_default_context(query, view->facts.context_length);
    query.batch = s.batch;
    query.kv = s.kv;
    query.weights = s.weights;
    auto report = memory_report(*view->model, query, view->facts.params);
    if (!report) {
      tables += fmt::format("<p>{}: {}</p>", escape(view->name), escape(report.error().message));
      continue;
    }
    charted.push_back(view);
    std::string kinds;
    for (const LayerMemory& g : report->by_kind)
      kinds += fmt::format("<tr><th scope=\"row\">{} × {}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                           "<td class=\"num\">{}</td></tr>",
                           g.layers, escape(short_mixer_label(g.kind)),
                           g.tokens_kept ? human_tokens(g.tokens_kept) : "—", human_bytes(g.kv_bytes),
                           human_bytes(g.state_bytes));  // memory_report's groups hold the whole batch already
    std::string engine_rows;
    std::int64_t fits_total = report->total_bytes;
    bool fits_engine = false;
    if (engine) {
      auto allocated = engine_memory(*view->model, *report, *engine);
      if (allocated) {
        engine_rows = fmt::format("<dt>KV as {} allocates it ({})</dt><dd>{}</dd><dt>State ({})</dt><dd>{}</dd>"
                                  "<dt>Total ({})</dt><dd><strong>{}</strong></dd>",
                                  s.engine, allocated->kv_type, human_bytes(allocated->kv_bytes), s.engine,
                                  human_bytes(allocated->state_bytes), s.engine, human_bytes(allocated->total_bytes));
        fits_total = allocated->total_bytes;
        fits_engine = true;
      } else {
        engine_rows = fmt::format("<dt>{}</dt><dd>{}</dd>", s.engine, escape(allocated.error().message));
      }
    }
    std::string fits;
    for (const AcceleratorFit& fit : accelerator_fits(fits_total))
      fits += fmt::format("<li>{} ({}): {}</li>", escape(fit.name), human_bytes(fit.memory_bytes),
                          fit.count ? fmt::format("{} ×", *fit.count) : std::string("more than 8"));
    tables += fmt::format(
        "<div class=\"memory\"><h3>{} at {} tokens{} × {}</h3>"
        "<dl class=\"totals\"><dt>Weights ({})</dt><dd>{}</dd><dt>KV cache ({}, as kept)</dt><dd>{}</dd>"
        "<dt>KV without windows</dt><dd>{}</dd><dt>Recurrent state</dt><dd>{}</dd><dt>Total</dt><dd><strong>{}</strong></dd>"
        "{}<dt>Decode FLOPs / token</dt><dd>{:.3g} GFLOP</dd></dl>"
        "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Layers</th><th scope=\"col\">Tokens kept</th>"
        "<th scope=\"col\">KV</th><th scope=\"col\">State</th></tr></thead><tbody>{}</tbody></table></div>"
        "<details><summary>Fits on ({} figure)</summary><ul>{}</ul></details></div>",
        escape(view->name), with_commas(query.context),
        query.context_assumed ? " (assumed: the config declares no context)" : "", query.batch == 1 ? "1 sequence" : fmt::format("{} sequences", query.batch),
        query.weights.name, human_bytes(report->weight_bytes), query.kv.name, human_bytes(report->kv_bytes),
        human_bytes(report->naive_kv_bytes), human_bytes(report->state_bytes), human_bytes(report->total_bytes),
        engine_rows, report->decode_flops_per_token / 1e9, kinds, fits_engine ? s.engine : std::string("logical"),
        fits);
  }
  std::string chart;
  if (!charted.empty())
    chart = fmt::format("<figure class=\"chart\">{}<figcaption>KV cache and recurrent state against context "
                        "({} KV, batch {}), log scales.</figcaption></figure>",
                        memory_chart_svg(charted, s.kv, s.batch, engine ? &*engine : nullptr), s.kv.name, s.batch);
  return fmt::format("<section id=\"memory\" aria-labelledby=\"memory-h\"><h2 id=\"memory-h\">Memory calculator</h2>{}"
                     "<div class=\"memories\">{}</div>{}</section>",
                     form, tables, chart);
}

}  // namespace llmg::html
