#include "site/time_query.h"

#include <fmt/format.h>

namespace llmg::site {

Result<TimelineQuery> parse_timeline_query(const QueryParams& params) {
  TimelineQuery query;
  std::string view, y, from, to;
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    if (name == "view") view = value;
    else if (name == "y") y = value;
    else if (name == "from") from = value;
    else if (name == "to") to = value;
  }
  if (view.empty() && !y.empty()) {
    if (y != "kv" && y != "active") return bad_input(fmt::format("parameter 'y': expected kv or active, got '{}'", y));
    view = y;
  }
  if (!view.empty()) {
    if (view != "kv" && view != "active" && view != "params")
      return bad_input(fmt::format("parameter 'view': expected kv, active or params, got '{}'", view));
    query.view = view;
  }
  if (query.view != "kv") query.canonical.emplace_back("view", query.view);
  if (!from.empty()) {
    auto date = parse_date_bound(from, "from", false);
    if (!date) return tl::unexpected(date.error());
    query.from = *date;
    query.canonical.emplace_back("from", from);
  }
  if (!to.empty()) {
    auto date = parse_date_bound(to, "to", true);
    if (!date) return tl::unexpected(date.error());
    query.to = *date;
    query.canonical.emplace_back("to", to);
  }
  if (!query.from.empty() && !query.to.empty() && query.from > query.to)
    return bad_input(fmt::format("parameters 'from' and 'to': {} is after {}", from, to));
  return query;
}

Result<TreeQuery> parse_tree_query(const QueryParams& params) {
  TreeQuery query;
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    if (name == "vendor") {
      if (value.size() > 100) return bad_input("parameter 'vendor': longer than 100 bytes");
      if (query.vendors.insert(value).second) query.canonical.emplace_back(name, value);
    } else if (name == "type") {
      if (!known_decoder_type(value))
        return bad_input(fmt::format("parameter 'type': expected dense, moe, hybrid or recurrent, got '{}'", value));
      if (query.types.insert(value).second) query.canonical.emplace_back(name, value);
    }
  }
  return query;
}

}  // namespace llmg::site
