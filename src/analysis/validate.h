// The last step of reading a model: checks that need the analysis (today: that every parameter count
// fits 64-bit counting), so a Model that passes can be counted, charted and diffed without overflow.
// Ingestion (src/ingest) checks everything a config says on its own; this is the one place that turns an
// analysis limit into bad input. Every entry point that reads a model calls it: the catalog, the CLI's
// resolve, `inspect`, and the server's POST /inspect.
#pragma once

#include <string_view>

#include "base/result.h"
#include "model/model.h"

namespace llmg {

// `model` passed through when it is an error or passes; otherwise a BadInput error
// "SOURCE: <what overflows>" (SOURCE names the file, e.g. "config.json").
Result<Model> checked_model(Result<Model> model, std::string_view source);

}  // namespace llmg
