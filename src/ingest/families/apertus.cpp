// Apertus (model_type apertus; transformers ApertusForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// ApertusDecoderLayer: attention with q_norm / k_norm RMSNorm(head_dim); an MLP without gate (up_proj,
// down_proj) whose xIELU activation holds two learned scalars, alpha_p and alpha_n (nn.Parameter of shape
// (1,); its beta and eps are buffers, not counted).
void read_apertus(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  layer.ffn = read_dense_ffn(config, /*gated=*/false);
  if (layer.ffn.activation == "xielu") {
    layer.extra.push_back({Component::FeedForward, "mlp.act_fn.alpha_p", {1}});
    layer.extra.push_back({Component::FeedForward, "mlp.act_fn.alpha_n", {1}});
  }
  read_llama_like(config, model, layer);
}

// ArceeDecoderLayer: the Llama layout with an ungated MLP (up_proj, down_proj; ReLU² in AFM-4.5B).
void read_arcee(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.ffn = read_dense_ffn(config, /*gated=*/false);
  read_llama_like(config, model, layer);
}

}  // namespace llmg
