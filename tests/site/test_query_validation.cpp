// Issue 17: query values are validated, not just parsed -- every parameter of the gallery, memory and diff
// queries: numbers in range, enums known, dates real, lengths bounded, text UTF-8; each refusal a message
// naming the parameter (the server's 400), with the value cut and made UTF-8 before it is quoted.
#include <string>

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "site/query.h"

namespace {

using llmg::site::parse_diff_query;
using llmg::site::parse_gallery_query;
using llmg::site::parse_memory_settings;
using llmg::site::QueryParams;

// The error message of a refused gallery query ("" when it was accepted).
std::string gallery_error(const QueryParams& params) {
  auto q = parse_gallery_query(params);
  return q ? "" : q.error().message;
}
std::string memory_error(const QueryParams& params) {
  auto m = parse_memory_settings(params);
  return m ? "" : m.error().message;
}

TEST(QueryValidation, GalleryEnumsAreKnown) {
  EXPECT_EQ(gallery_error({{"sort", "size"}}).rfind("parameter 'sort'", 0), 0u);
  EXPECT_EQ(gallery_error({{"order", "up"}}).rfind("parameter 'order'", 0), 0u);
  EXPECT_EQ(gallery_error({{"view", "grid"}}).rfind("parameter 'view'", 0), 0u);
  EXPECT_EQ(gallery_error({{"type", "sparse"}}).rfind("parameter 'type'", 0), 0u);
  EXPECT_EQ(gallery_error({{"attn", "<script>"}}).rfind("parameter 'attn'", 0), 0u);
  EXPECT_EQ(gallery_error({{"attn", "sliding_attention"}, {"type", "moe"}, {"sort", "kv"}}), "");
}

TEST(QueryValidation, GalleryDatesAreRealAndOrdered) {
  EXPECT_NE(gallery_error({{"from", "2025-13-45"}}).find("not a calendar date"), std::string::npos);
  EXPECT_NE(gallery_error({{"to", "2025-02-30"}}).find("not a calendar date"), std::string::npos);
  EXPECT_NE(gallery_error({{"from", "2025-00"}}).find("not a calendar date"), std::string::npos);
  EXPECT_EQ(gallery_error({{"to", "2024-02-29"}}), "");  // 2024 is a leap year
  EXPECT_NE(gallery_error({{"from", "0000"}}).find("year 0 outside 1900 to 2100"), std::string::npos);
  EXPECT_NE(gallery_error({{"to", "9999-12-31"}}).find("year 9999 outside"), std::string::npos);
  EXPECT_EQ(gallery_error({{"from", "2025-06"}, {"to", "2025-01"}}),
            "parameters 'from' and 'to': 2025-06-01 is after 2025-01-31");
  EXPECT_EQ(gallery_error({{"from", "2025-01"}, {"to", "2025-01"}}), "");  // one month: 01-01 .. 01-31
}

TEST(QueryValidation, GallerySizesInRangeAndOrdered) {
  EXPECT_EQ(gallery_error({{"min", "1e3"}}).rfind("parameter 'min'", 0), 0u);
  EXPECT_EQ(gallery_error({{"max", "2000T"}}).rfind("parameter 'max'", 0), 0u);  // 2e15 > 1e15
  EXPECT_EQ(gallery_error({{"min", "70B"}, {"max", "7B"}}),
            "parameters 'min' and 'max': 70000000000 parameters is more than 7000000000");
  EXPECT_EQ(gallery_error({{"min", "7B"}, {"max", "70B"}}), "");
}

TEST(QueryValidation, LengthsCountAndTextAreBounded) {
  EXPECT_EQ(gallery_error({{"q", std::string(201, 'a')}}), "parameter 'q': longer than 200 bytes");
  EXPECT_EQ(gallery_error({{"q", std::string(200, 'a')}}), "");
  EXPECT_EQ(gallery_error({{"vendor", std::string(101, 'v')}}), "parameter 'vendor': longer than 100 bytes");
  EXPECT_EQ(gallery_error({{"q", "caf\xFF"}}), "parameter 'q': not UTF-8 text");
  EXPECT_EQ(memory_error({{"kv", "bf\xC0\xAF"}}), "parameter 'kv': not UTF-8 text");
  EXPECT_NE(gallery_error({{"q", "a\x01" "b"}}).find("control characters"), std::string::npos);
  QueryParams many(65, {"type", "moe"});
  EXPECT_EQ(gallery_error(many), "query: 65 parameters, more than the 64 allowed");
  EXPECT_EQ(memory_error(many), "query: 65 parameters, more than the 64 allowed");
  many.pop_back();
  EXPECT_EQ(gallery_error(many), "");
}

TEST(QueryValidation, EchoedValuesAreCutAndUtf8) {
  const std::string message = gallery_error({{"sort", std::string(150, 'z')}});
  EXPECT_NE(message.find("got '" + std::string(60, 'z') + "…'"), std::string::npos) << message;
  EXPECT_EQ(message.find(std::string(61, 'z')), std::string::npos);
  EXPECT_EQ(llmg::site::shown("\xFF"), "\xEF\xBF\xBD");
  // A cut never splits a character: 59 ASCII bytes then "é" (2 bytes) is cut before the é.
  EXPECT_EQ(llmg::site::shown(std::string(59, 'a') + "\xC3\xA9" + "tail"), std::string(59, 'a') + "…");
}

TEST(QueryValidation, MemorySettingsInRange) {
  EXPECT_EQ(memory_error({{"context", "0"}}).rfind("parameter 'context'", 0), 0u);
  EXPECT_EQ(memory_error({{"context", "65M"}}).rfind("parameter 'context'", 0), 0u);  // above 64M
  EXPECT_EQ(memory_error({{"batch", "4097"}}).rfind("parameter 'batch'", 0), 0u);
  EXPECT_EQ(memory_error({{"batch", "-1"}}).rfind("parameter 'batch'", 0), 0u);
  EXPECT_EQ(memory_error({{"kv", "fp3"}}).empty(), false);
  EXPECT_EQ(memory_error({{"engine", "tgi"}}).rfind("parameter 'engine'", 0), 0u);
  EXPECT_EQ(memory_error({{"context", "128k"}, {"batch", "4096"}, {"kv", "fp8"}, {"engine", "vllm"}}), "");
}

TEST(QueryValidation, DiffQueryNamesTwoSlugShapedModels) {
  auto ok = parse_diff_query({{"a", "llama-3-8b"}, {"b", "qwen3-8b"}, {"context", "32k"}});
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->a, "llama-3-8b");
  EXPECT_EQ(ok->b, "qwen3-8b");
  EXPECT_EQ(ok->memory.context, 32768);
  EXPECT_EQ(parse_diff_query({{"a", "llama-3-8b"}}).error().message,
            "parameters 'a' and 'b': name two models, /diff?a=SLUG&b=SLUG");
  EXPECT_EQ(parse_diff_query({{"a", "../etc"}, {"b", "x"}}).error().message.rfind("parameter 'a': expected a model slug", 0),
            0u);
  EXPECT_EQ(parse_diff_query({{"a", "x"}, {"b", "\xFF"}}).error().message, "parameter 'b': not UTF-8 text");
  EXPECT_EQ(parse_diff_query({{"a", "x"}, {"b", std::string(101, 'b')}}).error().message.rfind("parameter 'b'", 0), 0u);
  EXPECT_EQ(parse_diff_query({{"a", "x"}, {"b", "y"}, {"batch", "0"}}).error().message.rfind("parameter 'batch'", 0), 0u);
}

}  // namespace
