// Mistral's native params.json (pseudo model_type mistral_params).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Mistral's native params.json (mistral-inference): dim, n_layers, n_heads, n_kv_heads, head_dim,
// hidden_dim, norm_eps, vocab_size, rope_theta, optional "moe" block; no model_type. It declares no
// context length unless max_seq_len / max_position_embeddings is present (then 0 = not declared).
void read_mistral_params(ConfigView& config, Model& model) {
  model.hidden_size = config.require_int(Key::HiddenSize);
  model.vocab_size = config.require_int(Key::VocabSize);
  model.context_length = config.int_or(Key::ContextLength, 0);
  model.tied_embeddings = config.bool_or(Key::TieEmbeddings, false);
  model.norm_eps = config.number_or(Key::NormEps, 0.0);
  model.rope_theta = config.number_or(Key::RopeTheta, 10000.0);
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.ffn = read_dense_ffn(config);
  if (config.find(Key::MoeNumExperts)) {
    // By hand: params.json keys (moe.num_experts, ...) read with bounds; the width defaults to the dense one.
    FeedForwardSpec moe;
    moe.kind = FfnKind::MoE;
    moe.num_experts = config.int_named(Key::MoeNumExperts, 0, 1, 1 << 16);
    moe.experts_per_token = config.int_named(Key::MoeNumExpertsPerTok, 0, 1, 1 << 16);
    moe.expert_intermediate_size = config.int_named(Key::MoeExpertHiddenDim, layer.ffn.intermediate_size, 1, 1 << 22);
    layer.ffn = moe;
  }
  fill_layers(config, model, layer);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (window > 0)
    for (Layer& l : model.layers) make_sliding(l, window);
  if (model.context_length == 0) model.notes.push_back("params.json declares no context length");
}

}  // namespace llmg
