#!/usr/bin/env python3
"""Remote-code families (issue 12 item 3): parameter totals from the remote modeling files' tensor shapes.

Each function lists the tensors of one modeling file (named in the comment) for the config in this folder,
sums their element counts and prints type, total, active, KV bytes per token (bf16), MTP parameters.
Run: python3 compute-remote.py   (no dependencies; prints the EXPECTED-remote.tsv figures)
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))


def cfg(name):
    with open(os.path.join(HERE, name)) as f:
        return json.load(f)


def llama_layer(h, heads, kv, hd, ffn, qkv_bias=False, o_bias=False, mlp_bias=False):
    attn = h * heads * hd + 2 * h * kv * hd + heads * hd * h
    if qkv_bias:
        attn += heads * hd + 2 * kv * hd
    if o_bias:
        attn += h
    mlp = 3 * h * ffn + (2 * ffn + h if mlp_bias else 0)
    return attn, mlp, 2 * h  # two RMSNorm weights


def kv_bytes(layers, kv, hd):
    return layers * 2 * kv * hd * 2


def qwen():  # modeling_qwen.py QWenLMHeadModel (Qwen-7B)
    c = cfg("qwen.json")
    h, L, heads, hd, V = c["hidden_size"], c["num_hidden_layers"], c["num_attention_heads"], c["kv_channels"], c["vocab_size"]
    ff = c["intermediate_size"] // 2  # QWenMLP: w1, w2 = Linear(h, intermediate_size // 2)
    c_attn = h * 3 * heads * hd + 3 * heads * hd  # bias always
    c_proj = heads * hd * h  # no_bias
    mlp = 3 * h * ff
    layer = c_attn + c_proj + mlp + 2 * h
    total = V * h * 2 + L * layer + h
    return total, total, kv_bytes(L, heads, hd), 0


def chatglm(name="chatglm.json"):  # modeling_chatglm.py ChatGLMForConditionalGeneration
    c = cfg(name)
    h, L, heads, hd, V = c["hidden_size"], c["num_layers"], c["num_attention_heads"], c["kv_channels"], c["padded_vocab_size"]
    g = c["multi_query_group_num"] if c["multi_query_attention"] else heads
    ff = c["ffn_hidden_size"]
    qkv_out = heads * hd + 2 * g * hd
    qkv = h * qkv_out + (qkv_out if (c["add_qkv_bias"] or c["add_bias_linear"]) else 0)
    dense = heads * hd * h
    mlp = h * 2 * ff + ff * h
    layer = qkv + dense + mlp + 2 * h
    total = V * h + L * layer + h + V * h  # embedding, layers, final_layernorm, output_layer
    return total, total, kv_bytes(L, g, hd), 0


def baichuan():  # Baichuan-13B modeling_baichuan.py (W_pack, ALiBi)
    c = cfg("baichuan.json")
    h, L, heads, V, ff = c["hidden_size"], c["num_hidden_layers"], c["num_attention_heads"], c["vocab_size"], c["intermediate_size"]
    a, m, n = llama_layer(h, heads, heads, h // heads, ff)
    total = V * h * 2 + L * (a + m + n) + h
    return total, total, kv_bytes(L, heads, h // heads), 0


def internlm2():  # modeling_internlm2.py (wqkv, wo, w1/w3/w2)
    c = cfg("internlm2.json")
    h, L, heads, kv, V, ff = c["hidden_size"], c["num_hidden_layers"], c["num_attention_heads"], c["num_key_value_heads"], c["vocab_size"], c["intermediate_size"]
    hd = h // heads
    a, m, n = llama_layer(h, heads, kv, hd, ff)
    total = V * h * 2 + L * (a + m + n) + h
    return total, total, kv_bytes(L, kv, hd), 0


def internlm3():  # modeling_internlm3.py
    c = cfg("internlm3.json")
    h, L, heads, kv, V, ff, hd = c["hidden_size"], c["num_hidden_layers"], c["num_attention_heads"], c["num_key_value_heads"], c["vocab_size"], c["intermediate_size"], c["head_dim"]
    a, m, n = llama_layer(h, heads, kv, hd, ff)
    total = V * h * 2 + L * (a + m + n) + h
    return total, total, kv_bytes(L, kv, hd), 0


def minicpm():  # modeling_minicpm.py MiniCPMForCausalLM, tied
    c = cfg("minicpm.json")
    h, L, heads, kv, V, ff = c["hidden_size"], c["num_hidden_layers"], c["num_attention_heads"], c["num_key_value_heads"], c["vocab_size"], c["intermediate_size"]
    hd = h // heads
    a, m, n = llama_layer(h, heads, kv, hd, ff)
    total = V * h + L * (a + m + n) + h
    return total, total - V * h, kv_bytes(L, kv, hd), 0


def minicpm3():  # modeling_minicpm.py MiniCPM3ForCausalLM (MLA), tied
    c = cfg("minicpm3.json")
    h, L, heads, V, ff = c["hidden_size"], c["num_hidden_layers"], c["num_attention_heads"], c["vocab_size"], c["intermediate_size"]
    ql, kl, nope, rope = c["q_lora_rank"], c["kv_lora_rank"], c["qk_nope_head_dim"], c["qk_rope_head_dim"]
    v = h // heads
    attn = h * ql + ql + ql * heads * (nope + rope) + h * (kl + rope) + kl + kl * heads * (nope + v) + heads * v * h
    layer = attn + 3 * h * ff + 2 * h
    total = V * h + L * layer + h
    return total, total - V * h, L * (kl + rope) * 2, 0


def deepseek():  # modeling_deepseek.py DeepseekForCausalLM (deepseek-moe-16b)
    c = cfg("deepseek.json")
    h, L, heads, V, ff = c["hidden_size"], c["num_hidden_layers"], c["num_attention_heads"], c["vocab_size"], c["intermediate_size"]
    E, k, S, w = c["n_routed_experts"], c["num_experts_per_tok"], c["n_shared_experts"], c["moe_intermediate_size"]
    attn = 4 * h * h
    dense = attn + 3 * h * ff + 2 * h
    moe = attn + E * 3 * h * w + 3 * h * (w * S) + E * h + 2 * h
    moe_active = attn + k * 3 * h * w + 3 * h * (w * S) + E * h + 2 * h
    first = c["first_k_dense_replace"]
    total = V * h * 2 + first * dense + (L - first) * moe + h
    active = V * h + first * dense + (L - first) * moe_active + h  # input embedding left out
    return total, active, kv_bytes(L, heads, h // heads), 0


def mimo():  # modeling_mimo.py MiMoForCausalLM (Qwen2 + MTP)
    c = cfg("mimo.json")
    h, L, heads, kv, V, ff = c["hidden_size"], c["num_hidden_layers"], c["num_attention_heads"], c["num_key_value_heads"], c["vocab_size"], c["intermediate_size"]
    hd = h // heads
    a, m, n = llama_layer(h, heads, kv, hd, ff, qkv_bias=True)
    block = a + m + n
    total = V * h * 2 + L * block + h
    mtp = c["num_nextn_predict_layers"] * (block + 2 * h + 2 * h * h + h)  # token/hidden norms, input_proj, final norm
    return total, total, kv_bytes(L, kv, hd), mtp


def exaone():  # modeling_exaone.py ExaoneForCausalLM (EXAONE-3.0-7.8B)
    c = cfg("exaone.json")
    h, L, heads, kv, V, ff = c["hidden_size"], c["num_layers"], c["num_attention_heads"], c["num_key_value_heads"], c["vocab_size"], c["intermediate_size"]
    hd = h // heads
    a, m, n = llama_layer(h, heads, kv, hd, ff)
    total = V * h * 2 + L * (a + m + n) + h
    return total, total, kv_bytes(L, kv, hd), 0


if __name__ == "__main__":
    for name, fn in [("qwen", qwen), ("chatglm", chatglm), ("chatglm (glm-4-9b-chat)", lambda: chatglm("chatglm_glm4.json")),
                     ("baichuan", baichuan), ("internlm2", internlm2), ("internlm3", internlm3), ("minicpm", minicpm),
                     ("minicpm3", minicpm3), ("deepseek", deepseek), ("mimo", mimo), ("exaone", exaone)]:
        total, active, kv, mtp = fn()
        print(f"{name}\t{total}\t{active}\t{kv}\tmtp={mtp}")


def make_divisible(v, divisor):  # modeling_openelm.py make_divisible (min_value = divisor)
    new_v = max(divisor, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:
        new_v += divisor
    return new_v


def openelm():  # modeling_openelm.py OpenELMForCausalLM (OpenELM-1.1B, tied)
    c = cfg("openelm.json")
    d, hd, V = c["model_dim"], c["head_dim"], c["vocab_size"]
    total, kv = V * d + d, 0  # token_embeddings (shared with the head), final norm
    for q, k, m in zip(c["num_query_heads"], c["num_kv_heads"], c["ffn_multipliers"]):
        ff = make_divisible(m * d, c["ffn_dim_divisor"])
        total += d * (q + 2 * k) * hd + q * hd * d + 2 * hd + d * 2 * ff + ff * d + 2 * d
        kv += 2 * k * hd * 2
    return total, total - V * d, kv, 0


if __name__ == "__main__":
    print("openelm\t%d\t%d\t%d\tmtp=%d" % openelm())
