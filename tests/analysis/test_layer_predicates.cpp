// The Layer predicates (model/model.h) are the one answer to "is this layer attention / recurrent /
// windowed / caching": every caller asks them, so these tests pin their answers and check that the
// keys, the facts and show --json agree with them for every catalog model.
#include <algorithm>

#include <gtest/gtest.h>

#include "render/text/json.h"
#include "test_support.h"
#include "view/model_view.h"

using llmg::AttentionSpan;
using llmg::Layer;
using llmg::MixerKind;
using llmg::testing::catalog_model;

namespace {

Layer layer_of(MixerKind mixer, AttentionSpan span = AttentionSpan::Full, std::int64_t window = 0) {
  Layer layer;
  layer.mixer = mixer;
  layer.attention.span = span;
  layer.attention.window = window;
  return layer;
}

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

TEST(LayerPredicates, EveryMixerKind) {
  struct Case {
    MixerKind mixer;
    bool softmax, recurrent;
  };
  const Case cases[] = {
      {MixerKind::None, false, false},
      {MixerKind::Attention, true, false},
      {MixerKind::LatentAttention, true, false},
      {MixerKind::GatedDeltaNet, false, true},
      {MixerKind::KimiDeltaAttention, false, true},
      {MixerKind::LightningAttention, false, true},
      {MixerKind::Mamba2, false, true},
      {MixerKind::MLSTM, false, true},
      {MixerKind::CompressedAttention, true, false},
      {MixerKind::Mamba, false, true},
      {MixerKind::ShortConv, false, true},  // set B (issue 12): LFM2, RWKV-4, RecurrentGemma
      {MixerKind::Rwkv4, false, true},
      {MixerKind::RgLru, false, true},
  };
  static_assert(std::size(cases) == llmg::kMixerKindCount, "a case per mixer kind");
  for (const Case& c : cases) {
    const Layer layer = layer_of(c.mixer);
    SCOPED_TRACE(std::string(llmg::mixer_kind_key(c.mixer)));
    EXPECT_EQ(layer.is_softmax_attention(), c.softmax);
    EXPECT_EQ(layer.is_recurrent(), c.recurrent);
    EXPECT_EQ(layer.has_kv(), c.softmax);  // a full-span layer of its own: softmax attention caches
    EXPECT_FALSE(layer.is_windowed());     // full span
  }
}

TEST(LayerPredicates, WindowsAndSharedCaches) {
  EXPECT_TRUE(layer_of(MixerKind::Attention, AttentionSpan::SlidingWindow, 4096).is_windowed());
  EXPECT_TRUE(layer_of(MixerKind::Attention, AttentionSpan::Chunked, 8192).is_windowed());
  EXPECT_TRUE(layer_of(MixerKind::LatentAttention, AttentionSpan::SlidingWindow, 128).is_windowed());
  // A span on a recurrent layer means nothing: it has no window.
  EXPECT_FALSE(layer_of(MixerKind::Mamba2, AttentionSpan::SlidingWindow, 128).is_windowed());
  // DeepSeek V4: sliding layers (compress_ratio 0) are windowed; CSA/HCA see the whole context.
  Layer v4 = layer_of(MixerKind::CompressedAttention, AttentionSpan::SlidingWindow, 128);
  EXPECT_TRUE(v4.is_windowed());
  v4.attention.compress_ratio = 4;
  EXPECT_FALSE(v4.is_windowed());
  EXPECT_TRUE(v4.has_kv());
  // Gemma 4's KV-sharing layers attend but keep no cache of their own.
  Layer shared = layer_of(MixerKind::Attention);
  shared.attention.kv_shared_from = 3;
  EXPECT_TRUE(shared.is_softmax_attention());
  EXPECT_FALSE(shared.has_kv());
}

// DeepSeek V4 Flash (catalog config deepseek-v4-flash-284b: 43 layers, compress_ratios 0, 0, then 4 and
// 128 alternating; sliding_window 128): every layer attends over a 128-token window, so every
// layer_detail entry keeps "window" (the intended fix of issue 11); the two sliding layers are keyed
// and counted as windowed, the CSA/HCA ones are not.
TEST(LayerPredicates, DeepSeekV4LayerDetailKeepsWindow) {
  const llmg::CatalogEntry* entry = llmg::Catalog::bundled().find("deepseek-v4-flash-284b");
  ASSERT_NE(entry, nullptr);
  const nlohmann::json json = llmg::model_json(llmg::view_of(*entry));
  const auto& detail = json.at("layer_detail");
  ASSERT_EQ(detail.size(), 43u);
  for (const auto& layer : detail) EXPECT_EQ(layer.value("window", 0), 128) << layer.dump();
  EXPECT_EQ(detail[0].at("mixer"), "sliding_attention");
  EXPECT_EQ(detail[1].at("mixer"), "sliding_attention");
  EXPECT_EQ(detail[2].at("mixer"), "compressed_sparse_attention");
  EXPECT_EQ(detail[3].at("mixer"), "heavily_compressed_attention");
  EXPECT_EQ(json.at("sliding_layers"), 2);
  EXPECT_EQ(json.at("attention_layers"), 43);
  const llmg::Model& model = *entry->model;
  EXPECT_TRUE(model.layers[0].is_windowed());
  EXPECT_FALSE(model.layers[2].is_windowed());
  EXPECT_FALSE(model.layers[3].is_windowed());
}

// For every catalog model: the layer key, the facts and show --json's layer_detail say what the
// predicates say.
TEST(LayerPredicates, KeysFactsAndJsonAgreeAcrossTheCatalog) {
  int checked = 0;
  for (const llmg::CatalogEntry& entry : llmg::Catalog::bundled().entries()) {
    if (!entry.model) continue;
    SCOPED_TRACE(entry.slug);
    const llmg::Model& model = *entry.model;
    const llmg::Facts facts = llmg::compute_facts(model);
    const nlohmann::json detail = llmg::model_json(llmg::view_of(entry)).at("layer_detail");
    ASSERT_EQ(detail.size(), model.layers.size());
    std::int64_t softmax = 0, recurrent = 0, windowed = 0, none = 0;
    for (std::size_t i = 0; i < model.layers.size(); ++i) {
      const Layer& layer = model.layers[i];
      const std::string key = llmg::layer_mixer_key(layer);
      EXPECT_EQ(layer.is_windowed(), starts_with(key, "sliding_") || starts_with(key, "chunked_")) << key;
      EXPECT_EQ(detail[i].contains("window"),
                layer.is_softmax_attention() && layer.attention.span != AttentionSpan::Full)
          << i;
      EXPECT_LE(int(layer.is_softmax_attention()) + int(layer.is_recurrent()), 1);
      softmax += layer.is_softmax_attention();
      recurrent += layer.is_recurrent();
      windowed += layer.is_windowed();
      none += layer.mixer == MixerKind::None;
      ++checked;
    }
    EXPECT_EQ(facts.attention_layers, softmax);
    EXPECT_EQ(facts.recurrent_layers, recurrent);
    EXPECT_EQ(facts.sliding_layers, windowed);
    EXPECT_EQ(softmax + recurrent + none, model.layer_count());
  }
  EXPECT_GT(checked, 1000);  // the catalog has dozens of models of tens of layers
}

// The vocabulary: every layer kind's key maps back to it, and short labels fall back to the key.
TEST(Vocab, LayerKindKeysRoundTrip) {
  for (const auto& row : llmg::vocab::kLayerKinds) {
    llmg::LayerKind kind;
    ASSERT_TRUE(llmg::layer_kind_of_key(row.key, &kind)) << row.key;
    EXPECT_EQ(kind, row.value);
  }
  EXPECT_EQ(llmg::short_mixer_label("sliding_attention"), "sliding-window");
  EXPECT_EQ(llmg::short_mixer_label("no_such_kind"), "no_such_kind");
  EXPECT_EQ(llmg::norm_kind_label(llmg::NormKind::LayerNormNoBias), "LayerNorm (no bias)");
  EXPECT_EQ(llmg::decoder_type_label(llmg::DecoderType::SparseMoE), "sparse MoE");
  EXPECT_EQ(llmg::component_label(llmg::Component::FeedForward), "MLP");
}

// DeepSeek Sparse Attention's indexer top-k is a field of the layer (config index_topk: 2,048 in the
// catalog configs of DeepSeek V3.2 and GLM-5/5.1), in every layer and MTP layer; a model without DSA has
// none (the diagram's "sparse: DSA lightning indexer" line asks this field).
TEST(LayerPredicates, DsaIndexerTopK) {
  for (const char* slug : {"deepseek-v3-2-671b", "glm-5-744b", "glm-5-1-744b"}) {
    SCOPED_TRACE(slug);
    const llmg::Model& model = catalog_model(slug);
    for (const Layer& layer : model.layers) EXPECT_EQ(layer.attention.indexer_top_k, 2048);
    ASSERT_EQ(model.mtp_layers.size(), 1u);
    EXPECT_EQ(model.mtp_layers[0].attention.indexer_top_k, 2048);
  }
  for (const Layer& layer : catalog_model("deepseek-v3-671b").layers) EXPECT_EQ(layer.attention.indexer_top_k, 0);
}

// The tensors of every mixer come from analysis/params.cpp: the readers of KDA, mLSTM and DeepSeek V4
// keep no mixer tensors in Layer::extra (only V4's hyper-connections, filed under "other").
TEST(LayerPredicates, MixerTensorsAreNotFamilyExtras) {
  const llmg::Model& kimi = catalog_model("kimi-linear-48b-a3b");
  ASSERT_EQ(kimi.layers[0].mixer, MixerKind::KimiDeltaAttention);  // kda_layers starts at layer 1 (1-based)
  EXPECT_TRUE(kimi.layers[0].extra.empty());
  EXPECT_TRUE(catalog_model("xlstm-7b").layers[0].extra.empty());
  for (const Layer& layer : catalog_model("deepseek-v4-flash-284b").layers)
    for (const llmg::TensorSpec& tensor : layer.extra) EXPECT_EQ(tensor.component, llmg::Component::Other) << tensor.name;
  // The KDA tensors are still listed, under the layer's prefix, as the checkpoint names them.
  const auto tensors = llmg::layer_tensors(kimi, kimi.layers[0], "model.layers.0.");
  EXPECT_TRUE(std::any_of(tensors.begin(), tensors.end(),
                          [](const llmg::TensorSpec& t) { return t.name == "model.layers.0.self_attn.f_b_proj.weight"; }));
}
