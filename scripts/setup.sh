#!/usr/bin/env bash
# Installs what llmgallery needs on Debian 12, from Debian's packages only.
#   scripts/setup.sh          build dependencies
#   scripts/setup.sh --test   build and test dependencies (browser tests: Debian's chromium, then
#                             `npm ci` in tests/browser for playwright-core; no browser is downloaded)
#   scripts/setup.sh --bench  build dependencies, the web benchmark's wrk and nginx-light, hyperfine (bench/cli.sh)
# Idempotent: packages already installed are not fetched again.
set -euo pipefail

packages=(g++ cmake make pkg-config nlohmann-json3-dev libfmt-dev libcli11-dev libexpected-dev
          libmicrohttpd-dev zlib1g-dev libcpp-httplib-dev  # server: libmicrohttpd, gzip; tests: cpp-httplib client
          libfreetype-dev fonts-dejavu-core librsvg2-dev libcairo2-dev)  # diagrams: font metrics, PNG/PDF
if [[ "${1:-}" == "--test" ]]; then
  # chromium + nodejs: browser tests; libxml2: diagram XML checks; poppler: poster checks; clang: libFuzzer
  packages+=(libgtest-dev python3 python3-feedparser chromium nodejs libxml2-dev poppler-utils clang)
fi
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(wrk nginx-light hyperfine)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# npm: Debian's package, unless the installed nodejs already brings its own (NodeSource builds do).
if [[ "${1:-}" == "--test" ]] && ! command -v npm >/dev/null; then missing+=(npm); fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ "${1:-}" == "--test" ]]; then
  root="$(cd "$(dirname "$0")/.." && pwd)"
  # playwright-core only drives a browser; PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD keeps npm from fetching one.
  # `npm ci` again whenever package-lock.json changed since the last install (a stamp of its checksum), so a
  # checkout that gains a dependency (axe-core) gets it without a hand step.
  browser="$root/tests/browser"
  lock_sum="$(sha256sum "$browser/package-lock.json" | cut -d' ' -f1)"
  if [[ "$(cat "$browser/node_modules/.llmg-lock-sha256" 2>/dev/null)" != "$lock_sum" ]]; then
    (cd "$browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
    echo "$lock_sum" > "$browser/node_modules/.llmg-lock-sha256"
  fi
fi
