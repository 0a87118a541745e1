#!/usr/bin/env bash
# Web benchmark: GET of an item-location's policy as JSON (`/api/v1/items/{item}/locations/{loc}/policy`)
# from `procura serve --demo` (release build, the full demo company: 2,000 items × 3 locations) with
# wrk from Debian's packages: 64 connections, 2 threads, DURATION seconds (default 30), over the
# first 1,000 item-locations of the demo in turn, authenticated by an API token.
# Target (issue 6): ≥ 5,000 requests/s with p99 < 20 ms on 2 cores.
# Usage: benchmarks/web/run.sh [DURATION] [CONNECTIONS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${1:-30}"
connections="${2:-64}"
command -v wrk >/dev/null || { echo "installing wrk (Debian package)" >&2; apt-get install -y -qq wrk >&2; }

cd "$root"
swift build -c release --product procura 2>&1 | grep -E "error|warning: |Build" || true
procura="$root/.build/release/procura"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
database="sqlite:$work/demo.sqlite"

"$procura" serve --demo --port 0 --database "$database" --log-level warning > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 1 600); do
  grep -q "Stop with Ctrl-C" "$work/serve.out" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.5
done
address="$(sed -n 's/.*running at \(http:\/\/[0-9.:]*\)\/.*/\1/p' "$work/serve.out" | head -n 1)"
echo "server: $address (pid $server)"
export TOKEN="$("$procura" user token add admin --name bench --database "$database" | tail -n 1)"

# The first 1,000 item-locations of the demo, from the API itself.
curl -s -H "Authorization: Bearer $TOKEN" "$address/api/v1/items?limit=500" > "$work/page1.json"
curl -s -H "Authorization: Bearer $TOKEN" "$address/api/v1/items?limit=500&cursor=500" > "$work/page2.json"
python3 - "$work" <<'PY' > "$work/paths.txt"
import json, sys
for name in ("page1.json", "page2.json"):
    for item in json.load(open(sys.argv[1] + "/" + name))["items"]:
        print("/api/v1/items/%s/locations/%s/policy" % (item["item_id"], item["location_id"]))
PY
export PATHS="$work/paths.txt"
echo "paths: $(wc -l < "$PATHS") item-locations; one response: $(curl -s -o /dev/null -w '%{size_download} bytes, %{http_code}' -H "Authorization: Bearer $TOKEN" "$address$(head -n 1 "$PATHS")")"

echo "warm-up (5 s)"
wrk -t 2 -c "$connections" -d 5s -s "$here/policy.lua" "$address" > /dev/null
echo "wrk -t 2 -c $connections -d ${duration}s --latency"
wrk -t 2 -c "$connections" -d "${duration}s" --latency -s "$here/policy.lua" "$address"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%d)"
