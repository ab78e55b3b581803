#include "analysis/checkpoint.h"

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "analysis/params.h"
#include "base/units.h"

namespace llmg {

namespace {

// Ordered name rules, first match wins: the specific spellings (vision, scales, MTP, experts, the
// per-head norms inside attention) before the generic ones (norm, attn, mlp). Hugging Face names
// ("model.layers.3.self_attn.q_proj.weight") and llama.cpp names ("blk.3.attn_q.weight") side by side.
struct NameRule {
  std::string_view fragment;
  Component component;
};
constexpr NameRule kNameRules[] = {
    // llama.cpp's converter stores RoPE frequency constants as tensors (Llama 3.x rope_freqs, LongRoPE
    // rope_factors_long/short of Phi-3.5/4); transformers holds them as config lists or computed buffers.
    {"rope_freqs", Component::Table},       {"rope_factors", Component::Table},
    {"vision", Component::Vision},          {"visual.", Component::Vision},
    {"multi_modal_projector", Component::Vision}, {"mm_projector", Component::Vision},
    {"audio_tower", Component::Vision},     {"image_newline", Component::Vision},
    {"weight_scale", Component::QuantScale}, {"input_scale", Component::QuantScale},
    {"scale_inv", Component::QuantScale},   {".scales", Component::QuantScale},
    {"_scales", Component::QuantScale},     {".qzeros", Component::QuantScale},
    {".g_idx", Component::QuantScale},      {".absmax", Component::QuantScale},
    {"quant_map", Component::QuantScale},   {"quant_state", Component::QuantScale},
    {"mtp.", Component::Mtp},               {"mtp_", Component::Mtp},
    {".nextn.", Component::Mtp},
    {"embed_tokens", Component::Embedding}, {"token_embd.", Component::Embedding},
    {"tok_embeddings", Component::Embedding}, {"embed_positions", Component::Embedding},
    {"word_embeddings", Component::Embedding}, {"position_embd", Component::Embedding},
    {"wte.", Component::Embedding},         {"wpe.", Component::Embedding},
    {"per_layer", Component::Embedding},
    {"lm_head", Component::LmHead},
    {"shared_expert", Component::FeedForward}, {"shexp", Component::FeedForward},
    {"experts", Component::RoutedExperts},  {"_exps", Component::RoutedExperts},
    {"router", Component::Router},          {"gate_inp", Component::Router},
    {"exp_probs_b", Component::Router},     {"e_score_correction", Component::Router},
    {"mlp.gate.", Component::Router},       {"moe.gate.", Component::Router},
    {"block_sparse_moe.gate.", Component::Router},
    {"q_norm", Component::Attention},       {"k_norm", Component::Attention},
    {"q_a_layernorm", Component::Attention}, {"kv_a_layernorm", Component::Attention},
    {"q_a_norm", Component::Attention},     {"kv_a_norm", Component::Attention},
    {"linear_attn.", Component::Attention}, {"ssm_", Component::Attention},
    {"mixer.up_proj", Component::FeedForward}, {"mixer.down_proj", Component::FeedForward},
    {"mixer.", Component::Attention},
    {"norm", Component::Norm},              {".ln_", Component::Norm},
    {"ln_f.", Component::Norm},
    {"attn", Component::Attention},         {"attention", Component::Attention},
    {"mlp", Component::FeedForward},        {"ffn", Component::FeedForward},
    {"feed_forward", Component::FeedForward},
};

// The block index in "model.layers.12." / "blk.12." / "h.12.", or -1.
std::int64_t block_index(std::string_view name) {
  for (std::string_view marker : {"layers.", "blk.", "h."}) {
    std::size_t at = 0;
    while ((at = name.find(marker, at)) != std::string_view::npos) {
      if (at > 0 && name[at - 1] != '.') {
        at += marker.size();
        continue;
      }
      const char* begin = name.data() + at + marker.size();
      const char* end = name.data() + name.size();
      std::int64_t index = -1;
      auto [ptr, ec] = std::from_chars(begin, end, index);
      if (ec == std::errc() && ptr != begin && (ptr == end || *ptr == '.')) return index;
      at += marker.size();
    }
  }
  return -1;
}

bool add_checked(std::int64_t& into, std::int64_t value) { return !__builtin_add_overflow(into, value, &into); }
bool add_checked(std::uint64_t& into, std::uint64_t value) { return !__builtin_add_overflow(into, value, &into); }

}  // namespace

Component tensor_component(std::string_view name, std::int64_t main_layers) {
  Component component = Component::Other;
  // llama.cpp's LM head is "output.weight" (and its bias); "output_norm" is the final norm.
  if (name == "output.weight" || name == "output.bias") {
    component = Component::LmHead;
  } else {
    for (const NameRule& rule : kNameRules)
      if (name.find(rule.fragment) != std::string_view::npos) {
        component = rule.component;
        break;
      }
  }
  // A vision tower has blocks of its own; only language-model blocks past the stack are MTP.
  if (component == Component::Vision || component == Component::QuantScale || component == Component::Table)
    return component;
  if (main_layers >= 0 && block_index(name) >= main_layers) return Component::Mtp;
  return component;
}

Checkpoint checkpoint_of(const std::vector<SafetensorsFile>& shards) {
  Checkpoint out;
  out.format = WeightFormat::Safetensors;
  bool mxfp4 = false;
  for (const SafetensorsFile& shard : shards) {
    out.files.push_back(shard.path);
    out.file_bytes += shard.file_size;
    out.bytes_read += shard.bytes_read;
    for (const SafetensorsTensor& t : shard.tensors) {
      WeightTensor w{t.name, t.dtype, t.shape, t.elements, t.data_end - t.data_begin};
      // OpenAI's MXFP4 layout (gpt-oss): "*_blocks" tensors of U8 hold two FP4 weights per byte,
      // with the shared exponents in the matching "*_scales" tensor.
      if (t.dtype == "U8" && t.name.ends_with("_blocks")) {
        w.params = t.elements * 2;  // elements <= file size, so no overflow
        mxfp4 = true;
      }
      out.tensors.push_back(std::move(w));
    }
  }
  if (mxfp4) out.notes.push_back("MXFP4: U8 *_blocks tensors counted as 2 weights per byte (gpt-oss layout)");
  return out;
}

Checkpoint checkpoint_of(const GgufFile& file) {
  Checkpoint out;
  out.format = WeightFormat::Gguf;
  if (file.split_files.empty()) out.files.push_back(file.path);
  else out.files = file.split_files;  // a split GGUF: every shard
  out.file_bytes = file.file_size;
  out.bytes_read = file.bytes_read;
  for (const GgufTensorInfo& t : file.tensors) {
    const GgmlType* type = find_ggml_type(t.type);
    WeightTensor w{t.name, type ? std::string(type->name) : fmt::format("type {}", t.type),
                   std::vector<std::int64_t>(t.dims.rbegin(), t.dims.rend()), t.elements, t.bytes};
    out.tensors.push_back(std::move(w));
  }
  return out;
}

Result<CheckpointReport> checkpoint_report(const Checkpoint& checkpoint, const Model* model) {
  CheckpointReport report;
  report.format = checkpoint.format;
  report.files = checkpoint.files;
  report.file_bytes = checkpoint.file_bytes;
  report.bytes_read = checkpoint.bytes_read;
  report.notes = checkpoint.notes;
  report.tensor_count = static_cast<std::int64_t>(checkpoint.tensors.size());
  const std::int64_t main_layers = model ? model->layer_count() : -1;
  std::map<std::string, DtypeShare> dtypes;
  std::map<Component, ComponentShare> components;
  std::vector<std::string> unclassified;
  for (const WeightTensor& t : checkpoint.tensors) {
    DtypeShare& d = dtypes[t.dtype];
    d.dtype = t.dtype;
    const Component component = tensor_component(t.name, main_layers);
    ComponentShare& c = components[component];
    c.component = component;
    if (component == Component::Other && unclassified.size() < 3) unclassified.push_back(t.name);
    ++d.tensors;
    ++c.tensors;
    // Quantization scales and frequency tables are stored bytes but not weights: their bytes count in
    // the file's size and bits per weight, their elements not in files.params (an MXFP4 checkpoint reads
    // the same as safetensors and as GGUF, whose blocks hold their scales inside).
    const std::int64_t weights = component == Component::QuantScale || component == Component::Table ? 0 : t.params;
    if (!add_checked(report.params, weights) || !add_checked(report.tensor_bytes, t.bytes) ||
        !add_checked(d.params, weights) || !add_checked(d.bytes, t.bytes) || !add_checked(c.params, t.params) ||
        !add_checked(c.bytes, t.bytes))
      return bad_input(fmt::format("{}: tensor sizes overflow 64-bit sums (at tensor '{}')",
                                   checkpoint.files.empty() ? "checkpoint" : checkpoint.files[0], t.name));
  }
  if (report.params > 0) {
    report.bytes_per_param = static_cast<double>(report.tensor_bytes) / static_cast<double>(report.params);
    report.bits_per_weight = report.bytes_per_param * 8;
  }
  for (auto& [name, share] : dtypes) {
    if (share.params > 0) share.bits_per_weight = static_cast<double>(share.bytes) * 8 / static_cast<double>(share.params);
    report.by_dtype.push_back(share);
  }
  std::stable_sort(report.by_dtype.begin(), report.by_dtype.end(),
                   [](const DtypeShare& a, const DtypeShare& b) { return a.params > b.params; });
  for (const auto& [component, share] : components) report.by_component.push_back(share);

  if (!model) return report;
  // ---- cross-check against the config-derived tensor list -------------------------------------
  CrossCheck check;
  check.against = checkpoint.format == WeightFormat::Gguf ? "GGUF metadata" : "config.json";
  auto counts = count_parameters(*model);
  if (!counts) return tl::unexpected(counts.error());
  check.config_total = counts->total;
  check.config_mtp = counts->mtp;
  std::map<Component, std::int64_t> config_by, tensor_by;
  for (const TensorSpec& spec : model_tensors(*model)) {
    Component component = spec.component;
    // A tied matrix counts as the LM head in params.h; the file stores it as the input embedding.
    if (model->tied_embeddings && spec.name == "model.embed_tokens.weight") component = Component::Embedding;
    config_by[component] += tensor_elements(spec);  // validated model: no overflow
  }
  for (const auto& [component, share] : components) {
    tensor_by[component] = share.params;
    if (component == Component::Mtp) check.tensor_mtp = share.params;
    else if (component != Component::Vision && component != Component::QuantScale && component != Component::Table)
      add_checked(check.tensor_total, share.params);
  }
  check.matches = check.tensor_total == check.config_total && check.tensor_mtp == check.config_mtp;
  if (model->tied_embeddings)
    check.notes.push_back("tied LM head: stored once as the input embedding (the config count files it as LM head)");
  std::map<Component, bool> seen;
  for (const auto& [component, value] : config_by) seen[component] = true;
  for (const auto& [component, value] : tensor_by) seen[component] = true;
  for (const auto& [component, unused] : seen) {
    CrossCheckRow row;
    row.component = component;
    row.config_params = config_by.count(component) ? config_by[component] : 0;
    row.tensor_params = tensor_by.count(component) ? tensor_by[component] : 0;
    const std::int64_t delta = row.tensor_params - row.config_params;
    if (delta != 0) {
      switch (component) {
        case Component::Vision:
          row.explanation = "vision/audio tower and projector: in the checkpoint, outside the language-model count";
          break;
        case Component::QuantScale:
          row.explanation = "quantization scales and zero points stored beside quantized weights, not architecture "
                            "parameters";
          break;
        case Component::Table:
          row.explanation = "frequency tables the converter stores as tensors (rope_freqs, rope_factors_long/short), "
                            "not weights";
          break;
        case Component::Mtp:
          row.explanation = row.tensor_params == 0 ? "MTP layers declared by the config are not in these files"
                            : row.config_params == 0 ? "MTP layers stored in the checkpoint, not declared by the config"
                                                     : "MTP layers differ between the checkpoint and the config";
          break;
        case Component::Other:
          row.explanation = "tensors no name rule places: " + fmt::format("{}", fmt::join(unclassified, ", "));
          break;
        case Component::Embedding:
        case Component::Attention:
        case Component::FeedForward:
        case Component::RoutedExperts:
        case Component::Router:
        case Component::Norm:
        case Component::LmHead:
          row.explanation = fmt::format("{}: the checkpoint holds {} parameters {} than the config layout",
                                        component_label(component), with_commas(delta > 0 ? delta : -delta),
                                        delta > 0 ? "more" : "fewer");
      }
      if (component != Component::Vision && component != Component::QuantScale && component != Component::Table)
        check.notes.push_back(row.explanation);
    }
    check.rows.push_back(std::move(row));
  }
  for (const CrossCheckRow& row : check.rows)
    if ((row.component == Component::Vision || row.component == Component::QuantScale ||
         row.component == Component::Table) && row.tensor_params > 0)
      check.notes.push_back(row.explanation);
  report.cross_check = std::move(check);
  return report;
}

}  // namespace llmg
