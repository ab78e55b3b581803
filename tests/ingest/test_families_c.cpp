// Set C (issue 12): the figures the table-driven family test (test_families.cpp) does not check — MoE
// active counts, the GGUF twin of every set-C row with a llama.cpp architecture (a generated header-only
// GGUF with the metadata llama.cpp's converter writes gives the same layers, total, active and KV bytes as
// the family's config), and the refusals of the new readers. Configs: tests/data/families/<type>.json
// (SOURCES-c.tsv); arithmetic: EXPECTED-c.tsv and count_c.py.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/facts.h"
#include "analysis/memory.h"
#include "analysis/validate.h"
#include "ingest/config/hf_config.h"
#include "ingest/families/registry.h"
#include "ingest/weights/gguf.h"
#include "ingest/weights/gguf_model.h"
#include "family_data.h"
#include "weights_writer.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
json load(const std::string& type) { return llmg::testing::family_config(type); }
llmg::Result<llmg::Model> read_family(const json& c, const std::string& type) {
  return llmg::testing::read_family_json(c, type);
}

// Active parameters (input embedding left out, LM head counted, top-k routed experts, router and everything
// dense): EXPECTED-c.tsv column active.
TEST(FamilyTableSetC, ActiveCounts) {
  const struct {
    const char* type;
    std::int64_t active;
  } cases[] = {
      // DBRX: 40 × (attention 88,080,384 + 4 of 16 experts 792,723,456 + router 98,304 + norms 12,288) + norm_f
      // 6,144 + lm_head 616,562,688 = 35,853,146,112 (Databricks: "36B active").
      {"dbrx", 35853146112},
      // dots.llm1: 62 × (attention 67,109,120 + norms 8,192) + dense MLP 134,479,872 + 61 × (6 experts
      // 103,809,024 + shared 34,603,008 + router 524,416) + 4,096 + lm_head 622,854,144 = 13,393,734,784
      // (report: "14B activated" = 14,016,588,928 with the input embedding).
      {"dots1", 13393734784},
      // FlexOlmo: 32 × (attention 67,117,056 + 5 of 7 experts 676,331,520 + router 28,672 + norms 8,192) + 4,096
      // + lm_head 411,041,792 = 24,202,579,968.
      {"flex_olmo", 24202579968},
  };
  for (const auto& c : cases) {
    auto model = read_family(load(c.type), c.type);
    ASSERT_TRUE(model.has_value()) << c.type << ": " << model.error().message;
    EXPECT_EQ(llmg::compute_facts(*model).params.active, c.active) << c.type;
  }
}

// Recurrent state per sequence (README convention, analysis/memory.cpp): per Mamba-2 layer the SSM state
// heads × d_head × d_state at fp32 + the conv window (d_conv − 1) × (inner + 2 × groups × d_state) at bf16.
TEST(FamilyTableSetC, Mamba2RecurrentState) {
  const struct {
    const char* type;
    std::int64_t bytes;
  } cases[] = {
      {"bamba", 123104768},  // 29 × (8192·128·4 = 4,194,304 + 8448·3·2 = 50,688)
      // Falcon-H1: the parallel Mamba-2 of every layer, 24 × (768·64·4 = 196,608 + 896·3·2 = 5,376).
      {"falcon_h1", 4847616},
  };
  for (const auto& c : cases) {
    auto model = read_family(load(c.type), c.type);
    ASSERT_TRUE(model.has_value()) << c.type << ": " << model.error().message;
    std::int64_t bytes = 0;
    for (const llmg::Layer& layer : model->layers) bytes += llmg::recurrent_state_bytes(layer);
    EXPECT_EQ(bytes, c.bytes) << c.type;
  }
}

// Bamba's newer spelling: layer_types with "linear_attention" for the Mamba-2 layers reads the same stack.
TEST(FamilyTableSetC, BambaLayerTypesEqualAttnLayerIndices) {
  json config = load("bamba");
  auto by_index = read_family(config, "bamba");
  ASSERT_TRUE(by_index.has_value()) << by_index.error().message;
  json types = json::array();
  for (int i = 0; i < 32; ++i) types.push_back(i == 9 || i == 18 || i == 27 ? "full_attention" : "linear_attention");
  config.erase("attn_layer_indices");
  config["layer_types"] = types;
  auto by_types = read_family(config, "bamba");
  ASSERT_TRUE(by_types.has_value()) << by_types.error().message;
  EXPECT_EQ(by_types->layers, by_index->layers);
  config["layer_types"][3] = "mamba";
  auto bad = read_family(config, "bamba");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("layer_types[3]"), std::string::npos) << bad.error().message;
}

// Falcon-H1's mixer switches are data: mamba_rms_norm adds the gated norm over the inner width (768 per
// layer), projectors_bias the out_proj bias (512 per layer), mamba_proj_bias the in_proj bias (1688).
TEST(FamilyTableSetC, FalconH1MixerSwitches) {
  const std::int64_t base = 91131072;
  const struct {
    const char* key;
    std::int64_t added;
  } cases[] = {{"mamba_rms_norm", 24 * 768}, {"projectors_bias", 24 * 512}, {"mamba_proj_bias", 24 * 1688}};
  for (const auto& c : cases) {
    json config = load("falcon_h1");
    config[c.key] = true;
    auto model = read_family(config, "falcon_h1");
    ASSERT_TRUE(model.has_value()) << model.error().message;
    EXPECT_EQ(llmg::compute_facts(*model).params.total, base + c.added) << c.key;
  }
  json config = load("falcon_h1");
  config["mamba_d_head"] = 30;
  auto bad = read_family(config, "falcon_h1");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("key 'mamba_d_head': expected mamba_n_heads × mamba_d_head = the Mamba inner "
                                     "width (768), got 24 × 30"),
            std::string::npos)
      << bad.error().message;
}

// DiffLlama is Llama plus the four λ vectors per layer: the same keys read as llama count 16 × 4 × 64 fewer.
TEST(FamilyTableSetC, DiffLlamaLambdaVectors) {
  json config = load("diffllama");
  auto diff = read_family(config, "diffllama");
  ASSERT_TRUE(diff.has_value()) << diff.error().message;
  EXPECT_TRUE(diff->layers.front().attention.differential);
  config["model_type"] = "llama";
  auto plain = read_family(config, "llama");
  ASSERT_TRUE(plain.has_value()) << plain.error().message;
  EXPECT_EQ(llmg::compute_facts(*diff).params.total - llmg::compute_facts(*plain).params.total, 16 * 4 * 64);
}

// Granite's µP multipliers have no tensors: the same config without them counts the same, and the reader
// names them in the model's notes.
TEST(FamilyTableSetC, GraniteMultipliersAreNotedNotCounted) {
  json config = load("granite");
  auto with = read_family(config, "granite");
  ASSERT_TRUE(with.has_value()) << with.error().message;
  bool noted = false;
  for (const std::string& note : with->notes)
    noted = noted || (note.find("residual_multiplier 0.22") != std::string::npos &&
                      note.find("logits_scaling 16") != std::string::npos);
  EXPECT_TRUE(noted);
  for (const char* key : {"embedding_multiplier", "residual_multiplier", "attention_multiplier", "logits_scaling"})
    config.erase(key);
  auto without = read_family(config, "granite");
  ASSERT_TRUE(without.has_value()) << without.error().message;
  EXPECT_EQ(llmg::compute_facts(*without).params.total, 8170864640);
}

// dots1's windowed layers follow Dots1Config.__post_init__: layer i slides when i >= max_window_layers and
// sliding_window is set (its default 4096 applies when the key is absent).
TEST(FamilyTableSetC, Dots1MaxWindowLayers) {
  json config = load("dots1");
  config["max_window_layers"] = 60;
  auto model = read_family(config, "dots1");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  ASSERT_EQ(model->layers.size(), 62u);
  EXPECT_FALSE(model->layers[59].is_windowed());
  EXPECT_TRUE(model->layers[60].is_windowed());
  EXPECT_EQ(model->layers[61].attention.window, 4096);  // Dots1Config default sliding_window
  config["sliding_window"] = nullptr;
  auto none = read_family(config, "dots1");
  ASSERT_TRUE(none.has_value()) << none.error().message;
  for (const llmg::Layer& layer : none->layers) EXPECT_FALSE(layer.is_windowed());
}

TEST(FamilyTableSetC, RefusalsNameTheKey) {
  const struct {
    const char* type;
    const char* pointer;  // JSON pointer to change
    const char* value;    // JSON
    const char* message;
  } cases[] = {
      {"dbrx", "/attn_config/kv_n_heads", "5", "key 'attn_config.kv_n_heads': expected a divisor of n_heads (48), got 5"},
      {"dbrx", "/ffn_config/moe_top_k", "17", "key 'ffn_config.moe_top_k': expected at most moe_num_experts (16), got 17"},
      {"dots1", "/num_experts_per_tok", "129", "num_experts_per_tok"},
      {"bamba", "/attn_layer_indices", "[9, 32]", "key 'attn_layer_indices[1]': expected a layer index below num_hidden_layers (32), got 32"},
      {"bamba", "/mamba_n_heads", "100", "key 'mamba_n_heads': expected a divisor of mamba_expand × hidden_size (8192), got 100"},
  };
  for (const auto& c : cases) {
    json config = load(c.type);
    config[json::json_pointer(c.pointer)] = json::parse(c.value);
    auto model = read_family(config, c.type);
    ASSERT_FALSE(model.has_value()) << c.type << " " << c.pointer;
    EXPECT_EQ(model.error().kind, llmg::Error::Kind::BadInput);
    EXPECT_NE(model.error().message.find(c.message), std::string::npos) << model.error().message;
    EXPECT_NE(model.error().message.find(std::string(c.type) + ".json"), std::string::npos) << model.error().message;
  }
}

// The metadata llama.cpp's convert_hf_to_gguf.py writes for each set-C architecture (GraniteModel,
// DbrxModel, Dots1Model(Qwen2MoeModel)), from the case's config; output.weight only when the head is untied.
struct GgufMeta {
  std::int64_t context, hidden, layers, ffn, heads, kv_heads, vocab;
  std::int64_t experts = 0, experts_used = 0, expert_ffn = 0, shared = 0, leading_dense = 0;
  bool tied = false;
};

void write_gguf(const GgufMeta& m, const std::string& arch, const fs::path& path) {
  llmg::testing::GgufWriter w;
  const auto key = [&](const char* suffix) { return fmt::format("{}.{}", arch, suffix); };
  const auto u32 = [](std::int64_t v) { return static_cast<std::uint32_t>(v); };
  w.string("general.architecture", arch);
  w.u32(key("context_length"), u32(m.context));
  w.u32(key("embedding_length"), u32(m.hidden));
  w.u32(key("block_count"), u32(m.layers));
  w.u32(key("feed_forward_length"), u32(m.ffn));
  w.u32(key("attention.head_count"), u32(m.heads));
  w.u32(key("attention.head_count_kv"), u32(m.kv_heads));
  w.u32(key("rope.dimension_count"), u32(m.hidden / m.heads));
  w.f32(key("attention.layer_norm_rms_epsilon"), 1e-5f);
  w.u32(key("vocab_size"), u32(m.vocab));
  if (m.experts > 0) {
    w.u32(key("expert_count"), u32(m.experts));
    w.u32(key("expert_used_count"), u32(m.experts_used));
  }
  if (m.expert_ffn > 0) w.u32(key("expert_feed_forward_length"), u32(m.expert_ffn));
  if (m.shared > 0) w.u32(key("expert_shared_count"), u32(m.shared));
  if (m.leading_dense > 0) w.u32(key("leading_dense_block_count"), u32(m.leading_dense));
  if (arch == "granite") {  // GraniteModel.set_gguf_parameters: the four µP scales
    w.f32(key("attention.scale"), 0.0078125f);
    w.f32(key("embedding_scale"), 12.0f);
    w.f32(key("residual_scale"), 0.22f);
    w.f32(key("logit_scale"), 16.0f);
  }
  constexpr std::uint32_t F32 = 0;
  const auto hidden = static_cast<std::uint64_t>(m.hidden);
  w.tensor("token_embd.weight", {hidden, 8}, F32, 4 * 8 * hidden);
  if (!m.tied) w.tensor("output.weight", {hidden, 8}, F32, 4 * 8 * hidden);
  w.write(path);
}

TEST(FamilyGgufSetC, GeneratedGgufGivesTheConfigsFacts) {
  const json granite = load("granite"), dbrx = load("dbrx"), dots1 = load("dots1");
  const struct {
    const char* type;
    GgufMeta meta;
  } cases[] = {
      {"granite", {131072, 4096, 40, 12800, 32, 8, 49159, 0, 0, 0, 0, 0, true}},
      // DbrxModel writes ffn_config.ffn_hidden_size as feed_forward_length and the nested expert keys.
      {"dbrx", {32768, 6144, 40, 10752, 48, 8, 100352, 16, 4, 0, 0, 0, false}},
      // Dots1Model: Qwen2MoeModel's keys + leading_dense_block_count and expert_shared_count.
      {"dots1", {32768, 4096, 62, 10944, 32, 32, 152064, 128, 6, 1408, 2, 1, false}},
  };
  const fs::path dir = fs::temp_directory_path() / fmt::format("llmg-famc-gguf-{}", ::getpid());
  fs::create_directories(dir);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.type);
    const llmg::FamilyRow* row = llmg::find_family(c.type);
    ASSERT_NE(row, nullptr);
    ASSERT_FALSE(row->gguf.name.empty());
    auto from_config = read_family(load(c.type), c.type);
    ASSERT_TRUE(from_config.has_value()) << from_config.error().message;
    const fs::path path = dir / (std::string(c.type) + ".gguf");
    write_gguf(c.meta, std::string(row->gguf.name), path);
    auto file = llmg::read_gguf(path);
    ASSERT_TRUE(file.has_value()) << file.error().message;
    auto from_gguf = llmg::model_from_gguf(*file);
    ASSERT_TRUE(from_gguf.has_value()) << from_gguf.error().message;
    EXPECT_EQ(from_gguf->model_type, c.type);
    const llmg::Facts a = llmg::compute_facts(*from_config), b = llmg::compute_facts(*from_gguf);
    EXPECT_EQ(b.layers, a.layers);
    EXPECT_GT(a.params.total, 0);
    EXPECT_EQ(b.params.total, a.params.total);
    EXPECT_EQ(b.params.active, a.params.active);
    EXPECT_EQ(b.kv_cache.bytes_per_token_bf16, a.kv_cache.bytes_per_token_bf16);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
