#include "analysis/memory.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "analysis/facts.h"
#include "analysis/params.h"

namespace llmg {

namespace {

constexpr NumberFormat kFormats[] = {{"bf16", 16}, {"fp16", 16}, {"fp8", 8}, {"int8", 8}, {"int4", 4}};

// Sizes are summed in 128 bits and checked against int64 once at the end (issue 17, case 05): inside
// the documented limits (context 2^32, batch 2^20, 4096 layers, 2^33 values per token) every
// intermediate stays below 2^110.
using Wide = __int128;
constexpr Wide kMaxBytes = INT64_MAX;

// Bytes for `values` elements of `bits` each (rounded up to whole bytes).
Wide bytes_of(Wide values, int bits) { return (values * bits + 7) / 8; }

// Compressed entries a compressed-attention layer holds at this context (DeepSeek V4: one per
// compress_ratio tokens, for the whole context).
std::int64_t compressed_entries(const Layer& layer, std::int64_t context) {
  if (layer.mixer != MixerKind::CompressedAttention || layer.attention.compress_ratio <= 0) return 0;
  return context / layer.attention.compress_ratio;
}

// Cache slots a layer holds: tokens (window or chunk applied) plus compressed entries.
std::int64_t tokens_kept(const Layer& layer, std::int64_t context) {
  const std::int64_t compressed = compressed_entries(layer, context);
  if (layer.attention.span == AttentionSpan::Full) return context + compressed;
  return std::min(context, layer.attention.window) + compressed;  // at most one window
}

// Cached values a layer holds at this context.
Wide kv_values_held(const Layer& layer, std::int64_t context) {
  // Compressed attention caches head_dim values (K = V) per slot, window and compressed alike.
  if (layer.mixer == MixerKind::CompressedAttention) return Wide{layer.attention.head_dim} * tokens_kept(layer, context);
  return Wide{kv_values_per_token(layer)} * tokens_kept(layer, context);
}

// Slots one query attends to: what is kept, except that a sparse indexer picks compressed_top_k
// compressed entries.
std::int64_t tokens_attended(const Layer& layer, std::int64_t context) {
  // MiniMax Sparse Attention: indexer_top_k blocks of sparse_block_size tokens.
  if (const AttentionSpec& a = layer.attention; a.sparse_block_size > 0 && a.indexer_top_k > 0)
    return std::min(tokens_kept(layer, context), a.indexer_top_k * a.sparse_block_size);
  const std::int64_t compressed = compressed_entries(layer, context);
  const std::int64_t top_k = layer.attention.compressed_top_k;
  return tokens_kept(layer, context) - compressed + (top_k > 0 ? std::min(compressed, top_k) : compressed);
}

// Attention FLOPs per query token at position `kept` (QKᵀ and AV): 2 × 2 × heads × head_dim × kept.
double attention_flops(const Layer& layer, std::int64_t kept) {
  const AttentionSpec& a = layer.attention;
  return 2.0 * static_cast<double>(a.num_heads) * static_cast<double>(a.head_dim + a.value_head_dim) *
         static_cast<double>(kept);
}

}  // namespace

Result<NumberFormat> number_format(std::string_view name, std::string_view argument) {
  for (const NumberFormat& format : kFormats)
    if (format.name == name) return format;
  return bad_input(fmt::format("argument '{} {}': expected one of bf16, fp16, fp8, int8, int4", argument, name));
}

namespace {

// Mamba-2's state per sequence: head_dim × d_state per head (fp32) and the conv window over x, B and C.
std::int64_t mamba2_state_bytes(const RecurrentSpec& r) {
  const std::int64_t inner = r.num_heads * r.value_head_dim;
  const std::int64_t state = inner * r.state_size;
  const std::int64_t conv_channels = inner + 2 * r.num_groups * r.state_size;
  return state * kStateBytes + conv_channels * std::max<std::int64_t>(r.conv_kernel - 1, 0) * kConvStateBytes;
}

}  // namespace

std::int64_t recurrent_state_bytes(const Layer& layer) {
  const RecurrentSpec& r = layer.recurrent;
  // Falcon-H1: the attention's KV cache (kv_values_per_token) plus the parallel Mamba-2's state.
  if (layer.parallel_mamba2) return mamba2_state_bytes(r);
  switch (layer.mixer) {
    case MixerKind::GatedDeltaNet:
    case MixerKind::KimiDeltaAttention: {
      // State: one key_head_dim × value_head_dim matrix per value head; conv over q, k and v channels.
      const std::int64_t state = r.num_heads * r.key_head_dim * r.value_head_dim;
      const std::int64_t conv_channels = 2 * r.num_key_heads * r.key_head_dim + r.num_heads * r.value_head_dim;
      return state * kStateBytes + conv_channels * std::max<std::int64_t>(r.conv_kernel - 1, 0) * kConvStateBytes;
    }
    case MixerKind::Mamba2: return mamba2_state_bytes(r);
    case MixerKind::Mamba:
      // Mamba-1: an inner × d_state SSM state; the conv runs over the inner channels only.
      return r.inner_size * r.state_size * kStateBytes +
             r.inner_size * std::max<std::int64_t>(r.conv_kernel - 1, 0) * kConvStateBytes;
    case MixerKind::LightningAttention:
    case MixerKind::MLSTM: {
      // A key_head_dim × value_head_dim matrix per head (plus normaliser vectors, negligible).
      return r.num_heads * r.key_head_dim * r.value_head_dim * kStateBytes;
    }
    case MixerKind::ShortConv:
      // The conv window at the model dtype: conv_kernel (L_cache) positions per channel, as transformers'
      // Lfm2HybridConvCache keeps them (conv_states of shape [batch, hidden, L_cache]).
      return r.conv_channels * r.conv_kernel * kConvStateBytes;
    case MixerKind::Rwkv4:
      // RwkvSelfAttention's state per channel: the WKV numerator, denominator and max at fp32, and the
      // two token-shift vectors (time mixing, channel mixing) at the model dtype.
      return r.value_head_dim * (3 * kStateBytes + 2 * kConvStateBytes);
    case MixerKind::RgLru:
      // The RG-LRU hidden state at fp32 (transformers keeps it in float32) and the conv window
      // (conv_kernel − 1 positions) at the model dtype.
      return r.conv_channels * kStateBytes +
             r.conv_channels * std::max<std::int64_t>(r.conv_kernel - 1, 0) * kConvStateBytes;
    case MixerKind::None:  // softmax attention keeps a KV cache instead (kv_values_per_token)
    case MixerKind::Attention:
    case MixerKind::LatentAttention:
    case MixerKind::CompressedAttention: return 0;
  }
  return 0;
}

Result<MemoryReport> memory_report(const Model& model, const MemoryQuery& query) {
  auto counts = count_parameters(model);
  if (!counts) return tl::unexpected(counts.error());
  return memory_report(model, query, *counts);
}

Result<MemoryReport> memory_report(const Model& model, const MemoryQuery& query, const ParameterCounts& counts) {
  if (model.loop_count > 1) {
    // Looped depth: the stack runs loop_count times, each pass with its own KV cache and its own
    // attention and weight FLOPs; the weights are stored once (counts.total).
    const Model passes = unrolled_passes(model);
    auto pass_counts = count_parameters(passes);
    if (!pass_counts) return tl::unexpected(pass_counts.error());
    auto report = memory_report(passes, query, counts);
    if (!report) return report;
    const double repeated = static_cast<double>(pass_counts->active - counts.active);  // weights run again
    report->decode_flops_per_token += 2.0 * repeated;
    report->prefill_flops += 2.0 * repeated * static_cast<double>(query.context);
    for (LayerMemory& group : report->by_kind) group.layers /= model.loop_count;  // layers, not passes
    return report;
  }
  if (query.context <= 0) return bad_input("argument '--context': expected a positive number of tokens");
  if (query.batch <= 0) return bad_input("argument '--batch': expected a positive number of sequences");
  if (query.context > (1LL << 32) || query.batch > (1 << 20))
    return bad_input("argument '--context' or '--batch': too large (at most 4G tokens and 1M sequences)");
  MemoryReport report;
  report.query = query;
  double decode_attention = 0, prefill_attention = 0;
  std::vector<Wide> group_kv, group_state;  // per group of report.by_kind, one sequence
  Wide naive_kv = 0, mla_expanded_kv = 0;
  for (const Layer& layer : model.layers) {
    const std::string kind = layer_mixer_key(layer);
    auto group = std::find_if(report.by_kind.begin(), report.by_kind.end(),
                              [&](const LayerMemory& g) { return g.kind == kind; });
    if (group == report.by_kind.end()) {
      report.by_kind.push_back({kind});
      group_kv.push_back(0);
      group_state.push_back(0);
      group = std::prev(report.by_kind.end());
    }
    const auto g = static_cast<std::size_t>(group - report.by_kind.begin());
    ++group->layers;
    const std::int64_t values = kv_values_per_token(layer);
    if (values > 0) {
      const std::int64_t kept = tokens_kept(layer, query.context);
      group->tokens_kept = kept;
      group_kv[g] += bytes_of(kv_values_held(layer, query.context), query.kv.bits);
      naive_kv += bytes_of(Wide{values} * query.context, query.kv.bits);
      if (layer.mixer == MixerKind::LatentAttention) {
        const AttentionSpec& a = layer.attention;
        mla_expanded_kv += bytes_of(Wide{a.num_heads} * (a.head_dim + a.value_head_dim) * kept, query.kv.bits);
      }
    }
    if (layer.is_softmax_attention()) {
      const std::int64_t kept = tokens_attended(layer, query.context);
      decode_attention += attention_flops(layer, kept);
      // Prefill: position p attends to min(p, window) tokens; sum over p = 1..L.
      const double L = static_cast<double>(query.context);
      double w = static_cast<double>(layer.attention.span == AttentionSpan::Full ? query.context
                                                                                  : layer.attention.window);
      if (const AttentionSpec& a = layer.attention; a.sparse_block_size > 0 && a.indexer_top_k > 0)
        w = std::min(w, static_cast<double>(a.indexer_top_k * a.sparse_block_size));  // MSA: top-k blocks
      const double attended = w >= L ? L * (L + 1) / 2 : w * (w + 1) / 2 + (L - w) * w;
      prefill_attention += attention_flops(layer, 1) * attended;
      if (const std::int64_t ratio = layer.attention.compress_ratio;
          layer.mixer == MixerKind::CompressedAttention && ratio > 0) {
        // Position p also attends to min(top_k, p / ratio) compressed entries (continuous estimate).
        const double m = static_cast<double>(ratio);
        const double k = layer.attention.compressed_top_k > 0 ? static_cast<double>(layer.attention.compressed_top_k)
                                                               : L;
        const double saturates = k * m;  // position from which the indexer's top_k caps the entries
        const double compressed = L <= saturates ? L * L / (2 * m) : saturates * saturates / (2 * m) + (L - saturates) * k;
        prefill_attention += attention_flops(layer, 1) * compressed;
      }
    }
    group_state[g] += recurrent_state_bytes(layer);
  }
  Wide kv = 0, state = 0;
  for (std::size_t g = 0; g < report.by_kind.size(); ++g) {
    group_kv[g] *= query.batch;
    group_state[g] *= query.batch;
    kv += group_kv[g];
    state += group_state[g];
  }
  naive_kv *= query.batch;
  mla_expanded_kv *= query.batch;
  const Wide weights = bytes_of(counts.total, query.weights.bits);
  const Wide total = weights + kv + state;
  if (weights > kMaxBytes)
    return bad_input(fmt::format("argument '--weights {}': the weights would exceed 8 EiB (2^63 bytes)",
                                 query.weights.name));
  if (total > kMaxBytes || naive_kv > kMaxBytes || mla_expanded_kv > kMaxBytes)
    return bad_input(fmt::format("argument '--context {}' or '--batch {}': the cache would exceed 8 EiB (2^63 bytes) "
                                 "with the weights; a smaller context or batch answers",
                                 query.context, query.batch));
  for (std::size_t g = 0; g < report.by_kind.size(); ++g) {
    report.by_kind[g].kv_bytes = static_cast<std::int64_t>(group_kv[g]);
    report.by_kind[g].state_bytes = static_cast<std::int64_t>(group_state[g]);
  }
  report.kv_bytes = static_cast<std::int64_t>(kv);
  report.state_bytes = static_cast<std::int64_t>(state);
  report.naive_kv_bytes = static_cast<std::int64_t>(naive_kv);
  report.mla_expanded_kv_bytes = static_cast<std::int64_t>(mla_expanded_kv);
  report.weight_bytes = static_cast<std::int64_t>(weights);
  report.total_bytes = static_cast<std::int64_t>(total);
  // 2 FLOPs per multiply-add of every active weight, plus attention over the cached tokens.
  report.decode_flops_per_token = 2.0 * static_cast<double>(counts.active) + decode_attention;
  report.prefill_flops = 2.0 * static_cast<double>(counts.active) * static_cast<double>(query.context) +
                         prefill_attention;
  return report;
}

std::vector<AcceleratorFit> accelerator_fits(std::int64_t total_bytes) {
  struct Card {
    const char* name;
    std::int64_t gigabytes;
  };
  // Memory as sold (decimal GB): consumer 24 GB, H100/A100 80 GB, H200 141 GB, B200/MI300X 192 GB.
  static const Card kCards[] = {{"24 GB (RTX 4090 class)", 24},
                                {"80 GB (H100 / A100)", 80},
                                {"141 GB (H200)", 141},
                                {"192 GB (B200 / MI300X)", 192}};
  std::vector<AcceleratorFit> fits;
  for (const Card& card : kCards) {
    AcceleratorFit fit{card.name, card.gigabytes * 1'000'000'000LL, std::nullopt};
    for (int count : {1, 2, 4, 8})
      if (fit.memory_bytes * count >= total_bytes) {
        fit.count = count;
        break;
      }
    fits.push_back(fit);
  }
  return fits;
}

Result<std::int64_t> parse_token_count(std::string_view text, std::string_view argument) {
  std::int64_t multiplier = 1;
  std::string_view digits = text;
  if (!digits.empty() && (digits.back() == 'k' || digits.back() == 'K')) {
    multiplier = 1024;
    digits.remove_suffix(1);
  } else if (!digits.empty() && (digits.back() == 'm' || digits.back() == 'M')) {
    multiplier = 1024 * 1024;
    digits.remove_suffix(1);
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || value <= 0 || value > (1LL << 32) / multiplier)
    return bad_input(fmt::format("argument '{} {}': expected a positive token count such as 8192, 128k or 1M",
                                 argument, text));
  return value * multiplier;
}

}  // namespace llmg
