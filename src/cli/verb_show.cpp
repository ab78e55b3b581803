#include "cli/verb_show.h"

#include <iostream>

#include "render/text/json.h"
#include "render/text/text.h"
#include "cli/output.h"
#include "cli/resolve.h"

namespace llmg::cli {

int run_show(const std::string& argument, bool json, bool allow_slug) {
  auto resolved = resolve(argument, allow_slug);
  if (!resolved) return report(resolved.error());
  if (json)
    print_json(model_json(resolved->view));
  else
    std::cout << sheet_text(resolved->view);
  return kExitOk;
}

}  // namespace llmg::cli
