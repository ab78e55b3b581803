// The model page (/models/SLUG) and the diff page (/diff/A/B).
#pragma once

#include <string>

#include "render/html/gallery.h"
#include "render/html/memory_calc.h"

namespace llmg::html {

// Full diagram, fact sheet with sources, links, lineage, closest architectures, diff control, calculator.
std::string model_page(const Gallery& gallery, const GalleryItem& item, const MemorySettings& memory);

// The fact-sheet table of one model (rows from fact_rows, with the config key each came from).
std::string fact_table(const ModelView& view);

// Both diagrams, every fact in two columns with deltas, aligned layer strips, summary, calculator.
// `action` is the page's own path for the calculator form; empty leaves the calculator out (an
// uploaded config is not stored, so a GET form could not recompute it).
std::string diff_body(const Gallery& gallery, const ModelView& a, const ModelView& b, const MemorySettings& memory,
                      const std::string& action);
std::string diff_page(const Gallery& gallery, const GalleryItem& a, const GalleryItem& b, const MemorySettings& memory);

// The two layer stacks as one SVG, layer i of A above layer i of B, layers that differ marked.
std::string aligned_strips_svg(const ModelView& a, const ModelView& b);

// A select of every catalog model (for "compare with" forms).
std::string model_select(const Gallery& gallery, const std::string& name, const std::string& id,
                         const std::string& selected, const std::string& exclude);

}  // namespace llmg::html
