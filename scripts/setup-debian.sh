#!/usr/bin/env bash
# Installs what building and testing mlroadmap needs on Debian 12, skipping what is present.
# Runs apt-get directly as root, through sudo otherwise. Then installs the npm packages the
# tests read Mermaid with (tests/package-lock.json) into tests/node_modules.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config ccache
  libcli11-dev nlohmann-json3-dev libfmt-dev catch2
  cmark cmark-gfm graphviz scdoc python3-jsonschema pmccabe zsh fish
  clang-16 libclang-rt-16-dev libbenchmark-dev
  chromium lintian
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
install_missing() {
[ ${#missing[@]} -eq 0 ] && return 0
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup-debian.sh: run as root or install sudo" >&2; exit 1; }
  as_root=(sudo)
fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
install_missing

if command -v npm >/dev/null; then
  (cd "$(dirname "$0")/../tests" && npm ci --no-audit --no-fund --loglevel=error)
else
  echo "setup-debian.sh: npm not found: the Mermaid checks will be skipped" >&2
fi
