// Split GGUFs (llama.cpp gguf-split: <prefix>-00001-of-00003.gguf ...) read as one file set, whichever
// shard or the folder is named (src/ingest/weights/gguf_split.h).
#include <unistd.h>

#include <filesystem>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "analysis/checkpoint.h"
#include "analysis/facts.h"
#include "ingest/weights/gguf_model.h"
#include "ingest/weights/gguf_split.h"
#include "ingest/weights/weights.h"
#include "weights_writer.h"

namespace llmg {
namespace {

using namespace llmg::testing;
namespace fs = std::filesystem;

constexpr std::uint32_t kF32 = 0;
// A 4-layer Llama (hidden 256, FFN 512, 4 heads, 2 KV heads, vocab 1000, untied) cut into three shards:
// shard 1 metadata + embedding + blocks 0-1, shard 2 blocks 2-3, shard 3 final norm + head.
constexpr std::uint64_t H = 256, FF = 512, V = 1000, KVW = 128;

void tensor(GgufWriter& w, const std::string& name, std::vector<std::uint64_t> dims) {
  std::uint64_t n = 1;
  for (std::uint64_t d : dims) n *= d;
  w.tensor(name, std::move(dims), kF32, n * 4);
}

void block(GgufWriter& w, int i) {
  const std::string b = fmt::format("blk.{}.", i);
  tensor(w, b + "attn_norm.weight", {H});
  tensor(w, b + "attn_q.weight", {H, H});
  tensor(w, b + "attn_k.weight", {H, KVW});
  tensor(w, b + "attn_v.weight", {H, KVW});
  tensor(w, b + "attn_output.weight", {H, H});
  tensor(w, b + "ffn_norm.weight", {H});
  tensor(w, b + "ffn_gate.weight", {H, FF});
  tensor(w, b + "ffn_up.weight", {H, FF});
  tensor(w, b + "ffn_down.weight", {FF, H});
}

// Per layer: 4 × 256 (norms 2 × 256 = 512) + q 65,536 + k 32,768 + v 32,768 + o 65,536 + 3 × 131,072.
constexpr std::int64_t kPerLayer = 512 + 65536 + 32768 + 32768 + 65536 + 3 * 131072;  // 590,336
constexpr std::int64_t kTotal = 4 * kPerLayer + 2 * 256000 + 256;                      // 2,873,600

GgufWriter shard(int no, int count, std::int32_t tensors_total) {
  GgufWriter w;
  if (no == 0) {
    w.string("general.architecture", "llama");
    w.u32("llama.context_length", 4096);
    w.u32("llama.embedding_length", H);
    w.u32("llama.block_count", 4);
    w.u32("llama.feed_forward_length", FF);
    w.u32("llama.attention.head_count", 4);
    w.u32("llama.attention.head_count_kv", 2);
    w.f32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
    w.u32("llama.vocab_size", V);
  }
  w.u16("split.no", static_cast<std::uint16_t>(no));
  w.u16("split.count", static_cast<std::uint16_t>(count));
  w.i32("split.tensors.count", tensors_total);
  if (no == 0) {
    tensor(w, "token_embd.weight", {H, V});
    block(w, 0);
    block(w, 1);
  } else if (no == 1) {
    block(w, 2);
    block(w, 3);
  } else {
    tensor(w, "output_norm.weight", {H});
    tensor(w, "output.weight", {H, V});
  }
  return w;
}

constexpr int kTensors = 1 + 4 * 9 + 2;

fs::path write_set(const std::string& name, int skip = -1) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("llmg-split-{}-{}", ::getpid(), name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (int no = 0; no < 3; ++no)
    if (no != skip) shard(no, 3, kTensors).write(dir / fmt::format("tiny-{:05d}-of-00003.gguf", no + 1));
  return dir;
}

TEST(GgufSplit, NamesParse) {
  auto name = parse_gguf_split_name("Qwen3-235B-A22B-Q4_K_M-00002-of-00005.gguf");
  ASSERT_TRUE(name);
  EXPECT_EQ(name->prefix, "Qwen3-235B-A22B-Q4_K_M");
  EXPECT_EQ(name->number, 2);
  EXPECT_EQ(name->count, 5);
  EXPECT_FALSE(parse_gguf_split_name("model.gguf"));
  EXPECT_FALSE(parse_gguf_split_name("m-00004-of-00003.gguf"));
  EXPECT_FALSE(parse_gguf_split_name("m-0001-of-00003.gguf"));
}

TEST(GgufSplit, AnyShardOrTheFolderReadsTheWholeSet) {
  const fs::path dir = write_set("whole");
  for (const fs::path& path : {dir / "tiny-00001-of-00003.gguf", dir / "tiny-00003-of-00003.gguf", dir}) {
    SCOPED_TRACE(path.string());
    auto files = read_weight_files(path);
    ASSERT_TRUE(files) << files.error().message;
    ASSERT_TRUE(*files && (*files)->gguf);
    const GgufFile& gguf = *(*files)->gguf;
    EXPECT_EQ(gguf.split_files.size(), 3u);
    EXPECT_EQ(gguf.tensors.size(), static_cast<std::size_t>(kTensors));
    auto model = read_model_path(path);
    ASSERT_TRUE(model) << model.error().message;
    EXPECT_EQ(compute_facts(*model).params.total, kTotal);
    const Checkpoint checkpoint = checkpoint_of(gguf);
    EXPECT_EQ(checkpoint.files.size(), 3u);
    auto report = checkpoint_report(checkpoint, &*model);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->params, kTotal);  // tensors of the three shards summed
    ASSERT_TRUE(report->cross_check);
    EXPECT_TRUE(report->cross_check->matches);
    std::uint64_t sizes = 0;
    for (int no = 1; no <= 3; ++no) sizes += fs::file_size(dir / fmt::format("tiny-{:05d}-of-00003.gguf", no));
    EXPECT_EQ(report->file_bytes, sizes);
  }
  fs::remove_all(dir);
}

TEST(GgufSplit, AMissingShardIsBadInputNamingIt) {
  const fs::path dir = write_set("missing", /*skip=*/1);
  auto files = read_weight_files(dir / "tiny-00001-of-00003.gguf");
  ASSERT_FALSE(files);
  EXPECT_EQ(files.error().kind, Error::Kind::BadInput);
  EXPECT_NE(files.error().message.find("tiny-00002-of-00003.gguf"), std::string::npos) << files.error().message;
  EXPECT_NE(files.error().message.find("missing"), std::string::npos) << files.error().message;
  fs::remove_all(dir);
}

TEST(GgufSplit, SplitKeysAreChecked) {
  const fs::path dir = write_set("keys");
  // Shard 2 claiming to be shard 3 (split.no 2).
  shard(2, 3, kTensors).write(dir / "tiny-00002-of-00003.gguf");
  auto files = read_weight_files(dir / "tiny-00001-of-00003.gguf");
  ASSERT_FALSE(files);
  EXPECT_NE(files.error().message.find("key 'split.no'"), std::string::npos) << files.error().message;
  // A wrong split.tensors.count.
  shard(1, 3, kTensors).write(dir / "tiny-00002-of-00003.gguf");
  shard(0, 3, kTensors + 1).write(dir / "tiny-00001-of-00003.gguf");
  files = read_weight_files(dir / "tiny-00001-of-00003.gguf");
  ASSERT_FALSE(files);
  EXPECT_NE(files.error().message.find("key 'split.tensors.count'"), std::string::npos) << files.error().message;
  // A shard renamed out of the pattern cannot find the others.
  shard(0, 3, kTensors).write(dir / "renamed.gguf");
  files = read_weight_files(dir / "renamed.gguf");
  ASSERT_FALSE(files);
  EXPECT_NE(files.error().message.find("key 'split.count'"), std::string::npos) << files.error().message;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace llmg
