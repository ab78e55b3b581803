// The concept table (view/concepts.h): detectors over catalog models, worked examples against the
// engine's facts, and coverage -- every mechanism a catalog model uses has a concept and a page.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/facts.h"
#include "catalog/catalog.h"
#include "export/static_site.h"
#include "view/concepts.h"
#include "view/model_view.h"

namespace {

using namespace llmg;

const std::vector<ModelView>& catalog_views() {
  static const std::vector<ModelView> views = [] {
    std::vector<ModelView> out;
    for (const CatalogEntry& e : Catalog::bundled().entries()) out.push_back(view_of(e));
    return out;
  }();
  return views;
}

const ModelView& view(const std::string& slug) {
  for (const ModelView& v : catalog_views())
    if (v.slug == slug) return v;
  throw std::runtime_error("no catalog model " + slug);
}

std::vector<std::string> names(const std::string& slug) {
  std::vector<std::string> out;
  for (const Concept* c : related_concepts(view(slug))) out.emplace_back(c->name);
  return out;
}

std::vector<const ModelView*> users_of(const Concept& c) {
  std::vector<const ModelView*> out;
  for (const ModelView& v : catalog_views())
    if (v.model && uses_concept(*v.model, c)) out.push_back(&v);
  return out;
}

using Names = std::vector<std::string>;

}  // namespace

TEST(Concepts, TableIsWellFormed) {
  std::set<std::string> seen;
  for (const Concept& c : concepts()) {
    EXPECT_TRUE(seen.insert(std::string(c.name)).second) << c.name;
    EXPECT_FALSE(c.title.empty() || c.what.empty() || c.kv_formula.empty() || c.param_formula.empty()) << c.name;
    EXPECT_TRUE((c.layer_uses != nullptr) != (c.model_uses != nullptr)) << c.name << ": exactly one detector";
    EXPECT_EQ(find_concept(c.name), &c);
  }
  // The mechanisms issue 15 names, each with a page.
  for (const char* name : {"mha", "gqa", "mqa", "mla", "sliding-window", "chunked", "hybrid", "gated-attention",
                           "k-equals-v", "kv-sharing", "deepseek-sparse-attention", "minimax-sparse-attention",
                           "qwen-sparse-attention", "compressed-attention", "gated-deltanet", "kimi-delta-attention",
                           "lightning-attention", "mamba2", "mlstm", "short-convolution", "moe", "shared-experts",
                           "latent-moe", "mtp", "nope", "partial-rope", "qk-norm", "post-norm", "sandwich-norm",
                           "per-layer-embeddings", "looped-depth", "multi-stream-residuals"})
    EXPECT_NE(find_concept(name), nullptr) << name;
  EXPECT_EQ(find_concept("no-such-concept"), nullptr);
}

TEST(Concepts, DetectorsOnKnownModels) {
  // Llama 3 8B: 32 query heads over 8 KV heads, pre-norm, full RoPE, dense.
  EXPECT_EQ(names("llama-3-8b"), (Names{"gqa"}));
  // OLMo 2 7B: 32 KV heads for 32 query heads, QK-norm over all heads, norms after each sublayer.
  EXPECT_EQ(names("olmo-2-7b"), (Names{"mha", "qk-norm", "post-norm"}));
  // DeepSeek V3: MLA, 256 routed + 1 shared expert after 3 dense layers, one MTP layer.
  EXPECT_EQ(names("deepseek-v3-671b"), (Names{"mla", "moe", "shared-experts", "mtp"}));
  // V3.2 adds the lightning indexer: DeepSeek Sparse Attention on top of MLA.
  EXPECT_EQ(names("deepseek-v3-2-671b"), (Names{"mla", "deepseek-sparse-attention", "moe", "shared-experts", "mtp"}));
  // Gemma 3 27B: 5:1 sliding window (1,024), QK-norm per head, sandwich norm.
  EXPECT_EQ(names("gemma-3-27b"), (Names{"gqa", "sliding-window", "qk-norm", "sandwich-norm"}));
  // Llama 4 Maverick: chunked local layers, NoPE in the global layers, MoE with a shared expert.
  const Names maverick = names("llama-4-maverick-400b");
  for (const char* n : {"gqa", "chunked", "moe", "shared-experts", "nope"})
    EXPECT_NE(std::find(maverick.begin(), maverick.end(), n), maverick.end()) << n;
  // Qwen3-Next: Gated DeltaNet (short convolution) 3:1 with gated attention.
  const Names next = names("qwen3-next-80b-a3b");
  for (const char* n : {"hybrid", "gated-attention", "gated-deltanet", "short-convolution", "moe", "shared-experts"})
    EXPECT_NE(std::find(next.begin(), next.end(), n), next.end()) << n;
  // Kimi Linear: KDA + MLA; Nemotron 3 Nano: Mamba-2 + GQA; xLSTM: mLSTM only, no attention.
  const Names kimi = names("kimi-linear-48b-a3b");
  EXPECT_NE(std::find(kimi.begin(), kimi.end(), "kimi-delta-attention"), kimi.end());
  EXPECT_NE(std::find(kimi.begin(), kimi.end(), "mla"), kimi.end());
  const Names nano = names("nemotron-3-nano-30b-a3b");
  EXPECT_NE(std::find(nano.begin(), nano.end(), "mamba2"), nano.end());
  EXPECT_NE(std::find(nano.begin(), nano.end(), "hybrid"), nano.end());
  const Names xlstm = names("xlstm-7b");
  EXPECT_NE(std::find(xlstm.begin(), xlstm.end(), "mlstm"), xlstm.end());
  EXPECT_EQ(std::find(xlstm.begin(), xlstm.end(), "hybrid"), xlstm.end());
  // gpt-oss: attention sinks; Gemma 4 E2B: per-layer embeddings and cross-layer KV sharing;
  // Gemma 4 31B: K = V in its global layers; DeepSeek V4: CSA / HCA over hyper-connection streams.
  const Names oss = names("gpt-oss-120b");
  EXPECT_NE(std::find(oss.begin(), oss.end(), "attention-sinks"), oss.end());
  const Names e2b = names("gemma-4-e2b");
  EXPECT_NE(std::find(e2b.begin(), e2b.end(), "per-layer-embeddings"), e2b.end());
  EXPECT_NE(std::find(e2b.begin(), e2b.end(), "kv-sharing"), e2b.end());
  const Names g31 = names("gemma-4-31b");
  EXPECT_NE(std::find(g31.begin(), g31.end(), "k-equals-v"), g31.end());
  const Names v4 = names("deepseek-v4-flash-284b");
  for (const char* n : {"mqa", "compressed-attention", "multi-stream-residuals", "moe"})
    EXPECT_NE(std::find(v4.begin(), v4.end(), n), v4.end()) << n;
  // Unknown architectures use nothing.
  EXPECT_TRUE(names("jetbrains-mellum2-thinking-12b-a2-5b").empty());
  // issue 13 cards: the looped stacks.
  const Names ouro = names("ouro-thinking-2-6b");
  EXPECT_NE(std::find(ouro.begin(), ouro.end(), "looped-depth"), ouro.end());
}

TEST(Concepts, ModelListsAreComputed) {
  // DSA: exactly the MLA models whose configs carry the lightning indexer.
  std::set<std::string> dsa;
  for (const ModelView* v : users_of(*find_concept("deepseek-sparse-attention"))) dsa.insert(v->slug);
  EXPECT_EQ(dsa, (std::set<std::string>{"deepseek-v3-2-671b", "glm-5-744b", "glm-5-1-744b", "glm-5-2-744b"}));
  // Concepts the Model cannot represent yet are used by nobody.
  for (const char* name : {"qwen-sparse-attention"})
    EXPECT_TRUE(users_of(*find_concept(name)).empty()) << name;
}

TEST(Concepts, WorkedExamplesAreTheEnginesNumbers) {
  auto example = [](const char* concept_name) {
    const Concept& c = *find_concept(concept_name);
    auto ex = worked_example(c, users_of(c));
    EXPECT_TRUE(ex) << concept_name;
    return *ex;
  };
  // GQA on Llama 3 8B (config: hidden 4096, 32 heads, 8 KV heads, head dim 128, 32 layers).
  const WorkedExample gqa = example("gqa");
  EXPECT_EQ(gqa.view->slug, "llama-3-8b");
  EXPECT_EQ(gqa.layer_index, 0);
  EXPECT_EQ(gqa.layers_using, 32);
  EXPECT_EQ(gqa.kv_values_per_layer, 8 * (128 + 128));  // 2,048 values
  EXPECT_EQ(gqa.kv_arithmetic, "8 KV heads × (128 key + 128 value) = 2,048 values × 2 bytes = 4,096 bytes");
  // q, o: 4096 × 4096 each; k, v: 1024 × 4096 each.
  EXPECT_EQ(gqa.params, 2 * 4096LL * 4096 + 2 * 1024LL * 4096);
  EXPECT_EQ(gqa.model_kv_bytes, 32 * 2048 * 2);
  EXPECT_EQ(gqa.model_kv_bytes, gqa.view->facts.kv_cache.bytes_per_token_bf16);
  // MLA on DeepSeek V3: kv_lora_rank 512 + qk_rope_head_dim 64 per layer, 61 layers.
  const WorkedExample mla = example("mla");
  EXPECT_EQ(mla.view->slug, "deepseek-v3-671b");
  EXPECT_EQ(mla.kv_values_per_layer, 512 + 64);
  EXPECT_EQ(mla.model_kv_bytes, 61 * 576 * 2);
  EXPECT_EQ(mla.model_kv_bytes, mla.view->facts.kv_cache.bytes_per_token_bf16);
  // MTP: the tensors summed are exactly the engine's params.mtp.
  const WorkedExample mtp = example("mtp");
  EXPECT_GT(mtp.params, 0);
  EXPECT_EQ(mtp.params, mtp.view->facts.params.mtp);
  // MoE on Qwen3 235B-A22B: 128 experts of 3 × 4096 × 1536, router 128 × 4096 (config moe_intermediate_size 1536).
  const WorkedExample moe = example("moe");
  EXPECT_EQ(moe.view->slug, "qwen3-235b-a22b");
  EXPECT_EQ(moe.params, 128LL * 3 * 4096 * 1536 + 128LL * 4096);
  // One token runs through its 8 experts (num_experts_per_tok) and the whole router.
  EXPECT_EQ(moe.active_params, 8LL * 3 * 4096 * 1536 + 128LL * 4096);
  // Sliding window on Gemma 3 27B: layer 0 slides over 1,024 tokens (sliding_window); 16 KV heads × 128 (head_dim).
  const WorkedExample swa = example("sliding-window");
  EXPECT_EQ(swa.view->slug, "gemma-3-27b");
  EXPECT_EQ(swa.window, 1024);
  EXPECT_EQ(swa.kv_values_per_layer, 16 * (128 + 128));
  EXPECT_EQ(swa.window, example("sliding-window").view->model->layers[0].attention.window);
  // Per-layer embeddings: the model-level tensors, whose table is counted as embedding by the engine.
  const WorkedExample ple = example("per-layer-embeddings");
  EXPECT_FALSE(ple.tensors.empty());
  // Recurrent mixers cache nothing per token.
  EXPECT_EQ(example("gated-deltanet").kv_values_per_layer, 0);
  EXPECT_TRUE(example("gated-deltanet").kv_arithmetic.empty());
  // No model: no example.
  const Concept& qsa = *find_concept("qwen-sparse-attention");
  EXPECT_FALSE(worked_example(qsa, users_of(qsa)));
  // issue 13 cards: looped depth's example is Ouro.
  EXPECT_EQ(example("looped-depth").view->slug, "ouro-thinking-2-6b");
}

// Every mechanism a catalog model uses is covered by a concept, and every concept a model uses has an
// exported page.
TEST(Concepts, EveryUsedMechanismHasAConceptAndAPage) {
  const site::SiteFiles files = site::build_site(Catalog::bundled());
  auto covered = [](const Model& m, const Layer& l, std::initializer_list<const char*> candidates) {
    for (const char* n : candidates) {
      const Concept* c = find_concept(n);
      if (c && c->layer_uses && c->layer_uses(m, l)) return true;
    }
    return false;
  };
  std::size_t models = 0;
  for (const ModelView& v : catalog_views()) {
    if (!v.model) continue;
    ++models;
    const Model& m = *v.model;
    for (const Layer& l : m.layers) {
      if (l.is_softmax_attention()) {
        EXPECT_TRUE(covered(m, l, {"mha", "gqa", "mqa", "mla"})) << v.slug;
      }
      if (l.is_windowed()) {
        EXPECT_TRUE(covered(m, l, {"sliding-window", "chunked"})) << v.slug;
      }
      if (l.is_recurrent()) {
        EXPECT_TRUE(covered(m, l, {"gated-deltanet", "kimi-delta-attention", "lightning-attention", "mamba2", "mlstm", "short-convolution"}))
            << v.slug;
      }
      if (l.is_moe()) {
        EXPECT_TRUE(covered(m, l, {"moe"})) << v.slug;
      }
      if (l.is_softmax_attention() && l.attention.qk_norm != QkNorm::None) {
        EXPECT_TRUE(covered(m, l, {"qk-norm"})) << v.slug;
      }
      if (l.attention.kv_shared_from >= 0) {
        EXPECT_TRUE(covered(m, l, {"kv-sharing"})) << v.slug;
      }
    }
    if (m.norm_placement != NormPlacement::Pre) {
      bool any = false;
      for (const char* n : {"post-norm", "sandwich-norm", "parallel-block"}) any = any || uses_concept(m, *find_concept(n));
      EXPECT_TRUE(any) << v.slug;
    }
    if (!m.mtp_layers.empty()) {
      EXPECT_TRUE(uses_concept(m, *find_concept("mtp"))) << v.slug;
    }
    for (const Concept* c : related_concepts(v))
      EXPECT_TRUE(files.contains("concepts/" + std::string(c->name) + ".html")) << v.slug << " uses " << c->name;
  }
  EXPECT_GT(models, 70u);
  // And every concept page lists the models the detector finds, with links to them.
  for (const Concept& c : concepts()) {
    const std::string& page = files.at("concepts/" + std::string(c.name) + ".html");
    for (const ModelView* v : users_of(c))
      EXPECT_NE(page.find("href=\"../models/" + v->slug + ".html\""), std::string::npos) << c.name << " " << v->slug;
    if (users_of(c).empty()) {
      EXPECT_NE(page.find("No catalog model uses it yet."), std::string::npos) << c.name;
    }
  }
}
