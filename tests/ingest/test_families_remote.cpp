// Remote-code families (issue 12 item 3): what the table cases of test_families.cpp do not pin — active and
// non-embedding counts against the published figures, MiMo's MTP layer, auto_map's modeling file on the
// fact sheet, GLM-4-9b-chat through the chatglm row, Baichuan's RoPE/ALiBi switch and the refusals. Configs
// and provenance: tests/data/families (SOURCES-remote.tsv), arithmetic: compute-remote.py.
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/facts.h"
#include "analysis/validate.h"
#include "ingest/config/hf_config.h"

namespace {

using nlohmann::json;

std::string family_text(const std::string& file) {
  std::ifstream in(std::string(LLMG_TEST_DATA) + "/families/" + file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

llmg::Result<llmg::Model> read_text(const std::string& text, const std::string& file) {
  return llmg::checked_model(llmg::read_config_text(text, file), file);
}

llmg::Model read_file(const std::string& file) {
  auto model = read_text(family_text(file), file);
  EXPECT_TRUE(model.has_value()) << (model ? "" : model.error().message);
  return model ? *model : llmg::Model{};
}

// deepseek-moe-16b-base: per MoE layer 6 of 64 experts run: attention 16,777,216 + 6 × 8,650,752 + shared
// 17,301,504 + gate 131,072 + norms 4,096 = 86,118,400 × 27 = 2,325,196,800; + dense layer 0 84,021,248 +
// final norm 2,048 + LM head 209,715,200 = 2,618,935,296; with the input embedding 2,828,650,496 (card:
// "2.8B activated", https://huggingface.co/deepseek-ai/deepseek-moe-16b-base).
TEST(RemoteFamilies, DeepSeekV1ActiveParameters) {
  const llmg::Facts facts = llmg::compute_facts(read_file("deepseek.json"));
  EXPECT_EQ(facts.params.active, 2618935296);
  EXPECT_EQ(facts.params.active_with_embeddings, 2828650496);
  EXPECT_EQ(facts.moe_layers, 27);
}

// MiniCPM's card counts "non-embedding" parameters: MiniCPM-1B 23,989,248 × 52 + 1,536 = 1,247,442,432
// ("1.2B non-embedding"); MiniCPM3-4B 62,674,944 × 62 + 2,560 = 3,885,849,088. Tied: the shared matrix is
// left out of non-embedding and counted once (as the LM head) in the total.
TEST(RemoteFamilies, MiniCpmNonEmbeddingParameters) {
  EXPECT_EQ(llmg::compute_facts(read_file("minicpm.json")).params.active_non_embedding, 1247442432);
  EXPECT_EQ(llmg::compute_facts(read_file("minicpm3.json")).params.active_non_embedding, 3885849088);
}

// MiMo-7B: one MiMoMTPLayers block = a Qwen2 decoder block 177,223,680 + token_layernorm, hidden_layernorm,
// final_layernorm 3 × 4,096 + input_proj 2 × 4096 × 4096 = 210,790,400, counted apart from the total
// (7,622,619,136 + 210,790,400 = 7,833,409,536, HF's "7.83B").
TEST(RemoteFamilies, MimoMtpLayer) {
  const llmg::Model model = read_file("mimo.json");
  ASSERT_EQ(model.mtp_layers.size(), 1u);
  EXPECT_EQ(llmg::compute_facts(model).params.mtp, 210790400);
}

// The config's auto_map names the remote modeling class; the "<repo>--" prefix of a cached config is dropped.
TEST(RemoteFamilies, AutoMapModelingFileIsRecorded) {
  EXPECT_EQ(read_file("chatglm.json").key_sources.at("remote_code"),
            "modeling_chatglm.ChatGLMForConditionalGeneration (auto_map.AutoModelForCausalLM)");
  EXPECT_EQ(read_file("exaone.json").key_sources.at("remote_code"),
            "modeling_exaone.ExaoneForCausalLM (auto_map.AutoModelForCausalLM)");
  // qwen.json is a copy without auto_map: the reference modeling file the reader follows is named instead.
  EXPECT_EQ(read_file("qwen.json").key_sources.at("remote_code"),
            "modeling_qwen.py (QWenLMHeadModel) (reference; the file has no auto_map)");
}

// THUDM/glm-4-9b-chat (remote code, snapshot f6e0743b): the chatglm layout at GLM-4's shapes gives the glm
// row's total (transformers' GlmForCausalLM is the same checkpoint): 203,960,832 × 40 + 4,096 +
// 2 × 151552 · 4096 = 9,399,951,360; rope base 10000 × rope_ratio 500 = 5,000,000 over half of each head.
// KV 40 × 2 × 2 × 128 × 2 = 40,960.
TEST(RemoteFamilies, Glm4NineBChatThroughTheChatglmRow) {
  const llmg::Model model = read_file("chatglm_glm4.json");
  const llmg::Facts facts = llmg::compute_facts(model);
  EXPECT_EQ(model.model_type, "chatglm");
  EXPECT_EQ(facts.layers, 40);
  EXPECT_EQ(facts.params.total, 9399951360);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 40960);
  EXPECT_EQ(model.rope_theta, 5000000.0);
  EXPECT_EQ(model.layers[0].attention.rope_fraction, 0.5);
  EXPECT_EQ(model.layers[0].attention.num_kv_heads, 2);
}

// ChatGLMConfig's multi_query_attention defaults to false: without it every head has its own K and V.
TEST(RemoteFamilies, ChatglmWithoutMultiQueryHasAKvHeadPerHead) {
  json config = json::parse(family_text("chatglm.json"));
  config.erase("multi_query_attention");
  auto model = read_text(config.dump(), "chatglm.json");
  ASSERT_TRUE(model) << model.error().message;
  EXPECT_EQ(model->layers[0].attention.num_kv_heads, 32);
}

// Baichuan: one model_type, two position schemes. The 13B modeling file (hidden 5120) uses ALiBi; the 7B one
// (hidden 4096, Baichuan2-7B: intermediate 11008, vocab 125696) rotates. Baichuan2-7B: 202,383,360 × 32 +
// 4,096 + 2 × 125696 · 4096 = 7,505,973,248 (card: 7B).
TEST(RemoteFamilies, BaichuanSevenBRotatesThirteenBUsesAlibi) {
  EXPECT_EQ(read_file("baichuan.json").positions, llmg::PositionKind::ALiBi);
  json config = json::parse(family_text("baichuan.json"));
  config["hidden_size"] = 4096;
  config["num_attention_heads"] = 32;
  config["num_hidden_layers"] = 32;
  config["intermediate_size"] = 11008;
  config["vocab_size"] = 125696;
  auto model = read_text(config.dump(), "baichuan.json");
  ASSERT_TRUE(model) << model.error().message;
  EXPECT_EQ(model->positions, llmg::PositionKind::RoPE);
  EXPECT_EQ(llmg::compute_facts(*model).params.total, 7505973248);
}

// OpenELM-1.1B's layer-wise scaling: each layer has its own heads and FFN width, width_i =
// make_divisible(ffn_multipliers[i] × 2048, 256) — 1,024, 1,280, 4,608 and 8,192 for layers 0, 1, 13 and 27,
// the values another port of modeling_openelm.py asserts for this config (find_string id 61360280119).
TEST(RemoteFamilies, OpenElmLayerWiseScaling) {
  const llmg::Model model = read_file("openelm.json");
  ASSERT_EQ(model.layers.size(), 28u);
  EXPECT_EQ(model.layers[0].attention.num_heads, 16);
  EXPECT_EQ(model.layers[0].attention.num_kv_heads, 4);
  EXPECT_EQ(model.layers[27].attention.num_heads, 32);
  EXPECT_EQ(model.layers[27].attention.num_kv_heads, 8);
  EXPECT_EQ(model.layers[0].ffn.intermediate_size, 1024);
  EXPECT_EQ(model.layers[1].ffn.intermediate_size, 1280);
  EXPECT_EQ(model.layers[13].ffn.intermediate_size, 4608);
  EXPECT_EQ(model.layers[27].ffn.intermediate_size, 8192);
  EXPECT_TRUE(model.tied_embeddings);
}

// Refusals name the file, the key and the problem.
TEST(RemoteFamilies, RefusalsNameTheKey) {
  // ChatGLM-6B (v1) shares the model_type but not the layout (inner_hidden_size, 2-D positions).
  json v1 = json::parse(R"({"model_type": "chatglm", "hidden_size": 4096, "inner_hidden_size": 16384,
      "num_layers": 28, "num_attention_heads": 32, "vocab_size": 130528, "max_sequence_length": 2048,
      "position_encoding_2d": true})");
  auto refused = read_text(v1.dump(), "config.json");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, llmg::Error::Kind::BadInput);
  EXPECT_NE(refused.error().message.find("config.json: key 'ffn_hidden_size': required key is missing"),
            std::string::npos)
      << refused.error().message;
  // QWenMLP halves intermediate_size: an odd value is no Qwen config.
  json qwen = json::parse(family_text("qwen.json"));
  qwen["intermediate_size"] = 22015;
  auto odd = read_text(qwen.dump(), "qwen.json");
  ASSERT_FALSE(odd);
  EXPECT_NE(odd.error().message.find("key 'intermediate_size': expected an even number"), std::string::npos)
      << odd.error().message;
  // OpenELM: 20 query heads cannot be grouped over 3 KV heads.
  json elm = json::parse(family_text("openelm.json"));
  elm["num_kv_heads"][3] = 3;
  auto ungrouped = read_text(elm.dump(), "openelm.json");
  ASSERT_FALSE(ungrouped);
  EXPECT_NE(ungrouped.error().message.find(
                "openelm.json: key 'num_kv_heads[3]': expected a divisor of num_query_heads[3] (20), got 3"),
            std::string::npos)
      << ungrouped.error().message;
}

}  // namespace
