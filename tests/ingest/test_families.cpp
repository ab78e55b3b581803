// One case per family registry row: model_type → a config → layers, mixer kinds, parameter total and
// KV bytes per token. A row without a case fails FamilyRegistry.EveryRowHasACase, so a new family
// arrives with its test. Catalog cases read the bundled config through the dispatcher; their figures
// are the pre-refactor binary's `show --json` (llmgallery at 6c1b6dc; /work/baseline-out), most of them
// also pinned against published figures in tests/analysis/test_params.cpp. TextConfigOf cases read
// only the text_config of a multimodal wrapper's config (whose model_type is the *_text row) and must
// give the wrapper's facts. Inline cases cite their source and write the arithmetic. File cases read
// tests/data/families/<config>; their provenance and arithmetic are in that folder's EXPECTED-*.tsv,
// NOTES-*.md and compute-*.py, and the case's comment names the published figure where one exists.
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/facts.h"
#include "analysis/memory.h"
#include "analysis/validate.h"
#include "catalog/catalog.h"
#include "ingest/config/hf_config.h"
#include "ingest/families/registry.h"
#include "ingest/keys.h"

namespace {

using llmg::Catalog;
using llmg::FfnKind;
using llmg::Key;
using nlohmann::json;

constexpr std::int64_t kNotStated = -1;

enum class Source { Catalog, TextConfigOf, Inline, File };

struct FamilyCase {
  std::string_view model_type;
  Source source;
  std::string_view config;  // catalog slug, the config text for Inline, a file name under data/families for File
  std::int64_t layers;
  std::string_view layer_mix;  // "kind:count, ..." in facts order
  std::int64_t total;          // params.total, or kNotStated
  std::int64_t kv_bytes;       // kv_cache.bytes_per_token_bf16
};

const FamilyCase kCases[] = {
    {"gpt2", Source::Catalog, "gpt-2-xl-1-5b", 48, "full_attention:48", 1557611200, 307200},
    // gpt-sw3 = GPT2LMHeadModel: GPT2Config defaults are GPT-2 small: per layer c_attn 768·2304 + 2304, c_proj
    // 768² + 768, MLP 768·3072 + 3072 + 3072·768 + 768, 2 LayerNorms 4·768 = 7,087,872 × 12 = 85,054,464;
    // + wte 50257·768 = 38,597,376 + wpe 1024·768 = 786,432 + ln_f 1,536 = 124,439,808 (GPT-2 small's known
    // count). KV 12 × 2 × 768 × 2.
    {"gpt-sw3", Source::File, "gpt-sw3.json", 12, "full_attention:12", 124439808, 36864},
    // gpt_neox_japanese (modeling_gpt_neox_japanese.py, GPTNeoXJapaneseConfig defaults = the 2.7b shape): per layer
    // 2 LayerNorms 4·2560 + query_key_value 2560·7680 + dense 2560² + MLP 2 · 2560·10240 (no biases) = 78,653,440
    // × 32 = 2,516,910,080; + the last layer's dense_bias 2,560 + embed_in 32000·2560 = 81,920,000 (embed_out
    // tied) + final LayerNorm 5,120 = 2,598,837,760 (name: 2.7b; 2.68B if embed_out were untied). KV 32·2·2560·2.
    {"gpt_neox_japanese", Source::File, "gpt_neox_japanese.json", 32, "full_attention:32", 2598837760, 327680},
    {"llama", Source::Catalog, "llama-3-2-1b", 16, "full_attention:16", 1235814400, 32768},
    // Mistral-7B-v0.1 (https://huggingface.co/mistralai/Mistral-7B-v0.1/blob/main/config.json): the Llama
    // layout; sliding_window without layer_types windows every layer (shared case 08: MistralAttention passes
    // config.sliding_window to each layer; branch gguf, issue 12). Total: embeddings 2 × 32000 ×
    // 4096 = 262,144,000 (untied); per layer attention 4096·4096 + 2·4096·1024 + 4096·4096 = 41,943,040,
    // MLP 3·4096·14336 = 176,160,768, norms 8,192 → 218,112,000 × 32 = 6,979,584,000; + final norm 4,096
    // = 7,241,732,096. KV: 32 layers × 2 × 8 heads × 128 × 2 bytes = 131,072.
    {"mistral", Source::Inline, R"({"model_type": "mistral", "architectures": ["MistralForCausalLM"],
        "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32, "num_attention_heads": 32,
        "num_key_value_heads": 8, "vocab_size": 32000, "max_position_embeddings": 32768, "sliding_window": 4096,
        "rms_norm_eps": 1e-05, "rope_theta": 10000.0, "hidden_act": "silu", "tie_word_embeddings": false})",
     32, "sliding_attention:32", 7241732096, 131072},
    // Mistral Small 3's params.json dimensions (the same decoder as the mistral3 row's
    // mistral-small-3-1-24b text_config, so the same total: 23,572,403,200). Embeddings 2 × 131072 × 5120
    // = 1,342,177,280; per layer 5120·4096 + 2·5120·1024 + 4096·5120 = 52,428,800 attention, 3·5120·32768
    // = 503,316,480 MLP, 10,240 norms → 555,755,520 × 40 = 22,230,220,800; + 5,120 final norm.
    // KV: 40 × 2 × 8 × 128 × 2 = 163,840.
    {"mistral_params", Source::Inline, R"({"dim": 5120, "n_layers": 40, "head_dim": 128, "hidden_dim": 32768,
        "n_heads": 32, "n_kv_heads": 8, "rope_theta": 1000000000.0, "norm_eps": 1e-05, "vocab_size": 131072})",
     40, "full_attention:40", 23572403200, 163840},
    // Qwen2.5-0.5B (https://huggingface.co/Qwen/Qwen2.5-0.5B/blob/main/config.json): bias on q, k, v.
    // Embedding 151936 × 896 = 136,134,656 (tied); per layer q 896·896 + 896, k and v 896·128 + 128 each,
    // o 896·896 → 1,836,160; MLP 3·896·4864 = 13,074,432; norms 1,792 → 14,912,384 × 24 = 357,897,216;
    // + 896 final norm = 494,032,768 (the "0.49B" of the model card). KV: 24 × 2 × 2 × 64 × 2 = 12,288.
    {"qwen2", Source::Inline, R"({"model_type": "qwen2", "architectures": ["Qwen2ForCausalLM"],
        "hidden_size": 896, "intermediate_size": 4864, "num_hidden_layers": 24, "num_attention_heads": 14,
        "num_key_value_heads": 2, "vocab_size": 151936, "max_position_embeddings": 32768, "max_window_layers": 24,
        "sliding_window": 32768, "use_sliding_window": false, "rms_norm_eps": 1e-06, "rope_theta": 1000000.0,
        "hidden_act": "silu", "tie_word_embeddings": true})",
     24, "full_attention:24", 494032768, 12288},
    {"qwen3", Source::Catalog, "qwen3-0-6b", 28, "full_attention:28", 596049920, 114688},
    {"qwen3_moe", Source::Catalog, "qwen3-235b-a22b", 94, "full_attention:94", 235093634560, 192512},
    {"olmo2", Source::Catalog, "olmo-2-7b", 32, "full_attention:32", 7298617344, 524288},
    {"phi3", Source::Catalog, "phi-4-14b", 40, "full_attention:40", 14659507200, 204800},
    {"smollm3", Source::Catalog, "smollm3-3b", 36, "full_attention:36", 3075098624, 73728},
    {"olmo3", Source::Catalog, "olmo-3-32b", 64, "sliding_attention:48, full_attention:16", 32233522176, 262144},
    {"cohere2", Source::Catalog, "tiny-aya-3-35b", 36, "sliding_attention:27, full_attention:9", 3349227520, 73728},
    {"gpt_oss", Source::Catalog, "gpt-oss-120b", 36, "sliding_attention:18, full_attention:18", 116829156672, 73728},
    {"deepseek_v3", Source::Catalog, "deepseek-r1-671b", 61, "latent_attention:61", 671026419200, 70272},
    {"kimi_k2", Source::Catalog, "kimi-k2-1t", 61, "latent_attention:61", 1026408209408, 70272},
    {"kimi_k25", Source::Catalog, "kimi-k2-5-1t", 61, "latent_attention:61", 1026408232448, 70272},
    {"deepseek_v32", Source::Catalog, "deepseek-v3-2-671b", 61, "latent_attention:61", 671877944064, 70272},
    {"deepseek_v4", Source::Catalog, "deepseek-v4-flash-284b", 43, "sliding_attention:2, compressed_sparse_attention:21, heavily_compressed_attention:20", 284332240471, 49568},
    {"glm_moe_dsa", Source::Catalog, "glm-5-1-744b", 78, "latent_attention:78", 743911218432, 89856},
    {"glm4_moe", Source::Catalog, "glm-4-5-355b", 92, "full_attention:92", 352797829024, 376832},
    {"minimax_m2", Source::Catalog, "minimax-m2-230b", 62, "full_attention:62", 228689764864, 253952},
    {"llama4", Source::Catalog, "llama-4-maverick-400b", 48, "chunked_attention:36, full_attention:12", 400711848960, 196608},
    {"llama4_text", Source::TextConfigOf, "llama-4-maverick-400b", 48, "chunked_attention:36, full_attention:12", 400711848960, 196608},
    {"git", Source::Catalog, "grok-2-5-270b", 64, "full_attention:64", 269515497472, 262144},
    {"mimo_v2", Source::Catalog, "xiaomi-mimo-v2-5-310b", 48, "full_attention:9, sliding_attention:39", 308778780864, 222720},
    {"gemma3", Source::Catalog, "gemma-3-27b", 62, "sliding_attention:52, full_attention:10", 27009346304, 507904},
    {"gemma3_text", Source::Catalog, "gemma-3-270m", 18, "sliding_attention:15, full_attention:3", 268098176, 18432},
    {"gemma4", Source::Catalog, "gemma-4-26b-a4b", 30, "sliding_attention:25, full_attention:5", 25232800000, 215040},
    {"gemma4_text", Source::TextConfigOf, "gemma-4-31b", 60, "sliding_attention:50, full_attention:10", 30697345280, 860160},
    {"qwen3_next", Source::Catalog, "qwen3-next-80b-a3b", 48, "gated_deltanet:36, full_attention:12", 79674391296, 24576},
    {"qwen3_5", Source::Catalog, "qwen3-6-27b", 64, "gated_deltanet:48, full_attention:16", 26895998464, 65536},
    {"qwen3_5_moe", Source::Catalog, "qwen3-5-397b", 60, "gated_deltanet:45, full_attention:15", 396346350336, 30720},
    {"qwen3_5_text", Source::TextConfigOf, "qwen3-6-27b", 64, "gated_deltanet:48, full_attention:16", 26895998464, 65536},
    {"qwen3_5_moe_text", Source::TextConfigOf, "qwen3-6-35b-a3b", 40, "gated_deltanet:30, full_attention:10", 34660610688, 20480},
    {"nemotron_h", Source::Catalog, "nemotron-3-nano-30b-a3b", 52, "mamba2:23, none:23, full_attention:6", 31577940288, 6144},
    {"mistral3", Source::Catalog, "mistral-small-3-1-24b", 40, "full_attention:40", 23572403200, 163840},
    {"mimo_v2_flash", Source::Catalog, "xiaomi-mimo-v2-flash-309b", 48, "full_attention:9, sliding_attention:39", 308778780864, 222720},
    {"mistral4", Source::Catalog, "mistral-small-4-119b", 36, "latent_attention:36", 118972826624, 23040},
    {"kimi_linear", Source::Catalog, "kimi-linear-48b-a3b", 27, "kimi_delta_attention:20, latent_attention:7", 49122681728, 8064},
    // LongCat-Flash without n-gram tables: one logical layer = two MLA sublayers. KV per token: 2 sublayers
    // × (kv_lora_rank 8 + qk_rope_head_dim 4) × 2 bytes = 48. Total not stated (kNotStated).
    {"longcat_flash", Source::Inline, R"({"model_type": "longcat_flash", "hidden_size": 48, "num_layers": 1,
        "num_attention_heads": 2, "kv_lora_rank": 8, "qk_nope_head_dim": 8, "qk_rope_head_dim": 4,
        "v_head_dim": 8, "vocab_size": 100, "max_position_embeddings": 64, "ffn_hidden_size": 32,
        "n_routed_experts": 2, "zero_expert_num": 1, "moe_topk": 2, "expert_ffn_hidden_size": 8})",
     2, "latent_attention:2", kNotStated, 48},
    {"longcat_flash_ngram", Source::Catalog, "longcat-flash-lite-68-5b-a3b", 28, "latent_attention:28", 68562465024, 32256},
    {"xlstm", Source::Catalog, "xlstm-7b", 32, "mlstm:32", 6865424896, 0},
    {"step3p5", Source::Catalog, "step-3-5-flash-196b", 45, "full_attention:12, sliding_attention:33", 196956130368, 184320},
    {"zaya", Source::Catalog, "zaya1-8b-8-4b", 80, "full_attention:40, none:40", 8840489464, 40960},
    {"laguna", Source::Catalog, "laguna-xs-2-33b", 40, "full_attention:10, sliding_attention:30", 33442617088, 163840},
    {"afmoe", Source::Catalog, "arcee-ai-trinity-large-400b", 60, "sliding_attention:45, full_attention:15", 398635286016, 245760},
    {"hy_v3", Source::Catalog, "tencent-hy3-preview-295b-a21b", 80, "full_attention:80", 295033543488, 327680},
    {"sarvam_moe", Source::Catalog, "sarvam-30b", 19, "full_attention:19", 32152650368, 19456},
    {"sarvam_mla", Source::Catalog, "sarvam-105b", 32, "latent_attention:32", 106031763456, 36864},
    {"cohere2_moe", Source::Catalog, "command-a-218b-a25b", 32, "sliding_attention:24, full_attention:8", 218254938112, 131072},
    // set A (issue 12): configs, provenance and the tensor-by-tensor arithmetic in tests/data/families
    // (EXPECTED-a.tsv columns config_source / arithmetic, NOTES-a.md, compute-a.py). KV = layers × 2 × KV
    // heads × head_dim × 2 bytes (MLA: layers × (kv_lora_rank + qk_rope_head_dim) × 2).
    // Mixtral-8x7B-v0.1: 46,702,792,704 = KerasHub preset and HF safetensors total. KV 32·2·8·128·2.
    {"mixtral", Source::File, "mixtral.json", 32, "full_attention:32", 46702792704, 131072},
    // gemma-2b: 2,506,172,416 = KerasHub gemma_2b_en. Embedding 256000·2048 + 18 × (attention 9,437,184 +
    // MLP 3·2048·16384 + norms 4,096) + 2,048. KV 18·2·1·256·2.
    {"gemma", Source::File, "gemma.json", 18, "full_attention:18", 2506172416, 18432},
    // gemma-2-9b: 9,241,705,984 = KerasHub gemma2_9b_en; four norms per layer; every other layer sliding
    // (sliding layers' KV counted in full: 42·2·8·256·2).
    {"gemma2", Source::File, "gemma2.json", 42, "sliding_attention:21, full_attention:21", 9241705984, 344064},
    // DeepSeek-V2-Lite: 15,706,484,224 (published counts, NOTES-a.md); MLA without q_lora, 1 dense + 26 MoE
    // layers. KV 27 × (512 + 64) × 2.
    {"deepseek_v2", Source::File, "deepseek_v2.json", 27, "latent_attention:27", 15706484224, 31104},
    // falcon-7b through FalconConfig defaults (the file is the class's defaults; no verbatim config.json
    // found): 6,921,720,704; the same arithmetic gives falcon-rw-1b's KerasHub 1,311,625,216. MQA: KV 32·2·1·64·2.
    {"falcon", Source::File, "falcon.json", 32, "full_attention:32", 6921720704, 8192},
    // phi-2: 2,779,683,840 = HF API safetensors.parameters.F16. KV 32·2·32·80·2.
    {"phi", Source::File, "phi.json", 32, "full_attention:32", 2779683840, 327680},
    // aya-23-8B: 8,028,033,024 (aya-expanse-8b's listed figure, same shape). KV 32·2·8·128·2.
    {"cohere", Source::File, "cohere.json", 32, "full_attention:32", 8028033024, 131072},
    // starcoder2-7b: 7,173,923,840 (no exact published figure; card 7B). sliding_window 4096 on every layer;
    // KV counted in full: 32·2·4·128·2.
    {"starcoder2", Source::File, "starcoder2.json", 32, "sliding_attention:32", 7173923840, 65536},
    // RedPajama-INCITE-Base-3B-v1: 2,775,864,320 = pythia-2.8b's listed 2,775,208,960 + 2·128·2560 (vocab
    // 50432 vs 50304). KV 32·2·32·80·2.
    {"gpt_neox", Source::File, "gpt_neox.json", 32, "full_attention:32", 2775864320, 327680},
    // gpt-j-6b: 6,050,882,784 = the loaded HF model's count (the card's 6,053,381,344 is mesh-transformer-jax's).
    // KV 28·2·16·256·2.
    {"gptj", Source::File, "gptj.json", 28, "full_attention:28", 6050882784, 458752},
    // bloomz-560m: 559,214,592 = KerasHub bloomz_560m_multi. ALiBi. KV 24·2·16·64·2.
    {"bloom", Source::File, "bloom.json", 24, "full_attention:24", 559214592, 98304},
    // OLMoE-1B-7B-0125-Instruct: 6,919,161,856 = safetensors parameterCount and llama.cpp n_params.
    // KV 16·2·16·128·2.
    {"olmoe", Source::File, "olmoe.json", 16, "full_attention:16", 6919161856, 131072},
    // granite-3.1-1b-a400m-instruct: 1,334,628,352 = sum(p.numel()) asserted on the loaded model. KV 24·2·8·64·2.
    {"granitemoe", Source::File, "granitemoe.json", 24, "full_attention:24", 1334628352, 49152},
    // stablelm-2-zephyr-1_6b: 1,644,515,328 (StableLM 2 1.6B in a comparison table). KV 24·2·32·64·2.
    {"stablelm", Source::File, "stablelm.json", 24, "full_attention:24", 1644515328, 196608},
    // gpt_bigcode-santacoder: 1,124,886,528 (no exact published figure; card 1.1B). MQA: KV 24·2·1·128·2.
    {"gpt_bigcode", Source::File, "gpt_bigcode.json", 24, "full_attention:24", 1124886528, 12288},
    // opt-125m: 125,239,296 (pruning tutorial; 7,087,872 per layer). Positions 2048 + 2 rows. KV 12·2·12·64·2.
    {"opt", Source::File, "opt.json", 12, "full_attention:12", 125239296, 36864},
    // gpt-neo-1.3B through GPTNeoConfig defaults: 1,315,575,808 = "all params" printed for the HF model.
    // attention_types [[["global", "local"], 12]]: 12 global + 12 local (window 256). KV 24·2·16·128·2.
    {"gpt_neo", Source::File, "gpt_neo.json", 24, "full_attention:12, sliding_attention:12", 1315575808, 196608},
    // Phi-3.5-MoE-instruct (transcribed config): 41,873,153,344 (card 41.9B); attention and LM head biases.
    // KV 32·2·8·128·2.
    {"phimoe", Source::File, "phimoe.json", 32, "full_attention:32", 41873153344, 131072},
    // mamba-130m-hf: 129,135,360 = listed count and sum(p.numel()). Embedding 50280·768 (tied) + 24 × mixer
    // (in_proj 768·3072 + conv 1536·4 + 1536 + x_proj 1536·(48 + 32) + dt_proj 48·1536 + 1536 + A_log 1536·16
    // + D 1536 + out_proj 1536·768 = 3,770,880) + norms 24·768 + 768. No KV cache.
    {"mamba", Source::File, "mamba.json", 24, "mamba:24", 129135360, 0},
    // falcon-mamba-7b: 7,272,665,088 (card 7.27B); intermediate_size 8192 wins over expand 16. No KV cache.
    {"falcon_mamba", Source::File, "falcon_mamba.json", 64, "mamba:64", 7272665088, 0},
    // AI21-Jamba-1.5-Mini: 51,570,323,328 (card 52B); attention at i % 8 == 4 (4 layers), MoE at i % 2 == 1
    // (16 layers). KV 4·2·8·128·2.
    {"jamba", Source::File, "jamba.json", 32, "mamba:28, full_attention:4", 51570323328, 16384},
    // codegen: no verbatim config.json found; codegen.json names only the type, so every key is a
    // CodeGenConfig default (configuration_codegen.py: the CodeGen 6B shape, vocab 50400, n_embd 4096,
    // n_layer 28, n_head 16, rotary_dim 64, untied). CodeGenForCausalLM's tensors are GPT-J's, and the shape
    // is gpt-j-6b's, so the total is gptj's 6,050,882,784: wte 50400·4096 = 206,438,400; per layer ln_1 8,192
    // + q/k/v/out 4·4096² = 67,108,864 + fc_in 4096·16384 + 16384 + fc_out 16384·4096 + 4096 = 134,238,208
    // → 201,355,264 × 28 = 5,637,947,392; ln_f 8,192; lm_head 206,438,400 + 50,400 bias. KV 28·2·16·256·2.
    {"codegen", Source::File, "codegen.json", 28, "full_attention:28", 6050882784, 458752},
    // set B (issue 12): tests/data/families/<type>.json; totals and KV bytes are EXPECTED-b.tsv's (the
    // arithmetic column there, from transformers' modeling files; count_b.py), published figures cited.
    // Qwen1.5-MoE-A2.7B: per layer attention 16,783,360 (q/k/v bias) + router 122,880 + 60 experts
    // 519,045,120 + shared expert and gate 34,605,056 + norms 4,096 = 570,560,512 × 24; + final norm 2,048
    // + embed and lm_head 2 × 311,164,928 = 14,315,784,192 (card: "14.3B in total"). KV 24 × 2 × 16 × 128 × 2.
    {"qwen2_moe", Source::File, "qwen2_moe.json", 24, "full_attention:24", 14315784192, 196608},
    // LFM2-1.2B: shared case 05's exact 1,170,340,608 and 12,288 B/token (6 attention layers × 2 × 8 × 64 × 2).
    {"lfm2", Source::File, "lfm2.json", 16, "short_conv:10, full_attention:6", 1170340608, 12288},
    // ERNIE-4.5-0.3B: 14,157,824 × 18 + 1,024 + tied embed 105,906,176 = 360,748,032 (card: 0.36B).
    {"ernie4_5", Source::File, "ernie4_5.json", 18, "full_attention:18", 360748032, 18432},
    // Ernie4_5_MoeConfig defaults (ERNIE-4.5-21B-A3B shapes): layer 0 dense 110,105,600; 27 MoE layers ×
    // 794,465,344 (statics 64 + router 163,840 + 64 experts 754,974,720 + shared 23,592,960 + attention
    // 15,728,640 + norms 5,120); + final norm 2,560 + tied embed 264,765,440 = 21,825,437,888 ("21B").
    {"ernie4_5_moe", Source::File, "ernie4_5_moe.json", 28, "full_attention:28", 21825437888, 57344},
    // GlmConfig defaults (GLM-4-9B shapes): 203,960,832 × 40 + 4,096 + 2 × 620,756,992 = 9,399,951,360.
    {"glm", Source::File, "glm.json", 40, "full_attention:40", 9399951360, 40960},
    // Glm4Config defaults: GLM's layer + 2 post norms (8,192): 203,969,024 × 40 + 4,096 + 2 × 620,756,992.
    {"glm4", Source::File, "glm4.json", 40, "full_attention:40", 9400279040, 40960},
    // HeliumConfig defaults (Helium-1 2B shapes): 80,286,720 × 24 + 2,560 + 2 × 122,880,000 = 2,172,643,840.
    {"helium", Source::File, "helium.json", 24, "full_attention:24", 2172643840, 245760},
    // MinistralConfig defaults: Mistral-7B-v0.1's shapes and exact count 7,241,732,096; layer_types null and
    // sliding_window 4096 -> every layer sliding (MinistralConfig). KV 32 × 2 × 8 × 128 × 2 (window not applied).
    {"ministral", Source::File, "ministral.json", 32, "sliding_attention:32", 7241732096, 131072},
    // HunYuanDenseV1Config defaults: 202,383,616 × 32 + 4,096 + 2 × 1,191,702,528 = 8,859,684,864.
    {"hunyuan_v1_dense", Source::File, "hunyuan_v1_dense.json", 32, "full_attention:32", 8859684864, 524288},
    // SeedOssConfig defaults: 432,033,792 × 64 + 4,096 + 2 × 635,437,056 = 28,921,040,896.
    {"seed_oss", Source::File, "seed_oss.json", 64, "full_attention:64", 28921040896, 262144},
    // Exaone4Config defaults: 268,443,904 × 32 + 4,096 + 2 × 419,430,400 = 9,429,069,824; pattern 4 -> every
    // 4th layer full (8), 24 sliding.
    {"exaone4", Source::File, "exaone4.json", 32, "sliding_attention:24, full_attention:8", 9429069824, 524288},
    // ApertusConfig defaults: 184,557,826 × 32 (xIELU alpha_p, alpha_n: +2) + 4,096 + 2 × 536,870,912.
    {"apertus", Source::File, "apertus.json", 32, "full_attention:32", 6979596352, 524288},
    // ArceeConfig defaults: 120,591,360 × 32 + 2,560 + 2 × 81,920,000 = 4,022,766,080.
    {"arcee", Source::File, "arcee.json", 32, "full_attention:32", 4022766080, 327680},
    // BitNetConfig defaults (untied): 69,482,752 × 30 (sub-norms 2,560 + 6,912) + 2,560 + 2 × 328,335,360.
    {"bitnet", Source::File, "bitnet.json", 30, "full_attention:30", 2741155840, 76800},
    // VaultGemmaConfig defaults: Gemma-2-2B's exact 2,614,341,888 less 26 × 2 × 2,304 (two norms removed).
    {"vaultgemma", Source::File, "vaultgemma.json", 26, "sliding_attention:13, full_attention:13", 2614222080, 106496},
    // CwmConfig defaults (CWM "32B"): 484,454,400 × 64 + 6,144 + 2 × 788,004,864 = 32,581,097,472; layer i full
    // when i % 4 == 0.
    {"cwm", Source::File, "cwm.json", 64, "full_attention:16, sliding_attention:48", 32581097472, 262144},
    // MiniMaxConfig defaults (Mixtral-8x7B shapes, odd layers lightning): Mixtral-8x7B's exact 46,702,792,704
    // + 16 × (lightning 83,890,176 − GQA 41,943,040) = 47,373,946,880. KV: 16 softmax layers × 2 × 8 × 128 × 2.
    {"minimax", Source::File, "minimax.json", 32, "full_attention:16, lightning_attention:16", 47373946880, 65536},
    // LFM2-8B-A1B: 18 conv blocks × 16,783,360 + 6 attention blocks × 10,485,888 + 2 dense FFN × 44,040,192 +
    // 22 MoE FFN × 352,387,072 + norms 24 × 4,096 + 2,048 + tied embed 134,217,728 = 8,339,929,856 (card: 8.3B).
    // GPT-1 (openai-community/openai-gpt): block 7,087,872 × 12 + tokens 31,087,104 + positions 393,216, no
    // final norm = 116,534,784 (paper: 117M). KV 12 × 2 × 12 × 64 × 2.
    {"openai-gpt", Source::File, "openai-gpt.json", 12, "full_attention:12", 116534784, 36864},
    // CTRL: block 27,544,832 × 48 + embed 315,563,520 + final LayerNorm 2,560 + lm_head bias 246,534
    // = 1,637,964,550 (paper: 1.63B).
    {"ctrl", Source::File, "ctrl.json", 48, "full_attention:48", 1637964550, 245760},
    // BioGPT: block 12,596,224 × 24 + embed 43,401,216 + positions (1024 + 2) × 1024 + final LayerNorm 2,048
    // = 346,763,264 (paper: 347M).
    {"biogpt", Source::File, "biogpt.json", 24, "full_attention:24", 346763264, 98304},
    // XGLM-564M: block 12,596,224 × 24 + embed 262,152,192 + final LayerNorm 2,048 = 564,463,616 (the name's 564M).
    {"xglm", Source::File, "xglm.json", 24, "full_attention:24", 564463616, 98304},
    // PersimmonConfig defaults (persimmon-8b-base): block 201,380,096 × 36 + 2 × 1,073,741,824 + final
    // LayerNorm 8,192 = 9,397,175,296 (Adept: "9.3B"; see NOTES-b). KV 36 × 2 × 64 × 64 × 2.
    {"persimmon", Source::File, "persimmon.json", 36, "full_attention:36", 9397175296, 589824},
    // RwkvConfig defaults (RWKV-4 Pile 7B shapes): block 218,148,864 × 32 + pre_ln 8,192 + ln_out 8,192 +
    // embed and head 2 × 205,934,592 = 7,392,649,216. No KV cache (state: ConfigHabits test).
    {"rwkv", Source::File, "rwkv.json", 32, "rwkv4:32", 7392649216, 0},
    // RecurrentGemmaConfig defaults (not recurrentgemma-2b's config: 10 KV heads here): 18 recurrent layers ×
    // 50,506,240 + 8 attention layers × 55,723,520 + final norm 2,560 + tied embed 655,360,000 = 2,010,263,040.
    // KV: 8 × 2 × 10 × 256 × 2 (window 2048 not applied).
    {"recurrent_gemma", Source::File, "recurrent_gemma.json", 26, "rg_lru:18, sliding_attention:8", 2010263040, 81920},
    {"lfm2_moe", Source::File, "lfm2_moe.json", 24, "short_conv:18, full_attention:6", 8339929856, 12288},
    // remote-code families (issue 12 item 3): tests/data/families/<type>.json (provenance in SOURCES-remote.tsv),
    // totals from the remote modeling files' tensor shapes (compute-remote.py, EXPECTED-remote.tsv).
    // Qwen-7B (modeling_qwen.py): c_attn 4096·12288 + 12288 bias, c_proj 4096², w1/w2/c_proj 3·4096·11008
    // (intermediate_size 22016 / 2), norms 8,192 → 202,395,648 × 32 + 4,096 + 2 × 151936·4096 = 7,721,324,544
    // (card: 7.7B). KV 32 × 2 × 32 × 128 × 2.
    {"qwen", Source::File, "qwen.json", 32, "full_attention:32", 7721324544, 524288},
    // chatglm2-6b (modeling_chatglm.py): query_key_value 4096·4608 + 4608 bias (32 heads + 2 × 2 groups of 128),
    // dense 4096², dense_h_to_4h 4096·27392, dense_4h_to_h 13696·4096, norms 8,192 → 203,960,832 × 28 + 4,096 +
    // 2 × 65024·4096 = 6,243,584,000 (card: 6.2B). MQA groups: KV 28 × 2 × 2 × 128 × 2.
    {"chatglm", Source::File, "chatglm.json", 28, "full_attention:28", 6243584000, 28672},
    // Baichuan-13B-Chat shape (modeling_baichuan.py, ALiBi): W_pack 5120·15360, o_proj 5120², MLP 3·5120·13696,
    // norms 10,240 → 315,238,400 × 40 + 5,120 + 2 × 64000·5120 = 13,264,901,120 (card: 13B). KV 40·2·40·128·2.
    {"baichuan", Source::File, "baichuan.json", 40, "full_attention:40", 13264901120, 819200},
    // internlm2-chat-1_8b (modeling_internlm2.py): wqkv 2048·4096, wo 2048², w1/w3/w2 3·2048·8192, norms 4,096 →
    // 62,918,656 × 24 + 2,048 + 2 × 92544·2048 = 1,889,110,016 (card: 1.8B; 1.89B). KV 24 × 2 × 8 × 128 × 2.
    {"internlm2", Source::File, "internlm2.json", 24, "full_attention:24", 1889110016, 98304},
    // InternLM3-8B-Instruct (modeling_internlm3.py): q 4096·4096, k/v 2 × 4096·256, o 4096², MLP 3·4096·10240,
    // norms 8,192 → 161,488,896 × 48 + 4,096 + 2 × 128512·4096 = 8,804,241,408 (card: 8B class). KV 48·2·2·128·2.
    {"internlm3", Source::File, "internlm3.json", 48, "full_attention:48", 8804241408, 49152},
    // MiniCPM-1B (modeling_minicpm.py, tied): 23,989,248 × 52 + 1,536 = 1,247,442,432 non-embedding (card:
    // "1.2B non-embedding") + 73448·1536 = 1,360,258,560. KV 52 × 2 × 8 × 64 × 2.
    {"minicpm", Source::File, "minicpm.json", 52, "full_attention:52", 1360258560, 106496},
    // MiniCPM3-4B (MLA, tied, v_head_dim = 2560 / 40 = 64): attention 13,517,824 + MLP 3·2560·6400 + norms 5,120
    // = 62,674,944 × 62 + 2,560 + 73448·2560 = 4,073,875,968 (HF: 4.07B). KV 62 × (256 + 32) × 2.
    {"minicpm3", Source::File, "minicpm3.json", 62, "latent_attention:62", 4073875968, 35712},
    // deepseek-moe-16b-base (modeling_deepseek.py): layer 0 dense 84,021,248; 27 MoE layers × 587,862,016
    // (attention 16,777,216 + 64 experts 553,648,128 + shared 2 × 1408 wide 17,301,504 + gate 131,072 + norms
    // 4,096); + 2,048 + 2 × 102400·2048 = 16,375,728,128 (card: 16.4B). KV 28 × 2 × 16 × 128 × 2.
    {"deepseek", Source::File, "deepseek.json", 28, "full_attention:28", 16375728128, 229376},
    // MiMo-7B (modeling_mimo.py = Qwen2 + MTP): 177,223,680 × 36 + 4,096 + 2 × 151680·4096 = 7,622,619,136;
    // the MTP layer's 210,790,400 apart (sum 7,833,409,536: HF's 7.83B). KV 36 × 2 × 8 × 128 × 2.
    {"mimo", Source::File, "mimo.json", 36, "full_attention:36", 7622619136, 147456},
    // EXAONE-3.0-7.8B (modeling_exaone.py): 218,112,000 × 32 + 4,096 + 2 × 102400·4096 = 7,818,448,896
    // (card: 7.8B). KV 32 × 2 × 8 × 128 × 2.
    {"exaone", Source::File, "exaone.json", 32, "full_attention:32", 7818448896, 131072},
    // OpenELM-1.1B (modeling_openelm.py, tied, per-layer heads and FFN widths): layer i qkv_proj 2048 × (q_i + 2 k_i)
    // × 64, out_proj q_i × 64 × 2048, q/k norms 2 × 64, proj_1 2048 × 2 w_i, proj_2 w_i × 2048 with w_i =
    // make_divisible(ffn_multipliers[i] × 2048, 256), norms 4,096; + 2,048 + 32000 · 2048 = 1,079,891,456 (paper:
    // 1.08B). KV Σ 2 × k_i × 64 × 2 = 43,264.
    {"openelm", Source::File, "openelm.json", 28, "full_attention:28", 1079891456, 43264},
    // set C (issue 12): tests/data/families/<type>.json (SOURCES-c.tsv); totals, active and KV bytes are
    // EXPECTED-c.tsv's (count_c.py, from transformers' modeling files), published figures cited.
    // granite-3.3-8b-instruct: the Llama layout, tied: embed 49159 × 4096 = 201,355,264; per layer attention
    // 4096·4096 + 2·4096·1024 + 4096·4096 = 41,943,040 + MLP 3·4096·12800 = 157,286,400 + norms 8,192
    // = 199,237,632 × 40 = 7,969,505,280; + final norm 4,096 = 8,170,864,640 (card: 8.17B, and the stored
    // parameter-shape listing of the same model). KV 40 × 2 × 8 × 128 × 2.
    {"granite", Source::File, "granite.json", 40, "full_attention:40", 8170864640, 163840},
    // CodeLlama-7b-Instruct-hf: Llama-2-7B's 6,738,415,616 + 2 × 16 × 4096 (vocab 32016 vs 32000, untied)
    // = 6,738,546,688. KV 32 × 2 × 32 × 128 × 2.
    {"code_llama", Source::File, "code_llama.json", 32, "full_attention:32", 6738546688, 524288},
    // dbrx-instruct (dbrx-base's shape): per layer Wqkv 6144·(6144 + 2·8·128) = 50,331,648 + out_proj
    // 37,748,736 + experts 3·16·10752·6144 = 3,170,893,824 + router 6144·16 = 98,304 + norms 12,288
    // = 3,259,084,800 × 40 = 130,363,392,000; + 2 × 100352 × 6144 = 1,233,125,376 + norm_f 6,144
    // = 131,596,523,520 (Databricks: "132B total"). KV 40 × 2 × 8 × 128 × 2.
    {"dbrx", Source::File, "dbrx.json", 40, "full_attention:40", 131596523520, 163840},
    // dots.llm1: layer 0 dense (attention 67,109,120 + MLP 3·4096·10944 = 134,479,872 + norms 8,192),
    // 61 MoE layers × (attention 67,109,120 + 128 experts 2,214,592,512 + 2 shared 34,603,008 + router
    // 524,416 + norms 8,192 = 2,316,837,248); + 2 × 152064 × 4096 + 4,096 = 142,774,381,696 (report:
    // "142B total"). KV 62 × 2 × 32 × 128 × 2.
    {"dots1", Source::File, "dots1.json", 62, "full_attention:62", 142774381696, 1015808},
    // Bamba: the keys quoted from ibm-ai-platform/Bamba-9B over BambaConfig defaults (the row's): 29 Mamba-2
    // layers × mixer (in_proj 4096·16768 + conv 8448·4 + 8448 + 3·128 + norm 8192 + out_proj 8192·4096
    // = 102,286,976) and 3 attention layers × 41,943,040, each layer + MLP 3·4096·14336 + norms 8,192;
    // + 2 × 128000 × 4096 + 4,096 = 9,778,138,240 (class docstring: Bamba-9.8b). KV 3 × 2 × 8 × 128 × 2.
    {"bamba", Source::File, "bamba.json", 32, "mamba2:29, full_attention:3", 9778138240, 12288},
    // FlexOlmoConfig defaults (FlexOlmo-7x7B-1T shapes; no verbatim config found): per layer attention
    // 4·4096² + q_norm and k_norm 2·4096 = 67,117,056 + 7 experts 3·4096·11008 each = 946,864,128 + router
    // 28,672 + post norms 8,192 = 1,014,018,048 × 32; + 2 × 100352 × 4096 + 4,096 = 33,270,665,216 ("7x7B",
    // about 33B). KV 32 × 2 × 32 × 128 × 2.
    {"flex_olmo", Source::File, "flex_olmo.json", 32, "full_attention:32", 33270665216, 524288},
    // Falcon-H1-Tiny-90M (keys quoted in two stored sources; FalconH1Config defaults for the four bias/norm
    // switches): per layer attention 512·512 + 2·512·128 + 512·512 = 655,360 beside the Mamba-2 mixer
    // (in_proj 512·(768 + 896 + 24) = 864,256 + conv 896·4 + 896 + 3·24 + out_proj 768·512; no norm)
    // = 1,262,024, MLP 3·512·768 = 1,179,648, norms 1,024 → 3,098,056 × 24; + 512 + tied 32768 × 512
    // = 91,131,072 (the name's 90M). KV 24 × 2 × 2 × 64 × 2 (every layer keeps a KV cache and a state).
    {"falcon_h1", Source::File, "falcon_h1.json", 24, "full_attention:24", 91131072, 12288},
    // DiffLlamaConfig defaults: Llama's 67,108,864 per layer + λ vectors 4 × 64 = 67,113,216 × 16; + 2,048
    // + 2 × 32000 × 2048 = 1,204,885,504. KV 16 × 2 × 32 × 64 × 2.
    {"diffllama", Source::File, "diffllama.json", 16, "full_attention:16", 1204885504, 131072},
    // issue 13 cards: catalog configs; every figure worked by hand in tests/catalog/test_cards13.cpp
    // (looped stacks: KV per token counts every pass).
    {"ouro", Source::Catalog, "ouro-thinking-2-6b", 48, "full_attention:48", 2667974657, 1572864},
    {"nanbeige", Source::Catalog, "nanbeige-4-2-3b", 22, "full_attention:22", 4169800704, 180224},
    {"gemma4_unified", Source::Catalog, "gemma-4-12b", 48, "sliding_attention:40, full_attention:8", 11907350272,
     335872},
    {"gemma4_unified_text", Source::TextConfigOf, "gemma-4-12b", 48, "sliding_attention:40, full_attention:8",
     11907350272, 335872},
    {"minimax_m3_vl", Source::Catalog, "minimax-m3-428b", 60, "full_attention:60", 426174572928, 122880},
    {"kimi_k3", Source::Catalog, "kimi-k3-2-8t", 93, "kimi_delta_attention:69, latent_attention:24", 2779484476000,
     27648},
    // set D (issue 12): tests/data/families/<type>.json; totals, KV and state are EXPECTED-d.tsv's (count_d.py,
    // from transformers' modeling files), sources in SOURCES-d.tsv.
    // OLMo-1B-hf: 16 × (attention 4 · 2048² = 16,777,216 + MLP 3 · 2048 · 8192 = 50,331,648; OlmoLayerNorm has no
    // parameters) + tied embed 50304 · 2048 = 103,022,592 = 1,176,764,416 = sum(p.numel()) of the native OLMo-1B
    // (weight tying) in a stored test (find_string id 69646534085). KV 16 × 2 × 16 × 128 × 2.
    {"olmo", Source::File, "olmo.json", 16, "full_attention:16", 1176764416, 131072},
    // Minitron-4B (Nemotron-4 4B): 32 × (attention 3072·3072 + 2·3072·1024 + 3072·3072 = 25,165,824 + MLP
    // up/down 2 · 3072 · 9216 = 56,623,104 + two LayerNorm1P 4 · 3072 = 12,288) + final LayerNorm1P 6,144 +
    // embed and lm_head 2 × 256000 · 3072 = 4,190,509,056. KV 32 × 2 × 8 × 128 × 2.
    {"nemotron", Source::File, "nemotron.json", 32, "full_attention:32", 4190509056, 131072},
    // mpt-7b-instruct: 32 × (Wqkv 4096 · 12288 + out_proj 4096² = 67,108,864 + MLP 2 · 4096 · 16384 =
    // 134,217,728 + norm_1/norm_2 weights 8,192) + norm_f 4,096 + tied wte 50432 · 4096 = 6,649,286,656
    // (MPT-7B's published 6.7B; the same count as the base model's). KV 32 × 2 × 32 × 128 × 2.
    {"mpt", Source::File, "mpt.json", 32, "full_attention:32", 6649286656, 524288},
    // mamba2-780m: 48 × (mixer 14,642,576 + norm 1,536) + norm_f 1,536 + tied embed 50288 · 1536 =
    // 780,161,280 (the name's 780M). Mixer: in_proj 1536 · (3072 + 3328 + 48), conv 3328 · 4 + 3328,
    // dt_bias/A_log/D 3 · 48, gated norm 3072, out_proj 3072 · 1536. No KV cache.
    {"mamba2", Source::File, "mamba2.json", 48, "mamba2:48", 780161280, 0},
    // GraniteMoeSharedConfig defaults (shared_intermediate_size 0: no shared MLP; the shared MLP's arithmetic is
    // FamilySetD.GraniteMoeSharedMlpAddsThreeMatrices): 32 × (attention 67,108,864 + router 32,768 + 8 experts
    // 1,082,130,432 + norms 8,192) + 4,096 + 2 × 131,072,000 = 37,039,116,288. KV 32 × 2 × 32 × 128 × 2.
    {"granitemoeshared", Source::File, "granitemoeshared.json", 32, "full_attention:32", 37039116288, 524288},
    // GraniteMoeHybrid example config (8 layers, hidden 512): 2 attention layers × (1,048,576 + FFN 13,373,440
    // + norms 1,024) + 6 Mamba-2 layers × (1,715,480 + 13,373,440 + 1,024) + 512 + tied embed 25,165,824 =
    // 144,552,080. FFN = router 4,096 + 8 experts 12,582,912 + shared MLP 786,432. KV 2 × 2 × 8 × 64 × 2.
    {"granitemoehybrid", Source::File, "granitemoehybrid.json", 8, "mamba2:6, full_attention:2", 144552080, 4096},
    // Ministral3Config defaults (Ministral 3 8B's text shapes): 34 × (attention 41,943,040 + MLP 3 · 4096 · 14336 +
    // norms 8,192) + 4,096 + 2 × 131072 · 4096 = 8,489,553,920 (card: 8.4B language model). KV 34 × 2 × 8 × 128 × 2.
    {"ministral3", Source::File, "ministral3.json", 34, "full_attention:34", 8489553920, 139264},
    // Hunyuan-A13B (trimmed config): 32 × (attention 41,943,296 incl. q/k norms + router 262,144 + 64 experts
    // 2,415,919,104 + shared MLP 37,748,736 + norms 8,192) + 4,096 + 2 × 128167 · 4096 = 80,918,155,264 (card:
    // 80B total; untied by HunYuanMoEV1Config's default, the file saying nothing). KV 32 × 2 × 8 × 128 × 2.
    {"hunyuan_v1_moe", Source::File, "hunyuan_v1_moe.json", 32, "full_attention:32", 80918155264, 131072},
    // NanoChatConfig defaults: 12 × (attention 4 · 768² + MLP 2 · 768 · 8192; weight-free norms) + 2 × 50304 · 768 =
    // 256,573,440. KV 12 × 2 × 6 × 128 × 2.
    {"nanochat", Source::File, "nanochat.json", 12, "full_attention:12", 256573440, 36864},
    // Jais2Config defaults (Jais-2-8B shapes): 32 × (attention 4 · 3328² + 4 · 3328 + MLP 2 · 3328 · 26624 + 26624 +
    // 3328 + LayerNorms 4 · 3328) + 6,656 + 2 × 150272 · 3328 = 8,090,401,280. KV 32 × 2 × 26 × 128 × 2.
    {"jais2", Source::File, "jais2.json", 32, "full_attention:32", 8090401280, 425984},
    // Gemma3nTextConfig defaults (Gemma 3n E4B's text model; famB's file): 35 × (attention 10,486,272 incl. q/k
    // norms + GeGLU 3 · 2048 · 16384 + 4 norms 8,192 + AltUp 12,368 + LAuReL 264,192 + per-layer input 1,050,624)
    // + tied embed 262400 · 2048 + embed_tokens_per_layer 262144 · 8960 + per_layer_model_projection 18,350,080
    // + its norm 256 + AltUp (un)embed projections 6 · 2048² + final norm 2,048 = 6,866,696,688 (NOTES-b).
    // KV: the last 15 layers reuse earlier caches: 20 × 2 × 2 × 256 × 2 = 40,960.
    {"gemma3n_text", Source::File, "gemma3n_text.json", 35, "sliding_attention:28, full_attention:7", 6866696688, 40960},
};

std::string config_text(const FamilyCase& c) {
  if (c.source == Source::Inline) return std::string(c.config);
  if (c.source == Source::File) {
    const std::string path = std::string(LLMG_TEST_DATA) + "/families/" + std::string(c.config);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const llmg::CatalogEntry* entry = Catalog::bundled().find(std::string(c.config));
  if (!entry) throw std::runtime_error("no catalog entry " + std::string(c.config));
  if (c.source == Source::Catalog) return entry->config_text;
  return json::parse(entry->config_text).at("text_config").dump();
}

llmg::Result<llmg::Model> read_case(const std::string& text, std::string_view model_type) {
  const std::string file = std::string(model_type) + ".json";
  return llmg::checked_model(llmg::read_config_text(text, file), file);
}

std::string mix_of(const llmg::Facts& facts) {
  std::string out;
  for (const auto& k : facts.layer_mix) out += (out.empty() ? "" : ", ") + k.kind + ":" + std::to_string(k.count);
  return out;
}

class FamilyTable : public ::testing::TestWithParam<FamilyCase> {};

TEST_P(FamilyTable, ReadsTheConfigIntoItsFamily) {
  const FamilyCase& c = GetParam();
  const std::string text = config_text(c);
  if (c.source != Source::Inline) {
    // The case exercises its own row: the config's model_type (or params.json shape) is the row's.
    const json config = json::parse(text);
    EXPECT_EQ(config.value("model_type", std::string("mistral_params")), c.model_type);
  }
  auto model = read_case(text, c.model_type);
  ASSERT_TRUE(model.has_value()) << model.error().message;
  EXPECT_EQ(model->model_type, c.model_type);
  EXPECT_EQ(model->family, llmg::find_family(c.model_type)->family);
  const llmg::Facts facts = llmg::compute_facts(*model);
  EXPECT_EQ(facts.layers, c.layers);
  EXPECT_EQ(mix_of(facts), c.layer_mix);
  if (c.total != kNotStated) {
    EXPECT_EQ(facts.params.total, c.total);
  }
  EXPECT_EQ(facts.kv_cache.bytes_per_token_bf16, c.kv_bytes);
}

INSTANTIATE_TEST_SUITE_P(Registry, FamilyTable, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<FamilyCase>& info) {
                           std::string name(info.param.model_type);
                           for (char& ch : name)
                             if (ch == '-') ch = '_';  // openai-gpt: gtest names are [A-Za-z0-9_]
                           return name;
                         });

TEST(FamilyRegistry, EveryRowHasACase) {
  std::set<std::string_view> cased;
  for (const FamilyCase& c : kCases) EXPECT_TRUE(cased.insert(c.model_type).second) << "two cases for " << c.model_type;
  std::set<std::string_view> rows;
  for (const llmg::FamilyRow& row : llmg::family_table()) {
    rows.insert(row.model_type);
    EXPECT_TRUE(cased.count(row.model_type)) << "registry row " << row.model_type << " has no case in kCases";
  }
  for (std::string_view type : cased) EXPECT_TRUE(rows.count(type)) << "case " << type << " has no registry row";
  EXPECT_EQ(rows.size(), std::size(kCases));
}

TEST(FamilyRegistry, GgufArchitecturesLiveOnTheirRows) {
  // The GGUF architectures the reader maps, each on the row of the model_type it reads as: nine, set A's
  // ten (gemma, gemma2, phi2, command-r, gptneox, gptj, bloom, olmoe, stablelm, starcoder; each with a
  // test in tests/weights/test_gguf_families.cpp) and set B's seven (qwen2moe, ernie4_5, glm4,
  // hunyuan-dense, seed_oss, arcee, bitnet; tests/ingest/test_families_gguf_b.cpp).
  std::map<std::string_view, std::string_view> gguf;
  for (const llmg::FamilyRow& row : llmg::family_table())
    if (!row.gguf.name.empty()) {
      EXPECT_TRUE(gguf.emplace(row.gguf.name, row.model_type).second) << row.gguf.name;
    }
  std::size_t expected_gguf = 26;
  // remote-code families: seven more (qwen, chatglm, baichuan, internlm2, minicpm, deepseek, exaone;
  // tests/weights/test_gguf_families_remote.cpp).
  expected_gguf += 7;
  // set C (issue 12): granite, dbrx, dots1 (tests/ingest/test_families_c.cpp)
  expected_gguf += 3;
  // Branch gguf (issue 12): + deepseek2, falcon, starcoder2, granitemoe, mamba, jamba, lfm2, lfm2moe,
  // apertus, phimoe (tests/weights/test_gguf_families_12.cpp).
  expected_gguf += 10;
  EXPECT_EQ(gguf.at("deepseek2"), "deepseek_v2");
  EXPECT_EQ(gguf.at("lfm2moe"), "lfm2_moe");
  EXPECT_EQ(gguf.at("mamba"), "mamba");
  // set D (issue 12): olmo, nemotron, mpt (tests/ingest/test_families_d.cpp).
  EXPECT_EQ(gguf.size(), expected_gguf + 3);
  EXPECT_EQ(gguf.at("qwen3moe"), "qwen3_moe");
  EXPECT_EQ(gguf.at("phi2"), "phi");
  EXPECT_EQ(gguf.at("command-r"), "cohere");
  EXPECT_EQ(gguf.at("starcoder"), "gpt_bigcode");
  EXPECT_EQ(gguf.at("gemma3"), "gemma3_text");
  EXPECT_EQ(gguf.at("qwen2moe"), "qwen2_moe");
  EXPECT_EQ(gguf.at("hunyuan-dense"), "hunyuan_v1_dense");
}

// The spelling of the top-k key a config uses: the ExpertsPerToken row's aliases, then the keys of the
// families that name it their own way. Empty when the config names none.
std::string top_k_pointer(const json& config) {
  std::vector<std::string_view> names(llmg::key_spec(Key::ExpertsPerToken).aliases.begin(),
                                      llmg::key_spec(Key::ExpertsPerToken).aliases.end());
  for (Key key : {Key::MoeTopK, Key::MoeRouterTopk, Key::MoeNumExpertsPerTok, Key::DbrxMoeTopK /* set C */})
    names.push_back(llmg::key_spec(key).name);
  for (const char* prefix : {"/text_config/", "/"})
    for (std::string_view name : names) {
      std::string pointer = prefix + std::string(name);
      for (char& ch : pointer)
        if (ch == '.') ch = '/';
      if (config.contains(json::json_pointer(pointer))) return pointer;
    }
  return {};
}

// Intended fix of issue 11: for every family with MoE layers, a top-k above the expert count (plus
// zero-computation routes) is bad input naming the key, whichever step built the MoE block.
TEST(FamilyRegistry, TopKAboveTheExpertCountIsBadInputForEveryMoeFamily) {
  int moe_families = 0;
  for (const FamilyCase& c : kCases) {
    const std::string text = config_text(c);
    auto model = read_case(text, c.model_type);
    ASSERT_TRUE(model.has_value()) << c.model_type << ": " << model.error().message;
    std::int64_t routes = 0;
    for (const llmg::Layer& layer : model->layers)
      if (layer.ffn.kind == FfnKind::MoE) routes = std::max(routes, layer.ffn.num_experts + layer.ffn.zero_experts);
    if (routes == 0) continue;
    ++moe_families;
    json config = json::parse(text);
    const std::string pointer = top_k_pointer(config);
    ASSERT_FALSE(pointer.empty()) << c.model_type << ": the case config names no top-k key";
    config[json::json_pointer(pointer)] = routes + 1;
    auto bad = read_case(config.dump(), c.model_type);
    ASSERT_FALSE(bad.has_value()) << c.model_type << ": top-k " << routes + 1 << " over " << routes << " routes accepted";
    EXPECT_EQ(bad.error().kind, llmg::Error::Kind::BadInput) << c.model_type;
    const std::string key = pointer.substr(pointer.rfind('/') + 1);
    const std::string& message = bad.error().message;
    EXPECT_TRUE(message.find(key) != std::string::npos ||
                message.find(llmg::key_spec(Key::ExpertsPerToken).name) != std::string::npos)
        << c.model_type << ": " << message;
  }
  // The rows whose case has MoE layers: 31 catalog/text configs + longcat_flash, set A's mixtral,
  // deepseek_v2, olmoe, granitemoe, phimoe, jamba, and set B's qwen2_moe, ernie4_5_moe, minimax, lfm2_moe.
  int expected_moe = 42;
  expected_moe += 1;  // remote-code families: deepseek (V1 MoE).
  expected_moe += 3;  // set C (issue 12): dbrx, dots1, flex_olmo.
  expected_moe += 2;  // issue 13 cards: minimax_m3_vl, kimi_k3.
  expected_moe += 3;  // set D (issue 12): granitemoeshared, granitemoehybrid, hunyuan_v1_moe.
  EXPECT_EQ(moe_families, expected_moe);
}

// Set A's MoE rows: active parameters (input embedding left out, LM head counted, top-k routed experts,
// router and everything dense), from EXPECTED-a.tsv column active_params (compute-a.py).
TEST(FamilyTable, SetAActiveCounts) {
  const std::map<std::string_view, std::int64_t> active = {
      {"mixtral", 12748853248},     // 32 × (attention + 2 experts + router + norms) + final norm + LM head
      {"deepseek_v2", 2451435008},  // card: 2.4B activated
      {"olmoe", 1178994688},        // card: 1B active (1,282,017,280 with the embedding)
      {"granitemoe", 428658688},    // card: 400M active
      {"phimoe", 6509665600},       // card: 6.6B active (6,640,999,744 with the embedding)
      {"jamba", 11841875840},       // card: 12B active
  };
  for (const FamilyCase& c : kCases) {
    auto it = active.find(c.model_type);
    if (it == active.end()) continue;
    auto model = read_case(config_text(c), c.model_type);
    ASSERT_TRUE(model.has_value()) << model.error().message;
    EXPECT_EQ(llmg::compute_facts(*model).params.active, it->second) << c.model_type;
  }
}

// Set A's Mamba-1 rows: recurrent state per sequence = per Mamba layer inner × d_state × 4 bytes (fp32 SSM
// state) + inner × (conv_kernel − 1) × 2 bytes (bf16 conv window), as analysis/memory.cpp counts it
// (EXPECTED-a.tsv column recurrent_state_bytes).
TEST(FamilyTable, SetAMambaRecurrentState) {
  const std::map<std::string_view, std::int64_t> state = {
      {"mamba", 2580480},          // 24 × (1536·16·4 + 1536·3·2)
      {"falcon_mamba", 36700160},  // 64 × (8192·16·4 + 8192·3·2)
      {"jamba", 16056320},         // 28 × (8192·16·4 + 8192·3·2)
  };
  for (const FamilyCase& c : kCases) {
    auto it = state.find(c.model_type);
    if (it == state.end()) continue;
    auto model = read_case(config_text(c), c.model_type);
    ASSERT_TRUE(model.has_value()) << model.error().message;
    std::int64_t bytes = 0;
    for (const llmg::Layer& layer : model->layers) bytes += llmg::recurrent_state_bytes(layer);
    EXPECT_EQ(bytes, it->second) << c.model_type;
  }
}

// Set A's refusals: each names the file, the key and the problem (bad input, exit 2 from the CLI).
TEST(FamilyTable, SetARefusalsNameTheKey) {
  struct Bad {
    const char* file;
    const char* key;
    const char* value;  // JSON
    const char* message;
  };
  const Bad cases[] = {
      {"opt.json", "word_embed_proj_dim", "512", "key 'word_embed_proj_dim': expected hidden_size (768)"},
      {"opt.json", "do_layer_norm_before", "false", "key 'do_layer_norm_before': expected true"},
      {"gpt_neo.json", "attention_types", R"([[["global", "local"], 11]])",
       "key 'attention_types': expected [[[\"global\" | \"local\", ...], repeat], ...], got 22 layer kinds for 24 layers"},
      {"gpt_neo.json", "attention_types", R"([[["global", "lokal"], 12]])", "got the kind \"lokal\""},
      {"jamba.json", "attn_layer_offset", "9", "key 'attn_layer_offset': expected less than attn_layer_period (8), got 9"},
  };
  for (const Bad& bad : cases) {
    FamilyCase c{"", Source::File, bad.file, 0, "", 0, 0};
    json config = json::parse(config_text(c));
    config[bad.key] = json::parse(bad.value);
    auto model = read_case(config.dump(), config.value("model_type", std::string()));
    ASSERT_FALSE(model.has_value()) << bad.file << " " << bad.key;
    EXPECT_EQ(model.error().kind, llmg::Error::Kind::BadInput);
    EXPECT_NE(model.error().message.find(bad.message), std::string::npos) << model.error().message;
  }
}

}  // namespace
