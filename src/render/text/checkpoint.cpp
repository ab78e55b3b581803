#include "render/text/checkpoint.h"

#include <fmt/format.h>

#include "base/units.h"

namespace llmg {

using nlohmann::json;

json checkpoint_json(const CheckpointReport& r) {
  json dtypes = json::array();
  for (const DtypeShare& d : r.by_dtype)
    dtypes.push_back({{"dtype", d.dtype},
                      {"tensors", d.tensors},
                      {"params", d.params},
                      {"bytes", d.bytes},
                      {"bits_per_weight", d.bits_per_weight}});
  json components = json::object();
  for (const ComponentShare& c : r.by_component)
    components[std::string(component_key(c.component))] = {{"tensors", c.tensors}, {"params", c.params}, {"bytes", c.bytes}};
  json cross = nullptr;
  if (r.cross_check) {
    const CrossCheck& c = *r.cross_check;
    json rows = json::array();
    for (const CrossCheckRow& row : c.rows)
      rows.push_back({{"component", component_key(row.component)},
                      {"config", row.config_params},
                      {"tensors", row.tensor_params},
                      {"difference", row.tensor_params - row.config_params},
                      {"explanation", row.explanation}});
    cross = {{"against", c.against},
             {"config_total", c.config_total},
             {"config_mtp", c.config_mtp},
             {"tensor_total", c.tensor_total},
             {"tensor_mtp", c.tensor_mtp},
             {"matches", c.matches},
             {"by_component", rows},
             {"notes", c.notes}};
  }
  return {{"format", weight_format_key(r.format)},
          {"paths", r.files},
          {"file_bytes", r.file_bytes},
          {"bytes_read", r.bytes_read},
          {"tensors", r.tensor_count},
          {"params", r.params},
          {"tensor_bytes", r.tensor_bytes},
          {"bytes_per_param", r.bytes_per_param},
          {"bits_per_weight", r.bits_per_weight},
          {"by_dtype", dtypes},
          {"by_component", components},
          {"cross_check", cross},
          {"notes", r.notes}};
}

std::string checkpoint_text(const CheckpointReport& r) {
  std::string out = fmt::format("Weight files ({}, {} file{}, {}; headers read: {})\n", weight_format_key(r.format),
                                r.files.size(), r.files.size() == 1 ? "" : "s", human_bytes(static_cast<std::int64_t>(r.file_bytes)),
                                human_bytes(static_cast<std::int64_t>(r.bytes_read)));
  auto line = [&](const std::string& label, const std::string& value) { out += fmt::format("  {:<22}{}\n", label, value); };
  line("Tensors", with_commas(r.tensor_count));
  line("Parameters", fmt::format("{} ({})", human_count(r.params), with_commas(r.params)));
  line("Tensor bytes", fmt::format("{} ({:.3f} bytes/param, {:.2f} bits/weight)",
                                   human_bytes(static_cast<std::int64_t>(r.tensor_bytes)), r.bytes_per_param,
                                   r.bits_per_weight));
  out += "\n  by dtype               tensors        params       bytes   bits/weight\n";
  for (const DtypeShare& d : r.by_dtype)
    out += fmt::format("  {:<20}{:>10}{:>14}{:>12}{:>14.2f}\n", d.dtype, with_commas(d.tensors), human_count(d.params),
                       human_bytes(static_cast<std::int64_t>(d.bytes)), d.bits_per_weight);
  out += "\n  by component           tensors        params       share\n";
  for (const ComponentShare& c : r.by_component)
    out += fmt::format("  {:<20}{:>10}{:>14}{:>12}\n", component_key(c.component), with_commas(c.tensors),
                       human_count(c.params),
                       percent(r.params > 0 ? static_cast<double>(c.params) / static_cast<double>(r.params) : 0));
  if (r.cross_check) {
    const CrossCheck& c = *r.cross_check;
    out += fmt::format("\n  Cross-check vs {}: {}\n", c.against,
                       c.matches ? "matches" : "differs (the tensors are the ground truth)");
    out += fmt::format("  {:<20}{:>18}{:>18}\n", "", c.against == "config.json" ? "config" : "metadata", "tensors");
    out += fmt::format("  {:<20}{:>18}{:>18}\n", "language model", with_commas(c.config_total), with_commas(c.tensor_total));
    if (c.config_mtp || c.tensor_mtp)
      out += fmt::format("  {:<20}{:>18}{:>18}\n", "MTP layers", with_commas(c.config_mtp), with_commas(c.tensor_mtp));
    for (const CrossCheckRow& row : c.rows)
      if (row.config_params != row.tensor_params && row.component != Component::Mtp)  // MTP: the row above
        out += fmt::format("  {:<20}{:>18}{:>18}\n", std::string("  ") + std::string(component_key(row.component)),
                           with_commas(row.config_params), with_commas(row.tensor_params));
    for (const std::string& note : c.notes) out += "  - " + note + "\n";
  }
  for (const std::string& note : r.notes) out += "  - " + note + "\n";
  return out;
}

}  // namespace llmg
