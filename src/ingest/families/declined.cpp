// The model types that are recognised and declined, each with its reason (README "Families declined").
// A row here and a row in the registry for the same model_type is a contradiction the family test rejects.
#include "ingest/families/registry.h"

#include <algorithm>
#include <iterator>

namespace llmg {
namespace {

constexpr DeclinedFamily kDeclined[] = {
    {"bert", "an encoder (masked LM), not a decoder-only causal LM"},
    {"roberta", "an encoder (masked LM), not a decoder-only causal LM"},
    {"t5", "an encoder-decoder; only decoder-only causal LMs are read"},
    {"bart", "an encoder-decoder; only decoder-only causal LMs are read"},
    {"whisper", "a speech encoder-decoder; only decoder-only causal LMs are read"},
    {"blt", "Byte Latent Transformer: a byte-level local encoder and decoder cross-attending to a global "
            "transformer over dynamic patches, with hash n-gram embeddings; three stacks of different widths, "
            "not one decoder stack, so no layer list, KV figure or total would be honest"},
};

}  // namespace

std::span<const DeclinedFamily> declined_families() { return kDeclined; }

const DeclinedFamily* find_declined(std::string_view model_type) {
  const auto* it = std::find_if(std::begin(kDeclined), std::end(kDeclined),
                                [&](const DeclinedFamily& row) { return row.model_type == model_type; });
  return it == std::end(kDeclined) ? nullptr : it;
}

}  // namespace llmg
