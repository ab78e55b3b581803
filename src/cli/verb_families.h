// `llmgallery families`: the model types read (registry rows: config model_type, display name, GGUF
// general.architecture, transformers class, config-class defaults) and those declined with the reason.
#pragma once

namespace llmg::cli {

enum class FamiliesFormat { Text, Json, Markdown };

// Text: one aligned row per family; Json: {"read": [{model_type, family, gguf_architecture, architecture,
// defaults}], "wrappers": [{model_type, family, default_decoder, architecture}], "declined": [{model_type, reason}]} (empty strings where a row has none); Markdown: the README's
// table (README "Families read", kept equal to this output by a test).
int run_families(FamiliesFormat format);

}  // namespace llmg::cli
