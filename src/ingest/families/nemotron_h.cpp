// Nemotron-H (model_type nemotron_h).
#include <fmt/format.h>
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Nemotron-H (NemotronHForCausalLM): one block per character of hybrid_override_pattern, each a single
// pre-normed mixer: M = Mamba-2, * = attention (no positional encoding), - = ReLU² MLP, E = MoE with
// ReLU² experts (up/down, not gated), one shared expert and a correction bias. Nemotron 3 Super's
// LatentMoE (moe_latent_size) runs the routed experts in a narrower latent between fc1_latent_proj and
// fc2_latent_proj (NVIDIA's NemotronHMoE; Megatron-Bridge Nemotron3SuperProvider.moe_latent_size). Its
// num_nextn_predict_layers MTP modules repeat mtp_hybrid_override_pattern ("*E": an attention block and
// a MoE block) behind enorm, hnorm and eh_proj, with a final norm, as the checkpoint's mtp.layers.* do.
void read_nemotron_h(ConfigView& config, Model& model) {
  model.positions = PositionKind::NoPE;
  const std::string pattern = config.string_named(Key::HybridOverridePattern, "");
  const std::int64_t count = config.require_int(Key::NumLayers);
  if (!config.ok()) return;
  if (static_cast<std::int64_t>(pattern.size()) != count) {
    config.fail("hybrid_override_pattern",
                fmt::format("expected {} characters (num_hidden_layers), got {}", count, pattern.size()));
    return;
  }
  const std::string mtp_pattern = config.string_named(Key::MtpHybridOverridePattern, "");
  const std::int64_t mtp_modules = mtp_pattern.empty() ? 0 : config.int_or(Key::NumMtpLayers, 0);
  const auto uses = [&](char block) {
    return pattern.find(block) != std::string::npos || (mtp_modules > 0 && mtp_pattern.find(block) != std::string::npos);
  };
  Layer attention;
  attention.attention = read_attention(config, model);
  attention.attention.rope_fraction = 0.0;
  attention.ffn.kind = FfnKind::None;

  Layer mamba;
  mamba.mixer = MixerKind::Mamba2;
  if (uses('M')) {
    mamba.recurrent.num_heads = config.require_int(Key::MambaNumHeads);
    mamba.recurrent.value_head_dim = config.require_int(Key::MambaHeadDim);
    mamba.recurrent.state_size = config.require_int(Key::SsmStateSize);
    mamba.recurrent.num_groups = config.require_int(Key::MambaGroups);
    mamba.recurrent.conv_kernel = config.require_int(Key::ConvKernel);
    mamba.recurrent.conv_bias = config.bool_named(Key::UseConvBias, true);
    mamba.recurrent.proj_bias = config.bool_named(Key::UseBias, false);
  }
  mamba.ffn.kind = FfnKind::None;

  // The MLP block exists only where the pattern has '-' (Nemotron 3 Super has none and no
  // intermediate_size to read).
  const std::string activation = config.string_named(Key::HiddenAct, "relu2");
  Layer mlp;
  mlp.mixer = MixerKind::None;
  if (uses('-')) {
    mlp.ffn = read_dense_ffn(config, /*gated=*/false);
    mlp.ffn.activation = activation;
  }

  Layer moe = mlp;
  if (uses('E')) {
    moe.ffn = read_moe_ffn(config);
    moe.ffn.gated = false;
    moe.ffn.activation = activation;
    moe.ffn.router_correction_bias = true;
    moe.ffn.latent_size = config.int_named(Key::MoeLatentSize, 0, 0, 1 << 20);
  }
  const auto block_of = [&](const std::string& key, const std::string& blocks, std::size_t i) -> const Layer* {
    switch (blocks[i]) {
      case 'M': return &mamba;
      case '*': return &attention;
      case '-': return &mlp;
      case 'E': return &moe;
      default:
        config.fail(fmt::format("{}[{}]", key, i),
                    fmt::format("unknown block '{}' (expected M, *, - or E)", blocks[i]));
        return nullptr;
    }
  };
  model.layers.clear();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const Layer* block = block_of("hybrid_override_pattern", pattern, i);
    if (!block) return;
    model.layers.push_back(*block);
  }
  config.note_source("layer mix", "hybrid_override_pattern");
  // One MTP module is at most one mixer block and one feed-forward block ("*E"), so it is one Layer.
  if (mtp_modules > 0) {
    Layer module;
    module.mixer = MixerKind::None;
    module.ffn.kind = FfnKind::None;
    for (std::size_t i = 0; i < mtp_pattern.size(); ++i) {
      const Layer* block = block_of("mtp_hybrid_override_pattern", mtp_pattern, i);
      if (!block) return;
      const bool is_mixer = block->mixer != MixerKind::None;
      if ((is_mixer && module.mixer != MixerKind::None) || (!is_mixer && module.ffn.kind != FfnKind::None)) {
        config.fail("mtp_hybrid_override_pattern",
                    fmt::format("expected at most one mixer and one MLP/MoE block, got \"{}\"", mtp_pattern));
        return;
      }
      if (is_mixer) {
        module.mixer = block->mixer;
        module.attention = block->attention;
        module.recurrent = block->recurrent;
      } else {
        module.ffn = block->ffn;
      }
    }
    const std::int64_t hidden = model.hidden_size;
    module.extra.push_back({Component::Mtp, "enorm.weight", {hidden}});
    module.extra.push_back({Component::Mtp, "hnorm.weight", {hidden}});
    module.extra.push_back({Component::Mtp, "eh_proj.weight", {hidden, 2 * hidden}});
    module.extra.push_back({Component::Mtp, "final_layernorm.weight", {hidden}});
    model.mtp_layers.assign(static_cast<std::size_t>(mtp_modules), module);
    config.note_source("MTP blocks", "mtp_hybrid_override_pattern");
  }
  model.notes.push_back("Nemotron-H: every block is one mixer or one MLP/MoE with its own norm");
}

}  // namespace llmg
