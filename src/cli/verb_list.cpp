#include "cli/verb_list.h"

#include <algorithm>
#include <iostream>
#include <vector>

#include <fmt/format.h>

#include "catalog/catalog.h"
#include "render/text/json.h"
#include "render/text/text.h"
#include "view/model_view.h"
#include "view/select.h"
#include "cli/output.h"
#include "cli/resolve.h"

namespace llmg::cli {

int run_list(bool json, const std::string& sort_key) {
  std::vector<ModelView> views;
  for (const CatalogEntry& entry : Catalog::bundled().entries()) views.push_back(view_of(entry));
  if (auto sorted = sort_for_list(views, sort_key); !sorted) return report(sorted.error());
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const ModelView& view : views) out.push_back(list_item_json(view));
    print_json(out);
  } else {
    std::cout << list_text(views);
  }
  return kExitOk;
}

}  // namespace llmg::cli
