// Baichuan 1 and 2 (model_type baichuan, remote code modeling_baichuan.py BaichuanForCausalLM).
#include "ingest/families/registry.h"
#include "ingest/families/remote_code.h"
#include "ingest/families/steps.h"

namespace llmg {

// BaichuanLayer (modeling_baichuan.py): W_pack = Linear(hidden, 3 × hidden, bias=False) (q, k, v of every
// head), o_proj without bias, gate/up/down MLP, RMSNorm; lm_head (Baichuan 2: NormHead, a vocab × hidden
// weight normalized at run time: the same tensor). The 7B models rotate (RotaryEmbedding); the 13B models'
// modeling file has no rotary embedding and adds ALiBi biases instead. One model_type covers both, so the
// reader decides as vLLM's baichuan.py does (hidden_size 4096: RoPE, else ALiBi) and as llama.cpp does
// (40 layers = 13B: ALiBi). BaichuanConfig defaults: tie_word_embeddings false.
void read_baichuan(ConfigView& config, Model& model) {
  note_remote_code(config, model, "modeling_baichuan.py (BaichuanForCausalLM)");
  Layer layer = llama_layer(config, model);
  if (model.hidden_size != 4096) {
    model.positions = PositionKind::ALiBi;
    layer.attention.rope_fraction = 0.0;
    config.note_source("positions", "ALiBi (hidden_size != 4096: the 13B modeling file)");
  }
  fill_layers(config, model, layer);
}

}  // namespace llmg
