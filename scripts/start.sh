#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the gallery: install, build, run.
# Until the web server lands this prints the catalog; then it will start `llmgallery serve`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
exec "$root/build/llmgallery" list "$@"
