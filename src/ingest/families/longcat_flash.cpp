// LongCat-Flash (Meituan; transformers models/longcat_flash/modular_longcat_flash.py,
// LongcatFlashForCausalLM) and LongCat-Flash-Lite (LongcatFlashNgramForCausalLM, model_type
// longcat_flash_ngram: the same stack plus an n-gram embedding; SGLang layers/ngram_embedding.py).
#include <cmath>

#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// The n-gram embedding ("over-embedding") beside the token embedding: for every n-gram order
// 2..emb_neighbor_num and each of emb_split_num hash functions one table of m + 2·index + 1 rows
// (m = ngram_vocab_size_ratio × vocab_size, the hash modulus) and hidden_size / tables columns, each
// with a post-projection back to hidden_size; the input is the mean of the token embedding and the
// projected n-gram vectors (SGLang NgramEmbedding: embedders.{i}, post_projs.{i}). The tables are
// lookups; the projections run for every token.
void add_ngram_embedding(ConfigView& config, Model& model) {
  const double ratio = config.number_named(Key::NgramVocabSizeRatio, 0.0);  // ngram_ or oe_vocab_size_ratio
  if (ratio <= 0.0) return;
  const std::int64_t orders = config.int_named(Key::EmbNeighborNum, 0, 0, 64);  // emb_ or oe_neighbor_num
  const std::int64_t splits = config.int_named(Key::EmbSplitNum, 0, 0, 64);
  const std::int64_t tables = (orders - 1) * splits;
  if (orders < 2 || splits < 1 || model.hidden_size % tables != 0) {
    config.fail(config.spelling(Key::EmbNeighborNum), fmt::format("expected an n-gram order of at least 2, splits of at least 1 and "
                                          "hidden_size divisible by (order - 1) × splits, got {} and {}",
                                          orders, splits));
    return;
  }
  const auto modulus = static_cast<std::int64_t>(std::llround(ratio * static_cast<double>(model.vocab_size)));
  const std::int64_t width = model.hidden_size / tables;
  for (std::int64_t i = 0; i < tables; ++i) {
    model.extra.push_back({Component::Embedding, fmt::format("model.ngram_embeddings.embedders.{}.weight", i),
                           {modulus + 2 * i + 1, width}});
    model.extra.push_back({Component::Other, fmt::format("model.ngram_embeddings.post_projs.{}.weight", i),
                           {model.hidden_size, width}});
  }
  config.note_source("n-gram embedding", fmt::format("ngram_vocab_size_ratio × vocab_size rows, {} and {}",
                                                     config.spelling(Key::EmbNeighborNum),
                                                     config.spelling(Key::EmbSplitNum)));
  model.notes.push_back(fmt::format(
      "LongCat n-gram embedding: {} hashed tables of {} × {} beside the token embedding, each projected back to "
      "hidden_size; lookups, so left out of active",
      tables, modulus, width));
}

}  // namespace

// Each of num_layers logical layers holds two sublayers, shown here as two layers: MLA (q LoRA and
// LoRA scaling, no parameters for the scales) + a dense MLP of ffn_hidden_size each, and a
// shortcut-connected MoE that reads the first sublayer's normalized input and adds its output after
// the second. The MoE is shown on the first sublayer with that sublayer's MLP as its shared expert (same
// input, always on). The router (classifier) scores n_routed_experts + zero_expert_num experts with a
// correction bias; the zero-computation experts are identities with no weights, so a token runs through
// between 0 and moe_topk real experts (active counts the upper bound). MTP layers (model.mtp.*) are not
// in the config and not counted.
void read_longcat_flash(ConfigView& config, Model& model) {
  const std::int64_t logical = config.require_int(Key::NumLayers);
  Layer attention = read_mla_layer(config, model);
  attention.ffn = read_dense_ffn(config);
  Layer with_moe = attention;
  // By hand: zero-computation experts change the top-k bound (n_routed_experts + zero_expert_num).
  FeedForwardSpec& moe = with_moe.ffn;
  moe.kind = FfnKind::MoE;
  moe.num_experts = config.require_int(Key::NumExperts);
  moe.zero_experts = config.int_named(Key::ZeroExpertNum, 0, 0, 1 << 16);
  moe.experts_per_token = config.require_int(Key::ExpertsPerToken);
  moe.expert_intermediate_size = config.find(Key::ExpertFfnHiddenSize)
                                     ? config.int_named(Key::ExpertFfnHiddenSize, 0, 1, 1 << 22)
                                     : config.require_int(Key::MoeIntermediateSize);
  moe.num_shared_experts = 1;
  moe.shared_intermediate_size = attention.ffn.intermediate_size;
  moe.router_bias = config.bool_named(Key::RouterBias, false);
  moe.router_correction_bias = true;  // LongcatFlashTopkRouter.e_score_correction_bias
  if (!config.ok()) return;
  if (moe.experts_per_token > moe.num_experts + moe.zero_experts)
    config.fail("moe_topk", fmt::format("expected at most n_routed_experts + zero_expert_num ({}), got {}",
                                        moe.num_experts + moe.zero_experts, moe.experts_per_token));
  model.layers.clear();
  for (std::int64_t i = 0; i < logical; ++i) {
    model.layers.push_back(with_moe);
    model.layers.push_back(attention);
  }
  config.note_source("layer mix", "num_layers (two attention sublayers each; the MoE on the first)");
  model.notes.push_back(
      "LongCat-Flash: each of the num_layers layers is shown as two sublayers; the shortcut MoE sits on the "
      "first, whose dense MLP is shown as its shared expert");
  if (moe.zero_experts > 0)
    model.notes.push_back(fmt::format(
        "LongCat-Flash: zero-computation experts ({} identity experts among the {} routes); active counts all "
        "top-{} as real experts, the upper end of the published range",
        moe.zero_experts, moe.num_experts + moe.zero_experts, moe.experts_per_token));
  add_ngram_embedding(config, model);
}

}  // namespace llmg
