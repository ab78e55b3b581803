// What changed between two architectures, feature by feature, with the consequence of each change in
// the engine's own numbers ("KV per token 4× larger: 32 KV heads instead of 8"), and the plain-English
// summary written from that list. The diff (CLI text and JSON, web page, static export) prints these.
#pragma once

#include <string>
#include <vector>

#include "analysis/facts.h"
#include "model/model.h"

namespace llmg {

struct ArchitectureChange {
  std::string feature;  // stable key: "attention", "kv_heads", "moe.experts", "norm", ...
  std::string label;    // "Attention", "KV heads", ...
  std::string a, b;     // each model's value, as text
  std::string effect;   // what the change does, with the engine's numbers; may be empty
  double weight = 0;    // rank: larger is more consequential
};

// The features that differ, most consequential first. Ranking: each feature has a base weight for the
// kind of change (token-mixer design 10, attention kind and KV heads 9, MoE layout 8, windows and
// chunks 7, depth and width 6, norms and QK-norm 5, MTP 4, positions / activation / vocabulary 3,
// tied embeddings 2), plus |log2| of the KV-per-token or parameter ratio the change is credited with,
// so a change that moves the cache or the size by 4× outranks one of the same kind that does not.
std::vector<ArchitectureChange> architecture_changes(const Model& a, const Facts& fa, const Model& b,
                                                     const Facts& fb);

// The summary of the diff: one sentence per consequential change, architecture first, then the
// overall size and cache ("Attention: MLA → MLA with DeepSeek Sparse Attention (…); …"). A null
// model (unknown architecture) gives a sentence saying so.
std::string changes_summary(const std::string& name_a, const Model* a, const Facts& fa, const std::string& name_b,
                            const Model* b, const Facts& fb);

// The attention of a model named with its variant: "MLA with DeepSeek Sparse Attention (lightning
// indexer, top-2,048)", "GQA with QK-norm, 5:1 sliding window (1,024)", "3:1 Gated DeltaNet and gated
// attention". Facts::attention_summary is this string.
std::string attention_variant(const Model& model);

// The card's one-line key detail: the model's most distinctive architectural feature, the first that
// applies of: linear / state-space mixers against attention ("3:1 Gated DeltaNet", "Mamba-2 in all 64
// layers"), DeepSeek V4's compressed attention, DeepSeek Sparse Attention ("MLA + DeepSeek Sparse
// Attention"), MLA ("MLA (KV latent 512)"), windowed or chunked layers ("5:1 sliding window (1,024)"),
// cross-layer KV sharing, mixture of experts ("MoE: 128 experts, top-8"), then the attention kind
// ("GQA with QK-norm"). Empty for a model without layers.
std::string key_detail(const Model& model);

}  // namespace llmg
