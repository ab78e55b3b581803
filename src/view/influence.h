// Computed influence for the family tree over time: a model without a recorded parent (catalog
// models.tsv `parent`) is linked to its architecturally closest EARLIER model, by a distance over the
// normalized architecture's design features (not its sizes), with the features the two share. The
// link is a reading aid labelled "computed", never a claim of lineage.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "view/model_view.h"

namespace llmg {

// One design feature of an architecture, as text that two models compare by equality.
struct DesignFeature {
  std::string key;    // stable: "mixers", "attention", "ffn_layout", "norm", "norm_placement", "positions",
                      // "qk_norm", "activation", "qkv_bias", "tied_embeddings", "mtp"
  std::string text;   // what a reader sees, value included: "GQA attention", "RMSNorm", "gated silu FFN"
  double weight = 0;  // what a difference in it costs in design_distance
};

// The design features of a model, in the fixed order of the keys above. Weights: token mixers (the set
// of layer kinds: global / sliding / chunked / MLA / linear / state-space) 3, attention flavour of the
// first softmax-attention layer (MHA/GQA/MQA/MLA, "none") 3, FFN layout (dense / MoE / MoE with shared
// experts) 2.5, norm placement 1.5, norm kind, position encoding (RoPE, partial RoPE, NoPE layers,
// learned), QK-norm and FFN activation 1, QKV bias, tied embeddings and MTP 0.5.
std::vector<DesignFeature> design_features(const Model& model);

// Sum of the weights of the features whose text differs (0 = same design, whatever the sizes).
double design_distance(const std::vector<DesignFeature>& a, const std::vector<DesignFeature>& b);

struct Influence {
  std::size_t from = 0;             // index (into the views given) of the earlier model
  double distance = 0;              // design_distance
  std::vector<std::string> shared;  // DesignFeature::text of the features both have, in key order
};

// For each view: the computed influence, or nullopt when the model has a recorded parent among
// `views`, has no release date or no known architecture, or no known model was released strictly
// before it. Among the earlier models the smallest design_distance wins; ties go to the smaller
// architecture_distance (analysis/compare.h: sizes, KV, layer mix), then the later release, then the slug.
std::vector<std::optional<Influence>> computed_influences(const std::vector<const ModelView*>& views);

}  // namespace llmg
