#!/usr/bin/env bash
# Time and peak memory of `procura demo-data` (release build) for a few company sizes.
# Usage: benchmarks/demo-data.sh [OUT_DIR]   (default: a temporary folder, removed afterwards)
# Figures go to docs/benchmarks.md, section "Demo data".
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product procura 2>&1 | grep -E "error|Compiling|Build" || true
keep="${1:+yes}"
out="${1:-$(mktemp -d)}"
cleanup() { if [ -z "$keep" ]; then rm -rf "$out"; fi; }
trap cleanup EXIT
echo "machine: $(nproc) cores, $(uname -sr); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for sizes in "2000 3" "10000 3" "2000 20"; do
  read -r items locations <<<"$sizes"
  rm -rf "$out/demo"
  /usr/bin/time -f "items $items locations $locations: %e s wall, %U s user, %S s sys, peak RSS %M KiB" \
    .build/release/procura demo-data --out "$out/demo" --items "$items" --locations "$locations" 2>&1 | sed 's/^/  /'
  echo "  size on disk: $(du -sh "$out/demo" | cut -f1)"
done
