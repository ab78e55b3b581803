// The memory calculator shown on model and diff pages: a GET form (context, batch, KV dtype, weights
// dtype) whose settings live in the URL, the figures from analysis/memory.h, and the KV-vs-context chart.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/memory.h"
#include "render/html/html.h"
#include "render/text/rows.h"
#include "base/result.h"

namespace llmg::html {

struct MemorySettings {
  std::string context_text;   // as given ("128k"); empty = each model's own context
  std::int64_t context = 0;   // 0 = each model's own context
  std::int64_t batch = 1;
  NumberFormat kv{"bf16", 16};
  NumberFormat weights{"bf16", 16};
  bool kv_given = false;      // kv= was in the URL (else llama.cpp's own f16 for its figure)
  std::string engine;         // "", "llama.cpp" or "vllm": the engine figure beside the logical one
  QueryParams canonical;      // non-default settings, for links
};

// context=128k batch=1..4096 kv=bf16|fp16|fp8|int8|int4 weights=... engine=llama.cpp|vllm; malformed values are
// errors (HTTP 400).
Result<MemorySettings> parse_memory_settings(const QueryParams& params);

// The calculator section for one or two models; `action` is the page's own path (the form submits to it).
std::string memory_section(const std::vector<const ModelView*>& views, const MemorySettings& settings,
                           const std::string& action);

}  // namespace llmg::html
