// Cohere (model_type cohere: Command R, Command R+, Aya 23, Aya Expanse).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Cohere (CohereForCausalLM, modeling_cohere.py): one bias-free LayerNorm (CohereLayerNorm) feeding
// attention and the gated SiLU MLP in parallel, both added to the residual; RoPE on every layer; tied
// embeddings (CohereConfig default, which configs omit). use_qk_norm (Command R+) adds CohereLayerNorms
// of shape (heads, head_dim) on queries and (kv heads, head_dim) on keys: full-width counts.
void read_cohere(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNormNoBias;
  model.norm_placement = NormPlacement::Parallel;
  Layer layer = llama_layer(config, model);
  if (config.bool_named(Key::UseQkNorm, false)) layer.attention.qk_norm = QkNorm::FullWidth;
  fill_layers(config, model, layer);
}

}  // namespace llmg
