// Ouro (model_type ouro; ByteDance's looped language model, remote code configuration_ouro.py /
// modeling_ouro.py).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// OuroForCausalLM (modeling_ouro.py, read in LoopedLMs/ouro_rl ouro_rl/modeling/modeling_ouro.py, a copy
// of the vendor file with two cache fixes): a Llama-shaped stack (q/k/v/o without bias, SwiGLU) whose
// layers carry four RMSNorms — input_layernorm before attention and input_layernorm_2 after it,
// post_attention_layernorm before the MLP and post_attention_layernorm_2 after it (a sandwich) — run
// total_ut_steps times per token (OuroModel.forward: `for current_ut in range(total_ut_steps)` over every
// layer, getattr default 4). Each pass caches its own K and V (UniversalTransformerCache, slot
// current_ut × num_hidden_layers + layer_idx) and ends in the shared final norm; OuroModel also holds
// early_exit_gate = nn.Linear(hidden_size, 1) (with bias), the exit probability of each pass.
void read_ouro(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  model.norm_placement = NormPlacement::Sandwich;
  read_llama_like(config, model, layer);
  model.loop_count = config.int_named(Key::TotalUtSteps, 4, 1, 64);
  config.note_source("loop_count", config.find(Key::TotalUtSteps) ? "total_ut_steps" : "total_ut_steps default 4 (OuroModel)");
  model.extra.push_back({Component::Other, "model.early_exit_gate.weight", {1, model.hidden_size}});
  model.extra.push_back({Component::Other, "model.early_exit_gate.bias", {1}});
  model.notes.push_back(fmt::format(
      "looped depth: the {} layers run {} times per token (total_ut_steps) with one set of weights; each pass "
      "keeps its own KV cache, and an early-exit gate (hidden → 1) scores every pass",
      model.layer_count(), model.loop_count));
}

}  // namespace llmg
