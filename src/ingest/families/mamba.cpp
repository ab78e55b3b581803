// Mamba and Falcon Mamba (model_types mamba, falcon_mamba).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Mamba (MambaForCausalLM, modeling_mamba.py) and Falcon Mamba (FalconMambaForCausalLM): a stack of
// Mamba-1 mixers, each behind one RMSNorm, no MLP, a final norm_f; no positions and no context limit
// (max_position_embeddings absent: context 0, "not declared"). Inner width: intermediate_size when the
// file gives it, else expand × hidden_size (MambaConfig; falcon-mamba-7b says expand 16 but
// intermediate_size 8192, and PretrainedConfig sets the explicit intermediate_size last, so 8192 wins).
// LM head tied unless the file says otherwise (MambaConfig / FalconMambaConfig default). Falcon Mamba's
// RMS normalisation of B, C and dt has no weights (mixer_rms_eps only).
void read_mamba(ConfigView& config, Model& model) {
  model.hidden_size = config.require_int(Key::HiddenSize);
  model.vocab_size = config.require_int(Key::VocabSize);
  model.context_length = config.int_or(Key::ContextLength, 0);
  model.tied_embeddings = config.bool_or(Key::TieEmbeddings, true);
  model.norm_eps = config.number_or(Key::NormEps, 0.0);
  model.positions = PositionKind::NoPE;
  std::int64_t inner = 0;
  if (config.find(Key::IntermediateSize)) {
    inner = config.require_int(Key::IntermediateSize);
  } else {
    inner = config.int_named(Key::Expand, 2) * model.hidden_size;
    config.note_source("intermediate_size", "expand × hidden_size");
  }
  fill_layers(config, model, read_mamba1_layer(config, model, inner, MambaKeys{}));
}

}  // namespace llmg
