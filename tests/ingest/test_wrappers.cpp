// Multimodal wrappers (issue 12 item 2): the language model read through text_config's family row
// (params.total / active unchanged by the towers) and the towers counted apart (params.towers), each
// against the arithmetic of tests/data/families/count_wrappers.py (tensor shapes of the reference
// modeling file) and, where one exists, a published figure. Provenance: SOURCES-wrappers.tsv,
// EXPECTED-wrappers.tsv.
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/params.h"
#include "catalog/published.h"
#include "ingest/config/hf_config.h"
#include "ingest/families/wrappers.h"
#include "render/text/published.h"

namespace {

struct TowerExpect {
  std::string_view name;
  std::int64_t parameters;
};

struct WrapperCase {
  std::string_view model_type;
  std::string_view file;  // under tests/data/families, or "catalog:<slug>"
  std::int64_t layers;
  std::int64_t total;   // language model
  std::int64_t towers;  // params.towers
  std::vector<TowerExpect> detail;
};

std::string config_path(std::string_view file) {
  const std::string data = LLMG_TEST_DATA;
  if (file.starts_with("catalog:")) return data + "/../../catalog/configs/" + std::string(file.substr(8)) + ".json";
  return data + "/families/" + std::string(file);
}

const std::vector<WrapperCase>& cases() {
  static const std::vector<WrapperCase> k = {
      // LlavaConfig defaults (Llama-2-7B text, CLIP ViT-L/14-336): text 6,738,415,616 (Llama-2-7B's exact
      // count). CLIP: class 1,024 + patch 1,024·3·14·14 = 602,112 + positions (24² + 1)·1,024 = 590,848 +
      // pre-LN 2,048 + 24 × (LN 2,048 + 4 × (1,024² + 1,024) = 4,198,400 + LN 2,048 + fc1 4,198,400 + fc2
      // 4,195,328 = 12,596,224) = 302,309,376 + post-LN 2,048 = 303,507,456 (CLIP ViT-L/14's vision tower,
      // "304M"); projector 1,024·4,096 + 4,096 + 4,096² + 4,096 = 20,979,712.
      {"llava", "llava.json", 32, 6738415616, 324487168,
       {{"vision_tower", 303507456}, {"multi_modal_projector", 20979712}}},
      // llava-hf/llava-1.5-7b-hf's real config (partial text_config completed by LlamaConfig defaults, as
      // transformers does): text 32 × 202,383,360 + 2 × 32,064·4,096 + 4,096 = 6,738,939,904; towers as
      // above; sum 7,063,427,072, the model page's "7.06B params".
      {"llava", "llava-1.5-7b-hf.json", 32, 6738939904, 324487168,
       {{"vision_tower", 303507456}, {"multi_modal_projector", 20979712}}},
      // llava-hf/llava-v1.6-mistral-7b-hf (config as transcribed in TensorRT-LLM's test, its vision depth
      // restored to 24 as the file's comment says; MistralConfig defaults complete text_config): text 32 ×
      // (attention 41,943,040 + MLP 176,160,768 + norms 8,192) + 2 × 32,064·4,096 + 4,096 = 7,242,256,384;
      // towers CLIP 303,507,456 + projector 20,979,712 + image_newline 4,096 = 324,491,264; sum
      // 7,566,747,648 ("7.57B params" on the model page).
      {"llava_next", "llava_next.json", 32, 7242256384, 324491264,
       {{"vision_tower", 303507456}, {"multi_modal_projector", 20983808}}},
      // Qwen2VLConfig defaults (72B text shapes). Vision: patch 1,280·3·2·14·14 = 1,505,280; 32 blocks ×
      // (norms 5,120 + qkv 4,919,040 + proj 1,639,680 + fc1 6,558,720 + fc2 6,554,880 = 19,677,440) =
      // 629,678,080; merger LN 2,560 + 5,120² + 5,120 + 5,120·3,584 + 3,584 = 44,575,744 → 675,759,104
      // (Qwen2-VL paper, Table 1: ViT 675M).
      {"qwen2_vl", "qwen2_vl.json", 80, 72706203648, 675759104, {{"visual", 675759104}}},
      // Qwen2.5-VL-32B (flat 4.49 config, class defaults depth 32, patch 14). Vision 688,841,984; text +
      // vision 33,452,718,336 against the model page's "33.5B".
      {"qwen2_5_vl", "qwen2_5_vl.json", 64, 32763876352, 688841984, {{"visual", 688841984}}},
      // Qwen3-VL-8B: text 8,190,735,360 + vision 576,388,336 = 8,767,123,696, the weight statistics of its
      // four safetensors files (EXPECTED-b.tsv, find_string id 62543607479): exact.
      {"qwen3_vl", "qwen3_vl.json", 36, 8190735360, 576388336, {{"visual", 576388336}}},
      // Qwen3-VL-30B-A3B: vision 538,631,408 (out_hidden_size 2,048).
      {"qwen3_vl_moe", "qwen3_vl_moe.json", 48, 30532122624, 538631408, {{"visual", 538631408}}},
      // Gemma 3 27B: SigLIP-So400m without head at 896 px: 416,866,032 — the Gemma 3 report's Table 1
      // "vision encoder 417M"; projector 1,152·5,376 + 1,152 = 6,194,304.
      {"gemma3", "catalog:gemma-3-27b", 62, 27009346304, 423060336,
       {{"vision_tower", 416866032}, {"multi_modal_projector", 6194304}}},
      // Mistral Small 3.1: Pixtral 1,024·3·14·14 + 1,024 + 24 × (2,048 + 4·1,024² + 3·1,024·4,096) =
      // 403,305,472; projector norm 1,024 + merger 4,096·1,024 + 1,024·5,120 + 5,120² = 35,652,608; text +
      // towers 24,011,361,280 against the card's "24 billion parameters".
      {"mistral3", "catalog:mistral-small-3-1-24b", 40, 23572403200, 438958080,
       {{"vision_tower", 403305472}, {"multi_modal_projector", 35652608}}},
      // Qwen3.6-27B (qwen3_5): Qwen3-VL vision without DeepStack mergers, out 5,120: 460,730,096.
      {"qwen3_5", "catalog:qwen3-6-27b", 64, 26895998464, 460730096, {{"visual", 460730096}}},
  };
  return k;
}

llmg::Model read(std::string_view file) {
  auto model = llmg::read_config_path(config_path(file));
  EXPECT_TRUE(model.has_value()) << (model ? "" : model.error().message);
  return model ? *model : llmg::Model{};
}

TEST(Wrappers, LanguageModelAndTowersAreCountedApart) {
  for (const WrapperCase& c : cases()) {
    SCOPED_TRACE(std::string(c.model_type));
    const llmg::Model model = read(c.file);
    EXPECT_EQ(model.model_type, c.model_type);
    EXPECT_EQ(model.layer_count(), c.layers);
    auto counts = llmg::count_parameters(model);
    ASSERT_TRUE(counts.has_value());
    EXPECT_EQ(counts->total, c.total);
    EXPECT_EQ(counts->towers, c.towers);
    ASSERT_EQ(counts->towers_detail.size(), c.detail.size());
    for (std::size_t i = 0; i < c.detail.size(); ++i) {
      EXPECT_EQ(counts->towers_detail[i].name, c.detail[i].name);
      EXPECT_EQ(counts->towers_detail[i].parameters, c.detail[i].parameters);
    }
  }
}

// Tower enumerations on compact configs: the Qwen2-0.5B decoder of the qwen2 family case (494,032,768,
// tests/ingest/test_families.cpp) inside each wrapper, with the tower shapes of the family's released
// models (SigLIP-So400m: 1,152 wide, MLP 4,304, patch 14). These configs are written for the test, not
// copied from a checkpoint; the arithmetic is count_wrappers.py's siglip() and the projector formulas.
constexpr std::string_view kQwen2Text = R"("text_config": {"model_type": "qwen2", "hidden_size": 896,
    "intermediate_size": 4864, "num_hidden_layers": 24, "num_attention_heads": 14, "num_key_value_heads": 2,
    "vocab_size": 151936, "max_position_embeddings": 32768, "rms_norm_eps": 1e-06, "rope_theta": 1000000.0,
    "use_sliding_window": false, "tie_word_embeddings": true})";

struct InlineCase {
  std::string_view model_type;
  std::string towers_json;  // the wrapper's keys besides text_config
  std::int64_t towers;
  std::vector<TowerExpect> detail;
};

TEST(Wrappers, TowerEnumerationsOnCompactConfigs) {
  const std::vector<InlineCase> k = {
      // SigLIP 26 layers at 384 px without head: patch 1,152·3·14·14 + 1,152 = 678,528; positions 27² ·
      // 1,152 = 839,808; 26 × 15,239,504 = 396,227,104; post-LN 2,304 → 397,747,744. Projector 1,152·896 +
      // 896 + 896² + 896 = 1,836,800, image_newline 896 → 1,837,696.
      {"llava_onevision", R"("vision_feature_layer": -1, "vision_config": {"model_type": "siglip_vision_model",
          "hidden_size": 1152, "intermediate_size": 4304, "num_hidden_layers": 26, "num_attention_heads": 16,
          "image_size": 384, "patch_size": 14, "vision_use_head": false})",
       399585440, {{"vision_tower", 397747744}, {"multi_modal_projector", 1837696}}},
      // vision_use_head absent: SiglipVisionTransformer builds the pooling head (probe 1,152, in_proj 3 ×
      // 1,152² + 3,456, out_proj 1,152² + 1,152, LN 2,304, MLP 4,962,512 + 4,959,360 → 15,238,352). SigLIP
      // 27 layers at 224 px: 678,528 + 256 · 1,152 + 27 × 15,239,504 + 2,304 = 412,442,352, + head =
      // 427,680,704. Projector Linear(1,152, projection_dim 896) with bias: 1,033,088.
      {"paligemma", R"("projection_dim": 896, "vision_config": {"model_type": "siglip_vision_model",
          "hidden_size": 1152, "intermediate_size": 4304, "num_hidden_layers": 27, "num_attention_heads": 16,
          "image_size": 224, "patch_size": 14})",
       428713792, {{"vision_tower", 427680704}, {"multi_modal_projector", 1033088}}},
      // Idefics3 vision at 364 px (26² = 676 positions): 678,528 + 778,752 + 411,466,608 + 2,304 =
      // 412,926,192; connector 1,152 · 2² × 896 = 4,128,768 (no bias).
      {"idefics3", R"("scale_factor": 2, "vision_config": {"hidden_size": 1152, "intermediate_size": 4304,
          "num_hidden_layers": 27, "num_attention_heads": 16, "image_size": 364, "patch_size": 14})",
       417054960, {{"model.vision_model", 412926192}, {"model.connector", 4128768}}},
      // SmolVLM-256M's vision shapes (768 wide, 12 layers, 512 px, patch 16 → 1,024 positions): 590,592 +
      // 786,432 + 12 × 7,087,872 + 1,536 = 86,433,024; connector 768 · 4² × 896 = 11,010,048.
      {"smolvlm", R"("scale_factor": 4, "vision_config": {"hidden_size": 768, "intermediate_size": 3072,
          "num_hidden_layers": 12, "num_attention_heads": 12, "image_size": 512, "patch_size": 16})",
       97443072, {{"model.vision_model", 86433024}, {"model.connector", 11010048}}},
      // Aya Vision projector: LayerNorm 2 × 4,608 + Linear(4,608, 28,672) 132,149,248 + Linear(14,336, 896)
      // 12,845,952 = 145,004,416 (alignment_intermediate_size 28,672, downsample 2).
      {"aya_vision", R"("downsample_factor": 2, "alignment_intermediate_size": 28672, "vision_config": {
          "model_type": "siglip_vision_model", "hidden_size": 1152, "intermediate_size": 4304,
          "num_hidden_layers": 27, "num_attention_heads": 16, "image_size": 364, "patch_size": 14,
          "vision_use_head": false})",
       557930608, {{"vision_tower", 412926192}, {"multi_modal_projector", 145004416}}},
  };
  for (const InlineCase& c : k) {
    SCOPED_TRACE(std::string(c.model_type));
    const std::string text = "{\"model_type\": \"" + std::string(c.model_type) + "\", " + std::string(kQwen2Text) +
                             ", " + c.towers_json + "}";
    auto model = llmg::read_config_text(text, "c.json");
    ASSERT_TRUE(model.has_value()) << model.error().message;
    auto counts = llmg::count_parameters(*model);
    ASSERT_TRUE(counts.has_value());
    EXPECT_EQ(counts->total, 494032768);  // the decoder alone, as the qwen2 family case
    EXPECT_EQ(counts->towers, c.towers);
    ASSERT_EQ(counts->towers_detail.size(), c.detail.size());
    for (std::size_t i = 0; i < c.detail.size(); ++i) {
      EXPECT_EQ(counts->towers_detail[i].name, c.detail[i].name);
      EXPECT_EQ(counts->towers_detail[i].parameters, c.detail[i].parameters);
    }
  }
}

// A published total that includes the towers is compared with total + towers when they are counted
// (Mistral Small 3.1: 23,572,403,200 + 438,958,080 = 24,011,361,280 against "24B").
TEST(Wrappers, PublishedTotalWithTowersAddsCountedTowers) {
  llmg::ParameterCounts p;
  p.total = 23'572'403'200;
  p.towers = 438'958'080;
  llmg::PublishedFigures f;
  f.includes = "towers";
  f.convention = "active_with_embeddings";
  f.total = *llmg::parse_published_figure("24B");
  auto c = llmg::compare_published(f, p);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].convention, "total+towers");
  EXPECT_EQ(c[0].derived, 24'011'361'280);
  EXPECT_TRUE(c[0].within);
  f.total = *llmg::parse_published_figure("23.6B");  // the language model alone would match; with towers not
  EXPECT_FALSE(llmg::compare_published(f, p)[0].within);
  p.towers = -1;  // not counted: only a larger published total is allowed, as before
  f.total = *llmg::parse_published_figure("24B");
  EXPECT_TRUE(llmg::compare_published(f, p)[0].within);
  EXPECT_EQ(llmg::compare_published(f, p)[0].convention, "total");
}

// Qwen3_5VisionModel deletes Qwen3-VL's DeepStack mergers in __init__: a Qwen3.5 config that lists
// deepstack_visual_indexes still has none (transformers models/qwen3_5/modular_qwen3_5.py).
TEST(Wrappers, Qwen3_5VisionHasNoDeepStackMergers) {
  std::ifstream in(config_path("catalog:qwen3-6-27b"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = "\"deepstack_visual_indexes\": []";
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "\"deepstack_visual_indexes\": [8, 16, 24]");
  auto model = llmg::read_config_text(text, "qwen3-6-27b.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  auto counts = llmg::count_parameters(*model);
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->towers, 460730096);
}

// A wrapper config without model_type is read by the row whose class architectures[0] names.
TEST(Wrappers, ArchitectureNamesTheWrapperWhenModelTypeIsMissing) {
  std::ifstream in(config_path("llava-1.5-7b-hf.json"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = "\"model_type\": \"llava\",";
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.erase(at, from.size());
  auto model = llmg::read_config_text(text, "config.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  EXPECT_EQ(model->model_type, "llava");
  EXPECT_EQ(model->key_sources.at("model_type"), "architectures[0] (no model_type key)");
  auto counts = llmg::count_parameters(*model);
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->total, 6738939904);
  EXPECT_EQ(counts->towers, 324487168);
}

TEST(Wrappers, TextOnlyConfigsHaveNoTowers) {
  const llmg::Model model = read("catalog:gemma-3-270m");
  auto counts = llmg::count_parameters(model);
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->towers, 0);
  EXPECT_TRUE(counts->towers_detail.empty());
}

TEST(Wrappers, UnknownDecoderTypeNamesTheKey) {
  auto model = llmg::read_config_text(
      R"({"model_type": "llava", "text_config": {"model_type": "no_such_decoder", "hidden_size": 8}})", "c.json");
  ASSERT_FALSE(model.has_value());
  EXPECT_NE(model.error().message.find("c.json: key 'text_config.model_type'"), std::string::npos)
      << model.error().message;
  EXPECT_NE(model.error().message.find("no_such_decoder"), std::string::npos);
}

TEST(Wrappers, BadTowerKeyIsRefusedWithItsPath) {
  std::ifstream in(config_path("llava.json"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = "\"num_hidden_layers\": 24", to = "\"num_hidden_layers\": \"many\"";
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), to);
  auto model = llmg::read_config_text(text, "llava.json");
  ASSERT_FALSE(model.has_value());
  EXPECT_NE(model.error().message.find("llava.json: key 'vision_config.num_hidden_layers'"), std::string::npos)
      << model.error().message;
}

TEST(Wrappers, UncountableEncoderLeavesTowersUnknown) {
  auto model = llmg::read_config_text(R"({"model_type": "llava", "text_config": {"model_type": "llama",
      "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2, "num_attention_heads": 4,
      "vocab_size": 100}, "vision_config": {"model_type": "some_new_vit", "hidden_size": 32}})",
                                          "c.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  auto counts = llmg::count_parameters(*model);
  ASSERT_TRUE(counts.has_value());
  EXPECT_EQ(counts->towers, -1);
  ASSERT_EQ(counts->towers_detail.size(), 2u);
  EXPECT_EQ(counts->towers_detail[0].parameters, -1);
  EXPECT_GT(counts->total, 0);
}

}  // namespace
