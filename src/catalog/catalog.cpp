#include "catalog/catalog.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "catalog/embedded.h"
#include "analysis/validate.h"
#include "ingest/config/hf_config.h"

namespace llmg {

std::string_view config_status_key(ConfigStatus status) {
  switch (status) {
    case ConfigStatus::Verbatim: return "verbatim";
    case ConfigStatus::Sibling: return "sibling";
    case ConfigStatus::Reconstructed: return "reconstructed";
    case ConfigStatus::Unknown: return "unknown";
  }
  return "unknown";
}

std::vector<std::vector<std::string>> parse_tsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) {
      std::vector<std::string> fields;
      std::size_t field_start = 0;
      while (true) {
        const std::size_t tab = line.find('\t', field_start);
        fields.emplace_back(line.substr(field_start, tab == std::string_view::npos ? tab : tab - field_start));
        if (tab == std::string_view::npos) break;
        field_start = tab + 1;
      }
      rows.push_back(std::move(fields));
    }
    start = end + 1;
  }
  return rows;
}

namespace {

std::string_view embedded_file(std::string_view path) {
  for (const embedded::File& file : embedded::files())
    if (file.path == path) return file.data;
  return {};
}

// Rows of a TSV keyed by the first column, each as column name -> value.
std::map<std::string, std::map<std::string, std::string>> keyed_table(std::string_view text) {
  std::map<std::string, std::map<std::string, std::string>> table;
  auto rows = parse_tsv(text);
  if (rows.empty()) return table;
  const auto& header = rows.front();
  for (std::size_t r = 1; r < rows.size(); ++r) {
    auto& row = table[rows[r][0]];
    for (std::size_t c = 0; c < header.size() && c < rows[r].size(); ++c) row[header[c]] = rows[r][c];
  }
  return table;
}

ConfigStatus parse_status(const std::string& text) {
  if (text == "verbatim") return ConfigStatus::Verbatim;
  if (text == "sibling") return ConfigStatus::Sibling;
  if (text == "reconstructed") return ConfigStatus::Reconstructed;
  return ConfigStatus::Unknown;
}

std::string get(const std::map<std::string, std::string>& row, const std::string& key) {
  auto it = row.find(key);
  return it == row.end() ? std::string() : it->second;
}

Catalog build_catalog(bool read_models);
void read_model(CatalogEntry& entry);

}  // namespace

const Catalog& Catalog::bundled() {
  static const Catalog catalog = build_catalog(true);
  return catalog;
}

const Catalog& Catalog::index() {
  static const Catalog catalog = build_catalog(false);
  return catalog;
}

std::optional<CatalogEntry> Catalog::load(std::string_view slug) {
  const CatalogEntry* found = index().find(slug);
  if (!found) return std::nullopt;
  CatalogEntry entry = *found;
  read_model(entry);
  return entry;
}

const CatalogEntry* Catalog::find(std::string_view slug) const {
  for (const CatalogEntry& entry : entries_)
    if (entry.slug == slug) return &entry;
  return nullptr;
}

std::vector<const CatalogEntry*> Catalog::children(std::string_view slug) const {
  std::vector<const CatalogEntry*> out;
  for (const CatalogEntry& entry : entries_)
    if (entry.parent == slug) out.push_back(&entry);
  return out;
}

namespace {

// Reads the entry's embedded config into its model, or says why there is none (unknown_reason/short).
void read_model(CatalogEntry& entry) {
  if (entry.config_text.empty()) return;  // build_catalog has set the reason already
  if (auto model = checked_model(read_config_text(entry.config_text, "catalog/" + entry.config_file),
                                 "catalog/" + entry.config_file)) {
    entry.model = std::move(*model);
  } else {
    entry.unknown_reason = model.error().message;
    const std::string marker = "unknown model type \"";
    const auto at = entry.unknown_reason.find(marker);
    entry.unknown_short = at == std::string::npos
                              ? "config not readable"
                              : "no reader for " + entry.unknown_reason.substr(at + marker.size(),
                                    entry.unknown_reason.find('"', at + marker.size()) - at - marker.size());
  }
}

Catalog build_catalog(bool read_models) {
  std::vector<CatalogEntry> entries;
  auto facts = parse_tsv(embedded_file("facts.tsv"));
  auto models = keyed_table(embedded_file("models.tsv"));
  auto sources = keyed_table(embedded_file("sources.tsv"));
  // A malformed published.tsv leaves every entry without figures; the catalog test parses it and fails.
  auto published = parse_published_table(embedded_file("published.tsv"), "catalog/published.tsv");
  if (facts.empty()) return Catalog(std::move(entries));
  const auto& header = facts.front();
  for (std::size_t r = 1; r < facts.size(); ++r) {
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < header.size() && c < facts[r].size(); ++c) row[header[c]] = facts[r][c];
    CatalogEntry entry;
    entry.slug = get(row, "slug");
    entry.name = get(row, "name");
    entry.release_date = get(row, "release_date");
    entry.license = get(row, "license");
    entry.config_url = get(row, "config_url");
    entry.tech_report_url = get(row, "tech_report_url");
    entry.article_url = get(row, "article_url");
    entry.from_scratch_url = get(row, "from_scratch_url");
    if (const std::string score = get(row, "aa_index_total"); !score.empty()) entry.benchmark_score = std::stod(score);
    if (auto it = models.find(entry.slug); it != models.end()) {
      entry.vendor = get(it->second, "vendor");
      entry.parent = get(it->second, "parent");
      entry.description = get(it->second, "description");
    }
    if (auto it = sources.find(entry.slug); it != sources.end()) {
      entry.config_status = parse_status(get(it->second, "status"));
      entry.hf_repo = get(it->second, "hf_repo");
      entry.config_source = get(it->second, "where_found");
      entry.config_note = get(it->second, "note");
    }
    if (published)
      if (auto it = published->find(entry.slug); it != published->end()) entry.published = it->second;
    for (const std::string& name : {entry.slug + ".json", entry.slug + ".params.json"}) {
      const std::string path = "configs/" + name;
      if (std::string_view text = embedded_file(path); !text.empty()) {
        entry.config_file = path;
        entry.config_text = std::string(text);
        break;
      }
    }
    if (entry.config_text.empty()) {
      entry.config_status = ConfigStatus::Unknown;
      // The reason pages show; the research behind it (what was searched, partial values) stays the
      // provenance note (config_note), shown apart as such.
      entry.unknown_reason = entry.config_note.empty()
                                 ? "no config has been found for this model"
                                 : "no config.json of this model has been found in public sources, so its architecture "
                                   "is not derived (the provenance notes say what is known)";
      entry.unknown_short = "no config";
    } else if (read_models) {
      read_model(entry);
    }
    entries.push_back(std::move(entry));
  }
  return Catalog(std::move(entries), parse_changelog(embedded_file("changelog.tsv")));
}

}  // namespace

Result<std::vector<Change>> parse_changelog(std::string_view tsv) {
  std::vector<Change> changes;
  const auto rows = parse_tsv(tsv);
  if (rows.empty()) return changes;
  const auto& header = rows[0];
  const std::vector<std::string> expected = {"date", "slug", "kind", "text"};
  if (header != expected) return bad_input("catalog/changelog.tsv: expected the header date, slug, kind, text");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.size() != 4 || r[0].size() != 10 || (r[2] != "added" && r[2] != "corrected"))
      return bad_input(fmt::format("catalog/changelog.tsv: row {}: expected date, slug, added|corrected, text", i + 1));
    changes.push_back({r[0], r[1], r[2], r[3]});
  }
  std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.date > b.date; });
  return changes;
}

}  // namespace llmg
