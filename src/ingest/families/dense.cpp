// Dense decoder families: GPT-2 and the Llama lineage (Llama, Mistral, Qwen2/3, OLMo 2, Phi-3/4).
#include "ingest/families/registry.h"
#include "ingest/families/steps.h"

namespace llmg {

// GPT-2 (transformers GPT2Model): LayerNorm with bias, learned absolute positions (wpe), fused c_attn
// with bias, a plain GELU MLP of width n_inner (4 × n_embd when null), tied LM head.
void read_gpt2(ConfigView& config, Model& model) {
  read_basics(config, model, /*tied_default=*/true);
  model.norm_kind = NormKind::LayerNorm;
  model.positions = PositionKind::Learned;
  model.learned_position_count = model.context_length;
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.attention.q_bias = layer.attention.k_bias = layer.attention.v_bias = layer.attention.o_bias = true;
  layer.attention.rope_fraction = 0.0;
  layer.ffn.kind = FfnKind::Dense;
  layer.ffn.gated = false;
  layer.ffn.bias = true;
  layer.ffn.activation = config.string_or(Key::HiddenAct, "gelu_new");
  layer.ffn.intermediate_size = config.int_or(Key::IntermediateSize, 4 * model.hidden_size);
  if (!config.find(Key::IntermediateSize)) config.note_source("intermediate_size", "4 × n_embd (n_inner is null)");
  fill_layers(config, model, layer);
  model.notes.push_back("GPT-2 convention: MLP width is 4 × n_embd when n_inner is null");
}

namespace {

// The Llama layout every family below starts from: RMSNorm pre-norm, RoPE, gated SiLU MLP.
Layer llama_layer(ConfigView& config, Model& model) {
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.ffn = read_dense_ffn(config);
  return layer;
}

void read_llama_like(ConfigView& config, Model& model, const Layer& layer) {
  fill_layers(config, model, layer);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  apply_layer_types(config, model, window);
}

}  // namespace

// Llama 2/3/3.x and Mistral: q/k/v/o bias from attention_bias, head_dim decoupled when given.
void read_llama(ConfigView& config, Model& model) {
  read_basics(config, model);
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
}

// Mistral 3 (Mistral3ForConditionalGeneration: Mistral Small 3.x, Ministral 3): a Pixtral vision tower
// (left out) in front of the text decoder that text_config.model_type names — "mistral" / "ministral3",
// the Llama layout, or "deepseek_v3" / "mistral4" (Mistral Large 3, Mistral Small 4: MLA and
// fine-grained experts, transformers' DeepseekV3 and Mistral4 classes).
void read_mistral3(ConfigView& config, Model& model) {
  const std::string text_type = config.string_named(Key::ModelType, "mistral");  // text_config's when present
  if (text_type == "deepseek_v3" || text_type == "mistral4") {
    read_deepseek_v3(config, model);
  } else {
    read_llama(config, model);
  }
  config.note_source("text decoder", "text_config.model_type (" + text_type + ")");
  model.notes.push_back("Mistral 3: the Pixtral vision encoder and projector are not counted");
}

// Qwen2/2.5: bias on q, k and v but not on o_proj (Qwen2Attention).
void read_qwen2(ConfigView& config, Model& model) {
  read_basics(config, model);
  Layer layer = llama_layer(config, model);
  layer.attention.q_bias = layer.attention.k_bias = layer.attention.v_bias = true;
  layer.attention.o_bias = false;
  read_llama_like(config, model, layer);
}

// Qwen3 dense: per-head RMSNorm on queries and keys (q_norm, k_norm of head_dim).
void read_qwen3(ConfigView& config, Model& model) {
  read_basics(config, model);
  Layer layer = llama_layer(config, model);
  layer.attention.qk_norm = QkNorm::PerHead;
  read_llama_like(config, model, layer);
}

// OLMo 2: norms after attention and MLP (post_attention_layernorm, post_feedforward_layernorm) and
// QK-norm over the full projection width (q_norm of heads × head_dim, k_norm of kv_heads × head_dim).
void read_olmo2(ConfigView& config, Model& model) {
  read_basics(config, model);
  model.norm_placement = NormPlacement::Post;
  Layer layer = llama_layer(config, model);
  layer.attention.qk_norm = QkNorm::FullWidth;
  read_llama_like(config, model, layer);
}

// Phi-3 / Phi-4: fused qkv_proj and gate_up_proj (same shapes in total), no biases.
void read_phi3(ConfigView& config, Model& model) {
  read_basics(config, model);
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
}

}  // namespace llmg

namespace llmg {

// Mistral's native params.json (mistral-inference): dim, n_layers, n_heads, n_kv_heads, head_dim,
// hidden_dim, norm_eps, vocab_size, rope_theta, optional "moe" block; no model_type. It declares no
// context length unless max_seq_len / max_position_embeddings is present (then 0 = not declared).
void read_mistral_params(ConfigView& config, Model& model) {
  model.hidden_size = config.require_int(Key::HiddenSize);
  model.vocab_size = config.require_int(Key::VocabSize);
  model.context_length = config.int_or(Key::ContextLength, 0);
  model.tied_embeddings = config.bool_or(Key::TieEmbeddings, false);
  model.norm_eps = config.number_or(Key::NormEps, 0.0);
  model.rope_theta = config.number_or(Key::RopeTheta, 10000.0);
  Layer layer;
  layer.attention = read_attention(config, model);
  layer.ffn = read_dense_ffn(config);
  if (config.find(Key::MoeNumExperts)) {
    FeedForwardSpec moe;
    moe.kind = FfnKind::MoE;
    moe.num_experts = config.int_named(Key::MoeNumExperts, 0, 1, 1 << 16);
    moe.experts_per_token = config.int_named(Key::MoeNumExpertsPerTok, 0, 1, 1 << 16);
    moe.expert_intermediate_size = config.int_named(Key::MoeExpertHiddenDim, layer.ffn.intermediate_size, 1, 1 << 22);
    layer.ffn = moe;
  }
  fill_layers(config, model, layer);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (window > 0)
    for (Layer& l : model.layers) make_sliding(l, window);
  if (model.context_length == 0) model.notes.push_back("params.json declares no context length");
}

}  // namespace llmg

namespace llmg {

// SmolLM3 (SmolLM3ForCausalLM): Llama layout with NoPE in every no_rope_layer_interval-th layer.
// no_rope_layers[i] = 1 means layer i uses RoPE (transformers SmolLM3Config; default interval 4).
void read_smollm3(ConfigView& config, Model& model) {
  read_basics(config, model, /*tied_default=*/true);
  Layer layer = llama_layer(config, model);
  read_llama_like(config, model, layer);
  auto uses_rope = config.int_list_named(Key::NoRopeLayers);
  if (uses_rope.empty()) {
    const std::int64_t interval = config.int_named(Key::NoRopeLayerInterval, 4, 1, 4096);
    for (std::size_t i = 0; i < model.layers.size(); ++i)
      uses_rope.push_back((static_cast<std::int64_t>(i) + 1) % interval != 0 ? 1 : 0);
    config.note_source("no_rope_layers", "SmolLM3Config default (every 4th layer NoPE)");
  } else if (uses_rope.size() != model.layers.size()) {
    config.fail("no_rope_layers", "expected one entry per layer");
    return;
  }
  for (std::size_t i = 0; i < model.layers.size(); ++i)
    if (uses_rope[i] == 0) model.layers[i].attention.rope_fraction = 0.0;
}

// OLMo 3 (Olmo3ForCausalLM): OLMo 2's post-norm and full-width QK-norm, with three sliding-window
// layers per full-attention layer from layer_types.
void read_olmo3(ConfigView& config, Model& model) {
  read_olmo2(config, model);
}

// Cohere2 (Cohere2ForCausalLM: Command R7B, Command A, Aya): one bias-free LayerNorm feeding attention
// and MLP in parallel, tied embeddings, sliding-window layers with RoPE and global layers without
// (layer_types, or every sliding_window_pattern-th layer global).
void read_cohere2(ConfigView& config, Model& model) {
  read_basics(config, model, /*tied_default=*/true);
  model.norm_kind = NormKind::LayerNormNoBias;
  model.norm_placement = NormPlacement::Parallel;
  Layer layer = llama_layer(config, model);
  if (config.bool_named(Key::UseQkNorm, false)) layer.attention.qk_norm = QkNorm::PerHead;
  fill_layers(config, model, layer);
  const std::int64_t window = config.int_or(Key::SlidingWindow, 0);
  if (config.find(Key::LayerTypes)) {
    apply_layer_types(config, model, window);
  } else if (window > 0) {
    const std::int64_t pattern = config.int_named(Key::SlidingWindowPattern, 4, 1, 4096);
    set_global_every(model, pattern, window);
  }
  for (Layer& l : model.layers)
    if (l.attention.span == AttentionSpan::Full && window > 0) l.attention.rope_fraction = 0.0;
  model.notes.push_back("Cohere2: global layers use no positional encoding; sliding layers use RoPE");
}

}  // namespace llmg
