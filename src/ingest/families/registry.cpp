#include "ingest/families/registry.h"

namespace llmg {
namespace {

constexpr Basics kUntied = Basics::Untied;
constexpr Basics kTied = Basics::Tied;
constexpr Basics kOwn = Basics::Own;

// Gemma3TextConfig defaults (transformers configuration_gemma3.py): Gemma 3 files omit most of these.
constexpr std::string_view kGemma3TextDefaults = R"({
  "vocab_size": 262208, "hidden_size": 2304, "intermediate_size": 9216, "num_hidden_layers": 26,
  "num_attention_heads": 8, "num_key_value_heads": 4, "head_dim": 256,
  "hidden_activation": "gelu_pytorch_tanh", "max_position_embeddings": 131072, "rms_norm_eps": 1e-6,
  "rope_theta": 1000000.0, "rope_local_base_freq": 10000.0, "attention_bias": false,
  "sliding_window": 4096, "sliding_window_pattern": 6, "tie_word_embeddings": true
})";

// FalconConfig defaults (transformers configuration_falcon.py): falcon-7b's config.json omits
// max_position_embeddings, rope_theta and ffn_hidden_size.
constexpr std::string_view kFalconDefaults = R"({
  "vocab_size": 65024, "hidden_size": 4544, "num_hidden_layers": 32, "num_attention_heads": 71,
  "layer_norm_epsilon": 1e-5, "max_position_embeddings": 2048, "rope_theta": 10000.0, "alibi": false,
  "new_decoder_architecture": false, "multi_query": true, "parallel_attn": true, "bias": false,
  "activation": "gelu"
})";

// CodeGenConfig defaults (transformers configuration_codegen.py, the CodeGen 6B shape = GPT-J 6B's):
// n_embd 4096, n_layer 28, n_head 16, rotary_dim 64, n_inner null (4 × n_embd), untied.
constexpr std::string_view kCodeGenDefaults = R"({
  "vocab_size": 50400, "n_positions": 2048, "n_embd": 4096, "n_layer": 28, "n_head": 16, "rotary_dim": 64,
  "activation_function": "gelu_new", "layer_norm_epsilon": 1e-5, "tie_word_embeddings": false
})";

// BambaConfig defaults (transformers configuration_bamba.py, "defaults taken from
// ibm-fms/Bamba-9.8b-2.2T-hf"): attn_layer_indices None means no attention layer at all.
constexpr std::string_view kBambaDefaults = R"({
  "vocab_size": 128000, "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
  "num_attention_heads": 32, "num_key_value_heads": 8, "hidden_act": "silu", "rms_norm_eps": 1e-5,
  "max_position_embeddings": 262144, "tie_word_embeddings": false, "mamba_n_heads": 128,
  "mamba_d_head": "auto", "mamba_n_groups": 1, "mamba_d_state": 256, "mamba_d_conv": 4, "mamba_expand": 2,
  "mamba_conv_bias": true, "mamba_proj_bias": false
})";

// FalconH1Config defaults (transformers configuration_falcon_h1.py): keys Falcon-H1 files may omit.
constexpr std::string_view kFalconH1Defaults = R"({
  "vocab_size": 128000, "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
  "num_attention_heads": 32, "num_key_value_heads": 8, "hidden_act": "silu", "rms_norm_eps": 1e-5,
  "max_position_embeddings": 8192, "tie_word_embeddings": false, "mamba_d_ssm": 1024, "mamba_n_heads": 128,
  "mamba_d_head": "auto", "mamba_n_groups": 1, "mamba_d_state": 256, "mamba_d_conv": 4, "mamba_expand": 2,
  "mamba_conv_bias": true, "mamba_proj_bias": false, "mamba_rms_norm": false, "projectors_bias": false,
  "attention_bias": false, "mlp_bias": false
})";

// GPTNeoXJapaneseConfig defaults (configuration_gpt_neox_japanese.py: the gpt-neox-japanese-2.7b shape).
constexpr std::string_view kGptNeoxJapaneseDefaults = R"({
  "vocab_size": 32000, "hidden_size": 2560, "num_hidden_layers": 32, "num_attention_heads": 32,
  "intermediate_multiple_size": 4, "hidden_act": "gelu", "rotary_pct": 1.0, "rotary_emb_base": 10000,
  "max_position_embeddings": 2048, "layer_norm_eps": 1e-5
})";

// Ministral3Config defaults (transformers configuration_ministral3.py @64691019): a mistral3 wrapper's
// text_config may omit them. Set D (issue 12).
constexpr std::string_view kMinistral3Defaults = R"({
  "vocab_size": 131072, "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 34,
  "num_attention_heads": 32, "num_key_value_heads": 8, "head_dim": 128, "hidden_act": "silu",
  "max_position_embeddings": 262144, "rms_norm_eps": 1e-5, "tie_word_embeddings": false,
  "rope_parameters": {"type": "yarn", "rope_theta": 1000000.0, "factor": 16.0,
    "original_max_position_embeddings": 16384, "max_position_embeddings": 262144, "beta_fast": 32.0,
    "beta_slow": 1.0, "mscale_all_dim": 1.0, "mscale": 1.0, "llama_4_scaling_beta": 0.1}
})";

// HunYuanMoEV1Config defaults (configuration_hunyuan_v1_moe.py @6e4054ae) for keys trimmed configs omit.
constexpr std::string_view kHunyuanMoeDefaults = R"({
  "max_position_embeddings": 2048, "rms_norm_eps": 1e-5, "rope_theta": 10000.0, "tie_word_embeddings": false,
  "hidden_act": "silu", "attention_bias": false
})";

constexpr FamilyRow kFamilies[] = {
    {"gpt2", "GPT-2", read_gpt2, kTied, {"gpt2", "GPT2LMHeadModel"}},
    // GPT-SW3 (AI Sweden): transformers maps gpt-sw3 to GPT2LMHeadModel and GPT2Config — the GPT-2 reader.
    {"gpt-sw3", "GPT-SW3", read_gpt2, kTied},
    {"llama", "Llama", read_llama, kUntied, {"llama", "LlamaForCausalLM"}},
    {"mistral", "Mistral", read_mistral},  // issue 12 (gguf): every layer windowed when sliding_window is set
    {"mistral_params", "Mistral (params.json)", read_mistral_params, kOwn},  // pseudo type: native params.json
    {"qwen2", "Qwen2", read_qwen2, kUntied, {"qwen2", "Qwen2ForCausalLM"}},
    {"qwen3", "Qwen3", read_qwen3, kUntied, {"qwen3", "Qwen3ForCausalLM"}},
    {"qwen3_moe", "Qwen3-MoE", read_qwen3_moe, kUntied, {"qwen3moe", "Qwen3MoeForCausalLM"}},
    {"olmo2", "OLMo 2", read_olmo2, kUntied, {"olmo2", "Olmo2ForCausalLM"}},
    {"phi3", "Phi-3", read_phi3, kUntied, {"phi3", "Phi3ForCausalLM"}},
    {"smollm3", "SmolLM3", read_smollm3, kTied, {"smollm3", "SmolLM3ForCausalLM"}},
    {"olmo3", "OLMo 3", read_olmo3},
    {"cohere2", "Cohere2", read_cohere2, kTied},
    {"gpt_oss", "gpt-oss", read_gpt_oss},
    {"deepseek_v3", "DeepSeek V3", read_deepseek_v3},
    {"kimi_k2", "Kimi K2", read_deepseek_v3},
    {"kimi_k25", "Kimi K2.5", read_deepseek_v3},  // multimodal wrapper; text_config is kimi_k2
    {"deepseek_v32", "DeepSeek V3.2", read_deepseek_v32},
    {"deepseek_v4", "DeepSeek V4", read_deepseek_v4},
    {"glm_moe_dsa", "GLM-5", read_deepseek_v32},
    {"glm4_moe", "GLM-4.5", read_glm4_moe},
    {"minimax_m2", "MiniMax M2", read_minimax_m2},
    {"llama4", "Llama 4", read_llama4},
    {"llama4_text", "Llama 4", read_llama4},
    {"git", "Grok", read_grok},
    {"mimo_v2", "MiMo-V2", read_mimo_v2},
    {"gemma3", "Gemma 3", read_gemma3, kTied, {}, "Gemma3TextConfig", kGemma3TextDefaults},
    {"gemma3_text", "Gemma 3", read_gemma3, kTied, {"gemma3", "Gemma3ForCausalLM"}, "Gemma3TextConfig", kGemma3TextDefaults},
    {"gemma4", "Gemma 4", read_gemma4, kTied},
    {"gemma4_text", "Gemma 4", read_gemma4, kTied},
    {"qwen3_next", "Qwen3-Next", read_qwen3_next},
    {"qwen3_5", "Qwen3.5", read_qwen3_next},
    {"qwen3_5_moe", "Qwen3.5-MoE", read_qwen3_next},
    {"qwen3_5_text", "Qwen3.5", read_qwen3_next},
    {"qwen3_5_moe_text", "Qwen3.5-MoE", read_qwen3_next},
    {"nemotron_h", "Nemotron-H", read_nemotron_h},
    {"mistral3", "Mistral 3", read_mistral3},  // multimodal wrapper; text_config names the decoder
    {"mimo_v2_flash", "MiMo-V2-Flash", read_mimo_v2},
    {"mistral4", "Mistral 4", read_deepseek_v3},  // Mistral4ForCausalLM: DeepSeek V3 layout, router without bias
    {"kimi_linear", "Kimi Linear", read_kimi_linear},
    {"longcat_flash", "LongCat-Flash", read_longcat_flash},
    {"longcat_flash_ngram", "LongCat-Flash (n-gram)", read_longcat_flash},
    {"xlstm", "xLSTM", read_xlstm, kOwn},
    {"step3p5", "Step 3.5", read_step3p5, kOwn},
    {"zaya", "ZAYA1", read_zaya, kTied},
    {"laguna", "Laguna", read_laguna},
    {"afmoe", "AFMoE (Trinity)", read_afmoe},
    {"hy_v3", "Hy3", read_hy_v3},
    {"sarvam_moe", "Sarvam MoE", read_sarvam_moe},
    {"sarvam_mla", "Sarvam MLA", read_deepseek_v3},  // SarvamMLAConfig(DeepseekV3Config): DeepSeek V3 layout
    {"cohere2_moe", "Cohere2 MoE", read_cohere2_moe, kTied},
    // Issue 12, set A (tests/data/families/EXPECTED-a.tsv). GGUF names are llama.cpp's LLM_ARCH_NAMES.
    {"mixtral", "Mixtral", read_mixtral_windowed},  // llama.cpp converts Mixtral to its "llama" architecture
    {"gemma", "Gemma", read_gemma, kTied, {"gemma", "GemmaForCausalLM"}},
    {"gemma2", "Gemma 2", read_gemma2, kTied, {"gemma2", "Gemma2ForCausalLM"}},
    {"deepseek_v2", "DeepSeek V2", read_deepseek_v3, kUntied, {"deepseek2", "DeepseekV2ForCausalLM"}},  // DeepseekV2ForCausalLM: V3's layout, greedy top-k, no MTP
    {"falcon", "Falcon", read_falcon, kTied, {"falcon", "FalconForCausalLM"}, "FalconConfig", kFalconDefaults},
    {"phi", "Phi", read_phi, kUntied, {"phi2", "PhiForCausalLM"}},
    {"cohere", "Cohere (Command R)", read_cohere, kTied, {"command-r", "CohereForCausalLM"}},
    {"starcoder2", "StarCoder2", read_starcoder2, kTied, {"starcoder2", "Starcoder2ForCausalLM"}},
    {"gpt_neox", "GPT-NeoX", read_gpt_neox, kUntied, {"gptneox", "GPTNeoXForCausalLM"}},
    {"gptj", "GPT-J", read_gptj, kUntied, {"gptj", "GPTJForCausalLM"}},
    {"bloom", "BLOOM", read_bloom, kOwn, {"bloom", "BloomForCausalLM"}},
    {"olmoe", "OLMoE", read_olmoe, kUntied, {"olmoe", "OlmoeForCausalLM"}},
    {"granitemoe", "Granite MoE", read_mixtral, kUntied, {"granitemoe", "GraniteMoeForCausalLM"}},
    {"stablelm", "StableLM", read_stablelm, kUntied, {"stablelm", "StableLmForCausalLM"}},
    {"gpt_bigcode", "GPT-BigCode", read_gpt_bigcode, kTied, {"starcoder", "GPTBigCodeForCausalLM"}},
    {"opt", "OPT", read_opt, kTied},
    {"gpt_neo", "GPT-Neo", read_gpt_neo, kTied},
    {"phimoe", "PhiMoE", read_phimoe, kUntied, {"phimoe", "PhimoeForCausalLM"}},
    {"mamba", "Mamba", read_mamba, kOwn, {"mamba", "MambaForCausalLM"}},
    {"falcon_mamba", "Falcon Mamba", read_mamba, kOwn},
    {"jamba", "Jamba", read_jamba, kUntied, {"jamba", "JambaForCausalLM"}},
    // CodeGenForCausalLM: GPT-J's tensors (fused qkv_proj without bias = q/k/v; one ln_1; lm_head with bias).
    {"codegen", "CodeGen", read_gptj, kUntied, {}, "CodeGenConfig", kCodeGenDefaults},
    // set B (issue 12): configs in tests/data/families (EXPECTED-b.tsv)
    {"qwen2_moe", "Qwen2-MoE", read_qwen2_moe, kUntied, {"qwen2moe", "Qwen2MoeForCausalLM"}},
    {"lfm2", "LFM2", read_lfm2, kTied, {"lfm2", "Lfm2ForCausalLM"}, {}, {}, "Lfm2ForCausalLM"},
    {"ernie4_5", "ERNIE 4.5", read_ernie4_5, kTied, {"ernie4_5", "Ernie4_5_ForCausalLM"}},
    {"ernie4_5_moe", "ERNIE 4.5 MoE", read_ernie4_5_moe, kTied, {}, {}, {}, "Ernie4_5_MoeForCausalLM"},
    {"glm", "GLM", read_glm, kUntied, {}, {}, {}, "GlmForCausalLM"},
    {"glm4", "GLM-4", read_glm4, kUntied, {"glm4", "Glm4ForCausalLM"}},
    {"helium", "Helium", read_helium, kUntied, {}, {}, {}, "HeliumForCausalLM"},
    {"ministral", "Ministral", read_ministral, kUntied, {}, {}, {}, "MinistralForCausalLM"},
    {"hunyuan_v1_dense", "Hunyuan (dense)", read_hunyuan_v1_dense, kUntied, {"hunyuan-dense", "HunYuanDenseV1ForCausalLM"}},
    {"seed_oss", "Seed-OSS", read_seed_oss, kUntied, {"seed_oss", "SeedOssForCausalLM"}},
    {"exaone4", "EXAONE 4.0", read_exaone4, kUntied, {}, {}, {}, "Exaone4ForCausalLM"},
    {"apertus", "Apertus", read_apertus, kUntied, {"apertus", "ApertusForCausalLM"}, {}, {}, "ApertusForCausalLM"},
    {"arcee", "Arcee (AFM)", read_arcee, kUntied, {"arcee", "ArceeForCausalLM"}},
    {"bitnet", "BitNet", read_bitnet, kUntied, {"bitnet", "BitNetForCausalLM"}},
    {"vaultgemma", "VaultGemma", read_vaultgemma, kTied, {}, {}, {}, "VaultGemmaForCausalLM"},
    {"cwm", "CWM", read_cwm, kUntied, {}, {}, {}, "CwmForCausalLM"},
    {"minimax", "MiniMax-01", read_minimax, kUntied, {}, {}, {}, "MiniMaxForCausalLM"},
    {"lfm2_moe", "LFM2-MoE", read_lfm2_moe, kTied, {"lfm2moe", "Lfm2MoeForCausalLM"}, {}, {}, "Lfm2MoeForCausalLM"},
    {"openai-gpt", "GPT-1", read_openai_gpt, kTied, {}, {}, {}, "OpenAIGPTLMHeadModel"},
    {"ctrl", "CTRL", read_ctrl, kTied, {}, {}, {}, "CTRLLMHeadModel"},
    {"biogpt", "BioGPT", read_biogpt, kTied, {}, {}, {}, "BioGptForCausalLM"},
    {"xglm", "XGLM", read_xglm, kTied, {}, {}, {}, "XGLMForCausalLM"},
    {"recurrent_gemma", "RecurrentGemma", read_recurrent_gemma, kOwn, {}, {}, {}, "RecurrentGemmaForCausalLM"},
    {"rwkv", "RWKV-4", read_rwkv, kOwn, {}, {}, {}, "RwkvForCausalLM"},
    {"persimmon", "Persimmon", read_persimmon, kUntied, {}, {}, {}, "PersimmonForCausalLM"},
    // remote-code families (issue 12 item 3; configs carry auto_map): tests/data/families (EXPECTED-remote.tsv,
    // SOURCES-remote.tsv). GGUF names are llama.cpp's LLM_ARCH_NAMES.
    {"qwen", "Qwen (Qwen-1)", read_qwen, kUntied, {"qwen", "QWenLMHeadModel"}},
    {"chatglm", "ChatGLM / GLM-4 (remote)", read_chatglm, kUntied, {"chatglm", "ChatGLMModel"}},
    {"baichuan", "Baichuan", read_baichuan, kUntied, {"baichuan", "BaichuanForCausalLM"}},
    {"internlm2", "InternLM2", read_internlm2, kUntied, {"internlm2", "InternLM2ForCausalLM"}},
    {"internlm3", "InternLM3", read_internlm3, kUntied, {}, {}, {}, "InternLM3ForCausalLM"},
    {"minicpm", "MiniCPM", read_minicpm, kTied, {"minicpm", "MiniCPMForCausalLM"}},
    {"minicpm3", "MiniCPM3", read_minicpm3, kTied, {}, {}, {}, "MiniCPM3ForCausalLM"},
    {"deepseek", "DeepSeek V1 (DeepSeekMoE)", read_deepseek, kUntied, {"deepseek", "DeepseekForCausalLM"}},
    {"mimo", "MiMo", read_mimo, kUntied, {}, {}, {}, "MiMoForCausalLM"},
    {"exaone", "EXAONE 3", read_exaone, kUntied, {"exaone", "ExaoneForCausalLM"}},
    {"openelm", "OpenELM", read_openelm, kOwn, {}, {}, {}, "OpenELMForCausalLM"},
    // set C (issue 12): configs in tests/data/families (EXPECTED-c.tsv, SOURCES-c.tsv)
    {"granite", "Granite", read_granite, kUntied, {"granite", "GraniteForCausalLM"}},
    // transformers maps code_llama to LlamaForCausalLM; Code Llama's own files say model_type "llama".
    {"code_llama", "Code Llama", read_llama},
    {"dbrx", "DBRX", read_dbrx, kUntied, {"dbrx", "DbrxForCausalLM"}},
    {"dots1", "dots.llm1", read_dots1, kUntied, {"dots1", "Dots1ForCausalLM"}},
    // Bamba: llama.cpp has no bamba architecture of its own (NOTES-a: its converter writes Bamba under the
    // granitehybrid name, whose per-layer head_count_kv array is not mapped yet): no GGUF name here.
    {"bamba", "Bamba", read_bamba, kUntied, {}, "BambaConfig", kBambaDefaults, "BambaForCausalLM"},
    {"flex_olmo", "FlexOlmo", read_flex_olmo, kUntied, {}, {}, {}, "FlexOlmoForCausalLM"},
    // Falcon-H1: llama.cpp's falcon-h1 GGUF (ssm.* keys beside the attention ones) is not mapped yet.
    {"falcon_h1", "Falcon-H1", read_falcon_h1, kUntied, {}, "FalconH1Config", kFalconH1Defaults, "FalconH1ForCausalLM"},
    {"diffllama", "DiffLlama", read_diffllama, kUntied, {}, {}, {}, "DiffLlamaForCausalLM"},
    // lead (issue 12)
    {"gpt_neox_japanese", "GPT-NeoX-Japanese", read_gpt_neox_japanese, kTied, {}, "GPTNeoXJapaneseConfig",
     kGptNeoxJapaneseDefaults, "GPTNeoXJapaneseForCausalLM"},
    // issue 13 cards (catalog cards without a reader before; tests/catalog/test_cards13.cpp)
    {"ouro", "Ouro", read_ouro, kUntied, {}, {}, {}, "OuroForCausalLM"},
    {"nanbeige", "Nanbeige", read_nanbeige, kUntied, {}, {}, {}, "NanbeigeForCausalLM"},
    {"gemma4_unified", "Gemma 4", read_gemma4, kTied},  // Gemma4UnifiedForConditionalGeneration
    {"gemma4_unified_text", "Gemma 4", read_gemma4, kTied},  // Gemma4UnifiedTextModel: Gemma 4's text decoder
    {"minimax_m3_vl", "MiniMax M3", read_minimax_m3_vl},  // MiniMaxM3SparseForConditionalGeneration; text_config
    {"kimi_k3", "Kimi K3", read_kimi_k3},  // KimiK3ForConditionalGeneration; text_config is kimi_linear
    // set D (issue 12): configs in tests/data/families (EXPECTED-d.tsv, SOURCES-d.tsv)
    {"olmo", "OLMo", read_olmo, kUntied, {"olmo", "OlmoForCausalLM"}},
    {"nemotron", "Nemotron", read_nemotron, kUntied, {"nemotron", "NemotronForCausalLM"}},
    {"mpt", "MPT", read_mpt, kTied, {"mpt", "MptForCausalLM"}},
    {"mamba2", "Mamba-2", read_mamba2, kOwn, {}, {}, {}, "Mamba2ForCausalLM"},
    {"granitemoeshared", "Granite MoE (shared expert)", read_granitemoeshared, kUntied, {}, {}, {},
     "GraniteMoeSharedForCausalLM"},
    {"granitemoehybrid", "Granite 4.0 (hybrid)", read_granitemoehybrid, kTied, {}, {}, {},
     "GraniteMoeHybridForCausalLM"},
    {"ministral3", "Ministral 3", read_ministral3, kUntied, {}, "Ministral3Config", kMinistral3Defaults,
     "Ministral3ForCausalLM"},
    {"hunyuan_v1_moe", "Hunyuan (MoE)", read_hunyuan_v1_moe, kUntied, {}, "HunYuanMoEV1Config", kHunyuanMoeDefaults,
     "HunYuanMoEV1ForCausalLM"},
    {"nanochat", "NanoChat", read_nanochat, kUntied, {}, {}, {}, "NanoChatForCausalLM"},
    {"jais2", "Jais 2", read_jais2, kUntied, {}, {}, {}, "Jais2ForCausalLM"},
    {"gemma3n_text", "Gemma 3n", read_gemma3n_text, kTied, {}, {}, {}, "Gemma3nForCausalLM"},
};

}  // namespace

std::span<const FamilyRow> family_table() { return kFamilies; }

const FamilyRow* find_family_by_architecture(std::string_view architecture) {
  if (architecture.empty()) return nullptr;
  for (const FamilyRow& row : kFamilies)
    if (row.architecture == architecture || row.gguf.architecture == architecture) return &row;
  return nullptr;
}

const FamilyRow* find_family(std::string_view model_type) {
  for (const FamilyRow& row : kFamilies)
    if (row.model_type == model_type) return &row;
  return nullptr;
}

}  // namespace llmg
