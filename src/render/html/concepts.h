// Concept pages (/concepts, /concepts/NAME), the catalog statistics (/stats/NAME) and the "related
// concepts" chips, all computed from the gallery with the concept table (view/concepts.h): which
// models use a mechanism is the detector's answer, every number of a worked example is the engine's.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "render/html/gallery.h"
#include "view/concepts.h"

namespace llmg::html {

// The chips of the concepts a model uses: <ul class="chips"> of links to /concepts/NAME; empty for an
// unknown architecture. The cards, the model page and the diff page call it.
std::string concept_chips(const ModelView& view);
// The short chip label of a concept ("GQA", "sliding window").
std::string_view concept_chip_label(const Concept& c);

// The catalog views that use a concept (known architectures, catalog order).
std::vector<const ModelView*> concept_users(const Gallery& gallery, const Concept& c);

// Adoption over release dates: the number of catalog models using the concept, against the number of
// catalog models with a known architecture, as two step lines (SVG, its own viewBox).
std::string adoption_svg(const Gallery& gallery, const Concept& c);

std::string concepts_index_page(const Gallery& gallery);
std::string concept_page(const Gallery& gallery, const Concept& c);

// The catalog statistics: "attention" (mechanism distribution), "active-ratio" (active / total of every
// sparse model), "trends" (KV per token and parameters over release dates).
struct StatsPage {
  std::string_view name, title;
};
std::span<const StatsPage> stats_pages();
// The page, or nullopt for a name not in stats_pages().
std::optional<std::string> stats_page(const Gallery& gallery, std::string_view name);

}  // namespace llmg::html
