#include "cli/verb_families.h"

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "ingest/families/registry.h"
#include "ingest/families/wrappers.h"
#include "cli/output.h"

namespace llmg::cli {
namespace {

std::vector<const FamilyRow*> sorted_rows() {
  std::vector<const FamilyRow*> rows;
  for (const FamilyRow& row : family_table()) rows.push_back(&row);
  std::sort(rows.begin(), rows.end(), [](const FamilyRow* a, const FamilyRow* b) { return a->model_type < b->model_type; });
  return rows;
}

std::string_view class_of(const FamilyRow& row) { return row.architecture.empty() ? row.gguf.architecture : row.architecture; }

std::string cell(std::string_view text) { return text.empty() ? std::string("—") : fmt::format("`{}`", text); }

}  // namespace

int run_families(FamiliesFormat format) {
  const auto rows = sorted_rows();
  switch (format) {
    case FamiliesFormat::Json: {
      nlohmann::json read = nlohmann::json::array();
      for (const FamilyRow* row : rows)
        read.push_back({{"model_type", row->model_type},
                        {"family", row->family},
                        {"gguf_architecture", row->gguf.name},
                        {"architecture", class_of(*row)},
                        {"defaults", row->defaults_label}});
      nlohmann::json declined = nlohmann::json::array();
      for (const DeclinedFamily& row : declined_families())
        declined.push_back({{"model_type", row.model_type}, {"reason", row.reason}});
      nlohmann::json wrappers = nlohmann::json::array();
      for (const WrapperRow& row : wrapper_table())
        wrappers.push_back({{"model_type", row.model_type},
                            {"family", row.family},
                            {"default_decoder", row.decoder},
                            {"architecture", row.architecture}});
      print_json({{"read", read}, {"wrappers", wrappers}, {"declined", declined}});
      return kExitOk;
    }
    case FamiliesFormat::Markdown: {
      std::cout << fmt::format("{} model types read:\n\n", rows.size());
      std::cout << "| `model_type` | family | GGUF `general.architecture` | class (`architectures[0]`) |\n";
      std::cout << "| --- | --- | --- | --- |\n";
      for (const FamilyRow* row : rows)
        std::cout << fmt::format("| `{}` | {} | {} | {} |\n", row->model_type, row->family, cell(row->gguf.name),
                                 cell(class_of(*row)));
      std::cout << fmt::format("\n{} multimodal wrappers read (the language model by the row of "
                               "`text_config.model_type`, else the default decoder; towers counted apart):\n\n",
                               wrapper_table().size());
      std::cout << "| `model_type` | family | default decoder | class (`architectures[0]`) |\n| --- | --- | --- | --- |\n";
      for (const WrapperRow& row : wrapper_table())
        std::cout << fmt::format("| `{}` | {} | {} | {} |\n", row.model_type, row.family, cell(row.decoder),
                                 cell(row.architecture));
      std::cout << fmt::format("\n{} model types declined:\n\n", declined_families().size());
      for (const DeclinedFamily& row : declined_families())
        std::cout << fmt::format("- `{}`: {}\n", row.model_type, row.reason);
      return kExitOk;
    }
    case FamiliesFormat::Text: {
      std::size_t type_width = 10, family_width = 6, gguf_width = 4;
      for (const FamilyRow* row : rows) {
        type_width = std::max(type_width, row->model_type.size());
        family_width = std::max(family_width, row->family.size());
        gguf_width = std::max(gguf_width, row->gguf.name.size());
      }
      std::cout << fmt::format("{} model types read\n{:<{}}  {:<{}}  {:<{}}  {}\n", rows.size(), "model_type",
                               type_width, "family", family_width, "gguf", gguf_width, "class");
      for (const FamilyRow* row : rows)
        std::cout << fmt::format("{:<{}}  {:<{}}  {:<{}}  {}\n", row->model_type, type_width, row->family,
                                 family_width, row->gguf.name.empty() ? "-" : row->gguf.name, gguf_width,
                                 class_of(*row).empty() ? "-" : class_of(*row));
      std::cout << fmt::format("\n{} multimodal wrappers (language model + towers)\n", wrapper_table().size());
      for (const WrapperRow& row : wrapper_table())
        std::cout << fmt::format("{:<{}}  {:<{}}  decoder {}\n", row.model_type, type_width, row.family, family_width,
                                 row.decoder.empty() ? "-" : row.decoder);
      std::cout << fmt::format("\n{} model types declined\n", declined_families().size());
      for (const DeclinedFamily& row : declined_families())
        std::cout << fmt::format("{:<{}}  {}\n", row.model_type, type_width, row.reason);
      return kExitOk;
    }
  }
  return kExitInternal;
}

}  // namespace llmg::cli
