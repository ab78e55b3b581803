// The DeepSeek V3 layout, shared by the DeepSeek V3 reader and the V3.2 / GLM-5 reader.
#pragma once

#include "ingest/config/config_view.h"
#include "model/model.h"

namespace llmg {

// Whether a family's MTP layers keep their own copies of the token embedding and LM head in the
// checkpoint. DeepSeek V3 does (model.layers.61.embed_tokens / shared_head.head: its "14B MTP");
// GLM does not (GLM-5.1's reported 753,864,139,008 parameters match only without them).
enum class MtpEmbeddings { Stored, Shared };

// MLA in every layer, the first_k_dense_replace dense prefix then MoE (moe_layer_freq), shared experts,
// the noaux_tc correction bias and num_nextn_predict_layers MTP modules.
void read_deepseek_layout(ConfigView& config, Model& model, MtpEmbeddings mtp_embeddings);

}  // namespace llmg
