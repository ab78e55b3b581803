#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to every test: install, build, run the suite, then run it
# again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup.sh" --test

echo "== build and test (RelWithDebInfo)"
BUILD_DIR="$root/build" "$root/scripts/build.sh"
ctest --test-dir "$root/build" --output-on-failure -j "$(nproc)"

echo "== browser tests (playwright-core + Debian chromium: llmgallery serve on a free port, the static export from file://)"
serve_out="$(mktemp)"
"$root/build/llmgallery" serve --port 0 >"$serve_out" 2>&1 &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "http://" "$serve_out" && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$serve_out" | sed 's#/$##')"
export_dir="$(mktemp -d)"
"$root/build/llmgallery" build --out "$export_dir" >/dev/null
(cd "$root/tests/browser" && LLMG_URL="$url" LLMG_EXPORT="$export_dir" LLMG_SCREENSHOTS="$root/build/screenshots" node --test)
rm -rf "$export_dir"
kill "$serve_pid"
wait "$serve_pid" 2>/dev/null || true
trap - EXIT
rm -f "$serve_out"

echo "== build and test (ASan + UBSan)"
BUILD_DIR="$root/build-sanitize" "$root/scripts/build.sh" -DLLMG_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$root/build-sanitize" --output-on-failure -j "$(nproc)"

echo "== fuzz the weight-file parsers (bounded time)"
"$root/scripts/fuzz.sh"
