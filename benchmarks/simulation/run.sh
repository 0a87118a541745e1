#!/usr/bin/env bash
# W3: (s,S) simulation with backorders, 1,000,000 SKUs × 365 days, Procura vs vectorised numpy.
# Builds the benchmark executable in release mode, then runs both sides on the same data.
# Arguments go to w3.py: --rows N --days D --repeats R. Needs ~8 GiB of memory at the default size.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/../lib/python-env.sh" >/dev/null
swift build -c release --package-path "$here/../swift" --product procura-bench 2>&1 | tail -1
"$here/../.venv/bin/python" "$here/w3.py" "$@"
