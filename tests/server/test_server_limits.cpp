// The HTTP layer's bounds and protocol behaviour (issue 17 items 4 and 6; reliability cases 03, 07, 08,
// 09): raw requests over a socket to an in-process server with a short request deadline. The long attacks
// (floods, 70 slow clients, concurrent mutated POSTs, RSS) are tests/server/hostile_clients.py.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "catalog/catalog.h"
#include "server/server.h"

namespace llmg {
namespace {

struct Answer {
  int status = 0;  // 0: closed without an answer
  std::string head, body;
  std::string header(const std::string& name) const {
    std::string lower_head = head;
    for (char& c : lower_head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string key = "\r\n" + name + ":";
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto at = lower_head.find(key);
    if (at == std::string::npos) return "";
    const auto start = head.find_first_not_of(' ', at + key.size());
    return head.substr(start, head.find("\r\n", start) - start);
  }
};

class ServerLimits : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server::Limits limits;
    limits.request_deadline_seconds = 2;
    server_ = new server::GalleryServer(Catalog::bundled(), limits);
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

  static int connect_socket() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) ADD_FAILURE() << "connect failed";
    timeval timeout{15, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    return fd;
  }
  // Reads `count` responses (each with a Content-Length) from `fd`.
  static std::vector<Answer> read_answers(int fd, std::size_t count) {
    std::vector<Answer> out;
    std::string data;
    char buffer[65536];
    while (out.size() < count) {
      std::size_t end;
      while ((end = data.find("\r\n\r\n")) == std::string::npos) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return out;
        data.append(buffer, std::size_t(n));
      }
      Answer a;
      a.head = data.substr(0, end + 2);
      a.status = std::atoi(a.head.substr(a.head.find(' ') + 1, 3).c_str());
      const std::string length = a.header("Content-Length");
      const std::size_t size = length.empty() ? 0 : std::stoul(length);
      data.erase(0, end + 4);
      while (data.size() < size) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        data.append(buffer, std::size_t(n));
      }
      a.body = data.substr(0, size);
      data.erase(0, std::min(size, data.size()));
      out.push_back(std::move(a));
    }
    return out;
  }
  static Answer raw(const std::string& request) {
    const int fd = connect_socket();
    ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
    auto answers = read_answers(fd, 1);
    ::close(fd);
    return answers.empty() ? Answer{} : answers[0];
  }
  static Answer get(const std::string& path, const std::string& headers = "") {
    return raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers + "\r\n");
  }

  static inline server::GalleryServer* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
  static inline int port_ = 0;
};

bool valid_utf8(const std::string& text) {
  try {
    (void)nlohmann::json(text).dump();  // throws type_error 316 on invalid UTF-8
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

std::string gunzip(const std::string& data) {
  z_stream z{};
  inflateInit2(&z, 15 + 16);
  std::string out;
  char buffer[65536];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  int status;
  do {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    status = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
  } while (status == Z_OK);
  inflateEnd(&z);
  return status == Z_STREAM_END ? out : "";
}

// Case 03: slugs that are not UTF-8 after percent-decoding answer 404 with valid UTF-8 (JSON on /api).
TEST_F(ServerLimits, Case03NonUtf8SlugsAnswer404InValidUtf8) {
  for (const char* path : {"/api/models/%ff", "/api/diff/%ff/qwen3-8b", "/api/diff/qwen3-8b/%c0%af"}) {
    const Answer a = get(path);
    EXPECT_EQ(a.status, 404) << path;
    EXPECT_TRUE(valid_utf8(a.body)) << path;
    const auto json = nlohmann::json::parse(a.body);
    EXPECT_NE(json.at("error").get<std::string>().find("\xef\xbf\xbd"), std::string::npos) << path;  // U+FFFD
  }
  const Answer page = get("/models/%ff");
  EXPECT_EQ(page.status, 404);
  EXPECT_EQ(page.body.find('\xff'), std::string::npos);
  EXPECT_TRUE(valid_utf8(page.body));
  const Answer query = get("/timeline?y=%ff%fe");
  EXPECT_EQ(query.status, 400);
  EXPECT_TRUE(valid_utf8(query.body));
}

// Case 07: Range is ignored on generated pages: one 200 with the whole page, however many ranges.
TEST_F(ServerLimits, Case07RangesAreIgnored) {
  const Answer whole = get("/");
  ASSERT_EQ(whole.status, 200);
  std::string ranges = "0-";
  for (int i = 1; i < 2600; ++i) ranges += ",0-";
  const Answer many = get("/", "Range: bytes=" + ranges + "\r\n");
  EXPECT_EQ(many.status, 200);
  EXPECT_EQ(many.body.size(), whole.body.size());
  EXPECT_EQ(many.header("Content-Range"), "");
  const Answer one = get("/api/models/llama-3-8b", "Range: bytes=0-9\r\n");
  EXPECT_EQ(one.status, 200);
  EXPECT_GT(one.body.size(), 10u);
}

// Case 08: at most 100 header lines and 8 KiB of headers (431), whatever their shape.
TEST_F(ServerLimits, Case08HeaderCountAndBytesAreCapped) {
  std::string many, ok;
  for (int i = 0; i < 10000; ++i) many += "X-F" + std::to_string(i) + ": a\r\n";
  for (int i = 0; i < 90; ++i) ok += "X-F" + std::to_string(i) + ": a\r\n";
  const Answer flood = get("/", many);
  EXPECT_TRUE(flood.status == 431 || flood.status == 0) << flood.status;
  std::string hundred_one;
  for (int i = 0; i < 101; ++i) hundred_one += "X-F" + std::to_string(i) + ": a\r\n";
  EXPECT_EQ(get("/", hundred_one).status, 431);
  EXPECT_EQ(get("/", ok).status, 200);
  EXPECT_EQ(get("/", "X-Big: " + std::string(9000, 'b') + "\r\n").status, 431);
  const Answer mib = get("/", "X-Big: " + std::string(1 << 20, 'b') + "\r\n");
  EXPECT_TRUE(mib.status == 431 || mib.status == 0) << mib.status;
  EXPECT_EQ(get("/").status, 200);
}

// Case 09: a client trickling its request is cut at the request deadline (2 s here), while other
// clients are answered at once (no thread is held by a slow connection).
TEST_F(ServerLimits, Case09SlowClientsAreCutAtTheDeadlineAndHoldNoWorker) {
  std::vector<int> slow;
  for (int i = 0; i < 20; ++i) {
    const int fd = connect_socket();
    const std::string start = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    ::send(fd, start.data(), start.size(), MSG_NOSIGNAL);
    slow.push_back(fd);
  }
  const auto begin = std::chrono::steady_clock::now();
  bool all_cut = false;
  while (!all_cut && std::chrono::steady_clock::now() - begin < std::chrono::seconds(8)) {
    const auto t = std::chrono::steady_clock::now();
    EXPECT_EQ(get("/api/models/llama-3-8b").status, 200);
    EXPECT_LT(std::chrono::steady_clock::now() - t, std::chrono::seconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    all_cut = true;
    for (int fd : slow) {
      char byte = 'a';
      ::send(fd, &byte, 1, MSG_NOSIGNAL | MSG_DONTWAIT);
      char buffer[16];
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) all_cut = false;
    }
  }
  const auto took = std::chrono::steady_clock::now() - begin;
  EXPECT_TRUE(all_cut) << "trickling requests still open after 8 s";
  EXPECT_GE(took, std::chrono::milliseconds(1500)) << "cut before the 2 s deadline";
  for (int fd : slow) ::close(fd);
}

TEST_F(ServerLimits, PipelinedRequestsAreEachAnswered) {
  const int fd = connect_socket();
  const std::string three =
      "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/models/llama-3-8b HTTP/1.1\r\nHost: x\r\n\r\n"
      "HEAD /models/llama-3-8b HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(::send(fd, three.data(), three.size(), MSG_NOSIGNAL), ssize_t(three.size()));  // one write
  // HEAD has a Content-Length but no body: read it as a head only.
  auto answers = read_answers(fd, 2);
  ::close(fd);
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(answers[0].status, 200);
  EXPECT_NE(answers[0].header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_EQ(answers[1].status, 200);
  EXPECT_NE(answers[1].header("Content-Type").find("application/json"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(answers[1].body).at("slug"), "llama-3-8b");

  const int fd2 = connect_socket();
  const std::string gets = "GET /tree HTTP/1.1\r\nHost: x\r\n\r\nGET /timeline HTTP/1.1\r\nHost: x\r\n\r\n"
                           "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  ::send(fd2, gets.data(), gets.size(), MSG_NOSIGNAL);
  answers = read_answers(fd2, 3);
  ::close(fd2);
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_EQ(answers[0].status, 200);
  EXPECT_EQ(answers[1].status, 200);
  EXPECT_EQ(answers[2].status, 404);
}

TEST_F(ServerLimits, JsonSvgFeedAndHtmlAreGzippedWhenAccepted) {
  for (const char* path : {"/api/models", "/diagrams/llama-3-8b.svg", "/feed.xml", "/", "/api/models/llama-3-8b"}) {
    const Answer plain = get(path);
    const Answer gz = get(path, "Accept-Encoding: gzip, deflate, br\r\n");
    ASSERT_EQ(plain.status, 200) << path;
    ASSERT_EQ(gz.status, 200) << path;
    EXPECT_EQ(plain.header("Content-Encoding"), "") << path;
    EXPECT_EQ(gz.header("Content-Encoding"), "gzip") << path;
    EXPECT_EQ(gz.header("Vary"), "Accept-Encoding") << path;
    EXPECT_EQ(plain.header("Vary"), "Accept-Encoding") << path;
    EXPECT_LT(gz.body.size(), plain.body.size()) << path;
    EXPECT_EQ(gunzip(gz.body), plain.body) << path;
    EXPECT_NE(gz.header("ETag"), plain.header("ETag")) << path;  // two representations, two validators
    // 304 for the gzip form's validator
    const Answer again = get(path, "Accept-Encoding: gzip\r\nIf-None-Match: " + gz.header("ETag") + "\r\n");
    EXPECT_EQ(again.status, 304) << path;
  }
  // /api/models: about 55 KB -> a few KB (issue 17 item 4)
  const Answer plain = get("/api/models"), gz = get("/api/models", "Accept-Encoding: gzip\r\n");
  EXPECT_GT(plain.body.size(), 40000u);
  EXPECT_LT(gz.body.size(), plain.body.size() / 5);
  EXPECT_EQ(get("/api/models", "Accept-Encoding: gzip;q=0\r\n").header("Content-Encoding"), "");
  EXPECT_EQ(get("/api/models", "Accept-Encoding: identity\r\n").header("Content-Encoding"), "");
}

TEST_F(ServerLimits, PostBodiesAreCappedAndBothFormEncodingsWork) {
  const std::string config = Catalog::bundled().find("llama-3-8b")->config_text;
  std::string encoded;
  for (unsigned char c : config) {
    if (std::isalnum(c)) encoded += static_cast<char>(c);
    else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  const std::string form = "config=" + encoded + "&against=qwen3-8b&context=8k";
  const Answer urlencoded = raw("POST /inspect HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                "Content-Length: " + std::to_string(form.size()) + "\r\nConnection: close\r\n\r\n" + form);
  EXPECT_EQ(urlencoded.status, 200);
  EXPECT_NE(urlencoded.body.find("Compared with Qwen3"), std::string::npos);
  EXPECT_NE(urlencoded.body.find("8.03B"), std::string::npos);
  const std::string multipart = "--llmg7MA4YWxkTrZu0gW\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mine.json\"\r\n"
                                "Content-Type: application/json\r\n\r\n" + config + "\r\n--llmg7MA4YWxkTrZu0gW--\r\n";
  const Answer file = raw("POST /inspect HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=llmg7MA4YWxkTrZu0gW\r\n"
                          "Content-Length: " + std::to_string(multipart.size()) + "\r\nConnection: close\r\n\r\n" + multipart);
  EXPECT_EQ(file.status, 200);
  EXPECT_NE(file.body.find("mine.json"), std::string::npos);
  EXPECT_EQ(raw("POST /inspect HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\n").status, 413);
  std::string chunked;
  for (int i = 0; i < 9; ++i) chunked += "10000\r\n" + std::string(65536, 'x') + "\r\n";
  const Answer big = raw("POST /inspect HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: "
                         "application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n" + chunked + "0\r\n\r\n");
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(get("/").status, 200);
}

// Newcomer review 5, finding 4: %00 no longer cuts a path (it reached the handlers as the end of a C string),
// and every route refuses control characters in its query, not only the index.
TEST_F(ServerLimits, NulInPathsAndControlCharactersInAnyQueryAreRefused) {
  for (const char* path : {"/models/llama-3-8b%00junk", "/api/models/llama-3-8b%00.svg", "/diagrams/llama-3-8b.svg%00x"})
    EXPECT_EQ(get(path).status, 404) << path;
  for (const char* path : {"/?q=%00", "/?q=%01", "/timeline?from=%01", "/tree?vendor=%01", "/changelog?x=%01",
                           "/concepts?x=%7f"})
    EXPECT_EQ(get(path).status, 400) << path;
  EXPECT_EQ(get("/models/llama-3-8b").status, 200);
  EXPECT_EQ(get("/?q=llama%20gqa").status, 200);
}

}  // namespace
}  // namespace llmg
