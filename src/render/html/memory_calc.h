// The memory calculator shown on model and diff pages: a GET form (context, batch, KV dtype, weights
// dtype) whose settings live in the URL, the figures from analysis/memory.h, and the KV-vs-context chart.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/memory.h"
#include "render/html/html.h"
#include "site/query.h"
#include "render/text/rows.h"
#include "base/result.h"

namespace llmg::html {

using site::MemorySettings;  // and its parser: site/query.h
using site::parse_memory_settings;

// The calculator section for one or two models; `action` is the page's own path (the form submits to it).
std::string memory_section(const std::vector<const ModelView*>& views, const MemorySettings& settings,
                           const std::string& action);

}  // namespace llmg::html
