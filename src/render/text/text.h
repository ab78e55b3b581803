// Terminal output: the fact sheet, the catalog table and the side-by-side diff.
#pragma once

#include <string>
#include <vector>

#include "analysis/memory.h"
#include "render/text/rows.h"

namespace llmg {

std::string sheet_text(const ModelView& view);
std::string list_text(const std::vector<ModelView>& views);
std::string diff_text(const ModelView& a, const ModelView& b);
std::string memory_text(const ModelView& view, const MemoryReport& report);

}  // namespace llmg
