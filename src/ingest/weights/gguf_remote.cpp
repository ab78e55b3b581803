#include "ingest/weights/gguf_remote.h"

#include <fmt/format.h>

#include "ingest/keys.h"

namespace llmg {

void undo_remote_gguf_conventions(const GgufFile& file, std::string_view arch, nlohmann::json& config,
                                  std::map<std::string, std::string>* sources) {
  auto note = [&](Key key, const std::string& from) {
    if (sources) (*sources)[std::string(key_spec(key).name)] = from;
  };
  if (arch == "qwen") {
    const std::string ffn(key_spec(Key::IntermediateSize).name);
    if (config.contains(ffn) && config[ffn].is_number_integer()) {
      config[ffn] = config[ffn].get<std::int64_t>() * 2;
      note(Key::IntermediateSize, "2 × qwen.feed_forward_length (the converter wrote intermediate_size // 2)");
    }
  } else if (arch == "chatglm") {
    if (file.find_tensor("blk.0.attn_qkv.bias")) {
      config[std::string(key_spec(Key::AddQkvBias).name)] = true;
      note(Key::AddQkvBias, "blk.0.attn_qkv.bias present");
    }
    if (file.find_tensor("blk.0.attn_output.bias")) {
      config[std::string(key_spec(Key::AddBiasLinear).name)] = true;
      note(Key::AddBiasLinear, "blk.0.attn_output.bias present");
    }
    if (config.contains(std::string(key_spec(Key::NumKvHeads).name))) {
      config[std::string(key_spec(Key::MultiQueryAttention).name)] = true;
      note(Key::MultiQueryAttention, "chatglm.attention.head_count_kv present (multi_query_group_num)");
    }
    if (!file.find_tensor("output_norm.weight")) {
      config[std::string(key_spec(Key::PostLayerNorm).name)] = false;
      note(Key::PostLayerNorm, "no output_norm.weight tensor");
    }
  }
}

}  // namespace llmg
