// Runs a libFuzzer target over every file of one or more corpus folders, without libFuzzer: the seeds (and any
// crash reproducer added to the corpus) become an ordinary ctest under the normal g++ build.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " CORPUS_DIR...\n";
    return 2;
  }
  for (int arg = 1; arg < argc; ++arg) {
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(argv[arg])) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
      ++files;
    }
    std::cout << "replayed " << files << " inputs from " << argv[arg] << "\n";
    if (files == 0) return 1;  // an empty corpus is a broken test, not a pass
  }
  return 0;
}
