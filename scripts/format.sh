#!/usr/bin/env bash
# Formats the Swift sources in place with the toolchain's swift-format and .swift-format.
# `scripts/format.sh --check` changes nothing: it lists the files whose formatting differs from what
# swift-format writes and exits 1 when there is any (CI runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Sources Tests)
[ -d benchmarks/swift/Sources ] && paths+=(benchmarks/swift/Sources)
if [ "${1:-}" = "--check" ]; then
  differ=0
  while IFS= read -r -d '' file; do
    if ! swift format "$file" | cmp -s - "$file"; then
      echo "not formatted: $file (run scripts/format.sh)"
      differ=1
    fi
  done < <(find "${paths[@]}" -name '*.swift' -print0)
  exit "$differ"
else
  swift format --in-place --recursive "${paths[@]}"
fi
