// Issue 12's six shared cases (05, 07, 08, 11, 15, 16), each fault kind with its right values from the
// case's expected.md (copied inputs in tests/data/cases/NN-*.json; the header-only GGUF and safetensors
// files the cases' make.py scripts write are written here with tests/support/weights_writer.h).
#include <unistd.h>

#include <filesystem>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "analysis/checkpoint.h"
#include "analysis/facts.h"
#include "analysis/memory.h"
#include "ingest/config/hf_config.h"
#include "ingest/weights/gguf.h"
#include "ingest/weights/gguf_model.h"
#include "ingest/weights/weights.h"
#include "weights_writer.h"

namespace llmg {
namespace {

using namespace llmg::testing;
namespace fs = std::filesystem;

constexpr std::uint32_t kF32 = 0, kBF16 = 30;  // GGML type ids

fs::path cases() { return fs::path(LLMG_TEST_DATA) / "cases"; }

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("llmg-cases12-{}-{}", ::getpid(), name);
  fs::create_directories(dir);
  return dir;
}

std::uint64_t bytes_of(std::uint32_t type, std::uint64_t elements) { return type == kF32 ? elements * 4 : elements * 2; }

void tensor(GgufWriter& w, const std::string& name, std::vector<std::uint64_t> dims, std::uint32_t type) {
  std::uint64_t n = 1;
  for (std::uint64_t d : dims) n *= d;
  w.tensor(name, std::move(dims), type, bytes_of(type, n));
}

std::int64_t kv_at(const Model& model, std::int64_t context) {
  auto report = memory_report(model, MemoryQuery{.context = context});
  EXPECT_TRUE(report) << report.error().message;
  return report ? report->kv_bytes : -1;
}

// ---- 05: LFM2's per-layer head_count_kv with zeros ------------------------------------------------------

// LFM2-1.2B as case 05's make.py writes it (gpustack/gguf-parser-go#31): 16 blocks, KV heads
// [0,0,8,0,0,8,0,0,8,0,8,0,8,0,8,0], hidden 2048, 32 heads, FFN 8192, tied, L_cache 3.
GgufWriter lfm2_gguf(const std::string& arch, const std::vector<std::int32_t>& kv) {
  constexpr std::uint64_t H = 2048, V = 65536, FF = 8192, HEADS = 32, HD = 64;
  GgufWriter w;
  const std::string a = arch;
  w.string("general.architecture", a);
  w.u32(a + ".block_count", static_cast<std::uint32_t>(kv.size()));
  w.u32(a + ".context_length", 128000);
  w.u32(a + ".embedding_length", H);
  w.u32(a + ".feed_forward_length", FF);
  w.u32(a + ".attention.head_count", HEADS);
  w.i32_array(a + ".attention.head_count_kv", kv);
  w.f32(a + ".rope.freq_base", 1000000.0f);
  w.u32(a + ".vocab_size", V);
  w.u32(a + ".shortconv.l_cache", 3);
  w.f32(a + ".attention.layer_norm_rms_epsilon", 1e-5f);
  tensor(w, "token_embd.weight", {H, V}, kBF16);
  tensor(w, "token_embd_norm.weight", {H}, kF32);
  for (std::size_t i = 0; i < kv.size(); ++i) {
    const std::string b = fmt::format("blk.{}.", i);
    tensor(w, b + "attn_norm.weight", {H}, kF32);
    tensor(w, b + "ffn_norm.weight", {H}, kF32);
    tensor(w, b + "ffn_gate.weight", {H, FF}, kBF16);
    tensor(w, b + "ffn_up.weight", {H, FF}, kBF16);
    tensor(w, b + "ffn_down.weight", {FF, H}, kBF16);
    const auto kvh = static_cast<std::uint64_t>(kv[i]);
    if (kvh) {
      tensor(w, b + "attn_q.weight", {H, HEADS * HD}, kBF16);
      tensor(w, b + "attn_k.weight", {H, kvh * HD}, kBF16);
      tensor(w, b + "attn_v.weight", {H, kvh * HD}, kBF16);
      tensor(w, b + "attn_output.weight", {HEADS * HD, H}, kBF16);
      tensor(w, b + "attn_q_norm.weight", {HD}, kF32);
      tensor(w, b + "attn_k_norm.weight", {HD}, kF32);
    } else {
      tensor(w, b + "shortconv.conv.weight", {3, H}, kF32);
      tensor(w, b + "shortconv.in_proj.weight", {H, 3 * H}, kBF16);
      tensor(w, b + "shortconv.out_proj.weight", {H, H}, kBF16);
    }
  }
  return w;
}

const std::vector<std::int32_t> kLfm2Kv = {0, 0, 8, 0, 0, 8, 0, 0, 8, 0, 8, 0, 8, 0, 8, 0};

TEST(SharedCase05, Lfm2GgufZerosAreShortConvBlocks) {
  const fs::path path = scratch("05") / "lfm2.gguf";
  lfm2_gguf("lfm2", kLfm2Kv).write(path);
  auto file = read_gguf(path);
  ASSERT_TRUE(file) << file.error().message;
  auto model = model_from_gguf(*file);
  ASSERT_TRUE(model) << model.error().message;
  EXPECT_EQ(model->model_type, "lfm2");
  const Facts facts = compute_facts(*model);
  EXPECT_EQ(facts.layers, 16);
  EXPECT_EQ(facts.attention_layers, 6);
  EXPECT_EQ(facts.recurrent_layers, 10);
  // 6 attention blocks × 2 (K, V) × 8 KV heads × head_dim 64 (2048 / 32) × 2 B = 12,288 B per token.
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 12288);
  // At 32,768 tokens: 12,288 × 32,768 = 402,653,184 B (384 MiB); conv state 10 × 3 × 2,048 × 2 = 122,880 B.
  auto memory = memory_report(*model, MemoryQuery{.context = 32768});
  ASSERT_TRUE(memory) << memory.error().message;
  EXPECT_EQ(memory->kv_bytes, 402653184);
  EXPECT_EQ(memory->state_bytes, 122880);
  // The sum of the tensor shapes (case 05; LFM2-1.2B card 1.17B), equal to the config's count.
  EXPECT_EQ(facts.params.total, 1170340608);
  auto report = checkpoint_report(checkpoint_of(*file), &*model);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->params, 1170340608);
  ASSERT_TRUE(report->cross_check);
  EXPECT_TRUE(report->cross_check->matches);
  // The config gives the same facts (LiquidAI/LFM2-1.2B config.json, full_attn_idxs [2,5,8,10,12,14]).
  auto config = read_config_path(cases() / "05-config.json");
  ASSERT_TRUE(config) << config.error().message;
  const Facts from_config = compute_facts(*config);
  EXPECT_EQ(from_config.kv_cache.bytes_per_token_bf16, 12288);
  EXPECT_EQ(from_config.params.total, 1170340608);
  EXPECT_EQ(kv_at(*config, 32768), 402653184);
  fs::remove_all(path.parent_path());
}

TEST(SharedCase05, ZeroKvHeadsUnderAnArchitectureWithoutSuchLayersIsBadInput) {
  // Case 05's probe: the same array under "llama" was read as 16 attention layers (32,768 B/token).
  const fs::path path = scratch("05probe") / "probe.gguf";
  lfm2_gguf("llama", kLfm2Kv).write(path);
  auto file = read_gguf(path);
  ASSERT_TRUE(file) << file.error().message;
  auto model = model_from_gguf(*file);
  ASSERT_FALSE(model);
  EXPECT_EQ(model.error().kind, Error::Kind::BadInput);
  EXPECT_NE(model.error().message.find("llama.attention.head_count_kv"), std::string::npos) << model.error().message;
  EXPECT_NE(model.error().message.find("zero entries"), std::string::npos) << model.error().message;
  fs::remove_all(path.parent_path());
}

// ---- 07: Qwen2 max_window_layers ---------------------------------------------------------------------------

TEST(SharedCase07, Qwen2WindowsTheLayersFromMaxWindowLayersOn) {
  // transformers#35896 / PR #36162: layer i is sliding iff use_sliding_window and i >= max_window_layers.
  auto model = read_config_path(cases() / "07-config.json");
  ASSERT_TRUE(model) << model.error().message;
  const Facts facts = compute_facts(*model);
  EXPECT_EQ(facts.sliding_layers, 8);  // layers 28..35
  for (std::size_t i = 0; i < model->layers.size(); ++i)
    EXPECT_EQ(model->layers[i].attention.span == AttentionSpan::SlidingWindow, i >= 28) << i;
  // 36 × 2 × 2 KV heads × 128 × 2 B = 36,864 B per token (windows not applied).
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 36864);
  // 28 × 1,024 × 32,768 + 8 × 1,024 × 4,096 = 939,524,096 + 33,554,432.
  EXPECT_EQ(kv_at(*model, 32768), 973078528);
}

// ---- 08: Mistral-7B-v0.1, sliding_window without layer_types ------------------------------------------------

TEST(SharedCase08, MistralSlidingWindowWindowsEveryLayer) {
  // MistralAttention passes config.sliding_window to every layer (modeling_mistral.py).
  auto model = read_config_path(cases() / "08-config.json");
  ASSERT_TRUE(model) << model.error().message;
  const Facts facts = compute_facts(*model);
  EXPECT_EQ(facts.layers, 32);
  EXPECT_EQ(facts.sliding_layers, 32);
  EXPECT_EQ(facts.kv_cache.window_limited_layers, 32);
  for (const Layer& layer : model->layers) EXPECT_EQ(layer.attention.window, 4096);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 131072);  // 32 × 2 × 8 × 128 × 2
  EXPECT_EQ(facts.params.total, 7241732096);
  // 131,072 × 4,096 = 536,870,912 B at 32k (the paper's 8× below 4,294,967,296).
  EXPECT_EQ(kv_at(*model, 32768), 536870912);
  auto report = memory_report(*model, MemoryQuery{.context = 32768});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->naive_kv_bytes, 4294967296);
}

TEST(SharedCase08, NullWindowAndMixtralFollowTheSameRule) {
  nlohmann::json config = nlohmann::json::parse(R"({"model_type": "mistral", "hidden_size": 4096,
    "intermediate_size": 14336, "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8,
    "vocab_size": 32768, "max_position_embeddings": 32768, "sliding_window": null})");
  auto v03 = read_config_json(config, "mistral-v0.3.json");  // Mistral 7B v0.2+: sliding_window null
  ASSERT_TRUE(v03) << v03.error().message;
  EXPECT_EQ(compute_facts(*v03).sliding_layers, 0);
  config["model_type"] = "mixtral";
  config["num_local_experts"] = 8;
  config["num_experts_per_tok"] = 2;
  config["sliding_window"] = 4096;  // MixtralAttention is MistralAttention
  auto mixtral = read_config_json(config, "mixtral.json");
  ASSERT_TRUE(mixtral) << mixtral.error().message;
  EXPECT_EQ(compute_facts(*mixtral).sliding_layers, 32);
  config["model_type"] = "granitemoe";  // GraniteMoeAttention takes no window
  auto granite = read_config_json(config, "granitemoe.json");
  ASSERT_TRUE(granite) << granite.error().message;
  EXPECT_EQ(compute_facts(*granite).sliding_layers, 0);
}

// ---- 11: converter tables (rope_factors_long/short, rope_freqs) ---------------------------------------------

// Phi-4-mini-instruct as case 11's make.py writes it (llama.cpp#12091's load log: 196 tensors).
GgufWriter phi4_mini_gguf() {
  constexpr std::uint64_t H = 3072, L = 32, V = 200064, FF = 8192, HEADS = 24, KV = 8, HD = 128;
  GgufWriter w;
  const std::string a = "phi3";
  w.string("general.architecture", a);
  w.u32(a + ".context_length", 131072);
  w.u32(a + ".rope.scaling.original_context_length", 4096);
  w.u32(a + ".embedding_length", H);
  w.u32(a + ".feed_forward_length", FF);
  w.u32(a + ".block_count", L);
  w.u32(a + ".attention.head_count", HEADS);
  w.u32(a + ".attention.head_count_kv", KV);
  w.f32(a + ".attention.layer_norm_rms_epsilon", 1e-5f);
  w.u32(a + ".rope.dimension_count", 96);
  w.f32(a + ".rope.freq_base", 10000.0f);
  w.u32(a + ".attention.sliding_window", 262144);
  w.string_array("tokenizer.ggml.tokens", V, [](std::uint64_t i) { return fmt::format("t{}", i); });
  tensor(w, "token_embd.weight", {H, V}, kBF16);
  tensor(w, "output_norm.weight", {H}, kF32);
  tensor(w, "rope_factors_long.weight", {HD * 3 / 8}, kF32);
  tensor(w, "rope_factors_short.weight", {HD * 3 / 8}, kF32);
  for (std::uint64_t i = 0; i < L; ++i) {
    const std::string b = fmt::format("blk.{}.", i);
    tensor(w, b + "attn_norm.weight", {H}, kF32);
    tensor(w, b + "attn_qkv.weight", {H, HEADS * HD + 2 * KV * HD}, kBF16);
    tensor(w, b + "attn_output.weight", {HEADS * HD, H}, kBF16);
    tensor(w, b + "ffn_norm.weight", {H}, kF32);
    tensor(w, b + "ffn_up.weight", {H, 2 * FF}, kBF16);
    tensor(w, b + "ffn_down.weight", {FF, H}, kBF16);
  }
  return w;
}

// Llama-3.1-8B-Instruct as case 11's make_llama31.py writes it, with the 64-value rope_freqs.weight.
GgufWriter llama31_8b_gguf() {
  constexpr std::uint64_t H = 4096, L = 32, V = 128256, FF = 14336, HEADS = 32, KV = 8, HD = 128;
  GgufWriter w;
  const std::string a = "llama";
  w.string("general.architecture", a);
  w.u32(a + ".block_count", L);
  w.u32(a + ".context_length", 131072);
  w.u32(a + ".embedding_length", H);
  w.u32(a + ".feed_forward_length", FF);
  w.u32(a + ".attention.head_count", HEADS);
  w.u32(a + ".attention.head_count_kv", KV);
  w.f32(a + ".rope.freq_base", 500000.0f);
  w.f32(a + ".attention.layer_norm_rms_epsilon", 1e-5f);
  w.u32(a + ".vocab_size", V);
  w.u32(a + ".rope.dimension_count", HD);
  tensor(w, "token_embd.weight", {H, V}, kBF16);
  tensor(w, "output_norm.weight", {H}, kF32);
  tensor(w, "output.weight", {H, V}, kBF16);
  tensor(w, "rope_freqs.weight", {HD / 2}, kF32);
  for (std::uint64_t i = 0; i < L; ++i) {
    const std::string b = fmt::format("blk.{}.", i);
    tensor(w, b + "attn_norm.weight", {H}, kF32);
    tensor(w, b + "attn_q.weight", {H, H}, kBF16);
    tensor(w, b + "attn_k.weight", {H, KV * HD}, kBF16);
    tensor(w, b + "attn_v.weight", {H, KV * HD}, kBF16);
    tensor(w, b + "attn_output.weight", {H, H}, kBF16);
    tensor(w, b + "ffn_norm.weight", {H}, kF32);
    tensor(w, b + "ffn_gate.weight", {H, FF}, kBF16);
    tensor(w, b + "ffn_up.weight", {H, FF}, kBF16);
    tensor(w, b + "ffn_down.weight", {FF, H}, kBF16);
  }
  return w;
}

const ComponentShare* component_share(const CheckpointReport& report, Component component) {
  for (const ComponentShare& share : report.by_component)
    if (share.component == component) return &share;
  return nullptr;
}

TEST(SharedCase11, RopeFactorTablesAreListedApartAndTheCrossCheckMatches) {
  const fs::path dir = scratch("11");
  phi4_mini_gguf().write(dir / "phi4-mini.gguf");
  auto file = read_gguf(dir / "phi4-mini.gguf");
  ASSERT_TRUE(file) << file.error().message;
  auto model = model_from_gguf(*file);
  ASSERT_TRUE(model) << model.error().message;
  EXPECT_TRUE(model->tied_embeddings);
  EXPECT_DOUBLE_EQ(model->layers.front().attention.rope_fraction, 0.75);  // 96 / 128
  const Facts facts = compute_facts(*model);
  // 32 × 100,669,440 + 200,064 × 3,072 (once, tied) + 3,072 (final norm).
  EXPECT_EQ(facts.params.total, 3836021760);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 131072);
  EXPECT_EQ(kv_at(*model, 131072), 17179869184);  // the 262,144 window caps nothing at 131,072
  auto report = checkpoint_report(checkpoint_of(*file), &*model);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->tensor_count, 196);
  EXPECT_EQ(report->params, 3836021760);  // the 2 × 48 factor values are not weights
  const ComponentShare* tables = component_share(*report, Component::Table);
  ASSERT_NE(tables, nullptr);
  EXPECT_EQ(tables->tensors, 2);
  EXPECT_EQ(tables->params, 96);
  ASSERT_TRUE(report->cross_check);
  EXPECT_EQ(report->cross_check->tensor_total, 3836021760);
  EXPECT_TRUE(report->cross_check->matches);
  EXPECT_EQ(component_share(*report, Component::Other), nullptr);

  llama31_8b_gguf().write(dir / "llama31.gguf");
  auto llama = read_gguf(dir / "llama31.gguf");
  ASSERT_TRUE(llama) << llama.error().message;
  auto llama_model = model_from_gguf(*llama);
  ASSERT_TRUE(llama_model) << llama_model.error().message;
  auto llama_report = checkpoint_report(checkpoint_of(*llama), &*llama_model);
  ASSERT_TRUE(llama_report) << llama_report.error().message;
  EXPECT_EQ(llama_report->params, 8030261248);
  ASSERT_TRUE(llama_report->cross_check);
  EXPECT_EQ(llama_report->cross_check->tensor_total, 8030261248);
  EXPECT_TRUE(llama_report->cross_check->matches);
  const ComponentShare* freqs = component_share(*llama_report, Component::Table);
  ASSERT_NE(freqs, nullptr);
  EXPECT_EQ(freqs->params, 64);
  fs::remove_all(dir);
}

// ---- 15: Nemotron-H with a bare Infinity ------------------------------------------------------------------

TEST(SharedCase15, NemotronHConfigWithInfinityLoadsWithItsStateAndTotal) {
  auto model = read_config_path(cases() / "15-config.json");  // "time_step_limit": [0.0, Infinity]
  ASSERT_TRUE(model) << model.error().message;
  const Facts facts = compute_facts(*model);
  EXPECT_EQ(facts.layers, 56);  // 27 Mamba-2 + 4 attention + 25 MLP-only
  EXPECT_EQ(facts.attention_layers, 4);
  EXPECT_EQ(facts.recurrent_layers, 27);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 16384);  // 4 × 2 × 8 × 128 × 2
  // 27 × 147,450,624 + 4 × 55,054,720 + 25 × 140,497,280 + 2 × 131,072 × 4,480 + 4,480 (NVIDIA card 8.89B).
  EXPECT_EQ(facts.params.total, 8888227328);
  auto memory = memory_report(*model, MemoryQuery{.context = 131072});
  ASSERT_TRUE(memory) << memory.error().message;
  EXPECT_EQ(memory->kv_bytes, 2147483648);
  // Per Mamba layer: SSM 128 × 80 × 128 × 4 B = 5,242,880 + conv (10,240 + 2 × 8 × 128) × 3 × 2 B = 73,728;
  // × 27 = 143,548,416 B.
  EXPECT_EQ(memory->state_bytes, 143548416);
  // The finite copy reads the same.
  auto finite = read_config_path(cases() / "15-config-finite.json");
  ASSERT_TRUE(finite) << finite.error().message;
  EXPECT_EQ(compute_facts(*finite).params.total, 8888227328);
}

// ---- 16: MXFP4 scales are not parameters ---------------------------------------------------------------

TEST(SharedCase16, MxfpScalesAreNotWeightsInFilesParams) {
  constexpr std::int64_t H = 2880, L = 24, V = 201088, E = 32, HEADS = 64, KV = 8, HD = 64, FF = 2880;
  std::vector<FakeTensor> t = {{"model.embed_tokens.weight", "BF16", {V, H}},
                               {"lm_head.weight", "BF16", {V, H}},
                               {"model.norm.weight", "BF16", {H}}};
  for (std::int64_t i = 0; i < L; ++i) {
    const std::string p = fmt::format("model.layers.{}.", i);
    for (const auto& [name, dtype, shape] : std::vector<FakeTensor>{
             {"input_layernorm.weight", "BF16", {H}},
             {"post_attention_layernorm.weight", "BF16", {H}},
             {"self_attn.q_proj.weight", "BF16", {HEADS * HD, H}},
             {"self_attn.q_proj.bias", "BF16", {HEADS * HD}},
             {"self_attn.k_proj.weight", "BF16", {KV * HD, H}},
             {"self_attn.k_proj.bias", "BF16", {KV * HD}},
             {"self_attn.v_proj.weight", "BF16", {KV * HD, H}},
             {"self_attn.v_proj.bias", "BF16", {KV * HD}},
             {"self_attn.o_proj.weight", "BF16", {H, HEADS * HD}},
             {"self_attn.o_proj.bias", "BF16", {H}},
             {"self_attn.sinks", "BF16", {HEADS}},
             {"mlp.router.weight", "BF16", {E, H}},
             {"mlp.router.bias", "BF16", {E}},
             {"mlp.experts.gate_up_proj_blocks", "U8", {E, 2 * FF, H / 32, 16}},
             {"mlp.experts.gate_up_proj_scales", "U8", {E, 2 * FF, H / 32}},
             {"mlp.experts.gate_up_proj_bias", "BF16", {E, 2 * FF}},
             {"mlp.experts.down_proj_blocks", "U8", {E, H, FF / 32, 16}},
             {"mlp.experts.down_proj_scales", "U8", {E, H, FF / 32}},
             {"mlp.experts.down_proj_bias", "BF16", {E, H}}})
      t.push_back({p + name, dtype, shape});
  }
  const fs::path dir = scratch("16");
  write_safetensors(dir / "model.safetensors", t);
  fs::copy_file(cases() / "16-config.json", dir / "config.json", fs::copy_options::overwrite_existing);
  auto files = read_weight_files(dir);
  ASSERT_TRUE(files) << files.error().message;
  ASSERT_TRUE(*files);
  auto model = read_model_path(dir);
  ASSERT_TRUE(model) << model.error().message;
  auto report = checkpoint_report(checkpoint_of((*files)->safetensors), &*model);
  ASSERT_TRUE(report) << report.error().message;
  // 19,110,297,600 MXFP4 values (blocks: bytes × 2) + 1,804,459,584 BF16 (model card 20.91B).
  EXPECT_EQ(report->params, 20914757184);
  EXPECT_EQ(report->tensor_bytes, 13761264768u);  // scales' 597,196,800 bytes included
  EXPECT_NEAR(report->bits_per_weight, 13761264768.0 * 8 / 20914757184.0, 1e-9);
  EXPECT_EQ(fmt::format("{:.3f}", report->bits_per_weight), "5.264");
  for (const DtypeShare& share : report->by_dtype)
    if (share.dtype == "U8") {
      EXPECT_EQ(share.params, 19110297600);
      EXPECT_EQ(share.bytes, 10152345600u);
      EXPECT_DOUBLE_EQ(share.bits_per_weight, 4.25);  // 10,152,345,600 × 8 / 19,110,297,600
    }
  const ComponentShare* scales = component_share(*report, Component::QuantScale);
  ASSERT_NE(scales, nullptr);
  EXPECT_EQ(scales->bytes, 597196800u);
  ASSERT_TRUE(report->cross_check);
  EXPECT_TRUE(report->cross_check->matches);
  EXPECT_EQ(report->cross_check->tensor_total, 20914757184);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace llmg
