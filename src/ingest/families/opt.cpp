// OPT (model_type opt).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// OPT (OPTForCausalLM, modeling_opt.py): learned absolute positions with OPT's offset of 2
// (OPTLearnedPositionalEmbedding: max_position_embeddings + 2 rows); q/k/v/out_proj with bias; a plain
// ReLU MLP fc1/fc2 of width ffn_dim with bias; LayerNorm with bias before each sub-block and a final one
// (do_layer_norm_before); tied LM head. Not read (bad input naming the key): opt-350m's layout, where
// word_embed_proj_dim differs from hidden_size (project_in/project_out) and do_layer_norm_before is false
// (norms after the sub-blocks, no final norm).
void read_opt(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  model.positions = PositionKind::Learned;
  model.learned_position_count = model.context_length + 2;
  config.note_source("learned positions", "max_position_embeddings + 2 (OPT's position offset)");
  if (const auto projection = config.maybe_int(Key::WordEmbedProjDim); projection && *projection != model.hidden_size)
    config.fail("word_embed_proj_dim",
                fmt::format("expected hidden_size ({}): the project_in/project_out layout (opt-350m) is not read, got {}",
                            model.hidden_size, *projection));
  if (!config.bool_named(Key::DoLayerNormBefore, true))
    config.fail("do_layer_norm_before", "expected true: OPT's post-norm layout without a final norm (opt-350m) is not read");
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = a.o_bias = config.bool_named(Key::EnableBias, true);
  a.rope_fraction = 0.0;
  layer.ffn = read_plain_ffn(config, model, "relu", a.o_bias, Key::FfnDim);
  fill_layers(config, model, layer);
}

}  // namespace llmg
