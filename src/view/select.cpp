#include "view/select.h"

#include <algorithm>

#include <fmt/format.h>

namespace llmg {

namespace {

bool has_model(const ModelView& v) { return v.model != nullptr; }
bool has_score(const ModelView& v) { return v.entry && v.entry->benchmark_score; }

// clang-format off
constexpr SortField kFields[] = {
  // key        label                 desc   number                                                                    known       text                                                                              list   index
  {"date",      "release date",       true,  nullptr,                                                                  nullptr,    [](const ModelView& v) { return v.entry ? v.entry->release_date : std::string(); }, true,  true},
  {"name",      "name",               false, nullptr,                                                                  nullptr,    [](const ModelView& v) { return v.name; },                                        true,  true},
  {"slug",      "slug",               false, nullptr,                                                                  nullptr,    [](const ModelView& v) { return v.slug; },                                        true,  false},
  {"total",     "total parameters",   true,  [](const ModelView& v) { return double(v.facts.params.total); },          has_model,  nullptr,                                                                          true,  true},
  {"active",    "active parameters",  true,  [](const ModelView& v) { return double(v.facts.params.active); },         has_model,  nullptr,                                                                          true,  true},
  {"kv",        "KV cache per token", true,  [](const ModelView& v) { return double(v.facts.kv_cache.bytes_per_token_bf16); }, has_model, nullptr,                                                                 true,  true},
  {"context",   "context length",     true,  [](const ModelView& v) { return double(v.facts.context_length); },        has_model,  nullptr,                                                                          true,  true},
  {"layers",    "layers",             true,  [](const ModelView& v) { return double(v.facts.layers); },                has_model,  nullptr,                                                                          true,  true},
  {"score",     "benchmark score",    true,  [](const ModelView& v) { return has_score(v) ? *v.entry->benchmark_score : -1.0; }, has_score, nullptr,                                                           true,  true},
  {"attention", "attention",          false, nullptr,                                                                  nullptr,    [](const ModelView& v) { return v.facts.attention_summary; },                     true,  false},
  {"family",    "family",             false, nullptr,                                                                  nullptr,    [](const ModelView& v) { return v.model ? v.model->family : std::string("~unknown"); }, false, false},
};
// clang-format on

}  // namespace

std::span<const SortField> sort_fields() { return kFields; }

const SortField* sort_field(std::string_view key) {
  for (const SortField& field : kFields)
    if (field.key == key) return &field;
  return nullptr;
}

Result<void> sort_for_list(std::vector<ModelView>& views, const std::string& key) {
  const SortField* field = sort_field(key);
  if (!field || !field->in_list)
    return bad_input(fmt::format("argument '--sort {}': expected one of date, name, slug, total, active, layers, "
                                 "attention, kv, context, score",
                                 key));
  if (field->number)
    std::stable_sort(views.begin(), views.end(),
                     [&](const ModelView& a, const ModelView& b) { return field->number(a) > field->number(b); });
  else
    std::stable_sort(views.begin(), views.end(),
                     [&](const ModelView& a, const ModelView& b) { return field->text(a) < field->text(b); });
  return {};
}

}  // namespace llmg
