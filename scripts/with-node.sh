#!/usr/bin/env bash
# Runs a command under Node 22+ . When the machine's Node is older than 22, Node 24 LTS is
# fetched once from the npm registry (package node-linux-<arch>) into .cache/ and put first
# on PATH. Usage: scripts/with-node.sh npm run dev
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="24.21.0"
major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(major)" -lt 22 ]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) echo "with-node: no Node 24 package for $(uname -m); install Node 22+ yourself" >&2; exit 1 ;;
  esac
  dir="$root/.cache/node-$version-$arch"
  if [ ! -x "$dir/bin/node" ]; then
    echo "with-node: fetching Node $version from the npm registry" >&2
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-$arch@$version" >/dev/null)
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-"$arch"-"$version".tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
fi
exec "$@"
