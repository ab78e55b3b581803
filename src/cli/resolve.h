// The one way every verb turns a command-line argument into a model: a catalog slug, or a path to a
// config.json / params.json, a .gguf file, or a directory holding one of them.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "view/model_view.h"

namespace llmg::cli {

// A model named on the command line. For a path, `owned` holds the model (on the heap, so `view` may
// point into it across moves) and the view is named after the file's folder. For a slug, `entry` holds
// the catalog entry read alone (Catalog::load: the other 107 configs are not read).
struct Resolved {
  std::shared_ptr<const Model> owned;
  std::shared_ptr<const CatalogEntry> entry;
  ModelView view;
};

// `allow_slug` false: only paths (inspect). Errors: BadInput naming the argument (neither a slug nor an
// existing file), or the reader's own error (file, key and problem; analysis/validate.h's checks included).
Result<Resolved> resolve(const std::string& argument, bool allow_slug);

}  // namespace llmg::cli
