// Qwen (Qwen-1; model_type qwen, remote code modeling_qwen.py QWenLMHeadModel).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/remote_code.h"
#include "ingest/families/steps.h"

namespace llmg {

// QWenBlock (modeling_qwen.py): ln_1 / ln_2 RMSNorm; QWenAttention's c_attn = Linear(hidden, 3 × kv_channels ×
// heads) with bias always (q, k, v, all heads: no GQA), c_proj = Linear(kv_channels × heads, hidden, bias =
// not no_bias); QWenMLP's w1 and w2 = Linear(hidden, intermediate_size // 2, bias = not no_bias) (SwiGLU:
// a · silu(b)) and c_proj = Linear(intermediate_size // 2, hidden, bias = not no_bias). So config
// intermediate_size (22016 in Qwen-7B) is twice the MLP width. QWenConfig defaults: no_bias true,
// kv_channels 128, rotary_pct 1.0, rotary_emb_base 10000, tie_word_embeddings false.
void read_qwen(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_qwen.py (QWenLMHeadModel)");
  Layer layer;
  layer.attention = read_attention(config, model);  // kv_channels is the head size
  const bool bias = !config.bool_or(Key::NoBias, true);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = true;
  a.o_bias = bias;
  layer.ffn = read_dense_ffn(config);
  const std::int64_t width = config.int_or(Key::IntermediateSize, 0);
  if (config.ok() && width % 2 != 0)
    config.fail(config.spelling(Key::IntermediateSize),
                fmt::format("expected an even number (QWenMLP's width is intermediate_size // 2), got {}", width));
  layer.ffn.intermediate_size = width / 2;
  layer.ffn.bias = bias;
  config.note_source("intermediate_size", "intermediate_size / 2 (QWenMLP ff_dim_in)");
  fill_layers(config, model, layer);
}

}  // namespace llmg
