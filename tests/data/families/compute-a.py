#!/usr/bin/env python3
"""Exact parameter totals, active counts and KV bytes for the fam-a model types, from the tensor shapes
of Hugging Face transformers' modeling_<type>.py (read by hand; see NOTES-a.md). No transformers needed.
Run: python3 compute-a.py  (prints one line per type; --write rewrites <type>.json and EXPECTED-a.tsv)."""
import json, sys
from configs_a import CONFIGS

def lin(i, o, bias=False): return i * o + (o if bias else 0)

def R(groups, layers_kv, kv_per_layer, active=None, state=0):
    return dict(groups=groups, total=sum(v for _, v in groups), active=active,
                kv=layers_kv * kv_per_layer, state=state)

def mixtral(c):
    H, V, L, nh, kv, I, E, k = (c[x] for x in ("hidden_size", "vocab_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "intermediate_size", "num_local_experts", "num_experts_per_tok"))
    hd = c.get("head_dim") or H // nh
    attn = lin(H, nh*hd) + 2*lin(H, kv*hd) + lin(nh*hd, H)
    expert = 3 * H * I
    router = H * E
    norms = 2 * H
    g = [("embed_tokens V*H", V*H), ("attn L*(q+k+v+o)", L*attn), ("experts L*E*3*H*I", L*E*expert),
         ("router L*H*E", L*router), ("norms L*2H + final H", L*norms + H), ("lm_head V*H", V*H)]
    act = L*(attn + k*expert + router + norms) + H + V*H
    return R(g, L, 2*kv*hd*2, act)

def gemma_like(c, norms_per_layer):
    H, V, L, nh, kv, I = (c[x] for x in ("hidden_size", "vocab_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "intermediate_size"))
    hd = c["head_dim"]
    b = c.get("attention_bias", False)
    attn = lin(H, nh*hd, b) + 2*lin(H, kv*hd, b) + lin(nh*hd, H, b)
    mlp = 3 * H * I
    g = [("embed_tokens V*H (tied lm_head)", V*H), ("attn L*(q+k+v+o)", L*attn), ("mlp L*3*H*I", L*mlp),
         (f"norms L*{norms_per_layer}H + final H", L*norms_per_layer*H + H)]
    return R(g, L, 2*kv*hd*2)

def gemma(c): return gemma_like(c, 2)
def gemma2(c): return gemma_like(c, 4)

def deepseek_v2(c):
    H, V, L, nh = c["hidden_size"], c["vocab_size"], c["num_hidden_layers"], c["num_attention_heads"]
    nope, rope, vd, kvr, qr = c["qk_nope_head_dim"], c["qk_rope_head_dim"], c["v_head_dim"], c["kv_lora_rank"], c.get("q_lora_rank")
    assert qr is None
    q = H * nh * (nope + rope)
    attn = q + H*(kvr + rope) + kvr + kvr*nh*(nope + vd) + nh*vd*H
    dense = 3 * H * c["intermediate_size"]
    mi, E, S, k = c["moe_intermediate_size"], c["n_routed_experts"], c["n_shared_experts"], c["num_experts_per_tok"]
    nd = c["first_k_dense_replace"]; assert c["moe_layer_freq"] == 1
    nm = L - nd
    g = [("embed_tokens V*H", V*H), ("attn (MLA, no q_lora) L*(q_proj+kv_a_proj_with_mqa+kv_a_layernorm+kv_b_proj+o_proj)", L*attn),
         ("dense mlp first_k_dense_replace*3*H*I", nd*dense), ("routed experts nm*E*3*H*mi", nm*E*3*H*mi),
         ("shared experts nm*3*H*(S*mi)", nm*3*H*S*mi), ("router nm*E*H", nm*E*H),
         ("norms L*2H + final H", L*2*H + H), ("lm_head V*H", V*H)]
    act = L*(attn + 2*H) + nd*dense + nm*(k*3*H*mi + 3*H*S*mi + E*H) + H + V*H
    return R(g, L, (kvr + rope)*2, act)

def cohere(c):
    H, V, L, nh, kv, I = (c[x] for x in ("hidden_size", "vocab_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "intermediate_size"))
    hd = H // nh
    b = c.get("attention_bias", False)
    attn = lin(H, nh*hd, b) + 2*lin(H, kv*hd, b) + lin(nh*hd, H, b)
    assert not c.get("use_qk_norm")
    g = [("embed_tokens V*H (tied lm_head, CohereConfig default)", V*H), ("attn L*(q+k+v+o)", L*attn),
         ("mlp L*3*H*I", L*3*H*I), ("norms L*H (one LayerNorm, weight only) + final H", L*H + H)]
    return R(g, L, 2*kv*hd*2)

def stablelm(c):
    H, V, L, nh, kv, I = (c[x] for x in ("hidden_size", "vocab_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "intermediate_size"))
    hd = H // nh; b = c["use_qkv_bias"]
    attn = lin(H, nh*hd, b) + 2*lin(H, kv*hd, b) + lin(nh*hd, H)
    g = [("embed_tokens V*H", V*H), ("attn L*(q+k+v with bias, o)", L*attn), ("mlp L*3*H*I", L*3*H*I),
         ("norms L*2*(2H) LayerNorm w+b + final 2H", L*4*H + 2*H), ("lm_head V*H", V*H)]
    return R(g, L, 2*kv*hd*2)

def starcoder2(c):
    H, V, L, nh, kv, I = (c[x] for x in ("hidden_size", "vocab_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "intermediate_size"))
    hd = H // nh; b = c["use_bias"]
    attn = lin(H, nh*hd, b) + 2*lin(H, kv*hd, b) + lin(nh*hd, H, b)
    mlp = lin(H, I, b) + lin(I, H, b)
    g = [("embed_tokens V*H (tied lm_head, Starcoder2Config default)", V*H), ("attn L*(q,k,v,o with bias)", L*attn),
         ("mlp L*(c_fc+c_proj with bias)", L*mlp), ("norms L*2*(2H) LayerNorm w+b + final 2H", L*4*H + 2*H)]
    return R(g, L, 2*kv*hd*2)

def gptj(c):
    H, V, L, nh = c["n_embd"], c["vocab_size"], c["n_layer"], c["n_head"]
    I = c["n_inner"] or 4*H
    attn = 4*H*H
    mlp = lin(H, I, True) + lin(I, H, True)
    g = [("wte V*H", V*H), ("attn L*4*H*H (q,k,v,out no bias)", L*attn), ("mlp L*(fc_in+fc_out with bias)", L*mlp),
         ("ln_1 L*2H + ln_f 2H", L*2*H + 2*H), ("lm_head V*H + bias V", V*H + V)]
    return R(g, L, 2*nh*(H//nh)*2)

def gpt_bigcode(c):
    H, V, L, nh, P = c["n_embd"], c["vocab_size"], c["n_layer"], c["n_head"], c["n_positions"]
    I = c["n_inner"] or 4*H; hd = H // nh
    kvh = 1 if c["multi_query"] else nh
    attn = lin(H, H + 2*kvh*hd, True) + lin(H, H, True)
    mlp = lin(H, I, True) + lin(I, H, True)
    g = [("wte V*H (tied lm_head)", V*H), ("wpe n_positions*H", P*H), ("attn L*(c_attn H->(H+2*hd) + c_proj, with bias)", L*attn),
         ("mlp L*(c_fc+c_proj with bias)", L*mlp), ("ln_1,ln_2 L*4H + ln_f 2H", L*4*H + 2*H)]
    return R(g, L, 2*kvh*hd*2)

def gpt_neox(c):
    H, V, L, nh, I = c["hidden_size"], c["vocab_size"], c["num_hidden_layers"], c["num_attention_heads"], c["intermediate_size"]
    attn = lin(H, 3*H, True) + lin(H, H, True)
    mlp = lin(H, I, True) + lin(I, H, True)
    g = [("embed_in V*H", V*H), ("attn L*(query_key_value+dense with bias)", L*attn),
         ("mlp L*(dense_h_to_4h+dense_4h_to_h with bias)", L*mlp), ("norms L*2*(2H) + final 2H", L*4*H + 2*H),
         ("embed_out V*H", V*H)]
    return R(g, L, 2*H*2)


def falcon(c):
    H, V, L, nh = c["hidden_size"], c["vocab_size"], c["num_hidden_layers"], c["num_attention_heads"]
    hd = H // nh; b = c["bias"]
    assert not c["new_decoder_architecture"]
    kvh = 1 if c["multi_query"] else nh
    I = c.get("ffn_hidden_size") or 4*H
    attn = lin(H, (nh + 2*kvh)*hd if c["multi_query"] else 3*H, b) + lin(H, H, b)
    mlp = lin(H, I, b) + lin(I, H, b)
    nln = 1 if c["parallel_attn"] else 2
    tied = c.get("tie_word_embeddings", True)
    g = [("word_embeddings V*H" + (" (tied lm_head, PretrainedConfig default)" if tied else ""), V*H),
         ("attn L*(query_key_value H->(nh+2)*hd + dense)", L*attn), ("mlp L*(dense_h_to_4h+dense_4h_to_h)", L*mlp),
         (f"LayerNorm w+b L*{nln}*2H + ln_f 2H", L*nln*2*H + 2*H)]
    if not tied: g.append(("lm_head V*H", V*H))
    return R(g, L, 2*kvh*hd*2)

def jamba(c):
    H, V, L, nh, kv, I = (c[x] for x in ("hidden_size", "vocab_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "intermediate_size"))
    hd = H // nh
    E, k = c["num_experts"], c["num_experts_per_tok"]
    Mi = c["mamba_expand"] * H; N = c["mamba_d_state"]; K = c["mamba_d_conv"]; r = c["mamba_dt_rank"]
    pb, cb = c["mamba_proj_bias"], c["mamba_conv_bias"]
    mixer = (lin(H, 2*Mi, pb) + Mi*K + (Mi if cb else 0) + lin(Mi, r + 2*N) + lin(r, Mi, True)
             + Mi*N + Mi + lin(Mi, H, pb) + r + 2*N)
    attn = lin(H, nh*hd) + 2*lin(H, kv*hd) + lin(nh*hd, H)
    na = sum(1 for i in range(L) if i % c["attn_layer_period"] == c["attn_layer_offset"])
    ne = sum(1 for i in range(L) if i % c["expert_layer_period"] == c["expert_layer_offset"])
    nm, nd = L - na, L - ne
    moe = E*3*H*I + H*E
    g = [("embed_tokens V*H", V*H),
         (f"mamba mixers {nm}*(in_proj H*2Mi + conv1d Mi*K+Mi + x_proj Mi*(r+2N) + dt_proj r*Mi+Mi + A_log Mi*N + D Mi + out_proj Mi*H + dt/b/c norms r+2N)", nm*mixer),
         (f"attention {na}*(q+k+v+o)", na*attn), (f"MoE {ne}*(E*3*H*I + router H*E)", ne*moe),
         (f"dense mlp {nd}*3*H*I", nd*3*H*I), ("norms L*2H + final H", L*2*H + H), ("lm_head V*H", V*H)]
    act = nm*mixer + na*attn + ne*(k*3*H*I + H*E) + nd*3*H*I + L*2*H + H + V*H
    state = nm*(Mi*N*4 + Mi*(K-1)*2)
    return R(g, na, 2*kv*hd*2, act, state)

def bloom(c):
    H = c.get("n_embed") or c["hidden_size"]; V = c["vocab_size"]; L = c.get("n_layer") or c["num_hidden_layers"]
    nh = c.get("num_attention_heads") or c["n_head"]
    attn = lin(H, 3*H, True) + lin(H, H, True)
    mlp = lin(H, 4*H, True) + lin(4*H, H, True)
    g = [("word_embeddings V*H (tied lm_head)", V*H), ("word_embeddings_layernorm 2H", 2*H),
         ("attn L*(query_key_value H->3H + dense, with bias)", L*attn), ("mlp L*(H->4H->H with bias)", L*mlp),
         ("LayerNorm w+b L*2*2H + ln_f 2H", L*4*H + 2*H)]
    return R(g, L, 2*nh*(H//nh)*2)

def mamba(c):
    H, V, L = c["hidden_size"], c["vocab_size"], c["num_hidden_layers"]
    I, N, K, r = c["intermediate_size"], c["state_size"], c["conv_kernel"], c["time_step_rank"]
    ub, cb = c["use_bias"], c["use_conv_bias"]
    mixer = (lin(H, 2*I, ub) + I*K + (I if cb else 0) + lin(I, r + 2*N) + lin(r, I, True) + I*N + I + lin(I, H, ub))
    tied = c.get("tie_word_embeddings", True)
    g = [("embeddings V*H" + (" (tied lm_head, MambaConfig default)" if tied else ""), V*H),
         ("mixers L*(in_proj H*2I + conv1d I*K+I + x_proj I*(r+2N) + dt_proj r*I+I + A_log I*N + D I + out_proj I*H)", L*mixer),
         ("norms L*H + norm_f H", L*H + H)]
    if not tied: g.append(("lm_head V*H", V*H))
    return R(g, 0, 0, None, L*(I*N*4 + I*(K-1)*2))

def falcon_mamba(c):
    # same tensors as mamba: the B/C/dt RMS norms of FalconMambaMixer have no weights (mixer_rms_eps only)
    return mamba(c)

def phi(c):
    H, V, L, nh, kv, I = (c[x] for x in ("hidden_size", "vocab_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "intermediate_size"))
    hd = H // nh
    assert not c.get("qk_layernorm")
    attn = lin(H, nh*hd, True) + 2*lin(H, kv*hd, True) + lin(nh*hd, H, True)
    mlp = lin(H, I, True) + lin(I, H, True)
    g = [("embed_tokens V*H", V*H), ("attn L*(q,k,v,dense with bias)", L*attn), ("mlp L*(fc1+fc2 with bias)", L*mlp),
         ("LayerNorm w+b L*2H + final_layernorm 2H", L*2*H + 2*H), ("lm_head V*H + bias V", V*H + V)]
    return R(g, L, 2*kv*hd*2)

def opt(c):
    H, V, L, nh, F = c["hidden_size"], c["vocab_size"], c["num_hidden_layers"], c["num_attention_heads"], c["ffn_dim"]
    P = c["max_position_embeddings"]; W = c.get("word_embed_proj_dim", H); b = c.get("enable_bias", True)
    attn = 4*lin(H, H, b)
    mlp = lin(H, F, b) + lin(F, H, b)
    final_ln = c.get("do_layer_norm_before", True) and not c.get("_remove_final_layer_norm", False)
    g = [("embed_tokens V*word_embed_proj_dim (tied lm_head)", V*W), ("embed_positions (max_position_embeddings+2 offset)*H", (P + 2)*H),
         ("attn L*4*(H*H+H)", L*attn), ("mlp L*(fc1+fc2 with bias)", L*mlp), ("LayerNorm w+b L*2*2H", L*4*H)]
    if final_ln: g.append(("final_layer_norm 2H", 2*H))
    if W != H: g.append(("project_in + project_out (no bias)", 2*W*H))
    return R(g, L, 2*nh*(H//nh)*2)

def olmoe(c):
    H, V, L, nh, kv, I = (c[x] for x in ("hidden_size", "vocab_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "intermediate_size"))
    E, k = c["num_experts"], c["num_experts_per_tok"]
    hd = H // nh; b = c.get("attention_bias", False)
    attn = lin(H, nh*hd, b) + 2*lin(H, kv*hd, b) + lin(nh*hd, H, b) + nh*hd + kv*hd   # + q_norm, k_norm
    g = [("embed_tokens V*H", V*H), ("attn L*(q+k+v+o + q_norm H + k_norm kv*hd)", L*attn),
         ("experts L*E*3*H*I", L*E*3*H*I), ("router L*H*E", L*H*E), ("norms L*2H + final H", L*2*H + H),
         ("lm_head V*H", V*H)]
    act = L*(attn + k*3*H*I + H*E + 2*H) + H + V*H
    return R(g, L, 2*kv*hd*2, act)

def granitemoe(c):
    H, V, L, nh, kv, I = (c[x] for x in ("hidden_size", "vocab_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "intermediate_size"))
    E, k = c["num_local_experts"], c["num_experts_per_tok"]
    hd = H // nh; b = c.get("attention_bias", False)
    attn = lin(H, nh*hd, b) + 2*lin(H, kv*hd, b) + lin(nh*hd, H, b)
    tied = c.get("tie_word_embeddings", True)
    g = [("embed_tokens V*H" + (" (tied lm_head)" if tied else ""), V*H), ("attn L*(q+k+v+o)", L*attn),
         ("experts L*E*(input_linear 2I*H + output_linear I*H)", L*E*3*H*I), ("router L*H*E", L*H*E),
         ("norms L*2H + final H", L*2*H + H)]
    if not tied: g.append(("lm_head V*H", V*H))
    act = L*(attn + k*3*H*I + H*E + 2*H) + H + V*H
    return R(g, L, 2*kv*hd*2, act)

def gpt_neo(c):
    H, V, L, nh, P = c["hidden_size"], c["vocab_size"], c["num_layers"], c["num_heads"], c["max_position_embeddings"]
    I = c.get("intermediate_size") or 4*H
    attn = 3*lin(H, H) + lin(H, H, True)          # q/k/v without bias, out_proj with bias
    mlp = lin(H, I, True) + lin(I, H, True)
    g = [("wte V*H (tied lm_head)", V*H), ("wpe max_position_embeddings*H", P*H),
         ("attn L*(q,k,v no bias + out_proj with bias)", L*attn), ("mlp L*(c_fc+c_proj with bias)", L*mlp),
         ("ln_1,ln_2 L*4H + ln_f 2H", L*4*H + 2*H)]
    return R(g, L, 2*nh*(H//nh)*2)

def phimoe(c):
    H, V, L, nh, kv, I = (c[x] for x in ("hidden_size", "vocab_size", "num_hidden_layers",
        "num_attention_heads", "num_key_value_heads", "intermediate_size"))
    E, k = c["num_local_experts"], c["num_experts_per_tok"]
    hd = H // nh; b = c.get("attention_bias", False); lb = c.get("lm_head_bias", False)
    attn = lin(H, nh*hd, b) + 2*lin(H, kv*hd, b) + lin(nh*hd, H, b)
    norms = 2*2*H                                   # input/post_attention LayerNorm, weight + bias
    g = [("embed_tokens V*H", V*H), ("attn L*(q,k,v,o with attention_bias)", L*attn),
         ("experts L*E*3*H*I", L*E*3*H*I), ("router L*H*E", L*H*E),
         ("LayerNorm w+b L*2*2H + final norm 2H", L*norms + 2*H), ("lm_head V*H" + (" + bias V" if lb else ""), V*H + (V if lb else 0))]
    act = L*(attn + k*3*H*I + H*E + norms) + 2*H + V*H + (V if lb else 0)
    return R(g, L, 2*kv*hd*2, act)

FUNCS = {k: globals()[k] for k in CONFIGS}

def write():
    from meta_a import META
    cols = ["model_type", "model", "config_source", "total_params", "active_params", "kv_bytes_per_token_bf16",
            "recurrent_state_bytes", "gguf_arch", "published_figure_and_source", "arithmetic"]
    rows = ["\t".join(cols)]
    for t, c in CONFIGS.items():
        r = FUNCS[t](c); m = META[t]
        with open(f"{t}.json", "w") as f:
            f.write(json.dumps(c, indent=2) + "\n")
        ar = "; ".join(f"{n} = {v}" for n, v in r["groups"])
        rows.append("\t".join(str(x) for x in [t, m["model"], m["src"], r["total"],
            "" if r["active"] is None else r["active"], r["kv"], r["state"], m["gguf"], m["pub"], ar]))
    with open("EXPECTED-a.tsv", "w") as f:
        f.write("\n".join(rows) + "\n")

if __name__ == "__main__":
    if "--write" in sys.argv:
        write()
    for t, c in CONFIGS.items():
        r = FUNCS[t](c)
        print(t, r["total"], r["active"], r["kv"], r["state"])
        for n, v in r["groups"]:
            print("   ", n, v)
