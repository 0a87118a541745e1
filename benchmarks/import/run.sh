#!/usr/bin/env bash
# Import benchmark: builds benchmarks/swift (release), generates demand folders with 1M and 10M
# rows over the same 2,000 item-locations and 500 days, and times the import of each with peak
# RSS from GNU time. Optionally (--with-csv-library) also times CSV.swift parsing the 1M file
# (benchmarks/csv-library) for the side-by-side figure.
#
#   bash benchmarks/import/run.sh [--with-csv-library]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/benchmarks/out/import"
mkdir -p "$out"

if [ ! -x /usr/bin/time ]; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

echo "== building benchmarks/swift (release)"
(cd "$root/benchmarks/swift" && swift build -c release --product import-bench 2>&1 | grep -E "error|warning: |Compiling|Build" | tail -3)
bin="$root/benchmarks/swift/.build/release/import-bench"

for rows in 1000000 10000000; do
    dir="$out/demand-$rows"
    if [ ! -f "$dir/demand.csv" ]; then
        "$bin" generate "$dir" --rows "$rows" --items 1000 --locations 2 --days 500 --seed 1
    fi
done

for rows in 1000000 10000000; do
    dir="$out/demand-$rows"
    size=$(du -h "$dir/demand.csv" | cut -f1)
    for run in 1 2 3; do
        /usr/bin/time -v "$bin" load "$dir" > "$out/load-$rows.txt" 2> "$out/time-$rows.txt"
        secs=$(grep '^seconds' "$out/load-$rows.txt" | cut -d' ' -f2)
        wall=$(grep 'Elapsed (wall clock)' "$out/time-$rows.txt" | awk '{print $NF}')
        rss=$(grep 'Maximum resident set size' "$out/time-$rows.txt" | awk '{print $NF}')
        echo "rows=$rows file=$size run=$run import_seconds=$secs process_wall=$wall max_rss_kib=$rss"
    done
    grep -E '^(series|checksum)' "$out/load-$rows.txt"
done

if [ "${1:-}" = "--with-csv-library" ]; then
    echo "== CSV.swift 2.5.2, parse only, 1M rows (benchmarks/csv-library)"
    (cd "$root/benchmarks/csv-library" && swift build -c release 2>&1 | grep -E "error|Build" | tail -1)
    for run in 1 2 3; do
        /usr/bin/time -v "$root/benchmarks/csv-library/.build/release/csvbench" "$out/demand-1000000/demand.csv" \
            > "$out/csvlib.txt" 2> "$out/csvlib-time.txt"
        echo "csv.swift run=$run $(cat "$out/csvlib.txt") max_rss_kib=$(grep 'Maximum resident' "$out/csvlib-time.txt" | awk '{print $NF}')"
    done
fi
