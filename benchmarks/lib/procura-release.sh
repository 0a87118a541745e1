#!/usr/bin/env bash
# Shared preamble of the benchmarks that time whole `procura` commands (source it, with `root` set
# to the repository): installs GNU time when missing (Debian's `time`), builds procura in release
# under the shared build lock (one build at a time on this machine), sets `bin` to it, prints the
# machine line (cores, kernel, load, commit), and defines `timed LABEL COMMAND…` (wall, CPU and
# peak RSS of one command, on stderr).
if [ ! -x /usr/bin/time ]; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
echo "== building procura (release)"
(cd "$root" && flock /tmp/procura-build.lock swift build -c release --product procura 2>&1 | grep -E "error|Compiling|Build" | tail -2) || true
bin="$root/.build/release/procura"
echo "machine: $(nproc) cores, $(uname -sr); load: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git -C "$root" rev-parse --short HEAD)"

timed() {
    local label="$1"
    shift
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, peak RSS %M KiB" "$@"
}
