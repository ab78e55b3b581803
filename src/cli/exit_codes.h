// The CLI's exit codes and its one way of reporting an error: one line on stderr, naming the file or
// argument and the problem; 2 for bad input or usage, 1 for an internal error.
#pragma once

#include <iostream>

#include "base/result.h"

namespace llmg::cli {

constexpr int kExitOk = 0;
constexpr int kExitInternal = 1;
constexpr int kExitBadInput = 2;

inline int report_error(const Error& error) {
  std::cerr << "llmgallery: " << error.message << "\n";
  return error.kind == Error::Kind::BadInput ? kExitBadInput : kExitInternal;
}

}  // namespace llmg::cli
