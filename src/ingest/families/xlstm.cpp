// xLSTM 7B (NX-AI/xLSTM-7b; transformers models/xlstm, xLSTMConfig / xLSTMForCausalLM, built on
// xlstm.xlstm_large): a stack of mLSTM blocks, each an mLSTM layer and a SwiGLU feed-forward with
// its own pre-RMSNorm, with no attention and no positional encoding.
#include <cmath>

#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// transformers xLSTMConfig: round_up_to_next_multiple_of(x, multiple) = ceil(x / multiple) · multiple.
std::int64_t round_up(double value, std::int64_t multiple) {
  return static_cast<std::int64_t>(std::ceil(value / static_cast<double>(multiple))) * multiple;
}

}  // namespace

// Sizes: embedding_dim (or hidden_size), num_blocks (or num_hidden_layers); qk_dim and v_dim are
// hidden × qk_dim_factor / v_dim_factor rounded up to a multiple of 64, split over num_heads; the
// feed-forward is hidden × ffn_proj_factor rounded up to ffn_round_up_to_multiple_of. A recurrent
// model declares no context length.
void read_xlstm(ConfigView& config, Model& model) {
  const char* hidden_key = config.find("embedding_dim") ? "embedding_dim" : "hidden_size";
  model.hidden_size = config.int_named(hidden_key, 0, 1, 1 << 20);
  const char* blocks_key = config.find("num_blocks") ? "num_blocks" : "num_hidden_layers";
  const std::int64_t blocks = config.int_named(blocks_key, 0, 1, 4096);
  model.vocab_size = config.require_int(Key::VocabSize);
  const std::int64_t heads = config.int_named("num_heads", 0, 1, 1 << 16);
  if (model.hidden_size == 0 || blocks == 0 || heads == 0) {
    config.fail(model.hidden_size == 0 ? hidden_key : blocks == 0 ? blocks_key : "num_heads",
                "required key is missing");
    return;
  }
  config.note_source("hidden_size", hidden_key);
  config.note_source("num_hidden_layers", blocks_key);
  model.tied_embeddings = config.bool_or(Key::TieEmbeddings, false);
  model.norm_eps = config.number_named("norm_eps", 1e-6);
  model.positions = PositionKind::NoPE;
  model.context_length = 0;
  config.note_source("max_position_embeddings", "none: a recurrent model declares no context limit");

  const std::int64_t qk_dim = round_up(static_cast<double>(model.hidden_size) * config.number_named("qk_dim_factor", 0.5), 64);
  const std::int64_t v_dim = round_up(static_cast<double>(model.hidden_size) * config.number_named("v_dim_factor", 1.0), 64);
  if (qk_dim % heads != 0 || v_dim % heads != 0) {
    config.fail("num_heads", fmt::format("expected a divisor of qk_dim ({}) and v_dim ({}), got {}", qk_dim, v_dim, heads));
    return;
  }
  Layer block;
  block.mixer = MixerKind::MLSTM;
  block.recurrent.num_heads = heads;
  block.recurrent.num_key_heads = heads;
  block.recurrent.key_head_dim = qk_dim / heads;
  block.recurrent.value_head_dim = v_dim / heads;
  const bool bias = config.bool_named("use_bias", false);
  block.recurrent.proj_bias = bias;
  // Tensor shapes from these sizes (q/k: heads × key_head_dim, v: heads × value_head_dim, use_bias):
  // analysis/params.cpp (mlstm_tensors).
  block.ffn.kind = FfnKind::Dense;
  block.ffn.activation = "silu";
  block.ffn.bias = bias;
  block.ffn.intermediate_size =
      round_up(static_cast<double>(model.hidden_size) * config.number_named("ffn_proj_factor", 2.667),
               config.int_named("ffn_round_up_to_multiple_of", 64, 1, 1 << 20));
  config.note_source("intermediate_size", "hidden × ffn_proj_factor, rounded up to ffn_round_up_to_multiple_of");
  model.layers.assign(static_cast<std::size_t>(blocks), block);
  if (!config.bool_named("add_out_norm", true))
    model.notes.push_back("xLSTM: add_out_norm is false, but the final norm is still counted");
  model.notes.push_back(fmt::format(
      "xLSTM: every block is an mLSTM layer ({} heads, q/k {} and v {} per head, a matrix memory per head) and a "
      "SwiGLU MLP; gates and logits are soft-capped",
      heads, qk_dim / heads, v_dim / heads));
}

}  // namespace llmg
