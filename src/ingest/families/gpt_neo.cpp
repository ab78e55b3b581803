// GPT-Neo (model_type gpt_neo).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GPT-Neo (GPTNeoForCausalLM, modeling_gpt_neo.py; keys num_layers, num_heads): GPT-2's layout (LayerNorm
// with bias, learned absolute positions wpe of max_position_embeddings rows, a plain gelu_new MLP with
// bias of width intermediate_size, 4 × hidden when null; tied LM head), q/k/v without bias and out_proj
// with bias. attention_types lists [kinds, repeat] pairs that expand to one kind per layer
// (GPTNeoConfig.expand_attention_types_params: [[["global", "local"], 12]] is 24 layers, global first);
// "local" layers attend over window_size tokens (GPTNeoConfig default 256).
void read_gpt_neo(ConfigView& config, Model& model) {
  model.norm_kind = NormKind::LayerNorm;
  model.positions = PositionKind::Learned;
  model.learned_position_count = model.context_length;
  Layer layer;
  layer.attention = read_attention(config, model);
  AttentionSpec& a = layer.attention;
  a.q_bias = a.k_bias = a.v_bias = false;
  a.o_bias = true;
  a.rope_fraction = 0.0;
  layer.ffn = read_plain_ffn(config, model, "gelu_new", true);
  fill_layers(config, model, layer);
  const nlohmann::json* types = config.find(Key::AttentionTypes);
  if (!types || !config.ok()) return;
  const std::int64_t window = config.int_named(Key::WindowSize, 256);
  std::vector<std::string> kinds;
  const auto bad = [&](const std::string& what) {
    config.fail("attention_types", fmt::format("expected [[[\"global\" | \"local\", ...], repeat], ...], {}", what));
  };
  if (!types->is_array()) return bad("got " + types->dump().substr(0, 40));
  for (const nlohmann::json& entry : *types) {
    if (!entry.is_array() || entry.size() != 2 || !entry[0].is_array() || !entry[1].is_number_integer())
      return bad("got the entry " + entry.dump().substr(0, 40));
    const std::int64_t repeat = entry[1].get<std::int64_t>();
    if (repeat < 0 || repeat > 4096) return bad(fmt::format("got the repeat count {}", repeat));
    for (std::int64_t r = 0; r < repeat; ++r)
      for (const nlohmann::json& kind : entry[0]) {
        if (!kind.is_string() || (kind != "global" && kind != "local"))
          return bad("got the kind " + kind.dump().substr(0, 40));
        kinds.push_back(kind.get<std::string>());
        if (kinds.size() > model.layers.size()) break;
      }
  }
  if (kinds.size() != model.layers.size())
    return bad(fmt::format("got {} layer kinds for {} layers (num_layers)", kinds.size(), model.layers.size()));
  for (std::size_t i = 0; i < kinds.size(); ++i)
    if (kinds[i] == "local") make_sliding(model.layers[i], window);
  config.note_source("layer mix", "attention_types expanded, local layers over window_size");
}

}  // namespace llmg
