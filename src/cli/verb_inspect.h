// `llmgallery inspect PATH` for weight files: the fact sheet (from the config beside the weights, or
// a GGUF's own metadata) followed by the checkpoint report. A PATH holding no weights is left to
// the config fact sheet, unchanged.
#pragma once

#include <optional>
#include <string>

namespace llmg {

// The exit code, or nullopt when PATH holds no weight files.
std::optional<int> run_inspect_weights(const std::string& path, bool json);

}  // namespace llmg
