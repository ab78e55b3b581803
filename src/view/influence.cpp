#include "view/influence.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "analysis/compare.h"

namespace llmg {

namespace {

const Layer* first_softmax(const Model& model) {
  for (const Layer& layer : model.layers)
    if (layer.is_softmax_attention()) return &layer;
  return nullptr;
}

std::string mixers_text(const Model& model) {
  // The set of layer kinds, in a fixed (alphabetical) order so two models compare by equality.
  std::set<std::string> kinds;
  for (const Layer& layer : model.layers) kinds.insert(short_mixer_label(layer_mixer_key(layer)));
  std::string out;
  for (const std::string& kind : kinds) out += (out.empty() ? "" : " + ") + kind;
  return out + " layers";
}

std::string ffn_layout_text(const Model& model) {
  for (const Layer& layer : model.layers)
    if (layer.is_moe()) return layer.ffn.num_shared_experts > 0 ? "MoE with shared experts" : "MoE without shared experts";
  return "dense FFN";
}

std::string positions_text(const Model& model) {
  if (model.positions == PositionKind::Learned) return "learned positions";
  if (model.positions == PositionKind::NoPE) return "no positions";
  bool partial = false, nope = false;
  for (const Layer& layer : model.layers) {
    if (!layer.is_softmax_attention()) continue;
    nope = nope || layer.attention.rope_fraction == 0.0;
    partial = partial || (layer.attention.rope_fraction > 0 && layer.attention.rope_fraction < 1);
  }
  if (nope) return partial ? "partial RoPE with NoPE layers" : "RoPE with NoPE layers";
  return partial ? "partial RoPE" : "RoPE";
}

std::string qk_norm_text(const Model& model) {
  for (const Layer& layer : model.layers)
    if (layer.is_softmax_attention() && layer.attention.qk_norm != QkNorm::None)
      return layer.attention.qk_norm == QkNorm::FullWidth ? "full-width QK-norm" : "per-head QK-norm";
  return "no QK-norm";
}

std::string activation_text(const Model& model) {
  for (const Layer& layer : model.layers) {
    if (layer.ffn.kind == FfnKind::None) continue;
    return (layer.ffn.gated ? "gated " : "plain ") + layer.ffn.activation + " FFN";
  }
  return "no FFN";
}

}  // namespace

std::vector<DesignFeature> design_features(const Model& model) {
  const Layer* softmax = first_softmax(model);
  bool qkv_bias = false;
  for (const Layer& layer : model.layers)
    if (layer.is_softmax_attention()) qkv_bias = qkv_bias || layer.attention.q_bias || layer.attention.k_bias;
  const char* placements[] = {"pre-norm", "post-norm", "sandwich norm", "parallel attention and MLP"};
  return {
      {"mixers", mixers_text(model), 3},
      {"attention", softmax ? attention_flavour(*softmax) + " attention" : "no softmax attention", 3},
      {"ffn_layout", ffn_layout_text(model), 2.5},
      {"norm_placement", placements[static_cast<int>(model.norm_placement)], 1.5},
      {"norm", std::string(norm_kind_label(model.norm_kind)), 1},
      {"positions", positions_text(model), 1},
      {"qk_norm", qk_norm_text(model), 1},
      {"activation", activation_text(model), 1},
      {"qkv_bias", qkv_bias ? "QKV bias" : "no QKV bias", 0.5},
      {"tied_embeddings", model.tied_embeddings ? "tied embeddings" : "untied embeddings", 0.5},
      {"mtp", model.mtp_layers.empty() ? "no MTP" : "MTP layers", 0.5},
  };
}

double design_distance(const std::vector<DesignFeature>& a, const std::vector<DesignFeature>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    if (a[i].text != b[i].text) sum += std::max(a[i].weight, b[i].weight);
  return sum;
}

std::vector<std::optional<Influence>> computed_influences(const std::vector<const ModelView*>& views) {
  std::set<std::string> slugs;
  for (const ModelView* v : views) slugs.insert(v->slug);
  std::vector<std::vector<DesignFeature>> features(views.size());
  for (std::size_t i = 0; i < views.size(); ++i)
    if (views[i]->model) features[i] = design_features(*views[i]->model);
  auto dated = [](const ModelView* v) { return v->entry && v->model && !v->entry->release_date.empty(); };
  std::vector<std::optional<Influence>> out(views.size());
  for (std::size_t i = 0; i < views.size(); ++i) {
    const ModelView& v = *views[i];
    if (!dated(&v)) continue;
    if (!v.entry->parent.empty() && v.entry->parent != v.slug && slugs.contains(v.entry->parent)) continue;
    std::optional<std::size_t> best;
    std::tuple<double, double, std::string, std::string> best_key;  // distance, size distance, -date, slug
    for (std::size_t j = 0; j < views.size(); ++j) {
      const ModelView& c = *views[j];
      if (j == i || !dated(&c) || !(c.entry->release_date < v.entry->release_date)) continue;
      // Later release first on ties: invert the date's characters so a smaller key is a later date.
      std::string inverted = c.entry->release_date;
      for (char& ch : inverted) ch = static_cast<char>('9' - ch + '0');
      auto key = std::make_tuple(design_distance(features[i], features[j]), architecture_distance(v.facts, c.facts),
                                 inverted, c.slug);
      if (!best || key < best_key) best = j, best_key = key;
    }
    if (!best) continue;
    Influence influence{*best, std::get<0>(best_key), {}};
    for (std::size_t k = 0; k < features[i].size(); ++k)
      if (features[i][k].text == features[*best][k].text) influence.shared.push_back(features[i][k].text);
    out[i] = std::move(influence);
  }
  return out;
}

}  // namespace llmg
