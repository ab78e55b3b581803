// The family table: one row per config `model_type` the reader knows. A row names the family,
// the reader step for what is special about it, and the defaults its transformers config class
// supplies for keys a file may omit, and the GGUF architecture name that maps to it. Adding a family
// is adding a row and a reader.
#pragma once

#include <span>
#include <string_view>

#include "ingest/config/config_view.h"
#include "model/model.h"

namespace llmg {

using FamilyReader = void (*)(ConfigView& config, Model& model);

// The GGUF architecture a family reads (llama.cpp's LLM_ARCH_NAMES, the file's general.architecture),
// and the config.json architectures[0] its metadata stands for. Empty: no GGUF mapping yet (DeepSeek 2
// MLA, gpt-oss's implied sliding pattern and the hybrids need per-family GGUF rules not written yet).
struct GgufName {
  std::string_view name;
  std::string_view architecture;
};

// The basics (hidden_size, vocab_size, context, tied embeddings, norm eps, rope) that the dispatcher
// reads before the row's reader (families/steps.h read_basics): with tie_word_embeddings defaulting to
// false or, for the families whose config class defaults it to true, to true; or not at all for the
// readers that read their own (params.json, Step 3.5's per-layer rope_theta list, xLSTM).
enum class Basics { Untied, Tied, Own };

struct FamilyRow {
  std::string_view model_type;  // config.json "model_type" (top level)
  std::string_view family;      // display name
  FamilyReader read;
  Basics basics = Basics::Untied;
  GgufName gguf = {};
  std::string_view defaults_label = {};  // config class whose defaults apply, e.g. "Gemma3TextConfig"
  std::string_view defaults_json = {};   // its defaults for keys files are known to omit
  // transformers' causal-LM class (config.json architectures[0]) when the GGUF name does not already give
  // it: a config without model_type is read by the row whose class its architectures[0] names.
  std::string_view architecture = {};
};

std::span<const FamilyRow> family_table();
const FamilyRow* find_family(std::string_view model_type);
// The row whose transformers class (FamilyRow::architecture, else gguf.architecture) is `architecture`
// ("Qwen2MoeForCausalLM"), or nullptr.
const FamilyRow* find_family_by_architecture(std::string_view architecture);

// A model_type llmgallery recognises but does not read, with the reason (not a decoder-only causal LM, or
// no public definition of its tensors). A config of such a type is refused naming the reason, never guessed.
struct DeclinedFamily {
  std::string_view model_type;
  std::string_view reason;
};

std::span<const DeclinedFamily> declined_families();  // families/declined.cpp
const DeclinedFamily* find_declined(std::string_view model_type);

// Readers, one file per model_type (families/<model_type>.cpp; rows sharing a reader share the file
// named after the first of them). The dispatcher runs read_basics before the reader (Basics above).
void read_gpt2(ConfigView&, Model&);
void read_llama(ConfigView&, Model&);
void read_qwen2(ConfigView&, Model&);
void read_qwen3(ConfigView&, Model&);
void read_qwen3_moe(ConfigView&, Model&);
void read_olmo2(ConfigView&, Model&);
void read_phi3(ConfigView&, Model&);
void read_smollm3(ConfigView&, Model&);
void read_olmo3(ConfigView&, Model&);
void read_cohere2(ConfigView&, Model&);
void read_gpt_oss(ConfigView&, Model&);
void read_deepseek_v3(ConfigView&, Model&);
void read_deepseek_v32(ConfigView&, Model&);
void read_glm4_moe(ConfigView&, Model&);
void read_gemma3(ConfigView&, Model&);
void read_gemma4(ConfigView&, Model&);
void read_qwen3_next(ConfigView&, Model&);
void read_nemotron_h(ConfigView&, Model&);
void read_minimax_m2(ConfigView&, Model&);
void read_llama4(ConfigView&, Model&);
void read_grok(ConfigView&, Model&);
void read_mimo_v2(ConfigView&, Model&);
void read_mistral3(ConfigView&, Model&);
void read_kimi_linear(ConfigView&, Model&);  // families/kimi_linear.cpp
void read_longcat_flash(ConfigView&, Model&);  // families/longcat_flash.cpp
void read_xlstm(ConfigView&, Model&);  // families/xlstm.cpp
void read_step3p5(ConfigView&, Model&);  // families/step3p5.cpp
void read_zaya(ConfigView&, Model&);  // families/zaya.cpp
void read_deepseek_v4(ConfigView&, Model&);  // families/deepseek_v4.cpp
void read_laguna(ConfigView&, Model&);       // families/laguna.cpp
void read_afmoe(ConfigView&, Model&);        // families/afmoe.cpp
void read_hy_v3(ConfigView&, Model&);        // families/hy_v3.cpp
void read_sarvam_moe(ConfigView&, Model&);   // families/sarvam_moe.cpp
void read_cohere2_moe(ConfigView&, Model&);  // families/cohere2_moe.cpp
void read_mistral_params(ConfigView&, Model&);  // native params.json (no model_type)
// issue 13 cards
void read_ouro(ConfigView&, Model&);      // families/ouro.cpp
void read_nanbeige(ConfigView&, Model&);  // families/nanbeige.cpp
void read_minimax_m3_vl(ConfigView&, Model&);  // families/minimax_m3_vl.cpp
void read_kimi_k3(ConfigView&, Model&);        // families/kimi_k3.cpp
// Issue 12, set A.
void read_mixtral(ConfigView&, Model&);      // families/mixtral.cpp (also granitemoe)
void read_olmoe(ConfigView&, Model&);        // families/olmoe.cpp
void read_phimoe(ConfigView&, Model&);       // families/phimoe.cpp
void read_gemma(ConfigView&, Model&);        // families/gemma.cpp
void read_gemma2(ConfigView&, Model&);       // families/gemma.cpp
void read_cohere(ConfigView&, Model&);       // families/cohere.cpp
void read_falcon(ConfigView&, Model&);       // families/falcon.cpp
void read_phi(ConfigView&, Model&);          // families/phi.cpp
void read_starcoder2(ConfigView&, Model&);   // families/starcoder2.cpp
void read_gpt_neox(ConfigView&, Model&);     // families/gpt_neox.cpp
void read_gptj(ConfigView&, Model&);         // families/gptj.cpp
void read_bloom(ConfigView&, Model&);        // families/bloom.cpp
void read_stablelm(ConfigView&, Model&);     // families/stablelm.cpp
void read_gpt_bigcode(ConfigView&, Model&);  // families/gpt_bigcode.cpp
void read_opt(ConfigView&, Model&);          // families/opt.cpp
void read_gpt_neo(ConfigView&, Model&);      // families/gpt_neo.cpp
void read_mamba(ConfigView&, Model&);        // families/mamba.cpp (also falcon_mamba)
void read_jamba(ConfigView&, Model&);        // families/jamba.cpp
// set B (issue 12)
void read_qwen2_moe(ConfigView&, Model&);     // families/qwen2_moe.cpp
void read_lfm2(ConfigView&, Model&);          // families/lfm2.cpp
void read_ernie4_5(ConfigView&, Model&);      // families/ernie4_5.cpp
void read_ernie4_5_moe(ConfigView&, Model&);  // families/ernie4_5_moe.cpp
void read_glm(ConfigView&, Model&);           // families/glm.cpp
void read_glm4(ConfigView&, Model&);          // families/glm.cpp
void read_helium(ConfigView&, Model&);        // families/helium.cpp
void read_ministral(ConfigView&, Model&);     // families/helium.cpp
void read_hunyuan_v1_dense(ConfigView&, Model&);  // families/hunyuan_v1_dense.cpp
void read_seed_oss(ConfigView&, Model&);      // families/seed_oss.cpp
void read_exaone4(ConfigView&, Model&);       // families/exaone4.cpp
void read_apertus(ConfigView&, Model&);       // families/apertus.cpp
void read_arcee(ConfigView&, Model&);         // families/apertus.cpp
void read_bitnet(ConfigView&, Model&);        // families/bitnet.cpp
void read_vaultgemma(ConfigView&, Model&);    // families/vaultgemma.cpp
void read_cwm(ConfigView&, Model&);           // families/vaultgemma.cpp
void read_minimax(ConfigView&, Model&);       // families/minimax.cpp
void read_lfm2_moe(ConfigView&, Model&);      // families/lfm2.cpp
void read_openai_gpt(ConfigView&, Model&);    // families/openai_gpt.cpp
void read_ctrl(ConfigView&, Model&);          // families/openai_gpt.cpp
void read_biogpt(ConfigView&, Model&);        // families/openai_gpt.cpp
void read_xglm(ConfigView&, Model&);          // families/openai_gpt.cpp
void read_persimmon(ConfigView&, Model&);     // families/openai_gpt.cpp
void read_rwkv(ConfigView&, Model&);          // families/rwkv.cpp
void read_recurrent_gemma(ConfigView&, Model&);  // families/recurrent_gemma.cpp
// remote-code families (issue 12 item 3): auto_map configs, dispatched by model_type
void read_qwen(ConfigView&, Model&);       // families/qwen.cpp (Qwen-1)
void read_chatglm(ConfigView&, Model&);    // families/chatglm.cpp
void read_baichuan(ConfigView&, Model&);   // families/baichuan.cpp
void read_internlm2(ConfigView&, Model&);  // families/internlm2.cpp
void read_internlm3(ConfigView&, Model&);  // families/internlm2.cpp
void read_minicpm(ConfigView&, Model&);    // families/minicpm.cpp
void read_minicpm3(ConfigView&, Model&);   // families/minicpm.cpp
void read_deepseek(ConfigView&, Model&);   // families/deepseek.cpp (DeepSeek V1 MoE)
void read_mimo(ConfigView&, Model&);       // families/mimo.cpp
void read_exaone(ConfigView&, Model&);     // families/exaone.cpp
void read_openelm(ConfigView&, Model&);    // families/openelm.cpp

// set C (issue 12)
void read_granite(ConfigView&, Model&);       // families/granite.cpp
void read_dbrx(ConfigView&, Model&);          // families/dbrx.cpp
void read_dots1(ConfigView&, Model&);         // families/dots1.cpp
void read_bamba(ConfigView&, Model&);         // families/bamba.cpp
void read_flex_olmo(ConfigView&, Model&);     // families/flex_olmo.cpp
void read_falcon_h1(ConfigView&, Model&);     // families/falcon_h1.cpp
void read_diffllama(ConfigView&, Model&);     // families/diffllama.cpp
// lead (issue 12)
void read_gpt_neox_japanese(ConfigView&, Model&);  // families/gpt_neox_japanese.cpp
// issue 12 (gguf): Mistral's window on every layer
void read_mistral(ConfigView&, Model&);           // families/mistral.cpp
void read_mixtral_windowed(ConfigView&, Model&);  // families/mistral.cpp
// set D (issue 12)
void read_olmo(ConfigView&, Model&);              // families/olmo.cpp
void read_nemotron(ConfigView&, Model&);          // families/olmo.cpp
void read_mpt(ConfigView&, Model&);               // families/mpt.cpp
void read_mamba2(ConfigView&, Model&);            // families/mamba2.cpp
void read_granitemoeshared(ConfigView&, Model&);  // families/granitemoeshared.cpp
void read_granitemoehybrid(ConfigView&, Model&);  // families/granitemoehybrid.cpp
void read_ministral3(ConfigView&, Model&);        // families/ministral3.cpp
void read_hunyuan_v1_moe(ConfigView&, Model&);    // families/hunyuan_v1_moe.cpp
void read_nanochat(ConfigView&, Model&);          // families/nanochat.cpp
void read_jais2(ConfigView&, Model&);             // families/nanochat.cpp
void read_gemma3n_text(ConfigView&, Model&);      // families/gemma3n.cpp

}  // namespace llmg
