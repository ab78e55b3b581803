#include "render/text/json.h"

#include "analysis/changes.h"
#include "analysis/kv_band.h"
#include "analysis/params.h"

namespace llmg {

using nlohmann::json;

namespace {

json kind_counts(const std::vector<KindCount>& counts) {
  json out = json::array();
  for (const KindCount& entry : counts) out.push_back({{"kind", entry.kind}, {"count", entry.count}});
  return out;
}

json provenance_json(const CatalogEntry& e) {
  return {{"status", config_status_key(e.config_status)},
          {"hf_repo", e.hf_repo},
          {"source", e.config_source},
          {"note", e.config_note}};
}

json catalog_json(const CatalogEntry& e) {
  json out = {{"vendor", e.vendor},
              {"release_date", e.release_date},
              {"license", e.license},
              {"parent", e.parent.empty() ? json(nullptr) : json(e.parent)},
              {"description", e.description},
              {"links",
               {{"config", e.config_url},
                {"tech_report", e.tech_report_url},
                {"article", e.article_url},
                {"from_scratch", e.from_scratch_url}}},
              {"benchmark_score", e.benchmark_score ? json(*e.benchmark_score) : json(nullptr)},
              {"config", provenance_json(e)}};
  if (e.published) {
    const PublishedFigures& p = *e.published;
    out["published"] = {{"total", p.total ? json(p.total->value) : json(nullptr)},
                        {"active", p.active ? json(p.active->value) : json(nullptr)},
                        {"convention", p.convention},
                        {"includes", p.includes},
                        {"source", p.source_url},
                        {"quote", p.quote}};
  }
  return out;
}

json layer_json(const Layer& layer) {
  json out = {{"mixer", layer_mixer_key(layer)}, {"ffn", ffn_kind_key(layer.ffn.kind)}};
  if (layer.is_softmax_attention()) {
    if (layer.attention.span != AttentionSpan::Full) out["window"] = layer.attention.window;
    if (layer.attention.rope_fraction == 0.0) out["nope"] = true;
    if (layer.attention.kv_shared_from >= 0) out["kv_shared_from"] = layer.attention.kv_shared_from;
  }
  out["kv_bytes_per_token_bf16"] = kv_values_per_token(layer) * kBf16Bytes;
  return out;
}

}  // namespace

json model_json(const ModelView& view) {
  json out = {{"slug", view.slug}, {"name", view.name}};
  if (view.entry) {
    out["catalog"] = catalog_json(*view.entry);
  }
  if (!view.model) {
    out["known"] = false;
    out["unknown_reason"] = view.entry ? view.entry->unknown_reason : "";
    return out;
  }
  const Model& m = *view.model;
  const Facts& f = view.facts;
  out["known"] = true;
  out["family"] = m.family;
  out["model_type"] = m.model_type;
  out["architecture"] = m.architecture;
  out["decoder_type"] = decoder_type_key(f.decoder_type);
  out["layers"] = f.layers;
  out["loop_count"] = f.loop_count;
  out["layers_effective"] = f.layers_effective;
  out["attention_layers"] = f.attention_layers;
  out["sliding_layers"] = f.sliding_layers;
  out["recurrent_layers"] = f.recurrent_layers;
  out["moe_layers"] = f.moe_layers;
  out["mtp_layers"] = m.mtp_layers.size();
  out["hidden_size"] = f.hidden_size;
  out["vocab_size"] = f.vocab_size;
  out["context_length"] = f.context_length;
  out["attention_summary"] = f.attention_summary;
  out["layer_mix"] = kind_counts(f.layer_mix);
  out["ffn_mix"] = kind_counts(f.ffn_mix);
  out["layer_runs"] = kind_counts(layer_runs(m));
  json by_component = json::object();
  for (const auto& [component, count] : f.params.by_component) by_component[std::string(component_key(component))] = count;
  json towers_detail = json::array();
  for (const ParameterCounts::TowerCount& tower : f.params.towers_detail)
    towers_detail.push_back({{"name", tower.name},
                             {"kind", tower.kind == TowerKind::Vision  ? "vision"
                                      : tower.kind == TowerKind::Audio ? "audio"
                                                                       : "projector"},
                             {"parameters", tower.parameters < 0 ? json(nullptr) : json(tower.parameters)}});
  out["params"] = {{"total", f.params.total},
                   {"active", f.params.active},
                   {"active_with_embeddings", f.params.active_with_embeddings},
                   {"active_non_embedding", f.params.active_non_embedding},
                   {"embedding", f.params.embedding},
                   {"mtp", f.params.mtp},
                   {"towers", f.params.towers < 0 ? json(nullptr) : json(f.params.towers)},
                   {"towers_detail", towers_detail},
                   {"by_component", by_component},
                   {"conventions",
                    {{"active", "input embedding treated as a lookup and left out; LM head counted in full "
                                "(gpt-oss model card)"},
                     {"active_with_embeddings", "active plus the whole input embedding table (Mixtral, Qwen)"},
                     {"active_non_embedding", "active without the LM head: neither input embedding nor LM head "
                                              "(ZAYA1, Sarvam)"},
                     {"total", "language model only; MTP layers and vision/audio towers excluded"},
                     {"towers", "vision/audio encoders and projectors, counted apart; null when one cannot be "
                                "counted from the config"}}}};
  out["kv_cache"] = {{"bytes_per_token_bf16", f.kv_cache.bytes_per_token_bf16},
                     {"caching_layers", f.kv_cache.caching_layers},
                     {"window_limited_layers", f.kv_cache.window_limited_layers},
                     {"shared_layers", f.kv_cache.shared_layers},
                     {"convention", "every KV-caching layer counted in full, windows not applied, 2 bytes per value"}};
  out["kv_cache"]["band"] = std::string(kv_band(f.kv_cache.bytes_per_token_bf16).key);
  out["norm"] = {{"kind", norm_kind_key(m.norm_kind)}, {"placement", norm_placement_key(m.norm_placement)}};
  out["positions"] = {{"kind", position_kind_key(m.positions)}, {"rope_theta", m.rope_theta},
                      {"rope_scaling", m.rope_scaling}};
  out["tied_embeddings"] = m.tied_embeddings;
  json layers = json::array();
  for (const Layer& layer : m.layers) layers.push_back(layer_json(layer));
  out["layer_detail"] = layers;
  out["sources"] = m.key_sources;
  out["notes"] = m.notes;
  json rows = json::array();
  for (const FactRow& row : fact_rows(view))
    rows.push_back({{"key", row.key}, {"label", row.label}, {"text", row.text}, {"source", row.source}});
  out["fact_rows"] = rows;
  return out;
}

json list_item_json(const ModelView& view) {
  json out = {{"slug", view.slug}, {"name", view.name}, {"known", view.model != nullptr}};
  if (view.entry) {
    out["vendor"] = view.entry->vendor;
    out["release_date"] = view.entry->release_date;
    out["license"] = view.entry->license;
    out["config_status"] = config_status_key(view.entry->config_status);
    out["benchmark_score"] = view.entry->benchmark_score ? json(*view.entry->benchmark_score) : json(nullptr);
  }
  if (!view.model) return out;
  const Facts& f = view.facts;
  out["family"] = view.model->family;
  out["decoder_type"] = decoder_type_key(f.decoder_type);
  out["layers"] = f.layers;
  out["attention_summary"] = f.attention_summary;
  out["layer_mix"] = kind_counts(f.layer_mix);
  out["params"] = {{"total", f.params.total},
                   {"active", f.params.active},
                   {"active_with_embeddings", f.params.active_with_embeddings},
                   {"active_non_embedding", f.params.active_non_embedding}};
  out["kv_cache"] = {{"bytes_per_token_bf16", f.kv_cache.bytes_per_token_bf16},
                     {"band", std::string(kv_band(f.kv_cache.bytes_per_token_bf16).key)}};
  out["context_length"] = f.context_length;
  out["vocab_size"] = f.vocab_size;
  out["hidden_size"] = f.hidden_size;
  return out;
}

json diff_json(const ModelView& a, const ModelView& b) {
  const auto rows_a = fact_rows(a);
  const auto rows_b = fact_rows(b);
  json rows = json::array();
  auto find = [](const std::vector<FactRow>& rows, const std::string& key) -> const FactRow* {
    for (const FactRow& row : rows)
      if (row.key == key) return &row;
    return nullptr;
  };
  std::vector<std::string> keys;
  for (const FactRow& row : rows_a) keys.push_back(row.key);
  for (const FactRow& row : rows_b)
    if (!find(rows_a, row.key)) keys.push_back(row.key);
  for (const std::string& key : keys) {
    const FactRow* ra = find(rows_a, key);
    const FactRow* rb = find(rows_b, key);
    json row = {{"key", key},
                {"label", ra ? ra->label : rb->label},
                {"a", ra ? json(ra->text) : json(nullptr)},
                {"b", rb ? json(rb->text) : json(nullptr)}};
    const bool differs = !ra || !rb || ra->text != rb->text;
    row["differs"] = differs;
    if (ra && rb && ra->number && rb->number) {
      row["a_value"] = *ra->number;
      row["b_value"] = *rb->number;
      if (*ra->number != 0) row["ratio"] = *rb->number / *ra->number;
    }
    rows.push_back(row);
  }
  json changes = json::array();
  if (a.model && b.model)
    for (const ArchitectureChange& c : architecture_changes(*a.model, a.facts, *b.model, b.facts))
      changes.push_back({{"feature", c.feature}, {"a", c.a}, {"b", c.b}, {"effect", c.effect}});
  return {{"a", {{"slug", a.slug}, {"name", a.name}}},
          {"b", {{"slug", b.slug}, {"name", b.name}}},
          {"summary", changes_summary(a.name, a.model, a.facts, b.name, b.model, b.facts)},
          {"changes", changes},
          {"rows", rows}};
}

}  // namespace llmg

namespace llmg {

nlohmann::json memory_json(const ModelView& view, const MemoryReport& report) {
  using nlohmann::json;
  json groups = json::array();
  for (const LayerMemory& g : report.by_kind)
    groups.push_back({{"kind", g.kind},
                      {"layers", g.layers},
                      {"tokens_kept", g.tokens_kept},
                      {"kv_bytes", g.kv_bytes},
                      {"state_bytes", g.state_bytes}});
  json fits = json::array();
  for (const AcceleratorFit& fit : accelerator_fits(report.total_bytes))
    fits.push_back({{"accelerator", fit.name},
                    {"memory_bytes", fit.memory_bytes},
                    {"count", fit.count ? json(*fit.count) : json(nullptr)}});
  return {{"slug", view.slug},
          {"name", view.name},
          {"context", report.query.context},
          {"context_assumed", report.query.context_assumed},
          {"batch", report.query.batch},
          {"kv_dtype", report.query.kv.name},
          {"weights_dtype", report.query.weights.name},
          {"by_kind", groups},
          {"kv_bytes", report.kv_bytes},
          {"naive_kv_bytes", report.naive_kv_bytes},
          {"mla_expanded_kv_bytes", report.mla_expanded_kv_bytes},
          {"state_bytes", report.state_bytes},
          {"weight_bytes", report.weight_bytes},
          {"total_bytes", report.total_bytes},
          {"decode_flops_per_token", report.decode_flops_per_token},
          {"prefill_flops", report.prefill_flops},
          {"fits", fits}};
}

std::string json_text(const nlohmann::json& document, int indent) {
  return document.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace llmg
