// Multimodal wrappers (issue 12 item 2): the wrapper table and the tower readers. The language model is
// read by the registry row of text_config.model_type (ingest/config/hf_config.cpp); the towers here are
// read from vision_config / audio_config and the wrapper's top-level projector keys, with the defaults of
// the transformers config class that would fill a missing key, each noted on the fact sheet.
#include "ingest/families/wrappers.h"

#include <fmt/format.h>

namespace llmg {

using nlohmann::json;

namespace {

// Reads `<section>.<key>` (vision_config.hidden_size) from the file, else from the config class's
// defaults (noted as such), else records "required key is missing" on the view.
class Section {
 public:
  Section(ConfigView& view, std::string section, std::string_view class_defaults, std::string label)
      : view_(view), section_(std::move(section)), label_(std::move(label)) {
    if (!class_defaults.empty()) defaults_ = json::parse(class_defaults);
  }
  bool in_file() const { return view_.root().is_object() && view_.root().contains(section_) && view_.root()[section_].is_object(); }
  const std::string& name() const { return section_; }

  std::int64_t integer(std::string_view key, std::int64_t min_value = 1, std::int64_t max_value = 1 << 20) {
    const std::string path = section_ + "." + std::string(key);
    if (view_.find(path)) return view_.int_named(path, min_value, min_value, max_value);
    if (defaults_.contains(std::string(key)) && defaults_[std::string(key)].is_number_integer()) {
      view_.note_source(path, fmt::format("default of {}", label_));
      return defaults_[std::string(key)].get<std::int64_t>();
    }
    view_.fail(path, "required key is missing");
    return min_value;
  }
  // The first of `keys` present in the file (older spellings: in_chans, spatial_patch_size), else the
  // class default of the first.
  std::int64_t integer_any(std::initializer_list<std::string_view> keys, std::int64_t min_value = 1,
                           std::int64_t max_value = 1 << 20) {
    for (std::string_view key : keys)
      if (view_.find(section_ + "." + std::string(key))) return integer(key, min_value, max_value);
    return integer(*keys.begin(), min_value, max_value);
  }
  bool flag(std::string_view key, bool fallback) {
    const std::string path = section_ + "." + std::string(key);
    if (view_.find(path)) return view_.bool_named(path, fallback);
    if (defaults_.contains(std::string(key)) && defaults_[std::string(key)].is_boolean()) return defaults_[std::string(key)].get<bool>();
    return fallback;
  }
  std::string text(std::string_view key, std::string fallback) {
    const std::string path = section_ + "." + std::string(key);
    if (view_.find(path)) return view_.string_named(path, fallback);
    return fallback;
  }
  // Entries of a list key (deepstack_visual_indexes), or `fallback` when absent.
  std::int64_t list_size(std::string_view key, std::int64_t fallback) {
    const std::string path = section_ + "." + std::string(key);
    const json* value = view_.find(path);
    if (!value) return fallback;
    if (!value->is_array()) {
      view_.fail(path, "expected a list");
      return 0;
    }
    if (value->size() > 1024) {
      view_.fail(path, fmt::format("expected at most 1024 entries, got {}", value->size()));
      return 0;
    }
    return static_cast<std::int64_t>(value->size());
  }

 private:
  ConfigView& view_;
  std::string section_;
  std::string label_;
  json defaults_ = json::object();
};

constexpr std::int64_t kMaxTowerLayers = 512;

// ---- config class defaults (transformers configuration_<type>.py) -----------------------------------
// CLIPVisionConfig
constexpr std::string_view kClipVisionDefaults = R"({"hidden_size": 768, "intermediate_size": 3072,
  "num_hidden_layers": 12, "num_attention_heads": 12, "num_channels": 3, "image_size": 224, "patch_size": 32})";
// SiglipVisionConfig (vision_use_head: SiglipVisionTransformer creates the head unless the config says
// false)
constexpr std::string_view kSiglipVisionDefaults = R"({"hidden_size": 768, "intermediate_size": 3072,
  "num_hidden_layers": 12, "num_attention_heads": 12, "num_channels": 3, "image_size": 224, "patch_size": 16})";
// PixtralVisionConfig
constexpr std::string_view kPixtralVisionDefaults = R"({"hidden_size": 1024, "intermediate_size": 4096,
  "num_hidden_layers": 24, "num_attention_heads": 16, "num_channels": 3, "image_size": 1024, "patch_size": 16})";
// Idefics3VisionConfig / SmolVLMVisionConfig
constexpr std::string_view kIdefics3VisionDefaults = R"({"hidden_size": 1152, "intermediate_size": 3072,
  "num_hidden_layers": 12, "num_attention_heads": 16, "num_channels": 3, "image_size": 224, "patch_size": 32})";
// Qwen2VLVisionConfig (hidden_size is the merger's output width; embed_dim the ViT's)
constexpr std::string_view kQwen2VisionDefaults = R"({"depth": 32, "embed_dim": 1280, "hidden_size": 3584,
  "mlp_ratio": 4, "num_heads": 16, "in_channels": 3, "patch_size": 14, "spatial_merge_size": 2,
  "temporal_patch_size": 2})";
// Qwen2_5_VLVisionConfig: the keys real configs omit (the 4.49 files give hidden_size, intermediate_size,
// out_hidden_size; depth, patch, merge and temporal sizes are the class's)
constexpr std::string_view kQwen2_5VisionDefaults = R"({"depth": 32, "num_heads": 16, "in_channels": 3,
  "patch_size": 14, "spatial_merge_size": 2, "temporal_patch_size": 2})";
// Qwen3VLVisionConfig (Qwen3_5VisionConfig has the same keys)
constexpr std::string_view kQwen3VisionDefaults = R"({"depth": 27, "hidden_size": 1152, "intermediate_size": 4304,
  "num_heads": 16, "in_channels": 3, "patch_size": 16, "spatial_merge_size": 2, "temporal_patch_size": 2,
  "out_hidden_size": 3584, "num_position_embeddings": 2304})";

// ---- encoders -------------------------------------------------------------------------------------

// A ViT described by CLIP-style keys (CLIPVisionConfig, SiglipVisionConfig, PixtralVisionConfig,
// Idefics3VisionConfig): hidden_size, intermediate_size, num_hidden_layers, num_attention_heads,
// num_channels, image_size, patch_size.
Tower vit_tower(Section& v, TowerLayout layout, std::string name) {
  Tower t;
  t.kind = TowerKind::Vision;
  t.layout = layout;
  t.name = std::move(name);
  t.hidden = v.integer("hidden_size");
  t.intermediate = v.integer("intermediate_size");
  t.layers = v.integer("num_hidden_layers", 1, kMaxTowerLayers);
  t.heads = v.integer("num_attention_heads");
  t.channels = v.integer("num_channels", 1, 16);
  t.patch_size = v.integer("patch_size", 1, 4096);
  if (layout != TowerLayout::PixtralVision) {  // Pixtral: 2-D RoPE, no learned positions
    const std::int64_t image = v.integer("image_size", 1, 1 << 16);
    const std::int64_t side = image / t.patch_size;
    t.position_count = side * side + (layout == TowerLayout::ClipVision ? 1 : 0);  // CLIP: + class position
  }
  if (layout == TowerLayout::SiglipVision) t.use_head = v.flag("vision_use_head", true);
  return t;
}

// The vision encoder a LLaVA-style wrapper builds from vision_config.model_type (AutoModel.from_config).
Tower auto_vision_tower(ConfigView& config, Model& model, std::string_view default_type) {
  const std::string type = Section(config, "vision_config", "", "").text("model_type", std::string(default_type));
  if (type == "clip_vision_model") {
    Section v(config, "vision_config", kClipVisionDefaults, "CLIPVisionConfig");
    return vit_tower(v, TowerLayout::ClipVision, "vision_tower");
  }
  if (type == "siglip_vision_model") {
    Section v(config, "vision_config", kSiglipVisionDefaults, "SiglipVisionConfig");
    return vit_tower(v, TowerLayout::SiglipVision, "vision_tower");
  }
  if (type == "pixtral") {
    Section v(config, "vision_config", kPixtralVisionDefaults, "PixtralVisionConfig");
    return vit_tower(v, TowerLayout::PixtralVision, "vision_tower");
  }
  Tower unknown;
  unknown.name = "vision_tower";
  unknown.note = fmt::format("vision_config.model_type \"{}\": its tensors are not enumerated yet", type);
  model.notes.push_back("Towers: the vision encoder (" + type + ") is not counted; params.towers is unknown");
  return unknown;
}

// vision_feature_layer as a list concatenates that many layers' features into the projector (LLaVA).
std::int64_t feature_layers(ConfigView& config) {
  const json* value = config.root().is_object() && config.root().contains("vision_feature_layer")
                          ? &config.root()["vision_feature_layer"]
                          : nullptr;
  if (value && value->is_array()) return std::max<std::int64_t>(1, static_cast<std::int64_t>(value->size()));
  return 1;
}

// LlavaMultiModalProjector: linear_1 (vision hidden × feature layers → text hidden), GELU, linear_2;
// bias = multimodal_projector_bias (LlavaConfig default true).
Tower llava_projector(ConfigView& config, const Model& model, const Tower& vision) {
  Tower p;
  p.kind = TowerKind::Projector;
  p.layout = TowerLayout::LlavaProjector;
  p.name = "multi_modal_projector";
  p.hidden = vision.hidden * feature_layers(config);
  p.out_hidden = model.hidden_size;
  p.bias = config.bool_named("multimodal_projector_bias", true);
  return p;
}

void push_llava(ConfigView& config, Model& model, std::string_view default_vision, bool image_newline) {
  Tower vision = auto_vision_tower(config, model, default_vision);
  Tower projector = llava_projector(config, model, vision);
  if (vision.layout == TowerLayout::Unknown) projector.layout = TowerLayout::Unknown;
  // LlavaNextModel / LlavaOnevisionModel: image_newline, a Parameter of the text hidden size.
  if (image_newline) projector.extra_params = model.hidden_size;
  model.towers.push_back(std::move(vision));
  model.towers.push_back(std::move(projector));
}

// LLaVA 1.5 (LlavaForConditionalGeneration): CLIP by default.
void towers_llava(ConfigView& config, Model& model) { push_llava(config, model, "clip_vision_model", false); }
// LLaVA-NeXT: the same plus image_newline.
void towers_llava_next(ConfigView& config, Model& model) { push_llava(config, model, "clip_vision_model", true); }
// LLaVA-OneVision: SigLIP by default, plus image_newline.
void towers_llava_onevision(ConfigView& config, Model& model) {
  push_llava(config, model, "siglip_vision_model", true);
}

// Gemma 3 (Gemma3ForConditionalGeneration): SigLIP tower; Gemma3MultiModalProjector.
void towers_gemma3(ConfigView& config, Model& model) {
  if (!Section(config, "vision_config", "", "").in_file()) return;  // a text-only gemma3 config
  Section v(config, "vision_config", kSiglipVisionDefaults, "SiglipVisionConfig");
  Tower vision = vit_tower(v, TowerLayout::SiglipVision, "vision_tower");
  Tower p;
  p.kind = TowerKind::Projector;
  p.layout = TowerLayout::Gemma3Projector;
  p.name = "multi_modal_projector";
  p.hidden = vision.hidden;
  p.out_hidden = model.hidden_size;
  model.towers.push_back(std::move(vision));
  model.towers.push_back(std::move(p));
}

// Mistral 3 (Mistral3ForConditionalGeneration): Pixtral tower; Mistral3MultiModalProjector with the
// patch merger of spatial_merge_size (default 2) and bias = multimodal_projector_bias (default false).
void towers_mistral3(ConfigView& config, Model& model) {
  if (!Section(config, "vision_config", "", "").in_file()) return;
  Tower vision = auto_vision_tower(config, model, "pixtral");
  Tower p;
  p.kind = TowerKind::Projector;
  p.layout = vision.layout == TowerLayout::Unknown ? TowerLayout::Unknown : TowerLayout::Mistral3Projector;
  p.name = "multi_modal_projector";
  p.hidden = vision.hidden;
  p.merge_size = config.int_named("spatial_merge_size", 2, 1, 64);
  p.out_hidden = model.hidden_size;
  p.bias = config.bool_named("multimodal_projector_bias", false);
  if (feature_layers(config) != 1) {
    p.layout = TowerLayout::Unknown;
    p.note = "vision_feature_layer lists several layers: the projector's input width is not enumerated";
  }
  model.towers.push_back(std::move(vision));
  model.towers.push_back(std::move(p));
}

// Qwen2-VL (Qwen2VisionTransformerPretrainedModel as `visual`): embed_dim wide, MLP embed_dim × mlp_ratio,
// merger to vision_config.hidden_size.
void towers_qwen2_vl(ConfigView& config, Model& model) {
  Section v(config, "vision_config", kQwen2VisionDefaults, "Qwen2VLVisionConfig");
  Tower t;
  t.layout = TowerLayout::Qwen2Vision;
  t.name = "visual";
  t.layers = v.integer("depth", 1, kMaxTowerLayers);
  t.hidden = v.integer("embed_dim");
  t.intermediate = t.hidden * v.integer("mlp_ratio", 1, 64);
  t.heads = v.integer("num_heads");
  t.channels = v.integer_any({"in_channels", "in_chans"}, 1, 16);
  t.patch_size = v.integer_any({"patch_size", "spatial_patch_size"}, 1, 4096);
  t.temporal_patch_size = v.integer("temporal_patch_size", 1, 64);
  t.merge_size = v.integer("spatial_merge_size", 1, 64);
  t.out_hidden = v.integer("hidden_size");
  model.towers.push_back(std::move(t));
}

// Qwen2.5-VL (Qwen2_5_VisionTransformerPretrainedModel as `visual`).
void towers_qwen2_5_vl(ConfigView& config, Model& model) {
  Section v(config, "vision_config", kQwen2_5VisionDefaults, "Qwen2_5_VLVisionConfig");
  Tower t;
  t.layout = TowerLayout::Qwen2_5Vision;
  t.name = "visual";
  t.layers = v.integer("depth", 1, kMaxTowerLayers);
  t.hidden = v.integer("hidden_size");
  t.intermediate = v.integer("intermediate_size");
  t.heads = v.integer("num_heads");
  t.channels = v.integer_any({"in_channels", "in_chans"}, 1, 16);
  t.patch_size = v.integer_any({"patch_size", "spatial_patch_size"}, 1, 4096);
  t.temporal_patch_size = v.integer("temporal_patch_size", 1, 64);
  t.merge_size = v.integer("spatial_merge_size", 1, 64);
  t.out_hidden = v.integer("out_hidden_size");
  model.towers.push_back(std::move(t));
}

// Qwen3-VL / Qwen3-VL-MoE (Qwen3VLVisionModel as `visual`): one DeepStack merger per entry of
// deepstack_visual_indexes. Qwen3.5 (Qwen3_5VisionModel(Qwen3VLVisionModel)) deletes
// deepstack_merger_list in its __init__, whatever the config lists: `deepstack` false.
void qwen3_vision(ConfigView& config, Model& model, bool deepstack) {
  if (!Section(config, "vision_config", "", "").in_file()) return;  // a text-only config
  Section v(config, "vision_config", kQwen3VisionDefaults, "Qwen3VLVisionConfig");
  Tower t;
  t.layout = TowerLayout::Qwen3Vision;
  t.name = "visual";
  t.layers = v.integer("depth", 1, kMaxTowerLayers);
  t.hidden = v.integer("hidden_size");
  t.intermediate = v.integer("intermediate_size");
  t.heads = v.integer("num_heads");
  t.channels = v.integer("in_channels", 1, 16);
  t.patch_size = v.integer("patch_size", 1, 4096);
  t.temporal_patch_size = v.integer("temporal_patch_size", 1, 64);
  t.merge_size = v.integer("spatial_merge_size", 1, 64);
  t.out_hidden = v.integer("out_hidden_size");
  t.position_count = v.integer("num_position_embeddings", 1, 1 << 24);
  t.deepstack_mergers = deepstack ? v.list_size("deepstack_visual_indexes", 3) : 0;
  model.towers.push_back(std::move(t));
}

void towers_qwen3_vl(ConfigView& config, Model& model) { qwen3_vision(config, model, true); }

// PaliGemma: SigLIP tower; PaliGemmaMultiModalProjector, one biased Linear(vision hidden, projection_dim)
// (PaliGemmaConfig projection_dim, default 2048).
void towers_paligemma(ConfigView& config, Model& model) {
  Section v(config, "vision_config", kSiglipVisionDefaults, "SiglipVisionConfig");
  Tower vision = vit_tower(v, TowerLayout::SiglipVision, "vision_tower");
  Tower p;
  p.kind = TowerKind::Projector;
  p.layout = TowerLayout::LinearProjector;
  p.name = "multi_modal_projector";
  p.hidden = vision.hidden;
  const json& root = config.root();
  p.out_hidden = root.contains("projection_dim") ? config.int_named("projection_dim", 2048, 1, 1 << 20) : 2048;
  model.towers.push_back(std::move(vision));
  model.towers.push_back(std::move(p));
}

// Idefics3 / SmolVLM: their vision transformer (SigLIP layout without head) and the pixel-shuffle
// connector, Linear(vision hidden × scale_factor², text hidden) without bias (scale_factor default 2).
void towers_idefics3(ConfigView& config, Model& model) {
  Section v(config, "vision_config", kIdefics3VisionDefaults, "Idefics3VisionConfig");
  Tower vision = vit_tower(v, TowerLayout::SiglipVision, "model.vision_model");
  vision.use_head = false;  // Idefics3VisionTransformer has no pooling head
  Tower p;
  p.kind = TowerKind::Projector;
  p.layout = TowerLayout::PixelShuffleProjector;
  p.name = "model.connector";
  p.hidden = vision.hidden;
  p.merge_size = config.int_named("scale_factor", 2, 1, 64);
  p.out_hidden = model.hidden_size;
  model.towers.push_back(std::move(vision));
  model.towers.push_back(std::move(p));
}

// Aya Vision: SigLIP tower; AyaVisionMultiModalProjector (downsample_factor default 2,
// alignment_intermediate_size default 28672).
void towers_aya_vision(ConfigView& config, Model& model) {
  Tower vision = auto_vision_tower(config, model, "siglip_vision_model");
  Tower p;
  p.kind = TowerKind::Projector;
  p.layout = vision.layout == TowerLayout::Unknown ? TowerLayout::Unknown : TowerLayout::AyaVisionProjector;
  p.name = "multi_modal_projector";
  p.hidden = vision.hidden;
  p.merge_size = config.int_named("downsample_factor", 2, 1, 64);
  p.intermediate = config.int_named("alignment_intermediate_size", 28672, 2, 1 << 20);
  p.out_hidden = model.hidden_size;
  model.towers.push_back(std::move(vision));
  model.towers.push_back(std::move(p));
}

// LlamaConfig defaults (transformers configuration_llama.py): LLaVA 1.5's text_config gives only
// vocab_size, max_position_embeddings and rms_norm_eps.
constexpr std::string_view kLlamaDefaults = R"({"vocab_size": 32000, "hidden_size": 4096,
  "intermediate_size": 11008, "num_hidden_layers": 32, "num_attention_heads": 32, "hidden_act": "silu",
  "max_position_embeddings": 2048, "rms_norm_eps": 1e-6, "rope_theta": 10000.0, "tie_word_embeddings": false})";

// MistralConfig defaults (transformers configuration_mistral.py).
constexpr std::string_view kMistralDefaults = R"({"vocab_size": 32000, "hidden_size": 4096,
  "intermediate_size": 14336, "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8,
  "hidden_act": "silu", "max_position_embeddings": 131072, "rms_norm_eps": 1e-6, "rope_theta": 10000.0,
  "tie_word_embeddings": false})";

constexpr WrapperRow kWrappers[] = {
    {"llava", "LLaVA", "llama", "", towers_llava, "LlavaForConditionalGeneration"},
    {"llava_next", "LLaVA-NeXT", "llama", "", towers_llava_next, "LlavaNextForConditionalGeneration"},
    {"llava_onevision", "LLaVA-OneVision", "qwen2", "", towers_llava_onevision,
     "LlavaOnevisionForConditionalGeneration"},
    {"qwen2_vl", "Qwen2-VL", "qwen2", "qwen2_vl_text", towers_qwen2_vl, "Qwen2VLForConditionalGeneration"},
    {"qwen2_5_vl", "Qwen2.5-VL", "qwen2", "qwen2_5_vl_text", towers_qwen2_5_vl, "Qwen2_5_VLForConditionalGeneration"},
    {"qwen3_vl", "Qwen3-VL", "qwen3", "qwen3_vl_text", towers_qwen3_vl, "Qwen3VLForConditionalGeneration"},
    {"qwen3_vl_moe", "Qwen3-VL-MoE", "qwen3_moe", "qwen3_vl_moe_text", towers_qwen3_vl,
     "Qwen3VLMoeForConditionalGeneration"},
    {"paligemma", "PaliGemma", "gemma", "", towers_paligemma, "PaliGemmaForConditionalGeneration"},
    {"idefics3", "Idefics3", "llama", "", towers_idefics3, "Idefics3ForConditionalGeneration"},
    {"smolvlm", "SmolVLM", "llama", "", towers_idefics3, "SmolVLMForConditionalGeneration"},
    {"aya_vision", "Aya Vision", "cohere2", "", towers_aya_vision, "AyaVisionForConditionalGeneration"},
};

}  // namespace

std::span<const WrapperRow> wrapper_table() { return kWrappers; }

const WrapperRow* find_wrapper(std::string_view model_type) {
  for (const WrapperRow& row : kWrappers)
    if (row.model_type == model_type) return &row;
  return nullptr;
}

const WrapperRow* find_wrapper_by_architecture(std::string_view architecture) {
  if (architecture.empty()) return nullptr;
  for (const WrapperRow& row : kWrappers)
    if (row.architecture == architecture) return &row;
  return nullptr;
}

std::string wrapper_decoder_type(const WrapperRow& row, const json& config) {
  if (config.is_object()) {
    auto text = config.find("text_config");
    if (text != config.end() && text->is_object()) {
      auto type = text->find("model_type");
      if (type != text->end() && type->is_string() && type->get<std::string>() != row.text_type)
        return type->get<std::string>();
    }
  }
  return std::string(row.decoder);
}

TextDefaults wrapper_text_defaults(std::string_view decoder_type) {
  if (decoder_type == "llama") return {"LlamaConfig", kLlamaDefaults};
  if (decoder_type == "mistral") return {"MistralConfig", kMistralDefaults};
  return {};
}

void read_wrapper_towers(std::string_view model_type, ConfigView& config, Model& model) {
  if (const WrapperRow* row = find_wrapper(model_type)) {
    row->towers(config, model);
  } else if (model_type == "gemma3") {
    towers_gemma3(config, model);
  } else if (model_type == "mistral3") {
    towers_mistral3(config, model);
  } else if (model_type == "qwen3_5" || model_type == "qwen3_5_moe") {
    qwen3_vision(config, model, false);
  }
  for (const Tower& tower : model.towers)
    config.note_source("towers." + tower.name,
                       tower.kind == TowerKind::Projector ? "projector keys" : "vision_config");
}

}  // namespace llmg
