#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to every test: install, build, run the suite, then run it
# again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup.sh" --test

echo "== build and test (RelWithDebInfo)"
BUILD_DIR="$root/build" "$root/scripts/build.sh"
ctest --test-dir "$root/build" --output-on-failure -j "$(nproc)"

echo "== build and test (ASan + UBSan)"
BUILD_DIR="$root/build-sanitize" "$root/scripts/build.sh" -DLLMG_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$root/build-sanitize" --output-on-failure -j "$(nproc)"

echo "== fuzz the weight-file parsers (bounded time)"
"$root/scripts/fuzz.sh"
