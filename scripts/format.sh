#!/usr/bin/env bash
# Formats the Swift sources in place with the toolchain's swift-format and .swift-format.
# `scripts/format.sh --check` only reports files that would change (non-zero exit if any).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--check" ]; then
  swift format lint --recursive Sources Tests benchmarks/swift/Sources
else
  swift format --in-place --recursive Sources Tests benchmarks/swift/Sources
fi
