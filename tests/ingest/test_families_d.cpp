// Set D (issue 12): what the per-family case table (test_families.cpp) does not check — active counts,
// recurrent state, the mechanisms each set-D row adds to the normalized model (norm kinds, q/k/v clipping,
// ALiBi, partial rotary, shared MLP, Mamba-2 / attention hybrid), config habits and refusals, and every set-D
// GGUF architecture read from a generated header-only GGUF. Figures: tests/data/families/EXPECTED-d.tsv
// (count_d.py), sources: SOURCES-d.tsv.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

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
llmg::Result<llmg::Model> read(const json& c, const std::string& type) {
  return llmg::testing::read_family_json(c, type);
}

llmg::Model read_ok(const json& config, const std::string& type) {
  auto model = read(config, type);
  EXPECT_TRUE(model.has_value()) << type << ": " << (model.has_value() ? "" : model.error().message);
  return model.has_value() ? *model : llmg::Model{};
}

std::int64_t state_bytes(const llmg::Model& model) {
  std::int64_t bytes = 0;
  for (const llmg::Layer& layer : model.layers) bytes += llmg::recurrent_state_bytes(layer);
  return bytes;
}

// MoE rows: active = everything but the input embedding, with top-k of the routed experts (EXPECTED-d.tsv).
// granitemoeshared: 32 × (67,108,864 + 32,768 + 2 × 3 · 4096 · 11008 + 8,192) + 4,096 + lm_head 131,072,000.
// granitemoehybrid: 2 × (1,048,576 + 4,096 + 2 × 3 · 512 · 1024 + 786,432 + 1,024) + 6 × (1,715,480 + the same
// FFN and norms) + 512 + tied head 25,165,824.
TEST(FamilySetD, ActiveCounts) {
  // hunyuan_v1_moe: 32 × (41,943,296 + 262,144 + 8 × 3 · 4096 · 3072 + 37,748,736 + 8,192) + 4,096 + lm_head
  // 524,972,032 (Hunyuan-A13B: "13B active" counts the embedding too: + 524,972,032 = 13,272,420,352).
  const std::map<std::string, std::int64_t> active = {{"granitemoeshared", 10936913920},
                                                      {"granitemoehybrid", 69054608},
                                                      {"hunyuan_v1_moe", 12747448320}};
  for (const auto& [type, expected] : active) {
    const llmg::Model model = read_ok(load(type), type);
    EXPECT_EQ(llmg::compute_facts(model).params.active, expected) << type;
  }
}

// Mamba-2 state per sequence (analysis/memory.cpp): per Mamba-2 layer the fp32 SSM state heads × head_dim ×
// d_state × 4 B plus the bf16 conv window (inner + 2 · groups · d_state) × (kernel − 1) × 2 B.
// mamba2-780m: 3072 · 128 · 4 + 3328 · 3 · 2 = 1,592,832 B × 48 = 76,455,936.
// granitemoehybrid example: 1024 · 128 · 4 + 1280 · 3 · 2 = 531,968 B × 6 = 3,191,808.
TEST(FamilySetD, RecurrentState) {
  EXPECT_EQ(state_bytes(read_ok(load("mamba2"), "mamba2")), 76455936);
  EXPECT_EQ(state_bytes(read_ok(load("granitemoehybrid"), "granitemoehybrid")), 3191808);
}

TEST(FamilySetD, MechanismsAreData) {
  const llmg::Model olmo = read_ok(load("olmo"), "olmo");
  EXPECT_EQ(olmo.norm_kind, llmg::NormKind::LayerNormNoParams);
  EXPECT_EQ(llmg::compute_facts(olmo).params.by_component.count(llmg::Component::Norm), 0u);
  EXPECT_EQ(olmo.layers.front().attention.qkv_clip, 0.0);  // clip_qkv null

  const llmg::Model nemotron = read_ok(load("nemotron"), "nemotron");
  EXPECT_EQ(nemotron.norm_kind, llmg::NormKind::LayerNorm1P);
  EXPECT_FALSE(nemotron.layers.front().ffn.gated);
  EXPECT_EQ(nemotron.layers.front().ffn.activation, "relu2");
  EXPECT_EQ(nemotron.layers.front().attention.rope_fraction, 0.5);
  // Norms: 32 layers × 2 × (weight + bias) × 3072 + the final norm's weight and bias.
  EXPECT_EQ(llmg::compute_facts(nemotron).params.by_component.at(llmg::Component::Norm), 32 * 4 * 3072 + 2 * 3072);

  const llmg::Model mpt = read_ok(load("mpt"), "mpt");
  EXPECT_EQ(mpt.positions, llmg::PositionKind::ALiBi);
  EXPECT_EQ(mpt.norm_kind, llmg::NormKind::LayerNormNoBias);
  EXPECT_TRUE(mpt.tied_embeddings);
  EXPECT_EQ(mpt.layers.front().ffn.intermediate_size, 4 * 4096);  // expansion_ratio × d_model
  EXPECT_EQ(mpt.context_length, 2048);                            // max_seq_len

  const llmg::Model nanochat = read_ok(load("nanochat"), "nanochat");
  EXPECT_EQ(nanochat.norm_kind, llmg::NormKind::RMSNormNoWeight);
  EXPECT_EQ(nanochat.layers.front().attention.qk_norm, llmg::QkNorm::PerHeadNoWeight);
  EXPECT_EQ(llmg::compute_facts(nanochat).params.by_component.count(llmg::Component::Norm), 0u);

  const llmg::Model jais2 = read_ok(load("jais2"), "jais2");
  EXPECT_EQ(jais2.norm_kind, llmg::NormKind::LayerNorm);
  EXPECT_TRUE(jais2.layers.front().attention.o_bias);  // Jais2Config attention_bias default true
  EXPECT_TRUE(jais2.layers.front().ffn.bias);
  EXPECT_FALSE(jais2.layers.front().ffn.gated);

  // Ministral 3: YaRN and Llama 4's query temperature (beta 0.1 over original_max_position_embeddings 16384).
  const llmg::Model ministral3 = read_ok(load("ministral3"), "ministral3");
  EXPECT_EQ(ministral3.rope_scaling, "yarn");
  EXPECT_EQ(ministral3.rope_theta, 1000000.0);
  EXPECT_EQ(ministral3.layers.front().attention.query_scale_beta, 0.1);
  EXPECT_EQ(ministral3.layers.front().attention.query_scale_period, 16384);
  EXPECT_FALSE(ministral3.is_window_limited(0));  // sliding_window null

  // Hunyuan: per-layer moe_topk list, one shared MLP of intermediate_size, QK-norm per head.
  const llmg::Model hunyuan = read_ok(load("hunyuan_v1_moe"), "hunyuan_v1_moe");
  EXPECT_EQ(hunyuan.layers.back().ffn.experts_per_token, 8);
  EXPECT_EQ(hunyuan.layers.back().ffn.num_shared_experts, 1);
  EXPECT_EQ(hunyuan.layers.back().ffn.shared_intermediate_size, 3072);
  EXPECT_EQ(hunyuan.layers.front().attention.qk_norm, llmg::QkNorm::PerHead);

  // Gemma 3n: activation sparsity as data (0.95 on the first 10 layers), KV sharing from layer 20 on (the last
  // earlier layer of the same kind: sliding 18, full 19), the shared layers' unused k/v projections counted.
  const llmg::Model gemma3n = read_ok(load("gemma3n_text"), "gemma3n_text");
  EXPECT_EQ(gemma3n.layers[9].ffn.activation_sparsity, 0.95);
  EXPECT_EQ(gemma3n.layers[10].ffn.activation_sparsity, 0.0);
  EXPECT_EQ(gemma3n.layers[19].attention.kv_shared_from, -1);
  EXPECT_EQ(gemma3n.layers[20].attention.kv_shared_from, 18);
  EXPECT_EQ(gemma3n.layers[24].attention.kv_shared_from, 19);
  EXPECT_EQ(gemma3n.layers[20].attention.rope_theta, 10000.0);  // rope_local_base_freq on sliding layers
  // Embedding lookups: embed_tokens_per_layer 262144 · 8960 (the token table is the tied head).
  EXPECT_EQ(llmg::compute_facts(gemma3n).params.by_component.at(llmg::Component::Embedding), 2348810240);

  const llmg::Model hybrid = read_ok(load("granitemoehybrid"), "granitemoehybrid");
  EXPECT_EQ(hybrid.positions, llmg::PositionKind::NoPE);  // position_embedding_type "nope"
  EXPECT_EQ(hybrid.layers[3].mixer, llmg::MixerKind::Attention);
  EXPECT_EQ(hybrid.layers[0].mixer, llmg::MixerKind::Mamba2);
  EXPECT_EQ(hybrid.layers[0].ffn.num_shared_experts, 1);
  EXPECT_EQ(hybrid.layers[0].ffn.shared_intermediate_size, 512);
}

// Config habits of the set-D families, each from the reference implementation.
TEST(FamilySetD, ConfigHabits) {
  // OLMo-7B-0424-style clip_qkv: a clamp, no parameters (OlmoAttention).
  json olmo = load("olmo");
  olmo["clip_qkv"] = 8.0;
  const llmg::Model clipped = read_ok(olmo, "olmo");
  EXPECT_EQ(clipped.layers.front().attention.qkv_clip, 8.0);
  EXPECT_EQ(llmg::compute_facts(clipped).params.total, 1176764416);
  // MPT nests it: attn_config.clip_qkv.
  json mpt = load("mpt");
  mpt["attn_config"]["clip_qkv"] = 6;
  EXPECT_EQ(read_ok(mpt, "mpt").layers.front().attention.qkv_clip, 6.0);
  // NemotronConfig's partial_rotary_factor default is 0.5, not 1.
  json nemotron = load("nemotron");
  nemotron.erase("partial_rotary_factor");
  EXPECT_EQ(read_ok(nemotron, "nemotron").layers.front().attention.rope_fraction, 0.5);
  // GraniteMoeShared with a shared MLP of 1024: + 32 layers × 3 · 4096 · 1024 = 402,653,184, all active.
  json shared = load("granitemoeshared");
  shared["shared_intermediate_size"] = 1024;
  const llmg::Facts with_shared = llmg::compute_facts(read_ok(shared, "granitemoeshared"));
  EXPECT_EQ(with_shared.params.total, 37039116288 + 402653184);
  EXPECT_EQ(with_shared.params.active, 10936913920 + 402653184);
  // Granite 4.0 Micro style: num_local_experts 0 leaves the shared MLP alone, a dense layer of its width:
  // 144,552,080 − 8 × (router 4,096 + experts 12,582,912) = 43,856,016.
  json dense = load("granitemoehybrid");
  dense["num_local_experts"] = 0;
  const llmg::Model micro = read_ok(dense, "granitemoehybrid");
  EXPECT_EQ(micro.layers.front().ffn.kind, llmg::FfnKind::Dense);
  EXPECT_EQ(micro.layers.front().ffn.intermediate_size, 512);
  EXPECT_EQ(llmg::compute_facts(micro).params.total, 43856016);
  // A text_config that omits Ministral3Config's keys gets the class defaults (the same 8,489,553,920).
  json bare = {{"model_type", "ministral3"}};
  EXPECT_EQ(llmg::compute_facts(read_ok(bare, "ministral3")).params.total, 8489553920);
  // Hunyuan: a per-layer moe_topk entry above the layer's experts is refused (RefusalsNameTheKey), a plain
  // number applies to every layer.
  json hunyuan = load("hunyuan_v1_moe");
  hunyuan["moe_topk"] = 2;
  EXPECT_EQ(read_ok(hunyuan, "hunyuan_v1_moe").layers[5].ffn.experts_per_token, 2);
  // position_embedding_type "rope": the attention layers rotate their whole head.
  json rope = load("granitemoehybrid");
  rope["position_embedding_type"] = "rope";
  const llmg::Model roped = read_ok(rope, "granitemoehybrid");
  EXPECT_EQ(roped.positions, llmg::PositionKind::RoPE);
  EXPECT_EQ(roped.layers[3].attention.rope_fraction, 1.0);
}

// Refusals name the file, the key and the problem.
TEST(FamilySetD, RefusalsNameTheKey) {
  struct Bad {
    const char* type;
    const char* pointer;
    json value;
    const char* message;
  };
  const Bad cases[] = {
      {"mamba2", "/num_heads", 40, "key 'num_heads': expected num_heads × head_dim = expand × hidden_size"},
      {"mamba2", "/n_groups", 5, "key 'n_groups': expected a divisor of num_heads (48), got 5"},
      {"granitemoehybrid", "/layer_types/2", "linear", "key 'layer_types[2]': unknown layer type \"linear\""},
      {"granitemoehybrid", "/mamba_n_heads", 16, "key 'mamba_n_heads': expected mamba_n_heads × mamba_d_head"},
      {"granitemoehybrid", "/position_embedding_type", "alibi", "key 'position_embedding_type': expected \"rope\" or \"nope\""},
      {"hunyuan_v1_moe", "/moe_topk/3", 65, "key 'moe_topk': expected at most num_experts (64) at layer 3, got 65"},
  };
  for (const Bad& bad : cases) {
    json config = load(bad.type);
    config[json::json_pointer(bad.pointer)] = bad.value;
    auto model = read(config, bad.type);
    ASSERT_FALSE(model.has_value()) << bad.type << bad.pointer;
    EXPECT_EQ(model.error().kind, llmg::Error::Kind::BadInput);
    EXPECT_NE(model.error().message.find(std::string(bad.type) + ".json"), std::string::npos) << model.error().message;
    EXPECT_NE(model.error().message.find(bad.message), std::string::npos) << model.error().message;
  }
}

// GGUF: the metadata llama.cpp's converter writes for each config (LLM_ARCH_NAMES olmo, nemotron, mpt;
// {arch}.embedding_length, block_count, feed_forward_length, attention.head_count(_kv), key_length,
// rope.dimension_count where RoPE is used, context_length, vocab_size), output.weight only when untied.
struct GgufShape {
  const char* type;
  std::int64_t hidden, layers, ffn, heads, kv_heads, head_dim, rope_dims, context, vocab;
  bool tied;
};

TEST(FamilySetD, GeneratedGgufGivesTheConfigsFacts) {
  const GgufShape shapes[] = {
      {"olmo", 2048, 16, 8192, 16, 16, 128, 128, 2048, 50304, true},
      {"nemotron", 3072, 32, 9216, 24, 8, 128, 64, 4096, 256000, false},
      {"mpt", 4096, 32, 16384, 32, 32, 128, 0, 2048, 50432, true},
  };
  const fs::path dir = fs::temp_directory_path() / fmt::format("llmg-famd-gguf-{}", ::getpid());
  fs::create_directories(dir);
  for (const GgufShape& s : shapes) {
    SCOPED_TRACE(s.type);
    const llmg::FamilyRow* row = llmg::find_family(s.type);
    ASSERT_NE(row, nullptr);
    ASSERT_FALSE(row->gguf.name.empty());
    const std::string arch(row->gguf.name);
    llmg::testing::GgufWriter w;
    const auto key = [&](const char* suffix) { return fmt::format("{}.{}", arch, suffix); };
    const auto u32 = [](std::int64_t v) { return static_cast<std::uint32_t>(v); };
    w.string("general.architecture", arch);
    w.u32(key("context_length"), u32(s.context));
    w.u32(key("embedding_length"), u32(s.hidden));
    w.u32(key("block_count"), u32(s.layers));
    w.u32(key("feed_forward_length"), u32(s.ffn));
    w.u32(key("attention.head_count"), u32(s.heads));
    w.u32(key("attention.head_count_kv"), u32(s.kv_heads));
    w.u32(key("attention.key_length"), u32(s.head_dim));
    w.u32(key("attention.value_length"), u32(s.head_dim));
    if (s.rope_dims > 0) w.u32(key("rope.dimension_count"), u32(s.rope_dims));
    w.f32(key("attention.layer_norm_epsilon"), 1e-5f);
    w.u32(key("vocab_size"), u32(s.vocab));
    constexpr std::uint32_t F32 = 0;
    w.tensor("token_embd.weight", {static_cast<std::uint64_t>(s.hidden), 8}, F32, 4 * 8 * s.hidden);
    if (!s.tied) w.tensor("output.weight", {static_cast<std::uint64_t>(s.hidden), 8}, F32, 4 * 8 * s.hidden);
    const fs::path path = dir / (std::string(s.type) + ".gguf");
    w.write(path);
    auto file = llmg::read_gguf(path);
    ASSERT_TRUE(file.has_value()) << file.error().message;
    auto from_gguf = llmg::model_from_gguf(*file);
    ASSERT_TRUE(from_gguf.has_value()) << from_gguf.error().message;
    EXPECT_EQ(from_gguf->model_type, s.type);
    const llmg::Model from_config = read_ok(load(s.type), s.type);
    const llmg::Facts a = llmg::compute_facts(from_config), b = llmg::compute_facts(*from_gguf);
    EXPECT_EQ(b.layers, a.layers);
    EXPECT_EQ(b.params.total, a.params.total);
    EXPECT_EQ(b.kv_cache.bytes_per_token_bf16, a.kv_cache.bytes_per_token_bf16);
    EXPECT_EQ(from_gguf->norm_kind, from_config.norm_kind);
    EXPECT_EQ(from_gguf->positions, from_config.positions);
    EXPECT_EQ(from_gguf->layers.front().attention.rope_fraction, from_config.layers.front().attention.rope_fraction);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace

namespace {

// llama.cpp's {arch}.attention.clamp_kqv (OLMo, MPT) is the config's clip_qkv: the GGUF reader maps it to the
// attention's q/k/v clamp (KeySpec ClipQkv), as attn_config.clip_qkv 6 does from an MPT config.
TEST(FamilySetD, GgufClampKqvIsTheQkvClip) {
  const fs::path path = fs::temp_directory_path() / fmt::format("llmg-famd-clamp-{}.gguf", ::getpid());
  llmg::testing::GgufWriter w;
  w.string("general.architecture", "mpt");
  w.u32("mpt.context_length", 2048);
  w.u32("mpt.embedding_length", 256);
  w.u32("mpt.block_count", 2);
  w.u32("mpt.feed_forward_length", 1024);
  w.u32("mpt.attention.head_count", 4);
  w.f32("mpt.attention.layer_norm_epsilon", 1e-5f);
  w.f32("mpt.attention.clamp_kqv", 6.0f);
  w.u32("mpt.vocab_size", 1000);
  w.tensor("token_embd.weight", {256, 8}, 0, 4 * 8 * 256);
  w.write(path);
  auto file = llmg::read_gguf(path);
  ASSERT_TRUE(file.has_value()) << file.error().message;
  auto model = llmg::model_from_gguf(*file);
  ASSERT_TRUE(model.has_value()) << model.error().message;
  EXPECT_EQ(model->layers.front().attention.qkv_clip, 6.0);
  // 2 × (Wqkv 256 · 768 + out_proj 256² + MLP 2 · 256 · 1024 + norms 512) + norm_f 256 + tied wte 1000 · 256.
  EXPECT_EQ(llmg::compute_facts(*model).params.total, 2 * (256 * 768 + 256 * 256 + 2 * 256 * 1024 + 512) + 256 + 256000);
  std::error_code ec;
  fs::remove(path, ec);
}

}  // namespace
