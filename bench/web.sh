#!/usr/bin/env bash
# Web gallery throughput and latency: wrk against `llmgallery serve` and against nginx serving the very
# same bytes as static files, on loopback, for the index, a model page and a diff page; plus the
# index's total transfer size (HTML with every inlined diagram, CSS, JS).
#   bench/web.sh [DURATION_SECONDS=10] [CONNECTIONS=16]
# Goals (issue 5): ≥ half of nginx's requests/s, p99 < 10 ms, whole index < 1.5 MB.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-10}"
connections="${2:-16}"
"$root/scripts/setup.sh" --bench >/dev/null
binary="${LLMG_BINARY:-$root/build/llmgallery}"
[[ -x "$binary" ]] || "$root/scripts/build.sh" >/dev/null

work="$(mktemp -d)"
chmod 755 "$work"
server_pid=""
nginx_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

"$binary" serve --port 0 >"$work/serve.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q "http://" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
ours="$(grep -o 'http://[^ ]*' "$work/serve.out" | sed 's#/$##')"

model="models/qwen3-next-80b-a3b"
diff="diff/qwen3-30b-a3b/qwen3-next-80b-a3b"
mkdir -p "$work/www/models" "$work/www/diff/qwen3-30b-a3b" "$work/www/assets"
curl -sf "$ours/" -o "$work/www/index.html"
curl -sf "$ours/$model" -o "$work/www/$model"
curl -sf "$ours/$diff" -o "$work/www/$diff"
curl -sf "$ours/assets/style.css" -o "$work/www/assets/style.css"
curl -sf "$ours/assets/app.js" -o "$work/www/assets/app.js"
chmod -R a+rX "$work/www"

nginx_port="$(free_port)"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 1000;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$nginx_port; root $work/www; index index.html; }
}
CONF
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf" -p "$work" 2>"$work/nginx.stderr" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/" -o /dev/null && break; sleep 0.1; done
nginx="http://127.0.0.1:$nginx_port"

# One wrk run: prints "requests/s p50 p99" (latencies in ms).
measure() {
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$1" 2>&1 | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

echo "wrk: ${duration}s, ${connections} connections, 2 threads, loopback; $(nproc) CPUs shared by client and servers"
printf "%-8s %12s %9s %9s %12s %9s %9s %8s\n" page "ours req/s" "p50 ms" "p99 ms" "nginx req/s" "p50 ms" "p99 ms" "ratio"
for page in index model diff; do
  case $page in index) path="" ;; model) path="$model" ;; diff) path="$diff" ;; esac
  read -r our_rps our_p50 our_p99 < <(measure "$ours/$path")
  read -r ng_rps ng_p50 ng_p99 < <(measure "$nginx/$path")
  ratio="$(awk -v a="$our_rps" -v b="$ng_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
  printf "%-8s %12s %9s %9s %12s %9s %9s %8s\n" "$page" "$our_rps" "$our_p50" "$our_p99" "$ng_rps" "$ng_p50" "$ng_p99" "$ratio"
done

html=$(stat -c %s "$work/www/index.html")
css=$(stat -c %s "$work/www/assets/style.css")
js=$(stat -c %s "$work/www/assets/app.js")
svgs=$(grep -o '<svg' "$work/www/index.html" | wc -l)
gz=$(( $(gzip -9c "$work/www/index.html" | wc -c) + $(gzip -9c "$work/www/assets/style.css" | wc -c) + $(gzip -9c "$work/www/assets/app.js" | wc -c) ))
total=$((html + css + js))
echo "index transfer: HTML $html B (with $svgs inlined diagrams) + CSS $css B + JS $js B = $total B" \
     "($(awk -v t=$total 'BEGIN { printf "%.2f", t / 1048576 }') MiB; gzip -9: $gz B; goal < 1.5 MB)"
