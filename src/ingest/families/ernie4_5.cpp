// ERNIE 4.5 dense (model_type ernie4_5; transformers Ernie4_5ForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Ernie4_5DecoderLayer: the Llama layout; `use_bias` puts a bias on q/k/v/o and on the MLP projections.
// Tied embeddings by default (Ernie4_5Config tie_word_embeddings True).
void read_ernie4_5(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  const bool bias = config.bool_named(Key::UseBias, false);
  layer.attention.q_bias = layer.attention.k_bias = layer.attention.v_bias = layer.attention.o_bias = bias;
  layer.ffn.bias = bias;
  read_llama_like(config, model, layer);
}

}  // namespace llmg
