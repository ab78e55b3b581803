// MPT (model_type mpt).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// MPT (MptForCausalLM, transformers modeling_mpt.py; MptConfig spells the sizes d_model, n_heads,
// n_layers, max_seq_len and nests attention settings in attn_config): ALiBi on every layer (MptModel
// builds the ALiBi bias itself; no position embeddings), a fused Wqkv Linear(d, 3·d) and out_proj without
// bias (multi-head: transformers' MptAttention has no KV-head count), norm_1 / norm_2 / norm_f LayerNorms
// whose bias is removed (`norm.bias = None`), a plain GELU MLP up_proj d -> expansion_ratio·d and down_proj
// without bias, and the LM head tied to wte. attn_config.clip_qkv clamps q, k and v. A GGUF's
// feed_forward_length (intermediate_size) wins over expansion_ratio.
void read_mpt(ConfigView& config, Model& model) {
  model.positions = PositionKind::ALiBi;
  model.norm_kind = NormKind::LayerNormNoBias;
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = false;
  a.rope_fraction = 0.0;
  a.qkv_clip = config.number_or(Key::ClipQkv, 0.0);
  FeedForwardSpec& ffn = layer.ffn;
  ffn.kind = FfnKind::Dense;
  ffn.gated = false;
  ffn.bias = false;
  ffn.activation = "gelu";  // MptMLP: nn.GELU(approximate="none"); MptConfig has no activation key
  if (config.find(Key::IntermediateSize)) {
    ffn.intermediate_size = config.require_int(Key::IntermediateSize);
  } else {
    ffn.intermediate_size = config.int_named(Key::ExpansionRatio, 4) * model.hidden_size;
    config.note_source("intermediate_size", "expansion_ratio × d_model (MptMLP)");
  }
  fill_layers(config, model, layer);
}

}  // namespace llmg
