#include "render/html/concepts.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "analysis/facts.h"
#include "base/units.h"
#include "render/svg/diagram.h"
#include "site/routes.h"

namespace llmg::html {

namespace {

constexpr std::pair<std::string_view, std::string_view> kChips[] = {
    {"mha", "MHA"},
    {"gqa", "GQA"},
    {"mqa", "MQA"},
    {"mla", "MLA"},
    {"sliding-window", "sliding window"},
    {"chunked", "chunked attention"},
    {"hybrid", "hybrid"},
    {"gated-attention", "gated attention"},
    {"attention-sinks", "attention sinks"},
    {"k-equals-v", "K = V"},
    {"kv-sharing", "KV sharing"},
    {"deepseek-sparse-attention", "DSA"},
    {"minimax-sparse-attention", "MiniMax sparse"},
    {"qwen-sparse-attention", "Qwen sparse"},
    {"compressed-attention", "CSA / HCA"},
    {"gated-deltanet", "Gated DeltaNet"},
    {"kimi-delta-attention", "KDA"},
    {"lightning-attention", "Lightning"},
    {"mamba2", "Mamba-2"},
    {"mlstm", "mLSTM"},
    {"short-convolution", "short conv"},
    {"moe", "MoE"},
    {"shared-experts", "shared experts"},
    {"latent-moe", "latent MoE"},
    {"mtp", "MTP"},
    {"nope", "NoPE"},
    {"partial-rope", "partial RoPE"},
    {"qk-norm", "QK-norm"},
    {"post-norm", "post-norm"},
    {"sandwich-norm", "sandwich norm"},
    {"parallel-block", "parallel block"},
    {"per-layer-embeddings", "per-layer embeddings"},
    {"looped-depth", "looped depth"},
    {"multi-stream-residuals", "hyper-connections"},
};

std::string concept_link(const Concept& c) { return site::link_to(site::route("concept"), {std::string(c.name)}); }
std::string model_href(const ModelView& v) { return site::link_to(site::route("model"), {url_encode(v.slug)}); }

// Days since 1970-01-01 of "YYYY-MM-DD" (also "YYYY-MM", "YYYY"); nullopt when unreadable.
std::optional<double> day_of(const std::string& date) {
  int y = 0, m = 1, d = 1;
  if (date.size() < 4 || std::sscanf(date.c_str(), "%d-%d-%d", &y, &m, &d) < 1) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return double(era) * 146097 + double(doe) - 719468;
}

std::string date_of(const ModelView& v) { return v.entry ? v.entry->release_date : ""; }

std::string model_list(const std::vector<const ModelView*>& views) {
  std::string out;
  for (const ModelView* v : views)
    out += fmt::format("<li><a href=\"{}\">{}</a> <span class=\"muted\">{}</span></li>", model_href(*v), escape(v->name),
                       escape(date_of(*v)));
  return out;
}

std::string inline_model_links(const std::vector<const ModelView*>& views) {
  std::string out;
  for (const ModelView* v : views)
    out += fmt::format("{}<a href=\"{}\">{}</a>", out.empty() ? "" : ", ", model_href(*v), escape(v->name));
  return out;
}

std::string shape_text(const std::vector<std::int64_t>& shape) {
  std::string out;
  for (std::int64_t d : shape) out += (out.empty() ? "" : " × ") + with_commas(d);
  return out;
}

std::string stats_nav(std::string_view current) {
  std::string out = "<nav class=\"crumbs\" aria-label=\"Catalog statistics\"><a href=\"/concepts\">Concepts</a>";
  for (const StatsPage& s : stats_pages())
    out += s.name == current ? fmt::format(" · <strong>{}</strong>", escape(s.title))
                             : fmt::format(" · <a href=\"{}\">{}</a>", site::link_to(site::route("stats"), {std::string(s.name)}),
                                           escape(s.title));
  return out + "</nav>";
}

// A scatter of the known catalog models over release dates, log y; one series per value function.
struct Series {
  std::string label;
  std::string colour;
  std::int64_t (*value)(const ModelView&);
};
std::string date_scatter_svg(const Gallery& gallery, const std::vector<Series>& series, bool bytes, std::string_view title) {
  struct Point {
    const ModelView* v;
    double day, value;
    std::size_t s;
  };
  std::vector<Point> points;
  for (const GalleryItem& item : gallery.items) {
    if (!item.view.model) continue;
    const auto day = day_of(date_of(item.view));
    if (!day) continue;
    for (std::size_t s = 0; s < series.size(); ++s)
      if (const std::int64_t value = series[s].value(item.view); value > 0) points.push_back({&item.view, *day, double(value), s});
  }
  if (points.empty()) return "";
  constexpr double kW = 760, kH = 340, kL = 70, kR = 20, kT = 20, kB = 40;
  double d0 = points[0].day, d1 = d0, v0 = points[0].value, v1 = v0;
  for (const Point& p : points) {
    d0 = std::min(d0, p.day), d1 = std::max(d1, p.day);
    v0 = std::min(v0, p.value), v1 = std::max(v1, p.value);
  }
  d0 -= 45, d1 += 45;
  const double base = bytes ? 4.0 : 10.0;
  const double t0 = std::floor(std::log(v0) / std::log(base)), t1 = std::ceil(std::log(v1) / std::log(base));
  auto x_of = [&](double day) { return kL + (day - d0) / (d1 - d0) * (kW - kL - kR); };
  auto y_of = [&](double v) {
    return kH - kB - (std::log(v) / std::log(base) - t0) / std::max(0.5, t1 - t0) * (kH - kT - kB);
  };
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stats-chart\" viewBox=\"0 0 {} {}\" role=\"group\"><title>{}</title>",
      kW, kH, escape(title));
  for (double t = t0; t <= t1 + 1e-9; t += 1) {
    const double y = y_of(std::pow(base, t));
    const auto v = static_cast<std::int64_t>(std::pow(base, t));
    svg += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/><text class=\"chart-fg\" x=\"{}\" "
                       "y=\"{:.1f}\" text-anchor=\"end\" font-size=\"12\">{}</text>",
                       kL, kW - kR, y, y, kL - 6, y + 4, bytes ? human_bytes(v) : human_count(v));
  }
  for (int year = 2015; year < 2100; ++year) {
    const auto day = day_of(fmt::format("{}-01-01", year));
    if (!day || *day < d0 || *day > d1) continue;
    svg += fmt::format("<line class=\"grid\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\"/><text class=\"chart-fg\" "
                       "x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\" font-size=\"12\">{4}</text>",
                       x_of(*day), kT, kH - kB, kH - kB + 18, year);
  }
  for (const Point& p : points)
    svg += fmt::format("<a href=\"{}\"><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" fill=\"{}\" fill-opacity=\"0.75\" "
                       "stroke=\"{}\"><title>{} ({}): {} {}</title></circle></a>",
                       model_href(*p.v), x_of(p.day), y_of(p.value), series[p.s].colour, series[p.s].colour,
                       escape(p.v->name), escape(date_of(*p.v)), escape(series[p.s].label),
                       bytes ? human_bytes(std::int64_t(p.value)) : human_count(std::int64_t(p.value)));
  svg += "</svg>";
  std::string legend;
  for (const Series& s : series)
    legend += fmt::format("<span class=\"key\"><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><circle cx=\"5\" cy=\"5\" "
                          "r=\"4.5\" fill=\"{}\"/></svg> {}</span> ",
                          s.colour, escape(s.label));
  return fmt::format("<figure class=\"chart\"><div class=\"scroll\">{}</div><figcaption>{}</figcaption></figure>", svg, legend);
}

std::string worked_section(const Concept& c, const WorkedExample& ex) {
  const ModelView& v = *ex.view;
  // The copies column only when a tensor has copies (routed experts).
  const bool copies = std::any_of(ex.tensors.begin(), ex.tensors.end(), [](const WorkedTensor& t) { return t.copies != 1; });
  std::string rows;
  for (const WorkedTensor& t : ex.tensors)
    rows += fmt::format("<tr><td><code>{}</code></td><td class=\"num\">{}</td>{}<td class=\"num\">{}</td></tr>",
                        escape(t.name), shape_text(t.shape),
                        !copies ? std::string()
                                : fmt::format("<td class=\"num\">{}</td>", t.copies == 1 ? "" : "× " + with_commas(t.copies)),
                        with_commas(t.elements));
  std::string where;
  if (ex.layer_index >= 0)
    where = c.layer_uses ? fmt::format("layer {} (one of the {} layers of {} that use it)", ex.layer_index,
                                       ex.layers_using, escape(v.name))
                         : fmt::format("layer {} of {}", ex.layer_index, escape(v.name));
  const char* what = c.focus == ConceptFocus::FeedForward ? "Feed-forward tensors"
                     : c.focus == ConceptFocus::Mtp      ? "Multi-token-prediction tensors"
                     : c.focus == ConceptFocus::Norm     ? "Norm tensors"
                     : c.focus == ConceptFocus::ModelExtra ? (c.layer_uses ? "The layer's own extra tensors" : "Model-level extra tensors")
                                                          : "Token-mixer tensors";
  std::string out = fmt::format("<section aria-labelledby=\"worked-h\"><h2 id=\"worked-h\">Worked example: <a href=\"{}\">{}</a></h2>",
                                model_href(v), escape(v.name));
  if (!where.empty()) out += fmt::format("<p>The engine's numbers for {}.</p>", where);
  if (!ex.kv_arithmetic.empty())
    out += fmt::format("<p class=\"formula\"><strong>KV per token, this layer:</strong> <span data-fact=\"kv_values\">{}</span></p>",
                       escape(ex.kv_arithmetic));
  else if (ex.layer_index >= 0)
    out += "<p class=\"formula\"><strong>KV per token, this layer:</strong> none (no per-token cache).</p>";
  if (ex.window > 0 && ex.kv_values_per_layer > 0)
    out += fmt::format("<p class=\"formula\"><strong>Kept at long context, this layer:</strong> at most <span "
                       "data-fact=\"window_bytes\">{} tokens × {} bytes = {}</span> per sequence, whatever the context.</p>",
                       with_commas(ex.window), with_commas(ex.kv_values_per_layer * kBf16Bytes),
                       human_bytes(ex.window * ex.kv_values_per_layer * kBf16Bytes));
  out += fmt::format("<p class=\"formula\"><strong>Whole model:</strong> {} · KV per token <span data-fact=\"model_kv\">{}</span> "
                     "({} bytes, every caching layer in full) · total <span data-fact=\"model_total\">{}</span> · active {}</p>",
                     escape(v.facts.attention_summary), human_bytes(ex.model_kv_bytes), with_commas(ex.model_kv_bytes),
                     human_count(ex.model_total),
                     human_count(ex.model_active));
  if (!ex.tensors.empty())
    out += fmt::format("<div class=\"table-wrap\"><table class=\"worked numeric\"><caption>{}: <span data-fact=\"params\">{}</span> "
                       "parameters{}</caption><thead><tr><th scope=\"col\">tensor</th><th scope=\"col\">shape</th>{}<th "
                       "scope=\"col\">parameters</th></tr></thead><tbody>{}</tbody></table></div>",
                       what, with_commas(ex.params),
                       ex.active_params != ex.params
                           ? fmt::format(", <span data-fact=\"active_params\">{}</span> of them run for one token",
                                         with_commas(ex.active_params))
                           : std::string(),
                       copies ? "<th scope=\"col\">copies</th>" : "", rows);
  // The diagram inset: the example model's block and layer strip (the diagram renderer's card view).
  out += fmt::format("<figure class=\"diagram inset\"><div class=\"inset-svg\">{}</div><figcaption>The block of {} as the "
                     "gallery draws it; <a href=\"{}#diagram\">full diagram</a>.</figcaption></figure></section>",
                     diagram_svg(v, {.thumbnail = true}), escape(v.name), model_href(v));
  return out;
}

}  // namespace

std::string_view concept_chip_label(const Concept& c) {
  for (const auto& [name, label] : kChips)
    if (name == c.name) return label;
  return c.title;
}

std::string concept_chips(const ModelView& view) {
  const auto related = related_concepts(view);
  if (related.empty()) return "";
  std::string out = "<ul class=\"chips\" aria-label=\"Related concepts\">";
  for (const Concept* c : related)
    out += fmt::format("<li><a href=\"{}\" title=\"{}\">{}</a></li>", concept_link(*c), escape(c->title),
                       escape(concept_chip_label(*c)));
  return out + "</ul>";
}

std::vector<const ModelView*> concept_users(const Gallery& gallery, const Concept& c) {
  std::vector<const ModelView*> out;
  for (const GalleryItem& item : gallery.items)
    if (item.view.model && uses_concept(*item.view.model, c)) out.push_back(&item.view);
  return out;
}

std::string adoption_svg(const Gallery& gallery, const Concept& c) {
  struct Dated {
    double day;
    bool uses;
    const ModelView* v;
  };
  std::vector<Dated> models;
  for (const GalleryItem& item : gallery.items)
    if (item.view.model)
      if (const auto day = day_of(date_of(item.view))) models.push_back({*day, uses_concept(*item.view.model, c), &item.view});
  if (models.empty()) return "";
  std::stable_sort(models.begin(), models.end(), [](const Dated& a, const Dated& b) { return a.day < b.day; });
  constexpr double kW = 640, kH = 220, kL = 44, kR = 16, kT = 14, kB = 30;
  const double d0 = models.front().day - 30, d1 = models.back().day + 30;
  const double n = double(models.size());
  auto x_of = [&](double day) { return kL + (day - d0) / (d1 - d0) * (kW - kL - kR); };
  auto y_of = [&](double count) { return kH - kB - count / n * (kH - kT - kB); };
  std::string all = fmt::format("M{:.1f},{:.1f}", x_of(d0), y_of(0)), used = all, dots;
  int count_all = 0, count_used = 0;
  for (const Dated& m : models) {
    const double x = x_of(m.day);
    all += fmt::format(" H{:.1f} V{:.1f}", x, y_of(++count_all));
    if (!m.uses) continue;
    used += fmt::format(" H{:.1f} V{:.1f}", x, y_of(++count_used));
    dots += fmt::format("<a href=\"{}\"><circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" class=\"used\"><title>{} ({})</title></circle></a>",
                        model_href(*m.v), x, y_of(count_used), escape(m.v->name), escape(date_of(*m.v)));
  }
  all += fmt::format(" H{:.1f}", x_of(d1));
  used += fmt::format(" H{:.1f}", x_of(d1));
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"adoption\" viewBox=\"0 0 {} {}\" role=\"group\"><title>Adoption of {}: "
      "{} of {} catalog models with a known architecture, cumulative by release date</title>",
      kW, kH, escape(c.title), count_used, count_all);
  for (int step : {0, 1, 2, 3, 4}) {
    const double count = n * step / 4;
    svg += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/><text class=\"chart-fg\" x=\"{}\" "
                       "y=\"{:.1f}\" text-anchor=\"end\" font-size=\"11\">{:.0f}</text>",
                       kL, kW - kR, y_of(count), y_of(count), kL - 5, y_of(count) + 4, count);
  }
  for (int year = 2015; year < 2100; ++year) {
    const auto day = day_of(fmt::format("{}-01-01", year));
    if (!day || *day < d0 || *day > d1) continue;
    svg += fmt::format("<line class=\"grid\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\"/><text class=\"chart-fg\" "
                       "x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\" font-size=\"11\">{4}</text>",
                       x_of(*day), kT, kH - kB, kH - kB + 16, year);
  }
  svg += fmt::format("<path class=\"all\" d=\"{}\" fill=\"none\"/><path class=\"used\" d=\"{}\" fill=\"none\"/>{}</svg>", all,
                     used, dots);
  return svg;
}

std::string concepts_index_page(const Gallery& gallery) {
  std::size_t known = 0;
  for (const GalleryItem& item : gallery.items) known += item.view.model != nullptr;
  std::string body = fmt::format(
      "<h1>Concepts</h1><p class=\"lede\">Every mechanism the engine models, each with the catalog models that use it — found "
      "by a detector over each model's normalized architecture ({} models with a known architecture), not listed by hand.</p>"
      "<p>Catalog statistics: ",
      known);
  bool first = true;
  for (const StatsPage& s : stats_pages()) {
    body += fmt::format("{}<a href=\"{}\">{}</a>", first ? "" : " · ", site::link_to(site::route("stats"), {std::string(s.name)}),
                        escape(s.title));
    first = false;
  }
  body += "</p>";
  std::string_view group;
  for (const Concept& c : concepts()) {
    if (c.group != group) {
      body += fmt::format("{}<h2>{}</h2><ul class=\"concept-list\">", group.empty() ? "" : "</ul>", escape(c.group));
      group = c.group;
    }
    const auto users = concept_users(gallery, c);
    body += fmt::format("<li><a href=\"{}\">{}</a> <span class=\"muted\">{}</span></li>", concept_link(c), escape(c.title),
                        !c.not_modelled.empty() ? std::string("not modelled yet")
                        : users.empty()         ? std::string("no catalog model yet")
                                                : fmt::format("{} model{}", users.size(), users.size() == 1 ? "" : "s"));
  }
  body += "</ul>";
  return page({"Concepts — llmgallery", "The architecture mechanisms the gallery models, with the models that use them.",
               Nav::Concepts},
              body);
}

std::string concept_page(const Gallery& gallery, const Concept& c) {
  const auto users = concept_users(gallery, c);
  std::size_t known = 0;
  for (const GalleryItem& item : gallery.items) known += item.view.model != nullptr;
  std::string body = fmt::format(
      "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"/concepts\">Concepts</a> › {}</nav><h1>{}</h1>"
      "<p class=\"description\">{}</p><dl class=\"formulas\"><dt>KV cache</dt><dd>{}</dd><dt>Parameters</dt><dd>{}</dd></dl>",
      escape(c.group), escape(c.title), escape(c.what), escape(c.kv_formula), escape(c.param_formula));
  if (!c.not_modelled.empty())
    body += fmt::format("<p class=\"why\">Not modelled yet: {}.</p>", escape(c.not_modelled));
  if (const auto ex = worked_example(c, users)) body += worked_section(c, *ex);
  body += fmt::format("<section aria-labelledby=\"users-h\"><h2 id=\"users-h\">Catalog models that use it <span "
                      "class=\"muted\">({} of {})</span></h2>",
                      users.size(), known);
  if (users.empty())
    body += "<p class=\"empty\">No catalog model uses it yet.</p>";
  else
    body += fmt::format("<ul class=\"models\">{}</ul><figure class=\"chart\"><div class=\"scroll\">{}</div><figcaption>Adoption: "
                        "catalog models using it (solid) and all catalog models with a known architecture (faint), "
                        "cumulative by release date.</figcaption></figure>",
                        model_list(users), adoption_svg(gallery, c));
  body += "</section>";
  return page({std::string(c.title) + " — llmgallery concepts", std::string(c.what), Nav::Concepts}, body);
}

std::span<const StatsPage> stats_pages() {
  static constexpr StatsPage kPages[] = {{"attention", "Attention mechanisms"},
                                         {"active-ratio", "Active-parameter ratios"},
                                         {"trends", "KV and parameters over time"}};
  return kPages;
}

namespace {

// The attention mechanism a model is counted under on the distribution page.
std::string mechanism_of(const Model& m) {
  const Concept* first_recurrent = nullptr;
  for (const char* name : {"gated-deltanet", "kimi-delta-attention", "lightning-attention", "mamba2", "mlstm"})
    if (const Concept* c = find_concept(name); c && uses_concept(m, *c)) {
      first_recurrent = c;
      break;
    }
  std::string softmax;
  for (const char* name : {"compressed-attention", "deepseek-sparse-attention", "mla", "mha", "gqa", "mqa"})
    if (const Concept* c = find_concept(name); c && uses_concept(m, *c)) {
      softmax = name == std::string_view("deepseek-sparse-attention") ? "MLA + DSA" : std::string(concept_chip_label(*c));
      break;
    }
  if (first_recurrent)
    return softmax.empty() ? std::string(concept_chip_label(*first_recurrent)) + " only"
                           : std::string(concept_chip_label(*first_recurrent)) + " + " + softmax;
  return softmax.empty() ? "none" : softmax;
}

std::string attention_stats(const Gallery& gallery) {
  std::map<std::string, std::vector<const ModelView*>> groups;
  std::size_t known = 0;
  for (const GalleryItem& item : gallery.items)
    if (item.view.model) {
      ++known;
      groups[mechanism_of(*item.view.model)].push_back(&item.view);
    }
  std::vector<std::pair<std::string, std::vector<const ModelView*>>> rows(groups.begin(), groups.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
  std::string table;
  for (const auto& [name, views] : rows)
    table += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{:.1f}%</td><td>{}</td></tr>",
                         escape(name), views.size(), 100.0 * double(views.size()) / double(known), inline_model_links(views));
  std::string per_concept;
  for (const Concept& c : concepts()) {
    if (c.group != "Attention" && c.group != "Sparse and compressed attention" &&
        c.group != "Linear attention and state-space mixers")
      continue;
    const auto users = concept_users(gallery, c);
    per_concept += fmt::format("<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td class=\"num\">{}</td><td "
                               "class=\"num\">{:.1f}%</td><td>{}</td></tr>",
                               concept_link(c), escape(c.title), users.size(), 100.0 * double(users.size()) / double(known),
                               inline_model_links(users));
  }
  const std::string head =
      "<thead><tr><th scope=\"col\">mechanism</th><th scope=\"col\">models</th><th scope=\"col\">share</th><th "
      "scope=\"col\">which</th></tr></thead>";
  return fmt::format(
      "{}<h1>Attention mechanisms in the catalog</h1><p class=\"lede\">{} catalog models with a known architecture, each "
      "counted once under its token mixers: the recurrent mixer first for hybrids, then the softmax attention of its layers "
      "(CSA / HCA, MLA with DeepSeek Sparse Attention, MLA, MHA, GQA, MQA, in that order).</p><div class=\"table-wrap\"><table "
      "class=\"stats\">{}<tbody>{}</tbody></table></div><h2>Every attention concept</h2><p class=\"muted\">A model counts under "
      "each concept it uses, so the rows overlap.</p><div class=\"table-wrap\"><table class=\"stats\">{}<tbody>{}</tbody></table></div>",
      stats_nav("attention"), known, head, table, head, per_concept);
}

std::string active_ratio_stats(const Gallery& gallery) {
  std::vector<const ModelView*> sparse;
  for (const GalleryItem& item : gallery.items)
    if (item.view.model && item.view.facts.moe_layers > 0 && item.view.facts.params.total > 0) sparse.push_back(&item.view);
  auto ratio = [](const ModelView* v) { return double(v->facts.params.active) / double(v->facts.params.total); };
  std::stable_sort(sparse.begin(), sparse.end(), [&](const ModelView* a, const ModelView* b) { return ratio(a) < ratio(b); });
  std::string rows;
  for (const ModelView* v : sparse) {
    const FeedForwardSpec* moe = nullptr;
    for (const Layer& l : v->model->layers)
      if (l.is_moe()) {
        moe = &l.ffn;
        break;
      }
    rows += fmt::format("<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
                        "class=\"num\">{:.2f}%</td><td class=\"bar\"><span style=\"width:{:.1f}%\"></span></td><td class=\"num\">{} "
                        "of {}{}</td></tr>",
                        model_href(*v), escape(v->name), human_count(v->facts.params.total), human_count(v->facts.params.active),
                        100 * ratio(v), std::min(100.0, 100 * ratio(v) * 2.5), moe ? moe->experts_per_token : 0,
                        moe ? moe->num_experts : 0,
                        moe && moe->num_shared_experts ? fmt::format(" + {} shared", moe->num_shared_experts) : "");
  }
  return fmt::format(
      "{}<h1>Active-parameter ratios</h1><p class=\"lede\">Every catalog model with mixture-of-experts layers ({}), sparsest "
      "first: active parameters per token ÷ total. Active as the gallery counts it (input embedding a lookup, LM head in "
      "full: the gpt-oss card's convention); total without MTP layers. The bar is scaled so that 40% fills it.</p><div "
      "class=\"table-wrap\"><table class=\"stats\"><thead><tr><th scope=\"col\">model</th><th scope=\"col\">total</th><th "
      "scope=\"col\">active</th><th scope=\"col\">active / total</th><th scope=\"col\"><span class=\"sr\">bar</span></th><th "
      "scope=\"col\">experts per token</th></tr></thead><tbody>{}</tbody></table></div>",
      stats_nav("active-ratio"), sparse.size(), rows);
}

std::string trends_stats(const Gallery& gallery) {
  const std::string kv = date_scatter_svg(
      gallery, {{"KV cache per token (bf16, every caching layer in full)", "#4e79a7",
                 [](const ModelView& v) { return v.facts.kv_cache.bytes_per_token_bf16; }}},
      true, "KV cache bytes per token by release date, log scale");
  const std::string params = date_scatter_svg(
      gallery,
      {{"total parameters", "#b07aa1", [](const ModelView& v) { return v.facts.params.total; }},
       {"active parameters", "#f28e2b", [](const ModelView& v) { return v.facts.params.active; }}},
      false, "Total and active parameters by release date, log scale");
  return fmt::format(
      "{}<h1>KV per token and parameters over time</h1><p class=\"lede\">Every catalog model with a known architecture at its "
      "release date. Recurrent-only models (no KV cache) are left out of the first chart.</p><h2>KV cache per token</h2>{}"
      "<h2>Parameters</h2>{}",
      stats_nav("trends"), kv, params);
}

}  // namespace

std::optional<std::string> stats_page(const Gallery& gallery, std::string_view name) {
  for (const StatsPage& s : stats_pages()) {
    if (s.name != name) continue;
    const std::string body = name == "attention"      ? attention_stats(gallery)
                             : name == "active-ratio" ? active_ratio_stats(gallery)
                                                      : trends_stats(gallery);
    return page({std::string(s.title) + " — llmgallery", std::string(s.title) + " over the catalog, computed.", Nav::Concepts}, body);
  }
  return std::nullopt;
}

}  // namespace llmg::html
