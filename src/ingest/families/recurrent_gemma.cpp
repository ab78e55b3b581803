// RecurrentGemma / Griffin (model_type recurrent_gemma; transformers RecurrentGemmaForCausalLM).
#include <fmt/format.h>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// RecurrentGemmaDecoderLayer: temporal_pre_norm -> a temporal block -> channel_pre_norm -> a gated MLP of
// intermediate_size / 2 with biases (RecurrentGemmaMlp). Layer i's temporal block is block_types[i % n]:
// "recurrent" (MixerKind::RgLru over lru_width, hidden when null; conv1d_width; num_attention_heads gate
// blocks) or "attention" (local MQA/GQA over attention_window_size tokens, o_proj biased, q/k/v not,
// partial RoPE). Tied embeddings; RecurrentGemmaConfig declares no maximum context (left 0: not declared).
void read_recurrent_gemma(ConfigView& config, Model& model) {
  model.hidden_size = config.require_int(Key::HiddenSize);
  model.vocab_size = config.require_int(Key::VocabSize);
  model.context_length = config.int_or(Key::ContextLength, 0);
  model.tied_embeddings = config.bool_or(Key::TieEmbeddings, true);
  model.norm_eps = config.number_or(Key::NormEps, 0.0);
  model.rope_theta = read_rope_theta(config, "", 0.0);
  Layer attention;
  attention.attention = read_attention(config, model);
  attention.attention.o_bias = true;
  make_sliding(attention, config.require_int(Key::AttentionWindowSize));
  attention.ffn = read_dense_ffn(config);
  attention.ffn.intermediate_size /= 2;
  attention.ffn.bias = true;
  config.note_source("intermediate_size", "intermediate_size / 2 (RecurrentGemmaMlp)");
  Layer recurrent = attention;
  recurrent.mixer = MixerKind::RgLru;
  recurrent.attention = {};
  recurrent.recurrent.conv_channels = config.int_or(Key::LruWidth, model.hidden_size);
  recurrent.recurrent.num_heads = attention.attention.num_heads;
  recurrent.recurrent.conv_kernel = config.int_named(Key::Conv1dWidth, 4);
  recurrent.recurrent.conv_bias = recurrent.recurrent.proj_bias = true;
  if (recurrent.recurrent.num_heads > 0 && recurrent.recurrent.conv_channels % recurrent.recurrent.num_heads != 0)
    config.fail("lru_width", fmt::format("expected a multiple of num_attention_heads ({}), got {}",
                                         recurrent.recurrent.num_heads, recurrent.recurrent.conv_channels));
  fill_layers(config, model, attention);
  std::vector<std::string> types = config.string_list_named(Key::BlockTypes);
  if (types.empty()) types = {"recurrent", "recurrent", "attention"};  // RecurrentGemmaConfig default
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const std::string& type = types[i % types.size()];
    if (type == "recurrent") {
      model.layers[i] = recurrent;
    } else if (type != "attention") {
      config.fail("block_types", fmt::format("unknown block type \"{}\" (recurrent or attention)", type));
      return;
    }
  }
  config.note_source("layer mix", "block_types repeated over num_hidden_layers");
}

}  // namespace llmg
