# Per-type metadata for EXPECTED-a.tsv: model, config source, published figure, GGUF arch and keys.
MLC = "mlc-ai/mlc-llm:python/mlc_llm/model/model_preset.py@01ced331a9e155c5ba4e7625b027a51bee611450"
KH = "keras-team/keras-hub:keras_hub/src/models"
META = {
 "mixtral": dict(model="mistralai/Mixtral-8x7B-v0.1", src=MLC + " key Mixtral-8x7B-v0.1",
   pub="46702792704 = KerasHub preset mixtral_8_7b_en metadata params (index file id 678925060); same figure as HF API safetensors.total in a test mock (index id 59143658729)",
   gguf="llama (convert_hf_to_gguf writes Mixtral as LLM_ARCH_LLAMA with llama.expert_count / llama.expert_used_count; per-layer experts as ffn_*_exps)"),
 "gemma": dict(model="google/gemma-2b", src=MLC + " key gemma_2b",
   pub="2506172416 = " + KH + "/gemma/gemma_presets.py@02aeee5f130da8ff3daf6efd2d0dce9914223d2b gemma_2b_en params",
   gguf="gemma (gemma.attention.head_count_kv, gemma.attention.key_length/value_length = head_dim 256)"),
 "gemma2": dict(model="google/gemma-2-9b", src=MLC + " key gemma2_9b (MLC-only key sliding_window_size dropped)",
   pub="9241705984 = " + KH + "/gemma/gemma_presets.py@02aeee5f130da8ff3daf6efd2d0dce9914223d2b gemma2_9b_en params",
   gguf="gemma2 (gemma2.attention.sliding_window, gemma2.attn_logit_softcapping, gemma2.final_logit_softcapping, key_length/value_length; alternating local/global is implicit in llama.cpp)"),
 "deepseek_v2": dict(model="deepseek-ai/DeepSeek-V2-Lite", src=MLC + " key deepseek_v2_lite",
   pub="15706484224 printed as the parameter count of DeepSeek-V2-Lite by a serving demo (index file id 41727181442) and in a model table (index id 69468411049); card: 15.7B total, 2.4B activated",
   gguf="deepseek2 (deepseek2.attention.kv_lora_rank, q_lora_rank absent for Lite, key_length/value_length, rope.dimension_count = qk_rope_head_dim, leading_dense_block_count, expert_count, expert_used_count, expert_shared_count, expert_feed_forward_length, expert_weights_scale)"),
 "cohere": dict(model="CohereForAI/aya-23-8B", src=MLC + " key aya-23",
   pub="8028033024 listed for CohereForAI/aya-expanse-8b, same shape as aya-23-8B (index file id 12439498600); card: 8B",
   gguf="command-r (command-r.logit_scale, attention.head_count_kv, attention.layer_norm_epsilon; LayerNorm without bias)"),
 "stablelm": dict(model="stabilityai/stablelm-2-zephyr-1_6b", src=MLC + " key stablelm-2-zephyr-1_6b",
   pub="1644515328 for StableLM 2 1.6B (vocab 100352) in a model comparison table (index file id 35661935992)",
   gguf="stablelm (stablelm.rope.dimension_count = partial_rotary_factor*head_dim = 16, use_parallel_residual)"),
 "starcoder2": dict(model="bigcode/starcoder2-7b", src=MLC + " key starcoder2 (values identify starcoder2-7b: hidden 4608, 32 layers, 36 heads, 4 KV heads)",
   pub="7B (model card); no exact figure found",
   gguf="starcoder2 (starcoder2.attention.head_count_kv; sliding_window not carried)"),
 "gptj": dict(model="EleutherAI/gpt-j-6b", src=MLC + " key gpt_j (MLC-added rope_scaling {rope_type: gptj} dropped)",
   pub="6050882784 printed as the parameter count of the loaded HF EleutherAI/gpt-j-6B (index file id 37133021827); the model card n_parameters 6053381344 (index id 12737774370) is the mesh-transformer-jax figure and differs by 2498560 = 610*4096",
   gguf="gptj (name in LLM_ARCH_NAMES; rope.dimension_count = rotary_dim 64)"),
 "gpt_bigcode": dict(model="bigcode/gpt_bigcode-santacoder", src=MLC + " key gpt_bigcode (values: n_embd 2048, 24 layers, vocab 49280, multi_query = SantaCoder)",
   pub="1.1B (SantaCoder card); no exact figure found",
   gguf="starcoder (starcoder.attention.head_count_kv = 1 for multi_query; learned position table)"),
 "gpt_neox": dict(model="togethercomputer/RedPajama-INCITE-Base-3B-v1", src=MLC + " key redpajama_3b_v1",
   pub="indirect: EleutherAI/pythia-2.8b listed as 2775208960 (index file id 31276544872); same gpt_neox shape but vocab 50304, so 2775208960 + 2*128*2560 = 2775864320 = our total",
   gguf="gptneox (gptneox.rope.dimension_count = rotary_pct*head_dim, gptneox.use_parallel_residual)"),
}
META["falcon"] = dict(model="tiiuae/falcon-7b",
   src="configuration-class defaults: huggingface/transformers src/transformers/models/falcon/configuration_falcon.py@055855363e97555535aa9d133f53d99ef75bfd9c FalconConfig.__init__ (docstring: similar to tiiuae/falcon-7b); no verbatim falcon-7b config.json found",
   pub="no exact falcon-7b figure found in the index; formula checked on falcon-rw-1b (same FalconModel, parallel_attn false, bias true, vocab 50304, H 2048, 24 layers): 1311625216 = " + KH + "/falcon/falcon_presets.py@0e0969974c73387eed7e4a89ca45717b5dd6d26f falcon_refinedweb_1b_en params, reproduced exactly by the same arithmetic; module tree of falcon-7b printed in kimborgen/falcon-llm README (qkv 4544->4672, one LayerNorm, lm_head 4544->65024)",
   gguf="falcon (falcon.attention.head_count_kv = 1 for multi_query; new_decoder_architecture shows as two norms attn_norm/attn_norm_2 in tensors)")
META["jamba"] = dict(model="ai21labs/AI21-Jamba-1.5-Mini",
   src="Python dict of https://huggingface.co/ai21labs/AI21-Jamba-1.5-Mini/blob/main/config.json in a test helper (index file id 32223319525); use_mamba_kernels=False there carries an author comment",
   pub="card: 52B total / 12B active (Jamba 1.5 Mini, same shape as Jamba-v0.1); no exact figure found",
   gguf="jamba (jamba.attention.head_count_kv per-layer array with 0 for mamba layers, jamba.ssm.conv_kernel, ssm.inner_size, ssm.state_size, ssm.time_step_rank, expert_count, expert_used_count; MoE every other layer is visible only from tensors)")
META["bloom"] = dict(model="bigscience/bloomz-560m",
   src="config.json written by a test fixture pinning the real file's SHA-256 (index file id 62079138592); possibly a subset of the real keys",
   pub="559214592 = " + KH + "/bloom/bloom_presets.py@1f5bf552444c8835177c60918e13aee68a3cf80b bloomz_560m_multi params",
   gguf="bloom (ALiBi: no rope keys; attention.head_count; token_embd_norm tensor for word_embeddings_layernorm)")
META["mamba"] = dict(model="state-spaces/mamba-130m-hf",
   src="pytest fixture dict of the mamba-130m-hf config.json (index file id 20308477880); same values in ids 19288756532, 60325787752",
   pub="129135360 listed for mamba-130m-hf in a parameter table (index file id 49071488734; same table gives pythia-2_8b 2775208960) and asserted as sum(p.numel()) of the HF model (index id 71178565889)",
   gguf="mamba (mamba.ssm.conv_kernel, ssm.inner_size, ssm.state_size, ssm.time_step_rank; attention.head_count 0)")
META["falcon_mamba"] = dict(model="tiiuae/falcon-mamba-7b",
   src="Python dict of https://huggingface.co/tiiuae/falcon-mamba-7b/blob/main/config.json in a model-builder helper (index file id 32332034728)",
   pub="card: 7.27B; no exact figure found. NOTE expand=16 contradicts intermediate_size=8192 (=2*hidden): FalconMambaConfig sets intermediate_size=expand*hidden=65536, then PretrainedConfig.__init__(**kwargs) re-sets the explicit intermediate_size=8192 (configuration_falcon_mamba.py@8f578db559ac085c865c671488d50853757acf12); readers must take intermediate_size when present",
   gguf="mamba (llama.cpp converts FalconMambaForCausalLM to the mamba arch; ssm.dt_b_c_rms = true marks the weightless B/C/dt RMS norms)")
META["phi"] = dict(model="microsoft/phi-2",
   src="Python dict of https://huggingface.co/microsoft/phi-2/blob/main/config.json in a model-builder helper (index file id 32193779230; same in id 4881146369)",
   pub="2779683840 = HF API safetensors.parameters.F16 of microsoft/phi-2 in a test mock (index file id 48474337912) and total_parameters in a model catalog entry (id 68960744416)",
   gguf="phi2 (phi2.rope.dimension_count = partial_rotary_factor*head_dim = 32; output.bias tensor for the lm_head bias)")
META["opt"] = dict(model="facebook/opt-125m",
   src="PaddleNLP pretrained_init_configuration copy of the opt-125m config (index file id 47320612229); shape keys confirmed by opt-125m fixtures (ids 58580149580, 71486962225)",
   pub="125239296 = parameter count of facebook/opt-125m in a pruning tutorial (index file id 5044897445: 12 -> 10 layers gives 111063552, i.e. 7087872 per layer) and as paramsBillions 0.125239296 for an opt-125m copy (id 52913258646)",
   gguf="none (no OPT arch in LLM_ARCH_NAMES)")
META["olmoe"] = dict(model="allenai/OLMoE-1B-7B-0125-Instruct",
   src="verbatim config.json in piwi3910/Turbine:crates/turbine-model/tests/fixtures/olmoe-1b-7b-0125-instruct/config.json@72504adcaf8ad181ff36b96bf811c10508ae7658",
   pub="6919161856 = parameterCount from the safetensors headers of OLMoE-1B-7B (index file id 65753564317) and llama.cpp's reported n_params for an olmoe-1b-7b-0924 GGUF (id 66201517270); card: 7B total, 1B active (ours 1178994688 without, 1282017280 with the embedding)",
   gguf="olmoe (olmoe.expert_count, expert_used_count, attention.head_count_kv; q_norm over all heads = attn_q_norm [H], k_norm [kv*hd])")
META["granitemoe"] = dict(model="ibm-granite/granite-3.1-1b-a400m-instruct",
   src="verbatim config.json in leok7v/nano-lamma:models/granite-3.1-1b-a400m-instruct/config.json@c16de35338caf09b95babaf32b082f44aaad1883",
   pub="1334628352 = sum(p.numel()) asserted for a loaded granitemoe 1b-a400m model (index file id 70311894077; also id 70649285206); card: 1.3B total, 400M active",
   gguf="granitemoe (granitemoe.expert_count, expert_used_count, attention.head_count_kv, embedding_scale, residual_scale, attention.scale, logit_scale; experts as ffn_gate_up fused input_linear split on conversion)")
META["gpt_neo"] = dict(model="EleutherAI/gpt-neo-1.3B",
   src="configuration-class defaults: huggingface/transformers src/transformers/models/gpt_neo/configuration_gpt_neo.py@04c7fd35d5fe2d3542a41ad8c9b801bf0edfee61 GPTNeoConfig.__init__ (docstring: similar to gpt-neo-1.3B); no verbatim config.json found",
   pub="1315575808 = 'all params' printed for GPTNeoForCausalLM gpt-neo-1.3B with wte [50257,2048], wpe [2048,2048] (index file id 58887566530)",
   gguf="none (no GPT-Neo arch in LLM_ARCH_NAMES)")
META["phimoe"] = dict(model="microsoft/Phi-3.5-MoE-instruct",
   src="values transcribed key by key from the config in a README (xinyuwei-david/david-share, index file id 6017024208); rope_scaling lists not given there and left out",
   pub="card/README: 41.9B total, 6.6B active with 2 experts (ours 41873153344; active 6509665600 without, 6640999744 with the input embedding); no exact figure found",
   gguf="phimoe (phimoe.expert_count, expert_used_count, attention.head_count_kv, rope.scaling.* for longrope; rope_factors_long/short tensors are tables, not weights — case 11)")
