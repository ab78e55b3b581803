// Granite dense (model_type granite).
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Granite (GraniteForCausalLM, transformers modeling_granite.py): the Llama layout (q/k/v/o with
// attention_bias, a gated SiLU MLP with mlp_bias, two RMSNorms per layer, a final norm) scaled by four
// µP multipliers that carry no parameters: embedding_multiplier (the embedding output is multiplied by
// it), residual_multiplier (each block's output before the residual add), attention_multiplier (the
// softmax scale, in place of 1/sqrt(head_dim)) and logits_scaling (the logits are divided by it). They
// are recorded as provenance so the fact sheet shows them; the tensors are the Llama ones.
void read_granite(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
  const struct {
    Key key;
    double fallback;  // GraniteConfig default
  } multipliers[] = {{Key::EmbeddingMultiplier, 1.0},
                     {Key::ResidualMultiplier, 1.0},
                     {Key::AttentionMultiplier, 1.0},
                     {Key::LogitsScaling, 1.0}};
  std::string summary;
  for (const auto& m : multipliers) {
    const double value = config.number_named(m.key, m.fallback);
    summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", key_spec(m.key).name, value);
  }
  model.notes.push_back("Granite µP multipliers (no parameters): " + summary);
}

}  // namespace llmg
