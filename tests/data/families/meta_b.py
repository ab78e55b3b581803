"""Provenance for EXPECTED-b.tsv rows (see NOTES-b.md). TF = huggingface/transformers;
LA = ggml-org/llama.cpp src/llama-arch.cpp LLM_ARCH_NAMES @00395eb285c7c6821ff372e3ca41dae9da33c2c7."""

TF = "huggingface/transformers src/transformers/models"

META = {
    "lfm2": dict(
        model="LiquidAI/LFM2-1.2B",
        config_source="real config.json of LiquidAI/LFM2-1.2B, copied from shared case 05-lfm2-kv-head-array/config.json",
        gguf="lfm2 (LA); per-layer lfm2.attention.head_count_kv array, 0 = short-conv block; lfm2.shortconv.l_cache",
        published="LFM2-1.2B card: 1.17B; case 05 expected.md: 1,170,340,608 and 12,288 B/token, conv state 122,880 B"),
    "qwen2_moe": dict(
        model="Qwen/Qwen1.5-MoE-A2.7B",
        config_source="architecture keys of Qwen/Qwen1.5-MoE-A2.7B-Chat(-GPTQ-Int4) config.json as quoted in a stored "
                      "GitHub doc (find_string id 11134031260), quantization_config dropped; equal to Qwen2MoeConfig() defaults",
        gguf="qwen2moe (LA); expert_count, expert_used_count, expert_feed_forward_length, expert_shared_feed_forward_length",
        published="model card: 14.3B total, 2.7B activated (= active_with_embeddings 2,689,173,504, see NOTES-b)"),
    "ernie4_5": dict(
        model="baidu/ERNIE-4.5-0.3B-PT",
        config_source="real remote-code config.json of ERNIE-4.5-0.3B (stored GitHub copy, find_string id 28060091361; "
                      "repo Hchnr/early_exiting ERNIE45_03B_Base holds the same model dir)",
        gguf="ernie4_5 (LA)",
        published="transformers docs ernie4_5.md: 'base text model ... with 0.3B parameters'; card: 0.36B"),
    "ernie4_5_moe": dict(
        model="baidu/ERNIE-4.5-21B-A3B-PT (defaults)",
        config_source=f"Ernie4_5_MoeConfig() defaults, {TF}/ernie4_5_moe/configuration_ernie4_5_moe.py @001f85b38fb4 "
                      "(docstring: similar to baidu/ERNIE-4.5-21B-A3B-PT)",
        gguf="ernie4_5-moe (LA); leading_dense_block_count, expert_* keys",
        published="ERNIE 4.5 release: 21B total / 3B active (A3B)"),
    "glm": dict(
        model="THUDM/glm-4-9b-chat-hf (defaults)",
        config_source=f"GlmConfig() defaults, {TF}/glm/configuration_glm.py @008e574391258935 (checkpoint THUDM/glm-4-9b-chat)",
        gguf="chatglm or glm4 (LA has both; which one convert_hf_to_gguf writes for GlmForCausalLM not checked)",
        published="GLM-4-9B: '9B' class (no exact figure found)"),
    "glm4": dict(
        model="THUDM/GLM-4-9B-0414 (defaults)",
        config_source=f"Glm4Config() defaults, {TF}/glm4/configuration_glm4.py @008e574391258935 ('glm4-4-9b-chat style')",
        gguf="glm4 (LA)",
        published="GLM-4-0414 README: 9B (no exact figure found)"),
    "helium": dict(
        model="kyutai/helium-1-preview-2b (defaults)",
        config_source=f"HeliumConfig() defaults, {TF}/helium/configuration_helium.py @008e574391258935",
        gguf="none (not in LA)",
        published="'Helium 2b style' (docstring); no exact figure found"),
    "ministral": dict(
        model="(defaults; = Mistral-7B-v0.1 shapes)",
        config_source=f"MinistralConfig() defaults, {TF}/ministral/configuration_ministral.py @052b1dcdbe75 "
                      "(docstring names Ministral-8B-Instruct-2410 but the defaults are 32 layers / vocab 32000)",
        gguf="llama (Ministral-8B converts as llama; no ministral name in LA)",
        published="Mistral-7B-v0.1: 7,241,732,096 (the well-known exact count for these shapes)"),
    "hunyuan_v1_dense": dict(
        model="tencent/Hunyuan-7B-Instruct (defaults)",
        config_source=f"HunYuanDenseV1Config() defaults, {TF}/hunyuan_v1_dense/configuration_hunyuan_v1_dense.py @05cd1ec14dbe "
                      "(vocab 290943, 32 layers, MHA: defaults, not the released config)",
        gguf="hunyuan-dense (LA)",
        published="none for the defaults"),
    "seed_oss": dict(
        model="ByteDance-Seed/Seed-OSS-36B-Instruct (defaults)",
        config_source=f"SeedOssConfig() defaults, {TF}/seed_oss/configuration_seed_oss.py @008e574391258935 "
                      "(hidden 4096; the 36B checkpoint's hidden differs: defaults only)",
        gguf="seed_oss (LA)",
        published="none for the defaults"),
    "exaone4": dict(
        model="LGAI-EXAONE/EXAONE-4.0-32B (defaults)",
        config_source=f"Exaone4Config() defaults, {TF}/exaone4/configuration_exaone4.py @008e574391258935 "
                      "(defaults: 32 layers, hidden 4096, MHA; not the 32B checkpoint)",
        gguf="exaone4 (LA); sliding_window, sliding_window_pattern",
        published="none for the defaults"),
    "openai-gpt": dict(
        model="openai-community/openai-gpt",
        config_source=f"OpenAIGPTConfig() defaults (= openai-gpt checkpoint), {TF}/openai/configuration_openai.py",
        gguf="none (not in LA)",
        published="GPT-1: 117M (Radford et al. 2018); 116,534,784 exact is the commonly quoted count for these shapes"),
    "ctrl": dict(
        model="Salesforce/ctrl",
        config_source=f"CTRLConfig() defaults (= ctrl checkpoint), {TF}/ctrl/configuration_ctrl.py",
        gguf="none (not in LA)",
        published="CTRL paper (Keskar et al. 2019): 1.63B parameters"),
    "biogpt": dict(
        model="microsoft/biogpt",
        config_source=f"BioGptConfig() defaults (= microsoft/biogpt), {TF}/biogpt/configuration_biogpt.py",
        gguf="none (not in LA)",
        published="BioGPT paper (Luo et al. 2022): 347M parameters"),
    "xglm": dict(
        model="facebook/xglm-564M",
        config_source=f"XGLMConfig() defaults (= facebook/xglm-564M), {TF}/xglm/configuration_xglm.py",
        gguf="none (not in LA)",
        published="model name: 564M (564,463,616)"),
    "persimmon": dict(
        model="adept/persimmon-8b-base",
        config_source=f"PersimmonConfig() defaults (docstring: adept/persimmon-8b-base), {TF}/persimmon/configuration_persimmon.py",
        gguf="none (persimmon no longer in LA at this commit)",
        published="Adept blog 'Releasing Persimmon-8B': 9.3B parameters (ours 9.397B; see NOTES-b)"),
}

META.update({
    "qwen3_vl": dict(
        model="Qwen/Qwen3-VL-8B-Instruct",
        config_source="real config.json of Qwen/Qwen3-VL-8B-Instruct, verbatim as quoted in a stored GitHub model report "
                      "(find_string id 62543607479, section '原始 config.json')",
        gguf="qwen3vl (LA); n_deepstack_layers; mrope sections in rope.dimension_sections",
        published="same report's weight statistics: 8,767,123,696 params in the 4 safetensors files (text + vision) "
                  "= total 8,190,735,360 + towers 576,388,336"),
    "qwen3_vl_moe": dict(
        model="Qwen/Qwen3-VL-30B-A3B-Instruct",
        config_source="fields of the real Qwen/Qwen3-VL-30B-A3B-Instruct config.json (commit 1fc78ad) as transcribed in a stored "
                      "GitHub test (find_string id 62478544309); only parsed fields kept by that test",
        gguf="qwen3vlmoe (LA)",
        published="text decoder has Qwen3-30B-A3B's shapes: card 30.5B total / 3.3B activated"),
    "qwen2_5_vl": dict(
        model="Qwen/Qwen2.5-VL-32B-Instruct (AWQ repo config)",
        config_source="real config.json of Qwen/Qwen2.5-VL-32B-Instruct-AWQ: GitHub binarrii/qwen_vl_object_detect "
                      "Qwen/Qwen2.5-VL-32B-Instruct-AWQ/config.json @f2219ae31e1e (AWQ does not change shapes)",
        gguf="qwen2vl (LA; Qwen2-VL and Qwen2.5-VL text share it); rope.dimension_sections",
        published="text shapes equal Qwen2.5-32B (card: 32.5B, 31.0B non-embedding); Qwen2.5-VL-32B page: 33.5B with vision"),
})

META.update({
    "llava": dict(
        model="llava-hf/llava-1.5-7b-hf (defaults; its vocab is 32064)",
        config_source="LlavaConfig() defaults: text_config = LlamaConfig() defaults, vision_config = CLIPVisionConfig("
                      "hidden 1024, intermediate 4096, 24 layers, 16 heads, image 336, patch 14) "
                      f"({TF}/llava/configuration_llava.py); written out explicitly",
        gguf="llama (text decoder of LLaVA-1.5 GGUFs is a llama arch; projector in a separate mmproj clip GGUF)",
        published="Llama-2-7B: 6,738,415,616 (exact count of these shapes); CLIP ViT-L/14-336 vision: 303.5M"),
    "mllama": dict(
        model="meta-llama/Llama-3.2-11B-Vision (defaults)",
        config_source=f"MllamaTextConfig() defaults, {TF}/mllama/configuration_mllama.py @032b32abfb07 "
                      "(docstring: Llama-3.2-11B-Vision); vision tower not counted",
        gguf="none for mllama in LA at 00395eb2 (was 'mllama' in older Ollama forks only)",
        published="Llama 3.2 11B Vision card: 10.6B total with vision (text 9,775,192,080 here)"),
})

META.update({
    "lfm2_moe": dict(
        model="LiquidAI/LFM2-8B-A1B",
        config_source="trimmed real LFM2-8B-A1B config (fields the loader reads) as quoted in a stored GitHub test "
                      "(find_string id 61253251750, const LFM2_8B_MOE_CONFIG), MLX 'quantization' block dropped; "
                      "tie_word_embeddings absent -> Lfm2MoeConfig default true",
        gguf="lfm2moe (LA); per-layer head_count_kv array as lfm2, leading_dense_block_count, expert_* keys",
        published="LFM2-8B-A1B card: 8.3B total, 1.5B active"),
})

META.update({
    "apertus": dict(
        model="swiss-ai/Apertus-8B-2509 (defaults)",
        config_source=f"ApertusConfig() defaults, {TF}/apertus/configuration_apertus.py @008e574391258935 (intermediate "
                      "14336 and MHA are the defaults, not the released 8B config)",
        gguf="apertus (LA); xielu alpha_p/alpha_n/beta/eps per layer",
        published="none for the defaults"),
    "arcee": dict(
        model="arcee-ai/AFM-4.5B (defaults)",
        config_source=f"ArceeConfig() defaults, {TF}/arcee/configuration_arcee.py @008e574391258935 (vocab 32000 / MHA "
                      "defaults, not the released AFM-4.5B config)",
        gguf="arcee (LA)",
        published="none for the defaults"),
})

_G3N = ("Gemma3nTextConfig() defaults written out (they are Gemma 3n E4B's text shapes: 35 layers, hidden 2048, "
        "per-layer input 256, 15 KV-shared layers, every 5th layer global); "
        f"{TF}/gemma3n/configuration_gemma3n.py; cross-checked against E4B values quoted in stored GitHub tests "
        "(find_string ids 58141470368, 10919927326)")
META.update({
    "gemma3n_text": dict(
        model="google/gemma-3n-E4B (text model)", config_source=_G3N,
        gguf="gemma3n (LA); embedding_length_per_layer_input, altup/laurel tensors",
        published="Gemma 3n E4B: '8B raw parameters' incl. vision + audio (HF page 7.85B); effective 4B"),
    "gemma3n": dict(
        model="google/gemma-3n-E4B-it", config_source=_G3N + "; wrapped in Gemma3nConfig text_config",
        gguf="gemma3n (LA; the GGUF holds the text model only)",
        published="Gemma 3n E4B: '8B raw parameters' with vision and audio towers"),
})

META.update({
    "bitnet": dict(
        model="microsoft/bitnet-b1.58-2B-4T (defaults)",
        config_source=f"BitNetConfig() defaults, {TF}/bitnet/configuration_bitnet.py @008f5c8c29be (docstring: "
                      "bitnet-b1.58-2B-4T); tie_word_embeddings false is the default",
        gguf="bitnet (LA)",
        published="BitNet b1.58 2B4T: ~2.4B (our tied variant 2,412,820,480; the released config is believed tied: unverified)"),
    "vaultgemma": dict(
        model="google/vaultgemma-1b (defaults)",
        config_source=f"VaultGemmaConfig() defaults, {TF}/vaultgemma/configuration_vaultgemma.py @008e574391258935 "
                      "(the defaults are Gemma-2-2B shapes, not vaultgemma-1b's)",
        gguf="none of its own in LA at 00395eb2",
        published="arithmetic check: Gemma-2-2B exact 2,614,341,888 = ours + 26 x 2 x 2304 (the two removed norms)"),
})

META.update({
    "qwen2_vl": dict(
        model="Qwen/Qwen2-VL-72B-Instruct shapes (defaults)",
        config_source=f"Qwen2VLConfig() defaults, {TF}/qwen2_vl/configuration_qwen2_vl.py @018c8e0394c4: the text "
                      "defaults are the 72B text shapes (80 layers, hidden 8192) although the docstring names the 7B",
        gguf="qwen2vl (LA); rope.dimension_sections",
        published="Qwen2-72B (same text shapes): 72.7B"),
    "cwm": dict(
        model="facebook/cwm (defaults)",
        config_source=f"CwmConfig() defaults, {TF}/cwm/configuration_cwm.py @008e574391258935 (checkpoint facebook/cwm)",
        gguf="none of its own in LA at 00395eb2",
        published="CWM: 32B dense"),
})

META.update({
    "recurrent_gemma": dict(
        model="google/recurrentgemma-2b (defaults)",
        config_source=f"RecurrentGemmaConfig() defaults, {TF}/recurrent_gemma/configuration_recurrent_gemma.py @052b1dcdbe75 "
                      "(docstring: recurrentgemma-2b); num_key_value_heads null -> 10 here (the released 2b uses 1)",
        gguf="none (not in LA)",
        published="RecurrentGemma-2B: 2.7B; the defaults are not its config (MLP width intermediate_size//2 = 3840 and 10 KV heads here), so no match is expected"),
    "rwkv": dict(
        model="RWKV/rwkv-4-7b-pile shapes (defaults)",
        config_source=f"RwkvConfig() defaults, {TF}/rwkv/configuration_rwkv.py @053f59efe493 (hidden 4096, 32 layers, "
                      "vocab 50277: the RWKV-4 Pile 7B shapes)",
        gguf="none for RWKV-4 (LA has rwkv6, rwkv7, rwkv6qwen2, arwkv7 only)",
        published="RWKV-4 Pile 7B: 7B class"),
})

META.update({
    "minimax": dict(
        model="MiniMaxAI/MiniMax-Text-01-hf (defaults: Mixtral-8x7B shapes with alternating lightning layers)",
        config_source=f"MiniMaxConfig() defaults, {TF}/minimax/configuration_minimax.py @008e574391258935 (not the "
                      "released MiniMax-Text-01 shapes)",
        gguf="none for MiniMax-Text-01 (LA has minimax-m2 only)",
        published="check: Mixtral-8x7B 46,702,792,704 + 16 x (lightning 83,890,176 - GQA 41,943,040) = 47,373,946,880 = ours"),
})

META.update({
    "zamba2": dict(
        model="Zyphra/Zamba2-2.7B (defaults)",
        config_source=f"Zamba2Config() defaults, {TF}/zamba2/configuration_zamba2.py @02f58079962e ('Zamba2-2.7B style'; "
                      "num_mem_blocks 1 here while the released 2.7B uses 2 shared blocks: defaults only)",
        gguf="none (zamba2 not in LA at 00395eb2)",
        published="Zamba2-2.7B: 2.7B (with 2 shared blocks; not comparable to the 1-block defaults)"),
})
