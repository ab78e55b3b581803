// Ingestion per family: the normalized structure each config must produce, and clear errors for
// bad input.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include <gtest/gtest.h>

#include "analysis/params.h"
#include "ingest/keys.h"
#include "test_support.h"

using llmg::AttentionSpan;
using llmg::FfnKind;
using llmg::MixerKind;
using llmg::testing::catalog_facts;
using llmg::testing::catalog_model;
using llmg::testing::model_from;

namespace {

std::int64_t count_of(const std::vector<llmg::KindCount>& mix, const std::string& kind) {
  for (const auto& entry : mix)
    if (entry.kind == kind) return entry.count;
  return 0;
}

std::string error_of(const std::string& json_text) {
  auto model = llmg::checked_model(llmg::read_config_text(json_text, "bad.json"), "bad.json");
  return model ? std::string() : model.error().message;
}

}  // namespace

// Catalog configs whose family has no reader yet; each is shown as unknown with the reason. The list
// must match exactly: a new gap fails, and so does a fixed one that is still listed.
const std::set<std::string> kFamiliesPending = {
    "deepseek-v4-1-flash-552b",  // deepseek_v41: cross-layer KV sources, encoder-decoder split
};

TEST(Catalog, HasEveryModelOfTheFactsTable) {
  const auto& entries = llmg::Catalog::bundled().entries();
  EXPECT_EQ(entries.size(), 108u);
  EXPECT_EQ(entries.front().slug, "gpt-2-xl-1-5b");
  for (const auto& entry : entries) {
    EXPECT_FALSE(entry.name.empty()) << entry.slug;
    EXPECT_FALSE(entry.release_date.empty()) << entry.slug;
    EXPECT_FALSE(entry.vendor.empty()) << entry.slug;
    EXPECT_FALSE(entry.description.empty()) << entry.slug;
    if (!entry.parent.empty()) {
      const auto* parent = llmg::Catalog::bundled().find(entry.parent);
      ASSERT_NE(parent, nullptr) << entry.slug << ": parent " << entry.parent << " is not in the catalog";
      EXPECT_LE(parent->release_date, entry.release_date) << entry.slug << " predates its parent";
    }
    if (kFamiliesPending.count(entry.slug)) {
      EXPECT_FALSE(entry.model.has_value()) << entry.slug << " now reads: drop it from kFamiliesPending";
      EXPECT_NE(entry.unknown_short.find("no reader for"), std::string::npos) << entry.slug;
    } else if (!entry.config_text.empty()) {
      EXPECT_TRUE(entry.model.has_value()) << entry.slug << ": " << entry.unknown_reason;
    } else {
      EXPECT_EQ(entry.config_status, llmg::ConfigStatus::Unknown) << entry.slug;
      EXPECT_FALSE(entry.unknown_reason.empty()) << entry.slug;
    }
  }
}

TEST(ConfigKeys, EveryKeyHasARowWithItsName) {
  for (int k = 0; k < static_cast<int>(llmg::Key::Count); ++k) {
    const auto& spec = llmg::key_spec(static_cast<llmg::Key>(k));
    EXPECT_EQ(static_cast<int>(spec.key), k);
    EXPECT_FALSE(spec.aliases.empty());
    // The name in messages is one of the spellings the row reads.
    EXPECT_NE(std::find(spec.aliases.begin(), spec.aliases.end(), spec.name), spec.aliases.end()) << spec.name;
  }
  EXPECT_EQ(llmg::key_table().size(), static_cast<std::size_t>(llmg::Key::Count));
}

TEST(ConfigKeys, EverySpellingAndGgufSuffixBelongsToOneRow) {
  std::map<std::string_view, std::string_view> spelling_row, suffix_row;
  for (const llmg::KeySpec& spec : llmg::key_table()) {
    for (std::string_view alias : spec.aliases) {
      auto [it, fresh] = spelling_row.emplace(alias, spec.name);
      EXPECT_TRUE(fresh) << alias << " is in rows " << it->second << " and " << spec.name;
    }
    for (std::string_view suffix : spec.gguf) {
      auto [it, fresh] = suffix_row.emplace(suffix, spec.name);
      EXPECT_TRUE(fresh) << suffix << " is in rows " << it->second << " and " << spec.name;
    }
  }
  // llama.cpp's suffixes that the GGUF reader maps (25 before the tables merged; 26 with gptneox's
  // use_parallel_residual, issue 12 set A).
  // set D (issue 12): 27 with olmo's and mpt's attention.clamp_kqv (clip_qkv).
  EXPECT_EQ(suffix_row.size(), 27u);
  EXPECT_EQ(suffix_row.at("attention.clamp_kqv"), "clip_qkv");
  EXPECT_EQ(suffix_row.at("use_parallel_residual"), "use_parallel_residual");
  EXPECT_EQ(suffix_row.at("attention.head_count_kv"), "num_key_value_heads");
}

TEST(ConfigKeys, AliasesReachTheSameFact) {
  const auto gpt2_style = model_from(R"({"model_type": "llama", "n_embd": 256, "n_layer": 2, "n_head": 4,
      "intermediate_size": 512, "vocab_size": 1000, "n_positions": 128})");
  const auto hf_style = model_from(R"({"model_type": "llama", "hidden_size": 256, "num_hidden_layers": 2,
      "num_attention_heads": 4, "intermediate_size": 512, "vocab_size": 1000, "max_position_embeddings": 128})");
  EXPECT_EQ(gpt2_style.layers, hf_style.layers);
  EXPECT_EQ(gpt2_style.hidden_size, 256);
  EXPECT_EQ(gpt2_style.key_sources.at("hidden_size"), "n_embd");
  EXPECT_EQ(hf_style.key_sources.at("hidden_size"), "hidden_size");
}

TEST(Families, Gpt2IsLayerNormLearnedPositionsPlainMlp) {
  const auto& model = catalog_model("gpt-2-xl-1-5b");
  EXPECT_EQ(model.norm_kind, llmg::NormKind::LayerNorm);
  EXPECT_EQ(model.positions, llmg::PositionKind::Learned);
  EXPECT_FALSE(model.layers[0].ffn.gated);
  EXPECT_EQ(model.layers[0].ffn.intermediate_size, 4 * 1600);
  EXPECT_TRUE(model.tied_embeddings);
}

TEST(Families, Gemma3SparseConfigTakesClassDefaultsAndFiveToOne) {
  const auto& model = catalog_model("gemma-3-27b");
  EXPECT_EQ(model.vocab_size, 262'208);  // Gemma3TextConfig default; the file omits it
  EXPECT_NE(model.key_sources.at("vocab_size").find("default of Gemma3TextConfig"), std::string::npos);
  const auto facts = catalog_facts("gemma-3-27b");
  EXPECT_EQ(count_of(facts.layer_mix, "sliding_attention"), 52);
  EXPECT_EQ(count_of(facts.layer_mix, "full_attention"), 10);
  EXPECT_EQ(model.layers[0].attention.window, 1024);
  EXPECT_EQ(model.norm_placement, llmg::NormPlacement::Sandwich);
  EXPECT_EQ(llmg::mixer_mix_summary(model), "52 sliding-window + 10 global");
}

TEST(Families, GptOssAlternatesSlidingAndFull) {
  const auto& model = catalog_model("gpt-oss-120b");
  EXPECT_EQ(model.layers[0].attention.span, AttentionSpan::SlidingWindow);
  EXPECT_EQ(model.layers[0].attention.window, 128);
  EXPECT_EQ(model.layers[1].attention.span, AttentionSpan::Full);
  EXPECT_TRUE(model.layers[0].attention.sinks);
  EXPECT_EQ(model.layers[0].ffn.num_experts, 128);
  EXPECT_EQ(model.layers[0].ffn.experts_per_token, 4);
}

TEST(Families, DeepSeekV3DensePrefixMlaAndMtp) {
  const auto& model = catalog_model("deepseek-v3-671b");
  const auto facts = catalog_facts("deepseek-v3-671b");
  EXPECT_EQ(count_of(facts.ffn_mix, "dense"), 3);
  EXPECT_EQ(count_of(facts.ffn_mix, "moe"), 58);
  EXPECT_EQ(model.layers[5].mixer, MixerKind::LatentAttention);
  EXPECT_EQ(model.layers[5].attention.kv_lora_rank, 512);
  EXPECT_EQ(model.layers[5].ffn.num_shared_experts, 1);
  EXPECT_EQ(model.mtp_layers.size(), 1u);
  EXPECT_EQ(llmg::layer_runs(model).size(), 2u);
}

// DeepSeek V4-Flash: compress_ratios [0, 0, 4, 128, ..., 4 | 0 for MTP] -> 2 sliding, 21 CSA, 20 HCA;
// the first num_hash_layers (3) route by token id: no correction bias on their router.
TEST(Families, DeepSeekV4CompressedAttentionSchedule) {
  const auto& model = catalog_model("deepseek-v4-flash-284b");
  const auto facts = catalog_facts("deepseek-v4-flash-284b");
  EXPECT_EQ(count_of(facts.layer_mix, "sliding_attention"), 2);
  EXPECT_EQ(count_of(facts.layer_mix, "compressed_sparse_attention"), 21);
  EXPECT_EQ(count_of(facts.layer_mix, "heavily_compressed_attention"), 20);
  EXPECT_EQ(facts.sliding_layers, 2);  // compressed layers see the whole context
  EXPECT_EQ(model.layers[2].mixer, MixerKind::CompressedAttention);
  EXPECT_EQ(model.layers[2].attention.compress_ratio, 4);
  EXPECT_EQ(model.layers[2].attention.compressed_top_k, 512);
  EXPECT_EQ(model.layers[3].attention.compress_ratio, 128);
  EXPECT_EQ(model.layers[3].attention.compressed_top_k, 0);
  EXPECT_FALSE(model.layers[2].ffn.router_correction_bias);  // hash-routed
  EXPECT_TRUE(model.layers[3].ffn.router_correction_bias);
  ASSERT_EQ(model.mtp_layers.size(), 1u);
  EXPECT_EQ(model.mtp_layers[0].attention.compress_ratio, 0);  // compress_ratios[43] = 0
  // Grouped output projection: 8 groups of 64 × 512 / 8 = 4,096 inputs -> 8 × 1,024 outputs.
  const auto tensors = llmg::layer_tensors(model, model.layers[0], "");
  const auto o_a = std::find_if(tensors.begin(), tensors.end(),
                                [](const llmg::TensorSpec& t) { return t.name == "self_attn.o_a_proj.weight"; });
  ASSERT_NE(o_a, tensors.end());
  EXPECT_EQ(o_a->shape, (std::vector<std::int64_t>{8192, 4096}));
}

// Laguna: query heads per layer (48 global / 64 sliding), a g_proj gate per head, first layer dense.
TEST(Families, LagunaPerLayerHeadsAndGate) {
  const auto& model = catalog_model("laguna-xs-2-33b");
  EXPECT_EQ(model.layers[0].attention.num_heads, 48);
  EXPECT_EQ(model.layers[1].attention.num_heads, 64);
  EXPECT_EQ(model.layers[1].attention.window, 512);
  EXPECT_EQ(model.layers[0].attention.rope_fraction, 0.5);
  EXPECT_EQ(model.layers[0].ffn.kind, FfnKind::Dense);
  EXPECT_EQ(model.layers[1].ffn.kind, FfnKind::MoE);
  ASSERT_EQ(model.layers[1].extra.size(), 1u);
  EXPECT_EQ(model.layers[1].extra[0].shape, (std::vector<std::int64_t>{64, 2048}));
  const auto bad = llmg::read_config_text(R"({"model_type": "laguna", "hidden_size": 64, "vocab_size": 100,
    "max_position_embeddings": 128, "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
    "intermediate_size": 32, "num_experts": 4, "num_experts_per_tok": 2, "moe_intermediate_size": 8,
    "num_attention_heads_per_layer": [4]})", "laguna.json");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("num_attention_heads_per_layer"), std::string::npos);
}

// AFMoE (Trinity Large): every 4th layer global and NoPE, the rest sliding with RoPE; 6 dense layers.
TEST(Families, AfmoeGlobalEveryFourthNoPe) {
  const auto& model = catalog_model("arcee-ai-trinity-large-400b");
  const auto facts = catalog_facts("arcee-ai-trinity-large-400b");
  EXPECT_EQ(count_of(facts.layer_mix, "sliding_attention"), 45);
  EXPECT_EQ(count_of(facts.layer_mix, "full_attention"), 15);
  EXPECT_EQ(model.layers[3].attention.rope_fraction, 0.0);
  EXPECT_EQ(model.layers[0].attention.window, 4096);
  EXPECT_EQ(count_of(facts.ffn_mix, "dense"), 6);
  EXPECT_TRUE(model.layers[0].attention.output_gate);
  EXPECT_EQ(model.norm_placement, llmg::NormPlacement::Sandwich);
}

TEST(Families, DeepSeekV4RejectsUnknownCompressRatio) {
  const auto model = llmg::read_config_text(R"({"model_type": "deepseek_v4", "hidden_size": 64, "vocab_size": 100,
    "max_position_embeddings": 128, "num_hidden_layers": 2, "num_attention_heads": 4, "head_dim": 16,
    "q_lora_rank": 8, "sliding_window": 8, "n_routed_experts": 4, "num_experts_per_tok": 2,
    "moe_intermediate_size": 8, "compress_ratios": [4, 7]})", "v4.json");
  ASSERT_FALSE(model.has_value());
  EXPECT_NE(model.error().message.find("compress_ratios[1]"), std::string::npos) << model.error().message;
}

TEST(Families, Llama4ChunkedWithNoPeGlobalEveryFourth) {
  const auto& model = catalog_model("llama-4-maverick-400b");
  const auto facts = catalog_facts("llama-4-maverick-400b");
  EXPECT_EQ(count_of(facts.layer_mix, "chunked_attention"), 36);
  EXPECT_EQ(count_of(facts.layer_mix, "full_attention"), 12);
  EXPECT_EQ(model.layers[3].attention.rope_fraction, 0.0);  // layer 4 (1-based) is NoPE
  EXPECT_EQ(model.layers[0].attention.window, 8192);
  EXPECT_EQ(model.layers[0].ffn.kind, FfnKind::Dense);  // interleave_moe_layer_step 2: odd layers MoE
  EXPECT_EQ(model.layers[1].ffn.kind, FfnKind::MoE);
  EXPECT_EQ(count_of(facts.ffn_mix, "moe"), 24);
}

TEST(Families, Qwen3NextThreeDeltaNetPerAttention) {
  const auto facts = catalog_facts("qwen3-next-80b-a3b");
  EXPECT_EQ(count_of(facts.layer_mix, "gated_deltanet"), 36);
  EXPECT_EQ(count_of(facts.layer_mix, "full_attention"), 12);
  const auto& model = catalog_model("qwen3-next-80b-a3b");
  EXPECT_EQ(model.layers[3].mixer, MixerKind::Attention);
  EXPECT_TRUE(model.layers[3].attention.output_gate);
  EXPECT_EQ(facts.decoder_type, llmg::DecoderType::Hybrid);
}

TEST(Families, NemotronHFollowsThePattern) {
  const auto facts = catalog_facts("nemotron-3-nano-30b-a3b");
  EXPECT_EQ(count_of(facts.layer_mix, "mamba2"), 23);
  EXPECT_EQ(count_of(facts.layer_mix, "full_attention"), 6);
  EXPECT_EQ(count_of(facts.ffn_mix, "moe"), 23);
  EXPECT_EQ(facts.layers, 52);
}

TEST(Families, Qwen35UsesLayerTypesAndMtp) {
  const auto facts = catalog_facts("qwen3-6-27b");
  EXPECT_EQ(count_of(facts.layer_mix, "gated_deltanet"), 48);
  EXPECT_EQ(count_of(facts.layer_mix, "full_attention"), 16);
  EXPECT_EQ(catalog_model("qwen3-6-27b").mtp_layers.size(), 1u);
  EXPECT_EQ(facts.decoder_type, llmg::DecoderType::Hybrid);
}

TEST(Families, Olmo2PostNormFullWidthQkNorm) {
  const auto& model = catalog_model("olmo-2-7b");
  EXPECT_EQ(model.norm_placement, llmg::NormPlacement::Post);
  EXPECT_EQ(model.layers[0].attention.qk_norm, llmg::QkNorm::FullWidth);
}

TEST(Families, MistralParamsJson) {
  const auto model = model_from(R"({"dim": 5120, "n_layers": 40, "head_dim": 128, "hidden_dim": 32768,
      "n_heads": 32, "n_kv_heads": 8, "rope_theta": 1000000000.0, "norm_eps": 1e-05, "vocab_size": 131072})");
  EXPECT_EQ(model.model_type, "mistral_params");
  EXPECT_EQ(model.layer_count(), 40);
  EXPECT_EQ(model.layers[0].attention.head_dim, 128);
  EXPECT_EQ(model.context_length, 0);  // params.json declares none
}

TEST(BadInput, InvalidJsonNamesFileAndPosition) {
  EXPECT_NE(error_of("{\"model_type\": ").find("bad.json: invalid JSON at byte"), std::string::npos);
}

// nlohmann reports a number beyond double's range as out_of_range, not parse_error: still bad input
// (found by the safetensors fuzzer; the same parse serves configs, headers and indexes).
TEST(BadInput, NumberBeyondDoubleRangeIsBadInput) {
  const std::string error = error_of(R"({"model_type": "llama", "hidden_size": 1e999})");
  EXPECT_EQ(error, "bad.json: invalid JSON: key 'hidden_size': number 1e999 is beyond double's range");  // issue 17
}

TEST(BadInput, UnknownModelTypeIsNamed) {
  const std::string message = error_of(R"({"model_type": "frobnicator", "hidden_size": 4})");
  EXPECT_NE(message.find("unknown model type \"frobnicator\""), std::string::npos) << message;
  EXPECT_NE(message.find("model_type"), std::string::npos);
}

TEST(BadInput, MissingRequiredKeyIsNamed) {
  const std::string message = error_of(R"({"model_type": "llama", "hidden_size": 64, "num_attention_heads": 4,
      "intermediate_size": 128, "vocab_size": 100, "max_position_embeddings": 64})");
  EXPECT_NE(message.find("key 'num_hidden_layers': required key is missing"), std::string::npos) << message;
}

TEST(BadInput, NegativeAndAbsurdValuesAreRejected) {
  const std::string negative = error_of(R"({"model_type": "llama", "hidden_size": -64, "num_hidden_layers": 2,
      "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 100, "max_position_embeddings": 64})");
  EXPECT_NE(negative.find("key 'hidden_size': expected an integer in [1,"), std::string::npos) << negative;
  const std::string absurd = error_of(R"({"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 1e9,
      "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 100, "max_position_embeddings": 64})");
  EXPECT_NE(absurd.find("key 'num_hidden_layers'"), std::string::npos) << absurd;
  const std::string wrong_type = error_of(R"({"model_type": "llama", "hidden_size": "big", "num_hidden_layers": 2,
      "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 100, "max_position_embeddings": 64})");
  EXPECT_NE(wrong_type.find("key 'hidden_size': expected an integer, got \"big\""), std::string::npos) << wrong_type;
}

TEST(BadInput, InconsistentHeadsAndSchedules) {
  EXPECT_NE(error_of(R"({"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
      "num_key_value_heads": 3, "intermediate_size": 128, "vocab_size": 100, "max_position_embeddings": 64})")
                .find("num_key_value_heads"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"model_type": "gpt_oss", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
      "num_key_value_heads": 2, "intermediate_size": 128, "vocab_size": 100, "max_position_embeddings": 64,
      "num_local_experts": 4, "num_experts_per_tok": 2, "sliding_window": 8,
      "layer_types": ["sliding_attention"]})")
                .find("layer_types"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"model_type": "nemotron_h", "hidden_size": 64, "num_hidden_layers": 2,
      "num_attention_heads": 4, "intermediate_size": 128, "vocab_size": 100, "max_position_embeddings": 64,
      "hybrid_override_pattern": "MX", "mamba_num_heads": 2, "mamba_head_dim": 8, "ssm_state_size": 4,
      "n_groups": 1, "conv_kernel": 4})")
                .find("hybrid_override_pattern[1]"),
            std::string::npos);
}

TEST(BadInput, OverflowingSizesAreAnErrorNotACrash) {
  // Each value within its own bound, but the product overflows 64-bit counting.
  const std::string message = error_of(R"({"model_type": "qwen3_moe", "hidden_size": 1048576,
      "num_hidden_layers": 4096, "num_attention_heads": 8, "intermediate_size": 128, "vocab_size": 100,
      "max_position_embeddings": 64, "num_experts": 65536, "num_experts_per_tok": 2,
      "moe_intermediate_size": 4194304})");
  EXPECT_NE(message.find("overflow"), std::string::npos) << message;
}

TEST(BadInput, NotAnObject) {
  EXPECT_NE(error_of("[1, 2]").find("expected a JSON object"), std::string::npos);
  EXPECT_NE(error_of("{}").find("model_type"), std::string::npos);
}

// Cohere2: one bias-free LayerNorm per layer feeding attention and MLP in parallel.
// Per layer: norm 64 + q 64·64 + k 64·32 + v 64·32 + o 64·64 + MLP 3·64·128 = 64 + 12,288 + 24,576 = 36,928;
// 4 layers = 147,712; tied embedding 100·64 = 6,400 (counted as the LM head); final norm 64 → 154,176.
TEST(Families, Cohere2ParallelBlockAndNoPeGlobals) {
  const auto model = model_from(R"({"model_type": "cohere2", "hidden_size": 64, "num_hidden_layers": 4,
      "num_attention_heads": 4, "num_key_value_heads": 2, "intermediate_size": 128, "vocab_size": 100,
      "max_position_embeddings": 256, "sliding_window": 32, "sliding_window_pattern": 4})");
  const auto facts = llmg::compute_facts(model);
  EXPECT_EQ(facts.params.total, 154'176);
  EXPECT_EQ(model.norm_placement, llmg::NormPlacement::Parallel);
  EXPECT_EQ(count_of(facts.layer_mix, "sliding_attention"), 3);
  EXPECT_EQ(model.layers[3].attention.span, AttentionSpan::Full);
  EXPECT_EQ(model.layers[3].attention.rope_fraction, 0.0);
  EXPECT_GT(model.layers[0].attention.rope_fraction, 0.0);
}

// SmolLM3: NoPE in every 4th layer by default (no_rope_layer_interval 4).
TEST(Families, SmolLM3NoPeEveryFourthLayer) {
  const auto model = model_from(R"({"model_type": "smollm3", "hidden_size": 64, "num_hidden_layers": 8,
      "num_attention_heads": 4, "num_key_value_heads": 2, "intermediate_size": 128, "vocab_size": 100,
      "max_position_embeddings": 256})");
  for (std::size_t i = 0; i < model.layers.size(); ++i)
    EXPECT_EQ(model.layers[i].attention.rope_fraction == 0.0, i % 4 == 3) << i;
}

// Mistral 3 wrapper: text_config.model_type names the decoder; the Pixtral tower is left out.
TEST(Families, Mistral3WrapperReadsItsTextDecoder) {
  const auto& small = catalog_model("mistral-small-3-1-24b");
  EXPECT_EQ(small.family, "Mistral 3");
  EXPECT_EQ(small.layer_count(), 40);
  EXPECT_EQ(small.layers[0].mixer, MixerKind::Attention);
  const auto latent = model_from(R"({"model_type": "mistral3", "text_config": {"model_type": "deepseek_v3",
      "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4, "q_lora_rank": 16, "kv_lora_rank": 8,
      "qk_nope_head_dim": 8, "qk_rope_head_dim": 4, "v_head_dim": 8, "intermediate_size": 128,
      "moe_intermediate_size": 32, "n_routed_experts": 4, "num_experts_per_tok": 2, "first_k_dense_replace": 1,
      "vocab_size": 100, "max_position_embeddings": 256}})");
  EXPECT_EQ(latent.layers[0].mixer, MixerKind::LatentAttention);
  EXPECT_EQ(latent.layers[0].ffn.kind, FfnKind::Dense);
  EXPECT_EQ(latent.layers[1].ffn.kind, FfnKind::MoE);
  // Mistral Small 4 (Mistral4ForCausalLM): MLA, every layer MoE with one shared expert, and a router
  // without DeepSeek's correction bias (Mistral4TopkRouter holds only a weight).
  const auto& small4 = catalog_model("mistral-small-4-119b");
  EXPECT_EQ(small4.layers[0].mixer, MixerKind::LatentAttention);
  EXPECT_EQ(small4.layers[0].ffn.kind, FfnKind::MoE);
  EXPECT_EQ(small4.layers[0].ffn.num_shared_experts, 1);
  EXPECT_FALSE(small4.layers[0].ffn.router_correction_bias);
}

// Nemotron 3 Super: LatentMoE experts read and write the 1,024 latent, not the 4,096 hidden size, and
// the "*E" MTP pattern is one module with an attention mixer and a MoE feed-forward.
TEST(Families, NemotronHLatentMoeAndMtpModule) {
  const auto& model = catalog_model("nemotron-3-super-120b-a12b");
  EXPECT_EQ(model.layers[1].ffn.kind, FfnKind::MoE);
  EXPECT_EQ(model.layers[1].ffn.latent_size, 1024);
  bool saw_latent_up = false, saw_projection = false;
  for (const auto& tensor : llmg::layer_tensors(model, model.layers[1], "")) {
    if (tensor.name == "mlp.experts.up_proj.weight") {
      saw_latent_up = true;
      EXPECT_EQ(tensor.shape, (std::vector<std::int64_t>{2688, 1024}));
      EXPECT_EQ(tensor.copies, 512);
    }
    if (tensor.name == "mlp.fc1_latent_proj.weight") {
      saw_projection = true;
      EXPECT_EQ(tensor.shape, (std::vector<std::int64_t>{1024, 4096}));
    }
  }
  EXPECT_TRUE(saw_latent_up);
  EXPECT_TRUE(saw_projection);
  ASSERT_EQ(model.mtp_layers.size(), 1u);
  EXPECT_EQ(model.mtp_layers[0].mixer, MixerKind::Attention);
  EXPECT_EQ(model.mtp_layers[0].ffn.kind, FfnKind::MoE);
  // A Super-style config without '-' blocks needs no intermediate_size.
  EXPECT_EQ(count_of(catalog_facts("nemotron-3-super-120b-a12b").ffn_mix, "dense"), 0);
}

// Gemma 4 E2B: the last 20 layers reuse earlier KV caches, so they own no k_proj / v_proj / k_norm, and
// with use_double_wide_mlp their MLP is 2 × 6,144 wide; every layer carries the per-layer-input gate.
TEST(Families, Gemma4KvSharedLayersAndPerLayerInputs) {
  const auto& model = catalog_model("gemma-4-e2b");
  EXPECT_EQ(model.layers[14].attention.kv_shared_from, -1);
  EXPECT_EQ(model.layers[15].attention.kv_shared_from, 13);  // last earlier sliding layer
  EXPECT_EQ(model.layers[19].attention.kv_shared_from, 14);  // last earlier global layer
  EXPECT_EQ(model.layers[14].ffn.intermediate_size, 6144);
  EXPECT_EQ(model.layers[15].ffn.intermediate_size, 12288);
  auto names = [&](std::size_t i) {
    std::set<std::string> out;
    for (const auto& tensor : llmg::layer_tensors(model, model.layers[i], "")) out.insert(tensor.name);
    return out;
  };
  EXPECT_TRUE(names(14).count("self_attn.k_proj.weight"));
  EXPECT_FALSE(names(15).count("self_attn.k_proj.weight"));
  EXPECT_FALSE(names(15).count("self_attn.v_proj.weight"));
  EXPECT_FALSE(names(15).count("self_attn.k_norm.weight"));
  EXPECT_TRUE(names(15).count("per_layer_input_gate.weight"));
  EXPECT_EQ(catalog_model("gemma-4-e4b").layers[30].ffn.intermediate_size, 10240);  // no double-wide MLP
}

// ---- catalog-b: new families ----

// Kimi Linear: linear_attn_config numbers layers from 1; the listed KDA layers are recurrent, the rest MLA.
TEST(Families, KimiLinearOneBasedKdaLayersAndMla) {
  const auto model = llmg::testing::catalog_model("kimi-linear-48b-a3b");
  ASSERT_EQ(model.layer_count(), 27);
  const auto facts = llmg::compute_facts(model);
  EXPECT_EQ(count_of(facts.layer_mix, "kimi_delta_attention"), 20);
  EXPECT_EQ(count_of(facts.layer_mix, "latent_attention"), 7);
  for (std::size_t i : {3u, 7u, 11u, 15u, 19u, 23u, 26u}) EXPECT_EQ(model.layers[i].mixer, MixerKind::LatentAttention) << i;
  EXPECT_EQ(model.layers[0].mixer, MixerKind::KimiDeltaAttention);
  EXPECT_EQ(model.layers[0].ffn.kind, FfnKind::Dense);
  EXPECT_EQ(model.layers[1].ffn.kind, FfnKind::MoE);
  EXPECT_EQ(model.context_length, 1'048'576);  // model_max_length
  EXPECT_EQ(error_of(R"({"model_type": "kimi_linear", "hidden_size": 64, "num_hidden_layers": 2,
      "num_attention_heads": 4, "kv_lora_rank": 8, "qk_nope_head_dim": 8, "qk_rope_head_dim": 4,
      "v_head_dim": 8, "vocab_size": 100, "max_position_embeddings": 64, "intermediate_size": 32,
      "num_experts": 4, "num_experts_per_token": 2, "moe_intermediate_size": 8,
      "linear_attn_config": {"num_heads": 4, "head_dim": 8, "kda_layers": [3], "full_attn_layers": [1]}})"),
            "bad.json: key 'linear_attn_config.kda_layers': expected 1-based layer numbers up to 2, got 3");
}

// LongCat-Flash: two MLA sublayers per logical layer, the shortcut MoE on the first with its MLP as the
// shared expert; the router scores real + zero experts; the n-gram tables are m + 2i + 1 rows each.
TEST(Families, LongCatFlashSublayersZeroExpertsAndNgramTables) {
  const auto model = model_from(R"({"model_type": "longcat_flash_ngram", "hidden_size": 48, "num_layers": 2,
      "num_attention_heads": 2, "kv_lora_rank": 8, "q_lora_rank": 12, "qk_nope_head_dim": 8, "qk_rope_head_dim": 4,
      "v_head_dim": 8, "vocab_size": 100, "max_position_embeddings": 64, "ffn_hidden_size": 32,
      "n_routed_experts": 4, "zero_expert_num": 2, "moe_topk": 2, "expert_ffn_hidden_size": 8,
      "ngram_vocab_size_ratio": 3, "emb_neighbor_num": 3, "emb_split_num": 2})");
  ASSERT_EQ(model.layer_count(), 4);
  EXPECT_EQ(model.layers[0].ffn.kind, FfnKind::MoE);
  EXPECT_EQ(model.layers[1].ffn.kind, FfnKind::Dense);
  EXPECT_EQ(model.layers[0].ffn.zero_experts, 2);
  EXPECT_EQ(model.layers[0].ffn.shared_intermediate_size, 32);
  const auto facts = llmg::compute_facts(model);
  // 4 tables ((3 - 1) × 2) of 300 + 2i + 1 rows × 12 columns, plus the 100 × 48 token table.
  EXPECT_EQ(facts.params.embedding, (4 * 300 + 1 + 3 + 5 + 7) * 12 + 100 * 48);
  // Router: (4 + 2) × 48 weights + 6 correction-bias entries in each of the 2 MoE sublayers.
  EXPECT_EQ(facts.params.by_component.at(llmg::Component::Router), 2 * (6 * 48 + 6));
  EXPECT_NE(error_of(R"({"model_type": "longcat_flash", "hidden_size": 48, "num_layers": 1,
      "num_attention_heads": 2, "kv_lora_rank": 8, "qk_nope_head_dim": 8, "qk_rope_head_dim": 4,
      "v_head_dim": 8, "vocab_size": 100, "max_position_embeddings": 64, "ffn_hidden_size": 32,
      "n_routed_experts": 2, "zero_expert_num": 1, "moe_topk": 4, "expert_ffn_hidden_size": 8})")
                .find("moe_topk"),
            std::string::npos);
}

// xLSTM: mLSTM blocks sized by the dim factors rounded up to 64; no context length is declared.
TEST(Families, XlstmBlocksFromDimFactors) {
  const auto& model = llmg::testing::catalog_model("xlstm-7b");
  ASSERT_EQ(model.layer_count(), 32);
  EXPECT_EQ(model.layers[0].mixer, MixerKind::MLSTM);
  EXPECT_EQ(model.layers[0].recurrent.key_head_dim, 256);
  EXPECT_EQ(model.layers[0].recurrent.value_head_dim, 512);
  EXPECT_EQ(model.layers[0].ffn.intermediate_size, 10'944);  // 4096 × 2.667 = 10,924.03 -> 10,944
  EXPECT_EQ(model.context_length, 0);
  EXPECT_EQ(llmg::compute_facts(model).decoder_type, llmg::DecoderType::Recurrent);
  EXPECT_NE(error_of(R"({"model_type": "xlstm", "embedding_dim": 64, "num_blocks": 2, "num_heads": 3,
      "vocab_size": 10})").find("num_heads"), std::string::npos);
}

// Step 3.5: layer_types may list the MTP layers too (cut off); sliding layers take
// attention_other_setting's head count; moe_layers_enum is a comma-separated string.
TEST(Families, Step35SlidingHeadsAndMoeLayersEnum) {
  const auto model = model_from(R"({"model_type": "step3p5", "hidden_size": 64, "num_hidden_layers": 3,
      "num_attention_heads": 4, "num_attention_groups": 2, "head_dim": 16, "vocab_size": 100,
      "max_position_embeddings": 256, "intermediate_size": 128, "sliding_window": 8,
      "layer_types": ["full_attention", "sliding_attention", "sliding_attention", "full_attention"],
      "rope_theta": [5000000.0, 10000.0, 10000.0, 5000000.0],
      "attention_other_setting": {"num_attention_heads": 6, "num_attention_groups": 2},
      "use_head_wise_attn_gate": true, "moe_num_experts": 4, "moe_top_k": 2, "moe_intermediate_size": 32,
      "share_expert_dim": 16, "moe_layers_enum": "1, 2"})");
  ASSERT_EQ(model.layer_count(), 3);
  EXPECT_EQ(model.layers[0].attention.num_heads, 4);
  EXPECT_EQ(model.layers[1].attention.num_heads, 6);
  EXPECT_EQ(model.layers[1].attention.span, AttentionSpan::SlidingWindow);
  EXPECT_EQ(model.layers[0].ffn.kind, FfnKind::Dense);
  EXPECT_EQ(model.layers[2].ffn.kind, FfnKind::MoE);
  EXPECT_EQ(model.layers[2].ffn.shared_intermediate_size, 16);
  EXPECT_EQ(model.rope_theta, 5000000.0);
  EXPECT_NE(error_of(R"({"model_type": "step3p5", "hidden_size": 64, "num_hidden_layers": 1,
      "num_attention_heads": 4, "vocab_size": 100, "max_position_embeddings": 256, "intermediate_size": 128,
      "sliding_window": 8, "moe_num_experts": 4, "moe_top_k": 2, "moe_intermediate_size": 32,
      "moe_layers_enum": "0,x"})")
                .find("moe_layers_enum"),
            std::string::npos);
}

// ZAYA1: half-layers alternate CCA attention and MoE; the skip route is a zero-computation expert and the
// MLP router replaces the linear gate (EDA scale absent in the first MoE layer).
TEST(Families, Zaya1HalfLayersAndMlpRouter) {
  const auto& model = llmg::testing::catalog_model("zaya1-8b-8-4b");
  ASSERT_EQ(model.layer_count(), 80);
  EXPECT_EQ(model.layers[0].mixer, MixerKind::Attention);
  EXPECT_EQ(model.layers[0].attention.num_heads, 8);
  EXPECT_EQ(model.layers[0].attention.num_kv_heads, 2);
  EXPECT_EQ(model.layers[1].mixer, MixerKind::None);
  EXPECT_EQ(model.layers[1].ffn.zero_experts, 1);
  EXPECT_TRUE(model.layers[1].ffn.router_in_extra);
  EXPECT_EQ(model.layers[3].extra.size(), model.layers[1].extra.size() + 1);  // router_states_scale
  EXPECT_NE(error_of(R"({"model_type": "zaya", "hidden_size": 64, "num_hidden_layers": 2,
      "num_attention_heads": 4, "vocab_size": 10, "max_position_embeddings": 64, "zaya_layers": ["a"]})")
                .find("zaya_layers"),
            std::string::npos);
}

// The MoE readers converted to read_moe_ffn reject a top-k above the expert count in the shared step,
// naming num_experts_per_tok; MiniMax M2's attn_type_list goes through ConfigView::per_layer_list.
TEST(Families, SharedMoeStepRejectsTopKAboveExperts) {
  for (const char* type : {"gpt_oss", "minimax_m2", "git", "llama4_text"}) {
    const std::string message = error_of(std::string(R"({"model_type": ")") + type +
                                         R"(", "hidden_size": 64, "vocab_size": 100,
      "max_position_embeddings": 128, "num_hidden_layers": 2, "num_attention_heads": 4, "head_dim": 16,
      "intermediate_size": 32, "moe_intermediate_size": 16, "intermediate_size_mlp": 32,
      "num_local_experts": 4, "num_experts_per_tok": 5})");
    // hf_config's final check would say "layer 0: expected at most"; this is the reading step's message.
    EXPECT_NE(message.find("num_experts_per_tok': expected at most num_experts (4), got 5"), std::string::npos)
        << type << ": " << message;
  }
  const std::string message = error_of(R"({"model_type": "minimax_m2", "hidden_size": 64, "vocab_size": 100,
    "max_position_embeddings": 128, "num_hidden_layers": 2, "num_attention_heads": 4, "head_dim": 16,
    "intermediate_size": 32, "num_local_experts": 4, "num_experts_per_tok": 2, "attn_type_list": [1, 1, 0]})");
  EXPECT_NE(message.find("attn_type_list"), std::string::npos) << message;
  EXPECT_NE(message.find("expected 2 entries"), std::string::npos) << message;
}
