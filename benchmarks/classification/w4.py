#!/usr/bin/env python3
"""W4 side by side: numpy's ABC-XYZ (the peer's code, ../shared/peers/bench_peers.py) and Procura's
ABC-XYZ + demand pattern, on the SAME matrix (written once to files both read).

usage: w4.py [--rows N] [--periods T] [--repeats R] [--bench PATH]
Prints one JSON line per side and a ratio line. Median of R runs each; input generation and file
reading are not timed.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("--rows", type=int, default=1_000_000)
ap.add_argument("--periods", type=int, default=52)
ap.add_argument("--repeats", type=int, default=3)
ap.add_argument("--bench", default=os.path.join(os.path.dirname(__file__), "..", "swift", ".build", "release", "procura-bench"))
a = ap.parse_args()
N, T = a.rows, a.periods

# Data exactly as bench_peers.run_w4 draws it.
rng = np.random.default_rng(4)
mu = rng.lognormal(1.0, 1.2, N)
occ = rng.random((N, T), dtype=np.float32) < rng.uniform(0.15, 1.0, (N, 1)).astype(np.float32)
Qm = (occ * rng.poisson(mu[:, None], (N, T))).astype(np.float64)
del occ
cost = rng.lognormal(2.5, 1.0, N)


def numpy_version():  # verbatim from bench_peers.run_w4
    tot = Qm.sum(axis=1)
    val = tot * cost
    order = np.argsort(-val, kind="stable")
    cum = np.cumsum(val[order]) / val.sum()
    abc = np.empty(N, np.int8)
    abc[order] = np.where(cum <= 0.80, 0, np.where(cum <= 0.95, 1, 2))
    mean = tot / T
    sd = Qm.std(axis=1, ddof=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        cv = np.where(mean > 0, sd / mean, np.inf)
    xyz = np.where(cv < 0.5, 0, np.where(cv < 1.0, 1, 2)).astype(np.int8)
    return abc * 3 + xyz


# Interleaved rounds: numpy once, then Procura once (a fresh process that reads the files and times
# only the classification), so both sides see the same background load; median and minimum of each.
np_runs, sw_runs, sw = [], [], None
with tempfile.TemporaryDirectory() as tmp:
    mpath, cpath = os.path.join(tmp, "qty.f64"), os.path.join(tmp, "cost.f64")
    Qm.tofile(mpath)
    cost.tofile(cpath)
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        cls = numpy_version()
        np_runs.append(time.perf_counter() - t0)
        out = subprocess.run([a.bench, "w4", mpath, cpath, str(N), str(T), "1"], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("procura-bench failed: " + out.stderr)
        sw = json.loads(out.stdout.strip().splitlines()[-1])
        sw_runs.append(sw["seconds"])
np_counts = np.bincount(cls, minlength=9).tolist()
np_rec = {"workload": "W4", "variant": "numpy_wide_matrix", "size": f"{N} SKUs x {T} periods",
          "seconds": statistics.median(np_runs), "min": min(np_runs), "runs": np_runs,
          "class_counts_AX..CZ": np_counts, "numpy": np.__version__}
print(json.dumps(np_rec), flush=True)
sw["seconds"], sw["min"], sw["runs"] = statistics.median(sw_runs), min(sw_runs), sw_runs
print(json.dumps(sw), flush=True)
print(json.dumps({"workload": "W4", "ratio_numpy_over_procura_median": np_rec["seconds"] / sw["seconds"],
                  "ratio_numpy_over_procura_min": np_rec["min"] / sw["min"],
                  "same_classes": sw["class_counts_AX..CZ"] == np_counts,
                  "load_average": os.getloadavg()}), flush=True)
