// RWKV-4 (model_type rwkv; transformers RwkvForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// RwkvBlock: ln1 -> time mixing (MixerKind::Rwkv4, attention_hidden_size channels, hidden when null) ->
// ln2 -> channel mixing: key Linear(hidden, intermediate_size) and value Linear(intermediate_size, hidden)
// around a squared ReLU (an ungated MLP here), plus receptance Linear(hidden, hidden) and the time_mix_key /
// time_mix_receptance vectors (listed as extra tensors); intermediate_size is 4 × hidden when null. Block 0
// adds pre_ln; ln_out is the final norm; LayerNorm with bias; no positions; untied head by default.
// Reads its own basics: RwkvConfig spells the context `context_length`.
void read_rwkv(ConfigView& config, Model& model) {
  model.hidden_size = config.require_int(Key::HiddenSize);
  model.vocab_size = config.require_int(Key::VocabSize);
  model.context_length = config.require_int(Key::RwkvContextLength);
  model.tied_embeddings = config.bool_or(Key::TieEmbeddings, false);
  model.norm_eps = config.number_or(Key::NormEps, 0.0);
  model.norm_kind = NormKind::LayerNorm;
  model.positions = PositionKind::NoPE;
  const std::int64_t h = model.hidden_size;
  Layer layer;
  layer.mixer = MixerKind::Rwkv4;
  layer.recurrent.value_head_dim = config.int_or(Key::AttentionHiddenSize, h);
  layer.ffn.kind = FfnKind::Dense;
  layer.ffn.gated = false;
  layer.ffn.activation = "relu2";
  layer.ffn.intermediate_size = config.int_or(Key::IntermediateSize, 4 * h);
  if (!config.find(Key::IntermediateSize)) config.note_source("intermediate_size", "4 × hidden_size (RwkvConfig)");
  layer.extra.push_back({Component::FeedForward, "feed_forward.receptance.weight", {h, h}});
  layer.extra.push_back({Component::FeedForward, "feed_forward.time_mix_key", {1, 1, h}});
  layer.extra.push_back({Component::FeedForward, "feed_forward.time_mix_receptance", {1, 1, h}});
  fill_layers(config, model, layer);
  model.extra.push_back({Component::Norm, "blocks.0.pre_ln.weight", {h}});
  model.extra.push_back({Component::Norm, "blocks.0.pre_ln.bias", {h}});
}

}  // namespace llmg
