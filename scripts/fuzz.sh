#!/usr/bin/env bash
# Builds the libFuzzer targets of the weight-file parsers with clang (ASan + UBSan) and runs each for
# a bounded time from its seed corpus. New inputs go to build-fuzz/corpus-*, crashes to build-fuzz/.
#   scripts/fuzz.sh            20 s per target (what scripts/test.sh and CI run)
#   FUZZ_SECONDS=600 scripts/fuzz.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${FUZZ_SECONDS:-20}"
out="$root/build-fuzz"
mkdir -p "$out"
cxx="$(command -v clang++ || command -v clang++-14 || true)"
if [[ -z "$cxx" ]]; then
  echo "fuzz: clang++ not found (scripts/setup.sh --test installs it)" >&2
  exit 1
fi
flags=(-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I"$root/src")
common=("$root/src/ingest/weights/byte_source.cpp" "$root/src/ingest/config/json_text.cpp")
declare -A sources=([safetensors]="$root/src/ingest/weights/safetensors.cpp" [gguf]="$root/src/ingest/weights/gguf.cpp")
for target in safetensors gguf; do
  echo "== fuzz $target (${seconds}s)"
  "$cxx" "${flags[@]}" "$root/tests/fuzz/fuzz_$target.cpp" "${sources[$target]}" "${common[@]}" -lfmt \
    -o "$out/fuzz_$target"
  mkdir -p "$out/corpus-$target"
  (cd "$out" && ASAN_OPTIONS=detect_leaks=1 "./fuzz_$target" -max_total_time="$seconds" -max_len=65536 \
     -rss_limit_mb=2048 -print_final_stats=1 "corpus-$target" "$root/tests/fuzz/corpus/$target" 2>"fuzz_$target.log") ||
    { tail -40 "$out/fuzz_$target.log"; exit 1; }
  grep -E "stat::number_of_executed_units|Done" "$out/fuzz_$target.log" | tail -2
done
