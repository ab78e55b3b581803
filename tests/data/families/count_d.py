#!/usr/bin/env python3
"""Set D of issue 12: exact parameter totals, active counts, KV bytes per token and recurrent state per
sequence, from the tensor shapes of transformers' modeling_<type>.py (one function per family; comments
name the modules). No third-party imports. `python3 count_d.py` prints EXPECTED-d.tsv's numeric columns;
`--write` rewrites EXPECTED-d.tsv (provenance columns kept in META below)."""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name + ".json")) as f:
        return json.load(f)


def kv(layers, kv_heads, head_dim):  # bf16 K and V per token
    return layers * 2 * kv_heads * head_dim * 2


def mamba2_mixer(h, heads, head_dim, groups, state, kernel, conv_bias, proj_bias):
    """Mamba2Mixer / BambaMixer: in_proj (h -> inner + conv_dim + heads), conv1d over conv_dim, dt_bias, A_log,
    D (heads), gated RMSNorm (inner), out_proj (inner -> h)."""
    inner = heads * head_dim
    conv_dim = inner + 2 * groups * state
    n = h * (inner + conv_dim + heads) + (inner + conv_dim + heads if proj_bias else 0)
    n += conv_dim * kernel + (conv_dim if conv_bias else 0)
    n += 3 * heads + inner
    n += inner * h + (h if proj_bias else 0)
    # state: fp32 SSM state inner x d_state + bf16 conv window conv_dim x (kernel - 1)
    state_bytes = inner * state * 4 + conv_dim * (kernel - 1) * 2
    return n, state_bytes


def olmo():
    c = load("olmo")
    h, f, L, V = c["hidden_size"], c["intermediate_size"], c["num_hidden_layers"], c["vocab_size"]
    heads, kvh = c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // heads
    attn = h * heads * hd + 2 * h * kvh * hd + heads * hd * h  # q, k, v, o (attention_bias false)
    mlp = 3 * h * f  # gate, up, down
    norms = 0  # OlmoLayerNorm: F.layer_norm without weight or bias
    layer = attn + mlp + norms
    embed = V * h
    head = 0 if c.get("tie_word_embeddings") else V * h
    total = L * layer + embed + head
    return total, None, kv(L, kvh, hd), 0, f"attn {attn} + mlp {mlp} + norms 0 = {layer} x{L}; embed {embed} (tied); final norm 0"


def nemotron():
    c = load("nemotron")
    h, f, L, V = c["hidden_size"], c["intermediate_size"], c["num_hidden_layers"], c["vocab_size"]
    heads, kvh, hd = c["num_attention_heads"], c["num_key_value_heads"], c["kv_channels"]
    attn = h * heads * hd + 2 * h * kvh * hd + heads * hd * h
    mlp = 2 * h * f  # up_proj, down_proj (relu2, no gate, mlp_bias false)
    norms = 2 * 2 * h  # NemotronLayerNorm1P weight + bias, input and post-attention
    layer = attn + mlp + norms
    total = L * layer + 2 * h + 2 * V * h  # final LayerNorm1P, embed + untied lm_head
    return total, None, kv(L, kvh, hd), 0, f"attn {attn} + mlp {mlp} + norms {norms} = {layer} x{L}; final norm {2*h}; embed {V*h}; lm_head {V*h}"


def mpt():
    c = load("mpt")
    d, L, V, heads = c["d_model"], c["n_layers"], c["vocab_size"], c["n_heads"]
    f = c["expansion_ratio"] * d
    attn = d * 3 * d + d * d  # Wqkv, out_proj, no bias
    mlp = 2 * d * f  # up_proj, down_proj, no bias
    norms = 2 * d  # norm_1, norm_2: LayerNorm weight (bias = None)
    layer = attn + mlp + norms
    total = L * layer + d + V * d  # norm_f weight, wte (tied head)
    return total, None, kv(L, heads, d // heads), 0, f"Wqkv+out_proj {attn} + mlp {mlp} + norms {norms} = {layer} x{L}; norm_f {d}; wte {V*d} (tied)"


def mamba2():
    c = load("mamba2")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    mixer, state = mamba2_mixer(h, c["num_heads"], c["head_dim"], c["n_groups"], c["state_size"], c["conv_kernel"],
                                c["use_conv_bias"], c["use_bias"])
    layer = mixer + h  # Mamba2Block.norm (RMSNorm weight)
    total = L * layer + h + V * h * (1 if c["tie_word_embeddings"] else 2)
    return total, None, 0, L * state, f"mixer {mixer} + norm {h} = {layer} x{L}; norm_f {h}; embed {V*h} (tied); state {state} B/layer"


def granitemoeshared():
    c = load("granitemoeshared")
    h, f, L, V, E, k = (c["hidden_size"], c["intermediate_size"], c["num_hidden_layers"], c["vocab_size"],
                        c["num_local_experts"], c["num_experts_per_tok"])
    heads = c["num_attention_heads"]
    kvh = c["num_key_value_heads"] or heads
    hd = h // heads
    s = c["shared_intermediate_size"]
    attn = h * heads * hd + 2 * h * kvh * hd + heads * hd * h
    router = h * E
    experts = E * 3 * h * f  # input_linear (E, 2f, h) + output_linear (E, h, f)
    shared = 3 * h * s if s > 0 else 0  # GraniteMoeSharedMLP, absent when 0
    norms = 2 * h
    layer = attn + router + experts + shared + norms
    total = L * layer + h + 2 * V * h
    active = L * (attn + router + k * 3 * h * f + shared + norms) + h + V * h
    return total, active, kv(L, kvh, hd), 0, f"attn {attn} + router {router} + experts {experts} + shared {shared} + norms {norms} = {layer} x{L}; final norm {h}; embed {V*h}; lm_head {V*h}"


def granitemoehybrid():
    c = load("granitemoehybrid")
    h, f, L, V, E, k = (c["hidden_size"], c["intermediate_size"], c["num_hidden_layers"], c["vocab_size"],
                        c["num_local_experts"], c["num_experts_per_tok"])
    heads, kvh = c["num_attention_heads"], c["num_key_value_heads"]
    hd = h // heads
    s = c["shared_intermediate_size"]
    attn = 4 * h * h if kvh == heads else h * heads * hd + 2 * h * kvh * hd + heads * hd * h
    mixer, state = mamba2_mixer(h, c["mamba_n_heads"], c["mamba_d_head"], c["mamba_n_groups"], c["mamba_d_state"],
                                c["mamba_d_conv"], c["mamba_conv_bias"], c["mamba_proj_bias"])
    ffn = h * E + E * 3 * h * f + 3 * h * s  # router, experts, shared MLP
    ffn_active = h * E + k * 3 * h * f + 3 * h * s
    norms = 2 * h
    types = c["layer_types"]
    n_attn, n_mamba = types.count("attention"), types.count("mamba")
    total = n_attn * (attn + ffn + norms) + n_mamba * (mixer + ffn + norms) + h + V * h
    active = n_attn * (attn + ffn_active + norms) + n_mamba * (mixer + ffn_active + norms) + h + V * h
    return (total, active, kv(n_attn, kvh, hd), n_mamba * state,
            f"attention layer {attn}+{ffn}+{norms} x{n_attn}; mamba layer {mixer}+{ffn}+{norms} x{n_mamba}; final norm {h}; embed {V*h} (tied); state {state} B per mamba layer")


def ministral3():
    c = load("ministral3")
    h, f, L, V = c["hidden_size"], c["intermediate_size"], c["num_hidden_layers"], c["vocab_size"]
    heads, kvh, hd = c["num_attention_heads"], c["num_key_value_heads"], c["head_dim"]
    attn = h * heads * hd + 2 * h * kvh * hd + heads * hd * h  # q, k, v, o (MistralAttention, no bias)
    mlp = 3 * h * f
    norms = 2 * h
    layer = attn + mlp + norms
    total = L * layer + h + 2 * V * h
    return total, None, kv(L, kvh, hd), 0, f"attn {attn} + mlp {mlp} + norms {norms} = {layer} x{L}; final norm {h}; embed {V*h}; lm_head {V*h}"


def hunyuan_v1_moe():
    c = load("hunyuan_v1_moe")
    h, f, L, V = c["hidden_size"], c["intermediate_size"], c["num_hidden_layers"], c["vocab_size"]
    heads, kvh, hd = c["num_attention_heads"], c["num_key_value_heads"], c["head_dim"]
    E, k = c["num_experts"], c["moe_topk"][0]
    attn = h * heads * hd + 2 * h * kvh * hd + heads * hd * h + 2 * hd  # + query_layernorm, key_layernorm
    router = h * E  # gate.wg
    experts = E * 3 * h * f  # HunYuanMoEV1MLP over intermediate_size
    shared = 3 * h * f  # shared_mlp, same width
    norms = 2 * h
    layer = attn + router + experts + shared + norms
    total = L * layer + h + 2 * V * h  # tie_word_embeddings absent: HunYuanMoEV1Config default false
    active = L * (attn + router + k * 3 * h * f + shared + norms) + h + V * h
    return total, active, kv(L, kvh, hd), 0, f"attn {attn} + router {router} + experts {experts} + shared {shared} + norms {norms} = {layer} x{L}; final norm {h}; embed {V*h}; lm_head {V*h}"


def nanochat():
    c = load("nanochat")
    h, f, L, V, heads = c["hidden_size"], c["intermediate_size"], c["num_hidden_layers"], c["vocab_size"], c["num_attention_heads"]
    hd = h // heads
    attn = 4 * h * heads * hd  # q, k, v, o; q/k norms without weight
    mlp = 2 * h * f  # fc1, fc2
    layer = attn + mlp  # NanoChatRMSNorm has no weight
    total = L * layer + 2 * V * h
    return total, None, kv(L, heads, hd), 0, f"attn {attn} + mlp {mlp} + norms 0 = {layer} x{L}; norms 0; embed {V*h}; lm_head {V*h}"


def jais2():
    c = load("jais2")
    h, f, L, V, heads = c["hidden_size"], c["intermediate_size"], c["num_hidden_layers"], c["vocab_size"], c["num_attention_heads"]
    hd = h // heads
    attn = 4 * h * h + 4 * h  # q, k, v, o with bias (MHA: kv heads = heads)
    mlp = 2 * h * f + f + h  # up_proj, down_proj with bias
    norms = 2 * 2 * h  # LayerNorm weight + bias
    layer = attn + mlp + norms
    total = L * layer + 2 * h + 2 * V * h
    return total, None, kv(L, heads, hd), 0, f"attn {attn} + mlp {mlp} + norms {norms} = {layer} x{L}; final LayerNorm {2*h}; embed {V*h}; lm_head {V*h}"


def gemma3n_text():
    c = load("gemma3n_text")
    h, L, V = c["hidden_size"], c["num_hidden_layers"], c["vocab_size"]
    heads, kvh, hd = c["num_attention_heads"], c["num_key_value_heads"], c["head_dim"]
    P, Vp, n, r = c["hidden_size_per_layer_input"], c["vocab_size_per_layer_input"], c["altup_num_inputs"], c["laurel_rank"]
    attn = h * heads * hd + 2 * h * kvh * hd + heads * hd * h + 2 * hd  # q_norm, k_norm (v_norm has no weight)
    norms = 4 * h
    altup = h + n * n + n * n * n + n * h + h  # correct_output_scale, correction_coefs, prediction_coefs, router, router_norm
    laurel = 2 * h * r + h
    per_layer = 2 * h * P + h
    total = sum(attn + 3 * h * f + norms + altup + laurel + per_layer for f in c["intermediate_size"])
    total += V * h + Vp * L * P + L * P * h + P + 2 * (n - 1) * h * h + h
    shared = c["num_kv_shared_layers"]
    return total, None, kv(L - shared, kvh, hd), 0, f"per layer attn {attn} + mlp {3*h*c['intermediate_size'][0]} + norms {norms} + altup {altup} + laurel {laurel} + per-layer input {per_layer}; embed {V*h} (tied); embed_tokens_per_layer {Vp*L*P}; projection {L*P*h} + norm {P}; altup projections {2*(n-1)*h*h}; final norm {h}; KV: {L-shared} caching layers"


FAMILIES = [olmo, nemotron, mpt, mamba2, granitemoeshared, granitemoehybrid, ministral3, hunyuan_v1_moe, nanochat,
            jais2, gemma3n_text]

# Published figures (where one exists) and what they are compared with.
META = {
    "olmo": "sum(p.numel()) of native OLMo-1B (weight tying) = 1,176,764,416 in a stored test (find_string id 69646534085): exact",
    "nemotron": "Minitron-4B-Base: 4.19B (no exact figure found)",
    "mpt": "MPT-7B: 6.7B (MosaicML); mpt-7b-instruct has the base model's shapes",
    "mamba2": "model name mamba2-780m: 780M",
    "granitemoeshared": "none (class defaults; shared_intermediate_size 0)",
    "granitemoehybrid": "none (example config, not a released checkpoint)",
    "ministral3": "Ministral 3 8B: 8.4B language model + 0.4B vision encoder (card)",
    "hunyuan_v1_moe": "Hunyuan-A13B card: 80B total, 13B active (active + embedding = 13,272,420,352)",
    "nanochat": "none (class defaults)",
    "jais2": "Jais-2-8B (the class docstring's model): 8B",
    "gemma3n_text": "Gemma 3n E4B: 8B raw parameters with vision and audio towers (NOTES-b: 6,866,696,688 text)",
}

if __name__ == "__main__":
    lines = ["type\ttotal\tactive\tkv_bytes_per_token\tstate_bytes\tpublished\tnote"]
    for fn in FAMILIES:
        total, active, kvb, state, note = fn()
        lines.append("\t".join(str(x) for x in [fn.__name__, total, active if active is not None else "", kvb, state,
                                                META[fn.__name__], note]))
    if "--write" in sys.argv:
        with open(os.path.join(HERE, "EXPECTED-d.tsv"), "w") as f:
            f.write("\n".join(lines) + "\n")
    else:
        print("\n".join(lines))
