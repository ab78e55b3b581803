#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/): small valid safetensors and GGUF
headers that reach every branch of the parsers, plus a few near-misses. Re-run to regenerate."""
import json, os, struct

here = os.path.dirname(os.path.abspath(__file__))

def st(tensors, metadata=None, pad=True):
    header, offset = {}, 0
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, dtype, shape, bits in tensors:
        n = 1
        for d in shape:
            n *= d
        size = n * bits // 8
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + size]}
        offset += size
    text = json.dumps(header).encode()
    if pad:
        text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"\0" * offset

def gstr(s):
    b = s.encode() if isinstance(s, str) else s
    return struct.pack("<Q", len(b)) + b

def gguf(kvs, tensors, version=3, align=32):
    out = b"GGUF" + struct.pack("<IQQ", version, len(tensors), len(kvs))
    for key, type_, payload in kvs:
        out += gstr(key) + struct.pack("<I", type_) + payload
    offset, data = 0, 0
    for name, dims, type_, size in tensors:
        out += gstr(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
        out += struct.pack("<IQ", type_, offset)
        offset += (size + align - 1) // align * align
    out += b"\0" * ((align - len(out) % align) % align)
    return out + b"\0" * offset

def write(folder, name, data):
    path = os.path.join(here, "corpus", folder)
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, name), "wb") as f:
        f.write(data)

llama = [("model.embed_tokens.weight", "BF16", [16, 8], 16), ("model.layers.0.self_attn.q_proj.weight", "BF16", [8, 8], 16),
         ("model.layers.0.input_layernorm.weight", "F32", [8], 32), ("model.norm.weight", "F32", [8], 32),
         ("lm_head.weight", "F8_E4M3", [16, 8], 8), ("lm_head.weight_scale_inv", "F32", [1], 32),
         ("x.f4", "F4", [4], 4), ("blocks_blocks", "U8", [2, 16], 8)]
write("safetensors", "llama-tiny", st(llama, {"format": "pt"}))
write("safetensors", "empty-header", st([]))
write("safetensors", "unpadded", st(llama[:2], pad=False))
write("safetensors", "bad-dtype", st([("w", "Q9", [2], 8)]))
write("safetensors", "short", struct.pack("<Q", 100) + b"{}")
write("safetensors", "utf8", st([("\u00e9t\u00e9", "I8", [3], 8)]))

u32 = lambda v: struct.pack("<I", v)
kvs = [("general.architecture", 8, gstr("llama")), ("general.alignment", 4, u32(32)),
       ("llama.block_count", 4, u32(1)), ("llama.embedding_length", 4, u32(32)),
       ("llama.attention.head_count", 4, u32(4)), ("llama.attention.head_count_kv", 9, u32(5) + struct.pack("<Q", 1) + u32(4)),
       ("llama.context_length", 10, struct.pack("<Q", 2048)), ("llama.feed_forward_length", 5, struct.pack("<i", 64)),
       ("llama.attention.layer_norm_rms_epsilon", 6, struct.pack("<f", 1e-5)), ("llama.rope.freq_base", 12, struct.pack("<d", 1e4)),
       ("b", 7, b"\x01"), ("u8", 0, b"\x07"), ("i8", 1, b"\xff"), ("u16", 2, struct.pack("<H", 9)), ("i16", 3, struct.pack("<h", -9)),
       ("i64", 11, struct.pack("<q", -1)),
       ("tokenizer.ggml.tokens", 9, u32(8) + struct.pack("<Q", 3) + gstr("a") + gstr("b") + gstr("\u00e9"))]
tensors = [("token_embd.weight", [32, 3], 1, 32 * 3 * 2), ("blk.0.attn_q.weight", [32, 32], 8, 32 * 34),
           ("blk.0.ffn_up.weight", [256, 1], 12, 144), ("output_norm.weight", [32], 0, 128)]
write("gguf", "llama-tiny-v3", gguf(kvs, tensors))
write("gguf", "llama-tiny-v2", gguf(kvs, tensors, version=2))
write("gguf", "no-tensors", gguf(kvs[:3], []))
write("gguf", "bad-type", gguf([("k", 13, b"")], []))
write("gguf", "truncated", gguf(kvs, tensors)[:150])
write("gguf", "nested-array", gguf([("a", 9, u32(9) + struct.pack("<Q", 1))], []))
