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
