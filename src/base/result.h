// Errors as values: every fallible step returns Result<T>; the message is one line that names the
// file or argument, the key and what was expected, ready to print on stderr.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace llmg {

// What went wrong, and whose fault it is: BadInput maps to exit code 2, Internal to exit code 1.
struct Error {
  enum class Kind { BadInput, Internal };
  Kind kind = Kind::BadInput;
  std::string message;
};

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> bad_input(std::string message) {
  return tl::unexpected<Error>(Error{Error::Kind::BadInput, std::move(message)});
}
inline tl::unexpected<Error> internal_error(std::string message) {
  return tl::unexpected<Error>(Error{Error::Kind::Internal, std::move(message)});
}

}  // namespace llmg
