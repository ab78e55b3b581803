#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a bounded time from its seed
# corpus: the weight-file parsers (safetensors, gguf) and the config path (config: JSON text -> model ->
# facts -> text, JSON, diagram SVG, memory; a CMake build in build-fuzz/cmake with -DLLMG_FUZZ=ON, seeded
# with every catalog config and family-test config, with a dictionary printed from the key table).
# New inputs go to build-fuzz/corpus-*, crashes to build-fuzz/.
#   scripts/fuzz.sh            20 s per target (what scripts/test.sh and CI run)
#   FUZZ_SECONDS=600 scripts/fuzz.sh
#   FUZZ_TARGETS="config" scripts/fuzz.sh      only some targets (default: safetensors gguf config)
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
targets="${FUZZ_TARGETS:-safetensors gguf config}"
for target in $targets; do
  [[ "$target" == config ]] && continue
  echo "== fuzz $target (${seconds}s)"
  "$cxx" "${flags[@]}" "$root/tests/fuzz/fuzz_$target.cpp" "${sources[$target]}" "${common[@]}" -lfmt \
    -o "$out/fuzz_$target"
  mkdir -p "$out/corpus-$target"
  (cd "$out" && ASAN_OPTIONS=detect_leaks=1 "./fuzz_$target" -max_total_time="$seconds" -max_len=65536 \
     -rss_limit_mb=2048 -print_final_stats=1 "corpus-$target" "$root/tests/fuzz/corpus/$target" 2>"fuzz_$target.log") ||
    { tail -40 "$out/fuzz_$target.log"; exit 1; }
  grep -E "stat::number_of_executed_units|Done" "$out/fuzz_$target.log" | tail -2
done

if [[ " $targets " == *" config "* ]]; then
  echo "== fuzz config (${seconds}s)"
  export ASAN_OPTIONS=detect_leaks=0  # the build runs its own generators under the sanitizers
  cmake -S "$root" -B "$out/cmake" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Debug -DLLMG_FUZZ=ON \
    "-DCMAKE_CXX_FLAGS=-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
    -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined \
    $(command -v ccache >/dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache) >"$out/cmake.log" 2>&1 ||
    { tail -20 "$out/cmake.log"; exit 1; }
  cmake --build "$out/cmake" -j2 --target llmg_fuzz_config llmg_fuzz_dict >>"$out/cmake.log" 2>&1 ||
    { grep -m5 -A5 error "$out/cmake.log"; exit 1; }
  "$out/cmake/tests/llmg_fuzz_dict" >"$out/config.dict"
  rm -rf "$out/seeds-config" && mkdir -p "$out/seeds-config" "$out/corpus-config"
  cp "$root"/catalog/configs/*.json "$root"/tests/data/families/*.json "$out/seeds-config/"
  (cd "$out" && ASAN_OPTIONS=detect_leaks=1 "./cmake/tests/llmg_fuzz_config" -max_total_time="$seconds" \
     -max_len=65536 -timeout=10 -rss_limit_mb=2048 -dict=config.dict -print_final_stats=1 ${FUZZ_FLAGS:-} \
     corpus-config seeds-config "$root/tests/fuzz/corpus/config" 2>fuzz_config.log) ||
    { tail -40 "$out/fuzz_config.log"; exit 1; }
  grep -E "stat::number_of_executed_units|Done" "$out/fuzz_config.log" | tail -2
fi
