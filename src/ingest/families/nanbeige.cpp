// Nanbeige 4.2 (model_type nanbeige; NanbeigeForCausalLM, remote code modeling_nanbeige.py).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// NanbeigeForCausalLM as the hipfire bring-up plan describes it from the checkpoint and
// modeling_nanbeige.py (search-index file 59238354386): Llama-shaped layers (q/k/v/o and gate/up/down
// without bias, input_layernorm and post_attention_layernorm, head_dim independent of hidden_size),
// untied lm_head, and a looped stack — the num_hidden_layers layers run num_loops times per token, each
// pass with its own KV cache (cache slot layer + loop × num_hidden_layers), the final norm once after the
// last pass. The file's other loop modes are refused rather than misread: loop_share_kv (later passes
// reuse pass 0's cache) and enable_double_loop_split (LoopSplit's different layer order).
void read_nanbeige(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
  model.loop_count = config.int_named(Key::NumLoops, 1, 1, 64);
  config.note_source("loop_count", config.find(Key::NumLoops) ? "num_loops" : "num_loops not given: one pass");
  if (config.bool_named(Key::LoopShareKv, false)) {
    config.fail("loop_share_kv", "true is not modelled (passes sharing one KV cache)");
    return;
  }
  if (config.bool_named(Key::EnableDoubleLoopSplit, false)) {
    config.fail("enable_double_loop_split", "true is not modelled (LoopSplit layer order)");
    return;
  }
  if (model.loop_count > 1)
    model.notes.push_back(fmt::format(
        "looped depth: the {} layers run {} times per token (num_loops) with one set of weights; each pass keeps "
        "its own KV cache",
        model.layer_count(), model.loop_count));
}

}  // namespace llmg
