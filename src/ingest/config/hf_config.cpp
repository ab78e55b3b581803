#include "ingest/config/hf_config.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "ingest/config/config_view.h"
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"
#include "ingest/families/wrappers.h"
#include "ingest/config/json_text.h"

namespace llmg {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxConfigBytes = 16u << 20;  // real configs are < 100 KiB; 16 MiB is generous

// Mistral's native params.json has no model_type: recognise it by its own key names.
bool looks_like_mistral_params(const json& config) {
  return config.contains("dim") && config.contains("n_layers") && config.contains("n_heads");
}

// Checks that hold for every family after reading (analysis/validate.h adds the counting check).
Result<void> validate(const Model& model, const std::string& file_name) {
  if (model.layers.empty()) return bad_input(fmt::format("{}: the model has no layers", file_name));
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const Layer& layer = model.layers[i];
    if (model.is_softmax_attention(i)) {
      const AttentionSpec& a = layer.attention;
      if (a.num_heads <= 0 || a.num_kv_heads <= 0 || a.head_dim <= 0)
        return bad_input(fmt::format("{}: layer {}: attention needs positive heads, KV heads and head_dim "
                                     "(got {}, {}, {})",
                                     file_name, i, a.num_heads, a.num_kv_heads, a.head_dim));
      if (a.span != AttentionSpan::Full && a.window <= 0)
        return bad_input(fmt::format("{}: layer {}: a sliding or chunked layer needs a positive window", file_name, i));
    }
    if (layer.ffn.kind == FfnKind::MoE && (layer.ffn.num_experts <= 0 || layer.ffn.experts_per_token <= 0))
      return bad_input(fmt::format("{}: layer {}: MoE needs positive num_experts and num_experts_per_tok", file_name, i));
    if (layer.ffn.kind == FfnKind::MoE &&
        layer.ffn.experts_per_token > layer.ffn.num_experts + layer.ffn.zero_experts) {
      // Every family, whichever step built the block: a token cannot be routed to more experts than exist
      // (LongCat's zero-computation experts and ZAYA's skip route are routes too).
      // The key is the spelling the file used when the reader recorded it, else the canonical name.
      const std::string canonical(key_spec(Key::ExpertsPerToken).name);
      const auto source = model.key_sources.find(canonical);
      const std::string key = source != model.key_sources.end() ? source->second : canonical;
      return bad_input(fmt::format("{}: key '{}': layer {}: expected at most num_experts ({}{}), got {}", file_name,
                                   key, i, layer.ffn.num_experts,
                                   layer.ffn.zero_experts > 0 ? fmt::format(" + {} zero-computation", layer.ffn.zero_experts)
                                                              : std::string(),
                                   layer.ffn.experts_per_token));
    }
  }
  return {};
}

}  // namespace

Result<Model> read_config_json(const json& config, const std::string& file_name) {
  if (!config.is_object()) return bad_input(fmt::format("{}: expected a JSON object at the top level", file_name));
  std::string model_type;
  bool type_from_architecture = false;
  const std::string model_type_key(key_spec(Key::ModelType).name);
  if (auto it = config.find(model_type_key); it != config.end()) {
    if (!it->is_string())
      return bad_input(fmt::format("{}: key '{}': expected a string, got {}", file_name, model_type_key, describe_json(*it)));
    model_type = it->get<std::string>();
  } else if (looks_like_mistral_params(config)) {
    model_type = "mistral_params";
  } else if (auto arch = config.find("architectures"); arch != config.end() && arch->is_array() && !arch->empty() &&
                                                       (*arch)[0].is_string() &&
                                                       find_family_by_architecture((*arch)[0].get<std::string>())) {
    // No model_type, but architectures[0] names a class a row reads (transformers' AutoConfig would fail;
    // the class is unambiguous). Noted on the fact sheet.
    model_type = std::string(find_family_by_architecture((*arch)[0].get<std::string>())->model_type);
    type_from_architecture = true;
  } else if (auto arch = config.find("architectures"); arch != config.end() && arch->is_array() && !arch->empty() &&
                                                       (*arch)[0].is_string() &&
                                                       find_wrapper_by_architecture((*arch)[0].get<std::string>())) {
    // The same for a multimodal wrapper's class (LlavaForConditionalGeneration).
    model_type = std::string(find_wrapper_by_architecture((*arch)[0].get<std::string>())->model_type);
    type_from_architecture = true;
  } else {
    return bad_input(fmt::format("{}: key 'model_type': required key is missing (not a Hugging Face config.json "
                                 "nor a Mistral params.json)",
                                 file_name));
  }
  // A multimodal wrapper (issue 12 item 2): its language model is read by the row of text_config's type.
  const WrapperRow* wrapper = find_wrapper(model_type);
  const std::string decoder_type = wrapper ? wrapper_decoder_type(*wrapper, config) : model_type;
  const FamilyRow* family = find_family(decoder_type);
  if (wrapper && !family)
    return bad_input(fmt::format("{}: key 'text_config.model_type': unknown decoder type \"{}\" in a {} wrapper",
                                 file_name, decoder_type, model_type));
  if (!family) {
    if (const DeclinedFamily* declined = find_declined(model_type))
      return bad_input(fmt::format("{}: key 'model_type': model type {} is not read: {}", file_name,
                                   describe_json(nlohmann::json(model_type)), declined->reason));
    return bad_input(fmt::format("{}: key 'model_type': unknown model type {} ({} types are read: "
                                 "`llmgallery families` lists them)",
                                 file_name, describe_json(nlohmann::json(model_type)), family_table().size() + wrapper_table().size()));
  }
  Model model;
  model.model_type = model_type;
  model.family = std::string(wrapper ? wrapper->family : family->family);
  if (auto it = config.find("architectures"); it != config.end() && it->is_array() && !it->empty() &&
                                               (*it)[0].is_string())
    model.architecture = (*it)[0].get<std::string>();

  json defaults;
  ConfigView view(config, file_name, &model.key_sources);
  if (type_from_architecture) view.note_source("model_type", "architectures[0] (no model_type key)");
  if (!family->defaults_json.empty()) {
    defaults = json::parse(family->defaults_json);
    view.set_defaults(&defaults, std::string(family->defaults_label));
  } else if (const TextDefaults text = wrapper ? wrapper_text_defaults(decoder_type) : TextDefaults{};
             !text.json.empty()) {
    defaults = json::parse(text.json);
    view.set_defaults(&defaults, std::string(text.label));
  }
  // The generic pass runs once here, before the family's own reader (llama.cpp's load_hparams style).
  if (family->basics != Basics::Own) read_basics(view, model, family->basics == Basics::Tied);
  if (view.ok()) {
    model.model_type = decoder_type;  // a reader may ask its own type (deepseek_v32 vs glm_moe_dsa)
    family->read(view, model);
    model.model_type = model_type;
  }
  if (wrapper) view.note_source("text decoder", fmt::format("text_config.model_type ({})", decoder_type));
  if (view.ok()) read_wrapper_towers(model_type, view, model);
  if (view.error()) return tl::unexpected(*view.error());
  if (auto valid = validate(model, file_name); !valid) return tl::unexpected(valid.error());
  return model;
}

Result<Model> read_config_text(std::string_view text, const std::string& file_name) {
  auto config = parse_json_text(text, JsonTextOptions{.python_literals = true});
  if (!config) return bad_input(fmt::format("{}: invalid JSON{}", file_name, config.error().where_and_why()));
  return read_config_json(*config, file_name);
}

Result<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return bad_input(fmt::format("{}: no such file", path.string()));
  if (std::filesystem::is_directory(status)) return bad_input(fmt::format("{}: is a directory", path.string()));
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return bad_input(fmt::format("{}: cannot read: {}", path.string(), ec.message()));
  if (size > max_bytes)
    return bad_input(fmt::format("{}: file is {} bytes, more than the {} bytes a config may have", path.string(), size,
                                 max_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) return bad_input(fmt::format("{}: cannot open for reading", path.string()));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Result<Model> read_config_path(const std::filesystem::path& path) {
  std::filesystem::path file = path;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    file.clear();
    for (const char* name : {"config.json", "params.json"})
      if (std::filesystem::exists(path / name, ec)) {
        file = path / name;
        break;
      }
    if (file.empty())
      return bad_input(fmt::format("{}: directory holds no config.json or params.json", path.string()));
  }
  auto text = read_text_file(file, kMaxConfigBytes);
  if (!text) return tl::unexpected(text.error());
  return read_config_text(*text, file.string());
}

}  // namespace llmg
