#!/usr/bin/env bash
# Rewrites README's family table (between the families markers) from `llmgallery families --markdown`.
#   scripts/readme_families.sh [BINARY]     default build/llmgallery
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build/llmgallery}"
"$bin" families --markdown >/dev/null
python3 - "$root/README.md" "$bin" <<'PY'
import subprocess, sys
path, binary = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
begin, end = "<!-- families:begin (llmgallery families --markdown) -->\n", "<!-- families:end -->"
table = subprocess.run([binary, "families", "--markdown"], capture_output=True, text=True, check=True).stdout
i, j = text.index(begin) + len(begin), text.index(end)
open(path, "w", encoding="utf-8").write(text[:i] + table + text[j:])
PY
