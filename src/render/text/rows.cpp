#include "render/text/rows.h"

#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "analysis/changes.h"
#include "base/units.h"
#include "render/text/published.h"

namespace llmg {

namespace {

std::string source_of(const Model& model, const std::string& fact) {
  auto it = model.key_sources.find(fact);
  return it == model.key_sources.end() ? std::string() : it->second;
}

std::string count_text(std::int64_t value) { return fmt::format("{} ({})", human_count(value), with_commas(value)); }

std::string describe_ffn(const Model& model) {
  // The widest description: the MoE layout when any layer is MoE, else the dense MLP.
  const FeedForwardSpec* moe = nullptr;
  const FeedForwardSpec* dense = nullptr;
  for (const Layer& layer : model.layers) {
    if (layer.ffn.kind == FfnKind::MoE && !moe) moe = &layer.ffn;
    if (layer.ffn.kind == FfnKind::Dense && !dense) dense = &layer.ffn;
  }
  std::string out;
  if (moe) {
    out = fmt::format("MoE: {} experts, top-{}, expert width {}", moe->num_experts, moe->experts_per_token,
                      with_commas(moe->expert_intermediate_size));
    if (moe->latent_size > 0) out += fmt::format(" in a {} latent", with_commas(moe->latent_size));
    if (moe->zero_experts > 0)
      out += fmt::format(", plus {} zero-computation (identity) expert{}", moe->zero_experts,
                         moe->zero_experts == 1 ? "" : "s");
    if (moe->num_shared_experts > 0)
      out += fmt::format(", {} shared ({} wide)", moe->num_shared_experts, with_commas(moe->shared_intermediate_size));
  }
  if (dense) {
    if (!out.empty()) out += "; ";
    out += fmt::format("dense {} MLP, {} wide", dense->gated ? "gated" : "plain", with_commas(dense->intermediate_size));
    // Layers whose dense MLP has another width (Gemma 4 E2B's double-wide KV-shared layers).
    std::map<std::int64_t, std::int64_t> other_widths;
    for (const Layer& layer : model.layers)
      if (layer.ffn.kind == FfnKind::Dense && layer.ffn.intermediate_size != dense->intermediate_size)
        ++other_widths[layer.ffn.intermediate_size];
    for (const auto& [width, layers] : other_widths)
      out += fmt::format(" ({} wide in {} layers)", with_commas(width), layers);
  }
  // Gemma 3n: activation sparsity on some layers.
  std::int64_t sparse = 0;
  double share = 0;
  for (const Layer& layer : model.layers)
    if (layer.ffn.activation_sparsity > 0) ++sparse, share = layer.ffn.activation_sparsity;
  if (sparse > 0) out += fmt::format("; {:g}% activation sparsity in {} layers", share * 100, sparse);
  return out.empty() ? "none" : out;
}

// The CSA indexer's top-k of a compressed-attention model (DeepSeek V4), 0 when it has no CSA layer.
std::int64_t model_csa_top_k(const Model& model) {
  for (const Layer& layer : model.layers)
    if (layer.attention.compressed_top_k > 0) return layer.attention.compressed_top_k;
  return 0;
}

std::string describe_attention(const Model& model) {
  const std::string variant = attention_variant(model);
  for (const Layer& layer : model.layers) {
    const AttentionSpec& a = layer.attention;
    if (layer.mixer == MixerKind::LatentAttention)
      return fmt::format("{}: {} heads, KV latent {}, RoPE key {}, q rank {}, head dims {}+{} / v {}", variant, a.num_heads,
                         a.kv_lora_rank, a.qk_rope_head_dim, a.q_lora_rank, a.qk_nope_head_dim, a.qk_rope_head_dim,
                         a.value_head_dim);
    if (layer.mixer == MixerKind::Attention) {
      std::string out = fmt::format("{}: {} heads, {} KV heads, head dim {}", variant, a.num_heads,
                                    a.num_kv_heads, a.head_dim);
      if (a.value_head_dim != a.head_dim) out += fmt::format(" (v {})", a.value_head_dim);
      if (a.qk_norm != QkNorm::None && variant.find("QK-norm") == std::string::npos) out += ", QK-norm";
      if (a.output_gate && variant.find("gate") == std::string::npos) out += ", output gate";
      if (a.sinks && variant.find("sinks") == std::string::npos) out += ", sinks";
      if (a.qkv_clip > 0) out += fmt::format(", q/k/v clipped at ±{}", a.qkv_clip);
      if (a.query_scale_beta > 0)
        out += fmt::format(", query scaling 1 + {}·log(1 + ⌊pos / {}⌋)", a.query_scale_beta, a.query_scale_period);
      return out;
    }
    if (layer.mixer == MixerKind::CompressedAttention)
      return fmt::format("{}: {} heads, 1 KV head, head dim {}, q rank {}, window {}, sinks; "
                         "compressed entries beside the window (CSA indexer top {})",
                         variant, a.num_heads, a.head_dim, a.q_lora_rank, with_commas(a.window),
                         with_commas(model_csa_top_k(model)));
  }
  return "none (no softmax attention)";
}

std::string describe_positions(const Model& model) {
  if (model.positions == PositionKind::Learned) return "learned absolute positions";
  if (model.positions == PositionKind::Sinusoidal) return "sinusoidal absolute positions";
  if (model.positions == PositionKind::NoPE) return "none (NoPE)";
  if (model.positions == PositionKind::ALiBi) return "ALiBi (linear attention biases)";
  std::int64_t nope_layers = 0;
  double fraction = 1.0;
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    if (!model.is_softmax_attention(i)) continue;
    if (model.layers[i].attention.rope_fraction == 0.0)
      ++nope_layers;
    else
      fraction = model.layers[i].attention.rope_fraction;
  }
  std::string out = model.rope_theta > 0
                        ? (model.rope_theta < 9e18  // beyond int64 (a bound the reader does not set): %g
                               ? fmt::format("RoPE θ={}", with_commas(static_cast<std::int64_t>(model.rope_theta)))
                               : fmt::format("RoPE θ={:g}", model.rope_theta))
                        : std::string("RoPE (θ not declared in the config)");
  if (fraction < 1.0) out += fmt::format(", partial ({:.0f}% of head dim)", fraction * 100);
  if (nope_layers > 0) out += fmt::format(", {} NoPE layers", nope_layers);
  if (!model.rope_scaling.empty() && model.rope_scaling != "default") out += ", scaling " + model.rope_scaling;
  return out;
}

}  // namespace

std::vector<FactRow> fact_rows(const ModelView& view) {
  std::vector<FactRow> rows;
  auto add = [&](std::string key, std::string label, std::string text, std::optional<double> number = {},
                 std::string source = {}) {
    rows.push_back({std::move(key), std::move(label), std::move(text), number, std::move(source)});
  };
  if (view.entry) {
    const CatalogEntry& e = *view.entry;
    if (!e.vendor.empty()) add("vendor", "Vendor", e.vendor);
    add("release_date", "Released", e.release_date);
    if (!e.parent.empty()) {
      const CatalogEntry* parent = Catalog::index().find(e.parent);
      add("lineage.parent", "Derives from", parent ? fmt::format("{} ({})", parent->name, parent->slug) : e.parent);
    }
    std::string children;
    for (const CatalogEntry* child : Catalog::index().children(e.slug))
      children += (children.empty() ? "" : ", ") + child->slug;
    if (!children.empty()) add("lineage.children", "Derived models", children);
    add("config_status", "Config", std::string(config_status_key(e.config_status)) +
                                       (e.hf_repo.empty() ? "" : " (" + e.hf_repo + ")"));
  }
  if (!view.model) {
    add("facts", "Facts", "unknown: " + (view.entry ? view.entry->unknown_reason : std::string("no model")));
    return rows;
  }
  const Model& m = *view.model;
  const Facts& f = view.facts;
  add("family", "Family", fmt::format("{} (model_type {}{})", m.family, m.model_type,
                                      m.architecture.empty() ? "" : ", " + m.architecture));
  add("decoder_type", "Decoder", std::string(decoder_type_label(f.decoder_type)));
  const auto& p = f.params;
  add("params.total", "Parameters",
      count_text(p.total) + (p.towers > 0    ? fmt::format(" + {} towers", human_count(p.towers))
                             : p.towers < 0 ? std::string(" + towers (not counted)")
                                            : std::string()),
      static_cast<double>(p.total), "sum of tensor shapes");
  for (const ParameterCounts::TowerCount& tower : p.towers_detail)
    add("params.towers." + tower.name, "Tower " + tower.name,
        tower.parameters < 0 ? std::string("not counted (see notes)") : count_text(tower.parameters) + " (not in total)",
        static_cast<double>(tower.parameters), source_of(m, "towers." + tower.name));
  const double active_share = p.total > 0 ? static_cast<double>(p.active) / static_cast<double>(p.total) : 0;
  add("params.active", "Active", fmt::format("{}, {} of total", count_text(p.active), percent(active_share)),
      static_cast<double>(p.active), "embedding as lookup, LM head counted: gpt-oss card convention");
  add("params.active_with_embeddings", "Active + embedding", count_text(p.active_with_embeddings),
      static_cast<double>(p.active_with_embeddings), "active + input embedding: Mixtral / Qwen convention");
  add("params.active_non_embedding", "Active non-embedding", count_text(p.active_non_embedding),
      static_cast<double>(p.active_non_embedding), "active without the LM head: non-embedding convention (ZAYA1, Sarvam)");
  if (view.entry && view.entry->published)
    for (const PublishedComparison& c : compare_published(*view.entry->published, p))
      add("published." + c.figure, c.figure == "total" ? "Published total" : "Published active",
          fmt::format("{}; {}{}", c.text, c.explanation,
                      c.within ? "" : fmt::format(" — the difference ({}) is more than that explains",
                                                  human_count(std::llabs(c.difference)))),
          static_cast<double>(c.published), view.entry->published->source_url);
  add("params.embedding", "Embedding", count_text(p.embedding) + (m.tied_embeddings ? " (tied with LM head)" : ""),
      static_cast<double>(p.embedding));
  if (p.mtp > 0) add("params.mtp", "MTP layers", count_text(p.mtp) + " (not in total)", static_cast<double>(p.mtp));
  std::string ffn_summary;
  if (f.ffn_mix.size() > 1)
    for (const KindCount& entry : f.ffn_mix)
      ffn_summary += fmt::format("{}{} {}", ffn_summary.empty() ? "; " : " + ", entry.count,
                                 entry.kind == "moe" ? "MoE" : entry.kind == "none" ? "no FFN" : entry.kind);
  add("layers", "Layers", fmt::format("{} ({}{})", f.layers, mixer_mix_summary(m), ffn_summary),
      static_cast<double>(f.layers),
      source_of(m, "num_hidden_layers"));
  if (f.loop_count > 1)
    add("loop_count", "Looped depth",
        fmt::format("the {} layers run {} times per token ({} layer passes); weights stored once, a KV cache per pass",
                    f.layers, f.loop_count, f.layers_effective),
        static_cast<double>(f.loop_count), source_of(m, "loop_count"));
  if (!m.mtp_layers.empty())
    add("mtp_layers", "MTP layers", std::to_string(m.mtp_layers.size()), static_cast<double>(m.mtp_layers.size()),
        source_of(m, "num_nextn_predict_layers"));
  add("attention", "Attention", describe_attention(m), {}, source_of(m, "num_attention_heads"));
  add("attention_layers", "Attention layers",
      fmt::format("{} ({} window- or chunk-limited)", f.attention_layers, f.sliding_layers),
      static_cast<double>(f.attention_layers), source_of(m, "layer mix"));
  if (f.recurrent_layers > 0)
    add("recurrent_layers", "Linear/SSM layers", std::to_string(f.recurrent_layers),
        static_cast<double>(f.recurrent_layers));
  add("ffn", "Feed-forward", describe_ffn(m), {}, source_of(m, "intermediate_size"));
  add("kv_cache.bytes_per_token_bf16", "KV cache / token",
      fmt::format("{} (bf16, {} caching layers{}, windows not applied)", human_bytes(f.kv_cache.bytes_per_token_bf16),
                  f.kv_cache.caching_layers, f.loop_count > 1 ? fmt::format(" × {} passes", f.loop_count) : ""),
      static_cast<double>(f.kv_cache.bytes_per_token_bf16), "gallery convention");
  add("context_length", "Context",
      f.context_length > 0 ? fmt::format("{} tokens ({})", with_commas(f.context_length), human_tokens(f.context_length))
                           : std::string("not declared (recurrent state, no position limit)"),
      static_cast<double>(f.context_length), source_of(m, "max_position_embeddings"));
  add("vocab_size", "Vocabulary", with_commas(f.vocab_size), static_cast<double>(f.vocab_size),
      source_of(m, "vocab_size"));
  add("hidden_size", "Hidden size", with_commas(f.hidden_size), static_cast<double>(f.hidden_size),
      source_of(m, "hidden_size"));
  add("norm", "Norms",
      m.norm_placement == NormPlacement::Parallel
          ? fmt::format("{}, one norm before parallel attention and MLP", norm_kind_label(m.norm_kind))
      : m.norm_placement == NormPlacement::ParallelTwoNorms
          ? fmt::format("{}, parallel attention and MLP, each behind its own norm", norm_kind_label(m.norm_kind))
          : fmt::format("{}, {}-norm", norm_kind_label(m.norm_kind), norm_placement_key(m.norm_placement)));
  add("positions", "Positions", describe_positions(m), {}, source_of(m, "rope_theta"));
  add("tied_embeddings", "Embeddings", m.tied_embeddings ? "tied input/output" : "separate input and output",
      {}, source_of(m, "tie_word_embeddings"));
  return rows;
}

}  // namespace llmg
