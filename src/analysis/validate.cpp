#include "analysis/validate.h"

#include <fmt/format.h>

#include "analysis/params.h"

namespace llmg {

Result<Model> checked_model(Result<Model> model, std::string_view source) {
  if (!model) return model;
  auto counts = count_parameters(*model);
  if (!counts) return bad_input(fmt::format("{}: {}", source, counts.error().message));
  return model;
}

}  // namespace llmg
