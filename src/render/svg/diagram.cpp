// The architecture diagram: the decoder drawn bottom to top as in papers (tokens → embedding →
// N × block → final norm → output layer), one block per kind of layer with its count, norms and
// residual connections where the model puts them, numbers inside the boxes, zoom insets beside the
// stack and the layer strip below. Every label is measured (render/font_metrics.h) and every box is
// sized to its text.
#include "render/svg/diagram.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "render/svg/palette.h"
#include "render/svg/diagram_parts.h"
#include "base/units.h"

namespace llmg {

namespace diagram {

using svg::Font;
using svg::Line;
using svg::Rect;
using svg::Span;

std::string number(std::int64_t value) { return with_commas(value); }
std::string fact_key(int layer, std::string_view name) { return fmt::format("L{}.{}", layer, name); }

std::string layer_group_key(const Layer& layer) {
  std::string key = layer_mixer_key(layer) + "+" + std::string(ffn_kind_key(layer.ffn.kind));
  if (layer.is_softmax_attention() && layer.attention.rope_fraction == 0.0) key += "+nope";
  return key;
}

std::vector<LayerGroup> layer_groups(const Model& model) {
  std::vector<LayerGroup> groups;
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const std::string key = layer_group_key(model.layers[i]);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const LayerGroup& g) { return g.key == key; });
    if (it == groups.end()) {
      groups.push_back({key, {}, &model.layers[i]});
      it = groups.end() - 1;
    }
    it->layers.push_back(static_cast<int>(i));
  }
  return groups;
}

int box_width(const Box& box) {
  int width = svg::measure(svg::plain(box.heading), box.heading_font);
  for (const Line& line : box.lines) width = std::max(width, svg::measure(svg::plain(line), Font::Body));
  return width + 2 * kBoxPadX;
}

int box_height(const Box& box) {
  return 2 * kBoxPadY + svg::line_height(box.heading_font) +
         static_cast<int>(box.lines.size()) * svg::line_height(Font::Body) - 4;
}

void draw_box(svg::Writer& out, const Box& box, const Rect& r) {
  out.rect(r, box.css, 4);
  const int cx = r.x + r.w / 2;
  int top = r.y + kBoxPadY;
  out.text(r, cx, top, box.heading, box.heading_font, svg::Anchor::Middle);
  top += svg::line_height(box.heading_font);
  for (const Line& line : box.lines) {
    out.text(r, cx, top, line, Font::Body, svg::Anchor::Middle);
    top += svg::line_height(Font::Body);
  }
}

namespace {

// ---- what the boxes say -----------------------------------------------------------------------------

// The activation as papers name it, from the config's hidden_act.
std::string activation_name(std::string_view act) {
  if (act.find("relu2") != std::string_view::npos) return "ReLU²";
  if (act.find("silu") != std::string_view::npos || act.find("swiglu") != std::string_view::npos ||
      act.find("swish") != std::string_view::npos)
    return "SiLU";
  if (act.find("gelu") != std::string_view::npos) return "GELU";
  if (act.find("relu") != std::string_view::npos) return "ReLU";
  return std::string(act);
}

std::string theta_text(double theta) {
  if (theta == std::floor(theta) && theta < 1e15) return number(static_cast<std::int64_t>(theta));
  return fmt::format("{:g}", theta);
}

Line positions_line(const Model& model, const Layer& layer, int index) {
  const AttentionSpec& a = layer.attention;
  if (model.positions == PositionKind::Sinusoidal) return {{"sinusoidal absolute positions", ""}};
  if (model.positions == PositionKind::NoPE || a.rope_fraction == 0.0) return {{"NoPE (no positional encoding)", ""}};
  if (model.positions == PositionKind::Learned) return {{"learned absolute positions", ""}};
  if (model.positions == PositionKind::ALiBi) return {{"ALiBi (linear attention biases)", ""}};
  const double theta = a.rope_theta > 0 ? a.rope_theta : model.rope_theta;
  Line line;
  if (layer.mixer == MixerKind::LatentAttention) {
    line.push_back({"decoupled RoPE key", ""});  // MLA rotates only the qk_rope_head_dim part
  } else if (a.rope_fraction < 1.0) {
    line.push_back({"partial RoPE ", ""});
    line.push_back({fmt::format("{}", static_cast<int>(std::lround(a.rope_fraction * 100))), fact_key(index, "rope_percent")});
    line.push_back({"%", ""});
  } else {
    line.push_back({"RoPE", ""});
  }
  if (theta > 0) {
    line.push_back({" · θ ", ""});
    line.push_back({theta_text(theta), fact_key(index, "rope_theta")});
  }
  // Context extension as the config names it ("yarn", "llama3"); "default" means none.
  if (!model.rope_scaling.empty() && model.rope_scaling != "default")
    line.push_back({model.rope_scaling == "yarn" ? " · YaRN" : " · " + model.rope_scaling + " scaling", ""});
  return line;
}

Box mixer_box(const Model& model, const Layer& layer, int index, bool thumbnail) {
  const AttentionSpec& a = layer.attention;
  const RecurrentSpec& r = layer.recurrent;
  Box box;
  box.css = "k k" + std::string(kind_style(layer_mixer_key(layer)).css);
  const LayerFact n{index};
  const auto t = text_span;
  std::string heading;
  switch (layer.mixer) {
    case MixerKind::Attention: {
      const std::string flavour = attention_flavour(layer);
      heading = flavour == "MHA" ? "multi-head attention" : flavour == "MQA" ? "multi-query attention"
                                                                              : "grouped-query attention";
      heading = (a.output_gate ? "Gated " : "Masked ") + heading;
      if (thumbnail) {
        heading = (a.output_gate ? "gated " : "") + flavour;
        if (a.span == AttentionSpan::SlidingWindow) heading += " · sliding";
        if (a.span == AttentionSpan::Chunked) heading += " · chunked";
        if (a.span == AttentionSpan::Full && model_has_window(model)) heading += " · global";
      }
      if (a.span == AttentionSpan::SlidingWindow)
        box.lines.push_back({t("sliding window "), n(a.window, "window"), t(" tokens")});
      else if (a.span == AttentionSpan::Chunked)
        box.lines.push_back({t("chunked, "), n(a.window, "window"), t("-token chunks")});
      else if (model_has_window(model))
        box.lines.push_back({t("global (every previous token)")});
      if (flavour == "MHA")
        box.lines.push_back({n(a.num_heads, "heads"), t(" heads · head dim "), n(a.head_dim, "head_dim")});
      else
        box.lines.push_back({n(a.num_heads, "heads"), t(" heads · "), n(a.num_kv_heads, "kv_heads"),
                             t(a.num_kv_heads == 1 ? " KV head" : " KV heads")});
      if (flavour != "MHA") box.lines.push_back({t("head dim "), n(a.head_dim, "head_dim")});
      if (a.value_head_dim != a.head_dim && a.value_head_dim > 0)
        box.lines.back().insert(box.lines.back().end(), {t(" · V "), n(a.value_head_dim, "value_head_dim")});
      box.lines.push_back(positions_line(model, layer, index));
      std::vector<std::string> extras;
      if (a.qk_norm == QkNorm::PerHead) extras.push_back("QK-norm per head");
      if (a.qk_norm == QkNorm::FullWidth) extras.push_back("QK-norm");
      if (a.qk_norm == QkNorm::PerHeadNoWeight) extras.push_back("QK-norm per head (no weight)");
      if (a.keys_are_values) extras.push_back("K = V");
      if (a.sinks) extras.push_back("attention sinks");
      if (a.output_gate) extras.push_back("sigmoid output gate");
      if (a.differential) extras.push_back("differential (λ per layer)");
      if (a.qkv_clip > 0) extras.push_back(fmt::format("QKV clip ±{}", a.qkv_clip));
      if (a.query_scale_beta > 0) extras.push_back("query temperature scaling");
      if (a.q_bias || a.k_bias || a.v_bias) extras.push_back("QKV bias");
      if (!extras.empty()) {
        std::string joined;
        for (const std::string& e : extras) joined += (joined.empty() ? "" : " · ") + e;
        box.lines.push_back({t(joined)});
      }
      if (a.kv_shared_from >= 0)
        box.lines.push_back({t("reuses the KV cache of layer "), n(a.kv_shared_from, "kv_shared_from")});
      if (layer.parallel_mamba2)  // Falcon-H1: the SSM beside the attention, outputs summed
        box.lines.push_back({t("+ Mamba-2 in parallel: "), n(r.num_heads, "ssm_heads"), t(" heads · state "),
                             n(r.state_size, "state")});
      if (a.sparse_block_size > 0 && a.indexer_top_k > 0)  // MiniMax Sparse Attention
        box.lines.push_back({t("sparse: top-"), n(a.indexer_top_k, "indexer_top_k"), t(" blocks of "),
                             n(a.sparse_block_size, "sparse_block_size"), t(" (indexer)")});
      break;
    }
    case MixerKind::LatentAttention:
      heading = thumbnail ? "MLA" : "Multi-head latent attention";
      if (a.span == AttentionSpan::SlidingWindow)
        box.lines.push_back({t("sliding window "), n(a.window, "window"), t(" tokens")});
      box.lines.push_back({n(a.num_heads, "heads"), t(" heads · KV latent "), n(a.kv_lora_rank, "kv_lora_rank")});
      if (a.q_lora_rank > 0) box.lines.push_back({t("query latent "), n(a.q_lora_rank, "q_lora_rank")});
      box.lines.push_back({t("head dim "), n(a.qk_nope_head_dim, "qk_nope_head_dim"), t(" + "),
                           n(a.qk_rope_head_dim, "qk_rope_head_dim"), t(" RoPE · V "),
                           n(a.value_head_dim, "value_head_dim")});
      box.lines.push_back(positions_line(model, layer, index));
      if (a.indexer_top_k > 0) box.lines.push_back({t("sparse: DSA lightning indexer")});  // DeepSeek Sparse Attention
      break;
    case MixerKind::CompressedAttention:
      // DeepSeek V4: one shared K = V head over a sliding window, plus compressed entries of the whole
      // context (CSA: an indexer picks the top k of them; HCA: all of them).
      heading = a.compress_ratio == 0          ? (thumbnail ? "SWA" : "Sliding-window attention")
                : a.compressed_top_k > 0 ? (thumbnail ? "CSA" : "Compressed sparse attention")
                                         : (thumbnail ? "HCA" : "Heavily compressed attention");
      box.lines.push_back({n(a.num_heads, "heads"), t(" heads · "), n(a.num_kv_heads, "kv_heads"),
                           t(a.num_kv_heads == 1 ? " KV head (K = V)" : " KV heads (K = V)")});
      box.lines.push_back({t("head dim "), n(a.head_dim, "head_dim"), t(" · window "), n(a.window, "window")});
      if (a.compress_ratio > 0) {
        std::vector<Span> line = {t("1 entry per "), n(a.compress_ratio, "compress_ratio"), t(" tokens")};
        if (a.compressed_top_k > 0)
          line.insert(line.end(), {t(" · top "), n(a.compressed_top_k, "compressed_top_k")});
        box.lines.push_back(std::move(line));
      }
      box.lines.push_back(positions_line(model, layer, index));
      break;
    case MixerKind::GatedDeltaNet:
    case MixerKind::KimiDeltaAttention:
      heading = std::string(mixer_kind_label(layer.mixer));  // "Gated DeltaNet", "Kimi Delta Attention"
      box.lines.push_back({n(r.num_heads, "linear_heads"), t(" V heads · "), n(r.num_key_heads, "linear_key_heads"),
                           t(" QK heads")});
      box.lines.push_back({t("head dim K "), n(r.key_head_dim, "linear_key_dim"), t(" · V "),
                           n(r.value_head_dim, "linear_value_dim")});
      if (r.conv_kernel > 0) box.lines.push_back({t("causal conv width "), n(r.conv_kernel, "conv")});
      break;
    case MixerKind::Mamba2:
      heading = "Mamba-2";
      box.lines.push_back({n(r.num_heads, "ssm_heads"), t(" heads · head dim "), n(r.value_head_dim, "ssm_head_dim")});
      box.lines.push_back({t("state "), n(r.state_size, "state"), t(" · groups "), n(r.num_groups, "groups")});
      if (r.conv_kernel > 0) box.lines.push_back({t("causal conv width "), n(r.conv_kernel, "conv")});
      break;
    case MixerKind::Mamba:
      heading = "Mamba";
      box.lines.push_back({t("inner width "), n(r.inner_size, "ssm_inner"), t(" · dt rank "), n(r.dt_rank, "dt_rank")});
      box.lines.push_back({t("state "), n(r.state_size, "state")});
      if (r.conv_kernel > 0) box.lines.push_back({t("causal conv width "), n(r.conv_kernel, "conv")});
      break;
    case MixerKind::LightningAttention:
    case MixerKind::MLSTM:
      heading = std::string(mixer_kind_label(layer.mixer));  // "mLSTM", "Lightning attention"
      box.lines.push_back({n(r.num_heads, "linear_heads"), t(" heads")});
      if (r.key_head_dim > 0 || r.value_head_dim > 0)
        box.lines.push_back({t("head dim K "), n(r.key_head_dim, "linear_key_dim"), t(" · V "),
                             n(r.value_head_dim, "linear_value_dim")});
      break;
    case MixerKind::RgLru:
      heading = std::string(mixer_kind_label(layer.mixer));
      box.lines.push_back({t("width "), n(r.conv_channels, "lru_width"), t(" · blocks "), n(r.num_heads, "lru_blocks")});
      box.lines.push_back({t("causal conv width "), n(r.conv_kernel, "conv")});
      break;
    case MixerKind::Rwkv4:
      heading = std::string(mixer_kind_label(layer.mixer));
      box.lines.push_back({t("channels "), n(r.value_head_dim, "rwkv_channels")});
      break;
    case MixerKind::ShortConv:
      heading = std::string(mixer_kind_label(layer.mixer));
      box.lines.push_back({t("causal conv width "), n(r.conv_kernel, "conv")});
      break;
    case MixerKind::None: break;
  }
  box.heading = {{heading, ""}};
  if (thumbnail) box.lines.clear();
  return box;
}

Box ffn_box(const FeedForwardSpec& ffn, int index, bool thumbnail) {
  Box box;
  const LayerFact n{index};
  const auto t = text_span;
  const std::string act = activation_name(ffn.activation);
  if (ffn.kind == FfnKind::MoE) {
    box.css = "k kmoe";
    box.heading = {t(thumbnail ? "MoE" : "Mixture of experts")};
    box.lines.push_back({n(ffn.num_experts, "experts"), t(" experts · "), n(ffn.experts_per_token, "experts_active"),
                         t(" active per token")});
    const std::string clamped = ffn.activation.find("clamp") != std::string::npos ? " (clamped)" : "";
    box.lines.push_back({t("expert hidden "), n(ffn.expert_intermediate_size, "expert_hidden"),
                         t((ffn.gated ? " · gated " + act : " · " + act) + clamped)});
    if (ffn.num_shared_experts > 0)
      box.lines.push_back({n(ffn.num_shared_experts, "shared_experts"),
                           t(ffn.num_shared_experts == 1 ? " shared expert, hidden " : " shared experts, hidden "),
                           n(ffn.shared_intermediate_size, "shared_hidden")});
  } else {
    box.css = "k kdense";
    box.heading = {t(ffn.gated ? "Gated " + act + " MLP" : "MLP (" + act + ")")};
    box.lines.push_back({t("hidden "), n(ffn.intermediate_size, "ffn_hidden")});
  }
  if (thumbnail) box.lines.clear();
  return box;
}

// ---- one block ------------------------------------------------------------------------------------------

// A step of the block, bottom to top: a box, a pair of boxes side by side (parallel block), or ⊕.
struct Item {
  enum class Kind { Box, Pair, Add } kind = Kind::Box;
  Box box, right;
};

struct Drawn {
  svg::Writer out;
  int width = 0, height = 0;
};

constexpr int kGap = 16;       // vertical gap between steps (an arrow)
constexpr int kAddRadius = 8;  // the ⊕ of a residual connection
constexpr int kLane = 16;      // residual lane right of the boxes
constexpr int kFramePad = 12;

// The block of one layer kind: its steps with norms where the model puts them and residual
// connections around each sub-layer; "N ×" in the corner.
Drawn draw_block(const Model& model, const LayerGroup& group, std::string_view marker, bool thumbnail) {
  const Layer& layer = *group.layer;
  Box norm{"nm", {{std::string(norm_kind_label(model.norm_kind)), ""}}, {}};
  std::vector<Box> sublayers;
  if (layer.mixer != MixerKind::None) sublayers.push_back(mixer_box(model, layer, group.first(), thumbnail));
  if (layer.ffn.kind != FfnKind::None) sublayers.push_back(ffn_box(layer.ffn, group.first(), thumbnail));
  // Gemma 3n's activation sparsity: on some layers of the group only, so counted over the group.
  if (layer.ffn.kind != FfnKind::None && !thumbnail) {
    std::size_t sparse = 0;
    double share = 0;
    for (int i : group.layers)
      if (const double s = model.layers[static_cast<std::size_t>(i)].ffn.activation_sparsity; s > 0) ++sparse, share = s;
    if (sparse > 0)
      sublayers.back().lines.push_back({text_span(fmt::format("{:g}% activation sparsity ({} of {} layers)", share * 100,
                                                      sparse, group.layers.size()))});
  }

  // Steps and the residual segments (first step, ⊕ step) they span.
  std::vector<Item> items;
  std::vector<std::pair<int, int>> residuals;
  const auto add_box = [&](const Box& box) { items.push_back({Item::Kind::Box, box, {}}); };
  if (thumbnail) {
    // Gallery card: the sub-layers only, so the names stay readable at card size.
    for (const Box& sub : sublayers) add_box(sub);
  } else if (model.norm_placement == NormPlacement::Parallel && sublayers.size() == 2) {
    const int start = static_cast<int>(items.size());
    add_box(norm);
    items.push_back({Item::Kind::Pair, sublayers[0], sublayers[1]});
    items.push_back({Item::Kind::Add, {}, {}});
    residuals.push_back({start, static_cast<int>(items.size()) - 1});
  } else {
    for (const Box& sub : sublayers) {
      const int start = static_cast<int>(items.size());
      switch (model.norm_placement) {
        case NormPlacement::Pre:
        case NormPlacement::Parallel:
        case NormPlacement::ParallelTwoNorms: add_box(norm); add_box(sub); break;
        case NormPlacement::Post: add_box(sub); add_box(norm); break;
        case NormPlacement::Sandwich: add_box(norm); add_box(sub); add_box(norm); break;
      }
      items.push_back({Item::Kind::Add, {}, {}});
      residuals.push_back({start, static_cast<int>(items.size()) - 1});
    }
  }

  // Widths: every box in the block as wide as the widest, so the spine is straight.
  int content = thumbnail ? 96 : 220;
  for (const Item& item : items) {
    if (item.kind == Item::Kind::Box) content = std::max(content, box_width(item.box));
    if (item.kind == Item::Kind::Pair)
      content = std::max(content, 2 * std::max(box_width(item.box), box_width(item.right)) + kGap);
  }
  const auto item_height = [&](const Item& item) {
    if (item.kind == Item::Kind::Add) return 2 * kAddRadius;
    if (item.kind == Item::Kind::Pair) return std::max(box_height(item.box), box_height(item.right));
    return box_height(item.box);
  };
  const int header = svg::line_height(Font::Count) + 4;
  int height = kFramePad + header;
  for (const Item& item : items) height += item_height(item) + kGap;
  height += kFramePad;

  Drawn block;
  block.width = kFramePad + content + kLane + kFramePad;
  block.height = height;
  const Rect frame{0, 0, block.width, block.height};
  svg::Writer& out = block.out;
  out.rect(frame, "fr", 8);
  out.text(frame, kFramePad, kFramePad - 2,
           Line{{std::to_string(group.layers.size()), fmt::format("count:{}", group.first())}, {" ×", ""}}, Font::Count);

  const int left = kFramePad, cx = left + content / 2, lane = left + content + kLane / 2 + 2;
  std::vector<int> tops(items.size()), bottoms(items.size());
  int y = block.height - kFramePad - kGap;  // bottom of the first step; the entry arrow fills the gap below
  for (std::size_t i = 0; i < items.size(); ++i) {
    bottoms[i] = y;
    tops[i] = y - item_height(items[i]);
    y = tops[i] - kGap;
  }
  // Spine: frame bottom → steps → frame top.
  int from = block.height;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].kind == Item::Kind::Pair) {
      const int half = (content - kGap) / 4 + kGap / 2;
      out.path(fmt::format("M{} {}V{}", cx, from, bottoms[i] + kGap / 2), "ln");
      out.path(fmt::format("M{} {}H{}V{}", cx, bottoms[i] + kGap / 2, cx - half, bottoms[i]), "ln", marker);
      out.path(fmt::format("M{} {}H{}V{}", cx, bottoms[i] + kGap / 2, cx + half, bottoms[i]), "ln", marker);
      out.path(fmt::format("M{} {}V{}H{}", cx - half, tops[i], tops[i] - kGap / 2, cx), "ln");
      out.path(fmt::format("M{} {}V{}H{}V{}", cx + half, tops[i], tops[i] - kGap / 2, cx, tops[i] - kGap), "ln",
               i + 1 < items.size() && items[i + 1].kind == Item::Kind::Add ? marker : std::string_view{});
      from = tops[i] - kGap / 2;
      continue;
    }
    if (!(i > 0 && items[i - 1].kind == Item::Kind::Pair))
      out.path(fmt::format("M{} {}V{}", cx, from, bottoms[i]), "ln", marker);
    from = tops[i];
  }
  out.path(fmt::format("M{} {}V0", cx, from), "ln");
  // Residual connections: branch below the segment's first step, rejoin at its ⊕.
  for (const auto& [start, add] : residuals) {
    const int branch = bottoms[start] + kGap / 2;
    const int join = tops[add] + kAddRadius;
    out.circle(cx, branch, 3, "ah");
    out.path(fmt::format("M{} {}H{}V{}H{}", cx, branch, lane, join, cx + kAddRadius + 1), "ln", marker);
  }
  // Steps.
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (item.kind == Item::Kind::Add) {
      const int cy = tops[i] + kAddRadius;
      out.circle(cx, cy, kAddRadius, "ad");
      out.path(fmt::format("M{} {}h{}M{} {}v{}", cx - 5, cy, 10, cx, cy - 5, 10), "ln");
    } else if (item.kind == Item::Kind::Pair) {
      const int w = (content - kGap) / 2, h = bottoms[i] - tops[i];
      draw_box(out, item.box, Rect{left, tops[i], w, h});
      draw_box(out, item.right, Rect{left + w + kGap, tops[i], w, h});
    } else {
      draw_box(out, item.box, Rect{left, tops[i], content, bottoms[i] - tops[i]});
    }
  }
  return block;
}

// Rows of blocks: kinds whose layer ranges overlap (interleaved) share a row, side by side; a dense
// prefix, or any kind that ends before the next begins, gets a row of its own, in layer order.
std::vector<std::vector<int>> block_rows(const std::vector<LayerGroup>& groups) {
  std::vector<int> order(groups.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return groups[a].first() < groups[b].first(); });
  std::vector<std::vector<int>> rows;
  int row_last = -1;
  for (int g : order) {
    if (rows.empty() || groups[g].first() > row_last) rows.emplace_back();
    rows.back().push_back(g);
    row_last = std::max(row_last, groups[g].last());
  }
  return rows;
}

// Short ids, unique per model and variant, so several inlined diagrams on one page do not clash.
std::string short_id(std::string_view seed) {
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (char c : seed) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  std::string id = "g";
  for (int i = 0; i < 5; ++i, hash /= 36) id += "0123456789abcdefghijklmnopqrstuvwxyz"[hash % 36];
  return id;
}

// One element of the main flow: a box, or a row of blocks side by side.
struct FlowElement {
  std::vector<Drawn> parts;  // one part for a box or a single block
  int width = 0, height = 0;
};

FlowElement box_element(const Box& box, int min_width) {
  FlowElement element;
  Drawn drawn;
  drawn.width = std::max(min_width, box_width(box));
  drawn.height = box_height(box);
  draw_box(drawn.out, box, Rect{0, 0, drawn.width, drawn.height});
  element.width = drawn.width;
  element.height = drawn.height;
  element.parts.push_back(std::move(drawn));
  return element;
}

constexpr int kFlowGap = 24;  // between flow elements: an arrow, or a bus to blocks side by side

// Stacks flow elements bottom to top (elements[0] lowest) centred on one spine, joined by arrows; a
// row of several blocks is fed and drained through a horizontal bus.
Drawn draw_flow(std::vector<FlowElement>& elements, std::string_view marker) {
  Drawn flow;
  for (const FlowElement& e : elements) flow.width = std::max(flow.width, e.width);
  for (const FlowElement& e : elements) flow.height += e.height;
  flow.height += kFlowGap * static_cast<int>(elements.size() - 1);
  const int cx = flow.width / 2;
  // Tops and the centres of each element's parts, top-down coordinates.
  std::vector<int> tops(elements.size());
  std::vector<std::vector<int>> centres(elements.size());
  int y = flow.height;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    FlowElement& e = elements[i];
    tops[i] = y - e.height;
    int x = cx - e.width / 2;
    for (Drawn& part : e.parts) {
      const int top = y - part.height;  // parts share the bottom edge
      flow.out.append(part.out, x, top);
      centres[i].push_back(x + part.width / 2);
      x += part.width + kGap;
    }
    y = tops[i] - kFlowGap;
  }
  for (std::size_t i = 0; i + 1 < elements.size(); ++i) {
    const int from = tops[i], to = tops[i] - kFlowGap, bus = from - kFlowGap / 2;
    const std::vector<int>& below = centres[i];
    const std::vector<int>& above = centres[i + 1];
    if (below.size() == 1 && above.size() == 1) {
      flow.out.path(fmt::format("M{} {}V{}", cx, from, to), "ln", marker);
      continue;
    }
    // Tops of the parts below (they differ when blocks of a row differ in height).
    for (std::size_t k = 0; k < below.size(); ++k) {
      const int part_top = tops[i] + elements[i].height - elements[i].parts[k].height;
      flow.out.path(fmt::format("M{} {}V{}", below[k], part_top, bus), "ln");
    }
    const int lo = std::min({cx, below.front(), above.front()}), hi = std::max({cx, below.back(), above.back()});
    flow.out.path(fmt::format("M{} {}H{}", lo, bus, hi), "ln");
    for (int centre : above) flow.out.path(fmt::format("M{} {}V{}", centre, bus, to), "ln", marker);
  }
  return flow;
}

std::vector<FlowElement> block_elements(const Model& model, std::string_view marker, bool thumbnail) {
  const std::vector<LayerGroup> groups = layer_groups(model);
  std::vector<FlowElement> elements;
  std::vector<std::vector<int>> rows = block_rows(groups);
  if (thumbnail && groups.size() <= 3) {
    // Gallery card: every kind side by side in layer order, a landscape picture; the strip below
    // shows where each kind sits.
    std::vector<int> all;
    for (const std::vector<int>& row : rows) all.insert(all.end(), row.begin(), row.end());
    rows = {all};
  }
  for (const std::vector<int>& row : rows) {
    FlowElement element;
    for (int g : row) {
      Drawn block = draw_block(model, groups[g], marker, thumbnail);
      element.width += (element.parts.empty() ? 0 : kGap) + block.width;
      element.height = std::max(element.height, block.height);
      element.parts.push_back(std::move(block));
    }
    elements.push_back(std::move(element));
  }
  if (model.loop_count > 1 && !elements.empty()) {
    // Looped depth (Model::loop_count): the whole stack runs loop_count times per token. One element:
    // the stack, and beside it an arrow from its top back into its bottom labelled "× N passes".
    Drawn stack = draw_flow(elements, marker);
    const std::string label = fmt::format("× {}", model.loop_count), sub = "passes";
    constexpr int kLane = 22;  // from the stack's right edge to the loop's vertical
    const int label_width = std::max(svg::measure(label, Font::Heading), svg::measure(sub, Font::Small));
    const int pad = kLane + 6 + label_width;
    FlowElement looped;
    Drawn drawn;
    drawn.width = stack.width + 2 * pad;  // symmetric, so the spine stays centred
    drawn.height = stack.height;
    drawn.out.append(stack.out, pad, 0);
    const int right = pad + stack.width, x = right + kLane;
    const int top = std::min(18, stack.height / 4), bottom = stack.height - top;
    drawn.out.path(fmt::format("M{} {}H{}V{}H{}", right, top, x, bottom, right + 1), "ln", marker);
    const int text_top = stack.height / 2 - (svg::line_height(Font::Heading) + svg::line_height(Font::Small)) / 2;
    const Rect area{0, 0, drawn.width, drawn.height};
    drawn.out.text(area, x + 6, text_top, Line{{label, "loop_count"}}, Font::Heading);
    drawn.out.text(area, x + 6, text_top + svg::line_height(Font::Heading), sub, Font::Small, svg::Anchor::Start, "m");
    looped.width = drawn.width;
    looped.height = drawn.height;
    looped.parts.push_back(std::move(drawn));
    elements.clear();
    elements.push_back(std::move(looped));
  }
  return elements;
}

std::vector<std::string> used_kinds(const Model& model) {
  std::vector<std::string> kinds;
  const auto add = [&](std::string key) {
    if (std::find(kinds.begin(), kinds.end(), key) == kinds.end()) kinds.push_back(std::move(key));
  };
  for (const Layer& layer : model.layers) {
    add(layer_mixer_key(layer));
    add(std::string(ffn_kind_key(layer.ffn.kind)));
  }
  if (!model.mtp_layers.empty()) add("mtp");
  return kinds;
}

std::string document(const svg::Writer& body, int width, int height, const std::string& scope,
                     const std::string& marker, const std::string& title, const std::vector<std::string>& kinds,
                     DiagramOptions::Theme theme) {
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lgd {0}\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" "
      "height=\"{2}\" font-family=\"DejaVu Sans, Verdana, sans-serif\" role=\"img\"><title>{3}</title>",
      scope, width, height, svg::escape(title));
  out += style_block(scope, theme, kinds);
  if (!marker.empty())
    out += fmt::format(
        "<defs><marker id=\"{}\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"6\" markerHeight=\"6\" "
        "orient=\"auto\"><path class=\"ah\" d=\"M0 0L8 4L0 8z\"/></marker></defs>",
        marker);
  out += fmt::format("<rect class=\"bg\" width=\"{}\" height=\"{}\"/>", width, height);
  out += body.body();
  return out + "</svg>\n";
}

constexpr int kMargin = 20;

}  // namespace

bool model_has_window(const Model& model) {
  for (std::size_t i = 0; i < model.layers.size(); ++i)
    if (model.is_window_limited(i)) return true;
  return false;
}

}  // namespace diagram

using diagram::Box;
using svg::Font;
using svg::Line;
using svg::Rect;

DiagramLayout diagram_layout(const ModelView& view, const DiagramOptions& options) {
  DiagramLayout layout;
  const std::string variant = options.thumbnail ? "thumb" : "full";
  const std::string scope = diagram::short_id(view.slug + "/" + variant +
                                              (options.theme == DiagramOptions::Theme::Dark ? "/dark" : ""));
  const std::string marker = scope + "a";
  svg::Writer out;
  int width = 0, height = 0;
  std::vector<std::string> kinds;
  if (!view.model) {
    // No normalized model: say so instead of drawing a guess.
    const std::string reason =
        view.entry && !view.entry->unknown_short.empty() ? view.entry->unknown_short : "architecture unknown";
    const std::string text = fmt::format("No diagram: {}", reason);
    width = std::max(240, svg::measure(text, Font::Body) + 2 * diagram::kMargin);
    height = 60;
    out.text(Rect{0, 0, width, height}, width / 2, 22, text, Font::Body, svg::Anchor::Middle, "m");
    layout.svg = diagram::document(out, width, height, scope, "", view.name, kinds, options.theme);
    layout.texts = out.texts();
    layout.width = width;
    layout.height = height;
    return layout;
  }
  const Model& model = *view.model;
  const Facts& facts = view.facts;
  kinds = diagram::used_kinds(model);
  const int margin = diagram::kMargin;
  int y = margin;

  // Title and the headline facts.
  svg::Writer header;
  int header_width = 0;
  if (!options.thumbnail) {
    header_width = std::max(svg::measure(view.name, Font::Title), header_width);
    Line facts_line;
    facts_line.push_back({human_count(facts.params.total), "params_total"});
    facts_line.push_back({" parameters", ""});
    if (facts.params.active != facts.params.total) {
      facts_line.push_back({" · ", ""});
      facts_line.push_back({human_count(facts.params.active), "params_active"});
      facts_line.push_back({" active", ""});
    }
    facts_line.push_back({" · ", ""});
    facts_line.push_back({std::to_string(facts.layers), "layers"});
    facts_line.push_back({(facts.loop_count > 1 ? fmt::format(" layers × {} passes · ", facts.loop_count)
                                                 : std::string(" layers · ")) +
                              std::string(decoder_type_label(facts.decoder_type)),
                          ""});
    facts_line.push_back({" · " + facts.attention_summary, ""});  // the attention, named with its variant
    header_width = std::max(header_width, svg::measure(svg::plain(facts_line), Font::Body));
    const Rect area{0, 0, header_width, 40};
    header.text(area, 0, 0, view.name, Font::Title);
    header.text(area, 0, svg::line_height(Font::Title) + 2, facts_line, Font::Body, svg::Anchor::Start, "m");
  }

  // The main flow, bottom to top.
  std::vector<diagram::FlowElement> flow_elements;
  const auto fact = [](std::int64_t value, std::string key) { return svg::Span{diagram::number(value), std::move(key)}; };
  const auto t = [](std::string text) { return svg::Span{std::move(text), ""}; };
  const int min_box = 200;
  if (!options.thumbnail) {
    Box tokens{"bx", {t("Tokenized text")}, {{t("context "), fact(facts.context_length, "context_length"), t(" tokens")}}};
    flow_elements.push_back(diagram::box_element(tokens, min_box));
    Box embedding{"bx", {t("Token embedding")},
                  {{t("vocabulary "), fact(facts.vocab_size, "vocab_size"), t(" × "), fact(facts.hidden_size, "hidden_size")}}};
    if (model.positions == PositionKind::Learned)
      embedding.lines.push_back({t("+ learned positions ("), fact(model.learned_position_count, "learned_positions"), t(")")});
    flow_elements.push_back(diagram::box_element(embedding, min_box));
  }
  for (diagram::FlowElement& element : diagram::block_elements(model, marker, options.thumbnail))
    flow_elements.push_back(std::move(element));
  if (!options.thumbnail) {
    Box final_norm{"nm", {t("Final " + std::string(norm_kind_label(model.norm_kind)))}, {}};
    flow_elements.push_back(diagram::box_element(final_norm, min_box));
    Box output{"bx", {t("Linear output layer")},
               {{fact(facts.hidden_size, "hidden_size"), t(" → "), fact(facts.vocab_size, "vocab_size"), t(" logits")}}};
    if (model.tied_embeddings) output.lines.push_back({t("weights tied to the token embedding")});
    if (!model.mtp_layers.empty())
      output.lines.push_back({t("+ "), fact(static_cast<std::int64_t>(model.mtp_layers.size()), "mtp_layers"),
                              t(model.mtp_layers.size() == 1 ? " multi-token prediction layer" : " multi-token prediction layers")});
    flow_elements.push_back(diagram::box_element(output, min_box));
  }
  diagram::Drawn flow = diagram::draw_flow(flow_elements, marker);

  // Insets beside the flow.
  // Insets beside the flow, in one column, or two when one column would be much taller than the flow.
  svg::Writer insets;
  int insets_width = 0, insets_height = 0;
  if (!options.thumbnail) {
    struct DrawnInset {
      svg::Writer out;
      int w = 0, h = 0;
    };
    std::vector<DrawnInset> drawn;
    int total = 0;
    for (const diagram::Inset& inset : diagram::insets_for(model, diagram::layer_groups(model))) {
      DrawnInset d;
      d.out = diagram::draw_inset(inset, marker, d.w, d.h);
      total += d.h + (drawn.empty() ? 0 : 16);
      drawn.push_back(std::move(d));
    }
    std::size_t split = drawn.size();  // insets [0, split) in the first column
    if (drawn.size() > 1 && total > flow.height * 8 / 5) {
      int first = 0;
      split = 0;
      while (split < drawn.size() && first + drawn[split].h <= (total + 1) / 2) first += drawn[split++].h + 16;
      split = std::max<std::size_t>(split, 1);
    }
    int x = 0;
    for (std::size_t begin = 0; begin < drawn.size(); begin = split, split = drawn.size()) {
      int column_width = 0, column_y = 0;
      for (std::size_t i = begin; i < split; ++i) {
        insets.append(drawn[i].out, x, column_y);
        column_y += drawn[i].h + 16;
        column_width = std::max(column_width, drawn[i].w);
      }
      insets_height = std::max(insets_height, column_y - 16);
      insets_width = x + column_width;
      x += column_width + 16;
    }
  }

  width = margin + flow.width + (insets_width > 0 ? 32 + insets_width : 0) + margin;
  width = std::max(width, header_width + 2 * margin);
  width = std::max(width, options.thumbnail ? 320 : 640);
  if (!options.thumbnail) {
    out.append(header, margin, y);
    y += svg::line_height(Font::Title) + svg::line_height(Font::Body) + 18;
  }
  const int body_height = std::max(flow.height, insets_height);
  const int flow_x = insets_width > 0 ? margin : (width - flow.width) / 2;
  out.append(flow.out, flow_x, y + (body_height - flow.height) / 2);  // centred beside taller insets
  if (insets_width > 0) out.append(insets, width - margin - insets_width, y);
  y += body_height + 20;

  int strip_height = 0;
  svg::Writer strip = diagram::draw_strip(model, width - 2 * margin, options.thumbnail, strip_height, kinds);
  out.append(strip, margin, y);
  y += strip_height + margin;
  height = y;

  layout.svg = diagram::document(out, width, height, scope, marker, "Architecture of " + view.name, kinds,
                                 options.theme);
  layout.texts = out.texts();
  layout.width = width;
  layout.height = height;
  return layout;
}

std::string diagram_svg(const ModelView& view, const DiagramOptions& options) {
  return diagram_layout(view, options).svg;
}

std::string layer_strip_svg(const ModelView& view, const DiagramOptions& options) {
  const std::string scope = diagram::short_id(view.slug + "/strip" +
                                              (options.theme == DiagramOptions::Theme::Dark ? "/dark" : ""));
  std::vector<std::string> kinds;
  if (!view.model) {
    const int width = 240, height = 30;
    svg::Writer out;
    out.text(Rect{0, 0, width, height}, width / 2, 8, "no layer strip: architecture unknown", Font::Small,
             svg::Anchor::Middle, "m");
    return diagram::document(out, width, height, scope, "", view.name, kinds, options.theme);
  }
  kinds = diagram::used_kinds(*view.model);
  const int width = options.thumbnail ? 320 : 720;
  int strip_height = 0;
  svg::Writer strip = diagram::draw_strip(*view.model, width - 2 * 8, options.thumbnail, strip_height, kinds);
  svg::Writer out;
  out.append(strip, 8, 8);
  return diagram::document(out, width, strip_height + 16, scope, "", "Layers of " + view.name, kinds, options.theme);
}

std::string_view layer_kind_colour(std::string_view kind_key) { return diagram::kind_style(kind_key).light; }

}  // namespace llmg
