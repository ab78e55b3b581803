#include "analysis/engine_memory.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "analysis/facts.h"

namespace llmg {

namespace {

std::int64_t pad_to(std::int64_t n, std::int64_t multiple) {
  return (n + multiple - 1) / multiple * multiple;
}
std::int64_t cdiv(std::int64_t a, std::int64_t b) {
  return (a + b - 1) / b;
}

// ---- the rule tables --------------------------------------------------------------------------------

// llama.cpp (ggml-org/llama.cpp; the sizes were checked against its own cache log, see
// tests/test_engine_memory.cpp): src/llama-context.cpp (n_ctx, n_ctx_seq, n_batch, n_ubatch),
// src/llama-kv-cache.cpp (K/V tensors: n_embd_k_gqa × kv_size × n_stream), src/llama-kv-cache-iswa.cpp
// (the SWA cache size), src/llama-memory-recurrent.cpp + src/llama-hparams.cpp (n_embd_r, n_embd_s),
// src/llama-model.cpp create_memory (recurrent state GGML_TYPE_F32), common/common.h (defaults).
constexpr EngineRule kLlamaCppRules[] = {
    {EngineLayerClass::NoCache, "llama.cpp.none", "no cache", "src/llama-kv-cache.cpp (layer filtered out)"},
    {EngineLayerClass::Full, "llama.cpp.full",
     "n_ctx_seq cells × n_stream; n_ctx = PAD(context × n_seq_max, 256), "
     "n_ctx_seq = PAD(n_ctx / n_seq_max, 256) (unified: n_ctx)",
     "src/llama-context.cpp, src/llama-kv-cache.cpp"},
    {EngineLayerClass::Sliding, "llama.cpp.swa",
     "PAD(min(n_ctx_seq, window × (kv_unified ? n_seq_max : 1) + n_ubatch), 256) cells × n_stream; swa_full: "
     "n_ctx_seq",
     "src/llama-kv-cache-iswa.cpp"},
    {EngineLayerClass::Chunked, "llama.cpp.swa_chunked",
     "as SWA: PAD(min(n_ctx_seq, chunk × (kv_unified ? n_seq_max : 1) + n_ubatch), 256) cells × n_stream",
     "src/llama-kv-cache-iswa.cpp (LLAMA_SWA_TYPE_CHUNKED uses the same cache)"},
    {EngineLayerClass::Latent, "llama.cpp.mla",
     "K only (kv_lora_rank + qk_rope_head_dim per cell, V read from K), n_ctx_seq cells × n_stream",
     "src/llama-kv-cache.cpp (has_v = !is_mla; not measured by the oracle)"},
    {EngineLayerClass::LatentSliding, "llama.cpp.mla_swa", "K only, SWA cell count",
     "src/llama-kv-cache.cpp, src/llama-kv-cache-iswa.cpp (not measured by the oracle)"},
    {EngineLayerClass::Mamba2, "llama.cpp.recurrent_f32",
     "max(1, n_seq_max) × f32 × ((d_conv − 1)(d_inner + 2·n_group·d_state) + d_state·d_inner)",
     "src/llama-memory-recurrent.cpp, src/llama-hparams.cpp n_embd_r/n_embd_s, src/llama-model.cpp "
     "create_memory"},
    {EngineLayerClass::GatedDeltaNet, "llama.cpp.recurrent_f32",
     "max(1, n_seq_max) × f32 × ((d_conv − 1)(2·key_dim + value_dim) + V heads · k_dim · v_dim)",
     "src/llama-memory-recurrent.cpp, src/llama-hparams.cpp n_embd_r/n_embd_s (qwen35/qwen3next)"},
    {EngineLayerClass::OtherRecurrent, "logical", "no llama.cpp rule: the logical state",
     "analysis/memory.cpp"},
    {EngineLayerClass::Compressed, "logical", "no llama.cpp rule: the logical KV", "analysis/memory.cpp"},
};

// vLLM (vllm-project/vllm, V1 engine): vllm/v1/kv_cache_interface.py (FullAttentionSpec,
// SlidingWindowSpec, ChunkedLocalAttentionSpec, MLAAttentionSpec, MambaSpec: page_size_bytes and
// max_memory_usage_bytes), vllm/v1/core/kv_cache_utils.py (get_kv_cache_groups,
// unify_kv_cache_spec_page_size, _get_kv_cache_groups_uniform_page_size,
// _max_memory_usage_bytes_from_groups), vllm/model_executor/models/config.py
// (HybridAttentionMambaModelConfig: attention block size and Mamba page padding).
constexpr EngineRule kVllmRules[] = {
    {EngineLayerClass::NoCache, "vllm.none", "no KV cache spec", "vllm/v1/kv_cache_interface.py"},
    {EngineLayerClass::Full, "vllm.full_attention",
     "cdiv(max_model_len, block_size) blocks × block_size × kv_heads × (head_size + head_size_v) × dtype",
     "vllm/v1/kv_cache_interface.py FullAttentionSpec"},
    {EngineLayerClass::Sliding, "vllm.sliding_window",
     "(cdiv(min(window − 1 + max_num_batched_tokens, max_model_len), block_size) + 1) blocks",
     "vllm/v1/kv_cache_interface.py SlidingWindowSpec"},
    {EngineLayerClass::Chunked, "vllm.chunked_local",
     "cdiv(min(chunk + max_num_batched_tokens, max_model_len), block_size) blocks",
     "vllm/v1/kv_cache_interface.py ChunkedLocalAttentionSpec"},
    {EngineLayerClass::Latent, "vllm.mla",
     "cdiv(max_model_len, block_size) blocks × block_size × (kv_lora_rank + qk_rope_head_dim) × dtype",
     "vllm/v1/kv_cache_interface.py MLAAttentionSpec"},
    {EngineLayerClass::LatentSliding, "vllm.mla_sliding_window", "MLA page, sliding-window block count",
     "vllm/v1/kv_cache_interface.py MLAAttentionSpec, SlidingWindowSpec"},
    {EngineLayerClass::Mamba2, "vllm.mamba",
     "one page per sequence: conv (bf16) + SSM state (fp32, as the logical figure; vLLM takes the SSM dtype "
     "from "
     "mamba_ssm_cache_dtype), padded to the attention page",
     "vllm/v1/kv_cache_interface.py MambaSpec; vllm/model_executor/models/config.py "
     "HybridAttentionMambaModelConfig; "
     "vllm/model_executor/layers/mamba/mamba_utils.py"},
    {EngineLayerClass::GatedDeltaNet, "vllm.mamba",
     "one page per sequence: conv + delta-rule state (as the logical figure), padded to the attention page",
     "vllm/v1/kv_cache_interface.py MambaSpec; vllm/model_executor/models/config.py "
     "HybridAttentionMambaModelConfig; "
     "vllm/model_executor/layers/mamba/mamba_utils.py"},
    {EngineLayerClass::OtherRecurrent, "logical", "no vLLM rule: the logical state", "analysis/memory.cpp"},
    {EngineLayerClass::Compressed, "logical", "no vLLM rule: the logical KV", "analysis/memory.cpp"},
};

const EngineRule& rule_for(Engine engine, EngineLayerClass layer_class) {
  for (const EngineRule& rule : engine_rules(engine))
    if (rule.layer_class == layer_class) return rule;
  return engine_rules(engine)[0];  // every class has a row (tested)
}

// ---- cache element types ------------------------------------------------------------------------------

// A cache element type as the engine stores it: bytes per block of `block` values.
struct CacheType {
  std::string_view name;
  std::int64_t block = 1;
  std::int64_t block_bytes = 2;
  std::int64_t row_bytes(std::int64_t values) const { return values / block * block_bytes; }
};

// llama.cpp -ctk/-ctv for our --kv-dtype names (ggml.c type traits: q8_0 34 B / 32, q4_0 18 B / 32).
Result<CacheType> llama_cpp_cache_type(const NumberFormat& format) {
  struct Row {
    std::string_view ours;
    CacheType type;
  };
  static constexpr Row kRows[] = {{"fp16", {"f16", 1, 2}},
                                  {"bf16", {"bf16", 1, 2}},
                                  {"int8", {"q8_0", 32, 34}},
                                  {"int4", {"q4_0", 32, 18}}};
  for (const Row& row : kRows)
    if (row.ours == format.name) return row.type;
  return bad_input(
      fmt::format("argument '--kv-dtype {}': llama.cpp has no such K/V cache type (fp16 = f16, bf16, "
                  "int8 = q8_0, int4 = q4_0)",
                  format.name));
}

// vLLM kv_cache_dtype: "auto" (the model dtype: bf16/fp16) or fp8 (fp8_e4m3 / fp8_e5m2, 1 byte).
Result<CacheType> vllm_cache_type(const NumberFormat& format) {
  if (format.name == "bf16") return CacheType{"bfloat16", 1, 2};
  if (format.name == "fp16") return CacheType{"float16", 1, 2};
  if (format.name == "fp8") return CacheType{"fp8", 1, 1};
  return bad_input(fmt::format(
      "argument '--kv-dtype {}': vLLM's kv_cache_dtype has no such type (bf16, fp16, fp8)", format.name));
}

// K and V values per cached token of an attention layer (V = 0 when K = V).
std::int64_t k_values(const Layer& layer) {
  const AttentionSpec& a = layer.attention;
  if (layer.mixer == MixerKind::LatentAttention) return a.kv_lora_rank + a.qk_rope_head_dim;
  return a.num_kv_heads * a.head_dim;
}
std::int64_t v_values(const Layer& layer) {
  const AttentionSpec& a = layer.attention;
  if (layer.mixer == MixerKind::LatentAttention || a.keys_are_values) return 0;
  return a.num_kv_heads * a.value_head_dim;
}

// Recurrent state elements per layer and sequence: (conv window, matrix state).
std::pair<std::int64_t, std::int64_t> recurrent_elements(const Layer& layer) {
  const RecurrentSpec& r = layer.recurrent;
  const std::int64_t taps = std::max<std::int64_t>(r.conv_kernel - 1, 0);
  if (layer.mixer == MixerKind::Mamba2) {
    const std::int64_t inner = r.num_heads * r.value_head_dim;
    return {taps * (inner + 2 * r.num_groups * r.state_size), r.state_size * inner};
  }
  if (layer.mixer == MixerKind::Mamba) return {taps * r.inner_size, r.state_size * r.inner_size};
  // Gated DeltaNet: conv over q, k (key heads × key dim each) and v (value heads × value dim).
  return {taps * (2 * r.num_key_heads * r.key_head_dim + r.num_heads * r.value_head_dim),
          r.num_heads * r.key_head_dim * r.value_head_dim};
}

EngineKindMemory& kind_of(EngineMemory& out, const std::string& kind) {
  auto it = std::find_if(out.by_kind.begin(), out.by_kind.end(),
                         [&](const EngineKindMemory& k) { return k.kind == kind; });
  if (it != out.by_kind.end()) return *it;
  EngineKindMemory added;
  added.kind = kind;
  out.by_kind.push_back(added);
  return out.by_kind.back();
}

// ---- llama.cpp ----------------------------------------------------------------------------------------

Result<EngineMemory> llama_cpp_memory(const Model& model, const MemoryQuery& query,
                                      const EngineSettings& settings) {
  EngineMemory out;
  out.engine = Engine::LlamaCpp;
  auto type = llama_cpp_cache_type(settings.kv.value_or(NumberFormat{"fp16", 16}));
  if (!type) return tl::unexpected(type.error());
  out.kv_type = std::string(type->name);
  const std::int64_t n_seq = settings.parallel.value_or(query.batch);
  if (n_seq < query.batch)
    return bad_input(
        fmt::format("argument '--parallel {}': fewer sequences than --batch {}", n_seq, query.batch));
  const std::int64_t ubatch = settings.ubatch.value_or(512);  // common/common.h n_ubatch
  if (ubatch <= 0)
    return bad_input(fmt::format("argument '--ubatch {}': expected a positive token count", ubatch));
  // src/llama-context.cpp: -c is the total over all sequences; n_batch = min(n_ctx, n_batch) before the
  // padding (causal attention), n_ubatch = min(n_batch, n_ubatch); n_ctx padded to 256; without a
  // unified cache each sequence gets its own stream of n_ctx_seq cells.
  const std::int64_t requested = query.context * n_seq;
  const std::int64_t n_batch = std::min<std::int64_t>(requested, 2048);  // common/common.h n_batch 2048
  const std::int64_t n_ubatch = std::min(n_batch, ubatch);
  const std::int64_t n_ctx = pad_to(requested, 256);
  const std::int64_t n_ctx_seq = settings.kv_unified ? n_ctx : pad_to(n_ctx / n_seq, 256);
  const std::int64_t n_stream = settings.kv_unified ? 1 : n_seq;
  const std::int64_t swa_streams = settings.kv_unified ? n_seq : 1;
  out.settings = {{"n_ctx", settings.kv_unified ? n_ctx : n_ctx_seq * n_seq},
                  {"n_ctx_seq", n_ctx_seq},
                  {"n_seq_max", n_seq},
                  {"n_stream", n_stream},
                  {"n_batch", n_batch},
                  {"n_ubatch", n_ubatch},
                  {"swa_full", settings.swa_full ? 1 : 0},
                  {"kv_unified", settings.kv_unified ? 1 : 0}};
  for (const Layer& layer : model.layers) {
    const EngineLayerClass layer_class = engine_layer_class(layer);
    const EngineRule& rule = rule_for(Engine::LlamaCpp, layer_class);
    EngineKindMemory& kind = kind_of(out, layer_mixer_key(layer));
    ++kind.layers;
    kind.rule = std::string(rule.name);
    std::int64_t cells = 0;
    switch (layer_class) {
      case EngineLayerClass::Full:
      case EngineLayerClass::Latent:
        cells = n_ctx_seq;
        break;
      case EngineLayerClass::Sliding:
      case EngineLayerClass::Chunked:
      case EngineLayerClass::LatentSliding:
        cells = settings.swa_full
                    ? n_ctx_seq
                    : pad_to(std::min(n_ctx_seq, layer.attention.window * swa_streams + n_ubatch), 256);
        break;
      case EngineLayerClass::Mamba2:
      case EngineLayerClass::GatedDeltaNet: {
        const auto [conv, state] = recurrent_elements(layer);
        kind.state_bytes += std::max<std::int64_t>(1, n_seq) * (conv + state) * 4;  // GGML_TYPE_F32
        break;
      }
      case EngineLayerClass::OtherRecurrent:
      case EngineLayerClass::Compressed:  // the logical figure, copied per kind below
      case EngineLayerClass::NoCache:
        break;
    }
    if (cells > 0) {
      const std::int64_t k = k_values(layer), v = v_values(layer);
      if (k % type->block != 0 || v % type->block != 0)
        return bad_input(
            fmt::format("argument '--kv-dtype': llama.cpp's {} needs rows of a multiple of {} values "
                        "(this model's K/V rows are {} and {})",
                        type->name, type->block, k, v));
      kind.cells = cells;
      kind.kv_bytes += n_stream * cells * (type->row_bytes(k) + type->row_bytes(v));
    }
  }
  return out;
}

// ---- vLLM ---------------------------------------------------------------------------------------------

// One layer's KV cache spec (vllm/v1/kv_cache_interface.py), after the hybrid adjustments.
struct VllmSpec {
  EngineLayerClass layer_class = EngineLayerClass::Full;
  std::int64_t bytes_per_token = 0;  // attention: page_size_bytes / block_size
  std::int64_t window = 0;           // sliding window or chunk
  std::int64_t block_size = 16;
  std::int64_t state_bytes = 0;  // Mamba: the real page (state) size
  std::int64_t page_padded = 0;  // Mamba: page_size_padded (0 = none)
  bool mamba() const {
    return layer_class == EngineLayerClass::Mamba2 || layer_class == EngineLayerClass::GatedDeltaNet;
  }
  std::int64_t page_bytes() const {
    if (mamba()) return page_padded > 0 ? page_padded : state_bytes;
    return block_size * bytes_per_token;
  }
  // max_memory_usage_bytes for one request of max_model_len tokens.
  std::int64_t max_memory(std::int64_t max_model_len, std::int64_t batched) const {
    switch (layer_class) {
      case EngineLayerClass::Sliding:
      case EngineLayerClass::LatentSliding:
        // SlidingWindowSpec: window − 1 computed tokens + the scheduled ones, + 1 block for the
        // window not starting at a block boundary.
        return (cdiv(std::min(window - 1 + batched, max_model_len), block_size) + 1) * page_bytes();
      case EngineLayerClass::Chunked:
        return cdiv(std::min(window + batched, max_model_len), block_size) * page_bytes();
      case EngineLayerClass::Mamba2:
      case EngineLayerClass::GatedDeltaNet:
        return page_bytes();  // mamba_cache_mode "none": one state
      default:
        return cdiv(max_model_len, block_size) * page_bytes();
    }
  }
  // Same spec = same KV cache group candidate (the dataclass equality the grouping buckets by).
  bool operator==(const VllmSpec&) const = default;
};

Result<EngineMemory> vllm_memory(const Model& model, const MemoryQuery& query,
                                 const EngineSettings& settings) {
  EngineMemory out;
  out.engine = Engine::Vllm;
  if (settings.parallel || settings.swa_full || settings.kv_unified)
    return bad_input(
        "argument '--parallel', '--swa-full' or '--kv-unified': llama.cpp settings; vLLM's "
        "max_num_seqs is --batch");
  auto type = vllm_cache_type(settings.kv.value_or(query.kv));
  if (!type) return tl::unexpected(type.error());
  out.kv_type = std::string(type->name);
  const std::int64_t batched = settings.ubatch.value_or(2048);  // SchedulerConfig max_num_batched_tokens
  if (batched <= 0)
    return bad_input(fmt::format("argument '--ubatch {}': expected a positive token count", batched));
  const std::int64_t max_model_len = query.context;
  // Per-layer specs; layers without a cache (MLP-only, KV shared) have none.
  struct Entry {
    std::size_t layer;
    VllmSpec spec;
  };
  std::vector<Entry> entries;
  std::int64_t attention_token_bytes = 0, mamba_page = 0;
  for (std::size_t i = 0; i < model.layers.size(); ++i) {
    const Layer& layer = model.layers[i];
    VllmSpec spec;
    spec.layer_class = engine_layer_class(layer);
    switch (spec.layer_class) {
      case EngineLayerClass::Full:
      case EngineLayerClass::Sliding:
      case EngineLayerClass::Chunked:
      case EngineLayerClass::Latent:
      case EngineLayerClass::LatentSliding:
        spec.bytes_per_token = type->row_bytes(k_values(layer)) + type->row_bytes(v_values(layer));
        if (spec.layer_class != EngineLayerClass::Full && spec.layer_class != EngineLayerClass::Latent)
          spec.window = layer.attention.window;
        if (attention_token_bytes == 0) attention_token_bytes = spec.bytes_per_token;
        break;
      case EngineLayerClass::Mamba2:
      case EngineLayerClass::GatedDeltaNet:
        spec.state_bytes = recurrent_state_bytes(layer);
        mamba_page = std::max(mamba_page, spec.state_bytes);
        break;
      default:
        continue;  // no cache, or no vLLM rule (logical figure copied per kind below)
    }
    entries.push_back({i, spec});
  }
  // HybridAttentionMambaModelConfig: the attention block size becomes the smallest multiple of 16 whose
  // page holds a Mamba state, and the Mamba page is padded to that attention page.
  std::int64_t block_size = 16;  // platform default when unset (vllm/platforms/cuda.py, rocm.py)
  if (mamba_page > 0 && attention_token_bytes > 0) {
    block_size = 16 * cdiv(mamba_page, 16 * attention_token_bytes);
    for (Entry& e : entries) {
      if (e.spec.mamba())
        e.spec.page_padded = block_size * attention_token_bytes;
      else
        e.spec.block_size = block_size;
    }
    out.notes.push_back(
        fmt::format("hybrid: attention block size {} tokens so that one page ({} B) holds a "
                    "recurrent state ({} B), the state page padded to it",
                    block_size, block_size * attention_token_bytes, mamba_page));
  }
  std::int64_t per_request = 0;
  std::map<std::size_t, std::int64_t> bytes_by_layer;  // attribution to kinds
  const bool uniform =
      std::all_of(entries.begin(), entries.end(), [&](const Entry& e) { return e.spec == entries[0].spec; });
  const bool uniform_type = std::all_of(entries.begin(), entries.end(), [&](const Entry& e) {
    return e.spec.layer_class == entries[0].spec.layer_class && e.spec.window == entries[0].spec.window;
  });
  std::int64_t group_size = 0, groups = 0;
  if (entries.empty()) {
  } else if (uniform || uniform_type) {
    // _get_kv_cache_groups_uniform_spec / _uniform_type: one group, each layer its own pages.
    for (const Entry& e : entries) {
      bytes_by_layer[e.layer] = e.spec.max_memory(max_model_len, batched);
      per_request += bytes_by_layer[e.layer];
    }
    group_size = static_cast<std::int64_t>(entries.size());
    groups = 1;
  } else {
    // unify_kv_cache_spec_page_size: smaller attention pages grow their block size to the largest page.
    std::int64_t max_page = 0;
    for (const Entry& e : entries) max_page = std::max(max_page, e.spec.page_bytes());
    for (Entry& e : entries) {
      if (e.spec.page_bytes() == max_page) continue;
      if (e.spec.mamba() || max_page % e.spec.page_bytes() != 0)
        return bad_input(
            fmt::format("vLLM cannot unify this model's KV page sizes ({} B and {} B): "
                        "kv_cache_utils.unify_kv_cache_spec_page_size raises NotImplementedError",
                        e.spec.page_bytes(), max_page));
      e.spec.block_size *= max_page / e.spec.page_bytes();
    }
    // _get_kv_cache_groups_uniform_page_size: buckets of identical specs, group_size = the smallest
    // bucket (the largest when it is under 1.5 × the smallest), each bucket cut into cdiv(n, group_size)
    // groups; _max_memory_usage_bytes_from_groups: group_size × page × Σ_groups cdiv(max_memory, page).
    std::vector<std::pair<VllmSpec, std::vector<std::size_t>>> buckets;
    for (const Entry& e : entries) {
      auto it =
          std::find_if(buckets.begin(), buckets.end(), [&](const auto& b) { return b.first == e.spec; });
      if (it == buckets.end())
        buckets.push_back({e.spec, {e.layer}});
      else
        it->second.push_back(e.layer);
    }
    std::int64_t min_layers = INT64_MAX, max_layers = 0;
    for (const auto& [spec, layers] : buckets) {
      min_layers = std::min<std::int64_t>(min_layers, static_cast<std::int64_t>(layers.size()));
      max_layers = std::max<std::int64_t>(max_layers, static_cast<std::int64_t>(layers.size()));
    }
    group_size = 2 * max_layers < 3 * min_layers ? max_layers : min_layers;
    for (const auto& [spec, layers] : buckets) {
      const std::int64_t bucket_groups = cdiv(static_cast<std::int64_t>(layers.size()), group_size);
      const std::int64_t bytes =
          bucket_groups * group_size * max_page * cdiv(spec.max_memory(max_model_len, batched), max_page);
      groups += bucket_groups;
      per_request += bytes;
      // Spread the bucket (padding included) over its layers for the per-kind view.
      const std::int64_t n = static_cast<std::int64_t>(layers.size());
      for (std::size_t j = 0; j < layers.size(); ++j)
        bytes_by_layer[layers[j]] = bytes / n + (static_cast<std::int64_t>(j) < bytes % n ? 1 : 0);
    }
    if (groups * group_size > static_cast<std::int64_t>(entries.size()))
      out.notes.push_back(fmt::format("hybrid allocator pads {} layer slot(s) to groups of {}",
                                      groups * group_size - static_cast<std::int64_t>(entries.size()),
                                      group_size));
  }
  out.settings = {{"block_size", block_size},        {"max_model_len", max_model_len},
                  {"max_num_seqs", query.batch},     {"max_num_batched_tokens", batched},
                  {"kv_cache_groups", groups},       {"group_size", group_size},
                  {"bytes_per_request", per_request}};
  for (const Layer& layer : model.layers) {
    const EngineRule& rule = rule_for(Engine::Vllm, engine_layer_class(layer));
    EngineKindMemory& kind = kind_of(out, layer_mixer_key(layer));
    ++kind.layers;
    kind.rule = std::string(rule.name);
  }
  for (const Entry& e : entries) {
    EngineKindMemory& kind = kind_of(out, layer_mixer_key(model.layers[e.layer]));
    const std::int64_t bytes = bytes_by_layer[e.layer] * query.batch;
    if (e.spec.mamba()) {
      kind.state_bytes += bytes;
    } else {
      kind.kv_bytes += bytes;
      kind.cells = e.spec.max_memory(max_model_len, batched) / e.spec.page_bytes() * e.spec.block_size;
    }
  }
  return out;
}

}  // namespace

Result<Engine> engine_by_name(std::string_view name, std::string_view argument) {
  if (name == "llama.cpp" || name == "llamacpp") return Engine::LlamaCpp;
  if (name == "vllm") return Engine::Vllm;
  return bad_input(fmt::format("argument '{} {}': expected llama.cpp or vllm", argument, name));
}

std::string_view engine_name(Engine engine) {
  return engine == Engine::LlamaCpp ? "llama.cpp" : "vllm";
}

std::span<const EngineRule> engine_rules(Engine engine) {
  if (engine == Engine::LlamaCpp) return kLlamaCppRules;
  return kVllmRules;
}

EngineLayerClass engine_layer_class(const Layer& layer) {
  switch (layer.mixer) {
    case MixerKind::Attention:
    case MixerKind::LatentAttention: {
      if (kv_values_per_token(layer) == 0) return EngineLayerClass::NoCache;
      const bool latent = layer.mixer == MixerKind::LatentAttention;
      switch (layer.attention.span) {
        case AttentionSpan::Full:
          return latent ? EngineLayerClass::Latent : EngineLayerClass::Full;
        case AttentionSpan::SlidingWindow:
          return latent ? EngineLayerClass::LatentSliding : EngineLayerClass::Sliding;
        case AttentionSpan::Chunked:
          return latent ? EngineLayerClass::LatentSliding : EngineLayerClass::Chunked;
      }
      return EngineLayerClass::Full;
    }
    case MixerKind::CompressedAttention:
      return EngineLayerClass::Compressed;
    case MixerKind::Mamba2:
    case MixerKind::Mamba:
      return EngineLayerClass::Mamba2;
    case MixerKind::GatedDeltaNet:
      return EngineLayerClass::GatedDeltaNet;
    case MixerKind::KimiDeltaAttention:
    case MixerKind::LightningAttention:
    case MixerKind::MLSTM:
    case MixerKind::ShortConv:
    case MixerKind::Rwkv4:
    case MixerKind::RgLru:
      return EngineLayerClass::OtherRecurrent;
    case MixerKind::None:
      return EngineLayerClass::NoCache;
  }
  return EngineLayerClass::NoCache;
}

namespace {

// The engine rules pad and group in 64-bit integers; before running them, an upper bound in 128 bits
// (every cell of every stream at the widest cache type, pages rounded up generously) must stay below
// 2^62, so no step can overflow (issue 17, case 05). --parallel is bounded like --batch.
Result<void> check_engine_bounds(const Model& model, const MemoryQuery& query, const EngineSettings& settings) {
  using Wide = __int128;
  if (settings.parallel && *settings.parallel > (1 << 20))
    return bad_input(fmt::format("argument '--parallel {}': at most 1048576 sequences (as --batch)", *settings.parallel));
  if (settings.ubatch && *settings.ubatch > (1LL << 32))
    return bad_input(fmt::format("argument '--ubatch {}': at most 4294967296 tokens", *settings.ubatch));
  const Wide n_seq = std::max<std::int64_t>(settings.parallel.value_or(query.batch), query.batch);
  const Wide tokens = Wide{query.context} * n_seq + 256 * (n_seq + 2) + settings.ubatch.value_or(2048) + 4096;
  Wide token_bytes = 0, state_bytes = 0;
  for (const Layer& layer : model.layers) {
    const AttentionSpec& a = layer.attention;
    const Wide values = std::max<Wide>(kv_values_per_token(layer),
                                       Wide{std::max<std::int64_t>(a.num_kv_heads, 1)} * (a.head_dim + a.value_head_dim));
    token_bytes = std::max(token_bytes, values * 4);  // fp32, the widest cache type
    const auto [conv, state] = recurrent_elements(layer);
    state_bytes = std::max(state_bytes, (Wide{conv} + state) * 4);
  }
  const Wide layers = static_cast<Wide>(model.layers.size());
  const Wide bound = layers * (tokens * token_bytes + (n_seq + 4) * (state_bytes + 64 * token_bytes) * 4);
  if (bound > (Wide{1} << 62))
    return bad_input(fmt::format("argument '--context {}', '--batch {}' or '--parallel': the {} cache could exceed "
                                 "4 EiB (2^62 bytes); a smaller context or batch answers",
                                 query.context, query.batch, engine_name(settings.engine)));
  return {};
}

}  // namespace

Result<EngineMemory> engine_memory(const Model& stored, const MemoryReport& logical,
                                   const EngineSettings& settings) {
  // A looped model (Model::loop_count) is allocated as its unrolled stack: one cache layer per pass
  // and layer, as its reference cache indexes them (pass × layers + layer).
  std::optional<Model> passes;
  if (stored.loop_count > 1) passes = unrolled_passes(stored);
  const Model& model = passes ? *passes : stored;
  if (auto bounded = check_engine_bounds(model, logical.query, settings); !bounded)
    return tl::unexpected(bounded.error());
  auto out = settings.engine == Engine::LlamaCpp ? llama_cpp_memory(model, logical.query, settings)
                                                 : vllm_memory(model, logical.query, settings);
  if (!out) return out;
  // Kinds without an engine rule keep the logical figure.
  for (EngineKindMemory& kind : out->by_kind) {
    if (kind.rule != "logical") continue;
    for (const LayerMemory& group : logical.by_kind)
      if (group.kind == kind.kind) {
        kind.cells = group.tokens_kept;
        kind.kv_bytes = group.kv_bytes;
        kind.state_bytes = group.state_bytes;
        out->notes.push_back(fmt::format("{}: no {} rule, the logical figure is kept", kind.kind,
                                         engine_name(settings.engine)));
      }
  }
  for (const EngineKindMemory& kind : out->by_kind) {
    out->kv_bytes += kind.kv_bytes;
    out->state_bytes += kind.state_bytes;
  }
  out->total_bytes = logical.weight_bytes + out->kv_bytes + out->state_bytes;
  if (stored.loop_count > 1) {
    for (EngineKindMemory& kind : out->by_kind) kind.layers /= stored.loop_count;
    out->notes.push_back(fmt::format("looped depth: the {} layers run {} times per token; each pass has its own cache",
                                     stored.layer_count(), stored.loop_count));
  }
  return out;
}

}  // namespace llmg
