// The catalog's changelog as an Atom 1.0 feed (RFC 4287), with absolute links and ids when the public
// base URL is known (`serve` / `build --base-url`).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"

namespace llmg::html {

struct Gallery;

// One fragment id per change, in changelog order: "c-2026-11-24-llama-3-8b-added" (a "-2", "-3", … suffix
// for further changes of one kind to one model on one day). The changelog page puts them on its entries
// and the feed's entry ids point at them, so the page and the feed list the same entries.
std::vector<std::string> change_anchors(const std::vector<Change>& changes);

struct FeedLinks {
  // "https://example.org/gallery" (parse_base_url's form) or empty: then links stay root-relative
  // ("/models/x", for the static export to rewrite) and ids are "urn:llmgallery:…" URNs.
  std::string base;
  // Maps a server path ("/models/x", "/changelog#c-…") to the path under `base`; empty = the path itself
  // (the server). The static export maps routes to its files ("models/x.html").
  std::function<std::string(std::string_view server_path)> path_of;
};

// Atom 1.0: feed id, self and alternate links; one entry per change, newest first, each with its own
// date from the changelog (published = updated = the change's day, 00:00 UTC), a title naming the model
// and the kind of change, an id (base + "/changelog#" + anchor), a link to the model page and the text
// as summary. The feed's updated is the newest change's day.
std::string atom_feed(const Gallery& gallery, const std::vector<Change>& changes, const FeedLinks& links);
// The same with links under site::public_base_url() (what `serve` sets from --base-url or its own address).
std::string atom_feed(const Gallery& gallery, const std::vector<Change>& changes);

}  // namespace llmg::html
