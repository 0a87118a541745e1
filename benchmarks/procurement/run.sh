#!/usr/bin/env bash
# Proposals against the plan run of the same company (release build), on the database:
#   1. `procura demo-data` with ITEMS items at LOCATIONS locations (default 58,000 × 3 ≈ 100,000
#      item-locations), imported into a fresh SQLite file;
#   2. `procura plan --database` (load the snapshot, classify, forecast, plan, store the run), timed;
#   3. `procura proposals --database --format json` (load the snapshot, read the stored run, net every
#      item-location over 13 buckets, group the proposals), timed, three times.
# Each step under GNU time (wall, CPU, peak RSS). Figures go to docs/benchmarks.md ("Proposals").
#
#   bash benchmarks/procurement/run.sh [ITEMS] [LOCATIONS] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
items="${1:-58000}"
locations="${2:-3}"
keep="${3:+yes}"
out="${3:-$(mktemp -d)}"
cleanup() { if [ -z "$keep" ]; then rm -rf "$out"; fi; }
trap cleanup EXIT

source "$root/benchmarks/lib/procura-release.sh"

database="sqlite:$out/company.sqlite"
if [ ! -f "$out/company.sqlite" ]; then
    rm -rf "$out/demo"
    timed "demo-data" "$bin" demo-data --out "$out/demo" --items "$items" --locations "$locations" >/dev/null
    timed "import" "$bin" import "$out/demo" --database "$database" --quiet >/dev/null
    rm -rf "$out/demo"
fi
timed "plan --database" "$bin" plan --database "$database" --quiet | tail -1
for run in 1 2 3; do
    timed "proposals --database (run $run)" "$bin" proposals --database "$database" --format json >"$out/proposals.json"
done
python3 - "$out/proposals.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
lines = sum(len(o["lines"]) for o in r["proposals"])
netted = sum(o["count"] for o in r["outcomes"])
print(f"item-locations: {netted}; proposals: {len(r['proposals'])} orders, {lines} lines; "
      + ", ".join(f"{o['outcome']} {o['count']} ({o['reorder_alerts']} alerts)" for o in r["outcomes"]))
PY
