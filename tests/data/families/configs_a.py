# Configs transcribed from mlc-ai/mlc-llm python/mlc_llm/model/model_preset.py
# @01ced331a9e155c5ba4e7625b027a51bee611450 (Python dicts of the models' Hugging Face config.json files).
# Keys that MLC adds for its own runtime are dropped (listed per entry in NOTES-a.md).
None_ = None
CONFIGS = {}
CONFIGS["mixtral"] = {
    "architectures": ["MixtralForCausalLM"], "attention_dropout": 0.0, "bos_token_id": 1, "eos_token_id": 2,
    "hidden_act": "silu", "hidden_size": 4096, "initializer_range": 0.02, "intermediate_size": 14336,
    "max_position_embeddings": 32768, "model_type": "mixtral", "num_attention_heads": 32,
    "num_experts_per_tok": 2, "num_hidden_layers": 32, "num_key_value_heads": 8, "num_local_experts": 8,
    "output_router_logits": False, "rms_norm_eps": 1e-05, "rope_theta": 1000000.0,
    "router_aux_loss_coef": 0.02, "sliding_window": None, "tie_word_embeddings": False,
    "torch_dtype": "bfloat16", "transformers_version": "4.36.0.dev0", "use_cache": True, "vocab_size": 32000}
CONFIGS["gemma"] = {
    "architectures": ["GemmaForCausalLM"], "attention_bias": False, "attention_dropout": 0.0, "bos_token_id": 2,
    "eos_token_id": 1, "head_dim": 256, "hidden_act": "gelu", "hidden_size": 2048, "initializer_range": 0.02,
    "intermediate_size": 16384, "max_position_embeddings": 8192, "model_type": "gemma",
    "num_attention_heads": 8, "num_hidden_layers": 18, "num_key_value_heads": 1, "pad_token_id": 0,
    "rms_norm_eps": 1e-06, "rope_scaling": None, "rope_theta": 10000.0, "torch_dtype": "bfloat16",
    "transformers_version": "4.38.0.dev0", "use_cache": True, "vocab_size": 256000}
CONFIGS["gemma2"] = {
    "architectures": ["Gemma2ForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
    "attn_logit_softcapping": 50.0, "bos_token_id": 2, "cache_implementation": "hybrid", "eos_token_id": 1,
    "final_logit_softcapping": 30.0, "head_dim": 256, "hidden_act": "gelu_pytorch_tanh",
    "hidden_activation": "gelu_pytorch_tanh", "hidden_size": 3584, "initializer_range": 0.02,
    "intermediate_size": 14336, "max_position_embeddings": 8192, "model_type": "gemma2",
    "num_attention_heads": 16, "num_hidden_layers": 42, "num_key_value_heads": 8, "pad_token_id": 0,
    "query_pre_attn_scalar": 256, "rms_norm_eps": 1e-06, "rope_theta": 10000.0, "sliding_window": 4096,
    "torch_dtype": "bfloat16", "transformers_version": "4.42.0.dev0", "use_cache": True, "vocab_size": 256000}
CONFIGS["deepseek_v2"] = {
    "architectures": ["DeepseekV2ForCausalLM"], "attention_bias": False, "bos_token_id": 100000,
    "eos_token_id": 100001, "first_k_dense_replace": 1, "hidden_act": "silu", "hidden_size": 2048,
    "initializer_range": 0.02, "intermediate_size": 10944, "kv_lora_rank": 512,
    "max_position_embeddings": 163840, "model_type": "deepseek_v2", "moe_intermediate_size": 1408,
    "moe_layer_freq": 1, "n_group": 1, "n_routed_experts": 64, "n_shared_experts": 2, "norm_topk_prob": False,
    "num_attention_heads": 16, "num_experts_per_tok": 6, "num_hidden_layers": 27, "num_key_value_heads": 16,
    "pretraining_tp": 1, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64, "rms_norm_eps": 1e-06,
    "rope_scaling": {"beta_fast": 32, "beta_slow": 1, "factor": 40, "mscale": 0.707, "mscale_all_dim": 0.707,
                     "original_max_position_embeddings": 4096, "type": "yarn"},
    "rope_theta": 10000, "routed_scaling_factor": 1.0, "scoring_func": "softmax", "topk_group": 1,
    "topk_method": "greedy", "torch_dtype": "bfloat16", "transformers_version": "4.33.1", "use_cache": True,
    "v_head_dim": 128, "vocab_size": 102400}
CONFIGS["cohere"] = {
    "architectures": ["CohereForCausalLM"], "attention_bias": False, "attention_dropout": 0.0, "bos_token_id": 5,
    "eos_token_id": 255001, "hidden_act": "silu", "hidden_size": 4096, "initializer_range": 0.02,
    "intermediate_size": 14336, "layer_norm_eps": 1e-05, "logit_scale": 0.0625, "max_position_embeddings": 8192,
    "model_type": "cohere", "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8,
    "pad_token_id": 0, "rope_theta": 10000, "torch_dtype": "float16", "transformers_version": "4.40.0.dev0",
    "use_cache": True, "use_qk_norm": False, "vocab_size": 256000}
CONFIGS["stablelm"] = {
    "architectures": ["StableLmForCausalLM"], "bos_token_id": 100257, "eos_token_id": 100257,
    "hidden_act": "silu", "hidden_size": 2048, "initializer_range": 0.02, "intermediate_size": 5632,
    "max_position_embeddings": 4096, "model_type": "stablelm", "layer_norm_eps": 1e-05,
    "num_attention_heads": 32, "num_hidden_layers": 24, "num_key_value_heads": 32,
    "partial_rotary_factor": 0.25, "rope_theta": 10000, "tie_word_embeddings": False,
    "torch_dtype": "float16", "transformers_version": "4.38.0", "use_cache": True, "use_qkv_bias": True,
    "vocab_size": 100352}
CONFIGS["starcoder2"] = {
    "activation_function": "gelu", "architectures": ["Starcoder2ForCausalLM"], "attention_dropout": 0.1,
    "residual_dropout": 0.1, "embedding_dropout": 0.1, "attention_softmax_in_fp32": True, "bos_token_id": 0,
    "eos_token_id": 0, "hidden_act": "gelu_pytorch_tanh", "hidden_size": 4608, "initializer_range": 0.018042,
    "intermediate_size": 18432, "layer_norm_epsilon": 1e-05, "max_position_embeddings": 16384,
    "mlp_type": "default", "model_type": "starcoder2", "norm_epsilon": 1e-05, "norm_type": "layer_norm",
    "num_attention_heads": 36, "num_hidden_layers": 32, "num_key_value_heads": 4, "rope_theta": 1000000,
    "scale_attention_softmax_in_fp32": True, "scale_attn_weights": True, "sliding_window": 4096,
    "torch_dtype": "bfloat16", "transformers_version": "4.37.0.dev0", "use_bias": True, "use_cache": True,
    "vocab_size": 49152}
CONFIGS["gptj"] = {
    "activation_function": "gelu_new", "architectures": ["GPTJForCausalLM"], "attn_pdrop": 0.0,
    "bos_token_id": 50256, "embd_pdrop": 0.0, "eos_token_id": 50256, "initializer_range": 0.02,
    "layer_norm_epsilon": 1e-05, "model_type": "gptj", "n_embd": 4096, "n_head": 16, "n_inner": None,
    "n_layer": 28, "n_positions": 2048, "resid_pdrop": 0.0, "rotary": True, "rotary_dim": 64,
    "scale_attn_weights": True, "summary_activation": None, "summary_first_dropout": 0.1,
    "summary_proj_to_labels": True, "summary_type": "cls_index", "summary_use_proj": True,
    "tie_word_embeddings": False, "tokenizer_class": "GPT2Tokenizer", "transformers_version": "4.18.0.dev0",
    "use_cache": True, "vocab_size": 50400}
CONFIGS["gpt_bigcode"] = {
    "activation_function": "gelu_pytorch_tanh", "architectures": ["GPTBigCodeForCausalLM"],
    "attention_softmax_in_fp32": True, "multi_query": True, "attn_pdrop": 0.1, "bos_token_id": 49152,
    "embd_pdrop": 0.1, "eos_token_id": 49152, "initializer_range": 0.02, "layer_norm_epsilon": 1e-05,
    "model_type": "gpt_bigcode", "n_embd": 2048, "n_head": 16, "n_inner": 8192, "n_layer": 24,
    "n_positions": 2048, "resid_pdrop": 0.1, "runner_max_sequence_length": None,
    "scale_attention_softmax_in_fp32": True, "scale_attn_weights": True, "summary_activation": None,
    "summary_first_dropout": 0.1, "summary_proj_to_labels": True, "summary_type": "cls_index",
    "summary_use_proj": True, "transformers_version": "4.28.0.dev0", "use_cache": True, "vocab_size": 49280}
CONFIGS["gpt_neox"] = {
    "_name_or_path": "/root/fm/models/rp_3b_800b_real_fp16", "architectures": ["GPTNeoXForCausalLM"],
    "bos_token_id": 0, "eos_token_id": 0, "hidden_act": "gelu", "hidden_size": 2560, "initializer_range": 0.02,
    "intermediate_size": 10240, "layer_norm_eps": 1e-05, "max_position_embeddings": 2048,
    "model_type": "gpt_neox", "num_attention_heads": 32, "num_hidden_layers": 32, "rotary_emb_base": 10000,
    "rotary_pct": 1.0, "tie_word_embeddings": False, "torch_dtype": "float16", "transformers_version": "4.28.1",
    "use_cache": True, "use_parallel_residual": False, "vocab_size": 50432}
# falcon: no verbatim tiiuae/falcon-7b config.json found in the index; the FalconConfig.__init__ defaults of
# huggingface/transformers src/transformers/models/falcon/configuration_falcon.py@055855363e97555535aa9d133f53d99ef75bfd9c
# (docstring: "similar configuration to that of the tiiuae/falcon-7b architecture"), written out key by key.
CONFIGS["falcon"] = {
    "model_type": "falcon", "vocab_size": 65024, "hidden_size": 4544, "num_hidden_layers": 32,
    "num_attention_heads": 71, "layer_norm_epsilon": 1e-05, "initializer_range": 0.02, "use_cache": True,
    "bos_token_id": 11, "eos_token_id": 11, "hidden_dropout": 0.0, "attention_dropout": 0.0,
    "n_head_kv": None, "alibi": False, "new_decoder_architecture": False, "multi_query": True,
    "parallel_attn": True, "bias": False}
# jamba: ai21labs/AI21-Jamba-1.5-Mini config.json as a Python dict in a test helper (index file id 32223319525,
# docstring cites https://huggingface.co/ai21labs/AI21-Jamba-1.5-Mini/blob/main/config.json); the helper's
# "use_mamba_kernels": False carries the comment "maybe another test to add" (possibly changed by its author).
CONFIGS["jamba"] = {
    "architectures": ["JambaForCausalLM"], "attention_dropout": 0.0, "attn_layer_offset": 4, "attn_layer_period": 8,
    "bos_token_id": 1, "eos_token_id": [2, 518], "expert_layer_offset": 1, "expert_layer_period": 2,
    "hidden_act": "silu", "hidden_size": 4096, "initializer_range": 0.02, "intermediate_size": 14336,
    "mamba_conv_bias": True, "mamba_d_conv": 4, "mamba_d_state": 16, "mamba_dt_rank": 256, "mamba_expand": 2,
    "mamba_proj_bias": False, "max_position_embeddings": 262144, "model_type": "jamba", "num_attention_heads": 32,
    "num_experts": 16, "num_experts_per_tok": 2, "num_hidden_layers": 32, "num_key_value_heads": 8,
    "num_logits_to_keep": 1, "output_router_logits": False, "pad_token_id": 0, "rms_norm_eps": 1e-06,
    "router_aux_loss_coef": 0.001, "sliding_window": None, "tie_word_embeddings": False, "torch_dtype": "bfloat16",
    "transformers_version": "4.40.2", "use_cache": True, "use_mamba_kernels": False, "vocab_size": 65536}
# bloom: bigscience/bloomz-560m config.json as written by a test fixture that pins the real file's SHA-256
# (index file id 62079138592); the fixture may hold a subset of the real keys (no dropout/fusion flags).
CONFIGS["bloom"] = {
    "architectures": ["BloomForCausalLM"], "model_type": "bloom", "n_embed": 1024, "n_layer": 24,
    "num_attention_heads": 16, "seq_length": 2048, "vocab_size": 250880, "unk_token_id": 0, "bos_token_id": 1,
    "eos_token_id": 2, "pad_token_id": 3, "use_cache": True}
# mamba: state-spaces/mamba-130m-hf config.json as a pytest fixture dict (index file id 20308477880;
# the same values appear in index ids 19288756532 and 60325787752, the latter labelled "the real config.json").
CONFIGS["mamba"] = {
    "architectures": ["MambaForCausalLM"], "bos_token_id": 0, "conv_kernel": 4, "d_inner": 1536, "d_model": 768,
    "eos_token_id": 0, "expand": 2, "fused_add_norm": True, "hidden_act": "silu", "hidden_size": 768,
    "initializer_range": 0.1, "intermediate_size": 1536, "layer_norm_epsilon": 1e-05, "model_type": "mamba",
    "n_layer": 24, "num_hidden_layers": 24, "pad_token_id": 0, "pad_vocab_size_multiple": 8,
    "rescale_prenorm_residual": False, "residual_in_fp32": True, "rms_norm": True, "ssm_cfg": {},
    "state_size": 16, "time_step_floor": 0.0001, "time_step_init_scheme": "random", "time_step_max": 0.1,
    "time_step_min": 0.001, "time_step_rank": 48, "time_step_scale": 1.0, "torch_dtype": "float32",
    "transformers_version": "4.39.0.dev0", "use_bias": False, "use_cache": True, "use_conv_bias": True,
    "vocab_size": 50280}
# falcon_mamba: tiiuae/falcon-mamba-7b config.json as a Python dict in a model-builder helper whose docstring cites
# https://huggingface.co/tiiuae/falcon-mamba-7b/blob/main/config.json (index file ids 32332034728, 32223319525, 20731892139).
CONFIGS["falcon_mamba"] = {
    "_name_or_path": "./", "architectures": ["FalconMambaForCausalLM"], "bos_token_id": 0, "conv_kernel": 4,
    "eos_token_id": 11, "expand": 16, "hidden_act": "silu", "hidden_size": 4096, "initializer_range": 0.1,
    "intermediate_size": 8192, "layer_norm_epsilon": 1e-05, "model_type": "falcon_mamba", "num_hidden_layers": 64,
    "pad_token_id": 11, "rescale_prenorm_residual": False, "residual_in_fp32": True, "state_size": 16,
    "tie_word_embeddings": False, "time_step_floor": 0.0001, "time_step_init_scheme": "random",
    "time_step_max": 0.1, "time_step_min": 0.001, "time_step_rank": 256, "time_step_scale": 1.0,
    "torch_dtype": "bfloat16", "transformers_version": "4.43.0.dev0", "use_bias": False, "use_cache": True,
    "use_conv_bias": True, "vocab_size": 65024}
# phi: microsoft/phi-2 config.json as a Python dict in a model-builder helper whose docstring cites
# https://huggingface.co/microsoft/phi-2/blob/main/config.json (index file id 32193779230; same values in id 4881146369).
CONFIGS["phi"] = {
    "_name_or_path": "microsoft/phi-2", "architectures": ["PhiForCausalLM"], "attention_dropout": 0.0,
    "bos_token_id": 50256, "embd_pdrop": 0.0, "eos_token_id": 50256, "hidden_act": "gelu_new", "hidden_size": 2560,
    "initializer_range": 0.02, "intermediate_size": 10240, "layer_norm_eps": 1e-05, "max_position_embeddings": 2048,
    "model_type": "phi", "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 32,
    "partial_rotary_factor": 0.4, "qk_layernorm": False, "resid_pdrop": 0.1, "rope_scaling": None,
    "rope_theta": 10000.0, "tie_word_embeddings": False, "torch_dtype": "float16", "transformers_version": "4.37.0",
    "use_cache": True, "vocab_size": 51200}
# opt: facebook/opt-125m config as PaddleNLP's pretrained_init_configuration["facebook/opt-125m"] (index file id
# 47320612229): HF keys without architectures/_name_or_path/transformers_version/_remove_final_layer_norm; its
# bos_token_id 0 may be Paddle's own (other copies of opt-125m configs give 2). Shape keys agree with index ids
# 58580149580, 71486962225 (opt-125m fixtures).
CONFIGS["opt"] = {
    "activation_dropout": 0.0, "activation_function": "relu", "attention_dropout": 0.0, "bos_token_id": 0,
    "hidden_size": 768, "do_layer_norm_before": True, "dropout": 0.1, "eos_token_id": 2, "ffn_dim": 3072,
    "init_std": 0.02, "layerdrop": 0.0, "max_position_embeddings": 2048, "model_type": "opt",
    "num_attention_heads": 12, "num_hidden_layers": 12, "pad_token_id": 1, "torch_dtype": "float16",
    "use_cache": True, "vocab_size": 50272, "word_embed_proj_dim": 768, "prefix": "</s>"}
# olmoe: allenai/OLMoE-1B-7B-0125-Instruct config.json, verbatim file in
# piwi3910/Turbine:crates/turbine-model/tests/fixtures/olmoe-1b-7b-0125-instruct/config.json@72504adcaf8ad181ff36b96bf811c10508ae7658
CONFIGS["olmoe"] = {
    "_name_or_path": "allenai/open_instruct_dev", "architectures": ["OlmoeForCausalLM"], "attention_bias": False,
    "attention_dropout": 0.0, "clip_qkv": None, "eos_token_id": 50279, "hidden_act": "silu", "hidden_size": 2048,
    "initializer_range": 0.02, "intermediate_size": 1024, "max_position_embeddings": 4096, "model_type": "olmoe",
    "norm_topk_prob": False, "num_attention_heads": 16, "num_experts": 64, "num_experts_per_tok": 8,
    "num_hidden_layers": 16, "num_key_value_heads": 16, "output_router_logits": False, "pad_token_id": 1,
    "rms_norm_eps": 1e-05, "rope_scaling": None, "rope_theta": 10000.0, "router_aux_loss_coef": 0.01,
    "tie_word_embeddings": False, "torch_dtype": "bfloat16", "transformers_version": "4.47.1", "use_cache": False,
    "vocab_size": 50304}
# granitemoe: ibm-granite/granite-3.1-1b-a400m-instruct config.json, verbatim file in
# leok7v/nano-lamma:models/granite-3.1-1b-a400m-instruct/config.json@c16de35338caf09b95babaf32b082f44aaad1883
CONFIGS["granitemoe"] = {
    "architectures": ["GraniteMoeForCausalLM"], "attention_bias": False, "attention_dropout": 0.0,
    "attention_multiplier": 0.015625, "bos_token_id": 0, "embedding_multiplier": 12.0, "eos_token_id": 0,
    "hidden_act": "silu", "hidden_size": 1024, "initializer_range": 0.02, "intermediate_size": 512,
    "logits_scaling": 6.0, "max_position_embeddings": 131072, "model_type": "granitemoe", "num_attention_heads": 16,
    "num_experts_per_tok": 8, "num_hidden_layers": 24, "num_key_value_heads": 8, "num_local_experts": 32,
    "output_router_logits": False, "pad_token_id": 0, "residual_multiplier": 0.22, "rms_norm_eps": 1e-06,
    "rope_scaling": None, "rope_theta": 1500000.0, "router_aux_loss_coef": 0.0, "tie_word_embeddings": True,
    "torch_dtype": "bfloat16", "transformers_version": "4.47.0", "use_cache": True, "vocab_size": 49155}
# gpt_neo: no verbatim EleutherAI/gpt-neo-1.3B config.json found; the GPTNeoConfig.__init__ defaults of
# huggingface/transformers src/transformers/models/gpt_neo/configuration_gpt_neo.py@04c7fd35d5fe2d3542a41ad8c9b801bf0edfee61
# (docstring: "similar configuration to that of the GPTNeo gpt-neo-1.3B architecture"), architecture keys only
# (that stored version also has fork-only keys vocab_parallel_embedding / make_vocab_size_divisible_by, left out).
CONFIGS["gpt_neo"] = {
    "model_type": "gpt_neo", "vocab_size": 50257, "max_position_embeddings": 2048, "hidden_size": 2048,
    "num_layers": 24, "attention_types": [[["global", "local"], 12]], "num_heads": 16, "intermediate_size": None,
    "window_size": 256, "activation_function": "gelu_new", "resid_dropout": 0.0, "embed_dropout": 0.0,
    "attention_dropout": 0.0, "layer_norm_epsilon": 1e-05, "initializer_range": 0.02, "use_cache": True,
    "bos_token_id": 50256, "eos_token_id": 50256}
# phimoe: microsoft/Phi-3.5-MoE-instruct config values as transcribed key by key in a README
# (xinyuwei-david/david-share Deep-Learning/Phi-3.5-MoE-and-Mini-Fine-tuning, index file id 6017024208); NOT the raw
# file: its rope_scaling (longrope, long/short factor lists and mscales) is described but not listed, so it is
# left out here; auto_map and token ids kept as listed.
CONFIGS["phimoe"] = {
    "architectures": ["PhiMoEForCausalLM"],
    "auto_map": {"AutoConfig": "configuration_phimoe.PhiMoEConfig",
                 "AutoModelForCausalLM": "modeling_phimoe.PhiMoEForCausalLM"},
    "attention_bias": True, "attention_dropout": 0.0, "bos_token_id": 1, "eos_token_id": 32000,
    "hidden_act": "silu", "hidden_dropout": 0.0, "hidden_size": 4096, "initializer_range": 0.02,
    "input_jitter_noise": 0.01, "intermediate_size": 6400, "lm_head_bias": True, "max_position_embeddings": 131072,
    "model_type": "phimoe", "num_attention_heads": 32, "num_experts_per_tok": 2, "num_hidden_layers": 32,
    "num_key_value_heads": 8, "num_local_experts": 16, "original_max_position_embeddings": 4096,
    "output_router_logits": False, "rms_norm_eps": 1e-05, "rope_theta": 10000.0, "router_aux_loss_coef": 0.0,
    "router_jitter_noise": 0.01, "sliding_window": 131072, "tie_word_embeddings": False, "torch_dtype": "bfloat16",
    "transformers_version": "4.43.3", "vocab_size": 32064}
