// Remote-code families (issue 12 item 3): configs whose modeling code ships with the checkpoint and is
// named by `auto_map` (trust_remote_code), not by transformers. The readers dispatch by model_type like
// every row; this helper records which modeling file the config names.
#pragma once

#include <string_view>

#include "ingest/config/config_view.h"
#include "model/model.h"

namespace llmg {

// Records the remote modeling class of auto_map.AutoModelForCausalLM ("modeling_qwen.QWenLMHeadModel";
// a "<repo>--" prefix, as in "THUDM/glm-4-9b-chat--modeling_chatglm.ChatGLMForConditionalGeneration",
// is dropped) in key_sources["remote_code"] and as a note. A config without auto_map (a GGUF, a copy
// with auto_map removed) records `reference`, the modeling file the family's reader follows.
void note_remote_code(ConfigView& config, Model& model, std::string_view reference);

}  // namespace llmg
