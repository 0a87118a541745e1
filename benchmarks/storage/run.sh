#!/usr/bin/env bash
# Storage benchmarks (release build): 1,000,000 demand rows into SQLite, 20,000 single durable
# postings, 8 writers × 10,000 postings with retries on SQLite (and PostgreSQL when
# PROCURA_BENCH_POSTGRES_URL is set; `.ci/postgres.sh` starts a server and prints a URL — the
# benchmark empties nothing itself, so give it a fresh database).
# Usage: benchmarks/storage/run.sh [demand ROWS] [postings N] [concurrent WRITERS PER_WRITER]
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --scratch-path .build-bench 2>&1 | grep -E "error|warning: |Compiling Storage|Build" || true
./.build-bench/release/storage-bench "$@"
