// gpt-oss (model_type gpt_oss).
#include <algorithm>
#include <fmt/format.h>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// gpt-oss (GptOssForCausalLM): alternating sliding (128) and full attention from layer_types, learned
// attention sinks per head, bias on q/k/v/o, a router with bias and experts with biases
// (gate_up_proj_bias, down_proj_bias). The expert width is intermediate_size.
void read_gpt_oss(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.sinks = true;
  layer.ffn = read_moe_ffn(config, MoeOptions{.width = Key::IntermediateSize,
                                              .shared = SharedExperts::None,
                                              .activation = "swiglu (clamped)"});
  layer.ffn.bias = true;
  layer.ffn.router_bias = true;  // a linear bias on the router, not a correction bias
  fill_layers(config, model, layer);
  apply_layer_types(config, model, config.int_or(Key::SlidingWindow, 0));
  model.notes.push_back("gpt-oss: experts are intermediate_size wide; router and experts carry biases");
}

}  // namespace llmg
