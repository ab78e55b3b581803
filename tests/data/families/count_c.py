#!/usr/bin/env python3
"""Set C of issue 12: the exact parameter totals of tests/data/families/<type>.json, tensor by tensor.

Each function mirrors the tensor shapes of transformers' modeling_<type>.py (named in its docstring).
Conventions (README): total = every parameter the model creates, a tied head once; active = input
embedding left out, LM head counted, top-k routed experts + router + everything dense; KV bytes per token
at bf16 = caching layers x 2 x KV heads x head_dim x 2. `python3 count_c.py` prints each group and the
TSV rows of EXPECTED-c.tsv. No third-party imports.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name)) as f:
        return json.load(f)


def llama_block(h, heads, kv, hd, inter, qk_norm=0):
    attn = h * heads * hd + 2 * h * kv * hd + heads * hd * h + qk_norm
    mlp = 3 * h * inter
    norms = 2 * h
    return attn, mlp, norms


def granite():
    """modeling_granite.py: LlamaLayout; multipliers carry no parameters; tied here."""
    c = load("granite.json")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    heads, kv = c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // heads
    attn, mlp, norms = llama_block(h, heads, kv, hd, c["intermediate_size"])
    groups = [("embed_tokens V*H (tied)", V * h), ("attn L*(q+k+v+o)", L * attn), ("mlp L*3*H*I", L * mlp),
              ("norms L*2H + final H", L * norms + h)]
    return groups, None, L * 2 * kv * hd * 2, 0


def code_llama():
    """modeling_llama.py (LlamaForCausalLM): untied."""
    c = load("code_llama.json")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    heads, kv = c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // heads
    attn, mlp, norms = llama_block(h, heads, kv, hd, c["intermediate_size"])
    groups = [("embed_tokens V*H", V * h), ("attn L*(q+k+v+o)", L * attn), ("mlp L*3*H*I", L * mlp),
              ("norms L*2H + final H", L * norms + h), ("lm_head V*H", V * h)]
    return groups, None, L * 2 * kv * hd * 2, 0


def dbrx():
    """modeling_dbrx.py: Wqkv H->(H + 2*kv*hd) no bias, out_proj; router layer H->E; experts w1, v1, w2
    each [E*I, H]; norm_1, norm_2, norm_f LayerNorm(bias=False); untied lm_head."""
    c = load("dbrx.json")
    h, L, V, heads = c["d_model"], c["n_layers"], c["vocab_size"], c["n_heads"]
    kv = c["attn_config"]["kv_n_heads"]
    E, k, I = c["ffn_config"]["moe_num_experts"], c["ffn_config"]["moe_top_k"], c["ffn_config"]["ffn_hidden_size"]
    hd = h // heads
    attn = h * (h + 2 * kv * hd) + h * h
    experts = 3 * E * I * h
    router = h * E
    norms = 2 * h
    groups = [("wte V*H", V * h), ("attn L*(Wqkv + out_proj)", L * attn), ("experts L*3*E*I*H", L * experts),
              ("router L*H*E", L * router), ("norms L*2H + norm_f H (no bias)", L * norms + h), ("lm_head V*H", V * h)]
    active = L * (attn + 3 * k * I * h + router + norms) + h + V * h
    return groups, active, L * 2 * kv * hd * 2, 0


def dots1():
    """modular_dots1.py: Qwen3Attention (q_norm, k_norm of head_dim) + DeepseekV3 MoE: layer 0 dense
    (intermediate_size), layers 1.. MoE: router weight E*H + e_score_correction_bias E, E experts
    3*H*mi, shared experts 3*H*(n_shared*mi); untied lm_head."""
    c = load("dots1.json")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    heads, kv = c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // heads
    E, k, mi, S = c["n_routed_experts"], c["num_experts_per_tok"], c["moe_intermediate_size"], c["n_shared_experts"]
    dense_n = c["first_k_dense_replace"]
    moe_n = L - dense_n
    attn = h * heads * hd + 2 * h * kv * hd + heads * hd * h + 2 * hd
    norms = 2 * h
    dense_mlp = 3 * h * c["intermediate_size"]
    expert = 3 * h * mi
    shared = 3 * h * S * mi
    router = E * h + E
    groups = [("embed_tokens V*H", V * h), ("attn L*(q+k+v+o+q_norm+k_norm)", L * attn),
              ("dense mlp first_k*3*H*I", dense_n * dense_mlp), ("routed experts moe_n*E*3*H*mi", moe_n * E * expert),
              ("shared experts moe_n*3*H*(S*mi)", moe_n * shared), ("router moe_n*(E*H + E)", moe_n * router),
              ("norms L*2H + final H", L * norms + h), ("lm_head V*H", V * h)]
    active = (L * (attn + norms) + dense_n * dense_mlp + moe_n * (k * expert + shared + router) + h + V * h)
    return groups, active, L * 2 * kv * hd * 2, 0


def mamba2_mixer(h, inner, heads, groups, state, kernel, conv_bias, proj_bias, norm=True, out_bias=None):
    """Mamba2Mixer / BambaMixer / FalconH1Mixer tensors: in_proj H -> inner + conv_dim + heads, depthwise
    conv1d over conv_dim = inner + 2*groups*state (+ bias), dt_bias, A_log, D per head, gated RMSNorm over
    inner (optional in Falcon-H1), out_proj inner -> H."""
    conv_dim = inner + 2 * groups * state
    out_bias = proj_bias if out_bias is None else out_bias
    n = h * (inner + conv_dim + heads) + (inner + conv_dim + heads if proj_bias else 0)
    n += conv_dim * kernel + (conv_dim if conv_bias else 0)
    n += 3 * heads + (inner if norm else 0)
    n += inner * h + (h if out_bias else 0)
    return n


def mamba2_state(inner, groups, state, kernel):
    """README convention: SSM state inner x d_state at fp32 + conv window (kernel - 1) x conv_dim at bf16."""
    return inner * state * 4 + (inner + 2 * groups * state) * (kernel - 1) * 2


def bamba():
    """modeling_bamba.py over BambaConfig defaults + the keys quoted from ibm-ai-platform/Bamba-9B
    (32 layers, 32 heads, hidden 4096, mamba_d_state 128, attn_layer_indices [9, 18, 27]). Every layer:
    input_layernorm + pre_ff_layernorm + gated MLP; Mamba-2 or attention (q/k/v/o no bias); untied."""
    c = load("bamba.json")
    d = dict(vocab_size=128000, intermediate_size=14336, num_key_value_heads=8, mamba_n_heads=128,
             mamba_n_groups=1, mamba_d_state=256, mamba_d_conv=4, mamba_expand=2)
    d.update(c)
    h, L, V, heads, kv = d["hidden_size"], d["num_hidden_layers"], d["vocab_size"], d["num_attention_heads"], d["num_key_value_heads"]
    hd = h // heads
    inner = d["mamba_expand"] * h
    attn_idx = d["attn_layer_indices"]
    na = len(attn_idx)
    nm = L - na
    attn = h * heads * hd + 2 * h * kv * hd + heads * hd * h
    mixer = mamba2_mixer(h, inner, d["mamba_n_heads"], d["mamba_n_groups"], d["mamba_d_state"], d["mamba_d_conv"], True, False)
    mlp = 3 * h * d["intermediate_size"]
    groups = [("embed_tokens V*H", V * h), ("attention na*(q+k+v+o)", na * attn), ("mamba2 nm*mixer", nm * mixer),
              ("mlp L*3*H*I", L * mlp), ("norms L*2H + final H", L * 2 * h + h), ("lm_head V*H", V * h)]
    state = nm * mamba2_state(inner, d["mamba_n_groups"], d["mamba_d_state"], d["mamba_d_conv"])
    return groups, None, na * 2 * kv * hd * 2, state


def flex_olmo():
    """modular_flex_olmo.py over FlexOlmoConfig defaults (the file): Olmo2Attention (q/k/v/o no bias,
    q_norm heads*hd, k_norm kv*hd), post_attention_layernorm + post_feedforward_layernorm, OLMoE MoE
    (router H*E, E experts 3*H*I), final norm, untied lm_head."""
    c = load("flex_olmo.json")
    h, L, V, heads, kv = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"], c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // heads
    E, k, I = c["num_experts"], c["num_experts_per_tok"], c["intermediate_size"]
    attn = h * heads * hd + 2 * h * kv * hd + heads * hd * h + heads * hd + kv * hd
    expert = 3 * h * I
    groups = [("embed_tokens V*H", V * h), ("attn L*(q+k+v+o+q_norm+k_norm)", L * attn),
              ("experts L*E*3*H*I", L * E * expert), ("router L*H*E", L * h * E),
              ("norms L*2H + final H", L * 2 * h + h), ("lm_head V*H", V * h)]
    active = L * (attn + k * expert + h * E + 2 * h) + h + V * h
    return groups, active, L * 2 * kv * hd * 2, 0


def falcon_h1():
    """modular_falcon_h1.py over the keys quoted from Falcon-H1-Tiny-90M (falcon_h1.json) and FalconH1Config
    defaults for the rest (mamba_conv_bias True, mamba_proj_bias / mamba_rms_norm / projectors_bias /
    attention_bias / mlp_bias False). Every layer: attention (q heads*hd, k/v kv*hd, o) + FalconH1Mixer
    (no norm: mamba_rms_norm False) side by side, gated MLP, input_layernorm + pre_ff_layernorm; tied."""
    c = load("falcon_h1.json")
    h, L, V, heads, kv, hd = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"], c["num_attention_heads"], c["num_key_value_heads"], c["head_dim"]
    inner, nh, N, G, K = c["mamba_d_ssm"], c["mamba_n_heads"], c["mamba_d_state"], c["mamba_n_groups"], c["mamba_d_conv"]
    attn = h * heads * hd + 2 * h * kv * hd + heads * hd * h
    mixer = mamba2_mixer(h, inner, nh, G, N, K, True, False, norm=False, out_bias=False)
    mlp = 3 * h * c["intermediate_size"]
    groups = [("embed_tokens V*H (tied)", V * h), ("attention L*(q+k+v+o)", L * attn), ("mamba L*mixer", L * mixer),
              ("mlp L*3*H*I", L * mlp), ("norms L*2H + final H", L * 2 * h + h)]
    return groups, None, L * 2 * kv * hd * 2, L * mamba2_state(inner, G, N, K)


def diffllama():
    """modular_diffllama.py over DiffLlamaConfig defaults (the file): Llama tensors + lambda_q1/k1/q2/k2
    (head_dim each) per layer; groupnorm without weights; untied."""
    c = load("diffllama.json")
    h, L, V, heads, kv = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"], c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // heads
    attn, mlp, norms = llama_block(h, heads, kv, hd, c["intermediate_size"])
    groups = [("embed_tokens V*H", V * h), ("attn L*(q+k+v+o)", L * attn), ("lambdas L*4*hd", L * 4 * hd),
              ("mlp L*3*H*I", L * mlp), ("norms L*2H + final H", L * norms + h), ("lm_head V*H", V * h)]
    return groups, None, L * 2 * kv * hd * 2, 0


FAMILIES = [granite, code_llama, dbrx, dots1, bamba, flex_olmo, falcon_h1, diffllama]

if __name__ == "__main__":
    for fn in FAMILIES:
        groups, active, kv, state = fn()
        total = sum(v for _, v in groups)
        print(f"{fn.__name__} total={total} active={active} kv={kv} state={state}")
        for name, v in groups:
            print(f"    {name} {v}")
