#!/usr/bin/env python3
"""Exact parameter / KV arithmetic for tests/data/families/EXPECTED-b.tsv (helper fam-b).

Each function mirrors the tensor shapes that Hugging Face transformers' modeling_<type>.py creates for the
config in <model_type>.json (vision/audio towers and MTP left out, as README's `total` says). Run:
    python3 count_b.py            -> prints one line per family: total, active, kv bytes/token, state bytes
No third-party imports; reads only the JSON files beside it.
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name + ".json")) as f:
        return json.load(f)


def lin(i, o, bias=False):
    return i * o + (o if bias else 0)


def glu(h, f, bias=False):           # gate, up, down (SwiGLU MLP)
    return lin(h, f, bias) * 2 + lin(f, h, bias)


def attn(h, nq, nkv, hd, qkv_bias=False, o_bias=False):
    return lin(h, nq * hd, qkv_bias) + 2 * lin(h, nkv * hd, qkv_bias) + lin(nq * hd, h, o_bias)


def kv(n_layers, nkv, hd):           # bf16, K and V
    return n_layers * 2 * nkv * hd * 2


R = {}   # model_type -> dict(total, active, kv, state, parts)


def row(mt, total, active, kvb, state, parts):
    R[mt] = dict(total=total, active=active, kv=kvb, state=state, parts=parts)


# ---------------------------------------------------------------- lfm2 (modeling_lfm2.py)
def f_lfm2():
    c = load("lfm2")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    nq, nkv = c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // nq
    attn_idx = set(c["full_attn_idxs"])
    # Lfm2MLP: block_auto_adjust_ff_dim -> int(2*ff/3), * multiplier, round up to multiple_of
    ff = c["block_ff_dim"]
    if c["block_auto_adjust_ff_dim"]:
        ff = int(2 * ff / 3)
        ff = int(c["block_ffn_dim_multiplier"] * ff)
        m = c["block_multiple_of"]
        ff = m * ((ff + m - 1) // m)
    Lc = c["conv_L_cache"]
    b = c["conv_bias"]
    conv = lin(h, 3 * h, b) + h * Lc + (h if b else 0) + lin(h, h, b)   # in_proj, depthwise conv1d, out_proj
    att = attn(h, nq, nkv, hd) + 2 * hd                                  # + q_layernorm, k_layernorm
    ffn = glu(h, ff)
    norms = 2 * h                                                        # operator_norm, ffn_norm
    n_att = len(attn_idx)
    n_conv = L - n_att
    emb = V * h
    total = n_conv * (conv + ffn + norms) + n_att * (att + ffn + norms) + h + emb   # final norm; tied head
    state = n_conv * h * Lc * 2     # conv cache (batch, hidden, L_cache) at bf16
    row("lfm2", total, None, kv(n_att, nkv, hd), state,
        f"ff={ff}; conv block {conv}+ffn {ffn}+norms {norms} x{n_conv}; attn block {att}+ffn+norms x{n_att}; "
        f"final norm {h}; embed (tied) {V}x{h}={emb}")


# ---------------------------------------------------------------- qwen2_moe (modeling_qwen2_moe.py)
def f_qwen2_moe():
    c = load("qwen2_moe")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    nq, nkv = c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // nq
    E, k, fe, fs = c["num_experts"], c["num_experts_per_tok"], c["moe_intermediate_size"], c["shared_expert_intermediate_size"]
    a = attn(h, nq, nkv, hd, qkv_bias=True)          # q,k,v bias=True, o no bias
    router = h * E
    experts = E * glu(h, fe)
    shared = glu(h, fs) + h                           # shared_expert + shared_expert_gate Linear(h,1)
    norms = 2 * h
    assert c["decoder_sparse_step"] == 1 and not c.get("mlp_only_layers")
    layer = a + router + experts + shared + norms
    emb = V * h
    head = 0 if c["tie_word_embeddings"] else V * h
    total = L * layer + h + emb + head
    active = L * (a + router + k * glu(h, fe) + shared + norms) + h + (head or emb)
    row("qwen2_moe", total, active, kv(L, nkv, hd), 0,
        f"attn {a} (qkv bias) + router {router} + {E} experts {experts} + shared+gate {shared} + norms {norms} = {layer} x{L}; "
        f"final norm {h}; embed {emb}; lm_head {head}; active: top-{k} experts {k*glu(h,fe)}/layer")


# ---------------------------------------------------------------- llama-like dense helper
def dense(mt, c, *, qkv_bias=False, o_bias=False, mlp_bias=False, norms_per_layer=2, qk_norm=False,
          hd=None, extra=""):
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    nq = c["num_attention_heads"]
    nkv = c.get("num_key_value_heads") or nq
    hd = hd or c.get("head_dim") or h // nq
    f = c["intermediate_size"]
    a = attn(h, nq, nkv, hd, qkv_bias, o_bias) + (2 * hd if qk_norm else 0)
    m = glu(h, f, mlp_bias)
    n = norms_per_layer * h
    layer = a + m + n
    emb = V * h
    head = 0 if c.get("tie_word_embeddings") else V * h
    total = L * layer + h + emb + head
    row(mt, total, None, kv(L, nkv, hd), 0,
        f"hd={hd}; attn {a} + mlp {m} + norms {n} = {layer} x{L}; final norm {h}; embed {V}x{h}={emb}; "
        f"lm_head {'tied' if not head else head}{extra}")


def f_ernie4_5():
    # modeling_ernie4_5.py: Llama layout, use_bias on q,k,v,o and MLP (false here)
    c = load("ernie4_5")
    b = c["use_bias"]
    dense("ernie4_5", c, qkv_bias=b, o_bias=b, mlp_bias=b)


def f_glm():
    # modeling_glm.py: q,k,v bias=attention_bias, o no bias; gate_up_proj fused (h -> 2f), down; 2 RMSNorms
    c = load("glm")
    dense("glm", c, qkv_bias=c["attention_bias"])


def f_glm4():
    # modeling_glm4.py: as glm plus post_self_attn_layernorm and post_mlp_layernorm (4 norms per layer)
    c = load("glm4")
    dense("glm4", c, qkv_bias=c["attention_bias"], norms_per_layer=4)


def f_helium():
    c = load("helium")
    dense("helium", c, qkv_bias=c["attention_bias"], o_bias=c["attention_bias"], mlp_bias=c["mlp_bias"])


def f_ministral():
    c = load("ministral")
    dense("ministral", c)


def f_hunyuan_v1_dense():
    # LlamaAttention (bias=attention_bias on q,k,v,o) + query_layernorm/key_layernorm RMSNorm(head_dim); MLP no bias
    c = load("hunyuan_v1_dense")
    b = c["attention_bias"]
    dense("hunyuan_v1_dense", c, qkv_bias=b, o_bias=b, qk_norm=True)


def f_seed_oss():
    # q,k,v bias=attention_bias(True), o bias=attention_out_bias(False), MLP bias=mlp_bias(False)
    c = load("seed_oss")
    dense("seed_oss", c, qkv_bias=c["attention_bias"], o_bias=c["attention_out_bias"], mlp_bias=c["mlp_bias"])


def f_exaone4():
    # no bias; q_norm/k_norm RMSNorm(head_dim); post_attention_layernorm + post_feedforward_layernorm (2 per layer)
    c = load("exaone4")
    dense("exaone4", c, qk_norm=True,
          extra="; layer_types: sliding_window_pattern 4 -> 24 sliding + 8 full (every 4th), all counted in KV")


def f_ernie4_5_moe():
    # modeling_ernie4_5_moe.py: layer i is MoE iff (i+1) % interval == 0 and start <= i <= end (end=-1 -> L-1).
    # MoE block: moe_statics.e_score_correction_bias (1, E) nn.Parameter, gate Linear(h,E,no bias),
    # E experts MLP(moe_intermediate), shared_experts MLP(moe_intermediate * n_shared). Attention bias=use_bias.
    c = load("ernie4_5_moe")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    nq, nkv = c["num_attention_heads"], c["num_key_value_heads"]
    hd = c.get("head_dim") or h // nq
    E, k, fe, ns = c["moe_num_experts"], c["moe_k"], c["moe_intermediate_size"], c["moe_num_shared_experts"]
    start, end, iv = c["moe_layer_start_index"], c["moe_layer_end_index"], c["moe_layer_interval"]
    end = L - 1 if end == -1 else end
    moe_layers = [i for i in range(L) if (i + 1) % iv == 0 and start <= i <= end]
    a = attn(h, nq, nkv, hd, c["use_bias"], c["use_bias"])
    norms = 2 * h
    dense_l = a + glu(h, c["intermediate_size"]) + norms
    router = E + h * E
    shared = glu(h, fe * ns)
    moe_l = a + router + E * glu(h, fe) + shared + norms
    moe_act = a + router + k * glu(h, fe) + shared + norms
    nm = len(moe_layers)
    nd = L - nm
    emb = V * h
    head = 0 if c["tie_word_embeddings"] else V * h
    total = nd * dense_l + nm * moe_l + h + emb + head
    active = nd * dense_l + nm * moe_act + h + (head or emb)
    row("ernie4_5_moe", total, active, kv(L, nkv, hd), 0,
        f"{nd} dense layers x {dense_l} (attn {a}, mlp {glu(h, c['intermediate_size'])}); {nm} MoE layers x {moe_l} "
        f"(statics {E} + gate {h*E} + {E} experts {E*glu(h,fe)} + shared {shared}); final norm {h}; embed {emb} (tied)")


# ---------------------------------------------------------------- classic (pre-LLaMA) decoders
def f_openai_gpt():
    # modeling_openai.py: tokens_embed, positions_embed; Block: c_attn Conv1D(3n), c_proj, ln_1, mlp c_fc(4n)/c_proj, ln_2;
    # no final LayerNorm; lm_head tied (no bias)
    c = load("openai-gpt")
    n, L, V, P = c["n_embd"], c["n_layer"], c["vocab_size"], c["n_positions"]
    blk = lin(n, 3 * n, True) + lin(n, n, True) + 2 * n + lin(n, 4 * n, True) + lin(4 * n, n, True) + 2 * n
    total = L * blk + V * n + P * n
    row("openai-gpt", total, None, kv(L, c["n_head"], n // c["n_head"]), 0,
        f"block {blk} x{L}; tokens_embed {V*n}; positions_embed {P*n}; no final norm; lm_head tied")


def f_ctrl():
    # modeling_ctrl.py: w Embedding(V,n); sinusoidal pos_encoding is a buffer; layer: Wq,Wk,Wv,dense Linear(n,n,bias),
    # ffn Linear(n,dff)+Linear(dff,n) with bias, layernorm1/2; final layernorm; lm_head Linear(n,V,bias=True), weight tied
    c = load("ctrl")
    n, L, V, d = c["n_embd"], c["n_layer"], c["vocab_size"], c["dff"]
    blk = 4 * lin(n, n, True) + lin(n, d, True) + lin(d, n, True) + 4 * n
    total = L * blk + V * n + 2 * n + V
    row("ctrl", total, None, kv(L, c["n_head"], n // c["n_head"]), 0,
        f"block {blk} x{L}; embed {V*n}; final LayerNorm {2*n}; lm_head bias {V} (weight tied)")


def f_biogpt():
    # modeling_biogpt.py: embed_tokens; BioGptLearnedPositionalEmbedding(max_pos + 2, h); layers: q,k,v,out_proj (bias),
    # self_attn_layer_norm, fc1, fc2 (bias), final_layer_norm; model.layer_norm; output_projection tied, no bias
    c = load("biogpt")
    h, L, V, f, P = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"], c["intermediate_size"], c["max_position_embeddings"]
    blk = 4 * lin(h, h, True) + lin(h, f, True) + lin(f, h, True) + 4 * h
    total = L * blk + V * h + (P + 2) * h + 2 * h
    row("biogpt", total, None, kv(L, c["num_attention_heads"], h // c["num_attention_heads"]), 0,
        f"block {blk} x{L}; embed {V*h}; learned positions ({P}+2)x{h}={(P+2)*h}; final LayerNorm {2*h}; head tied")


def f_xglm():
    # modeling_xglm.py: embed_tokens; XGLMSinusoidalPositionalEmbedding is a buffer (no params); layer as BioGPT;
    # model.layer_norm; lm_head tied, no bias
    c = load("xglm")
    h, L, V, f = c["d_model"], c["num_layers"], c["vocab_size"], c["ffn_dim"]
    blk = 4 * lin(h, h, True) + lin(h, f, True) + lin(f, h, True) + 4 * h
    total = L * blk + V * h + 2 * h
    row("xglm", total, None, kv(L, c["attention_heads"], h // c["attention_heads"]), 0,
        f"block {blk} x{L}; embed {V*h}; sinusoidal positions (buffer); final LayerNorm {2*h}; head tied")


def f_persimmon():
    # modeling_persimmon.py: query_key_value Linear(h,3h,bias), dense Linear(h,h,bias), q_layernorm/k_layernorm
    # LayerNorm(head_dim) with bias; mlp dense_h_to_4h/dense_4h_to_h with bias (relu2); input/post_attention LayerNorm;
    # final_layernorm; lm_head untied, no bias
    c = load("persimmon")
    h, L, V, f, nq = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"], c["intermediate_size"], c["num_attention_heads"]
    hd = h // nq
    blk = lin(h, 3 * h, True) + lin(h, h, True) + (4 * hd if c["qk_layernorm"] else 0) + lin(h, f, True) + lin(f, h, True) + 4 * h
    head = 0 if c["tie_word_embeddings"] else V * h
    total = L * blk + V * h + 2 * h + head
    row("persimmon", total, None, kv(L, nq, hd), 0,
        f"block {blk} x{L} (qk LayerNorms {4*hd}); embed {V*h}; final LayerNorm {2*h}; lm_head {head}")



# ---------------------------------------------------------------- Qwen VL wrappers: text decoder = total; towers apart
def qwen3_vision_tower(v):
    # modeling_qwen3_vl.py Qwen3VLVisionModel: patch_embed Conv3d(in, h, (tp, p, p), bias) ; pos_embed Embedding(npos, h);
    # blocks: norm1/norm2 LayerNorm(h) (w+b), qkv Linear(h,3h,b), proj Linear(h,h,b), linear_fc1/fc2 with bias;
    # merger: LayerNorm(h), fc1 Linear(h*m^2, h*m^2), fc2 Linear(h*m^2, out); deepstack mergers: LayerNorm(h*m^2) + same fcs
    h, f, d, out = v["hidden_size"], v["intermediate_size"], v["depth"], v["out_hidden_size"]
    p, tp, cin, m = v["patch_size"], v["temporal_patch_size"], v["in_channels"], v["spatial_merge_size"]
    hm = h * m * m
    patch = cin * tp * p * p * h + h
    pos = v["num_position_embeddings"] * h
    blk = 4 * h + lin(h, 3 * h, True) + lin(h, h, True) + lin(h, f, True) + lin(f, h, True)
    merger = 2 * h + lin(hm, hm, True) + lin(hm, out, True)
    deep = len(v["deepstack_visual_indexes"]) * (2 * hm + lin(hm, hm, True) + lin(hm, out, True))
    return patch + pos + d * blk + merger + deep


def f_qwen3_vl():
    c = load("qwen3_vl")
    t = c["text_config"]
    h, L, V = t["hidden_size"], t["num_hidden_layers"], t["vocab_size"]
    nq, nkv, hd = t["num_attention_heads"], t["num_key_value_heads"], t["head_dim"]
    a = attn(h, nq, nkv, hd) + 2 * hd
    layer = a + glu(h, t["intermediate_size"]) + 2 * h
    emb = V * h
    head = 0 if c["tie_word_embeddings"] else V * h
    total = L * layer + h + emb + head
    towers = qwen3_vision_tower(c["vision_config"])
    row("qwen3_vl", total, None, kv(L, nkv, hd), 0,
        f"text: attn {a} (q_norm/k_norm) + mlp + norms = {layer} x{L}; final norm {h}; embed {emb}; lm_head {head}; "
        f"towers (vision, apart) {towers}; text+towers {total + towers}")


def f_qwen3_vl_moe():
    c = load("qwen3_vl_moe")
    t = c["text_config"]
    h, L, V = t["hidden_size"], t["num_hidden_layers"], t["vocab_size"]
    nq, nkv, hd = t["num_attention_heads"], t["num_key_value_heads"], t["head_dim"]
    E, k, fe = t["num_experts"], t["num_experts_per_tok"], t["moe_intermediate_size"]
    assert t["decoder_sparse_step"] == 1 and not t["mlp_only_layers"]
    a = attn(h, nq, nkv, hd) + 2 * hd
    router = h * E
    layer = a + router + E * glu(h, fe) + 2 * h      # experts as fused gate_up_proj (E,h,2f) + down_proj (E,f,h)
    act_l = a + router + k * glu(h, fe) + 2 * h
    emb = V * h
    head = 0 if c["tie_word_embeddings"] else V * h
    total = L * layer + h + emb + head
    active = L * act_l + h + (head or emb)
    towers = qwen3_vision_tower(c["vision_config"])
    row("qwen3_vl_moe", total, active, kv(L, nkv, hd), 0,
        f"text: attn {a} + router {router} + {E} experts {E*glu(h,fe)} + norms {2*h} = {layer} x{L}; final norm {h}; "
        f"embed {emb}; lm_head {head}; active top-{k}; towers (vision, apart) {towers}")


def qwen25_vision_tower(v, out):
    # modeling_qwen2_5_vl.py (defaults depth 32, patch 14, temporal 2, in 3, merge 2 where the config omits them):
    # patch_embed Conv3d bias=False; blocks: norm1/norm2 RMSNorm(h), qkv/proj with bias, gate/up/down with bias;
    # merger: ln_q RMSNorm(h), Linear(h*4,h*4,b), Linear(h*4,out,b)
    h, f = v["hidden_size"], v["intermediate_size"]
    d, p, tp, cin, m = v.get("depth", 32), v.get("patch_size", 14), v.get("temporal_patch_size", 2), v.get("in_chans", 3), 2
    hm = h * m * m
    blk = 2 * h + lin(h, 3 * h, True) + lin(h, h, True) + 2 * lin(h, f, True) + lin(f, h, True)
    return cin * tp * p * p * h + d * blk + h + lin(hm, hm, True) + lin(hm, out, True)


def f_qwen2_5_vl():
    # text = Qwen2 decoder (q,k,v bias; o no bias), keys at top level in this (transformers 4.49) config
    c = load("qwen2_5_vl")
    dense("qwen2_5_vl", c, qkv_bias=True)
    towers = qwen25_vision_tower(c["vision_config"], c["hidden_size"])
    R["qwen2_5_vl"]["parts"] += f"; towers (vision, apart) {towers}; text+towers {R['qwen2_5_vl']['total'] + towers}"



def f_llava():
    # modeling_llava.py: language_model = LlamaForCausalLM(text_config) (total); vision_tower = CLIPVisionModel and
    # multi_modal_projector (linear_1 Linear(vision_h, text_h, bias), linear_2 Linear(text_h, text_h, bias)) = towers
    c = load("llava")
    t = c["text_config"]
    dense("llava", t)
    v = c["vision_config"]
    vh, vf, vl, p, img = v["hidden_size"], v["intermediate_size"], v["num_hidden_layers"], v["patch_size"], v["image_size"]
    npos = (img // p) ** 2 + 1
    clip = vh + v["num_channels"] * p * p * vh + npos * vh + 2 * vh \
        + vl * (4 * lin(vh, vh, True) + lin(vh, vf, True) + lin(vf, vh, True) + 4 * vh) + 2 * vh
    b = c["multimodal_projector_bias"]
    proj = lin(vh, t["hidden_size"], b) + lin(t["hidden_size"], t["hidden_size"], b)
    R["llava"]["parts"] += f"; towers apart: CLIP vision {clip} + projector {proj} = {clip + proj}; sum {R['llava']['total'] + clip + proj}"


def f_mllama():
    # modeling_mllama.py MllamaTextModel: embed_tokens Embedding(vocab + 8, h); layers i in cross_attention_layers are
    # MllamaCrossAttentionDecoderLayer: cross_attn q/k/v/o (no bias) + q_norm/k_norm RMSNorm(hd), input_layernorm,
    # cross_attn_attn_gate (1), mlp, post_attention_layernorm, cross_attn_mlp_gate (1); other layers are Llama self-attn
    # layers; lm_head Linear(h, vocab). Vision tower (tiles, gated position embeddings, global encoder) not counted here.
    c = load("mllama")
    t = c["text_config"]
    h, L, V = t["hidden_size"], t["num_hidden_layers"], t["vocab_size"]
    nq, nkv = t["num_attention_heads"], t["num_key_value_heads"]
    hd = h // nq
    xs = t["cross_attention_layers"]
    a = attn(h, nq, nkv, hd)
    m = glu(h, t["intermediate_size"])
    self_l = a + m + 2 * h
    cross_l = a + 2 * hd + 2 + m + 2 * h
    nx = len(xs)
    ns = L - nx
    emb = (V + 8) * h
    head = 0 if t["tie_word_embeddings"] else V * h
    total = ns * self_l + nx * cross_l + h + emb + head
    row("mllama", total, None, kv(ns, nkv, hd), 0,
        f"{ns} self-attn layers x {self_l}; {nx} cross-attn layers {xs} x {cross_l} (+q_norm/k_norm {2*hd}, 2 tanh gates); "
        f"final norm {h}; embed ({V}+8)x{h}={emb}; lm_head {head}; KV/token counts the {ns} self-attn layers only "
        f"(cross-attn layers cache the image's K/V once per image: {nx}x2x{nkv}x{hd}x2 B = {nx*2*nkv*hd*2} B per vision token)")



def f_lfm2_moe():
    # modeling_lfm2_moe.py: operators as lfm2 (ShortConv / attention with q/k layernorm); feed_forward: layer < num_dense_layers
    # -> Lfm2MoeMLP(intermediate_size) (w1,w3,w2; no ff auto-adjust), else Lfm2MoeSparseMoeBlock: gate Linear(h,E),
    # experts (E, fused gate_up + down); expert_bias is a register_buffer (not a parameter: left out, +E per MoE layer if
    # buffers were counted). tie_word_embeddings defaults to True (key absent here).
    c = load("lfm2_moe")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    nq, nkv = c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // nq
    types = c["layer_types"]
    Lc, b = c["conv_L_cache"], c["conv_bias"]
    E, k, fe, nd = c["num_experts"], c["num_experts_per_tok"], c["moe_intermediate_size"], c["num_dense_layers"]
    conv = lin(h, 3 * h, b) + h * Lc + (h if b else 0) + lin(h, h, b)
    att = attn(h, nq, nkv, hd) + 2 * hd
    total = active = 0
    n_att = 0
    for i, t in enumerate(types):
        mix = att if t == "full_attention" else conv
        n_att += t == "full_attention"
        if i < nd:
            ff = ffa = glu(h, c["intermediate_size"])
        else:
            ff = h * E + E * glu(h, fe)
            ffa = h * E + k * glu(h, fe)
        total += mix + ff + 2 * h
        active += mix + ffa + 2 * h
    emb = V * h
    tied = c.get("tie_word_embeddings", True)
    total += h + emb + (0 if tied else emb)
    active += h + emb
    n_conv = L - n_att
    row("lfm2_moe", total, active, kv(n_att, nkv, hd), n_conv * h * Lc * 2,
        f"{n_conv} conv blocks x {conv}, {n_att} attention blocks x {att}; {nd} dense FFN x {glu(h, c['intermediate_size'])}; "
        f"{L-nd} MoE FFN x {h*E + E*glu(h,fe)} (router {h*E} + {E} experts); norms 2x{h}/layer + final {h}; "
        f"embed {emb} tied; active top-{k}; state = {n_conv} conv layers x {h} x L_cache {Lc} x 2 B")



def up_down(h, f, bias=False):        # non-gated MLP: up_proj, down_proj
    return lin(h, f, bias) + lin(f, h, bias)


def f_apertus():
    # modeling_apertus.py: q,k,v,o (bias=attention_bias); q_norm/k_norm RMSNorm(head_dim); ApertusMLP up_proj/down_proj
    # (no gate) with act_fn = XIELUActivation, which holds 2 nn.Parameters of shape (1,) (alpha_p, alpha_n; beta and eps
    # are buffers); attention_layernorm + feedforward_layernorm; final norm; untied head
    c = load("apertus")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    nq = c["num_attention_heads"]
    nkv = c.get("num_key_value_heads") or nq
    hd = h // nq
    a = attn(h, nq, nkv, hd, c["attention_bias"], c["attention_bias"]) + 2 * hd
    m = up_down(h, c["intermediate_size"]) + 2
    layer = a + m + 2 * h
    emb = V * h
    head = 0 if c["tie_word_embeddings"] else emb
    row("apertus", L * layer + h + emb + head, None, kv(L, nkv, hd), 0,
        f"attn {a} (+q/k norms) + mlp up/down {m - 2} + xIELU 2 + norms {2*h} = {layer} x{L}; final norm {h}; "
        f"embed {emb}; lm_head {head}")


def f_arcee():
    # modeling_arcee.py: Llama attention; ArceeMLP up_proj/down_proj (relu2, no gate, bias=mlp_bias); 2 RMSNorms
    c = load("arcee")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    nq = c["num_attention_heads"]
    nkv = c.get("num_key_value_heads") or nq
    hd = c.get("head_dim") or h // nq
    a = attn(h, nq, nkv, hd, c["attention_bias"], c["attention_bias"])
    m = up_down(h, c["intermediate_size"], c["mlp_bias"])
    layer = a + m + 2 * h
    emb = V * h
    head = 0 if c["tie_word_embeddings"] else emb
    row("arcee", L * layer + h + emb + head, None, kv(L, nkv, hd), 0,
        f"attn {a} + mlp up/down {m} + norms {2*h} = {layer} x{L}; final norm {h}; embed {emb}; lm_head {head}")



def gemma3n_text_counts(t):
    # modeling_gemma3n.py Gemma3nTextModel / Gemma3nTextDecoderLayer:
    #  attn q/k/v/o (bias=attention_bias) + q_norm/k_norm RMSNorm(head_dim); v_norm has with_scale=False (no weight);
    #  KV-shared layers (the last num_kv_shared_layers) still create k_proj/v_proj;
    #  mlp gate/up/down (intermediate_size per layer); 4 RMSNorms;
    #  altup: correct_output_scale (h), correction_coefs Linear(n,n), prediction_coefs Linear(n,n^2),
    #         modality_router Linear(h,n), router_norm (h);
    #  laurel: linear_left Linear(h,r), linear_right Linear(r,h), post_laurel_norm (h);
    #  per_layer_input_gate Linear(h,p), per_layer_projection Linear(p,h), post_per_layer_input_norm (h).
    #  Model: embed_tokens (V,h); embed_tokens_per_layer (Vp, L*p); per_layer_model_projection Linear(h, L*p);
    #  per_layer_projection_norm (p); altup_projections and altup_unembed_projections (n-1) x Linear(h,h); norm (h);
    #  lm_head tied.
    h, L, V = t["hidden_size"], t["num_hidden_layers"], t["vocab_size"]
    nq, nkv, hd = t["num_attention_heads"], t["num_key_value_heads"], t["head_dim"]
    p, Vp, n, r = t["hidden_size_per_layer_input"], t["vocab_size_per_layer_input"], t["altup_num_inputs"], t["laurel_rank"]
    inter = t["intermediate_size"]
    inter = inter if isinstance(inter, list) else [inter] * L
    b = t["attention_bias"]
    a = attn(h, nq, nkv, hd, b, b) + 2 * hd
    altup = h + n * n + n * n * n + h * n + h
    laurel = h * r + r * h + h
    ple = h * p + p * h + h
    layers = sum(a + glu(h, f) + 4 * h + altup + laurel + ple for f in inter)
    emb = V * h
    emb_pl = Vp * L * p
    rest = h * L * p + p + 2 * (n - 1) * h * h + h
    total = layers + emb + emb_pl + rest
    first_shared = L - t["num_kv_shared_layers"]
    caching = first_shared if first_shared > 0 else L
    parts = (f"per layer: attn {a} + mlp {glu(h, inter[0])} + norms {4*h} + altup {altup} + laurel {laurel} + per-layer-input {ple}; "
             f"x{L} = {layers}; embed {emb} (tied head); embed_tokens_per_layer {Vp}x{L*p}={emb_pl} (a lookup table); "
             f"per_layer_model_projection {h*L*p} + its norm {p} + altup (un)embed projections {2*(n-1)*h*h} + final norm {h}; "
             f"KV: layers >= {first_shared} reuse earlier caches -> {caching} caching layers")
    return total, kv(caching, nkv, hd), parts


def f_gemma3n_text():
    t = load("gemma3n_text")
    total, kvb, parts = gemma3n_text_counts(t)
    row("gemma3n_text", total, None, kvb, 0, parts)


def f_gemma3n():
    c = load("gemma3n")
    total, kvb, parts = gemma3n_text_counts(c["text_config"])
    row("gemma3n", total, None, kvb, 0, parts + "; towers (MobileNet-V5 vision, USM audio, embed_vision/embed_audio) "
        "are counted apart and NOT computed here")



def f_bitnet():
    # modeling_bitnet.py: LlamaAttention + attn_sub_norm RMSNorm(hidden) before o_proj; GemmaMLP (gate/up/down) +
    # ffn_sub_norm RMSNorm(intermediate); 2 layer norms; untied head here (tie_word_embeddings false in the defaults)
    c = load("bitnet")
    h, L, V, f = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"], c["intermediate_size"]
    nq, nkv = c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // nq
    a = attn(h, nq, nkv, hd) + h
    m = glu(h, f) + f
    layer = a + m + 2 * h
    emb = V * h
    head = 0 if c["tie_word_embeddings"] else emb
    row("bitnet", L * layer + h + emb + head, None, kv(L, nkv, hd), 0,
        f"attn {a} (incl. attn_sub_norm {h}) + mlp {m} (incl. ffn_sub_norm {f}) + norms {2*h} = {layer} x{L}; "
        f"final norm {h}; embed {emb}; lm_head {head} (tied would give {L*layer + h + emb})")


def f_vaultgemma():
    # modeling_vaultgemma.py: Gemma2DecoderLayer minus post_attention_layernorm and post_feedforward_layernorm ->
    # input_layernorm + pre_feedforward_layernorm; Gemma2Attention (no q/k norm), Gemma2MLP; tied head.
    # layer_types null -> alternating sliding/full (i+1 odd -> sliding): 13 + 13, all counted in KV.
    c = load("vaultgemma")
    dense("vaultgemma", c, extra="; same shapes as Gemma-2-2B minus 2 norms/layer: Gemma-2-2B 2,614,341,888 - 26x2x2304")



def f_qwen2_vl():
    # Qwen2VLTextModel = Qwen2 decoder (q,k,v bias; o no bias; 2 RMSNorms); keys nested in text_config.
    # Vision tower (Qwen2VisionTransformer, 32 blocks of embed_dim 1280) is a tower: not computed here.
    c = load("qwen2_vl")
    dense("qwen2_vl", c["text_config"], qkv_bias=True,
          extra="; use_sliding_window false -> no windowed layer; vision tower not computed")


def f_cwm():
    # modeling_cwm.py: Llama layout (no bias), head_dim 128 decoupled (48 x 128 = 6144 = hidden);
    # layer_types null -> i % 4 == 0 full (16 layers), others sliding 8192 (48); all counted in KV
    c = load("cwm")
    dense("cwm", c, extra="; layer_types: 16 full (i % 4 == 0) + 48 sliding (window 8192)")



def f_recurrent_gemma():
    # modeling_recurrent_gemma.py: layers_block_type = (block_types * 100)[:L]; lru_width null -> hidden;
    # num_key_value_heads null -> heads; head_dim = hidden // heads.
    # recurrent block: linear_y, linear_x (h->lru, bias), linear_out (lru->h, bias), conv_1d depthwise (lru,1,w) + bias,
    #   rg_lru: recurrent_param (lru), input/recurrent gate weights (H, bw, bw) and biases (H, bw), bw = lru/H
    # attention block: q/k/v (bias=attention_bias), o_proj bias=True
    # MLP: gate/up/down with bias, width intermediate_size // 2; temporal_pre_norm + channel_pre_norm; final_norm;
    # lm_head tied (tie_word_embeddings default true).
    # State per sequence (recurrent layers): rg_lru.recurrent_states (lru) fp32 + conv1d_state (h, w-1) at bf16.
    c = load("recurrent_gemma")
    h, L, V, H = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"], c["num_attention_heads"]
    lru = c.get("lru_width") or h
    nkv = c.get("num_key_value_heads") or H
    hd = h // H
    w = c["conv1d_width"]
    bw = lru // H
    types = (c["block_types"] * 100)[:L]
    rec = 2 * lin(h, lru, True) + lin(lru, h, True) + lru * w + lru + lru + 2 * (H * bw * bw + H * bw)
    att = attn(h, H, nkv, hd, c["attention_bias"], False) + h        # o_proj bias
    f = c["intermediate_size"] // 2
    mlp = glu(h, f, True)
    nr, na = types.count("recurrent"), types.count("attention")
    total = nr * (rec + mlp + 2 * h) + na * (att + mlp + 2 * h) + h + V * h
    state = nr * (lru * 4 + h * (w - 1) * 2)
    row("recurrent_gemma", total, None, kv(na, nkv, hd), state,
        f"{nr} recurrent layers x (block {rec} + mlp {mlp} + norms {2*h}); {na} attention layers x (attn {att} + mlp + norms); "
        f"MLP width {f} = intermediate//2; final norm {h}; embed {V*h} tied; state = {nr} x (lru {lru} x 4 B fp32 + "
        f"conv {h} x {w-1} x 2 B); KV window {c['attention_window_size']} not applied")


def f_rwkv():
    # modeling_rwkv.py (RWKV-4): embeddings; block 0 has pre_ln LayerNorm; each block ln1, ln2 (LayerNorm w+b);
    # attention: time_decay, time_first (ah), time_mix_key/value/receptance (1,1,h), key/value/receptance Linear(h,ah),
    # output Linear(ah,h), no bias; feed_forward: time_mix_key/receptance (1,1,h), key Linear(h,f), receptance
    # Linear(h,h), value Linear(f,h); ln_out; head Linear(h,V) untied.
    # State per sequence: 5 x (h) per layer: att/ffn token shift at model dtype (bf16), num/den/max at fp32.
    c = load("rwkv")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    ah = c.get("attention_hidden_size") or h
    f = c.get("intermediate_size") or 4 * h
    att = 2 * ah + 3 * h + 3 * h * ah + ah * h
    ffn = 2 * h + h * f + h * h + f * h
    blk = 4 * h + att + ffn
    head = 0 if c["tie_word_embeddings"] else V * h
    total = L * blk + 2 * h + V * h + 2 * h + head
    state = L * (2 * h * 2 + 3 * h * 4)
    row("rwkv", total, None, 0, state,
        f"block {blk} (ln 4h, time-mix {att}, channel-mix {ffn}) x{L}; pre_ln {2*h}; ln_out {2*h}; embed {V*h}; head {head}; "
        f"no KV cache; state {L} x (2 x {h} x 2 B + 3 x {h} x 4 B)")



def f_minimax():
    # modeling_minimax.py: layer_types null -> (i+1) % 2 ? full_attention : linear_attention (16 + 16);
    # full: MixtralAttention q/k/v/o no bias; linear: MiniMaxLightningAttention qkv_proj Linear(h, 3*H*hd),
    # out_proj Linear(H*hd, h), output_gate Linear(h, H*hd), norm RMSNorm(H*hd) (decay tables are buffers);
    # MoE (Mixtral): gate Linear(h, E) + E experts gate/up/down; input + post_attention RMSNorm; untied head.
    # State per lightning layer: (H, hd, hd) matrix, counted at fp32 (project convention; transformers keeps it at
    # the model dtype).
    c = load("minimax")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    H, nkv = c["num_attention_heads"], c["num_key_value_heads"]
    hd = c.get("head_dim") or h // H
    E, k, f = c["num_local_experts"], c["num_experts_per_tok"], c["intermediate_size"]
    types = c.get("layer_types") or ["full_attention" if (i + 1) % 2 else "linear_attention" for i in range(L)]
    full = attn(h, H, nkv, hd)
    light = lin(h, 3 * H * hd) + lin(H * hd, h) + lin(h, H * hd) + H * hd
    moe = h * E + E * glu(h, f)
    moe_a = h * E + k * glu(h, f)
    nf, nl = types.count("full_attention"), types.count("linear_attention")
    total = nf * (full + moe + 2 * h) + nl * (light + moe + 2 * h) + h + 2 * V * h
    active = nf * (full + moe_a + 2 * h) + nl * (light + moe_a + 2 * h) + h + V * h
    row("minimax", total, active, kv(nf, nkv, hd), nl * H * hd * hd * 4,
        f"{nf} softmax layers attn {full}; {nl} lightning layers attn {light} (qkv, out, output_gate, norm); "
        f"MoE {moe} per layer (router {h*E} + {E} experts); norms 2x{h}; final {h}; embed {V*h}; lm_head {V*h}; "
        f"active top-{k}; state {nl} x {H}x{hd}x{hd} x 4 B")



def f_zamba2():
    # modeling_zamba2.py (config defaults resolved as Zamba2Config.__init__ does):
    #  layers_block_type null -> ["mamba"] + (["mamba"]*5 + ["hybrid"])*7 + ["mamba"]*4 + ["hybrid"] + ["mamba"]*3
    #  + ["hybrid"] + ["mamba"]*2 (54 layers, 9 hybrid). Every layer has a Zamba2MambaDecoderLayer:
    #   mixer in_proj Linear(h, d_inner + conv_dim + nheads), conv1d depthwise (conv_dim, 1, d_conv) + bias,
    #   dt_bias, A_log, D (nheads), gated RMSNorm (d_inner), out_proj Linear(d_inner, h); input_layernorm (h).
    #  Hybrid layers add a Linear(h, h) and call the shared Zamba2AttentionDecoderLayer (num_mem_blocks of them,
    #  reused: counted once): q/k/v Linear(2h, H*hd), o Linear(H*hd, h) with hd = 2h/H; input_layernorm (2h),
    #  pre_ff_layernorm (h); MLP gate_up Linear(h, 2f) + down Linear(f, h) + one LoRA adapter per hybrid layer whose
    #  index % num_mem_blocks == block_id (Linear(h, r) + Linear(r, 2f)) -- created even when use_shared_mlp_adapter
    #  is false; attention adapters only when use_shared_attention_adapter. final_layernorm; lm_head tied.
    c = load("zamba2")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    types = c.get("layers_block_type") or (["mamba"] + (["mamba"] * 5 + ["hybrid"]) * 7 + ["mamba"] * 4 + ["hybrid"]
                                          + ["mamba"] * 3 + ["hybrid"] + ["mamba"] * 2)
    di = int(c["mamba_expand"] * h)
    ng, ds, dc, nh = c["mamba_ngroups"], c["mamba_d_state"], c["mamba_d_conv"], c["n_mamba_heads"]
    hdm = di // nh
    conv_dim = di + 2 * ng * ds
    b = c["add_bias_linear"]
    mamba = lin(h, di + conv_dim + nh, b) + conv_dim * dc + (conv_dim if c["use_conv_bias"] else 0) + 3 * nh + di \
        + lin(di, h, b) + h
    nhyb = types.count("hybrid")
    H = c["num_attention_heads"]
    nkv = c.get("num_key_value_heads") or H
    ah = 2 * h
    ahd = ah // H
    f = c.get("intermediate_size") or 4 * h
    r = c["adapter_rank"]
    M = c["num_mem_blocks"]
    shared = 0
    for blk in range(M):
        att = lin(ah, H * ahd) + 2 * lin(ah, nkv * ahd) + lin(H * ahd, h)
        n_ad = sum(1 for i in range(nhyb) if i % M == blk)
        if c["use_shared_attention_adapter"]:
            att += n_ad * 3 * (ah * r + r * ah)
        mlp = lin(h, 2 * f, b) + lin(f, h, b) + n_ad * (h * r + r * 2 * f)
        shared += att + mlp + ah + h
    total = L * mamba + nhyb * h * h + shared + V * h + h
    state = L * (nh * hdm * ds * 4 + conv_dim * dc * 2)
    row("zamba2", total, None, kv(nhyb, nkv, ahd), state,
        f"{L} mamba2 layers x {mamba} (d_inner {di}, conv_dim {conv_dim}, {nh} heads); {nhyb} hybrid Linear(h,h) "
        f"{nhyb*h*h}; {M} shared block(s) {shared} (attention on 2h={ah}, head_dim {ahd}; MLP {f} + {nhyb} LoRA "
        f"adapters rank {r}); embed {V*h} tied; final norm {h}; KV: the {nhyb} hybrid layers each cache K/V; "
        f"state {L} x (ssm {nh}x{hdm}x{ds} x 4 B + conv {conv_dim} x {dc} x 2 B)")


from meta_b import META   # noqa: E402  (model, config_source, gguf_arch, published figure per model_type)

COLS = ["model_type", "model", "config_source", "total_params", "active_params", "kv_bytes_per_token_bf16",
        "recurrent_state_bytes", "gguf_arch", "published_figure_and_source", "arithmetic"]

if __name__ == "__main__":
    for name, fn in list(globals().items()):
        if name.startswith("f_") and callable(fn):
            fn()
    out = ["\t".join(COLS)]
    for mt, r in R.items():
        m = META[mt]
        out.append("\t".join(str(x) for x in [
            mt, m["model"], m["config_source"], r["total"], "" if r["active"] is None else r["active"], r["kv"],
            r["state"], m["gguf"], m["published"], r["parts"]]))
    text = "\n".join(out) + "\n"
    if "--write" in sys.argv:
        with open(os.path.join(HERE, "EXPECTED-b.tsv"), "w") as f:
            f.write(text)
    sys.stdout.write(text)
