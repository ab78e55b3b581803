#include "ingest/weights/gguf_swa.h"

#include <fmt/format.h>

namespace llmg {

namespace {

// llama.cpp load_hparams per architecture (src/llama-model.cpp, LLM_ARCH_* cases; the same code
// moved to src/models/<arch>.cpp load_arch_hparams later). Checked against llama.cpp at d32676d7 /
// 02c28f53 by loading tiny GGUFs (the oracle table in tests/test_engine_memory.cpp).
constexpr GgufSwaRow kRows[] = {
    // LLM_ARCH_LLAMA / QWEN2 / QWEN3 / QWEN3MOE / GPT2 / SMOLLM3: no sliding_window read, swa_type NONE.
    // (A qwen2 GGUF may carry qwen2.attention.sliding_window; Qwen2 disables it and llama.cpp ignores it.)
    {"llama", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_LLAMA reads no window"},
    {"qwen2", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_QWEN2 reads no window"},
    {"qwen3", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_QWEN3 reads no window"},
    {"qwen3moe", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_QWEN3MOE reads no window"},
    {"gpt2", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_GPT2 reads no window"},
    {"smollm3", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_SMOLLM3 reads no window"},
    // LLM_ARCH_PHI3: found_swa && n_swa > 0 => warning, swa_type NONE, n_swa 0, set_swa_pattern(1).
    {"phi3", GgufSwaRule::Disabled, 0, false,
     "llama.cpp LLM_ARCH_PHI3: \"Phi SWA is currently disabled\" (PR 13676)"},
    // LLM_ARCH_GEMMA3: found_swa && n_swa > 0 => STANDARD, swa_period 6, get_key_or_arr(pattern), else NONE.
    {"gemma3", GgufSwaRule::Standard, 6, true,
     "llama.cpp LLM_ARCH_GEMMA3: period 6 unless a scalar pattern key"},
    // LLM_ARCH_OLMO2 (OLMo 2 and OLMo 3 GGUFs): found_swa && n_swa > 0 => STANDARD, period 4; the
    // converter's bool-array pattern is not a uint32 and is ignored.
    {"olmo2", GgufSwaRule::Standard, 4, true, "llama.cpp LLM_ARCH_OLMO2: period 4 when a window is given"},
    // Issue 12, set A. LLM_ARCH_GEMMA2: swa_type STANDARD, n_swa 4096 unless the key says otherwise,
    // set_swa_pattern(2) (layer il sliding iff il % 2 == 0, as Gemma2Config's layer_types).
    {"gemma2", GgufSwaRule::Standard, 2, false, "llama.cpp LLM_ARCH_GEMMA2: period 2"},
    // LLM_ARCH_GEMMA / PHI2 / COMMAND_R / GPTNEOX / GPTJ / BLOOM / OLMOE / STABLELM / STARCODER: no window read.
    {"gemma", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_GEMMA reads no window"},
    {"phi2", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_PHI2 reads no window"},
    {"command-r", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_COMMAND_R reads no window"},
    {"gptneox", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_GPTNEOX reads no window"},
    {"gptj", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_GPTJ reads no window"},
    {"bloom", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_BLOOM reads no window"},
    {"olmoe", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_OLMOE reads no window"},
    {"stablelm", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_STABLELM reads no window"},
    {"starcoder", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_STARCODER reads no window"},
    // set B (issue 12): load_hparams of these architectures reads no sliding window (llama.cpp
    // src/llama-model.cpp, e.g. LLM_ARCH_SEED_OSS reads only the RMS epsilon): every layer full.
    {"qwen2moe", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_QWEN2MOE reads no window"},
    {"ernie4_5", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_ERNIE4_5 reads no window"},
    {"glm4", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_GLM4 reads no window"},
    {"hunyuan-dense", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_HUNYUAN_DENSE reads no window"},
    {"seed_oss", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_SEED_OSS reads no window"},
    {"arcee", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_ARCEE reads no window"},
    {"bitnet", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_BITNET reads no window"},
    // remote-code families (issue 12 item 3): load_hparams reads no sliding window for these: every layer full.
    {"qwen", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_QWEN reads no window"},
    {"chatglm", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_CHATGLM reads no window"},
    {"baichuan", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_BAICHUAN reads no window"},
    {"internlm2", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_INTERNLM2 reads no window"},
    {"minicpm", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_MINICPM reads no window"},
    {"deepseek", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_DEEPSEEK reads no window"},
    {"exaone", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_EXAONE reads no window"},
    // set C (issue 12): LLM_ARCH_DOTS1 reads the RMS epsilon and the expert keys only; LLM_ARCH_GRANITE the
    // four scales (windowed Granite is a separate architecture, granite_swa); LLM_ARCH_DBRX clamp_kqv.
    {"granite", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_GRANITE reads no window"},
    {"dbrx", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_DBRX reads no window"},
    {"dots1", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_DOTS1 reads no window"},
    // issue 12 (gguf): these load_hparams read no sliding window either (LFM2 reads shortconv.l_cache and
    // marks the blocks with n_head_kv 0 recurrent; Jamba and Mamba read ssm.*; StarCoder2 reads only the
    // norm epsilon, so a StarCoder2 GGUF attends over the full context though its config windows).
    {"lfm2", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_LFM2 reads no window"},
    {"lfm2moe", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_LFM2MOE reads no window"},
    {"deepseek2", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_DEEPSEEK2 reads no window"},
    {"falcon", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_FALCON reads no window"},
    {"starcoder2", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_STARCODER2 reads no window"},
    {"granitemoe", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_GRANITE_MOE reads no window"},
    {"apertus", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_APERTUS reads no window"},
    {"mamba", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_MAMBA has no attention"},
    {"jamba", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_JAMBA reads no window"},
    {"phimoe", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_PHIMOE reads no window"},
    // set D (issue 12): LLM_ARCH_OLMO (clamp_kqv, epsilon), LLM_ARCH_NEMOTRON (epsilon) and LLM_ARCH_MPT
    // (epsilon, clamp_kqv, max_alibi_bias) read no sliding window: every layer full.
    {"olmo", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_OLMO reads no window"},
    {"nemotron", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_NEMOTRON reads no window"},
    {"mpt", GgufSwaRule::None, 0, false, "llama.cpp LLM_ARCH_MPT reads no window"},
};

}  // namespace

std::span<const GgufSwaRow> gguf_swa_rows() {
  return kRows;
}

const GgufSwaRow* find_gguf_swa_row(std::string_view gguf_name) {
  for (const GgufSwaRow& row : kRows)
    if (row.gguf_name == gguf_name) return &row;
  return nullptr;
}

Result<GgufSwaLayout> gguf_swa_layout(const GgufFile& file, std::string_view arch, std::int64_t layers) {
  GgufSwaLayout layout;
  layout.sliding.assign(static_cast<std::size_t>(std::max<std::int64_t>(layers, 0)), false);
  const GgufSwaRow* row = find_gguf_swa_row(arch);
  if (!row)
    return bad_input(
        fmt::format("{}: key 'general.architecture': no sliding-window rule for \"{}\"", file.path, arch));
  const std::string window_key = fmt::format("{}.attention.sliding_window", arch);
  const GgufValue* window = file.find(window_key);
  const bool has_window = window && window->is_integer() && window->integer > 0;
  if (window && window->type != GgufType::Array && !window->is_integer())
    return bad_input(fmt::format("{}: key '{}': expected an unsigned integer", file.path, window_key));
  switch (row->rule) {
    case GgufSwaRule::None:
      layout.source = fmt::format("{} (every layer full)", row->source);
      return layout;
    case GgufSwaRule::Disabled:
      layout.source = fmt::format("{} (every layer full)", row->source);
      return layout;
    case GgufSwaRule::Standard:
      break;
  }
  if (!has_window) {
    layout.source = fmt::format("{}: no {} > 0, every layer full", row->source, window_key);
    return layout;
  }
  std::uint32_t period = row->default_period;
  std::string period_from = fmt::format("default period {}", period);
  const std::string pattern_key = fmt::format("{}.attention.sliding_window_pattern", arch);
  if (row->pattern_key) {
    if (const GgufValue* pattern = file.find(pattern_key); pattern && pattern->type != GgufType::Array) {
      if (!pattern->is_integer() || pattern->integer < 0 || pattern->integer > 0xffffffffLL)
        return bad_input(
            fmt::format("{}: key '{}': expected an unsigned integer or an array", file.path, pattern_key));
      period = static_cast<std::uint32_t>(pattern->integer);
      period_from = fmt::format("period {} from {}", period, pattern_key);
    } else if (pattern) {
      period_from += fmt::format(" ({} is an array, which llama.cpp ignores)", pattern_key);
    }
  }
  // llama_hparams::set_swa_pattern: swa_layers[il] = n_pattern == 0 || il % n_pattern < n_pattern − 1.
  for (std::size_t il = 0; il < layout.sliding.size(); ++il)
    layout.sliding[il] = period == 0 || il % period < period - 1;
  layout.window = window->integer;
  layout.source = fmt::format("{}; window from {}, {}", row->source, window_key, period_from);
  return layout;
}

}  // namespace llmg
