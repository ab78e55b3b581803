#!/usr/bin/env bash
# Builds the benchmarks (Release) and prints their figures.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="$root/build-bench" "$root/scripts/build.sh" -DCMAKE_BUILD_TYPE=Release -DLLMG_BUILD_BENCH=ON
"$root/build-bench/bench/llmg_bench_ingest" --benchmark_min_time=0.2 "$@"
