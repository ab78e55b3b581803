#include "server/server.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>
#include <microhttpd.h>
#include <zlib.h>

#include "analysis/validate.h"
#include "catalog/embedded.h"
#include "ingest/config/hf_config.h"
#include "render/svg/diagram.h"
#include "render/html/concepts.h"
#include "render/html/gallery.h"
#include "render/html/model_page.h"
#include "render/html/views.h"
#include "site/query.h"
#include "render/text/json.h"
#include "site/routes.h"

namespace llmg::server {

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kSvg = "image/svg+xml; charset=utf-8";
constexpr std::size_t kMinGzipBytes = 256;  // smaller bodies are sent as they are
constexpr std::size_t kDrainFactor = 4;     // a body up to 4 × the cap is read (and dropped) before its 413

// `text` with every byte sequence that is not UTF-8 replaced by U+FFFD, cut to `max_bytes` (whole
// characters) with "…": what a client sent is echoed in messages only in this form.
std::string valid_utf8(std::string_view text, std::size_t max_bytes = 200) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    bool ok = length > 0 && i + length <= text.size() && c != 0xc0 && c != 0xc1 && c < 0xf5;
    for (std::size_t k = 1; ok && k < length; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xc0) == 0x80;
    if (ok && length == 3) {  // no overlong forms, no surrogates
      const auto d = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xe0 && d < 0xa0) && !(c == 0xed && d >= 0xa0);
    } else if (ok && length == 4) {
      const auto d = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xf0 && d < 0x90) && !(c == 0xf4 && d >= 0x90);
    }
    const std::string_view piece = ok ? text.substr(i, length) : std::string_view("\xef\xbf\xbd");
    if (out.size() + piece.size() > max_bytes) return out + "…";
    out += piece;
    i += ok ? length : 1;
  }
  return out;
}

// A rendered response body with its validator, and its gzip form made on first use.
struct Rendered {
  std::string body;
  std::string content_type;
  std::string etag;
  mutable std::once_flag gzip_once;
  mutable std::string gzip;  // empty: not worth compressing

  const std::string& gzipped() const {
    std::call_once(gzip_once, [this] {
      if (body.size() < kMinGzipBytes) return;
      z_stream z{};
      if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return;  // 15 + 16: gzip wrapper
      std::string out(deflateBound(&z, body.size()), '\0');
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
      z.avail_in = static_cast<uInt>(body.size());
      z.next_out = reinterpret_cast<Bytef*>(out.data());
      z.avail_out = static_cast<uInt>(out.size());
      const int status = deflate(&z, Z_FINISH);
      out.resize(z.total_out);
      deflateEnd(&z);
      if (status == Z_STREAM_END && out.size() < body.size()) gzip = std::move(out);
    });
    return gzip;
  }
};

std::string etag_of(std::string_view data) {
  // FNV-1a 64: a cheap content hash for validators (not security relevant).
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : data) hash = (hash ^ c) * 1099511628211ull;
  return fmt::format("\"{:016x}\"", hash);
}

std::shared_ptr<const Rendered> make(std::string body, std::string type, bool validator = true) {
  auto r = std::make_shared<Rendered>();
  if (validator) r->etag = etag_of(body);
  r->body = std::move(body);
  r->content_type = std::move(type);
  return r;
}

std::string content_type_of(std::string_view path) {
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".svg")) return kSvg;
  return "application/octet-stream";
}

std::string error_page(int status, const std::string& message) {
  const char* title = status == 404 ? "Not found" : status == 400 ? "Bad request" : status == 405 ? "Method not allowed"
                      : status == 413 ? "Too large" : status == 431 ? "Headers too large" : "Error";
  return html::page({fmt::format("{} — llmgallery", title), title, html::Nav::None},
                    fmt::format("<h1>{} <span class=\"muted\">({})</span></h1><p>{}</p><p><a href=\"/\">Back to the "
                                "gallery</a></p>",
                                title, status, html::escape(message)));
}

// Whether an Accept-Encoding value accepts gzip ("gzip", "x-gzip", "*", not with q=0).
bool accepts_gzip(std::string_view header) {
  while (!header.empty()) {
    std::size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    std::string_view name = item.substr(0, item.find(';')), params = item.substr(name.size());
    auto trim = [](std::string_view s) {
      while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
      while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
      return s;
    };
    name = trim(name);
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower != "gzip" && lower != "x-gzip" && lower != "*") continue;
    std::string q;
    for (char c : params)
      if (c != ' ' && c != '\t') q += c;
    const auto at = q.find(";q=");
    if (at == std::string::npos) return true;
    const std::string value = q.substr(at + 3);
    return value.find_first_not_of("0.") != std::string::npos && !value.empty();
  }
  return false;
}

// One request as the handlers see it.
struct Request {
  MHD_Connection* connection = nullptr;
  std::string method;
  std::string path;               // percent-decoded, without the query
  std::vector<std::string> args;  // the route's {param} captures, in pattern order
  html::QueryParams query;        // the query's parameters (and a urlencoded form's fields), decoded
  // POST bodies: form fields by name (value, and file name of a multipart file part)
  struct Field {
    std::string value;
    std::string file_name;
    bool present = false;
  };
  std::map<std::string, Field> fields;

  std::string header(const char* name) const {
    const char* value = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);
    return value ? value : "";
  }
  bool has_param(std::string_view name) const {
    return std::any_of(query.begin(), query.end(), [&](const auto& p) { return p.first == name; });
  }
  std::string param(std::string_view name) const {
    for (const auto& [key, value] : query)
      if (key == name) return value;
    return "";
  }
};

struct Response {
  int status = 200;
  std::shared_ptr<const Rendered> page;
  std::string cache_control;
  std::vector<std::pair<std::string, std::string>> headers;
};

using Handler = std::function<void(const Request&, Response&)>;

// The state of one request across the access handler's calls (its body arrives in pieces).
struct Exchange {
  Request request;
  const site::Route* route = nullptr;
  MHD_PostProcessor* post = nullptr;
  std::size_t body_bytes = 0;
  bool too_large = false;
  bool form_fields_to_query = false;  // urlencoded: its fields are parameters too (as the query's)
  bool malformed = false;             // the post processor refused the body
  std::size_t field_cap = 0;          // bytes kept of one field: the config cap + 1 (enough to answer 413)
  ~Exchange() {
    if (post) MHD_destroy_post_processor(post);
  }
};

}  // namespace

struct GalleryServer::Impl {
  const Catalog& catalog;
  Limits limits;
  html::Gallery gallery;
  std::vector<html::Change> changes;
  std::string changes_error;  // why the catalog's changelog could not be read (its pages answer 500)
  std::map<std::string, std::shared_ptr<const Rendered>> assets;  // name -> asset
  std::mutex cache_mutex;
  std::map<std::string, std::shared_ptr<const Rendered>> cache;  // path + canonical query -> page
  std::size_t cached_bytes = 0;
  std::map<std::string_view, Handler> get_handlers, post_handlers;

  MHD_Daemon* daemon = nullptr;
  // Serving: run() waits until stop().
  std::mutex state_mutex;
  std::condition_variable state_changed;
  bool stopping = false;
  // The request deadline: when each open connection's current request began (connection start or the
  // previous response's end); a sweep thread shuts down the socket of any older than the deadline.
  struct Tracked {
    int fd = -1;
    std::chrono::steady_clock::time_point since;
    bool cut = false;
  };
  std::mutex tracked_mutex;
  std::unordered_map<MHD_Connection*, Tracked> tracked;
  std::thread sweeper;

  Impl(const Catalog& c, Limits l) : catalog(c), limits(l), gallery(html::build_gallery(c)) {
    if (c.changes())
      changes = *c.changes();
    else
      changes_error = c.changes().error().message;
    for (const embedded::File& file : embedded::asset_files())
      assets[std::string(file.path)] = make(std::string(file.data), content_type_of(file.path));
    prerender();
    routes();
  }
  ~Impl() { shutdown(); }

  std::shared_ptr<const Rendered> cached(const std::string& key) {
    std::lock_guard lock(cache_mutex);
    auto it = cache.find(key);
    return it == cache.end() ? nullptr : it->second;
  }
  std::shared_ptr<const Rendered> remember(const std::string& key, std::shared_ptr<const Rendered> r) {
    std::lock_guard lock(cache_mutex);
    const std::size_t size = key.size() + r->body.size();
    if (cached_bytes + size <= limits.max_cached_bytes && cache.emplace(key, r).second) cached_bytes += size;
    return r;
  }
  // The page under `key`, rendered by `render` on first use.
  template <class Render>
  std::shared_ptr<const Rendered> page(const std::string& key, const char* type, Render render) {
    if (auto hit = cached(key)) return hit;
    return remember(key, make(render(), type));
  }

  std::string api_models() const {
    nlohmann::json out = nlohmann::json::array();
    for (const html::GalleryItem& item : gallery.items) out.push_back(list_item_json(item.view));
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  void prerender() {
    html::GalleryQuery query = *html::parse_gallery_query({});
    page("/", kHtml, [&] { return html::index_page(gallery, query); });
    html::MemorySettings memory = *html::parse_memory_settings({});
    for (const html::GalleryItem& item : gallery.items)
      page("/models/" + item.view.slug, kHtml, [&] { return html::model_page(gallery, item, memory); });
    page("/api/models", kJson, [&] { return api_models(); });
  }

  static void send(Response& res, std::shared_ptr<const Rendered> r, const char* cache_control) {
    res.page = std::move(r);
    res.cache_control = cache_control;
  }
  static void send_page(Response& res, std::shared_ptr<const Rendered> r) {
    // The catalog is compiled in: a page changes only with the binary, so revalidate with the ETag.
    send(res, std::move(r), "no-cache");
  }
  // An error answer; what the client sent appears in `message` only as valid UTF-8 (case 03).
  static void fail(Response& res, int status, const std::string& message, bool json = false) {
    res.status = status;
    const std::string text = valid_utf8(message, 400);
    res.page = json ? make(nlohmann::json{{"error", text}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJson, false)
                    : make(error_page(status, text), kHtml, false);
    res.cache_control = "no-store";
  }
  static std::string quoted_slug(const std::string& slug) { return valid_utf8(slug, 100); }

  void routes() {
    // One handler per row of the route table (site/routes.h), checked against the table; a row without a
    // handler, or a handler without a row, is a programming error caught when the server is built.
    auto& get = get_handlers;
    get["index"] = [this](const Request& req, Response& res) {
      auto query = html::parse_gallery_query(req.query);
      if (!query) return fail(res, 400, query.error().message);
      const std::string key = "/" + html::query_string(query->canonical);
      send_page(res, page(key, kHtml, [&] { return html::index_page(gallery, *query); }));
    };
    get["model"] = [this](const Request& req, Response& res) {
      const html::GalleryItem* item = gallery.find(req.args[0]);
      if (!item) return fail(res, 404, fmt::format("No model '{}' in the catalog.", quoted_slug(req.args[0])));
      auto memory = html::parse_memory_settings(req.query);
      if (!memory) return fail(res, 400, memory.error().message);
      const std::string key = "/models/" + item->view.slug + html::query_string(memory->canonical);
      send_page(res, page(key, kHtml, [&] { return html::model_page(gallery, *item, *memory); }));
    };
    get["diff_form"] = [this](const Request& req, Response& res) {
      const std::string a = req.param("a"), b = req.param("b");
      if (a.empty() || b.empty()) return fail(res, 400, "Name two models: /diff?a=SLUG&b=SLUG or /diff/A/B.");
      for (const std::string& slug : {a, b})
        if (!gallery.find(slug)) return fail(res, 404, fmt::format("No model '{}' in the catalog.", quoted_slug(slug)));
      res.status = 303;
      res.page = make("", kHtml, false);
      res.headers.emplace_back("Location", site::link_to(site::route("diff"), {html::url_encode(a), html::url_encode(b)}));
    };
    get["diff"] = [this](const Request& req, Response& res) {
      const html::GalleryItem* a = gallery.find(req.args[0]);
      const html::GalleryItem* b = gallery.find(req.args[1]);
      if (!a || !b) return fail(res, 404, fmt::format("No model '{}' in the catalog.", quoted_slug(a ? req.args[1] : req.args[0])));
      auto memory = html::parse_memory_settings(req.query);
      if (!memory) return fail(res, 400, memory.error().message);
      const std::string key = "/diff/" + a->view.slug + "/" + b->view.slug + html::query_string(memory->canonical);
      send_page(res, page(key, kHtml, [&] { return html::diff_page(gallery, *a, *b, *memory); }));
    };
    get["timeline"] = [this](const Request& req, Response& res) {
      std::string y = req.has_param("y") ? req.param("y") : "kv";
      if (y.empty()) y = "kv";
      if (y != "kv" && y != "active") return fail(res, 400, "parameter 'y': expected kv or active, got '" + y + "'");
      send_page(res, page("/timeline?y=" + y, kHtml, [&] { return html::timeline_page(gallery, y); }));
    };
    get["tree"] = [this](const Request&, Response& res) {
      send_page(res, page("/tree", kHtml, [&] { return html::tree_page(gallery); }));
    };
    get["changelog"] = [this](const Request&, Response& res) {
      if (!changes_error.empty()) return fail(res, 500, changes_error);
      send_page(res, page("/changelog", kHtml, [&] { return html::changelog_page(gallery, changes); }));
    };
    get["feed"] = [this](const Request&, Response& res) {
      if (!changes_error.empty()) return fail(res, 500, changes_error);
      send_page(res, page("/feed.xml", "application/atom+xml; charset=utf-8", [&] { return html::atom_feed(gallery, changes); }));
    };
    get["inspect"] = [this](const Request&, Response& res) {
      send_page(res, page("/inspect", kHtml, [&] { return html::inspect_page(gallery, nullptr, *html::parse_memory_settings({})); }));
    };
    post_handlers["inspect"] = [this](const Request& req, Response& res) { inspect(req, res); };
    // Concept pages and catalog statistics (render/html/concepts.h).
    get["concepts"] = [this](const Request&, Response& res) {
      send_page(res, page("/concepts", kHtml, [&] { return html::concepts_index_page(gallery); }));
    };
    get["concept"] = [this](const Request& req, Response& res) {
      const Concept* c = find_concept(req.args[0]);
      if (!c) return fail(res, 404, "No such concept.");
      send_page(res, page("/concepts/" + std::string(c->name), kHtml, [&] { return html::concept_page(gallery, *c); }));
    };
    get["stats"] = [this](const Request& req, Response& res) {
      auto body = html::stats_page(gallery, req.args[0]);
      if (!body) return fail(res, 404, "No such statistics page.");
      send_page(res, page("/stats/" + req.args[0], kHtml, [&] { return *body; }));
    };
    get["diagram"] = [this](const Request& req, Response& res) {
      const html::GalleryItem* item = gallery.find(req.args[0]);
      if (!item || !item->view.model) return fail(res, 404, "No diagram for this model.");
      send(res, page("/diagrams/" + item->view.slug, kSvg, [&] { return diagram_svg(item->view); }), "public, max-age=3600");
    };
    get["asset"] = [this](const Request& req, Response& res) {
      // Only names of embedded files: nothing on disk is ever read, so no path can escape.
      auto it = assets.find(req.args[0]);
      if (it == assets.end()) return fail(res, 404, "No such asset.");
      send(res, it->second, "public, max-age=3600");
    };
    get["api_models"] = [this](const Request&, Response& res) {
      send_page(res, page("/api/models", kJson, [&] { return api_models(); }));
    };
    get["api_model"] = [this](const Request& req, Response& res) {
      const html::GalleryItem* item = gallery.find(req.args[0]);
      if (!item) return fail(res, 404, fmt::format("no model '{}' in the catalog", quoted_slug(req.args[0])), true);
      send_page(res, page("/api/models/" + item->view.slug, kJson, [&] { return model_json(item->view).dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }));
    };
    get["api_diff"] = [this](const Request& req, Response& res) {
      const html::GalleryItem* a = gallery.find(req.args[0]);
      const html::GalleryItem* b = gallery.find(req.args[1]);
      if (!a || !b)
        return fail(res, 404, fmt::format("no model '{}' in the catalog", quoted_slug(a ? req.args[1] : req.args[0])), true);
      send_page(res, page("/api/diff/" + a->view.slug + "/" + b->view.slug, kJson,
                          [&] { return diff_json(a->view, b->view).dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }));
    };
    std::size_t posts = 0;
    for (const site::Route& route : site::routes()) {
      if (!get.contains(route.name)) throw std::logic_error(fmt::format("route '{}' has no GET handler", route.name));
      if (route.allow.find("POST") == std::string_view::npos) continue;
      if (!post_handlers.contains(route.name)) throw std::logic_error(fmt::format("route '{}' has no POST handler", route.name));
      ++posts;
    }
    for (const auto& handlers : {&get, &post_handlers})
      for (const auto& [name, handler] : *handlers) {
        (void)handler;
        site::route(name);  // throws for a handler without a row
      }
    if (get.size() != site::routes().size() || post_handlers.size() != posts)
      throw std::logic_error("a handler has no route in the table");
  }

  void inspect(const Request& req, Response& res) {
    std::string text, file_name = "config.json", against;
    auto field = [&](const char* name) -> const Request::Field* {
      auto it = req.fields.find(name);
      return it == req.fields.end() ? nullptr : &it->second;
    };
    if (const Request::Field* file = field("file"); file && !file->value.empty()) {
      text = file->value;
      if (!file->file_name.empty()) file_name = valid_utf8(file->file_name, 100);
    } else if (const Request::Field* config = field("config")) {
      text = config->value;
    }
    if (const Request::Field* a = field("against")) against = a->value;
    if (text.size() > limits.max_config_bytes)
      return fail(res, 413, fmt::format("The config is more than {} bytes, the most accepted.", limits.max_config_bytes));
    // The memory settings come from the other fields; the config itself is not a query value (its size
    // is capped above, not by the query's per-value limit).
    site::QueryParams settings;
    for (const auto& [name, value] : req.query)
      if (name != "config" && name != "file") settings.emplace_back(name, value);
    auto memory = html::parse_memory_settings(settings);
    if (!memory) return fail(res, 400, memory.error().message);
    html::InspectResult result;
    result.file_name = file_name;
    if (!against.empty()) {
      result.against = gallery.find(against);
      if (!result.against) return fail(res, 400, fmt::format("parameter 'against': no model '{}' in the catalog", quoted_slug(against)));
    }
    std::optional<Model> model;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      result.error = "No config given: paste its text or choose a file.";
      res.status = 400;
    } else if (auto parsed = checked_model(read_config_text(text, file_name), file_name)) {
      model = std::move(*parsed);
      result.view = view_of(*model, "uploaded", file_name);
    } else {
      result.error = parsed.error().message;
      res.status = 400;
    }
    res.cache_control = "no-store";
    res.page = make(html::inspect_page(gallery, &result, *memory), kHtml, false);
  }

  // ---- the libmicrohttpd adapter ----------------------------------------------------------------------

  // Queues `res` on the connection: validators (304), gzip when accepted, the security headers.
  MHD_Result queue(const Request& req, Response& res) {
    if (!res.page) fail(res, 500, "Internal error.");
    const Rendered& r = *res.page;
    const bool compressible = r.body.size() >= kMinGzipBytes;
    const bool gzip = compressible && accepts_gzip(req.header(MHD_HTTP_HEADER_ACCEPT_ENCODING)) && !r.gzipped().empty();
    // The gzip form is another representation, with its own validator.
    const std::string etag = r.etag.empty() ? "" : gzip ? r.etag.substr(0, r.etag.size() - 1) + "-gzip\"" : r.etag;
    int status = res.status;
    bool body = true;
    if (status == 200 && !etag.empty()) {
      const std::string match = req.header(MHD_HTTP_HEADER_IF_NONE_MATCH);
      if (!match.empty() && (match.find(etag) != std::string::npos || match == "*")) {
        status = 304;
        body = false;
      }
    }
    MHD_Response* response;
    if (!body) {
      response = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
    } else {
      // The body stays in the shared page (cached or not) until libmicrohttpd has sent it.
      const std::string& data = gzip ? r.gzip : r.body;
      auto* hold = new std::shared_ptr<const Rendered>(res.page);
      response = MHD_create_response_from_buffer_with_free_callback_cls(
          data.size(), const_cast<char*>(data.data()), [](void* p) { delete static_cast<std::shared_ptr<const Rendered>*>(p); }, hold);
      if (!response) delete hold;
    }
    if (!response) return MHD_NO;
    auto add = [&](const char* name, const std::string& value) { MHD_add_response_header(response, name, value.c_str()); };
    add("X-Content-Type-Options", "nosniff");
    add("Content-Security-Policy", kContentSecurityPolicy);
    add("Referrer-Policy", "same-origin");
    add("X-Frame-Options", "DENY");
    if (!r.content_type.empty() && (body || status == 304)) add(MHD_HTTP_HEADER_CONTENT_TYPE, r.content_type);
    if (!etag.empty() && (status == 200 || status == 304)) add(MHD_HTTP_HEADER_ETAG, etag);
    if (!res.cache_control.empty()) add(MHD_HTTP_HEADER_CACHE_CONTROL, res.cache_control);
    if (compressible) add(MHD_HTTP_HEADER_VARY, "Accept-Encoding");
    if (gzip && body) add(MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    for (const auto& [name, value] : res.headers) add(name.c_str(), value);
    const MHD_Result queued = MHD_queue_response(req.connection, static_cast<unsigned>(status), response);
    MHD_destroy_response(response);
    return queued;
  }

  // The whole request is in: the route's handler, or 404 / 405 from the route table.
  MHD_Result answer(Exchange& x, Response& res) {
    const Request& req = x.request;
    const bool api = req.path == "/api" || req.path.starts_with("/api/");
    try {
      if (res.page) {
        // already decided (413, 400)
      } else if (!x.route) {
        fail(res, 404, api ? "no such API route" : "There is no page at this address.", api);
      } else if (req.method == MHD_HTTP_METHOD_GET || req.method == MHD_HTTP_METHOD_HEAD) {
        get_handlers.at(x.route->name)(req, res);
      } else if (req.method == MHD_HTTP_METHOD_POST && post_handlers.contains(x.route->name)) {
        post_handlers.at(x.route->name)(req, res);
      } else {
        res.headers.emplace_back(MHD_HTTP_HEADER_ALLOW, std::string(x.route->allow));
        fail(res, 405, fmt::format("{} is not allowed here.", valid_utf8(req.method, 40)), api);
      }
    } catch (const std::exception&) {
      res = Response{};
      fail(res, 500, "Internal error.");
    }
    return queue(req, res);
  }

  static MHD_Result on_post_field(void* cls, MHD_ValueKind, const char* key, const char* filename, const char*, const char*,
                                  const char* data, uint64_t offset, size_t size) {
    auto& x = *static_cast<Exchange*>(cls);
    Request::Field& field = x.request.fields[key];
    if (offset == 0) {  // a value begins (it may arrive in several pieces)
      field = Request::Field{};
      if (x.form_fields_to_query) x.request.query.emplace_back(valid_utf8(key, 200), "");
    }
    field.present = true;
    if (filename) field.file_name = filename;
    const std::size_t keep = std::min(size, x.field_cap - std::min(x.field_cap, field.value.size()));
    field.value.append(data, keep);
    if (x.form_fields_to_query && !x.request.query.empty())
      x.request.query.back().second = valid_utf8(field.value, x.field_cap);
    return MHD_YES;
  }

  // libmicrohttpd's percent-decoding, except that %00 decodes to DEL (0x7F): a NUL would end the C string
  // the path and arguments are handed over as (/models/llama-3-8b%00junk read as /models/llama-3-8b); DEL
  // matches no route and fails the query check, so both are refused (404, 400).
  static size_t unescape(void*, MHD_Connection*, char* s) {
    for (char* p = s; *p; ++p)
      if (p[0] == '%' && p[1] == '0' && p[2] == '0') {
        p[1] = '7';
        p[2] = 'F';
      }
    return MHD_http_unescape(s);
  }

  static MHD_Result on_request(void* cls, MHD_Connection* connection, const char* url, const char* method, const char*,
                               const char* upload_data, size_t* upload_size, void** context) {
    Impl& self = *static_cast<Impl*>(cls);
    auto* x = static_cast<Exchange*>(*context);
    if (!x) return self.begin(connection, url, method, context);
    if (*upload_size > 0) {
      x->body_bytes += *upload_size;
      if (x->body_bytes > kDrainFactor * self.limits.max_payload_bytes) return MHD_NO;  // closed without reading more
      if (x->body_bytes > self.limits.max_payload_bytes)
        x->too_large = true;  // the rest is read and dropped (within the request deadline), then 413
      else if (x->post && !x->malformed && !x->too_large && MHD_post_process(x->post, upload_data, *upload_size) != MHD_YES)
        x->malformed = true;
      *upload_size = 0;
      return MHD_YES;
    }
    if (x->post) {  // flushes the last field (a urlencoded value may still be buffered)
      MHD_destroy_post_processor(x->post);
      x->post = nullptr;
    }
    Response res;
    if (x->too_large)
      fail(res, 413, fmt::format("The request body is larger than the {} bytes the server accepts.", self.limits.max_payload_bytes));
    else if (x->malformed)
      fail(res, 400, "The form data could not be read.");
    return self.answer(*x, res);
  }

  // The first call for a request: its headers are in. Refuses at once what is too large; otherwise waits
  // for the rest (the body, if any).
  MHD_Result begin(MHD_Connection* connection, const char* url, const char* method, void** context) {
    auto* x = new Exchange;  // deleted in on_completed
    *context = x;
    Request& req = x->request;
    req.connection = connection;
    req.method = method;
    req.path = url ? url : "";
    Response res;
    struct Count {
      std::size_t lines = 0, bytes = 0;
    } count;
    MHD_get_connection_values_n(
        connection, MHD_HEADER_KIND,
        [](void* cls, MHD_ValueKind, const char*, size_t key_size, const char*, size_t value_size) {
          auto& c = *static_cast<Count*>(cls);
          ++c.lines;
          c.bytes += key_size + value_size;
          return MHD_YES;
        },
        &count);
    if (count.lines > limits.max_header_count || count.bytes > limits.max_header_bytes) {
      fail(res, 431, fmt::format("At most {} request headers of {} bytes in all are accepted.", limits.max_header_count,
                                 limits.max_header_bytes));
      return queue(req, res);
    }
    MHD_get_connection_values(
        connection, MHD_GET_ARGUMENT_KIND,
        [](void* cls, MHD_ValueKind, const char* key, const char* value) {
          static_cast<html::QueryParams*>(cls)->emplace_back(valid_utf8(key ? key : "", SIZE_MAX),
                                                             valid_utf8(value ? value : "", SIZE_MAX));
          return MHD_YES;
        },
        &req.query);
    // Every GET argument is checked here, for every route (count, size, UTF-8, no control characters; a %00
    // reaches us as DEL, see unescape below): the index checked its own, the timeline, tree and changelog not.
    if (auto checked = site::check_query_size(req.query); !checked) {
      fail(res, 400, checked.error().message);
      return queue(req, res);
    }
    // Answers are queued once the whole request is in (the next call): libmicrohttpd closes a connection
    // whose answer was queued in this first call, which is right only for refusals.
    if (auto match = site::match_route(req.path)) {
      x->route = match->route;
      req.args = std::move(match->args);
    }
    // A body over the cap: up to kDrainFactor times the cap it is read and dropped, then 413 (a client still
    // sending would otherwise lose the answer to the reset of a close with unread data); beyond, 413 now
    // and the connection is closed.
    const std::string length = req.header(MHD_HTTP_HEADER_CONTENT_LENGTH);
    const unsigned long long announced = length.size() > 18 ? ~0ull : std::strtoull(length.c_str(), nullptr, 10);
    if (!length.empty() && announced > limits.max_payload_bytes) {
      if (announced > kDrainFactor * limits.max_payload_bytes) {
        fail(res, 413, fmt::format("The request body is larger than the {} bytes the server accepts.", limits.max_payload_bytes));
        return queue(req, res);
      }
      x->too_large = true;
    }
    if (x->route && req.method == MHD_HTTP_METHOD_POST && post_handlers.contains(x->route->name)) {
      std::string type = req.header(MHD_HTTP_HEADER_CONTENT_TYPE);
      std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
      x->form_fields_to_query = type.starts_with(MHD_HTTP_POST_ENCODING_FORM_URLENCODED);
      x->field_cap = limits.max_config_bytes + 1;
      // urlencoded or multipart/form-data; any other body is read and ignored (then "No config given").
      x->post = MHD_create_post_processor(connection, 16 * 1024, &Impl::on_post_field, x);
    }
    return MHD_YES;
  }

  static void on_completed(void* cls, MHD_Connection* connection, void** context, MHD_RequestTerminationCode) {
    delete static_cast<Exchange*>(*context);
    *context = nullptr;
    Impl& self = *static_cast<Impl*>(cls);
    std::lock_guard lock(self.tracked_mutex);
    if (auto it = self.tracked.find(connection); it != self.tracked.end()) it->second.since = std::chrono::steady_clock::now();
  }

  static void on_connection(void* cls, MHD_Connection* connection, void**, MHD_ConnectionNotificationCode code) {
    Impl& self = *static_cast<Impl*>(cls);
    std::lock_guard lock(self.tracked_mutex);
    if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
      // Called before libmicrohttpd closes the socket: the sweep never touches a reused descriptor.
      self.tracked.erase(connection);
      return;
    }
    const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (info) self.tracked[connection] = Tracked{info->connect_fd, std::chrono::steady_clock::now(), false};
  }

  // Shuts down the socket of every request past the deadline; libmicrohttpd then sees the connection end
  // and closes it in its own thread.
  void sweep() {
    const auto deadline = std::chrono::steady_clock::now() - std::chrono::seconds(limits.request_deadline_seconds);
    std::lock_guard lock(tracked_mutex);
    for (auto& [connection, t] : tracked)
      if (!t.cut && t.since < deadline) {
        ::shutdown(t.fd, SHUT_RDWR);
        t.cut = true;
      }
  }

  Result<int> bind(const std::string& host, int port) {
    if (port < 0 || port > 65535) return bad_input(fmt::format("argument '--port {}': expected 0 to 65535", port));
    const auto cannot = [&] {
      return bad_input(fmt::format("cannot listen on {}:{} (address in use or not available)", host, port));
    };
    if (daemon) return cannot();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || !found) return cannot();
    int fd = -1;
    for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
      fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
      if (fd < 0) continue;
      const int on = 1;
      ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
      if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 1024) != 0) {
        ::close(fd);
        fd = -1;
      }
    }
    ::freeaddrinfo(found);
    if (fd < 0) return cannot();
    sockaddr_storage bound{};
    socklen_t size = sizeof bound;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &size);
    const int bound_port = ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port
                                                             : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
    const unsigned threads = limits.worker_threads ? limits.worker_threads : std::max(2u, std::thread::hardware_concurrency());
    daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC, 0, nullptr, nullptr, &Impl::on_request, this,
        MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, limits.max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, limits.max_connections_per_client, MHD_OPTION_CONNECTION_TIMEOUT,
        limits.idle_timeout_seconds, MHD_OPTION_CONNECTION_MEMORY_LIMIT, limits.connection_memory_bytes,
        MHD_OPTION_NOTIFY_COMPLETED, &Impl::on_completed, this, MHD_OPTION_NOTIFY_CONNECTION, &Impl::on_connection, this,
        MHD_OPTION_UNESCAPE_CALLBACK, &Impl::unescape, nullptr, MHD_OPTION_END);
    if (!daemon) {
      ::close(fd);
      return cannot();
    }
    sweeper = std::thread([this] {
      std::unique_lock lock(state_mutex);
      while (!stopping) {
        state_changed.wait_for(lock, std::chrono::milliseconds(250));
        lock.unlock();
        sweep();
        lock.lock();
      }
    });
    return bound_port;
  }

  void run() {
    std::unique_lock lock(state_mutex);
    state_changed.wait(lock, [this] { return stopping; });
    lock.unlock();
    shutdown();
  }
  void stop() {
    std::lock_guard lock(state_mutex);
    stopping = true;
    state_changed.notify_all();
  }
  void shutdown() {
    stop();
    if (sweeper.joinable()) sweeper.join();
    std::lock_guard lock(shutdown_mutex);
    if (daemon) MHD_stop_daemon(daemon);  // closes the listening socket and every connection
    daemon = nullptr;
  }
  std::mutex shutdown_mutex;
};

GalleryServer::GalleryServer(const Catalog& catalog, Limits limits) : impl_(std::make_unique<Impl>(catalog, limits)) {}
GalleryServer::~GalleryServer() = default;

Result<int> GalleryServer::bind(const std::string& host, int port) { return impl_->bind(host, port); }
void GalleryServer::run() { impl_->run(); }
void GalleryServer::stop() { impl_->stop(); }

int serve(const std::string& host, int port) {
  // Block SIGINT/SIGTERM in every thread; one thread waits for them and stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  GalleryServer server;
  auto bound = server.bind(host, port);
  if (!bound) {
    std::cerr << "llmgallery: " << bound.error().message << "\n";
    return 2;
  }
  std::cout << fmt::format("llmgallery: serving the gallery on http://{}:{}/ (Ctrl-C stops)", host.find(':') != std::string::npos ? "[" + host + "]" : host, *bound) << std::endl;
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });
  server.run();
  // run() returned: a signal stopped it (waiter done); wake the waiter in any case. A process-directed
  // signal is fine either way: if the waiter already took one, this stays pending (blocked) until exit.
  kill(getpid(), SIGTERM);
  waiter.join();
  return 0;
}

}  // namespace llmg::server
