// Falcon-H1 (model_type falcon_h1).
#include <algorithm>

#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// Falcon-H1 (FalconH1ForCausalLM, transformers modular_falcon_h1.py): every layer runs softmax attention
// (FalconH1Attention = the Llama projections with attention_bias, head_dim decoupled when given) and a
// Mamba-2 mixer (FalconH1Mixer) side by side on the output of input_layernorm, adds both to the residual,
// then a gated SiLU MLP (mlp_bias) behind pre_ff_layernorm; final norm; head untied unless said
// (FalconH1Config default False). The mixer: inner width mamba_d_ssm (mamba_expand × hidden_size when
// null) in mamba_n_heads heads of mamba_d_head ("auto": inner / heads), conv over inner + 2 × mamba_n_groups
// × mamba_d_state channels of width mamba_d_conv (bias mamba_conv_bias), in_proj bias mamba_proj_bias,
// out_proj bias projectors_bias, dt_bias / A_log / D per head, and the gated RMSNorm over inner only when
// mamba_rms_norm. The µP multipliers (embedding, lm_head, key, attention in/out, ssm in/out, ssm and mlp
// multiplier lists) and the mup_vector buffer carry no parameters.
void read_falcon_h1(ConfigView& config, Model& model) {
  Layer layer = llama_layer(config, model);
  layer.parallel_mamba2 = true;
  RecurrentSpec& r = layer.recurrent;
  // mamba_d_ssm null (None): mamba_expand × hidden_size. ConfigView::find skips nulls (and would fall back
  // to the class default 1024), so an explicit null is looked for in the file itself.
  bool d_ssm_null = false;
  for (std::string_view alias : key_spec(Key::MambaDSsm).aliases)
    for (const nlohmann::json* object : {&config.text(), &config.root()})
      if (auto it = object->find(std::string(alias)); it != object->end() && it->is_null()) d_ssm_null = true;
  const std::int64_t inner = d_ssm_null ? config.int_named(Key::MambaExpand, 2, 1, 64) * model.hidden_size
                                        : config.int_named(Key::MambaDSsm, 1024);
  r.num_heads = config.int_named(Key::MambaNHeads, 128);
  if (config.ok() && inner % r.num_heads != 0)
    config.fail("mamba_n_heads", fmt::format("expected a divisor of the Mamba inner width ({}), got {}", inner, r.num_heads));
  const nlohmann::json* d_head = config.find(Key::MambaDHead);
  if (d_head && d_head->is_string() && d_head->get<std::string>() != "auto")
    config.fail("mamba_d_head", fmt::format("expected an integer or \"auto\", got \"{}\"", d_head->get<std::string>()));
  r.value_head_dim = d_head && d_head->is_number() ? config.int_named(Key::MambaDHead, 0) : inner / std::max<std::int64_t>(r.num_heads, 1);
  if (config.ok() && r.value_head_dim * r.num_heads != inner)
    config.fail("mamba_d_head", fmt::format("expected mamba_n_heads × mamba_d_head = the Mamba inner width ({}), got {} × {}",
                                            inner, r.num_heads, r.value_head_dim));
  r.state_size = config.int_named(Key::MambaDState, 256, 1, 1 << 16);
  r.num_groups = config.int_named(Key::MambaGroups, 1, 1, 1 << 16);
  r.conv_kernel = config.int_named(Key::ConvKernel, 4, 1, 1 << 10);
  r.conv_bias = config.bool_named(Key::MambaConvBias, true);
  r.proj_bias = config.bool_named(Key::MambaProjBias, false);
  r.gated_norm = config.bool_named(Key::MambaRmsNorm, false);
  r.out_proj_bias = config.bool_named(Key::ProjectorsBias, false) ? 1 : 0;
  fill_layers(config, model, layer);
  model.notes.push_back("Falcon-H1: attention and Mamba-2 side by side in every layer (outputs summed)");
}

}  // namespace llmg
