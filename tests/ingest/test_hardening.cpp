// Issue 17 (hardening of the config path): each case of the reliability report as a regression test,
// with its kind — nesting depth, a value used after a failed read, numeric bounds, Python literals,
// the tensor budget — tried on more than the one input that showed it. Inputs are copies in
// tests/data/reliability/ (01-*, 02-*, 10-*); the deep inputs are built here.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analysis/params.h"
#include "analysis/validate.h"
#include "ingest/config/hf_config.h"
#include "ingest/config/json_text.h"

namespace {

std::string data(const std::string& name) {
  std::ifstream in(std::filesystem::path(LLMG_TEST_DATA) / "reliability" / name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string error_of(const std::string& json_text, const std::string& file = "bad.json") {
  auto model = llmg::checked_model(llmg::read_config_text(json_text, file), file);
  return model ? std::string() : model.error().message;
}

std::string nested(std::size_t depth, char open = '[', char close = ']') {
  return std::string(depth, open) + std::string(depth, close);
}

// A Llama config that reads: every test below changes one key of it.
const char* kLlama = R"({"model_type": "llama", "hidden_size": 64, "vocab_size": 100, "num_hidden_layers": 2,
  "num_attention_heads": 4, "intermediate_size": 128, "max_position_embeddings": 2048)";

std::string llama_with(const std::string& extra) { return std::string(kLlama) + ", " + extra + "}"; }

}  // namespace

// ---- case 01: nesting depth -------------------------------------------------------------------------

// 100,000 levels under a key the reader checks, and under a key nobody reads: refused at parse time
// (depth limit 64) with the file and the key named, without recursion (no crash).
TEST(Hardening, DeepNestingIsRefusedAtParseTime) {
  const std::string checked = R"({"model_type":"llama","hidden_size":)" + nested(100000) + "}";
  EXPECT_EQ(error_of(checked, "deep.json"),
            "deep.json: invalid JSON: nesting deeper than 64 levels (under key 'hidden_size')");
  EXPECT_NE(error_of(std::string(kLlama) + R"(, "unused": )" + nested(100000) + "}").find("nesting deeper than 64"),
            std::string::npos);
  // Objects nest the same way: {"a":{"a":{...}}}.
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += R"({"a":)";
  objects += "1" + std::string(100000, '}');
  // The key path is cut to 80 characters: "a.a.…" (40 levels) then "...".
  std::string path;
  for (int i = 0; i < 40; ++i) path += (i ? ".a" : "a");
  EXPECT_EQ(llmg::parse_json_text(objects).error().detail,
            "nesting deeper than 64 levels (under key '" + path.substr(0, 77) + "...')");
  // The report's sanitizer trigger (11,000 levels, 22 KB).
  EXPECT_NE(error_of(data("01-deep-11000.json")).find("nesting deeper than 64 levels (under key 'hidden_size')"),
            std::string::npos);
  // 64 levels are accepted by the parser (then the reader says what it expected, briefly).
  EXPECT_TRUE(llmg::parse_json_text(nested(64)).has_value());
  EXPECT_FALSE(llmg::parse_json_text(nested(65)).has_value());
  EXPECT_EQ(error_of(llama_with(R"("head_dim": )" + nested(60))),
            "bad.json: key 'head_dim': expected an integer, got [[[[[[[[[...");
}

// A safetensors-style header with a deep shape is refused the same way (the same parser).
TEST(Hardening, DeepShapeInAHeaderIsRefused) {
  const std::string header = R"({"w":{"dtype":"F32","shape":[)" + nested(70000) + R"(],"data_offsets":[0,4]}})";
  const auto parsed = llmg::parse_json_text(header);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().detail, "nesting deeper than 64 levels (under key 'w.shape')");
}

// describe_json never dumps a whole value: at most 40 characters, whatever the size or depth.
TEST(Hardening, DescribeIsBounded) {
  nlohmann::json deep = 1;
  for (int i = 0; i < 50; ++i) deep = nlohmann::json::array({deep});
  EXPECT_EQ(llmg::describe_json(deep), "[[[[[[[[[...");
  EXPECT_EQ(llmg::describe_json(nlohmann::json::array({1, 2})), "[1,2]");
  EXPECT_EQ(llmg::describe_json(nlohmann::json{{"a", 1}}), R"({"a":1})");
  EXPECT_EQ(llmg::describe_json(std::string(100000, 'x')).size(), 40u);
  EXPECT_EQ(llmg::describe_json(HUGE_VAL), "Infinity");
  EXPECT_EQ(llmg::describe_json(std::nan("")), "NaN");
  // A non-string model_type is described, not dumped.
  EXPECT_EQ(error_of(R"({"model_type": )" + nested(60) + "}"),
            "bad.json: key 'model_type': expected a string, got [[[[[[[[[...");
}

// ---- case 02: a value used after a failed read ------------------------------------------------------

// The report's inputs: the interval missing or 0 used to divide by zero (SIGFPE). Each is exit-2 material
// naming the key; the same for every Qwen3.5 model_type.
TEST(Hardening, Qwen3NextIntervalNeverDividesByZero) {
  EXPECT_EQ(error_of(data("02-minimal.json"), "minimal.json"),
            "minimal.json: key 'hidden_size': required key is missing (looked for hidden_size, n_embd, d_model, dim)");
  EXPECT_NE(error_of(data("02-interval-0.json")).find("key 'hidden_size'"), std::string::npos);  // first problem
  EXPECT_EQ(error_of(data("02-catalog-qwen3-next-without-full_attention_interval.json")),
            "bad.json: key 'full_attention_interval': required key is missing (looked for full_attention_interval)");
  // full_attention_interval 0 on an otherwise complete config names the key and its bounds.
  auto config = nlohmann::json::parse(data("02-catalog-qwen3-next-without-full_attention_interval.json"));
  config["full_attention_interval"] = 0;
  EXPECT_EQ(error_of(config.dump()), "bad.json: key 'full_attention_interval': expected an integer in [1, 4096], got 0");
  for (const char* type : {"qwen3_5", "qwen3_5_moe", "qwen3_5_text", "qwen3_5_moe_text"}) {
    const std::string minimal = std::string(R"({"model_type": ")") + type + R"(", "num_hidden_layers": 1})";
    EXPECT_NE(error_of(minimal), "") << type;
  }
}

// The kind: a required integer that failed comes back as a non-zero neutral value, so no reader can
// divide by it; every divisor a reader takes from a config is bounded below by 1 (sliding_window_pattern,
// decoder_sparse_step, no_rope_layer_interval, interleave_moe_layer_step, global_attn_every_n_layers).
TEST(Hardening, ZeroDivisorsAreRefusedNamingTheKey) {
  const std::string qwen3_moe = R"({"model_type": "qwen3_moe", "hidden_size": 64, "vocab_size": 100,
    "num_hidden_layers": 2, "num_attention_heads": 4, "intermediate_size": 128, "max_position_embeddings": 2048,
    "num_experts": 4, "num_experts_per_tok": 2, "moe_intermediate_size": 32, )";
  EXPECT_EQ(error_of(qwen3_moe + R"("decoder_sparse_step": 0})"),
            "bad.json: key 'decoder_sparse_step': expected an integer in [1, 4096], got 0");
  const std::string smollm3 = R"({"model_type": "smollm3", "hidden_size": 64, "vocab_size": 100,
    "num_hidden_layers": 2, "num_attention_heads": 4, "intermediate_size": 128, "max_position_embeddings": 2048, )";
  EXPECT_EQ(error_of(smollm3 + R"("no_rope_layer_interval": 0})"),
            "bad.json: key 'no_rope_layer_interval': expected an integer in [1, 4096], got 0");
  // Every family with the minimal config {"model_type": T, "num_hidden_layers": 1} fails cleanly.
  for (const char* type : {"llama", "qwen3_moe", "qwen3_next", "gemma3_text", "cohere2", "afmoe", "llama4_text",
                           "smollm3", "xlstm", "zaya", "longcat_flash", "deepseek_v3", "deepseek_v4", "nemotron_h",
                           "step3p5", "minimax_m2", "kimi_linear", "mimo_v2_flash", "laguna", "gpt_oss"}) {
    const std::string minimal = std::string(R"({"model_type": ")") + type + R"(", "num_hidden_layers": 1})";
    const std::string error = error_of(minimal);
    // Either read with the family's defaults (gemma3_text) or refused naming a key; never a fault.
    EXPECT_TRUE(error.empty() || error.find("key '") != std::string::npos) << type << ": " << error;
  }
}

// ---- numeric bounds -----------------------------------------------------------------------------------

TEST(Hardening, FloatsMeetTheirBounds) {
  EXPECT_EQ(error_of(llama_with(R"("rope_theta": 1e300)")),
            "bad.json: key 'rope_theta': expected a number in [0, 1000000000000], got 1e+300");
  EXPECT_EQ(error_of(llama_with(R"("rope_theta": -5)")),
            "bad.json: key 'rope_theta': expected a number in [0, 1000000000000], got -5");
  EXPECT_EQ(error_of(llama_with(R"("rms_norm_eps": 2.5)")),
            "bad.json: key 'rms_norm_eps': expected a number in [0, 1], got 2.5");
  EXPECT_EQ(error_of(llama_with(R"("partial_rotary_factor": -0.5)")),
            "bad.json: key 'partial_rotary_factor': expected a number in [0, 1], got -0.5");
  // Python literals are numbers, and meet the same bounds.
  EXPECT_EQ(error_of(llama_with(R"("rope_theta": Infinity)")),
            "bad.json: key 'rope_theta': expected a finite number, got Infinity");
  EXPECT_EQ(error_of(llama_with(R"("rms_norm_eps": NaN)")),
            "bad.json: key 'rms_norm_eps': expected a finite number, got NaN");
  EXPECT_EQ(error_of(llama_with(R"("rope_theta": -Infinity)")),
            "bad.json: key 'rope_theta': expected a finite number, got -Infinity");
  EXPECT_EQ(error_of(llama_with(R"("hidden_size": Infinity)")).rfind("bad.json: key 'hidden_size': expected an integer", 0),
            0u);
  // Nested rope_parameters.<type>.rope_theta meets rope_theta's row; factors have bounds too.
  EXPECT_EQ(error_of(llama_with(R"("rope_parameters": {"rope_theta": 1e300})")),
            "bad.json: key 'rope_parameters.rope_theta': expected a number in [0, 1000000000000], got 1e+300");
  const std::string xlstm = R"({"model_type": "xlstm", "embedding_dim": 256, "num_blocks": 2, "num_heads": 4,
    "vocab_size": 100, )";
  EXPECT_EQ(error_of(xlstm + R"("qk_dim_factor": 1e300})"),
            "bad.json: key 'qk_dim_factor': expected a number in [0.01, 64], got 1e+300");
  EXPECT_EQ(error_of(xlstm + R"("ffn_proj_factor": -2})"),
            "bad.json: key 'ffn_proj_factor': expected a number in [0.01, 64], got -2");
}

// A number beyond double's range names its key and is cut; so is a long literal in any message.
TEST(Hardening, NumbersBeyondDoubleNameTheirKey) {
  EXPECT_EQ(error_of(llama_with(R"("rope_theta": 1e999)")),
            "bad.json: invalid JSON: key 'rope_theta': number 1e999 is beyond double's range");
  const std::string digits(5000, '9');
  const std::string error = error_of(llama_with(R"("rope_scaling": {"factor": )" + digits + "}"));
  EXPECT_EQ(error, "bad.json: invalid JSON: key 'rope_scaling.factor': number " + std::string(24, '9') +
                       "... is beyond double's range");
  // A long integer within double's range is read as a number and refused by the bounds, described briefly.
  const std::string long_int = error_of(llama_with(R"("head_dim": 123456789012345678901234567890)"));
  EXPECT_EQ(long_int, "bad.json: key 'head_dim': expected an integer in [1, 65536], got 1.2345678901234568e+29");
  // A syntax error on a long token does not echo it whole.
  EXPECT_LT(error_of(llama_with(R"("head_dim": 1)" + std::string(100000, 'x'))).size(), 300u);
}

// Python's json literals outside strings are accepted in config files (Nemotron-H writes
// "time_step_limit": [0.0, Infinity], e.g. nvidia/Nemotron-H-8B-Base-8K config.json; issue 12 item 5);
// inside strings they stay text; safetensors headers (strict JSON) still refuse them.
TEST(Hardening, NemotronHConfigWithInfinityReads) {
  auto model = llmg::checked_model(llmg::read_config_text(data("nemotron-h-infinity.json"), "nemotron.json"), "n");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  EXPECT_EQ(model->model_type, "nemotron_h");
  EXPECT_EQ(model->layer_count(), 42);
  const auto parsed = llmg::parse_json_text(R"({"a": [0.0, Infinity, -Infinity, NaN], "s": "NaN Infinity"})",
                                            llmg::JsonTextOptions{.python_literals = true});
  ASSERT_TRUE(parsed.has_value());
  EXPECT_TRUE(std::isinf((*parsed)["a"][1].get<double>()) && (*parsed)["a"][1].get<double>() > 0);
  EXPECT_TRUE(std::isinf((*parsed)["a"][2].get<double>()) && (*parsed)["a"][2].get<double>() < 0);
  EXPECT_TRUE(std::isnan((*parsed)["a"][3].get<double>()));
  EXPECT_EQ((*parsed)["s"], "NaN Infinity");
  EXPECT_FALSE(llmg::parse_json_text(R"({"a": Infinity})").has_value());  // strict by default
}

// Newcomer findings: each refused with the key named.
TEST(Hardening, NewcomerFindingsNameTheKey) {
  const std::string qwen3_moe = R"({"model_type": "qwen3_moe", "hidden_size": 64, "vocab_size": 100,
    "num_hidden_layers": 2, "num_attention_heads": 4, "intermediate_size": 128, "max_position_embeddings": 2048,
    "num_experts": 4, "num_experts_per_tok": 2, "moe_intermediate_size": 32, )";
  EXPECT_EQ(error_of(qwen3_moe + R"("mlp_only_layers": [0, 7]})"),
            "bad.json: key 'mlp_only_layers[1]': expected a layer index below num_hidden_layers (2), got 7");
  EXPECT_EQ(error_of(qwen3_moe + R"("mlp_only_layers": [-1]})"),
            "bad.json: key 'mlp_only_layers[0]': expected an integer in [0, 4095], got -1");
  EXPECT_EQ(error_of(llama_with(R"("rope_scaling": "linear")")),
            "bad.json: key 'rope_scaling': expected an object (rope_type, factor, ...), got \"linear\"");
  EXPECT_EQ(error_of(llama_with(R"("head_dim": 3)")),
            "bad.json: key 'head_dim': expected an even head size (RoPE rotates pairs of dimensions), got 3");
  // hidden_size 1: head_dim = 1 / 4 = 0 per head; the message names the key.
  const std::string tiny = R"({"model_type": "llama", "hidden_size": 1, "vocab_size": 100, "num_hidden_layers": 2,
    "num_attention_heads": 4, "intermediate_size": 128, "max_position_embeddings": 2048})";
  EXPECT_NE(error_of(tiny).find("key 'hidden_size'"), std::string::npos) << error_of(tiny);
}

// ---- case 10: work grows with the description -----------------------------------------------------------

// The report's config (4,096 layers × 1,024 shared experts) used to list 12.6 M tensor specs; shared
// experts are now one spec with copies, so the list has a few per layer and the count is unchanged.
TEST(Hardening, SharedExpertsAreOneSpecWithCopies) {
  auto model = llmg::checked_model(llmg::read_config_text(data("10-shared-experts.json"), "c10.json"), "c10.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  const std::size_t specs = llmg::tensor_spec_count(*model);
  EXPECT_LT(specs, 4096u * 32);  // was 4,096 × 1,024 × 3 ≈ 12.6 M
  const auto tensors = llmg::model_tensors(*model);
  EXPECT_LE(tensors.size(), specs);  // the count allows six model-level specs; the list has what applies
  // Layer 3 is MoE (first_k_dense_replace absent: 0): its shared experts are three specs of 1,024 copies
  // each, [2048 (moe_intermediate_size, the default width), 4096].
  const auto layer = llmg::layer_tensors(*model, model->layers[3], "");
  int shared = 0;
  for (const auto& t : layer)
    if (t.name.rfind("mlp.shared_experts.", 0) == 0) {
      ++shared;
      EXPECT_EQ(t.copies, 1024);
      EXPECT_EQ(t.active_copies, 1024);
    }
  EXPECT_EQ(shared, 3);
  // The total is what 1,024 separate experts sum to: per layer 1,024 × 3 × 2,048 × 4,096 shared weights.
  llmg::Model one = *model;
  for (auto& l : one.layers) l.ffn.num_shared_experts = 1;
  const auto with_one = llmg::count_parameters(one);
  const auto with_all = llmg::count_parameters(*model);
  ASSERT_TRUE(with_one && with_all);
  EXPECT_EQ(with_all->total - with_one->total, 4096LL * 1023 * 3 * 2048 * 4096);
  EXPECT_EQ(with_all->active - with_one->active, 4096LL * 1023 * 3 * 2048 * 4096);
}

// The tensor budget refuses a model whose list would still be too large (here 4,096 layers with 100
// extra tensors each: 409,600 specs > 262,144), before building the list.
TEST(Hardening, TensorBudgetRefusesHugeLists) {
  auto model = llmg::checked_model(llmg::read_config_text(llama_with(R"("num_hidden_layers": 4096)"), "big.json"), "big.json");
  ASSERT_TRUE(model.has_value()) << model.error().message;
  EXPECT_LT(llmg::tensor_spec_count(*model), llmg::kMaxTensorSpecs);  // a 4,096-layer Llama fits
  for (auto& layer : model->layers)
    for (int i = 0; i < 100; ++i) layer.extra.push_back({llmg::Component::Other, "x" + std::to_string(i), {1}});
  const auto counts = llmg::count_parameters(*model);
  ASSERT_FALSE(counts.has_value());
  EXPECT_EQ(counts.error().message, "the model describes more than 262144 tensors (the tensor budget; experts count once)");
  EXPECT_EQ(counts.error().kind, llmg::Error::Kind::BadInput);
}
