// Runs the llmgallery binary (LLMG_BINARY) with arguments, capturing stdout, stderr and the exit code:
// the one helper of the end-to-end CLI tests.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace llmg::testing {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline CliRun run_cli(const std::string& arguments) {
  const auto dir = std::filesystem::temp_directory_path() / ("llmg-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string err_file = (dir / "stderr").string();
  const std::string command = std::string(LLMG_BINARY) + " " + arguments + " 2>" + err_file;
  CliRun result;
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  result.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
  return result;
}

}  // namespace llmg::testing
