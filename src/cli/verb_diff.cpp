#include "cli/verb_diff.h"

#include <iostream>

#include "render/text/json.h"
#include "render/text/text.h"
#include "cli/output.h"
#include "cli/resolve.h"

namespace llmg::cli {

int run_diff(const std::string& first, const std::string& second, bool json) {
  auto a = resolve(first, true);
  if (!a) return report(a.error());
  auto b = resolve(second, true);
  if (!b) return report(b.error());
  if (json)
    print_json(diff_json(a->view, b->view));
  else
    std::cout << diff_text(a->view, b->view);
  return kExitOk;
}

}  // namespace llmg::cli
