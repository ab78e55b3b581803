// DeepSeek V4 (DeepseekV4ForCausalLM, model_type deepseek_v4): V4-Flash and V4-Pro.
//
// Tensor shapes follow Hugging Face transformers src/transformers/models/deepseek_v4/
// modeling_deepseek_v4.py (DeepseekV4Attention, DeepseekV4CSACompressor, DeepseekV4HCACompressor,
// DeepseekV4Indexer, DeepseekV4HyperConnection, DeepseekV4HyperHead, DeepseekV4SparseMoeBlock) and
// configuration_deepseek_v4.py (compress_ratios -> layer_types, num_hash_layers -> mlp_layer_types).
// transformers does not build the MTP module; its layout is DeepSeek's inference/model.py MTPBlock
// (as ported by vLLM's deepseek_v4_mtp.py): a full V4 block plus e_proj, h_proj, enorm, hnorm, norm
// and its own hc_head, sharing the main model's embedding and LM head.
#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

namespace {

// The three attention-block types of DeepseekV4Config.layer_types.
enum class V4Block { Sliding, CompressedSparse, HeavilyCompressed };

struct V4Shapes {
  std::int64_t hidden = 0, heads = 0, head_dim = 0, q_lora_rank = 0, o_groups = 0, o_lora_rank = 0;
  std::int64_t hc_mult = 0, index_heads = 0, index_head_dim = 0, index_top_k = 0, window = 0;
  std::int64_t csa_ratio = 4, hca_ratio = 128;  // DeepseekV4Config.default_compress_rates
};

void add(Layer& layer, Component component, std::string name, std::vector<std::int64_t> shape) {
  layer.extra.push_back({component, std::move(name), std::move(shape)});
}

// Softmax attention with one shared K=V head (kv_proj), low-rank queries, a grouped low-rank output
// projection and a learned sink per head; CSA/HCA layers add their compressor (and CSA its lightning
// indexer). The reader records the sizes; analysis/params.cpp (compressed_attention_tensors) lists the
// tensors. Only the hyper-connections are family-specific tensors (Layer::extra).
Layer make_block(const V4Shapes& s, V4Block block) {
  Layer layer;
  layer.mixer = MixerKind::CompressedAttention;
  AttentionSpec& a = layer.attention;
  a.num_heads = s.heads;
  a.num_kv_heads = 1;
  a.head_dim = a.value_head_dim = s.head_dim;
  a.keys_are_values = true;
  a.sinks = true;
  a.q_lora_rank = s.q_lora_rank;
  a.o_groups = s.o_groups;
  a.o_lora_rank = s.o_lora_rank;
  a.span = AttentionSpan::SlidingWindow;
  a.window = s.window;
  const std::int64_t h = s.hidden;
  if (block == V4Block::CompressedSparse) {
    a.compress_ratio = s.csa_ratio;
    a.compressed_top_k = s.index_top_k;
    a.indexer_heads = s.index_heads;
    a.indexer_head_dim = s.index_head_dim;
  } else if (block == V4Block::HeavilyCompressed) {
    a.compress_ratio = s.hca_ratio;
  }
  // Manifold-constrained hyper-connections around attention and FFN: each projects the hc_mult
  // residual streams (hc_mult × hidden) to pre (hc), post (hc) and comb (hc × hc) weights.
  const std::int64_t hc = s.hc_mult, mixes = (2 + hc) * hc;
  for (const char* site : {"attn_hc", "ffn_hc"}) {
    add(layer, Component::Other, fmt::format("{}.fn", site), {mixes, hc * h});
    add(layer, Component::Other, fmt::format("{}.base", site), {mixes});
    add(layer, Component::Other, fmt::format("{}.scale", site), {3});
  }
  return layer;
}

// The hyper-head that collapses the hc_mult streams before the final norm (DeepseekV4HyperHead).
void add_hc_head(std::vector<TensorSpec>& out, const std::string& prefix, std::int64_t hc,
                 std::int64_t hidden) {
  out.push_back({Component::Other, prefix + "hc_fn", {hc, hc * hidden}});
  out.push_back({Component::Other, prefix + "hc_base", {hc}});
  out.push_back({Component::Other, prefix + "hc_scale", {1}});
}

// Block type per layer: layer_types when given, else the legacy compress_ratios list (0 sliding,
// the CSA rate, the HCA rate), as DeepseekV4Config.__post_init__ folds it.
std::vector<V4Block> read_blocks(ConfigView& config, const V4Shapes& s, std::size_t count) {
  std::vector<V4Block> blocks;
  // By hand: V4's kinds are compressed-attention blocks (not spans), and compress_ratios is the fallback.
  const auto types = config.string_list_named("layer_types");
  if (!types.empty()) {
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (types[i] == "sliding_attention")
        blocks.push_back(V4Block::Sliding);
      else if (types[i] == "compressed_sparse_attention")
        blocks.push_back(V4Block::CompressedSparse);
      else if (types[i] == "heavily_compressed_attention")
        blocks.push_back(V4Block::HeavilyCompressed);
      else
        config.fail(fmt::format("layer_types[{}]", i),
                    fmt::format("unknown DeepSeek V4 layer type \"{}\"", types[i]));
    }
    config.note_source("layer mix", "layer_types");
  } else {
    const auto ratios = config.int_list_named("compress_ratios");
    if (ratios.size() < count) {
      config.fail("compress_ratios", fmt::format("expected at least {} entries (num_hidden_layers), got {}",
                                                 count, ratios.size()));
      return {};
    }
    for (std::size_t i = 0; i < ratios.size(); ++i) {
      if (ratios[i] == 0)
        blocks.push_back(V4Block::Sliding);
      else if (ratios[i] == s.csa_ratio)
        blocks.push_back(V4Block::CompressedSparse);
      else if (ratios[i] == s.hca_ratio)
        blocks.push_back(V4Block::HeavilyCompressed);
      else
        config.fail(
            fmt::format("compress_ratios[{}]", i),
            fmt::format("expected 0, {} (CSA) or {} (HCA), got {}", s.csa_ratio, s.hca_ratio, ratios[i]));
    }
    config.note_source("layer mix", "compress_ratios (0 sliding, 4 CSA, 128 HCA)");
  }
  if (blocks.size() < count && config.ok())
    config.fail("layer_types",
                fmt::format("expected {} entries (num_hidden_layers), got {}", count, blocks.size()));
  return blocks;
}

}  // namespace

// DeepSeek V4: every layer is sliding-window MQA with K = V (window sliding_window), and most add
// compressed attention over the whole context: CSA (one entry per 4 tokens, an indexer picks
// index_topk) or HCA (one entry per 128 tokens, all attended). Residuals run as hc_mult
// hyper-connection streams. Every layer is MoE with one shared expert; the first num_hash_layers route
// by a fixed token-id table (tid2eid, an integer buffer, not a parameter) and have no correction bias.
void read_deepseek_v4(ConfigView& config, Model& model) {
  V4Shapes s;
  s.hidden = model.hidden_size;
  s.heads = config.require_int(Key::NumHeads);
  s.head_dim = config.require_int(Key::HeadDim);
  s.q_lora_rank = config.require_int(Key::QLoraRank);
  s.o_groups = config.int_named("o_groups", 8, 1, 1 << 16);
  s.o_lora_rank = config.int_named("o_lora_rank", 1024, 1, 1 << 20);
  s.hc_mult = config.int_named("hc_mult", 4, 1, 64);
  s.index_heads = config.int_named("index_n_heads", 64, 1, 1 << 16);
  s.index_head_dim = config.int_named("index_head_dim", 128, 1, 1 << 16);
  s.index_top_k = config.int_named("index_topk", 512, 1, 1 << 30);
  s.window = config.require_int(Key::SlidingWindow);
  s.csa_ratio = config.int_named("compress_rates.compressed_sparse_attention",
                                 config.int_named("compress_rate_csa", s.csa_ratio, 1, 1 << 20), 1, 1 << 20);
  s.hca_ratio = config.int_named("compress_rates.heavily_compressed_attention",
                                 config.int_named("compress_rate_hca", s.hca_ratio, 1, 1 << 20), 1, 1 << 20);
  if (s.o_groups > 0 && (s.heads * s.head_dim) % s.o_groups != 0)
    config.fail("o_groups", fmt::format("expected a divisor of num_attention_heads × head_dim ({})",
                                        s.heads * s.head_dim));
  const std::int64_t layers = config.require_int(Key::NumLayers);
  if (!config.ok()) return;
  const auto blocks = read_blocks(config, s, static_cast<std::size_t>(layers));
  if (!config.ok()) return;

  FeedForwardSpec moe = read_moe_ffn(config);
  moe.activation = "silu (clamped at swiglu_limit)";
  moe.router_correction_bias = true;  // DeepseekV4TopKRouter.e_score_correction_bias
  FeedForwardSpec hash_moe = moe;
  hash_moe.router_correction_bias = false;  // DeepseekV4HashRouter: weight and tid2eid only
  const std::int64_t hash_layers =
      config.int_named("num_hash_layers", 3, 0, 1 << 16);  // default_num_hash_layers

  // mlp_layer_types ("hash_moe" / "moe") when given, else the first num_hash_layers are hash-routed.
  const auto mlp_types = config.string_list_named("mlp_layer_types");
  if (!mlp_types.empty() && mlp_types.size() != static_cast<std::size_t>(layers)) {
    config.fail("mlp_layer_types",
                fmt::format("expected {} entries (num_hidden_layers), got {}", layers, mlp_types.size()));
    return;
  }
  std::int64_t hashed_count = 0;
  for (std::int64_t i = 0; i < layers; ++i) {
    Layer layer = make_block(s, blocks[static_cast<std::size_t>(i)]);
    const bool hashed =
        mlp_types.empty() ? i < hash_layers : mlp_types[static_cast<std::size_t>(i)] == "hash_moe";
    hashed_count += hashed ? 1 : 0;
    layer.ffn = hashed ? hash_moe : moe;
    model.layers.push_back(std::move(layer));
  }
  add_hc_head(model.extra, "model.hc_head.", s.hc_mult, s.hidden);

  // MTP: layer num_hidden_layers + i takes compress_ratios[num_hidden_layers + i] (0 in both
  // checkpoints: sliding only, no indexer) and a learned router.
  const std::int64_t mtp = config.int_or(Key::NumMtpLayers, 0);
  for (std::int64_t i = 0; i < mtp; ++i) {
    const std::size_t at = static_cast<std::size_t>(layers + i);
    Layer layer = make_block(s, at < blocks.size() ? blocks[at] : V4Block::Sliding);
    layer.ffn = moe;
    const std::int64_t h = s.hidden;
    add(layer, Component::Mtp, "enorm.weight", {h});
    add(layer, Component::Mtp, "hnorm.weight", {h});
    add(layer, Component::Mtp, "e_proj.weight", {h, h});
    add(layer, Component::Mtp, "h_proj.weight", {h, h});
    add(layer, Component::Mtp, "norm.weight", {h});
    add_hc_head(layer.extra, "hc_head_", s.hc_mult, h);
    model.mtp_layers.push_back(std::move(layer));
  }

  config.note_source("hash-routed layers", mlp_types.empty() ? "num_hash_layers" : "mlp_layer_types");
  model.notes.push_back(fmt::format(
      "DeepSeek V4: {} layers route experts by token id (hash MoE); their tid2eid table is an integer "
      "buffer and is not counted",
      hashed_count));
  model.notes.push_back(fmt::format(
      "DeepSeek V4: residual stream widened to hc_mult = {} hyper-connection streams (attn_hc / ffn_hc per "
      "layer, hc_head at the top), counted under 'other'",
      s.hc_mult));
  model.notes.push_back(
      "DeepSeek V4 KV per token: the sliding-window K=V vector (head_dim, window not applied) plus head_dim "
      "/ "
      "compress_ratio for the compressed entries; the CSA indexer's compressed keys are left out");
}

}  // namespace llmg
