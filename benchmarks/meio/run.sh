#!/usr/bin/env bash
# Guaranteed-service model on a 50-stage tree (release build).
#   run.sh [STAGES] [REPEATS]   times GuaranteedServiceModel.optimize in process (gsm-bench),
#                               then `procura calc gsm` end to end (process start, JSON in and out);
#   PEER=1 run.sh …             also stockpyl 1.0.2's gsm_tree on the same tree (benchmarks/.venv), same cost
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
stages="${1:-50}"
repeats="${2:-20}"
out="$root/benchmarks/out/meio"
mkdir -p "$out"
swift build -c release --package-path "$here/../swift" --product gsm-bench 2>&1 | tail -1
swift build -c release --package-path "$root" --product procura 2>&1 | tail -1
bench="$here/../swift/.build/release/gsm-bench"
"$bench" "$stages" "$repeats" --write "$out/tree-$stages.json"
start=$(date +%s.%N)
"$root/.build/release/procura" calc gsm --input "$out/tree-$stages.json" --format json > "$out/procura-$stages.json"
end=$(date +%s.%N)
echo "{\"workload\":\"procura calc gsm\",\"stages\":$stages,\"wall_s\":$(echo "$end - $start" | bc),\"cost\":$(python3 -c "import json;print(json.load(open('$out/procura-$stages.json'))['optimal_cost'])")}"
if [ "${PEER:-0}" = 1 ]; then
  python="$("$here/../lib/python-env.sh")"
  "$python" "$here/stockpyl_gsm.py" "$out/tree-$stages.json"
fi
