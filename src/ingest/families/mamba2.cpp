// Mamba-2 (model_type mamba2).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Mamba-2 (Mamba2ForCausalLM, transformers modeling_mamba2.py; Codestral Mamba, state-spaces mamba2-*):
// a stack of Mamba2Mixer blocks, each behind one RMSNorm, no MLP and no positions, a final norm_f. The
// mixer (analysis/params.cpp mamba2_tensors): num_heads SSM heads of head_dim channels (their product is
// the inner width expand × hidden_size, which Mamba2Mixer requires), n_groups groups of B and C of
// state_size each, a depthwise conv of conv_kernel over x, B and C (bias when use_conv_bias, default
// true), in_proj / out_proj (bias when use_bias, default false). No context limit is declared (0).
// LM head untied unless the file says otherwise (Mamba2Config tie_word_embeddings False).
void read_mamba2(ConfigView& config, Model& model) {
  model.hidden_size = config.require_int(Key::HiddenSize);
  model.vocab_size = config.require_int(Key::VocabSize);
  model.context_length = config.int_or(Key::ContextLength, 0);
  model.tied_embeddings = config.bool_or(Key::TieEmbeddings, false);
  model.norm_eps = config.number_or(Key::NormEps, 0.0);
  model.positions = PositionKind::NoPE;
  Layer layer;
  layer.mixer = MixerKind::Mamba2;
  layer.ffn.kind = FfnKind::None;
  RecurrentSpec& r = layer.recurrent;
  r.num_heads = config.require_int(Key::NumHeads);
  r.value_head_dim = config.require_int(Key::HeadDim);
  r.state_size = config.require_int(Key::SsmStateSize);
  r.num_groups = config.int_named(Key::MambaGroups, 1, 1, 1 << 16);
  r.conv_kernel = config.int_named(Key::ConvKernel, 4, 1, 1 << 10);
  r.conv_bias = config.bool_named(Key::UseConvBias, true);
  r.proj_bias = config.bool_named(Key::UseBias, false);
  const std::int64_t expand = config.int_named(Key::Expand, 2, 1, 1024);
  if (!config.ok()) return;
  if (r.num_heads * r.value_head_dim != expand * model.hidden_size) {
    config.fail(config.spelling(Key::NumHeads),
                fmt::format("expected num_heads × head_dim = expand × hidden_size ({} × {} = {}), got {} × {}", expand,
                            model.hidden_size, expand * model.hidden_size, r.num_heads, r.value_head_dim));
    return;
  }
  if (r.num_groups <= 0 || r.num_heads % r.num_groups != 0) {
    config.fail(config.spelling(Key::MambaGroups),
                fmt::format("expected a divisor of num_heads ({}), got {}", r.num_heads, r.num_groups));
    return;
  }
  fill_layers(config, model, layer);
}

}  // namespace llmg
