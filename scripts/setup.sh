#!/usr/bin/env bash
# Installs what llmgallery needs on Debian 12, from Debian's packages only.
#   scripts/setup.sh          build dependencies
#   scripts/setup.sh --test   build and test dependencies
# Idempotent: packages already installed are not fetched again.
set -euo pipefail

packages=(g++ cmake make pkg-config nlohmann-json3-dev libfmt-dev libcli11-dev libexpected-dev
          libcpp-httplib-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libgtest-dev python3 clang)  # clang: libFuzzer targets (scripts/fuzz.sh)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
