#!/usr/bin/env bash
# What one CLI call costs, whole process, against `llmgallery --version` (the floor: start-up alone).
# Issue 12's budget: `inspect PATH` and `show SLUG` at most 1.5x `--version` (median of runs, side by side).
#   bench/cli.sh [BINARY]     default build/llmgallery; needs hyperfine (scripts/setup.sh --bench)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/llmgallery}"
config="$root/catalog/configs/llama-3-8b.json"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
hyperfine -N --warmup 3 --runs 20 --export-json "$out" \
  "$bin --version" "$bin show llama-3-8b" "$bin show llama-3-8b --json" "$bin inspect $config --json" \
  "$bin diff llama-3-8b olmo-2-7b" "$bin list" >/dev/null
python3 - "$out" "$root/" "$(dirname "$bin")/" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
floor = runs[0]["median"]
print(f"{'command':<60} {'median ms':>10} {'x --version':>12}")
for r in runs:
    cmd = r["command"].replace(sys.argv[3], "").replace(sys.argv[2], "")
    print(f"{cmd:<60} {r['median']*1000:>10.2f} {r['median']/floor:>12.2f}")
PY
