// Diagrams: golden SVGs (byte for byte) for representative architectures, and structural checks
// for every catalog model: well-formed XML, size budget, every tagged number equal to the engine's
// fact, no text outside its box, determinism. Regenerate the goldens after an intended change with
//   LLMG_UPDATE_GOLDEN=1 build/tests/llmg_tests --gtest_filter='*DiagramGolden*'
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <libxml/parser.h>

#include "render/svg/diagram.h"
#include "base/units.h"
#include "render/svg/poster.h"
#include "render/svg/raster.h"
#include "test_support.h"

namespace {

using namespace llmg;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Compares with tests/golden/NAME, or rewrites it when LLMG_UPDATE_GOLDEN=1.
void expect_golden(const std::string& name, const std::string& svg) {
  const std::filesystem::path path = std::filesystem::path(LLMG_GOLDEN_DIR) / name;
  const char* update = std::getenv("LLMG_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << svg;
    SUCCEED() << "rewrote " << path;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " missing; run with LLMG_UPDATE_GOLDEN=1";
  const std::string golden = read_file(path);
  EXPECT_TRUE(golden == svg) << name << " differs from the golden file (" << golden.size() << " vs " << svg.size()
                             << " bytes); if the change is intended, regenerate with LLMG_UPDATE_GOLDEN=1";
}

// A recurrent-only model (no catalog model is one yet): 24 Mamba-2 layers and no FFN, like Mamba-2 2.7B.
Model all_mamba_model() {
  Model model = llmg::testing::catalog_model("llama-3-2-1b");
  model.model_type = "mamba2";
  model.family = "Mamba-2";
  model.architecture = "Mamba2ForCausalLM";
  Layer layer;
  layer.mixer = MixerKind::Mamba2;
  layer.recurrent.num_heads = 80;
  layer.recurrent.value_head_dim = 64;
  layer.recurrent.state_size = 128;
  layer.recurrent.num_groups = 1;
  layer.recurrent.conv_kernel = 4;
  layer.ffn.kind = FfnKind::None;
  model.hidden_size = 2560;
  model.layers.assign(24, layer);
  model.positions = PositionKind::NoPE;
  return model;
}

bool well_formed(const std::string& xml, std::string& error) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "diagram.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    const xmlError* last = xmlGetLastError();
    error = last && last->message ? last->message : "parse failed";
    return false;
  }
  xmlFreeDoc(doc);
  return true;
}

std::int64_t parse_number(const std::string& text) {
  std::string digits;
  for (char c : text)
    if (c != ',') digits += c;
  return std::stoll(digits);
}

// The engine's value for a data-fact key of a layer ("L3.heads"), or nullopt when the key is unknown.
std::optional<std::int64_t> layer_fact(const Model& model, int index, const std::string& name) {
  const Layer& layer = model.layers.at(index);
  const AttentionSpec& a = layer.attention;
  const RecurrentSpec& r = layer.recurrent;
  const FeedForwardSpec& f = layer.ffn;
  const std::pair<const char*, std::int64_t> table[] = {
      {"heads", a.num_heads},
      {"kv_heads", a.num_kv_heads},
      {"head_dim", a.head_dim},
      {"value_head_dim", a.value_head_dim},
      {"window", a.window},
      {"kv_lora_rank", a.kv_lora_rank},
      {"q_lora_rank", a.q_lora_rank},
      {"qk_nope_head_dim", a.qk_nope_head_dim},
      {"qk_rope_head_dim", a.qk_rope_head_dim},
      {"kv_shared_from", a.kv_shared_from},
      {"compress_ratio", a.compress_ratio},
      {"compressed_top_k", a.compressed_top_k},
      {"indexer_top_k", a.indexer_top_k},          // issue 13 cards: MiniMax Sparse Attention
      {"sparse_block_size", a.sparse_block_size},  // issue 13 cards
      {"rope_percent", std::lround(a.rope_fraction * 100)},
      {"rope_theta", std::llround(a.rope_theta > 0 ? a.rope_theta : model.rope_theta)},
      {"linear_heads", r.num_heads},
      {"linear_key_heads", r.num_key_heads},
      {"linear_key_dim", r.key_head_dim},
      {"linear_value_dim", r.value_head_dim},
      {"ssm_heads", r.num_heads},
      {"ssm_head_dim", r.value_head_dim},
      {"state", r.state_size},
      {"groups", r.num_groups},
      {"conv", r.conv_kernel},
      {"ffn_hidden", f.intermediate_size},
      {"experts", f.num_experts},
      {"experts_active", f.experts_per_token},
      {"shared_experts", f.num_shared_experts},
      {"expert_hidden", f.expert_intermediate_size},
      {"shared_hidden", f.shared_intermediate_size},
      {"hidden_size", model.hidden_size},
  };
  for (const auto& [key, value] : table)
    if (name == key) return value;
  return std::nullopt;
}

std::string group_identity(const Layer& layer) {
  const bool softmax = layer.is_softmax_attention();  // the diagram's grouping asks the same predicate
  return layer_mixer_key(layer) + "|" + std::string(ffn_kind_key(layer.ffn.kind)) + "|" +
         (softmax && layer.attention.rope_fraction == 0.0 ? "nope" : "");
}

// Every <tspan data-fact="KEY">TEXT</tspan> must equal the engine's value; returns the keys seen.
std::set<std::string> check_facts(const ModelView& view, const std::string& svg) {
  std::set<std::string> seen;
  const Model& model = *view.model;
  const Facts& facts = view.facts;
  static const std::regex tagged(R"re(data-fact="([^"]+)">([^<]*)<)re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tagged); it != std::sregex_iterator(); ++it) {
    const std::string key = (*it)[1], text = (*it)[2];
    SCOPED_TRACE(view.slug + " " + key + " = " + text);
    if (key == "params_total") {
      EXPECT_EQ(text, human_count(facts.params.total));
    } else if (key == "params_active") {
      EXPECT_EQ(text, human_count(facts.params.active));
    } else if (key == "vocab_size") {
      EXPECT_EQ(parse_number(text), facts.vocab_size);
    } else if (key == "hidden_size") {
      EXPECT_EQ(parse_number(text), facts.hidden_size);
    } else if (key == "context_length") {
      EXPECT_EQ(parse_number(text), facts.context_length);
    } else if (key == "layers") {
      EXPECT_EQ(parse_number(text), facts.layers);
    } else if (key == "mtp_layers") {
      EXPECT_EQ(parse_number(text), static_cast<std::int64_t>(model.mtp_layers.size()));
    } else if (key == "loop_count") {  // issue 13 cards: the loop arrow's "× N"
      EXPECT_EQ(text, "× " + std::to_string(facts.loop_count));
    } else if (key == "learned_positions") {
      EXPECT_EQ(parse_number(text), model.learned_position_count);
    } else if (key.rfind("count:", 0) == 0) {
      const int first = std::stoi(key.substr(6));
      const std::string identity = group_identity(model.layers.at(first));
      std::int64_t count = 0;
      for (const Layer& layer : model.layers) count += group_identity(layer) == identity;
      EXPECT_EQ(parse_number(text), count);
    } else if (key.rfind("mix:", 0) == 0 || key.rfind("ffn:", 0) == 0) {
      const auto& mix = key[0] == 'm' ? facts.layer_mix : facts.ffn_mix;
      const std::string kind = key.substr(4);
      auto found = std::find_if(mix.begin(), mix.end(), [&](const KindCount& c) { return c.kind == kind; });
      if (found == mix.end()) {
        ADD_FAILURE() << "no such kind in the mix";
        continue;
      }
      EXPECT_EQ(parse_number(text), found->count);
    } else if (key[0] == 'L') {
      const auto dot = key.find('.');
      const auto value = dot == std::string::npos
                             ? std::nullopt
                             : layer_fact(model, std::stoi(key.substr(1, dot - 1)), key.substr(dot + 1));
      if (!value) {
        ADD_FAILURE() << "unknown layer fact";
        continue;
      }
      EXPECT_EQ(parse_number(text), *value);
      seen.insert(key.substr(dot + 1));
      continue;
    } else {
      ADD_FAILURE() << "unknown data-fact key";
    }
    seen.insert(key);
  }
  return seen;
}

void expect_text_fits(const ModelView& view, const DiagramLayout& layout) {
  ASSERT_FALSE(layout.texts.empty());
  for (const svg::PlacedText& placed : layout.texts) {
    EXPECT_TRUE(placed.container.contains(placed.box))
        << view.slug << ": '" << placed.text << "' at " << placed.box.x << "," << placed.box.y << " "
        << placed.box.w << "×" << placed.box.h << " outside " << placed.container.x << "," << placed.container.y
        << " " << placed.container.w << "×" << placed.container.h;
    const svg::Rect page{0, 0, layout.width, layout.height};
    EXPECT_TRUE(page.contains(placed.box)) << view.slug << ": '" << placed.text << "' outside the picture";
  }
}

}  // namespace

// ---- golden files -----------------------------------------------------------------------------------

class DiagramGolden : public ::testing::TestWithParam<const char*> {};

TEST_P(DiagramGolden, MatchesGoldenSvg) {
  const CatalogEntry* entry = Catalog::bundled().find(GetParam());
  ASSERT_NE(entry, nullptr);
  expect_golden(std::string(GetParam()) + ".svg", diagram_svg(view_of(*entry)));
}

INSTANTIATE_TEST_SUITE_P(Catalog, DiagramGolden,
                         ::testing::Values("llama-3-8b",               // dense GQA
                                           "deepseek-v3-671b",         // MLA + MoE, dense prefix, MTP
                                           "gemma-3-27b",              // sliding/global, sandwich norms
                                           "qwen3-next-80b-a3b",       // Gated DeltaNet hybrid, gated attention
                                           "nemotron-3-nano-30b-a3b"),  // Mamba-2 hybrid, FFN-only blocks
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(DiagramGoldenSynthetic, RecurrentOnlyMamba2) {
  const Model model = all_mamba_model();
  const ModelView view = view_of(model, "test-all-mamba2", "All-Mamba-2 (test model)");
  const std::string svg = diagram_svg(view);
  expect_golden("all-mamba2.svg", svg);
  EXPECT_NE(svg.find(">24</tspan> ×"), std::string::npos);
  EXPECT_NE(svg.find("Zoom: Mamba-2 mixer"), std::string::npos);
  EXPECT_EQ(svg.find("attention"), std::string::npos) << "a recurrent-only model has no attention to draw";
}

TEST(DiagramGoldenSynthetic, ThumbnailAndStrip) {
  const ModelView view = view_of(*Catalog::bundled().find("llama-4-maverick-400b"));
  expect_golden("llama-4-maverick-400b.thumb.svg", diagram_svg(view, {.thumbnail = true}));
  expect_golden("gemma-3-27b.strip.svg", layer_strip_svg(view_of(*Catalog::bundled().find("gemma-3-27b"))));
}

// ---- every catalog model ------------------------------------------------------------------------------

TEST(Diagram, EveryCatalogModelIsWellFormedTruthfulAndFits) {
  std::size_t total_bytes = 0;
  for (const CatalogEntry& entry : Catalog::bundled().entries()) {
    const ModelView view = view_of(entry);
    for (const bool thumbnail : {false, true})
      for (const auto theme : {DiagramOptions::Theme::Light, DiagramOptions::Theme::Dark}) {
        DiagramOptions options;
        options.thumbnail = thumbnail;
        options.theme = theme;
        const DiagramLayout layout = diagram_layout(view, options);
        SCOPED_TRACE(entry.slug + (thumbnail ? " thumbnail" : " full") +
                     (theme == DiagramOptions::Theme::Dark ? " dark" : " light"));
        std::string error;
        EXPECT_TRUE(well_formed(layout.svg, error)) << error;
        EXPECT_LE(layout.svg.size(), 25u * 1024u);
        EXPECT_EQ(layout.svg, diagram_svg(view, options)) << "not deterministic";
        expect_text_fits(view, layout);
        if (!view.model) continue;
        const std::set<std::string> seen = check_facts(view, layout.svg);
        if (!thumbnail) {
          for (const char* required : {"vocab_size", "hidden_size", "context_length", "layers", "params_total"})
            EXPECT_TRUE(seen.count(required)) << "no callout for " << required;
          if (view.facts.moe_layers > 0) {
            EXPECT_TRUE(seen.count("experts") && seen.count("experts_active"));
          }
          if (view.facts.attention_layers > 0) {
            EXPECT_TRUE(seen.count("heads"));
          }
        }
        if (!thumbnail && theme == DiagramOptions::Theme::Light) total_bytes += layout.svg.size();
      }
    std::string error;
    const std::string strip = layer_strip_svg(view);
    EXPECT_TRUE(well_formed(strip, error)) << entry.slug << " strip: " << error;
  }
  EXPECT_LE(total_bytes, 1536u * 1024u) << "the catalog's diagrams exceed 1.5 MB";
}

TEST(Diagram, SyntheticStacksFitAndAreWellFormed) {
  // Paths no catalog model takes yet: a parallel block (Cohere), post-norm with LayerNorm, and the
  // linear mixers without a catalog model (KDA, Lightning, mLSTM) mixed in one stack with a window.
  Model parallel = llmg::testing::catalog_model("llama-3-2-1b");
  parallel.norm_placement = NormPlacement::Parallel;
  parallel.norm_kind = NormKind::LayerNormNoBias;
  Model mixed = llmg::testing::catalog_model("llama-3-2-1b");
  for (std::size_t i = 0; i < mixed.layers.size(); ++i) {
    Layer& layer = mixed.layers[i];
    const MixerKind kinds[] = {MixerKind::KimiDeltaAttention, MixerKind::LightningAttention, MixerKind::MLSTM,
                               MixerKind::Attention};
    layer.mixer = kinds[i % 4];
    layer.recurrent.num_heads = 16;
    layer.recurrent.num_key_heads = 16;
    layer.recurrent.key_head_dim = 128;
    layer.recurrent.value_head_dim = 128;
    layer.recurrent.conv_kernel = 4;
    if (i % 8 == 3) {
      layer.attention.span = AttentionSpan::SlidingWindow;
      layer.attention.window = 4096;
    }
  }
  mixed.norm_placement = NormPlacement::Post;
  mixed.norm_kind = NormKind::LayerNorm;
  for (const Model* model : {&parallel, &mixed}) {
    const ModelView view = view_of(*model, "synthetic", "Synthetic stack");
    for (const bool thumbnail : {false, true}) {
      DiagramOptions options;
      options.thumbnail = thumbnail;
      const DiagramLayout layout = diagram_layout(view, options);
      std::string error;
      EXPECT_TRUE(well_formed(layout.svg, error)) << error;
      expect_text_fits(view, layout);
      check_facts(view, layout.svg);
    }
  }
  const std::string svg = diagram_svg(view_of(parallel, "p", "Parallel"));
  EXPECT_NE(svg.find("LayerNorm (no bias)"), std::string::npos);
  const std::string mixed_svg = diagram_svg(view_of(mixed, "m", "Mixed"));
  for (const char* name : {"Kimi Delta Attention", "Lightning attention", "mLSTM", "sliding window"})
    EXPECT_NE(mixed_svg.find(name), std::string::npos) << name;
}

TEST(Diagram, LayerStripIsExact) {
  // Gemma 3 27B: 5 sliding then 1 global, 62 layers: 52 + 10, shown as counts in the legend.
  const ModelView view = view_of(*Catalog::bundled().find("gemma-3-27b"));
  const std::string strip = layer_strip_svg(view);
  EXPECT_NE(strip.find("data-fact=\"mix:sliding_attention\">52<"), std::string::npos);
  EXPECT_NE(strip.find("data-fact=\"mix:full_attention\">10<"), std::string::npos);
  // One run rectangle per run of a colour in the mixer row: 11 sliding runs + 10 global runs,
  // plus one dense run for the FFN row and one swatch per legend entry (3).
  std::size_t cells = 0;
  for (std::size_t at = strip.find("class=\"st k"); at != std::string::npos; at = strip.find("class=\"st k", at + 1))
    ++cells;
  EXPECT_EQ(cells, 11u + 10u + 1u + 3u);
}

TEST(Diagram, TextIsEscaped) {
  const Model& model = llmg::testing::catalog_model("llama-3-2-1b");
  const ModelView view = view_of(model, "odd", "A <b> & \"c\"");
  const std::string svg = diagram_svg(view);
  std::string error;
  EXPECT_TRUE(well_formed(svg, error)) << error;
  EXPECT_NE(svg.find("A &lt;b&gt; &amp; &quot;c&quot;"), std::string::npos);
}

TEST(Diagram, UnknownArchitectureSaysSo) {
  const CatalogEntry* entry = Catalog::bundled().find("granite-4-1-30b");
  ASSERT_NE(entry, nullptr);
  ASSERT_FALSE(entry->model);
  const std::string svg = diagram_svg(view_of(*entry));
  EXPECT_NE(svg.find("No diagram"), std::string::npos);
}

TEST(Diagram, HeterogeneousStacksGetOneBlockPerKind) {
  // DeepSeek V3: a 3-layer dense prefix and 58 MoE layers; Llama 4 Maverick: 24 chunked dense,
  // 12 chunked MoE, 12 global (NoPE) MoE.
  const std::string deepseek = diagram_svg(view_of(*Catalog::bundled().find("deepseek-v3-671b")));
  EXPECT_NE(deepseek.find("data-fact=\"count:0\">3<"), std::string::npos);
  EXPECT_NE(deepseek.find("data-fact=\"count:3\">58<"), std::string::npos);
  const std::string maverick = diagram_svg(view_of(*Catalog::bundled().find("llama-4-maverick-400b")));
  EXPECT_NE(maverick.find("data-fact=\"count:0\">24<"), std::string::npos);
  EXPECT_NE(maverick.find("data-fact=\"count:1\">12<"), std::string::npos);
  EXPECT_NE(maverick.find("data-fact=\"count:3\">12<"), std::string::npos);
  EXPECT_NE(maverick.find("NoPE"), std::string::npos);
}

TEST(Diagram, RendersToPng) {
  const std::string svg = diagram_svg(view_of(*Catalog::bundled().find("llama-3-8b")));
  auto png = svg_to_png(svg, 1.0);
  ASSERT_TRUE(png) << png.error().message;
  ASSERT_GT(png->size(), 1000u);
  EXPECT_EQ(png->substr(1, 3), "PNG");
  EXPECT_FALSE(svg_to_png("<svg", 1.0));
}

// ---- the verb ----------------------------------------------------------------------------------------

namespace {

int run_cli(const std::string& arguments, std::string* out = nullptr) {
  const std::string command = std::string(LLMG_BINARY) + " " + arguments + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer{};
  std::size_t n;
  std::string text;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) text.append(buffer.data(), n);
  const int status = pclose(pipe);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST(DiagramCli, WritesSvgPngAndRejectsBadInput) {
  std::string out;
  EXPECT_EQ(run_cli("diagram llama-3-8b", &out), 0);
  EXPECT_EQ(out, diagram_svg(view_of(*Catalog::bundled().find("llama-3-8b"))));
  EXPECT_EQ(run_cli("diagram gemma-3-27b --theme dark --thumbnail", &out), 0);
  EXPECT_NE(out.find("#16181d"), std::string::npos);
  const auto png = std::filesystem::temp_directory_path() / ("llmg-diagram-" + std::to_string(::getpid()) + ".png");
  EXPECT_EQ(run_cli("diagram qwen3-next-80b-a3b --png --out " + png.string()), 0);
  EXPECT_EQ(read_file(png).substr(1, 3), "PNG");
  std::filesystem::remove(png);
  EXPECT_EQ(run_cli("diagram llama-3-8b --theme sepia"), 2);
  EXPECT_EQ(run_cli("diagram no-such-model"), 2);
  EXPECT_EQ(run_cli("diagram llama-3-8b --png"), 2);
}

// ---- the poster (PDF checked with poppler-utils: pdfinfo, pdffonts, pdftoppm) -------------------------

namespace {

std::string shell(const std::string& command) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  std::array<char, 4096> buffer{};
  std::size_t n;
  std::string text;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) text.append(buffer.data(), n);
  pclose(pipe);
  return text;
}

}  // namespace

TEST(Poster, OnePageOfTheRightSizeWithFontsEmbeddedThatRenders) {
  const auto dir = std::filesystem::temp_directory_path() / ("llmg-poster-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string pdf = (dir / "poster.pdf").string();
  ASSERT_EQ(run_cli("poster --size A2 --models llama-3-8b,deepseek-v3-671b,granite-4-1-30b,gemma-3-27b --out " + pdf), 0);
  const std::string info = shell("pdfinfo " + pdf);
  EXPECT_NE(info.find("Pages:           1"), std::string::npos) << info;
  EXPECT_NE(info.find("1191 x 1684 pts (A2)"), std::string::npos) << info;
  // Every font embedded: the "emb" column says yes on each font row, and there is at least one.
  const std::string fonts = shell("pdffonts " + pdf);
  std::size_t rows = 0, embedded = 0;
  std::istringstream lines(fonts);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("TrueType") == std::string::npos && line.find("Type 1") == std::string::npos &&
        line.find("CID") == std::string::npos)
      continue;
    ++rows;
    embedded += line.find(" yes ") != std::string::npos;
  }
  EXPECT_GT(rows, 0u) << fonts;
  EXPECT_EQ(rows, embedded) << fonts;
  EXPECT_NE(fonts.find("DejaVuSans"), std::string::npos) << fonts;
  // It renders, and not to a blank page.
  shell("pdftoppm -r 10 -png " + pdf + " " + (dir / "page").string());
  const std::string png = read_file(dir / "page-1.png");
  EXPECT_GT(png.size(), 2000u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  // SVG output and bad arguments.
  EXPECT_EQ(run_cli("poster --size 24x36in --order family --out " + (dir / "poster.svg").string()), 0);
  std::string error;
  EXPECT_TRUE(well_formed(read_file(dir / "poster.svg"), error)) << error;
  EXPECT_EQ(run_cli("poster --size B7 --out " + pdf), 2);
  EXPECT_EQ(run_cli("poster --models nope --out " + pdf), 2);
  EXPECT_EQ(run_cli("poster --out poster.docx"), 2);
  std::filesystem::remove_all(dir);
}

TEST(Poster, PaperSizes) {
  EXPECT_EQ(paper_size("A0")->width_pt, 2384);
  EXPECT_EQ(paper_size("A0")->height_pt, 3370);
  EXPECT_EQ(paper_size("a1")->width_pt, 1684);
  EXPECT_EQ(paper_size("24x36in")->width_pt, 1728);
  EXPECT_EQ(paper_size("36x24in")->height_pt, 2592);
  EXPECT_FALSE(paper_size("A9"));
  EXPECT_FALSE(paper_size("0x0in"));
}
