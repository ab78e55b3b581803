// Set B (issue 12): every GGUF architecture on a set-B registry row gives the same layers, total and KV
// bytes per token as the family's config (tests/data/families/<type>.json). The GGUF is header-only
// (tests/support/weights_writer.h): the metadata llama.cpp's converter writes for that config
// ({arch}.embedding_length, block_count, feed_forward_length, attention.head_count(_kv), key_length,
// rope.dimension_count, expert_* keys, vocab_size), an output.weight tensor only when the head is untied
// and a blk.0.attn_q.bias tensor only when the config has attention biases — the two facts GGUF has no key
// for.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/facts.h"
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

std::int64_t int_or(const json& config, const char* key, std::int64_t fallback) {
  auto it = config.find(key);
  return it != config.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

// The GGUF metadata of `config` under architecture `arch`, written to `path`.
void write_gguf(const json& config, const std::string& arch, const fs::path& path, double rotary_fraction) {
  llmg::testing::GgufWriter w;
  const auto key = [&](const char* suffix) { return fmt::format("{}.{}", arch, suffix); };
  const std::int64_t hidden = config.at("hidden_size"), heads = config.at("num_attention_heads");
  const std::int64_t head_dim = int_or(config, "head_dim", hidden / heads);
  w.string("general.architecture", arch);
  w.u32(key("context_length"), static_cast<std::uint32_t>(config.at("max_position_embeddings").get<std::int64_t>()));
  w.u32(key("embedding_length"), static_cast<std::uint32_t>(hidden));
  w.u32(key("block_count"), static_cast<std::uint32_t>(config.at("num_hidden_layers").get<std::int64_t>()));
  w.u32(key("feed_forward_length"), static_cast<std::uint32_t>(config.at("intermediate_size").get<std::int64_t>()));
  w.u32(key("attention.head_count"), static_cast<std::uint32_t>(heads));
  w.u32(key("attention.head_count_kv"), static_cast<std::uint32_t>(int_or(config, "num_key_value_heads", heads)));
  w.u32(key("attention.key_length"), static_cast<std::uint32_t>(head_dim));
  w.u32(key("attention.value_length"), static_cast<std::uint32_t>(head_dim));
  w.u32(key("rope.dimension_count"), static_cast<std::uint32_t>(static_cast<double>(head_dim) * rotary_fraction));
  w.f32(key("attention.layer_norm_rms_epsilon"), 1e-5f);
  w.u32(key("vocab_size"), static_cast<std::uint32_t>(config.at("vocab_size").get<std::int64_t>()));
  if (config.contains("num_experts")) {
    w.u32(key("expert_count"), static_cast<std::uint32_t>(config.at("num_experts").get<std::int64_t>()));
    w.u32(key("expert_used_count"), static_cast<std::uint32_t>(config.at("num_experts_per_tok").get<std::int64_t>()));
    w.u32(key("expert_feed_forward_length"),
          static_cast<std::uint32_t>(config.at("moe_intermediate_size").get<std::int64_t>()));
    w.u32(key("expert_shared_feed_forward_length"),
          static_cast<std::uint32_t>(config.at("shared_expert_intermediate_size").get<std::int64_t>()));
  }
  constexpr std::uint32_t F32 = 0;
  w.tensor("token_embd.weight", {static_cast<std::uint64_t>(hidden), 8}, F32, 4 * 8 * hidden);
  if (!config.value("tie_word_embeddings", false))
    w.tensor("output.weight", {static_cast<std::uint64_t>(hidden), 8}, F32, 4 * 8 * hidden);
  if (config.value("attention_bias", false)) w.tensor("blk.0.attn_q.bias", {static_cast<std::uint64_t>(hidden)}, F32, 4 * hidden);
  w.write(path);
}

struct GgufCase {
  const char* model_type;
  double rotary_fraction;  // rope.dimension_count / head_dim as the converter writes it
};

// The set-B rows with a GGUF name, each checked against its own config.
const GgufCase kGgufCases[] = {
    {"qwen2_moe", 1.0}, {"ernie4_5", 1.0}, {"glm4", 0.5},   {"hunyuan_v1_dense", 1.0},
    {"seed_oss", 1.0},  {"arcee", 1.0},    {"bitnet", 1.0},
};

TEST(FamilyGgufSetB, GeneratedGgufGivesTheConfigsFacts) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("llmg-famb-gguf-{}", ::getpid());
  fs::create_directories(dir);
  for (const GgufCase& c : kGgufCases) {
    SCOPED_TRACE(c.model_type);
    const llmg::FamilyRow* row = llmg::find_family(c.model_type);
    ASSERT_NE(row, nullptr);
    ASSERT_FALSE(row->gguf.name.empty());
    const json config = load(c.model_type);
    auto from_config = llmg::read_config_json(config, std::string(c.model_type) + ".json");
    ASSERT_TRUE(from_config.has_value()) << from_config.error().message;
    const fs::path path = dir / (std::string(c.model_type) + ".gguf");
    write_gguf(config, std::string(row->gguf.name), path, c.rotary_fraction);
    auto file = llmg::read_gguf(path);
    ASSERT_TRUE(file.has_value()) << file.error().message;
    auto from_gguf = llmg::model_from_gguf(*file);
    ASSERT_TRUE(from_gguf.has_value()) << from_gguf.error().message;
    EXPECT_EQ(from_gguf->model_type, c.model_type);
    const llmg::Facts a = llmg::compute_facts(*from_config), b = llmg::compute_facts(*from_gguf);
    EXPECT_EQ(b.layers, a.layers);
    EXPECT_GT(a.params.total, 0);
    EXPECT_EQ(b.params.total, a.params.total);
    EXPECT_EQ(b.params.active, a.params.active);
    EXPECT_EQ(b.kv_cache.bytes_per_token_bf16, a.kv_cache.bytes_per_token_bf16);
    EXPECT_EQ(from_gguf->layers.front().attention.rope_fraction, from_config->layers.front().attention.rope_fraction);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
