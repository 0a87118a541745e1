#!/usr/bin/env bash
# W4: ABC-XYZ + demand-pattern classification of 1,000,000 SKUs × 52 periods, Procura vs numpy.
# Builds the benchmark executable in release mode, then runs both sides on the same data.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/../lib/python-env.sh" >/dev/null
swift build -c release --package-path "$here/../swift" --product procura-bench 2>&1 | tail -1
"$here/../.venv/bin/python" "$here/w4.py" "$@"
