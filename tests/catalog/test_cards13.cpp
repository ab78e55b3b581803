// Issue 13 item 2: the catalog cards whose config was in the catalog but whose architecture had no
// reader or mechanism (catalog/sources.tsv notes). Every figure is worked by hand from the config and the
// modeling file named in the comment; the KV figures follow the gallery convention (bf16, windows not
// applied, every pass of a looped stack counted).
#include <string>

#include <gtest/gtest.h>

#include "analysis/engine_memory.h"
#include "analysis/memory.h"
#include "render/svg/diagram.h"
#include "test_support.h"
#include "view/model_view.h"

using llmg::testing::catalog_facts;
using llmg::testing::catalog_model;

namespace {

llmg::MemoryReport memory_at(const std::string& slug, std::int64_t context) {
  llmg::MemoryQuery query;
  query.context = context;
  query.batch = 1;
  auto report = llmg::memory_report(catalog_model(slug), query);
  if (!report) throw std::runtime_error(report.error().message);
  return *report;
}

}  // namespace

// ---- looped depth ---------------------------------------------------------------------------------

// Ouro-2.6B-Thinking (modeling_ouro.py): 48 layers run total_ut_steps = 4 times.
// Embedding and untied LM head 2 × 49,152 × 2,048 = 201,326,592; per layer q/k/v/o 4 × 2,048² =
// 16,777,216 (16 heads = 16 KV heads × 128 = 2,048), SwiGLU 3 × 2,048 × 5,632 = 34,603,008, four RMSNorms
// (input_layernorm, _2, post_attention_layernorm, _2) 8,192 → 51,388,416 × 48 = 2,466,643,968; final norm
// 2,048; early_exit_gate Linear(2,048, 1) with bias 2,049. Total 2,667,974,657 (the name's 2.6B).
// KV: 16 × 128 × 2 (K, V) × 2 B = 8 KiB per layer and pass; × 48 layers = 384 KiB per pass; × 4 passes
// = 1,572,864 B = 1,536 KiB per token.
TEST(Cards13, OuroLoopsItsStackFourTimes) {
  const auto facts = catalog_facts("ouro-thinking-2-6b");
  EXPECT_EQ(facts.params.total, 2'667'974'657);
  EXPECT_EQ(facts.params.total, 2LL * 49'152 * 2'048 + 48LL * (4LL * 2'048 * 2'048 + 3LL * 2'048 * 5'632 + 4 * 2'048) +
                                    2'048 + 2'049);
  // Dense: every weight runs; the input embedding is a lookup.
  EXPECT_EQ(facts.params.active, facts.params.total - 49'152LL * 2'048);
  EXPECT_EQ(facts.layers, 48);
  EXPECT_EQ(facts.loop_count, 4);
  EXPECT_EQ(facts.layers_effective, 192);
  EXPECT_EQ(facts.attention_layers, 48);
  EXPECT_EQ(facts.kv_cache.caching_layers, 48);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 4LL * 48 * 16 * 128 * 2 * 2);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 1'572'864);
  EXPECT_EQ(catalog_model("ouro-thinking-2-6b").norm_placement, llmg::NormPlacement::Sandwich);
}

// Nanbeige 4.2 3B (reconstructed; hipfire bring-up table of the checkpoint's config): 22 Llama layers
// run num_loops = 2 times. Embedding and untied LM head 2 × 166,144 × 3,072 = 1,020,788,736; per layer
// q 3,072 → 48 × 128 = 6,144 (18,874,368), k and v 3,072 → 8 × 128 = 1,024 (3,145,728 each), o 6,144 →
// 3,072 (18,874,368), SwiGLU 3 × 3,072 × 10,752 = 99,090,432, two norms 6,144 → 143,136,768 × 22 =
// 3,149,008,896; final norm 3,072. Total 4,169,800,704 (the bring-up plan's "≈ 8.34 GB bf16" = 2 B each;
// the "3B" of the name is the non-embedding count 3,149,011,968). KV: 22 layers × 2 passes × 2 × 8 × 128
// × 2 B = 180,224 B = 176 KiB per token (the report: the KV cache is not shared across loops).
TEST(Cards13, NanbeigeLoopsItsStackTwice) {
  const auto facts = catalog_facts("nanbeige-4-2-3b");
  EXPECT_EQ(facts.params.total, 4'169'800'704);
  EXPECT_EQ(facts.params.total,
            2LL * 166'144 * 3'072 + 22LL * (2LL * 3'072 * 6'144 + 2LL * 3'072 * 1'024 + 3LL * 3'072 * 10'752 + 2 * 3'072) +
                3'072);
  EXPECT_EQ(facts.params.active_non_embedding, 3'149'011'968);  // the "3B" of the name
  EXPECT_EQ(facts.layers, 22);
  EXPECT_EQ(facts.loop_count, 2);
  EXPECT_EQ(facts.layers_effective, 44);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 2LL * 22 * 2 * 8 * 128 * 2);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 180'224);
}

// Memory keeps a cache per pass and runs the weights once per pass; the weights are stored once.
TEST(Cards13, LoopedMemoryCountsEveryPass) {
  const auto ouro = memory_at("ouro-thinking-2-6b", 8192);
  EXPECT_EQ(ouro.kv_bytes, 4LL * 48 * 8192 * 2 * 16 * 128 * 2);  // 6 GiB at 8k tokens
  EXPECT_EQ(ouro.kv_bytes, ouro.naive_kv_bytes);
  EXPECT_EQ(ouro.weight_bytes, 2 * catalog_facts("ouro-thinking-2-6b").params.total);
  ASSERT_EQ(ouro.by_kind.size(), 1u);
  EXPECT_EQ(ouro.by_kind[0].layers, 48);
  // Decode FLOPs: 2 × (active + 3 more passes of the 48 layers' weights) + attention over 8,192 tokens
  // in 4 × 48 layer passes (2 × 2 × 16 heads × 128 × 8,192 each).
  const std::int64_t layer_weights = 48LL * (4LL * 2'048 * 2'048 + 3LL * 2'048 * 5'632 + 4 * 2'048);
  const double expected = 2.0 * static_cast<double>(catalog_facts("ouro-thinking-2-6b").params.active + 3 * layer_weights) +
                          192.0 * 2 * 2 * 16 * 128 * 8192;
  EXPECT_DOUBLE_EQ(ouro.decode_flops_per_token, expected);
  // An engine allocates the unrolled stack: llama.cpp f16, one sequence, 8,192 cells × 192 cache layers.
  llmg::EngineSettings settings;
  auto engine = llmg::engine_memory(catalog_model("ouro-thinking-2-6b"), ouro, settings);
  ASSERT_TRUE(engine.has_value()) << engine.error().message;
  EXPECT_EQ(engine->kv_bytes, 192LL * 8192 * 2 * 16 * 128 * 2);
  ASSERT_EQ(engine->by_kind.size(), 1u);
  EXPECT_EQ(engine->by_kind[0].layers, 48);
}

// The diagram draws the loop: an arrow beside the stack labelled with the pass count.
TEST(Cards13, LoopedDiagramDrawsTheLoop) {
  const auto* entry = llmg::Catalog::bundled().find("ouro-thinking-2-6b");
  ASSERT_NE(entry, nullptr);
  const std::string svg = llmg::diagram_svg(llmg::view_of(*entry));
  EXPECT_NE(svg.find("data-fact=\"loop_count\">× 4</tspan>"), std::string::npos) << svg.substr(0, 400);
  EXPECT_NE(svg.find("passes"), std::string::npos);
  EXPECT_NE(svg.find("layers × 4 passes"), std::string::npos);
  const std::string thumb = llmg::diagram_svg(llmg::view_of(*entry), {.thumbnail = true});
  EXPECT_NE(thumb.find("× 4"), std::string::npos);
  // A model without a loop draws none.
  const std::string llama = llmg::diagram_svg(llmg::view_of(*llmg::Catalog::bundled().find("llama-3-8b")));
  EXPECT_EQ(llama.find("loop_count"), std::string::npos);
}

// ---- Gemma 4 unified --------------------------------------------------------------------------------

// gemma-4-12b (gemma4_unified / gemma4_unified_text; transformers modeling_gemma4_unified.py: the
// Gemma 4 text decoder): 40 sliding + 8 global layers, hidden 3,840, 16 heads, tied 262,144-row embedding.
// Sliding layer: q 3,840 → 16 × 256 (15,728,640), k and v 3,840 → 8 × 256 (7,864,320 each), o
// (15,728,640), q_norm and k_norm 256 each (v_norm has no scale) → 47,186,432; GeGLU 3 × 3,840 × 15,360 =
// 176,947,200; four norms 15,360 → 224,148,992. Global layer (attention_k_eq_v: no v_proj): q 3,840 →
// 16 × 512 (31,457,280), k 3,840 → 1 × 512 (1,966,080), o 31,457,280, norms 2 × 512 → 64,881,664;
// + MLP and norms → 241,844,224. 40 × 224,148,992 + 8 × 241,844,224 + final norm 3,840 + embedding
// 1,006,632,960 = 11,907,350,272 (the name's 12B). KV: 40 × 8 × 256 × 2 × 2 B + 8 × 1 × 512 × 1 × 2 B =
// 335,872 B = 328 KiB per token (catalog/sources.tsv's figure).
TEST(Cards13, Gemma4UnifiedReadsAsGemma4) {
  const auto facts = catalog_facts("gemma-4-12b");
  EXPECT_EQ(facts.params.total, 40LL * 224'148'992 + 8LL * 241'844'224 + 3'840 + 262'144LL * 3'840);
  EXPECT_EQ(facts.params.total, 11'907'350'272);
  EXPECT_EQ(facts.layers, 48);
  EXPECT_EQ(facts.sliding_layers, 40);
  EXPECT_EQ(facts.attention_layers, 48);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 40LL * 8 * 256 * 2 * 2 + 8LL * 1 * 512 * 1 * 2);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 335'872);
  EXPECT_EQ(facts.loop_count, 1);
}

// ---- MiniMax Sparse Attention ---------------------------------------------------------------------

// minimax-m3-428b (minimax_m3_vl text_config; MiniMaxM3SparseForCausalLM in vLLM's MiniMax-M3 plugin):
// hidden 6,144, 64 heads / 4 KV heads × 128. Attention per layer: q 6,144 → 8,192 (50,331,648), k and v
// 6,144 → 512 (3,145,728 each), o 8,192 → 6,144 (50,331,648), q_norm and k_norm 128 each → 106,955,008.
// Sparse layers (57: sparse_attention_freq) add the indexer: index_q 6,144 → 4 × 128 (3,145,728), index_k
// 6,144 → 128 (786,432), two norms 256 → 3,932,416. Dense layers 0–2: SwiGLU-OAI 3 × 6,144 × 12,288 =
// 226,492,416. MoE layers 3–59: gate 128 × 6,144 = 786,432 + correction bias 128; 128 experts of
// 3 × 6,144 × 3,072 = 56,623,104 (7,247,757,312) + one shared expert 56,623,104 → 7,305,166,976. Two norms
// 12,288 per layer. Dense layer 333,459,712 × 3 + sparse MoE layer 7,416,066,688 × 57 + final norm 6,144 +
// embedding and untied LM head 2 × 200,064 × 6,144 = 426,174,572,928. Active: 4 of 128 experts, so a MoE
// layer runs 7,416,066,688 − 124 × 56,623,104 = 394,801,792; 57 × that + 3 dense layers + final norm + LM
// head 1,229,193,216 = 24,733,280,640. KV: 60 × 4 × 128 × 2 × 2 B = 122,880 B = 120 KiB (index keys out).
TEST(Cards13, MiniMaxM3SparseAttention) {
  const auto facts = catalog_facts("minimax-m3-428b");
  const std::int64_t attention = 2LL * 6'144 * 8'192 + 2LL * 6'144 * 512 + 2 * 128;
  const std::int64_t indexer = 6'144LL * 512 + 6'144LL * 128 + 2 * 128;
  const std::int64_t expert = 3LL * 6'144 * 3'072;
  const std::int64_t moe = 6'144LL * 128 + 128 + 129 * expert;
  const std::int64_t dense_layer = attention + 3LL * 6'144 * 12'288 + 2 * 6'144;
  const std::int64_t sparse_layer = attention + indexer + moe + 2 * 6'144;
  EXPECT_EQ(facts.params.total, 3 * dense_layer + 57 * sparse_layer + 6'144 + 2LL * 200'064 * 6'144);
  EXPECT_EQ(facts.params.total, 426'174'572'928);
  EXPECT_EQ(facts.params.active, 3 * dense_layer + 57 * (sparse_layer - 124 * expert) + 6'144 + 200'064LL * 6'144);
  EXPECT_EQ(facts.params.active, 24'733'280'640);
  EXPECT_EQ(facts.layers, 60);
  EXPECT_EQ(facts.moe_layers, 57);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 60LL * 4 * 128 * 2 * 2);
  const llmg::Model& model = catalog_model("minimax-m3-428b");
  EXPECT_EQ(model.layers[2].attention.sparse_block_size, 0);
  EXPECT_EQ(model.layers[3].attention.sparse_block_size, 128);
  EXPECT_EQ(model.layers[3].attention.indexer_top_k, 16);
  EXPECT_NE(facts.attention_summary.find("MiniMax Sparse Attention"), std::string::npos) << facts.attention_summary;
  // Decode attends to 16 blocks of 128 tokens in the 57 sparse layers, to all tokens in the 3 dense ones.
  const auto at_64k = memory_at("minimax-m3-428b", 65'536);
  EXPECT_DOUBLE_EQ(at_64k.decode_flops_per_token,
                   2.0 * static_cast<double>(facts.params.active) +
                       2.0 * 64 * 256 * (3.0 * 65'536 + 57.0 * 16 * 128));
}

// ---- Kimi K3: gated MLA without RoPE, full-rank KDA gate, latent MoE, block attention residuals ----

// kimi-k3-2-8t (kimi_k3, text_config kimi_linear; SGLang kimi_k3.py): hidden 7,168, 93 layers = 69 KDA +
// 24 gated MLA, layer 0 dense, 92 latent-MoE layers. KDA (96 heads × 128 = 12,288): q/k/v 3 × 12,288 ×
// 7,168, three depthwise convs 3 × 12,288 × 4, A_log 96, dt_bias 12,288, f_a 128 × 7,168, f_b 12,288 × 128,
// full-rank g_proj 12,288 × 7,168, b_proj 96 × 7,168, o_norm 128, o_proj 7,168 × 12,288 = 443,740,384.
// Gated MLA: q_a 7,168 × 1,536 + norm 1,536, q_b 1,536 × 96 × 192, kv_a 7,168 × 576 + norm 512, kv_b 512 ×
// 96 × 256, o 12,288 × 7,168, g_proj 7,168 × 12,288 = 232,196,096. Dense MLP 3 × 7,168 × 33,792. Latent MoE:
// router 896 × 7,168 + correction bias 896, 896 experts of 3 × 3,584 × 3,072 = 33,030,144 (the checkpoint's
// per-expert count), down/up projections 2 × 7,168 × 3,584, latent norm 3,584, shared MLP 3 × 7,168 × 6,144
// → 29,784,936,832. Per layer two norms 14,336 and two attention-residual mixers 2 × (7,168 + 7,168); final
// norm 7,168 and the output mixer 14,336; embedding and LM head 2 × 163,840 × 7,168.
// Total 2,779,484,476,000 (the report's "2.8T"); active (16 of 896 experts) 104,189,612,640 ("104 billion
// activated"). KV: 24 MLA layers × (512 + 64) × 2 B = 27,648 B = 27 KiB (NoPE still caches the rope slice).
TEST(Cards13, KimiK3) {
  const auto facts = catalog_facts("kimi-k3-2-8t");
  const std::int64_t h = 7'168, w = 96 * 128, expert = 3LL * 3'584 * 3'072;
  const std::int64_t kda = 3 * w * h + 3 * w * 4 + 96 + w + 128 * h + w * 128 + w * h + 96 * h + 128 + h * w;
  const std::int64_t mla = h * 1'536 + 1'536 + 1'536LL * 96 * 192 + h * 576 + 512 + 512LL * 96 * 256 + w * h + h * w;
  const std::int64_t moe = 896 * h + 896 + 896 * expert + 2 * h * 3'584 + 3'584 + 3 * h * 6'144;
  const std::int64_t per_layer = 2 * h + 2 * (h + h);
  EXPECT_EQ(kda, 443'740'384);
  EXPECT_EQ(mla, 232'196'096);
  EXPECT_EQ(expert, 33'030'144);
  const std::int64_t total = 2LL * 163'840 * h + 69 * kda + 24 * mla + 3 * h * 33'792 + 92 * moe + 93 * per_layer + h + 2 * h;
  EXPECT_EQ(facts.params.total, total);
  EXPECT_EQ(facts.params.total, 2'779'484'476'000);
  EXPECT_EQ(facts.params.active, total - 163'840LL * h - 92 * 880 * expert);
  EXPECT_EQ(facts.params.active, 104'189'612'640);
  EXPECT_EQ(facts.layers, 93);
  EXPECT_EQ(facts.attention_layers, 24);
  EXPECT_EQ(facts.recurrent_layers, 69);
  EXPECT_EQ(facts.moe_layers, 92);
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, 24LL * (512 + 64) * 2);
  // Ember-1 is shown with Kimi K3's config: the same figures.
  const auto ember = catalog_facts("ember-1-2-8t");
  EXPECT_EQ(ember.params.total, facts.params.total);
  EXPECT_EQ(ember.params.active, facts.params.active);
  EXPECT_EQ(ember.kv_cache.bytes_per_token_bf16, facts.kv_cache.bytes_per_token_bf16);
}
