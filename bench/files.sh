#!/usr/bin/env bash
# `llmgallery inspect` against Hugging Face's JS header readers on the same generated checkpoints:
# @huggingface/gguf for GGUF, @huggingface/hub's parseSafetensorsMetadata for safetensors (bench/node).
# Both sides count parameters from the headers only; the files are sparse (data sections are holes).
#   bench/files.sh [RUNS]      default 10 runs per tool and file; prints median wall times and ratios
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
build="${BUILD_DIR:-$root/build-bench}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== build: llmgallery, llmg_make_weights in $build"
# A fresh build-bench/ is configured Release; an existing BUILD_DIR keeps its own build type.
[[ -n "${BUILD_DIR:-}" ]] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" --target llmgallery llmg_make_weights >/dev/null
bin="$build/llmgallery"

echo "== peers: npm ci in bench/node (from its package-lock.json)"
(cd "$root/bench/node" && { [[ -d node_modules ]] || npm ci --no-audit --no-fund --loglevel=error; })

echo "== generate checkpoints in $work"
make="$build/tests/llmg_make_weights"
"$make" llama2-7b-safetensors "$work/llama2-7b"
"$make" llama2-7b-gguf "$work/llama2-7b.gguf"
mkdir -p "$work/llama2-70b"
"$make" llama2-70b-safetensors "$work/llama2-70b/model.safetensors"
"$make" llama2-70b-gguf "$work/llama2-70b.gguf"

now_ns() { date +%s%N; }
# Median wall time (ms) of `runs` executions of a command, output discarded.
median_ms() {
  local times=() start end
  for ((i = 0; i < runs; i++)); do
    start=$(now_ns)
    "$@" >/dev/null
    end=$(now_ns)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

# Bytes the whole `inspect` process reads (every read/pread64, shared libraries included), by strace.
process_read() {
  command -v strace >/dev/null || { echo "-"; return; }
  strace -f -e trace=read,pread64 -o "$work/strace.txt" "$bin" inspect --json "$1" >/dev/null
  awk -F'= ' '{ if ($NF + 0 > 0) s += $NF } END { print s + 0 }' "$work/strace.txt" | numfmt --to=iec
}

printf '\n%-34s %8s %11s %11s %8s %13s %11s %12s\n' "file" "size" "ours (ms)" "peer (ms)" "ratio" "peer in-proc" \
  "headers" "process read"
row() {  # label, path, kind (gguf|safetensors)
  local label="$1" path="$2" kind="$3" size ours peer ratio inproc ours_params peer_json peer_params read
  size=$(du -sb --apparent-size "$path" | cut -f1)
  ours_params=$("$bin" inspect --json "$path" | python3 -c 'import json,sys; d=json.load(sys.stdin)["files"]; print(d["params"], d["bytes_read"])')
  read=${ours_params#* }
  ours_params=${ours_params% *}
  peer_json=$(cd "$root/bench/node" && node peer.mjs "$kind" "$path" "$runs")
  peer_params=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["params"])' "$peer_json")
  inproc=$(python3 -c 'import json,sys; print("%.1f ms" % json.loads(sys.argv[1])["median_ms"])' "$peer_json")
  ours=$(median_ms "$bin" inspect --json "$path")
  peer=$(cd "$root/bench/node" && median_ms node peer.mjs "$kind" "$path" 1)
  ratio=$(python3 -c "print('%.1fx' % ($peer / $ours))")
  printf '%-34s %8s %11s %11s %8s %13s %11s %12s\n' "$label" "$(numfmt --to=iec "$size")" "$ours" "$peer" "$ratio" \
    "$inproc" "$(numfmt --to=iec "$read")" "$(process_read "$path")"
  if [[ "$ours_params" != "$peer_params" ]]; then
    echo "   parameters differ: ours $ours_params, peer $peer_params"
  else
    echo "   both count $ours_params parameters"
  fi
}
row "Llama 2 7B, 2 shards + config" "$work/llama2-7b" safetensors
row "Llama 2 70B, one file (BF16)" "$work/llama2-70b" safetensors
row "Llama 2 7B GGUF (Q4_K/Q6_K)" "$work/llama2-7b.gguf" gguf
row "Llama 2 70B GGUF (F16)" "$work/llama2-70b.gguf" gguf
echo
echo "ours / peer: median wall time of one process run end to end (inspect --json vs node peer.mjs), $runs runs."
echo "peer in-proc: the peer's own parse time inside a warm node process (startup excluded)."
echo "headers: bytes our parsers read (files.bytes_read); process read: every read/pread64 of the inspect process (strace)."
