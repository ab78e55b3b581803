// What Gemma 3 and Gemma 4 share (families/gemma3.cpp).
#pragma once

#include "ingest/config/config_view.h"
#include "model/model.h"

namespace llmg {

// Sandwich norms, per-head QK-norm, a dense GeGLU MLP (tied embeddings come from the registry row).
Layer gemma_layer(ConfigView& config, Model& model);

}  // namespace llmg
