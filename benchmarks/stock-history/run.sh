#!/usr/bin/env bash
# Stock history against the plan run of the same company (release build), on a data folder:
#   1. `procura demo-data` with ITEMS items at LOCATIONS locations (default 5,800 × 3 ≈ 10,000
#      item-locations, with the ledger's last 12 months: about 1.3 million postings);
#   2. `procura plan DATA` (read the folder, classify, forecast, plan, write the results), timed;
#   3. `procura stock DATA --history` over the 365 days before the count (read the folder, replay the
#      count and every posting through the lots, walk back 365 days for every position, write one
#      CSV row per position and day), timed, three times.
# Each step under GNU time (wall, CPU, peak RSS). Figures go to docs/benchmarks.md ("Stock history").
#
#   bash benchmarks/stock-history/run.sh [ITEMS] [LOCATIONS] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
items="${1:-5800}"
locations="${2:-3}"
keep="${3:+yes}"
out="${3:-$(mktemp -d)}"
cleanup() { if [ -z "$keep" ]; then rm -rf "$out"; fi; }
trap cleanup EXIT

source "$root/benchmarks/lib/procura-release.sh"

if [ ! -f "$out/demo/items.csv" ]; then
    timed "demo-data" "$bin" demo-data --out "$out/demo" --items "$items" --locations "$locations" 2>/dev/null
fi
echo "postings: $(($(wc -l <"$out/demo/transactions.csv") - 1))"
as_of="$(sed -n 2p "$out/demo/inventory.csv" | awk -F, '{print $NF}')"
from="$(date -u -d "$as_of - 365 days" +%F)"
to="$(date -u -d "$as_of - 1 day" +%F)"
timed "plan DATA" "$bin" plan "$out/demo" --out "$out/plan" --quiet >/dev/null
for run in 1 2 3; do
    timed "stock --history $from … $to (run $run)" "$bin" stock "$out/demo" --history --from "$from" --to "$to" \
        --format csv >"$out/history.csv"
done
python3 - "$out/history.csv" <<'PY'
import csv, sys
rows = 0
positions = set()
with open(sys.argv[1]) as f:
    for r in csv.DictReader(f):
        rows += 1
        positions.add((r["item_id"], r["location_id"], r["owner"]))
print(f"stock history: {rows} rows, {len(positions)} positions, {rows / max(1, len(positions)):.1f} days each")
PY
