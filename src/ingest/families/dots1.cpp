// dots.llm1 (model_type dots1).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// dots.llm1 (Dots1ForCausalLM, transformers modular_dots1.py): Qwen3's attention (q/k/v/o without bias
// unless attention_bias, per-head RMSNorm q_norm / k_norm of head_dim) and DeepSeek V3's feed-forward:
// the first first_k_dense_replace layers a dense gated MLP of intermediate_size, every later layer a MoE
// (Dots1TopkRouter = DeepseekV3TopkRouter: weight [n_routed_experts, hidden] and the noaux_tc
// e_score_correction_bias, which the checkpoint stores; n_routed_experts gated experts of
// moe_intermediate_size; n_shared_experts shared experts as one MLP of n_shared × moe_intermediate_size).
// Untied LM head (Dots1Config default). Windowed layers: layer_types when given, else (Dots1Config
// __post_init__) layer i slides over sliding_window when sliding_window is set (default 4096) and
// i >= max_window_layers (default 62), so the 62-layer release has none.
void read_dots1(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, layer);
  const FeedForwardSpec dense = read_dense_ffn(config);
  FeedForwardSpec moe = read_moe_ffn(config);
  moe.router_correction_bias = true;
  apply_moe_schedule(config, model, dense, moe);
  if (!config.ok()) return;
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, config.int_or(Key::SlidingWindow, 0));
    return;
  }
  // Absent: Dots1Config's 4096; present but null: None, no window (ConfigView::find treats null as absent,
  // so the spelling is looked up in the file itself).
  bool given = false;
  for (std::string_view alias : key_spec(Key::SlidingWindow).aliases)
    given = given || config.text().contains(std::string(alias)) || config.root().contains(std::string(alias));
  const std::int64_t window = given ? config.int_or(Key::SlidingWindow, 0) : 4096;
  const std::int64_t from = config.int_named(Key::MaxWindowLayers, 62);
  if (window <= 0) return;
  for (std::size_t i = 0; i < model.layers.size(); ++i)
    if (static_cast<std::int64_t>(i) >= from) make_sliding(model.layers[i], window);
  config.note_source("layer mix", "max_window_layers (Dots1Config: layers from it on slide)");
}

}  // namespace llmg
