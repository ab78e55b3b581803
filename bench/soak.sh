#!/usr/bin/env bash
# Soak of `llmgallery serve` (issue 17 item 6): wrk for DURATION seconds over valid and invalid routes
# (bench/soak.lua rotates them), then requests/s, the answers by status code, the 5xx count (must be 0) and
# the server's RSS at start (after one warm-up request of each route) and at the end.
#   bench/soak.sh [DURATION_SECONDS=60] [CONNECTIONS=32]
# Exit 1 when any answer is a 5xx or the server died.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-60}"
connections="${2:-32}"
"$root/scripts/setup.sh" --bench >/dev/null
binary="${LLMG_BINARY:-$root/build/llmgallery}"
[[ -x "$binary" ]] || "$root/scripts/build.sh" >/dev/null

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$binary" serve --port 0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do grep -q "http://" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$work/serve.out" | sed 's#/$##')"
rss() { awk '/^VmRSS/ { print $2 }' "/proc/$server_pid/status"; }

# Warm-up: one of each request (pages rendered and cached), then the starting RSS.
wrk -t1 -c1 -d2s -s "$root/bench/soak.lua" "$url" >/dev/null 2>&1 || true
rss_start=$(rss)
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/bench/soak.lua" "$url" >"$work/wrk.out" 2>&1
alive=yes
kill -0 "$server_pid" 2>/dev/null || alive=no
rss_end=$( [[ $alive == yes ]] && rss || echo 0)
curl -sf -o /dev/null "$url/" || alive=no

rps=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.out")
total=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
errors=$(grep -E "Socket errors" "$work/wrk.out" || echo "Socket errors: none")
fivexx=$(awk '/^status 5/ { n += $3 } END { print n + 0 }' "$work/wrk.out")
echo "soak: ${duration}s, ${connections} connections, 2 threads, loopback, $(nproc) CPUs; $(basename "$binary")"
echo "requests: $total, $rps req/s; p99 $(awk '/^ +99%/ { print $2 }' "$work/wrk.out")"
echo "answers by status: $(awk '/^status/ { printf "%s%s×%s", sep, $2, $3; sep = ", " }' "$work/wrk.out")"
echo "non-2xx by status: $(awk '/^status/ && $2 !~ /^2/ { printf "%s%s×%s", sep, $2, $3; sep = ", " }' "$work/wrk.out")"
echo "5xx: $fivexx; $errors"
echo "RSS: start $rss_start kB, end $rss_end kB; server alive at the end: $alive"
[[ "$fivexx" == 0 && $alive == yes ]]
