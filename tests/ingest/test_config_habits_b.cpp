// Set B (issue 12): config habits of the field, each from transformers' reference semantics
// (configuration_qwen2.py / configuration_qwen2_moe.py / configuration_ministral.py __post_init__ at
// huggingface/transformers @008e5743), and LFM2's short-conv state, each with real values.
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/facts.h"
#include "analysis/memory.h"
#include "ingest/config/hf_config.h"
#include "family_data.h"

namespace {

using nlohmann::json;
using llmg::testing::family_config;

std::string mix(const llmg::Model& model) {
  std::string out;
  for (const auto& k : llmg::compute_facts(model).layer_mix)
    out += (out.empty() ? "" : ", ") + k.kind + ":" + std::to_string(k.count);
  return out;
}

// Qwen2.5-0.5B's shapes (the qwen2 case of test_families.cpp) with the window switched on.
json qwen2_config() {
  return json::parse(R"({"model_type": "qwen2", "hidden_size": 896, "intermediate_size": 4864,
      "num_hidden_layers": 24, "num_attention_heads": 14, "num_key_value_heads": 2, "vocab_size": 151936,
      "max_position_embeddings": 32768, "max_window_layers": 20, "sliding_window": 4096,
      "use_sliding_window": true, "tie_word_embeddings": true})");
}

// Qwen2Config: layer i is sliding when use_sliding_window and i >= max_window_layers (the current rule;
// the first layers attend fully).
TEST(ConfigHabits, Qwen2MaxWindowLayersWindowsTheLayersFromThatIndexOn) {
  auto model = llmg::read_config_json(qwen2_config(), "qwen2.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  EXPECT_EQ(mix(*model), "full_attention:20, sliding_attention:4");
  EXPECT_EQ(model->layers[20].attention.window, 4096);
  EXPECT_EQ(model->layers[19].attention.window, 0);
}

// use_sliding_window false sets sliding_window to None: no layer is windowed, whatever layer_types says.
TEST(ConfigHabits, UseSlidingWindowFalseMeansNoWindowEvenWithLayerTypes) {
  json config = qwen2_config();
  config["use_sliding_window"] = false;
  config["layer_types"] = json::array();
  for (int i = 0; i < 24; ++i) config["layer_types"].push_back("sliding_attention");
  auto model = llmg::read_config_json(config, "qwen2.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  EXPECT_EQ(mix(*model), "full_attention:24");
  for (const char* type : {"qwen2_moe"}) {
    auto moe = llmg::read_config_json(family_config(type), "qwen2_moe.json");  // use_sliding_window false
    ASSERT_TRUE(moe.has_value()) << moe.error().message;
    EXPECT_EQ(mix(*moe), "full_attention:24");
  }
}

// Qwen2MoeConfig: layer i is sliding when use_sliding_window, i is even ((i + 1) % 2) and
// i < max_window_layers. Qwen1.5-MoE-A2.7B (max_window_layers 21) with the window on: 0, 2, ..., 20.
TEST(ConfigHabits, Qwen2MoeWindowsEvenLayersBelowMaxWindowLayers) {
  json config = family_config("qwen2_moe");
  config["use_sliding_window"] = true;
  auto model = llmg::read_config_json(config, "qwen2_moe.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  int sliding = 0;
  for (std::size_t i = 0; i < model->layers.size(); ++i) {
    const bool expected = i % 2 == 0 && i < 21;
    EXPECT_EQ(model->layers[i].is_windowed(), expected) << "layer " << i;
    sliding += expected;
  }
  EXPECT_EQ(sliding, 11);
  EXPECT_EQ(model->layers[0].attention.window, 32768);
}

// MinistralConfig without layer_types: every layer sliding when sliding_window is set, none when null.
TEST(ConfigHabits, SlidingWindowWithoutLayerTypesWindowsEveryMinistralLayer) {
  json config = family_config("ministral");
  auto windowed = llmg::read_config_json(config, "ministral.json");
  ASSERT_TRUE(windowed.has_value()) << windowed.error().message;
  EXPECT_EQ(mix(*windowed), "sliding_attention:32");
  config["sliding_window"] = nullptr;
  auto full = llmg::read_config_json(config, "ministral.json");
  ASSERT_TRUE(full.has_value()) << full.error().message;
  EXPECT_EQ(mix(*full), "full_attention:32");
}

// A config without model_type whose architectures[0] names a row's class reads as that row; the source
// is noted. An unknown class stays the missing-model_type error.
TEST(ConfigHabits, ModelTypeMissingButArchitecturesNamesAKnownClass) {
  json config = family_config("qwen2_moe");
  config.erase("model_type");
  auto model = llmg::read_config_json(config, "config.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  EXPECT_EQ(model->model_type, "qwen2_moe");
  EXPECT_EQ(llmg::compute_facts(*model).params.total, 14315784192);
  EXPECT_EQ(model->key_sources.at("model_type"), "architectures[0] (no model_type key)");
  json glm = family_config("glm");  // a row without a GGUF name: its own architecture class
  glm.erase("model_type");
  auto glm_model = llmg::read_config_json(glm, "config.json");
  ASSERT_TRUE(glm_model.has_value()) << glm_model.error().message;
  EXPECT_EQ(glm_model->model_type, "glm");
  config["architectures"] = json::array({"NoSuchForCausalLM"});
  auto unknown = llmg::read_config_json(config, "config.json");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message.find("key 'model_type'"), std::string::npos) << unknown.error().message;
}

// LFM2-1.2B's short-conv layers keep conv_L_cache positions per channel at bf16: 10 layers × 2048 × 3 × 2
// = 122,880 B per sequence (shared case 05), and no KV cache.
TEST(ConfigHabits, Lfm2ShortConvStateIsTheConvWindow) {
  auto model = llmg::read_config_json(family_config("lfm2"), "lfm2.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  std::int64_t state = 0;
  int conv = 0;
  for (const llmg::Layer& layer : model->layers) {
    state += llmg::recurrent_state_bytes(layer);
    if (layer.mixer == llmg::MixerKind::ShortConv) {
      ++conv;
      EXPECT_FALSE(layer.has_kv());
      EXPECT_EQ(layer.ffn.intermediate_size, 8192);  // block_ff_dim 12288 -> int(2 × 12288 / 3), multiple of 256
    }
  }
  EXPECT_EQ(conv, 10);
  EXPECT_EQ(state, 122880);
  EXPECT_EQ(llmg::compute_facts(*model).recurrent_layers, 10);
}

}  // namespace

namespace {

// RWKV-4 Pile 7B shapes: per layer 5 vectors of 4096 channels, 2 token-shift vectors at bf16 and the WKV
// numerator, denominator and max at fp32: 4096 × (2 × 2 + 3 × 4) = 65,536 B; × 32 = 2,097,152 B.
TEST(ConfigHabits, Rwkv4StateIsFiveVectorsPerLayer) {
  auto model = llmg::read_config_json(family_config("rwkv"), "rwkv.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  std::int64_t state = 0;
  for (const llmg::Layer& layer : model->layers) state += llmg::recurrent_state_bytes(layer);
  EXPECT_EQ(state, 2097152);
}

// MiniMax-01 defaults: 16 lightning layers, each a 32 × 128 × 128 fp32 state = 2,097,152 B; 33,554,432 B.
TEST(ConfigHabits, MiniMaxLightningStateIsAHeadDimSquareMatrixPerHead) {
  auto model = llmg::read_config_json(family_config("minimax"), "minimax.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  std::int64_t state = 0;
  for (const llmg::Layer& layer : model->layers) state += llmg::recurrent_state_bytes(layer);
  EXPECT_EQ(state, 33554432);
  EXPECT_EQ(model->layers[1].mixer, llmg::MixerKind::LightningAttention);
  EXPECT_EQ(model->layers[0].mixer, llmg::MixerKind::Attention);
}

}  // namespace

namespace {

// RecurrentGemma defaults: 18 recurrent layers, each the LRU vector 2560 × 4 B + conv window 2560 × 3 × 2 B
// = 25,600 B; 460,800 B per sequence.
TEST(ConfigHabits, RecurrentGemmaStateIsTheLruVectorAndConvWindow) {
  auto model = llmg::read_config_json(family_config("recurrent_gemma"), "recurrent_gemma.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  std::int64_t state = 0;
  for (const llmg::Layer& layer : model->layers) state += llmg::recurrent_state_bytes(layer);
  EXPECT_EQ(state, 460800);
  EXPECT_EQ(model->layers[2].attention.window, 2048);
}

}  // namespace
