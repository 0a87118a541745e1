#!/usr/bin/env bash
# Creates benchmarks/.venv with the peers' pinned libraries (../shared/peers/requirements.txt, copied
# to benchmarks/requirements-peers.txt) unless it exists already. Prints the venv's python.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip
  "$venv/bin/pip" install --quiet -r "$here/requirements-peers.txt"
fi
echo "$venv/bin/python"
