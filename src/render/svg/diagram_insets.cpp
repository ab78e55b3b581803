// Zoom boxes beside the stack, for what a model does inside a sub-layer: the MoE layer (router, the
// experts with the active ones marked, shared experts), MLA's compression path, a gated attention
// output, a DeltaNet or Mamba-2 mixer. Numbers come from the model, as in the blocks.
#include <algorithm>

#include <fmt/format.h>

#include "render/svg/palette.h"
#include "render/svg/diagram_parts.h"

namespace llmg::diagram {

using svg::Font;
using svg::Line;
using svg::Rect;
using svg::Span;

namespace {

Box mini(std::string css, std::string heading, std::vector<Line> lines = {}) {
  Box box;
  box.css = std::move(css);
  box.heading = {{std::move(heading), ""}};
  box.lines = std::move(lines);
  return box;
}

Inset moe_inset(const Layer& layer, int index) {
  const FeedForwardSpec& ffn = layer.ffn;
  const LayerFact n{index};
  Inset inset;
  inset.title = "Zoom: mixture-of-experts layer";
  Line router{{"top-", ""}, n(ffn.experts_per_token, "experts_active"), {" of ", ""}, n(ffn.num_experts, "experts"),
              {" experts per token", ""}};
  std::vector<Line> router_lines{router};
  if (ffn.router_correction_bias) router_lines.push_back({{"bias-corrected expert choice", ""}});
  if (ffn.router_bias) router_lines.push_back({{"linear router with bias", ""}});
  inset.rows.push_back({mini("bx", "router", router_lines)});
  inset.grid = {ffn.num_experts, ffn.experts_per_token, ffn.num_shared_experts};
  inset.grid_after = 0;
  Line sum;
  if (ffn.experts_per_token == 1)
    sum.push_back({"the chosen expert's output, weighted", ""});
  else
    sum = {{"weighted sum of the ", ""}, n(ffn.experts_per_token, "experts_active"), {" outputs", ""}};
  std::vector<Line> sum_lines{sum};
  if (ffn.num_shared_experts > 0)
    sum_lines.push_back({{"+ ", ""}, n(ffn.num_shared_experts, "shared_experts"),
                         {ffn.num_shared_experts == 1 ? " shared expert (every token)" : " shared experts (every token)",
                          ""}});
  inset.rows.push_back({mini("k kmoe", "combine", sum_lines)});
  return inset;
}

Inset mla_inset(const Model& model, const Layer& layer, int index) {
  const AttentionSpec& a = layer.attention;
  const LayerFact n{index};
  const auto t = text_span;
  Inset inset;
  inset.title = "Zoom: multi-head latent attention";
  inset.rows.push_back({mini("bx", "hidden state", {{n(model.hidden_size, "hidden_size")}})});
  std::vector<Box> compress;
  if (a.q_lora_rank > 0) compress.push_back(mini("bx", "query latent", {{n(a.q_lora_rank, "q_lora_rank")}}));
  compress.push_back(mini("k kmla", "KV latent", {{n(a.kv_lora_rank, "kv_lora_rank"), t(" · cached")}}));
  compress.push_back(mini("k kmla", "RoPE key", {{n(a.qk_rope_head_dim, "qk_rope_head_dim"), t(" · cached")}}));
  inset.rows.push_back(compress);
  inset.rows.push_back({mini("bx", "queries", {{n(a.num_heads, "heads"), t(" × "), n(a.head_dim, "head_dim")}}),
                        mini("bx", "keys, values", {{t("up-projected from the latent")}})});
  inset.rows.push_back({mini("bx", "attention, output projection",
                             {{n(a.num_heads, "heads"), t(" heads · V "), n(a.value_head_dim, "value_head_dim")}})});
  return inset;
}

Inset gated_attention_inset(const Layer& layer, int index) {
  const AttentionSpec& a = layer.attention;
  const LayerFact n{index};
  const auto t = text_span;
  Inset inset;
  inset.title = "Zoom: gated attention";
  inset.rows.push_back({mini("bx", "query projection", {{t("emits queries and a gate G")}}),
                        mini("bx", "key, value", {{n(a.num_kv_heads, "kv_heads"), t(" KV heads")}})});
  inset.rows.push_back({mini("k kfull", "softmax attention", {{n(a.num_heads, "heads"), t(" heads")}})});
  inset.rows.push_back({mini("bx", "output × sigmoid(G)", {{t("gate per channel")}})});
  inset.rows.push_back({mini("bx", "output projection")});
  return inset;
}

Inset delta_inset(const Layer& layer, int index) {
  const RecurrentSpec& r = layer.recurrent;
  const LayerFact n{index};
  const auto t = text_span;
  const bool kda = layer.mixer == MixerKind::KimiDeltaAttention;
  const std::string css = kda ? "k kkda" : "k kgdn";
  Inset inset;
  inset.title = kda ? "Zoom: Kimi Delta Attention" : "Zoom: Gated DeltaNet";
  inset.rows.push_back({mini("bx", "input projections", {{t("q, k, v · decay α, step β · gate z")}})});
  if (r.conv_kernel > 0)
    inset.rows.push_back({mini("bx", "causal conv + SiLU", {{t("width "), n(r.conv_kernel, "conv")}})});
  inset.rows.push_back({mini(css, kda ? "channel-wise gated delta rule" : "gated delta rule",
                             {{t("state "), n(r.key_head_dim, "linear_key_dim"), t(" × "),
                               n(r.value_head_dim, "linear_value_dim"), t(" per head")},
                              {t("L2-normed q, k · no KV cache")}})});
  inset.rows.push_back({mini("nm", "gated RMSNorm", {{t("× SiLU(z)")}})});
  inset.rows.push_back({mini("bx", "output projection")});
  return inset;
}

Inset mamba_inset(const Layer& layer, int index) {
  const RecurrentSpec& r = layer.recurrent;
  const LayerFact n{index};
  const auto t = text_span;
  Inset inset;
  inset.title = "Zoom: Mamba-2 mixer";
  inset.rows.push_back({mini("bx", "input projection", {{t("x, gate z, B, C, step Δ")}})});
  if (r.conv_kernel > 0)
    inset.rows.push_back({mini("bx", "causal conv + SiLU", {{t("width "), n(r.conv_kernel, "conv")}})});
  inset.rows.push_back({mini("k kmamba", "selective state-space scan",
                             {{t("state "), n(r.state_size, "state"), t(" per channel · "), n(r.num_groups, "groups"),
                               t(" B/C groups")},
                              {t("no KV cache")}})});
  inset.rows.push_back({mini("nm", "gated RMSNorm", {{t("× SiLU(z)")}})});
  inset.rows.push_back({mini("bx", "output projection")});
  return inset;
}

constexpr int kPad = 10;
constexpr int kRowGap = 16;
int grid_columns(std::int64_t total) { return static_cast<int>(std::min<std::int64_t>(total, 32)); }

}  // namespace

std::vector<Inset> insets_for(const Model& model, const std::vector<LayerGroup>& groups) {
  std::vector<Inset> insets;
  bool mla = false, gated = false, delta = false, mamba = false, moe = false;
  for (const LayerGroup& group : groups) {
    const Layer& layer = *group.layer;
    const int index = group.first();
    if (layer.mixer == MixerKind::LatentAttention && !mla) {
      mla = true;
      insets.push_back(mla_inset(model, layer, index));
    }
    if (layer.mixer == MixerKind::Attention && layer.attention.output_gate && !gated) {
      gated = true;
      insets.push_back(gated_attention_inset(layer, index));
    }
    if ((layer.mixer == MixerKind::GatedDeltaNet || layer.mixer == MixerKind::KimiDeltaAttention) && !delta) {
      delta = true;
      insets.push_back(delta_inset(layer, index));
    }
    if (layer.mixer == MixerKind::Mamba2 && !mamba) {
      mamba = true;
      insets.push_back(mamba_inset(layer, index));
    }
  }
  for (const LayerGroup& group : groups)
    if (group.layer->ffn.kind == FfnKind::MoE && !moe) {
      moe = true;
      insets.push_back(moe_inset(*group.layer, group.first()));
    }
  return insets;
}

svg::Writer draw_inset(const Inset& inset, std::string_view marker, int& width, int& height) {
  svg::Writer out;
  // Sizes: each row's boxes side by side; the grid as its own row.
  std::vector<int> row_widths, row_heights;
  int content = svg::measure(inset.title, Font::Heading);
  for (const std::vector<Box>& row : inset.rows) {
    int w = 0, h = 0;
    for (const Box& box : row) {
      w += (w > 0 ? 8 : 0) + box_width(box);
      h = std::max(h, box_height(box));
    }
    row_widths.push_back(w);
    row_heights.push_back(h);
    content = std::max(content, w);
  }
  const int cell = inset.grid.total > 256 ? 6 : 8;  // one expert
  const int columns = inset.grid.total > 0 ? grid_columns(inset.grid.total) : 0;
  const int grid_rows = columns > 0 ? static_cast<int>((inset.grid.total + columns - 1) / columns) : 0;
  const int shared = static_cast<int>(inset.grid.shared);
  const int cells_h = std::max(grid_rows, shared) * cell;
  const int grid_w = columns * cell + (shared > 0 ? 10 + cell : 0);
  std::vector<Line> grid_caption{{{number(inset.grid.active), ""}, {" of ", ""}, {number(inset.grid.total), ""},
                                  {inset.grid.active == 1 ? " routed experts runs per token (filled)" : " routed experts run per token (filled)", ""}}};
  if (shared > 0)
    grid_caption.push_back({{"right: ", ""}, {number(shared), ""},
                            {shared == 1 ? " shared expert, always on" : " shared experts, always on", ""}});
  int grid_h = 0;
  if (columns > 0) {
    content = std::max(content, grid_w);
    for (const Line& line : grid_caption) content = std::max(content, svg::measure(svg::plain(line), Font::Small));
    content += 2 * 8;  // the experts' frame
    grid_h = 8 + cells_h + 4 + static_cast<int>(grid_caption.size()) * svg::line_height(Font::Small) + 4;
  }
  const int title_h = svg::line_height(Font::Heading) + 6;
  height = kPad + title_h;
  for (int h : row_heights) height += h + kRowGap;
  if (columns > 0) height += grid_h + kRowGap;
  height += kPad - kRowGap;
  width = content + 2 * kPad;
  const Rect frame{0, 0, width, height};
  out.rect(frame, "dl", 6);
  out.text(frame, kPad, kPad, inset.title, Font::Heading);

  // Rows bottom to top, each centred; arrows from the centres of one row to the next, through a bus
  // when a row holds several boxes.
  const int cx = width / 2;
  std::vector<int> below_centres;  // centres of the row below, and their common top
  int below_top = -1;
  const auto connect = [&](const std::vector<int>& centres, int bottom) {
    if (below_top < 0) return;
    if (below_centres.size() == 1 && centres.size() == 1) {
      out.path(fmt::format("M{} {}V{}", centres[0], below_top, bottom), "ln", marker);
      return;
    }
    const int bus = (below_top + bottom) / 2;
    for (int c : below_centres) out.path(fmt::format("M{} {}V{}", c, below_top, bus), "ln");
    const int lo = std::min(below_centres.front(), centres.front());
    const int hi = std::max(below_centres.back(), centres.back());
    out.path(fmt::format("M{} {}H{}", lo, bus, hi), "ln");
    for (int c : centres) out.path(fmt::format("M{} {}V{}", c, bus, bottom), "ln", marker);
  };
  int y = height - kPad;
  for (std::size_t r = 0; r < inset.rows.size(); ++r) {
    const int top = y - row_heights[r];
    std::vector<int> centres;
    int x = cx - row_widths[r] / 2;
    for (const Box& box : inset.rows[r]) {
      const int w = box_width(box);
      centres.push_back(x + w / 2);
      x += w + 8;
    }
    connect(centres, y);
    x = cx - row_widths[r] / 2;
    for (const Box& box : inset.rows[r]) {
      const int w = box_width(box);
      draw_box(out, box, Rect{x, top, w, row_heights[r]});
      x += w + 8;
    }
    below_centres = centres;
    below_top = top;
    y = top - kRowGap;
    if (columns > 0 && static_cast<int>(r) == inset.grid_after) {
      // The experts: one cell each, those one token runs filled; shared experts in a column apart.
      const int frame_w = content;
      const Rect experts{cx - frame_w / 2, y - grid_h, frame_w, grid_h};
      connect({cx}, experts.bottom());
      out.rect(experts, "bx", 4);
      const int gx = cx - grid_w / 2, gy = experts.y + 8;
      out.rect(Rect{gx, gy, columns * cell, grid_rows * cell}, "k kmoe");
      std::string d;
      for (int c = 1; c < columns; ++c) d += fmt::format("M{} {}v{}", gx + c * cell, gy, grid_rows * cell);
      for (int g = 1; g < grid_rows; ++g) d += fmt::format("M{} {}h{}", gx, gy + g * cell, columns * cell);
      out.path(d, "sep");
      std::string active;
      for (std::int64_t e = 0; e < inset.grid.active; ++e)
        active += fmt::format("M{} {}h{}v{}h-{}z", gx + static_cast<int>(e % columns) * cell + 1,
                              gy + static_cast<int>(e / columns) * cell + 1, cell - 2, cell - 2, cell - 2);
      if (shared > 0) {
        const int sx = gx + columns * cell + 10;
        for (int e = 0; e < shared; ++e) active += fmt::format("M{} {}h{}v{}h-{}z", sx, gy + e * cell + 1, cell - 2,
                                                               cell - 2, cell - 2);
      }
      out.path(active, "st kmoe");
      int ty = gy + cells_h + 4;
      for (const Line& line : grid_caption) {
        out.text(experts, cx, ty, line, Font::Small, svg::Anchor::Middle, "m");
        ty += svg::line_height(Font::Small);
      }
      below_centres = {cx};
      below_top = experts.y;
      y = experts.y - kRowGap;
    }
  }
  return out;
}

}  // namespace llmg::diagram
