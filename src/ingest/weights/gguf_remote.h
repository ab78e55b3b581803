// The conventions llama.cpp's converters apply to the remote-code families (issue 12 item 3) when they
// write a GGUF (convert_hf_to_gguf.py QwenModel, ChatGLMModel), undone so that the family reader reads the
// GGUF's config object exactly as it reads the family's config.json.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ingest/weights/gguf.h"

namespace llmg {

// `config` is gguf_config's object for architecture `arch` (config.json spelling); `sources` as there.
//   qwen:    feed_forward_length is intermediate_size // 2 (QwenModel.set_gguf_parameters), so the config's
//            intermediate_size is twice it (QWenMLP's width is intermediate_size // 2).
//   chatglm: no keys for the biases, the group count switch or the final norm: blk.0.attn_qkv.bias present =
//            add_qkv_bias, blk.0.attn_output.bias present = add_bias_linear, head_count_kv present =
//            multi_query_attention (the converter writes multi_query_group_num there), output_norm.weight
//            absent = post_layer_norm false.
// Other architectures: unchanged.
void undo_remote_gguf_conventions(const GgufFile& file, std::string_view arch, nlohmann::json& config,
                                  std::map<std::string, std::string>* sources);

}  // namespace llmg
