// The vendor's own figures beside ours (catalog/published.tsv) and the third active convention
// (active_non_embedding): parsing, the per-model comparison within the explained tolerance, and the
// non-embedding counts ZAYA1 and Sarvam quote.
#include <cstdlib>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "catalog/embedded.h"
#include "catalog/published.h"
#include "render/text/json.h"
#include "render/text/published.h"
#include "render/text/rows.h"
#include "test_support.h"

namespace llmg {
namespace {

using testing::catalog_facts;

std::string_view published_tsv() {
  for (const embedded::File& file : embedded::files())
    if (file.path == "published.tsv") return file.data;
  return {};
}

TEST(PublishedFigure, RoundedFiguresCarryHalfAUnitOfTheLastDigitWritten) {
  auto f = parse_published_figure("48B");
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->value, 48'000'000'000);
  EXPECT_EQ(f->significant_digits, 2);
  EXPECT_EQ(f->tolerance, 500'000'000);
  EXPECT_FALSE(f->exact);
  f = parse_published_figure("1.5B");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->value, 1'500'000'000);
  EXPECT_EQ(f->tolerance, 50'000'000);
  // Trailing zeros of a whole number are not significant: "760M" gives two digits, "400B" one.
  f = parse_published_figure("760M");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->value, 760'000'000);
  EXPECT_EQ(f->significant_digits, 2);
  EXPECT_EQ(f->tolerance, 5'000'000);
  f = parse_published_figure("400B");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->significant_digits, 1);
  EXPECT_EQ(f->tolerance, 50'000'000'000);
  f = parse_published_figure("4.0B");  // a decimal point makes the zero significant
  ASSERT_TRUE(f);
  EXPECT_EQ(f->significant_digits, 2);
  EXPECT_EQ(f->tolerance, 50'000'000);
  f = parse_published_figure("25,600M");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->value, 25'600'000'000);
  EXPECT_EQ(f->tolerance, 50'000'000);
  f = parse_published_figure("1.02T");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->value, 1'020'000'000'000);
  EXPECT_EQ(f->tolerance, 5'000'000'000);
  f = parse_published_figure("0.6B");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->value, 600'000'000);
  EXPECT_EQ(f->significant_digits, 1);
  EXPECT_EQ(f->tolerance, 50'000'000);
}

TEST(PublishedFigure, ExactCountsHaveNoTolerance) {
  auto f = parse_published_figure("6,865,424,896");
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_TRUE(f->exact);
  EXPECT_EQ(f->value, 6'865'424'896);
  EXPECT_EQ(f->tolerance, 0);
  f = parse_published_figure("8030261248");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->value, 8'030'261'248);
}

TEST(PublishedFigure, BadTextIsBadInputNamingTheFigure) {
  for (const char* text : {"", "12X", "1.2.3B", "0B", "B", "1.5", "99999999999999999999", "1.0000000001K"}) {
    auto f = parse_published_figure(text);
    ASSERT_FALSE(f) << text;
    EXPECT_EQ(f.error().kind, Error::Kind::BadInput);
  }
  EXPECT_NE(parse_published_figure("12X").error().message.find("'12X'"), std::string::npos);
}

TEST(PublishedTable, RejectsUnknownConventionsPartsAndFiguresWithoutSource) {
  const std::string header = "slug\tpublished_total\tpublished_active\tconvention\tincludes\tsource_url\tquote\n";
  EXPECT_TRUE(parse_published_table(header + "m\t48B\t3B\tactive\tmtp\thttps://x\t\"48B total\"\n", "p.tsv"));
  EXPECT_TRUE(parse_published_table(header + "m\t\t\tunknown\t\t\t\n", "p.tsv"));
  auto bad = parse_published_table(header + "m\t48B\t\tnonsense\t\thttps://x\tq\n", "p.tsv");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "p.tsv: line 2: key 'convention': unknown convention 'nonsense'");
  EXPECT_FALSE(parse_published_table(header + "m\t48B\t\tname\tvision\thttps://x\tq\n", "p.tsv"));
  EXPECT_FALSE(parse_published_table(header + "m\t48B\t\tname\t\t\t\n", "p.tsv"));       // no source
  EXPECT_FALSE(parse_published_table(header + "m\t\t\tname\t\thttps://x\tq\n", "p.tsv"));  // no figure
  EXPECT_FALSE(parse_published_table(header + "m\t48B\t\tunknown\t\thttps://x\tq\n", "p.tsv"));
  EXPECT_FALSE(parse_published_table(header + "m\t4x8B\t\tname\t\thttps://x\tq\n", "p.tsv"));
  EXPECT_FALSE(parse_published_table(header + "m\t48B\t\tname\t\thttps://x\tq\nm\t48B\t\tname\t\thttps://x\tq\n",
                                     "p.tsv"));  // twice
  EXPECT_FALSE(parse_published_table("slug\ttotal\n", "p.tsv"));
}

// The bundled table parses, lists every model of the reference gallery (108, catalog/facts.tsv grows to
// that as the other additions land) and every catalog entry carries its row.
TEST(PublishedTable, BundledTableCoversTheCatalog) {
  auto table = parse_published_table(published_tsv(), "catalog/published.tsv");
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->size(), 108u);
  for (const CatalogEntry& entry : Catalog::bundled().entries())
    EXPECT_TRUE(entry.published.has_value()) << entry.slug << " has no row in catalog/published.tsv";
}

// ---- active_non_embedding: neither the input embedding nor the LM head ----

// GPT-2 XL ties its embedding: the shared 50,257 × 1,600 matrix and the learned positions 1,024 × 1,600
// both leave: 1,557,611,200 - 80,411,200 - 1,638,400 = 1,475,561,600 (the 48 blocks and the final norm).
TEST(ActiveNonEmbedding, Gpt2XlLeavesOutTheTiedMatrixAndPositions) {
  const auto facts = catalog_facts("gpt-2-xl-1-5b");
  EXPECT_EQ(facts.params.active_non_embedding, 1'557'611'200 - 50'257LL * 1600 - 1024LL * 1600);
}

// Llama 3 8B, untied: active minus lm_head 128,256 × 4,096.
TEST(ActiveNonEmbedding, Llama3LeavesOutTheLmHead) {
  const auto facts = catalog_facts("llama-3-8b");
  EXPECT_EQ(facts.params.active_non_embedding, facts.params.active - 128'256LL * 4096);
  EXPECT_EQ(facts.params.active_non_embedding, 8'030'261'248 - 2 * 128'256LL * 4096);
}

// ZAYA1-8B: "760M active" non-embedding (ZAYA1-8B technical report, arXiv 2605.05365). Ours is 753,609,208:
// attention 223,027,280 + norms 825,344 + router 26,440,104 + one of 16 experts (8,053,063,680 / 16 =
// 503,316,480). Held to the digits given ("760M": two, ± 5M) it is 6,390,792 short, a gap the config does not
// explain (reported; listed in known_disagreements). The test pins both so a change to either shows.
TEST(ActiveNonEmbedding, Zaya1Against760M) {
  const auto facts = catalog_facts("zaya1-8b-8-4b");
  EXPECT_EQ(facts.params.active_non_embedding, 223'027'280 + 825'344 + 26'440'104 + 8'053'063'680LL / 16);
  EXPECT_EQ(760'000'000 - facts.params.active_non_embedding, 6'390'792);
  EXPECT_GT(std::llabs(facts.params.active_non_embedding - 760'000'000), parse_published_figure("760M")->tolerance);
}

// Sarvam 30B: "2.4B active non-embedding" (Sarvam's docs), held to the digits given: ±0.05B. Ours:
// 3,446,833,792 active minus the LM head 262,144 × 4,096 = 1,073,741,824 -> 2,373,091,968.
TEST(ActiveNonEmbedding, Sarvam30bMatchesSarvams2_4B) {
  const auto facts = catalog_facts("sarvam-30b");
  EXPECT_EQ(facts.params.active_non_embedding, facts.params.active - 262'144LL * 4096);
  EXPECT_LE(std::llabs(facts.params.active_non_embedding - 2'400'000'000), 50'000'000)
      << facts.params.active_non_embedding;
}

// ---- every catalog model: derived against published, within the explained tolerance ----

// Models whose derived figure falls outside what the published rounding, towers, MTP or convention
// explain, each with the reason we found. The test fails when one of them starts to agree (remove it) or
// another one stops agreeing (explain it here, do not widen a tolerance).
const std::map<std::string, std::string>& known_disagreements() {
  static const std::map<std::string, std::string> kKnown = {
      {"gpt-2-xl-1-5b", "the GPT-2 paper's 1542M is 15.6M below the released checkpoint's 1,557,611,200 tensors (its "
                        "117M small model is 124M in the checkpoint too); no stated convention explains it"},
      {"llama-3-2-1b", "Meta's card gives 1.23B for 1,235,814,400: truncated, not rounded (1.2358B)"},
      {"phi-4-14b", "Microsoft's \"14B parameters\" for 14.66B: rounded down"},
      {"qwen3-30b-a3b", "Qwen's \"3.3B activated\" for 3.353B with the embedding (3.042B without): truncated"},
      {"qwen3-coder-flash-30b-a3b", "same card figure and tensors as Qwen3-30B-A3B: 3.3B for 3.353B, truncated"},
      {"glm-4-5-355b", "Z.ai's 355B against 352.80B (356.79B with the MTP layer): neither count gives it"},
      {"glm-4-5-air-106b", "Z.ai's 106B for 106.85B (109.23B with the MTP layer): truncated"},
      {"intellect-3-106b", "GLM-4.5-Air's tensors, 106.85B; Prime Intellect repeats the truncated 106B"},
      {"kimi-linear-48b-a3b", "Moonshot's 48B for 49,122,681,728 (the safetensors sum): rounded down"},
      {"mistral-large-3-673b", "Mistral's 41B active is 1.05B above our 39.95B with the embedding; it may count the "
                               "vision encoder, as its 675B total does, but the card does not say"},
      {"longcat-flash-lite-68-5b-a3b", "Meituan's 68.5B for 68.562B: truncated (62.5M over the ± 50M)"},
      {"step-3-5-flash-196b", "StepFun's 196B for our 196.96B from a reconstructed config: truncated, or a value the "
                              "reconstruction could not source"},
      {"nanbeige-4-1-3b", "the name says 3B; the checkpoint's tensors sum to 3.93B"},
      {"qwen3-5-397b", "Qwen's 397B against 396.35B (402.94B with MTP): neither count gives it"},
      {"sarvam-105b", "105B against 103.88B without the embedding and head (106.03B with them): neither gives it; "
                      "the 10.3B active does match our non-embedding 10.27B"},
      {"gemma-4-e4b", "Google's 4.5B effective for our 4.644B (E2B's 2.3B matches our 2.280B): not explained by the "
                      "config"},
      {"zaya1-8b-8-4b", "the report's 760M active is 6.39M above our non-embedding 753,609,208, and its 8.4B total "
                        "matches neither 8.840B (tensors) nor 8.303B (without the tied table)"},
      // issue 13 cards
      {"ouro-thinking-2-6b", "the name's 2.6B for 2,667,974,657 (2.67B): truncated"},
      {"nanbeige-4-2-3b", "the name says 3B, the non-embedding 3.149B; the tensors sum to 4.17B (the bring-up plan's "
                          "8.34 GB at bf16)"},
  };
  return kKnown;
}

TEST(PublishedVsDerived, EveryCatalogModelAgreesWithinTheExplainedTolerance) {
  int compared = 0;
  std::map<std::string, std::string> disagreeing;
  for (const CatalogEntry& entry : Catalog::bundled().entries()) {
    if (!entry.published || !entry.model) continue;
    const Facts facts = compute_facts(*entry.model);
    for (const PublishedComparison& c : compare_published(*entry.published, facts.params)) {
      ++compared;
      if (!c.within)
        disagreeing[entry.slug] += (disagreeing[entry.slug].empty() ? "" : "; ") + c.figure + ": " + c.text +
                                   " (difference " + std::to_string(c.difference) + ", tolerance " +
                                   std::to_string(c.tolerance) + ")";
    }
  }
  EXPECT_GT(compared, 50);
  for (const auto& [slug, what] : disagreeing)
    EXPECT_TRUE(known_disagreements().count(slug)) << slug << " disagrees with its published figure: " << what;
  for (const auto& [slug, why] : known_disagreements()) {
    const CatalogEntry* entry = Catalog::bundled().find(slug);
    if (entry && entry->model) {
      EXPECT_TRUE(disagreeing.count(slug)) << slug << " now agrees; remove it from the known disagreements (" << why
                                           << ")";
    }
  }
}

// The fact sheet row reads "published 48B · derived 49.12B (exact, sum of tensor shapes)" and says why.
TEST(PublishedVsDerived, FactSheetRowsShowBothFiguresAndTheReason) {
  const CatalogEntry* entry = Catalog::bundled().find("kimi-linear-48b-a3b");
  ASSERT_NE(entry, nullptr);
  const auto rows = fact_rows(view_of(*entry));
  const FactRow* total = nullptr;
  for (const FactRow& row : rows)
    if (row.key == "published.total") total = &row;
  ASSERT_NE(total, nullptr);
  // 49,122,681,728 derived against "48B" to two digits.
  EXPECT_EQ(total->text.rfind("published 48B · derived 49.12B (exact, sum of tensor shapes); the published figure is "
                              "rounded to 2 significant digits (± 500M)", 0),
            0u)
      << total->text;
  EXPECT_EQ(total->source, "https://arxiv.org/pdf/2510.26692");
}

TEST(PublishedVsDerived, ShowJsonCarriesThePublishedFigures) {
  const CatalogEntry* entry = Catalog::bundled().find("gpt-oss-120b");
  ASSERT_NE(entry, nullptr);
  const auto json = model_json(view_of(*entry));
  const auto& published = json.at("catalog").at("published");
  EXPECT_EQ(published.at("total").get<std::int64_t>(), 116'830'000'000);
  EXPECT_EQ(published.at("active").get<std::int64_t>(), 5'130'000'000);
  EXPECT_EQ(published.at("convention").get<std::string>(), "active");
  EXPECT_EQ(published.at("includes").get<std::string>(), "");
  EXPECT_EQ(published.at("source").get<std::string>(),
            "https://cdn.openai.com/pdf/419b6906-9da6-406c-a19d-1bb078ac7637/oai_gpt-oss_model_card.pdf");
  // 36 layers × 8 KV heads × 64 × 2 (K, V) × 2 bytes = 73,728 B = 72 KiB exactly: low (bound inclusive).
  EXPECT_EQ(json.at("kv_cache").at("band").get<std::string>(), "low");
}

// Compare logic on made-up counts: MTP added to the total, towers allowing only a larger published total,
// the name convention choosing the closest of the three active counts.
TEST(PublishedVsDerived, MtpTowersAndNameConventions) {
  ParameterCounts p;
  p.total = 671'000'000'000;
  p.mtp = 14'000'000'000;
  p.active = 36'600'000'000;
  p.active_with_embeddings = 37'500'000'000;
  p.active_non_embedding = 35'700'000'000;
  PublishedFigures f;
  f.total = *parse_published_figure("685B");
  f.includes = "mtp";
  f.convention = "name";
  f.active = *parse_published_figure("37B");
  auto c = compare_published(f, p);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_TRUE(c[0].within);
  EXPECT_EQ(c[0].convention, "total+mtp");
  EXPECT_EQ(c[0].derived, 685'000'000'000);
  EXPECT_NE(c[0].explanation.find("MTP"), std::string::npos);
  EXPECT_EQ(c[1].convention, "active");  // 36.6B is the closest to 37B
  EXPECT_TRUE(c[1].within);
  f.includes = "towers";
  f.total = *parse_published_figure("700B");  // towers may make the published total larger …
  EXPECT_TRUE(compare_published(f, p)[0].within);
  f.total = *parse_published_figure("600B");  // … never smaller
  EXPECT_FALSE(compare_published(f, p)[0].within);
  f.includes = "";
  f.total = *parse_published_figure("671,000,000,001");  // exact counts: exactly
  EXPECT_FALSE(compare_published(f, p)[0].within);
}

}  // namespace
}  // namespace llmg
