// JSON documents of the CLI (--json) and the HTTP API; keys are stable and listed in the README.
#pragma once

#include <nlohmann/json.hpp>

#include "analysis/memory.h"
#include "catalog/catalog.h"
#include "render/text/rows.h"

namespace llmg {

nlohmann::json model_json(const ModelView& view);            // show / inspect / /api/models/SLUG
nlohmann::json list_item_json(const ModelView& view);        // one entry of list / /api/models
nlohmann::json diff_json(const ModelView& a, const ModelView& b);  // diff / /api/diff/A/B
nlohmann::json memory_json(const ModelView& view, const MemoryReport& report);  // memory

// The one way a JSON document becomes text (CLI --json, export, API): `document.dump(indent)` with every
// string byte that is not UTF-8 replaced by U+FFFD (error_handler_t::replace) instead of throwing
// type_error.316 -- a folder name or slug is bytes, not text (issue 17, case 03). indent -1: one line.
std::string json_text(const nlohmann::json& document, int indent = -1);

}  // namespace llmg
