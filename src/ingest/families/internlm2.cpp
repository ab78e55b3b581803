// InternLM2 / 2.5 and InternLM3 (model_types internlm2, internlm3; remote code modeling_internlm2.py
// InternLM2ForCausalLM, modeling_internlm3.py InternLM3ForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/remote_code.h"
#include "ingest/families/steps.h"

namespace llmg {

// InternLM2DecoderLayer: attention_norm, InternLM2Attention's wqkv = Linear(hidden, (heads + 2 × kv_heads) ×
// head_dim, bias=config.bias) packing each KV group's queries with its key and value (the q/k/v of GQA),
// wo (bias=config.bias); ffn_norm, feed_forward w1/w3/w2 without bias; tok_embeddings and output untied
// (InternLM2Config default). head_dim = hidden_size / num_attention_heads.
void read_internlm2(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_internlm2.py (InternLM2ForCausalLM)");
  Layer layer = llama_layer(config, model);  // "bias" is an attention_bias spelling: wqkv and wo
  fill_layers(config, model, layer);
}

// InternLM3DecoderLayer: the Llama layout with q/k/v bias = qkv_bias, o_proj and the MLP's gate/up/down
// bias = bias; head_dim given. InternLM3Config defaults: qkv_bias false, bias false, untied.
void read_internlm3(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_internlm3.py (InternLM3ForCausalLM)");
  Layer layer = llama_layer(config, model);
  // "bias" is also the attention_bias row's third spelling (q/k/v/o everywhere else); InternLM3 gives it its
  // own meaning (o_proj and MLP only), so it is looked up by name here.
  const bool bias = config.bool_named(std::string_view("bias"), false);
  AttentionSpec& a = layer.attention;
  // read_attention took q/k/v/o bias from the first attention_bias spelling: qkv_bias here, or "bias" when the
  // file has no qkv_bias (then qkv_bias keeps its default, false).
  if (config.spelling(Key::AttentionBias) == std::string_view("bias")) a.q_bias = a.k_bias = a.v_bias = false;
  a.o_bias = bias;
  layer.ffn.bias = bias;
  fill_layers(config, model, layer);
}

}  // namespace llmg
