// The bundled catalog: every model of catalog/facts.tsv with its metadata, its config's provenance,
// and (when the architecture is known) its normalized model. Everything comes from files embedded in
// the binary at build time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/published.h"
#include "model/model.h"
#include "base/result.h"

namespace llmg {

// How the config of a catalog model was obtained (catalog/sources.tsv).
enum class ConfigStatus {
  Verbatim,       // the checkpoint's own config.json
  Sibling,        // an architecturally identical checkpoint's config (e.g. the Instruct variant)
  Reconstructed,  // written from published hyperparameters, each value sourced
  Unknown,        // no config and no established architecture: facts unknown
};
std::string_view config_status_key(ConfigStatus status);

struct CatalogEntry {
  // From catalog/facts.tsv (vendor facts).
  std::string slug, name, release_date, license;
  std::string config_url, tech_report_url, article_url, from_scratch_url;
  std::optional<double> benchmark_score;
  // From catalog/models.tsv (ours).
  std::string vendor, parent, description;
  // From catalog/sources.tsv.
  ConfigStatus config_status = ConfigStatus::Unknown;
  std::string hf_repo, config_source, config_note;
  // From catalog/published.tsv: the vendor's own total/active figures (empty when the row is missing).
  std::optional<PublishedFigures> published;
  // The config as embedded, its file name inside the catalog, and what reading it gave.
  std::string config_file, config_text;
  std::optional<Model> model;
  std::string unknown_reason;  // why `model` is empty (full message)
  std::string unknown_short;   // the same in a few words for tables: "no config", "no reader for xlstm"
};

// catalog/changelog.tsv: date, slug, kind (added | corrected), text.
struct Change {
  std::string date, slug, kind, text;
};
// Newest first; a malformed header or row is bad input naming the file and row.
Result<std::vector<Change>> parse_changelog(std::string_view tsv);

class Catalog {
 public:
  explicit Catalog(std::vector<CatalogEntry> entries, Result<std::vector<Change>> changes = std::vector<Change>{})
      : entries_(std::move(entries)), changes_(std::move(changes)) {}
  // The catalog compiled into this binary (built once, on first use): every entry with its model read.
  // Reading the 108 configs costs tens of milliseconds; a verb about one model uses index() + load().
  static const Catalog& bundled();
  // The same entries with metadata only (facts, models, sources, published tables; config text embedded
  // but not read: `model` empty, `unknown_*` empty unless there is no config). Cheap: for lookups of
  // names, parents and children.
  static const Catalog& index();
  // One bundled entry with its model read (as bundled() has it), without reading the others; nullopt for
  // a slug not in the catalog.
  static std::optional<CatalogEntry> load(std::string_view slug);

  const std::vector<CatalogEntry>& entries() const { return entries_; }
  const CatalogEntry* find(std::string_view slug) const;
  // Slugs of the models whose parent is `slug`.
  std::vector<const CatalogEntry*> children(std::string_view slug) const;
  // The changelog (catalog/changelog.tsv of the bundled catalog), or the error that reading it gave: like
  // an entry's unknown_reason, kept for the pages to report rather than dropped.
  const Result<std::vector<Change>>& changes() const { return changes_; }

 private:
  std::vector<CatalogEntry> entries_;
  Result<std::vector<Change>> changes_;
};

// A tab-separated table with a header row; rows as maps from column name to value.
std::vector<std::vector<std::string>> parse_tsv(std::string_view text);

}  // namespace llmg
