#!/usr/bin/env python3
"""Tower arithmetic for the multimodal wrappers (issue 12 item 2; EXPECTED-wrappers.tsv).

Each function mirrors the tensors transformers' modeling file creates for a tower (named in the comment),
from the config beside this script. No third-party imports. Run: python3 count_wrappers.py
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, name + ".json")) as f:
        return json.load(f)


def lin(i, o, bias=True):
    return i * o + (o if bias else 0)


def vit_block(h, f):  # CLIPEncoderLayer / SiglipEncoderLayer / Idefics3EncoderLayer
    return 2 * h + 4 * lin(h, h) + 2 * h + lin(h, f) + lin(f, h)


def clip(v):  # CLIPVisionModel
    h, f, L, p, img, c = v["hidden_size"], v["intermediate_size"], v["num_hidden_layers"], v["patch_size"], v["image_size"], v.get("num_channels", 3)
    npos = (img // p) ** 2 + 1
    return h + h * c * p * p + npos * h + 2 * h + L * vit_block(h, f) + 2 * h


def siglip(v, head=None):  # SiglipVisionModel (head: SiglipMultiheadAttentionPoolingHead)
    h, f, L, p, img, c = v["hidden_size"], v["intermediate_size"], v["num_hidden_layers"], v["patch_size"], v["image_size"], v.get("num_channels", 3)
    use_head = v.get("vision_use_head", True) if head is None else head
    n = h * c * p * p + h + (img // p) ** 2 * h + L * vit_block(h, f) + 2 * h
    if use_head:
        n += h + 3 * h * h + 3 * h + lin(h, h) + 2 * h + lin(h, f) + lin(f, h)
    return n


def pixtral(v):  # PixtralVisionModel
    h, f, L, p, c = v["hidden_size"], v["intermediate_size"], v["num_hidden_layers"], v["patch_size"], v.get("num_channels", 3)
    return h * c * p * p + h + L * (2 * h + 4 * h * h + 3 * h * f)


def qwen2_vision(v):  # Qwen2VisionTransformerPretrainedModel
    d, L, out = v["embed_dim"], v["depth"], v["hidden_size"]
    f = d * v["mlp_ratio"]
    p, tp, c, m = v["patch_size"], v["temporal_patch_size"], v["in_channels"], v["spatial_merge_size"]
    hm = d * m * m
    blk = 4 * d + lin(d, 3 * d) + lin(d, d) + lin(d, f) + lin(f, d)
    return c * tp * p * p * d + L * blk + 2 * d + lin(hm, hm) + lin(hm, out)


def qwen2_5_vision(v):  # Qwen2_5_VisionTransformerPretrainedModel (class defaults for omitted keys)
    h, f, out = v["hidden_size"], v["intermediate_size"], v["out_hidden_size"]
    L, p = v.get("depth", 32), v.get("patch_size", v.get("spatial_patch_size", 14))
    tp, c, m = v.get("temporal_patch_size", 2), v.get("in_channels", v.get("in_chans", 3)), v.get("spatial_merge_size", 2)
    hm = h * m * m
    blk = 2 * h + lin(h, 3 * h) + lin(h, h) + 2 * lin(h, f) + lin(f, h)
    return c * tp * p * p * h + L * blk + h + lin(hm, hm) + lin(hm, out)


def qwen3_vision(v):  # Qwen3VLVisionModel
    h, f, L, out = v["hidden_size"], v["intermediate_size"], v["depth"], v["out_hidden_size"]
    p, tp, c, m = v["patch_size"], v["temporal_patch_size"], v["in_channels"], v["spatial_merge_size"]
    hm = h * m * m
    blk = 4 * h + lin(h, 3 * h) + lin(h, h) + lin(h, f) + lin(f, h)
    merger = 2 * h + lin(hm, hm) + lin(hm, out)
    deep = len(v["deepstack_visual_indexes"]) * (2 * hm + lin(hm, hm) + lin(hm, out))
    return c * tp * p * p * h + h + v["num_position_embeddings"] * h + L * blk + merger + deep


def catalog(slug):
    with open(os.path.join(HERE, "..", "..", "..", "catalog", "configs", slug + ".json")) as f:
        return json.load(f)


def text_hidden(c):
    return (c.get("text_config") or c)["hidden_size"]


def report():
    rows = []
    c = load("llava")
    v = clip(c["vision_config"])
    pr = lin(c["vision_config"]["hidden_size"], text_hidden(c)) + lin(text_hidden(c), text_hidden(c))
    rows.append(("llava", v, pr, f"CLIP {v} + projector {pr} = {v + pr}"))
    for name, newline in (("llava-1.5-7b-hf", 0), ("llava_next", 1)):
        c = load(name)
        v = clip(c["vision_config"])
        th = 4096  # LlamaConfig / MistralConfig default hidden_size (the partial text_config omits it)
        pr = lin(c["vision_config"]["hidden_size"], th) + lin(th, th) + newline * th  # + image_newline
        rows.append((name, v, pr, f"CLIP {v} + projector {pr} = {v + pr}"))
    c = load("qwen2_vl")
    v = qwen2_vision(c["vision_config"])
    rows.append(("qwen2_vl", v, 0, f"Qwen2-VL vision {v}"))
    c = load("qwen2_5_vl")
    v = qwen2_5_vision(c["vision_config"])
    rows.append(("qwen2_5_vl", v, 0, f"Qwen2.5-VL vision {v}"))
    for name in ("qwen3_vl", "qwen3_vl_moe"):
        c = load(name)
        v = qwen3_vision(c["vision_config"])
        rows.append((name, v, 0, f"Qwen3-VL vision {v}"))
    c = catalog("gemma-3-27b")  # SigLIP (no head) + Gemma3MultiModalProjector
    v = siglip(c["vision_config"])
    vh = c["vision_config"]["hidden_size"]
    pr = vh * c["text_config"]["hidden_size"] + vh
    rows.append(("gemma-3-27b", v, pr, f"SigLIP {v} + projector {pr} = {v + pr} (paper: vision encoder 417M)"))
    c = catalog("mistral-small-3-1-24b")  # Pixtral + Mistral3MultiModalProjector (no bias)
    v = pixtral(c["vision_config"])
    vh, th, m = c["vision_config"]["hidden_size"], c["text_config"]["hidden_size"], c["spatial_merge_size"]
    pr = vh + vh * m * m * vh + lin(vh, th, False) + lin(th, th, False)
    rows.append(("mistral-small-3-1-24b", v, pr, f"Pixtral {v} + projector {pr} = {v + pr}"))
    for slug in ("qwen3-6-27b",):
        c = catalog(slug)
        v = qwen3_vision(c["vision_config"])
        rows.append((slug, v, 0, f"Qwen3.5 vision {v}"))
    for r in rows:
        print("\t".join(str(x) for x in r))


if __name__ == "__main__":
    report()
