#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the gallery: install, build, serve.
# Extra arguments go to `llmgallery serve` (default --host 127.0.0.1 --port 8080).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
exec "$root/build/llmgallery" serve "$@"
