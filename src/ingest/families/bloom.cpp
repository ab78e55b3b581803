// BLOOM (model_type bloom).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// BLOOM (BloomForCausalLM, modeling_bloom.py; BloomConfig takes the hidden size as n_embed, the layers as
// n_layer, the heads as n_head or num_attention_heads): ALiBi instead of position embeddings, so there is
// no max_position_embeddings (seq_length, when given, is the training length); word_embeddings followed
// by word_embeddings_layernorm; fused query_key_value and dense with bias; a plain GELU MLP 4 × hidden
// with bias; LayerNorm with bias, pre-norm; LM head tied (PretrainedConfig default).
void read_bloom(ConfigView& config, Model& model) {
  // BloomConfig: hidden_size = n_embed when n_embed is given (it wins over hidden_size).
  const bool n_embed = config.find(Key::NEmbed) != nullptr;
  model.hidden_size = n_embed ? config.require_int(Key::NEmbed) : config.require_int(Key::HiddenSize);
  if (n_embed) config.note_source("hidden_size", "n_embed");
  model.vocab_size = config.require_int(Key::VocabSize);
  model.context_length = config.int_or(Key::ContextLength, 0);
  model.tied_embeddings = config.bool_or(Key::TieEmbeddings, true);
  model.norm_eps = config.number_or(Key::NormEps, 0.0);
  model.norm_kind = NormKind::LayerNorm;
  model.positions = PositionKind::ALiBi;
  model.extra.push_back({Component::Norm, "transformer.word_embeddings_layernorm.weight", {model.hidden_size}});
  model.extra.push_back({Component::Norm, "transformer.word_embeddings_layernorm.bias", {model.hidden_size}});
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = true;
  a.rope_fraction = 0.0;
  FeedForwardSpec& ffn = layer.ffn;
  ffn.kind = FfnKind::Dense;
  ffn.gated = false;
  ffn.bias = true;
  ffn.activation = "gelu";  // BloomGelu (tanh approximation); BloomConfig has no activation key
  ffn.intermediate_size = 4 * model.hidden_size;
  config.note_source("intermediate_size", "4 × hidden_size (BloomMLP)");
  fill_layers(config, model, layer);
}

}  // namespace llmg
