// Query strings of the timeline and the family tree (issue 14). The same rules run in the browser
// (assets/timeline.js, assets/tree.js) so the static export honours the same URLs; the server may
// parse them to render the state without JavaScript and answer 400 on a malformed value.
#pragma once

#include <set>
#include <string>

#include "base/result.h"
#include "site/query.h"

namespace llmg::site {

struct TimelineQuery {
  // kv: KV bytes per token over time; active: active parameters over time; params: total parameters
  // over time (the "scaled view", active as a stem below each MoE point).
  std::string view = "kv";
  std::string from, to;  // inclusive YYYY-MM-DD bounds (partial dates widened), empty = the catalog's range
  QueryParams canonical;
};
// view=kv|active|params (the older y=kv|active is read as view when view is absent), from=, to=
// (YYYY, YYYY-MM or YYYY-MM-DD; from after to is an error). Unknown names are ignored.
Result<TimelineQuery> parse_timeline_query(const QueryParams& params);

struct TreeQuery {
  std::set<std::string> vendors;  // empty = every vendor
  std::set<std::string> types;    // decoder_type_key values; empty = every type
  QueryParams canonical;
};
// vendor=NAME (repeatable, any non-empty text up to 100 bytes), type=dense|moe|hybrid|recurrent (repeatable).
Result<TreeQuery> parse_tree_query(const QueryParams& params);

}  // namespace llmg::site
