#include "server/server.h"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <pthread.h>
#include <stdexcept>
#include <unistd.h>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>

#include "analysis/validate.h"
#include "catalog/embedded.h"
#include "ingest/config/hf_config.h"
#include "render/svg/diagram.h"
#include "render/html/concepts.h"
#include "render/html/gallery.h"
#include "render/html/model_page.h"
#include "render/html/views.h"
#include "render/text/json.h"
#include "site/routes.h"

namespace llmg::server {

namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kJson = "application/json; charset=utf-8";

// A rendered response body with its validator.
struct Rendered {
  std::string body;
  std::string content_type;
  std::string etag;
};

std::string etag_of(std::string_view data) {
  // FNV-1a 64: a cheap content hash for validators (not security relevant).
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : data) hash = (hash ^ c) * 1099511628211ull;
  return fmt::format("\"{:016x}\"", hash);
}

std::shared_ptr<const Rendered> make(std::string body, const char* type) {
  auto r = std::make_shared<Rendered>();
  r->etag = etag_of(body);
  r->body = std::move(body);
  r->content_type = type;
  return r;
}

std::string content_type_of(std::string_view path) {
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".svg")) return "image/svg+xml; charset=utf-8";
  return "application/octet-stream";
}

html::QueryParams params_of(const httplib::Request& req) {
  html::QueryParams out;
  for (const auto& [name, value] : req.params) out.emplace_back(name, value);
  return out;
}

std::string error_page(int status, const std::string& message) {
  const char* title = status == 404 ? "Not found" : status == 400 ? "Bad request" : status == 405 ? "Method not allowed"
                      : status == 413 ? "Too large" : "Error";
  return html::page({fmt::format("{} — llmgallery", title), title, html::Nav::None},
                    fmt::format("<h1>{} <span class=\"muted\">({})</span></h1><p>{}</p><p><a href=\"/\">Back to the "
                                "gallery</a></p>",
                                title, status, html::escape(message)));
}

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
  httplib::Server http;

  Impl(const Catalog& c, Limits l) : catalog(c), limits(l), gallery(html::build_gallery(c)) {
    if (c.changes())
      changes = *c.changes();
    else
      changes_error = c.changes().error().message;
    for (const embedded::File& file : embedded::asset_files())
      assets[std::string(file.path)] = make(std::string(file.data), "");
    prerender();
    routes();
  }

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
    return out.dump(2);
  }

  void prerender() {
    html::GalleryQuery query = *html::parse_gallery_query({});
    page("/", kHtml, [&] { return html::index_page(gallery, query); });
    html::MemorySettings memory = *html::parse_memory_settings({});
    for (const html::GalleryItem& item : gallery.items)
      page("/models/" + item.view.slug, kHtml, [&] { return html::model_page(gallery, item, memory); });
    page("/api/models", kJson, [&] { return api_models(); });
  }

  static void send(const httplib::Request& req, httplib::Response& res, const Rendered& r, const char* cache_control) {
    res.set_header("ETag", r.etag);
    res.set_header("Cache-Control", cache_control);
    if (req.get_header_value("If-None-Match") == r.etag) {
      res.status = 304;
      return;
    }
    res.set_content(r.body, r.content_type.c_str());
  }
  static void send_page(const httplib::Request& req, httplib::Response& res, const Rendered& r) {
    // The catalog is compiled in: a page changes only with the binary, so revalidate with the ETag.
    send(req, res, r, "no-cache");
  }
  static void fail(httplib::Response& res, int status, const std::string& message, bool json = false) {
    res.status = status;
    if (json)
      res.set_content(nlohmann::json{{"error", message}}.dump(), kJson);
    else
      res.set_content(error_page(status, message), kHtml);
  }

  void routes() {
    http.set_payload_max_length(limits.max_payload_bytes);
    http.set_read_timeout(limits.read_timeout_seconds, 0);
    http.set_write_timeout(limits.write_timeout_seconds, 0);
    http.set_keep_alive_timeout(limits.keep_alive_timeout_seconds);
    http.set_keep_alive_max_count(limits.keep_alive_max_requests);
    http.set_tcp_nodelay(true);
    http.new_task_queue = [threads = limits.worker_threads] { return new httplib::ThreadPool(threads); };
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Content-Security-Policy", kContentSecurityPolicy},
                              {"Referrer-Policy", "same-origin"},
                              {"X-Frame-Options", "DENY"}});
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty() || res.status == 304) return httplib::Server::HandlerResponse::Unhandled;
      const std::string message = res.status == 404 ? "There is no page at this address."
                                  : res.status == 413 ? "The request body is larger than the server accepts."
                                                      : "The request could not be served.";
      res.set_content(error_page(res.status, message), kHtml);
      return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      res.status = 500;
      res.set_content(error_page(500, "Internal error."), kHtml);
    });

    // One handler per row of the route table (site/routes.h), registered from the table; a row without a
    // handler, or a handler without a row, is a programming error caught when the server is built.
    std::map<std::string_view, httplib::Server::Handler> get, post;
    get["index"] = [this](const httplib::Request& req, httplib::Response& res) {
      auto query = html::parse_gallery_query(params_of(req));
      if (!query) return fail(res, 400, query.error().message);
      const std::string key = "/" + html::query_string(query->canonical);
      send_page(req, res, *page(key, kHtml, [&] { return html::index_page(gallery, *query); }));
    };
    get["model"] = [this](const httplib::Request& req, httplib::Response& res) {
      const html::GalleryItem* item = gallery.find(req.matches[1].str());
      if (!item) return fail(res, 404, fmt::format("No model '{}' in the catalog.", req.matches[1].str()));
      auto memory = html::parse_memory_settings(params_of(req));
      if (!memory) return fail(res, 400, memory.error().message);
      const std::string key = "/models/" + item->view.slug + html::query_string(memory->canonical);
      send_page(req, res, *page(key, kHtml, [&] { return html::model_page(gallery, *item, *memory); }));
    };
    get["diff_form"] = [this](const httplib::Request& req, httplib::Response& res) {
      const std::string a = req.get_param_value("a"), b = req.get_param_value("b");
      if (a.empty() || b.empty()) return fail(res, 400, "Name two models: /diff?a=SLUG&b=SLUG or /diff/A/B.");
      for (const std::string& slug : {a, b})
        if (!gallery.find(slug)) return fail(res, 404, fmt::format("No model '{}' in the catalog.", slug));
      res.status = 303;
      res.set_header("Location", site::link_to(site::route("diff"), {html::url_encode(a), html::url_encode(b)}));
    };
    get["diff"] = [this](const httplib::Request& req, httplib::Response& res) {
      const html::GalleryItem* a = gallery.find(req.matches[1].str());
      const html::GalleryItem* b = gallery.find(req.matches[2].str());
      if (!a || !b)
        return fail(res, 404, fmt::format("No model '{}' in the catalog.", (a ? req.matches[2] : req.matches[1]).str()));
      auto memory = html::parse_memory_settings(params_of(req));
      if (!memory) return fail(res, 400, memory.error().message);
      const std::string key = "/diff/" + a->view.slug + "/" + b->view.slug + html::query_string(memory->canonical);
      send_page(req, res, *page(key, kHtml, [&] { return html::diff_page(gallery, *a, *b, *memory); }));
    };
    get["timeline"] = [this](const httplib::Request& req, httplib::Response& res) {
      std::string y = req.has_param("y") ? req.get_param_value("y") : "kv";
      if (y.empty()) y = "kv";
      if (y != "kv" && y != "active") return fail(res, 400, "parameter 'y': expected kv or active, got '" + y + "'");
      send_page(req, res, *page("/timeline?y=" + y, kHtml, [&] { return html::timeline_page(gallery, y); }));
    };
    get["tree"] = [this](const httplib::Request& req, httplib::Response& res) {
      send_page(req, res, *page("/tree", kHtml, [&] { return html::tree_page(gallery); }));
    };
    get["changelog"] = [this](const httplib::Request& req, httplib::Response& res) {
      if (!changes_error.empty()) return fail(res, 500, changes_error);
      send_page(req, res, *page("/changelog", kHtml, [&] { return html::changelog_page(gallery, changes); }));
    };
    get["feed"] = [this](const httplib::Request& req, httplib::Response& res) {
      if (!changes_error.empty()) return fail(res, 500, changes_error);
      send_page(req, res, *page("/feed.xml", "application/atom+xml; charset=utf-8", [&] { return html::atom_feed(gallery, changes); }));
    };
    get["inspect"] = [this](const httplib::Request& req, httplib::Response& res) {
      send_page(req, res, *page("/inspect", kHtml, [&] { return html::inspect_page(gallery, nullptr, *html::parse_memory_settings({})); }));
    };
    post["inspect"] = [this](const httplib::Request& req, httplib::Response& res) { inspect(req, res); };
    // Concept pages and catalog statistics (render/html/concepts.h).
    get["concepts"] = [this](const httplib::Request& req, httplib::Response& res) {
      send_page(req, res, *page("/concepts", kHtml, [&] { return html::concepts_index_page(gallery); }));
    };
    get["concept"] = [this](const httplib::Request& req, httplib::Response& res) {
      const Concept* c = find_concept(req.matches[1].str());
      if (!c) return fail(res, 404, "No such concept.");
      send_page(req, res, *page("/concepts/" + std::string(c->name), kHtml, [&] { return html::concept_page(gallery, *c); }));
    };
    get["stats"] = [this](const httplib::Request& req, httplib::Response& res) {
      auto body = html::stats_page(gallery, req.matches[1].str());
      if (!body) return fail(res, 404, "No such statistics page.");
      send_page(req, res, *page("/stats/" + req.matches[1].str(), kHtml, [&] { return *body; }));
    };
    get["diagram"] = [this](const httplib::Request& req, httplib::Response& res) {
      const html::GalleryItem* item = gallery.find(req.matches[1].str());
      if (!item || !item->view.model) return fail(res, 404, "No diagram for this model.");
      send(req, res, *page("/diagrams/" + item->view.slug, "image/svg+xml; charset=utf-8", [&] { return diagram_svg(item->view); }),
           "public, max-age=3600");
    };
    get["asset"] = [this](const httplib::Request& req, httplib::Response& res) {
      // Only names of embedded files: nothing on disk is ever read, so no path can escape.
      auto it = assets.find(req.matches[1].str());
      if (it == assets.end()) return fail(res, 404, "No such asset.");
      Rendered r = *it->second;
      r.content_type = content_type_of(it->first);
      send(req, res, r, "public, max-age=3600");
    };
    get["api_models"] = [this](const httplib::Request& req, httplib::Response& res) {
      send_page(req, res, *page("/api/models", kJson, [&] { return api_models(); }));
    };
    get["api_model"] = [this](const httplib::Request& req, httplib::Response& res) {
      const html::GalleryItem* item = gallery.find(req.matches[1].str());
      if (!item) return fail(res, 404, fmt::format("no model '{}' in the catalog", req.matches[1].str()), true);
      send_page(req, res, *page("/api/models/" + item->view.slug, kJson, [&] { return model_json(item->view).dump(2); }));
    };
    get["api_diff"] = [this](const httplib::Request& req, httplib::Response& res) {
      const html::GalleryItem* a = gallery.find(req.matches[1].str());
      const html::GalleryItem* b = gallery.find(req.matches[2].str());
      if (!a || !b)
        return fail(res, 404, fmt::format("no model '{}' in the catalog", (a ? req.matches[2] : req.matches[1]).str()), true);
      send_page(req, res, *page("/api/diff/" + a->view.slug + "/" + b->view.slug, kJson,
                                [&] { return diff_json(a->view, b->view).dump(2); }));
    };
    for (const site::Route& route : site::routes()) {
      auto handler = get.find(route.name);
      if (handler == get.end()) throw std::logic_error(fmt::format("route '{}' has no GET handler", route.name));
      http.Get(site::route_regex(route), handler->second);
      get.erase(handler);
      if (route.allow.find("POST") == std::string_view::npos) continue;
      handler = post.find(route.name);
      if (handler == post.end()) throw std::logic_error(fmt::format("route '{}' has no POST handler", route.name));
      http.Post(site::route_regex(route), handler->second);
      post.erase(handler);
    }
    if (!get.empty() || !post.empty())
      throw std::logic_error(fmt::format("handler '{}' has no route", (get.empty() ? post : get).begin()->first));
    // Other methods: 405 with the route's Allow on pages that exist, 404 elsewhere.
    auto not_allowed = [this](const httplib::Request& req, httplib::Response& res) {
      const auto match = site::match_route(req.path);
      if (!match) return fail(res, 404, "There is no page at this address.");
      res.set_header("Allow", std::string(match->route->allow));
      fail(res, 405, fmt::format("{} is not allowed here.", req.method));
    };
    http.Post(".*", not_allowed);
    http.Put(".*", not_allowed);
    http.Patch(".*", not_allowed);
    http.Delete(".*", not_allowed);
    http.Options(".*", not_allowed);
  }

  void inspect(const httplib::Request& req, httplib::Response& res) {
    std::string text, file_name = "config.json", against;
    if (req.is_multipart_form_data()) {
      if (req.has_file("file") && !req.get_file_value("file").content.empty()) {
        const auto& file = req.get_file_value("file");
        text = file.content;
        if (!file.filename.empty()) file_name = file.filename;
      } else if (req.has_file("config")) {
        text = req.get_file_value("config").content;
      }
      if (req.has_file("against")) against = req.get_file_value("against").content;
    } else {
      text = req.get_param_value("config");
      against = req.get_param_value("against");
    }
    if (file_name.size() > 100) file_name = file_name.substr(0, 100);
    if (text.size() > limits.max_config_bytes)
      return fail(res, 413, fmt::format("The config is {} bytes; at most {} are accepted.", text.size(), limits.max_config_bytes));
    auto memory = html::parse_memory_settings(params_of(req));
    if (!memory) return fail(res, 400, memory.error().message);
    html::InspectResult result;
    result.file_name = file_name;
    if (!against.empty()) {
      result.against = gallery.find(against);
      if (!result.against) return fail(res, 400, fmt::format("parameter 'against': no model '{}' in the catalog", against));
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
    res.set_header("Cache-Control", "no-store");
    res.set_content(html::inspect_page(gallery, &result, *memory), kHtml);
  }
};

GalleryServer::GalleryServer(const Catalog& catalog, Limits limits) : impl_(std::make_unique<Impl>(catalog, limits)) {}
GalleryServer::~GalleryServer() = default;

Result<int> GalleryServer::bind(const std::string& host, int port) {
  if (port < 0 || port > 65535) return bad_input(fmt::format("argument '--port {}': expected 0 to 65535", port));
  int bound = port == 0 ? impl_->http.bind_to_any_port(host) : (impl_->http.bind_to_port(host, port) ? port : -1);
  if (bound < 0) return bad_input(fmt::format("cannot listen on {}:{} (address in use or not available)", host, port));
  return bound;
}

void GalleryServer::run() { impl_->http.listen_after_bind(); }
void GalleryServer::stop() { impl_->http.stop(); }

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
  // run() returned: either a signal stopped it (waiter done) or listening failed; wake the waiter.
  // A process-directed signal is fine either way: if the waiter already took one, this stays pending
  // (blocked) until exit.
  kill(getpid(), SIGTERM);
  waiter.join();
  return 0;
}

}  // namespace llmg::server
