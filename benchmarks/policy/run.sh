#!/usr/bin/env bash
# Policy benchmarks (release build). One heavy job at a time: run them one after the other.
#   run.sh w1 [--rows N]       the policy step alone vs numpy/scipy W1-B on the same inputs
#   run.sh plan [N] [WEEKS]    the full plan run on N item-locations × WEEKS weekly buckets, under /usr/bin/time -v
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bench="$here/../swift/.build/release/procura-bench"
swift build -c release --package-path "$here/../swift" --product procura-bench 2>&1 | tail -1
case "${1:-}" in
  w1)
    shift
    python="$("$here/../lib/python-env.sh")"
    "$python" "$here/w1.py" --bench "$bench" "$@"
    ;;
  plan)
    shift
    /usr/bin/time -v "$bench" plan "${1:-1000000}" "${2:-104}" 2> >(grep -E "Maximum resident|Elapsed|User time|System time|Percent of CPU" >&2)
    ;;
  *)
    echo "usage: run.sh w1 [--rows N] | run.sh plan [ITEM_LOCATIONS] [WEEKS]" >&2
    exit 64
    ;;
esac
