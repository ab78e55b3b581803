#include "ingest/weights/gguf_model.h"

#include <cmath>
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "ingest/config/hf_config.h"
#include "ingest/families/registry.h"
#include "ingest/weights/gguf_remote.h"
#include "ingest/weights/gguf_families.h"
#include "ingest/weights/gguf_swa.h"

namespace llmg {

using nlohmann::json;

namespace {

std::string gguf_key(std::string_view arch, std::string_view suffix) { return fmt::format("{}.{}", arch, suffix); }

json scalar_json(const GgufValue& value) {
  if (value.type == GgufType::Bool) return value.integer != 0;
  if (value.is_integer()) return value.integer;
  return value.number;
}

// The GGUF suffixes of the key table (ingest/keys.cpp), in row order, each suffix of a row in its order.
const std::vector<GgufKeyAlias>& key_aliases() {
  static const std::vector<GgufKeyAlias> aliases = [] {
    std::vector<GgufKeyAlias> out;
    for (const KeySpec& spec : key_table())
      for (std::string_view suffix : spec.gguf) out.push_back({suffix, spec.key});
    return out;
  }();
  return aliases;
}

// The GGUF architectures of the family registry (ingest/families/registry.cpp), in row order.
const std::vector<GgufArchitecture>& architectures() {
  static const std::vector<GgufArchitecture> rows = [] {
    std::vector<GgufArchitecture> out;
    for (const FamilyRow& row : family_table())
      if (!row.gguf.name.empty()) out.push_back({row.gguf.name, row.model_type, row.gguf.architecture});
    return out;
  }();
  return rows;
}

}  // namespace

std::span<const GgufKeyAlias> gguf_key_aliases() { return key_aliases(); }
std::span<const GgufArchitecture> gguf_architectures() { return architectures(); }

const GgufArchitecture* find_gguf_architecture(std::string_view gguf_name) {
  for (const GgufArchitecture& arch : architectures())
    if (arch.gguf_name == gguf_name) return &arch;
  return nullptr;
}

Result<json> gguf_config(const GgufFile& file, std::map<std::string, std::string>* sources) {
  const GgufValue* arch_value = file.find("general.architecture");
  if (!arch_value || arch_value->type != GgufType::String)
    return bad_input(fmt::format("{}: key 'general.architecture': required string is missing", file.path));
  const std::string& arch = arch_value->text;
  const GgufArchitecture* row = find_gguf_architecture(arch);
  if (!row) {
    std::string known;
    for (const GgufArchitecture& a : gguf_architectures()) known += (known.empty() ? "" : ", ") + std::string(a.gguf_name);
    return bad_input(fmt::format("{}: key 'general.architecture': GGUF architecture \"{}\" has no mapping yet (mapped: {})",
                                 file.path, arch, known));
  }
  json config = {{"model_type", row->model_type}, {"architectures", {row->architecture}}};
  const GgufFamilyRule* rule = find_gguf_family_rule(arch);  // per-architecture keys (gguf_families.h)
  auto note = [&](const std::string& config_key, const std::string& from) {
    if (sources) (*sources)[config_key] = from;
  };
  for (const GgufKeyAlias& alias : gguf_key_aliases()) {
    const std::string name(key_spec(alias.key).name);
    if (config.contains(name)) continue;
    const std::string key = gguf_key(arch, alias.suffix);
    const GgufValue* value = file.find(key);
    if (!value) continue;
    if (value->type == GgufType::Array) {
      // Per-layer values (head_count_kv, feed_forward_length in some files): one value when every
      // layer agrees (zeros mark layers without attention and are skipped).
      if (value->element_type == GgufType::String || value->element_type == GgufType::Bool ||
          value->numbers.size() != value->count || value->count == 0)
        return bad_input(fmt::format("{}: key '{}': expected a number or a per-layer array of numbers", file.path, key));
      std::vector<double> distinct;
      bool zeros = false;
      for (double v : value->numbers) {
        zeros = zeros || v == 0;
        if (v != 0 && std::find(distinct.begin(), distinct.end(), v) == distinct.end()) distinct.push_back(v);
      }
      // A zero KV-head entry is a layer without attention (LFM2's short-conv blocks, Jamba's Mamba
      // layers): only an architecture whose rule turns the zeros into those layers may have them, else
      // the zeros would be dropped and every layer counted as attention (shared case 05's probe).
      const bool zeros_are_layers = rule && rule->kv_zeros_are_layers && alias.key == Key::NumKvHeads;
      if (zeros && !zeros_are_layers)
        return bad_input(fmt::format("{}: key '{}': zero entries mark layers without attention, which \"{}\" does not "
                                     "have",
                                     file.path, key, arch));
      if (distinct.empty() && zeros_are_layers) continue;  // no attention layer at all: nothing to write
      if (distinct.size() != 1)
        return bad_input(fmt::format("{}: key '{}': per-layer values differ; a per-layer layout for \"{}\" is not "
                                     "mapped yet",
                                     file.path, key, arch));
      if (!(std::abs(distinct[0]) <= 9007199254740992.0))  // NaN, ±inf or past 2^53: never cast to an integer
        return bad_input(fmt::format("{}: key '{}': expected per-layer integers, got {}", file.path, key, distinct[0]));
      config[name] = static_cast<std::int64_t>(distinct[0]);
    } else if (value->type == GgufType::String) {
      return bad_input(fmt::format("{}: key '{}': expected a number, got a string", file.path, key));
    } else {
      config[name] = scalar_json(*value);
    }
    note(name, key);
  }
  // Sliding-window layout: llama.cpp's rule for this architecture (ingest/gguf_swa.h), written as
  // layer_types so the family reader builds exactly the layers llama.cpp builds.
  // (Out-of-range layer counts are left to the family reader, which names the key.)
  if (const std::string layers_key(key_spec(Key::NumLayers).name);
      config.contains(layers_key) && config[layers_key].is_number_integer() &&
      config[layers_key].get<std::int64_t>() >= key_spec(Key::NumLayers).min_value &&
      config[layers_key].get<std::int64_t>() <= key_spec(Key::NumLayers).max_value) {
    auto swa = gguf_swa_layout(file, arch, config[layers_key].get<std::int64_t>());
    if (!swa) return tl::unexpected(swa.error());
    json types = json::array();
    for (bool sliding : swa->sliding) types.push_back(sliding ? "sliding_attention" : "full_attention");
    config["layer_types"] = types;
    note("layer_types", swa->source);
    if (swa->window > 0) {
      config[std::string(key_spec(Key::SlidingWindow).name)] = swa->window;
    } else {
      config.erase(std::string(key_spec(Key::SlidingWindow).name));
    }
  }
  // Vocabulary: {arch}.vocab_size, else the tokenizer's token list.
  if (!config.contains("vocab_size")) {
    if (const GgufValue* tokens = file.find("tokenizer.ggml.tokens"); tokens && tokens->type == GgufType::Array) {
      config["vocab_size"] = static_cast<std::int64_t>(tokens->count);
      note("vocab_size", "tokenizer.ggml.tokens (length)");
    }
  }
  // Tied embeddings: GGUF has no key; the converter leaves output.weight out when the LM head
  // reuses token_embd.weight.
  config["tie_word_embeddings"] = file.find_tensor("output.weight") == nullptr;
  note("tie_word_embeddings", "no output.weight tensor = tied");
  // Biases: no keys either; present tensors tell.
  if (file.find_tensor("blk.0.attn_q.bias")) config["attention_bias"] = true;
  if (file.find_tensor("blk.0.ffn_up.bias")) config["mlp_bias"] = true;
  // Rotary dimensions: llama.cpp's n_rot. Below the head dimension it is partial rotary.
  if (const GgufValue* n_rot = file.find(gguf_key(arch, "rope.dimension_count")); n_rot && n_rot->is_integer()) {
    std::int64_t head_dim = 0;
    if (config.contains("head_dim")) head_dim = config["head_dim"].get<std::int64_t>();
    else if (config.contains("hidden_size") && config.contains("num_attention_heads") &&
             config["num_attention_heads"].get<std::int64_t>() > 0)
      head_dim = config["hidden_size"].get<std::int64_t>() / config["num_attention_heads"].get<std::int64_t>();
    if (head_dim > 0 && n_rot->integer > 0 && n_rot->integer < head_dim) {
      config["partial_rotary_factor"] = static_cast<double>(n_rot->integer) / static_cast<double>(head_dim);
      note("partial_rotary_factor", gguf_key(arch, "rope.dimension_count") + " / head dim");
    }
  }
  // RoPE scaling: an explicit type, or Llama 3's frequency factors stored as the rope_freqs tensor.
  const GgufValue* scaling = file.find(gguf_key(arch, "rope.scaling.type"));
  if (scaling && scaling->type == GgufType::String && !scaling->text.empty() && scaling->text != "none") {
    json rope = {{"rope_type", scaling->text}};
    if (const GgufValue* factor = file.find(gguf_key(arch, "rope.scaling.factor")); factor && factor->is_number())
      rope["factor"] = factor->number;
    if (const GgufValue* original = file.find(gguf_key(arch, "rope.scaling.original_context_length"));
        original && original->is_integer())
      rope["original_max_position_embeddings"] = original->integer;
    config["rope_scaling"] = rope;
  } else if (arch == "llama" && file.find_tensor("rope_freqs.weight")) {
    config["rope_scaling"] = {{"rope_type", "llama3"}};
  }
  undo_remote_gguf_conventions(file, arch, config, sources);  // qwen, chatglm (gguf_remote.h)
  if (rule && rule->translate) {
    std::map<std::string, std::string> rule_sources;
    auto done = rule->translate(file, arch, config, rule_sources);
    if (!done) return tl::unexpected(done.error());
    for (auto& [config_key, from] : rule_sources) note(config_key, from);
  }
  return config;
}

Result<Model> model_from_gguf(const GgufFile& file) {
  std::map<std::string, std::string> sources;
  auto config = gguf_config(file, &sources);
  if (!config) return tl::unexpected(config.error());
  auto model = read_config_json(*config, file.path);
  if (!model) {
    // The family reader names config keys; say which GGUF key stands for it.
    Error error = model.error();
    const std::string& arch = file.find("general.architecture")->text;  // present: gguf_config checked it
    for (const GgufKeyAlias& alias : gguf_key_aliases()) {
      const std::string quoted = fmt::format("key '{}'", key_spec(alias.key).name);
      if (auto at = error.message.find(quoted); at != std::string::npos) {
        error.message.replace(at, quoted.size(),
                              fmt::format("key '{}' (config key {})", gguf_key(arch, alias.suffix), key_spec(alias.key).name));
        break;
      }
    }
    return tl::unexpected(error);
  }
  // Provenance names the GGUF key a fact came from, not the config spelling it passed through.
  for (auto& [fact, where] : model->key_sources)
    if (auto it = sources.find(where); it != sources.end()) where = it->second;
  return model;
}

}  // namespace llmg
