#!/usr/bin/env bash
# Times `llmgallery build` (the static export of the whole catalog) over several runs and prints the
# median and best wall time, the CPU time, and what was written. Uses the Release build of bench/run.sh
# if present, else build/llmgallery.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
binary="$root/build-bench/llmgallery"
[[ -x "$binary" ]] || binary="$root/build/llmgallery"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$binary" build --out "$out/warm" >/dev/null  # page cache, binary loaded
times=()
for i in $(seq "$runs"); do
  rm -rf "$out/site"
  start=$(date +%s%N)
  "$binary" build --out "$out/site" --json >"$out/summary.json"
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
cpu=$( { /usr/bin/time -f "%U %S" "$binary" build --out "$out/cpu" >/dev/null; } 2>&1 | awk '{printf "%.0f", ($1 + $2) * 1000}')
python3 - "$out/summary.json" <<PY
import json, sys
s = json.load(open(sys.argv[1]))
print(f"llmgallery build: {s['files']} files, {s['bytes'] / 2**20:.1f} MiB, {s['model_pages']} model pages, "
      f"{s['diff_pages']} pre-rendered diffs")
PY
echo "wall over $runs runs: median ${sorted[$((runs / 2))]} ms, best ${sorted[0]} ms; CPU (user+sys) of one run: ${cpu} ms"
