// SVG charts drawn from the analysis (no stored images).
#pragma once

#include <string>
#include <vector>

#include "analysis/engine_memory.h"
#include "analysis/memory.h"
#include "render/text/rows.h"

namespace llmg {

// Memory (KV cache + recurrent state) against context length, 1k to the largest model context, log
// scales on both axes; one solid curve per model (what an engine keeps) and a dashed one for the
// gallery convention (windows not applied).
// With an engine (analysis/engine_memory.h), a dotted third curve per model: the engine's allocation.
std::string memory_chart_svg(const std::vector<const ModelView*>& views, NumberFormat kv, std::int64_t batch,
                             const EngineSettings* engine = nullptr);

}  // namespace llmg
