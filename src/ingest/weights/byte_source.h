// Random access to the bytes of a weights file, read on demand: the header parsers ask for exactly
// the ranges they need (pread), so a 100 GB checkpoint costs its header and nothing else. The same
// parsers run over an in-memory buffer for tests and fuzzing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"

namespace llmg {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Name used in error messages (the path as given).
  virtual const std::string& name() const = 0;
  virtual std::uint64_t size() const = 0;
  // Fill `out` from `offset`; false when the range is not entirely inside the source or the read fails.
  virtual bool read(std::uint64_t offset, std::span<std::uint8_t> out) = 0;
  // Bytes handed out so far (what a parser cost in I/O).
  std::uint64_t bytes_read() const { return bytes_read_; }

 protected:
  std::uint64_t bytes_read_ = 0;
};

// A file read with pread; opened once, closed on destruction.
class FileSource final : public ByteSource {
 public:
  static Result<std::unique_ptr<FileSource>> open(const std::filesystem::path& path);
  ~FileSource() override;
  const std::string& name() const override { return name_; }
  std::uint64_t size() const override { return size_; }
  bool read(std::uint64_t offset, std::span<std::uint8_t> out) override;

 private:
  FileSource(int fd, std::string name, std::uint64_t size) : fd_(fd), name_(std::move(name)), size_(size) {}
  int fd_;
  std::string name_;
  std::uint64_t size_;
};

// Bytes already in memory (tests, fuzz targets); the span must outlive the source.
class MemorySource final : public ByteSource {
 public:
  MemorySource(std::span<const std::uint8_t> bytes, std::string name) : bytes_(bytes), name_(std::move(name)) {}
  const std::string& name() const override { return name_; }
  std::uint64_t size() const override { return bytes_.size(); }
  bool read(std::uint64_t offset, std::span<std::uint8_t> out) override;

 private:
  std::span<const std::uint8_t> bytes_;
  std::string name_;
};

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). Returns the byte index of the
// first invalid sequence, or npos when the text is valid.
std::size_t invalid_utf8_at(std::string_view text);

}  // namespace llmg
