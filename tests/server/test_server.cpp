// End-to-end HTTP tests of the web gallery: the server runs in-process on an ephemeral port and a
// cpp-httplib client requests every route, including malformed and hostile requests. A last test runs
// `llmgallery serve` as a process.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <regex>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>

#include "base/units.h"
#include "catalog/catalog.h"
#include "render/text/json.h"
#include "server/server.h"
#include "site/routes.h"

namespace llmg {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new server::GalleryServer();
    auto port = server_->bind("127.0.0.1", 0);
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
    thread_ = new std::thread([] { server_->run(); });
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
  }
  static httplib::Client client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c;
  }
  static httplib::Result get(const std::string& path) { return client().Get(path.c_str()); }

  // A raw request over a socket; returns the response's status line ("HTTP/1.1 400 Bad Request").
  static std::string raw(const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return "connect failed";
    // Only the status line is wanted: stop reading as soon as it is complete, so a loaded machine (CI
    // runs sanitizer builds beside this) cannot push the wait for the server's close past the timeout.
    timeval timeout{15, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    std::string response;
    char buffer[4096];
    ssize_t n;
    while (response.find("\r\n") == std::string::npos && (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
      response.append(buffer, std::size_t(n));
    ::close(fd);
    return response.substr(0, response.find("\r\n"));
  }

  static inline server::GalleryServer* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
  static inline int port_ = 0;
};

void expect_headers(const httplib::Result& r, const std::string& type_prefix) {
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(r->get_header_value("Content-Security-Policy").find("script-src 'self';") != std::string::npos, true);
  const std::string type = r->get_header_value("Content-Type");
  EXPECT_EQ(type.rfind(type_prefix, 0), 0u) << type;
  EXPECT_NE(type.find("charset=utf-8"), std::string::npos) << type;
}

std::vector<std::string> card_slugs(const std::string& body) {
  std::vector<std::string> out;
  static const std::regex kSlug("data-slug=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), kSlug); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

TEST_F(ServerTest, IndexListsEveryModelWithACard) {
  auto r = get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  expect_headers(r, "text/html");
  const auto slugs = card_slugs(r->body);
  EXPECT_EQ(slugs.size(), Catalog::bundled().entries().size());
  EXPECT_NE(r->body.find("Architecture unknown"), std::string::npos);  // unknown models still get a card
  EXPECT_NE(r->body.find("<svg"), std::string::npos);                  // thumbnails inlined
  EXPECT_NE(r->body.find("KV cache bands"), std::string::npos);
}

TEST_F(ServerTest, IndexSortFilterSearchAndViewsWorkServerSide) {
  auto hybrid = get("/?type=hybrid&view=compact");
  ASSERT_TRUE(hybrid);
  ASSERT_EQ(hybrid->status, 200);
  auto slugs = card_slugs(hybrid->body);
  EXPECT_NE(std::find(slugs.begin(), slugs.end(), "qwen3-next-80b-a3b"), slugs.end());
  EXPECT_EQ(std::find(slugs.begin(), slugs.end(), "llama-3-8b"), slugs.end());
  EXPECT_NE(hybrid->body.find("<table class=\"compact\""), std::string::npos);

  auto by_name = get("/?sort=name&order=asc");
  ASSERT_TRUE(by_name);
  slugs = card_slugs(by_name->body);
  ASSERT_GE(slugs.size(), 2u);
  const Catalog& catalog = Catalog::bundled();
  EXPECT_LE(catalog.find(slugs[0])->name, catalog.find(slugs[1])->name);

  auto search = get("/?q=DeltaNet");
  ASSERT_TRUE(search);
  slugs = card_slugs(search->body);
  EXPECT_NE(std::find(slugs.begin(), slugs.end(), "qwen3-next-80b-a3b"), slugs.end());
  EXPECT_EQ(std::find(slugs.begin(), slugs.end(), "gpt-2-xl-1-5b"), slugs.end());
  EXPECT_NE(search->body.find("value=\"DeltaNet\""), std::string::npos);  // the state is shown back in the form

  auto none = get("/?q=no-such-model-anywhere");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 200);
  EXPECT_NE(none->body.find("No model matches"), std::string::npos);

  for (const char* path : {"/?vendor=Meta", "/?license=MIT%20License", "/?attn=latent_attention", "/?from=2025-06&to=2025-12",
                           "/?min=1B&max=10B", "/?sort=kv", "/?sort=score", "/?sort=context&order=asc", "/?sort=layers",
                           "/?sort=active", "/?unknown_param=1"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
  }
}

TEST_F(ServerTest, ModelPageShowsFactsSourcesLineageNeighboursAndCalculator) {
  auto r = get("/models/qwen3-next-80b-a3b");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  expect_headers(r, "text/html");
  for (const char* needle : {"Qwen3 Next", "Fact sheet", "<code>num_hidden_layers</code>", "Lineage", "Closest architectures",
                             "Memory calculator", "name=\"context\"", "action=\"/diff\"", "/diagrams/qwen3-next-80b-a3b.svg",
                             "<figure class=\"chart\">", "/models/qwen3-235b-a22b"})
    EXPECT_NE(r->body.find(needle), std::string::npos) << needle;
  auto calc = get("/models/qwen3-next-80b-a3b?context=32k&batch=4&kv=fp8&weights=int4");
  ASSERT_TRUE(calc);
  EXPECT_EQ(calc->status, 200);
  EXPECT_NE(calc->body.find("32,768 tokens × 4 sequences"), std::string::npos);
  EXPECT_NE(calc->body.find("value=\"32k\""), std::string::npos);
  // The per-kind rows are for the whole batch, once (memory_report's groups already hold the batch):
  // Llama 3 8B at 8,192 tokens × 4 sequences keeps 4 × 8,192 × 131,072 B = 4 GiB in its 32 full layers,
  // the same as the KV total, not 16 GiB (the page multiplied by the batch a second time).
  auto batch = get("/models/llama-3-8b?context=8k&batch=4");
  ASSERT_TRUE(batch);
  ASSERT_EQ(batch->status, 200);
  const std::string four_gib = llmg::human_bytes(4LL * 8192 * 131072);
  EXPECT_NE(batch->body.find("<td class=\"num\">" + four_gib + "</td>"), std::string::npos) << four_gib;
  EXPECT_EQ(batch->body.find("<td class=\"num\">" + llmg::human_bytes(16LL * 8192 * 131072) + "</td>"),
            std::string::npos);
  auto unknown = get("/models/granite-4-1-30b");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 200);
  EXPECT_NE(unknown->body.find("Architecture unknown"), std::string::npos);
}

TEST_F(ServerTest, DiffPageComparesEveryFactWithDeltas) {
  auto r = get("/diff/qwen3-30b-a3b/qwen3-next-80b-a3b");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  for (const char* needle : {"Gated DeltaNet in 3 of every 4 layers", "class=\"differs\"", "0.25×",
                             "class=\"strips\"", "Memory calculator", "/diff/qwen3-next-80b-a3b/qwen3-30b-a3b"})
    EXPECT_NE(r->body.find(needle), std::string::npos) << needle;
  auto redirect = get("/diff?a=llama-3-8b&b=qwen3-8b");
  ASSERT_TRUE(redirect);
  EXPECT_EQ(redirect->status, 303);
  EXPECT_EQ(redirect->get_header_value("Location"), "/diff/llama-3-8b/qwen3-8b");
  auto with_unknown = get("/diff/llama-3-8b/granite-4-1-30b?context=8k");
  ASSERT_TRUE(with_unknown);
  EXPECT_EQ(with_unknown->status, 200);
}

TEST_F(ServerTest, ApiServesTheCliJson) {
  auto list = get("/api/models");
  ASSERT_TRUE(list);
  expect_headers(list, "application/json");
  const auto array = nlohmann::json::parse(list->body);
  ASSERT_EQ(array.size(), Catalog::bundled().entries().size());
  const CatalogEntry& first = Catalog::bundled().entries().front();
  EXPECT_EQ(array[0], list_item_json(view_of(first)));
  auto one = get("/api/models/llama-3-8b");
  ASSERT_TRUE(one);
  EXPECT_EQ(nlohmann::json::parse(one->body), model_json(view_of(*Catalog::bundled().find("llama-3-8b"))));
  auto diff = get("/api/diff/llama-3-8b/qwen3-8b");
  ASSERT_TRUE(diff);
  EXPECT_EQ(nlohmann::json::parse(diff->body),
            diff_json(view_of(*Catalog::bundled().find("llama-3-8b")), view_of(*Catalog::bundled().find("qwen3-8b"))));
  auto missing = get("/api/models/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_TRUE(nlohmann::json::parse(missing->body).contains("error"));
}

TEST_F(ServerTest, TimelineTreeChangelogAndFeed) {
  for (const char* path : {"/timeline", "/timeline?y=active", "/tree", "/changelog"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_NE(r->body.find("/models/llama-3-8b"), std::string::npos) << path;
  }
  auto tree = get("/tree");
  EXPECT_NE(tree->body.find("class=\"edge recorded\""), std::string::npos);
  auto feed = get("/feed.xml");
  ASSERT_TRUE(feed);
  expect_headers(feed, "application/atom+xml");
  EXPECT_EQ(feed->body.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0), 0u);
  // Parsed as XML (libxml2): the feed must be well-formed, and every <id> element (the feed's and each
  // entry's) is collected from the tree.
  xmlDocPtr doc = xmlReadMemory(feed->body.data(), int(feed->body.size()), "feed.xml", nullptr, XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr) << "the Atom feed is not well-formed XML";
  std::set<std::string> ids;
  std::size_t count = 0;
  std::function<void(xmlNodePtr)> visit = [&](xmlNodePtr node) {
    for (; node; node = node->next) {
      if (node->type == XML_ELEMENT_NODE && std::string_view(reinterpret_cast<const char*>(node->name)) == "id") {
        xmlChar* text = xmlNodeGetContent(node);
        ids.insert(reinterpret_cast<const char*>(text));
        xmlFree(text);
        ++count;
      }
      visit(node->children);
    }
  };
  visit(xmlDocGetRootElement(doc));
  EXPECT_STREQ(reinterpret_cast<const char*>(xmlDocGetRootElement(doc)->name), "feed");
  xmlFreeDoc(doc);
  EXPECT_GT(count, Catalog::bundled().entries().size());
  EXPECT_EQ(ids.size(), count) << "Atom ids must be unique";
  EXPECT_EQ(feed->body.find("<entry>\n<title>"), feed->body.find("<entry>"));
  EXPECT_EQ(feed->body.find(" & "), std::string::npos) << "text must be escaped";
}

TEST_F(ServerTest, AssetsHaveValidatorsAndNoTraversal) {
  auto css = get("/assets/style.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  expect_headers(css, "text/css");
  const std::string etag = css->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_NE(css->get_header_value("Cache-Control").find("max-age"), std::string::npos);
  auto again = client().Get("/assets/style.css", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto js = get("/assets/app.js");
  ASSERT_TRUE(js);
  expect_headers(js, "text/javascript");
  for (const char* path : {"/assets/../CMakeLists.txt", "/assets/%2e%2e%2fCMakeLists.txt", "/assets/..%2f..%2fetc%2fpasswd",
                           "/assets/nope.css", "/assets/", "/assets/style.css/x", "/diagrams/nope.svg", "/diagrams/granite-4-1-30b.svg"}) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
  }
  auto svg = get("/diagrams/llama-3-8b.svg");
  ASSERT_TRUE(svg);
  expect_headers(svg, "image/svg+xml");
}

TEST_F(ServerTest, InspectRendersAnUploadedConfigWithoutStoringIt) {
  const std::string config = Catalog::bundled().find("llama-3-8b")->config_text;
  httplib::MultipartFormDataItems items = {{"config", config, "", ""}, {"against", "qwen3-8b", "", ""}};
  auto r = client().Post("/inspect", items);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  for (const char* needle : {"Fact sheet", "8.03B", "Compared with Qwen3", "Nothing was stored"})
    EXPECT_NE(r->body.find(needle), std::string::npos) << needle;
  httplib::MultipartFormDataItems upload = {{"file", config, "my-config.json", "application/json"}};
  auto file = client().Post("/inspect", upload);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->status, 200);
  EXPECT_NE(file->body.find("my-config.json"), std::string::npos);
  httplib::MultipartFormDataItems bad = {{"config", "{\"hidden_size\": -8", "", ""}};
  auto broken = client().Post("/inspect", bad);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->status, 400);
  EXPECT_NE(broken->body.find("Could not read"), std::string::npos);
  httplib::MultipartFormDataItems overflow = {{"config", R"({"model_type": "llama", "hidden_size": 1e999})", "", ""}};
  auto number = client().Post("/inspect", overflow);
  ASSERT_TRUE(number);
  EXPECT_EQ(number->status, 400);
  EXPECT_NE(number->body.find("key &#39;hidden_size&#39;: number 1e999 is beyond double"), std::string::npos);
  httplib::MultipartFormDataItems empty = {{"config", "", "", ""}};
  auto nothing = client().Post("/inspect", empty);
  ASSERT_TRUE(nothing);
  EXPECT_EQ(nothing->status, 400);
  httplib::MultipartFormDataItems wrong_against = {{"config", config, "", ""}, {"against", "nope", "", ""}};
  auto against = client().Post("/inspect", wrong_against);
  ASSERT_TRUE(against);
  EXPECT_EQ(against->status, 400);
  httplib::MultipartFormDataItems huge = {{"config", std::string(300 * 1024, ' '), "", ""}};
  auto too_big = client().Post("/inspect", huge);
  ASSERT_TRUE(too_big);
  EXPECT_EQ(too_big->status, 413);
  auto too_big_body = client().Post("/inspect", std::string(600 * 1024, 'x'), "text/plain");
  ASSERT_TRUE(too_big_body);
  EXPECT_EQ(too_big_body->status, 413);
  auto form = get("/inspect");
  ASSERT_TRUE(form);
  EXPECT_NE(form->body.find("enctype=\"multipart/form-data\""), std::string::npos);
}

TEST_F(ServerTest, BadRequestsGet400And404And405NeverA500) {
  const std::pair<const char*, int> cases[] = {
      {"/?sort=bogus", 400},          {"/?type=transformer", 400},   {"/?from=20x5", 400},
      {"/?min=lots", 400},            {"/?order=sideways", 400},     {"/?view=grid", 400},
      {"/?from=2025-13-45", 400}, {"/?to=2025-02-30", 400}, {"/?from=2025-00", 400},
      {"/?from=2024-02-29", 200}, {"/models/llama-3-8b?context=abc", 400}, {"/models/llama-3-8b?batch=0", 400}, {"/models/llama-3-8b?kv=fp7", 400},
      {"/diff/llama-3-8b/qwen3-8b?weights=fp3", 400}, {"/timeline?y=z", 400}, {"/diff?a=llama-3-8b", 400},
      {"/nope", 404},                 {"/models/nope", 404},         {"/models/", 404},
      {"/models/llama-3-8b/extra", 404}, {"/diff/llama-3-8b/nope", 404}, {"/diff/nope/llama-3-8b", 404},
      {"/diff?a=llama-3-8b&b=nope", 404}, {"/api/diff/llama-3-8b/nope", 404}, {"/api/nope", 404},
      {"/%ff%fe", 404},               {"/models/%00", 404},
  };
  for (const auto& [path, status] : cases) {
    auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, status) << path;
    expect_headers(r, r->get_header_value("Content-Type").rfind("application/json", 0) == 0 ? "application/json" : "text/html");
  }
  auto post = client().Post("/", "x=1", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto del = client().Delete("/models/llama-3-8b");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
  auto put_unknown = client().Put("/no/such/thing", "x", "text/plain");
  ASSERT_TRUE(put_unknown);
  EXPECT_EQ(put_unknown->status, 404);
  auto head = client().Head("/models/llama-3-8b");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
}

TEST_F(ServerTest, HostileRawRequestsAreRejectedAndTheServerStaysUp) {
  // A request line without a target: libmicrohttpd closes the connection without an answer (or 400).
  const std::string garbage = raw("GARBAGE\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(garbage.empty() || garbage.find(" 400 ") != std::string::npos) << garbage;
  EXPECT_NE(raw("GET /" + std::string(10000, 'a') + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").find(" 4"), std::string::npos);
  EXPECT_EQ(raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(10000, 'b') + "\r\nConnection: close\r\n\r\n").find(" 200 "),
            std::string::npos);
  EXPECT_NE(raw("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").find(" 404 "), std::string::npos);
  EXPECT_NE(raw("POST /inspect HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\n").find(" 413 "),
            std::string::npos);
  auto alive = get("/");
  ASSERT_TRUE(alive);
  EXPECT_EQ(alive->status, 200);
}

TEST(ServerCache, PagesRenderPerRequestPastTheCacheBudget) {
  server::Limits limits;
  limits.max_cached_bytes = 0;
  server::GalleryServer server(Catalog::bundled(), limits);
  auto port = server.bind("127.0.0.1", 0);
  ASSERT_TRUE(port);
  std::thread thread([&] { server.run(); });
  httplib::Client client("127.0.0.1", *port);
  for (const char* path : {"/", "/api/models", "/models/llama-3-8b", "/diff/llama-3-8b/qwen3-8b"}) {
    auto r = client.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
  }
  server.stop();
  thread.join();
}

TEST(ServeProcess, ServesOnAFreePortAndStopsOnSigterm) {
  int out[2];
  ASSERT_EQ(::pipe(out), 0);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(LLMG_BINARY, LLMG_BINARY, "serve", "--port", "0", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string line;
  char c;
  while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(line, match, std::regex(R"(http://127\.0\.0\.1:(\d+)/)"))) << line;
  httplib::Client client("127.0.0.1", std::stoi(match[1]));
  auto index = client.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  auto model = client.Get("/models/gpt-oss-120b");
  ASSERT_TRUE(model);
  EXPECT_EQ(model->status, 200);
  ::kill(pid, SIGTERM);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  ::close(out[0]);
}

TEST(ServeProcess, BadPortIsAUsageError) {
  const std::string command = std::string(LLMG_BINARY) + " serve --port 70000 2>/dev/null";
  const int status = std::system(command.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

}  // namespace
}  // namespace llmg

namespace llmg {
namespace {

// The route table (site/routes.h) against the server: every row has a handler (the server throws at
// construction otherwise, and a sample URL of each row is answered, not 404), and other methods get 405
// with the row's Allow.
TEST_F(ServerTest, EveryRouteOfTheTableIsServedAndAnswers405FromIt) {
  EXPECT_NO_THROW(server::GalleryServer{});
  for (const site::Route& route : site::routes()) {
    const std::vector<std::string> args =
        route.name == "asset"     ? std::vector<std::string>{"style.css"}
        : route.name == "concept" ? std::vector<std::string>{"gqa"}
        : route.name == "stats"   ? std::vector<std::string>{"attention"}
                                  : std::vector<std::string>{"llama-3-8b", "qwen3-8b"};
    const std::string link = site::link_to(route, args);
    auto r = get(link);
    ASSERT_TRUE(r) << link;
    EXPECT_TRUE(r->status == 200 || r->status == 303 || (route.name == "diff_form" && r->status == 400))
        << link << " -> " << r->status;
    auto del = client().Delete(link.c_str());
    ASSERT_TRUE(del) << link;
    EXPECT_EQ(del->status, 405) << link;
    EXPECT_EQ(del->get_header_value("Allow"), std::string(route.allow)) << link;
    if (!route.nav_label.empty()) {
      EXPECT_EQ(r->status, 200) << "nav entry " << route.nav_label;
    }
  }
}

}  // namespace
}  // namespace llmg
