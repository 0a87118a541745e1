#!/usr/bin/env python3
"""W3 side by side: numpy's vectorised (s,S) simulation (the peer's code, ../shared/peers/bench_peers.py
run_w3) and Procura's PolicySimulation (the back-test engine), on the SAME data written once to files.

usage: w3.py [--rows N] [--days D] [--repeats R] [--bench PATH]
Prints one JSON line per side and a ratio line. Median (and minimum) of R runs each, interleaved;
data generation and file reading are not timed. Both sides must agree on the total cost, the fill
rate and the number of orders (same model: per-SKU lead time 1..14 d, Poisson demand, backorders,
order S - IP when IP <= s, initial inventory S).
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

import numpy as np
from scipy import stats

ap = argparse.ArgumentParser()
ap.add_argument("--rows", type=int, default=1_000_000)
ap.add_argument("--days", type=int, default=365)
ap.add_argument("--repeats", type=int, default=3)
ap.add_argument("--bench", default=os.path.join(os.path.dirname(__file__), "..", "swift", ".build", "release", "procura-bench"))
a = ap.parse_args()
N, D = a.rows, a.days

# Data exactly as bench_peers.run_w3 draws it (seed 3).
rng = np.random.default_rng(3)
mu = rng.uniform(0.5, 50.0, N)
Lt = rng.integers(1, 15, N)
demand = rng.poisson(mu[:, None], (N, D)).astype(np.float64)
z = stats.norm.ppf(0.95)
s = np.ceil(mu * Lt + z * np.sqrt(mu * Lt))
Q = np.ceil(np.sqrt(2 * 50.0 * mu * 365 / 2.0))
S = s + Q
h, p = 1.0, 10.0
maxL = int(Lt.max())


def numpy_sim():  # verbatim from bench_peers.run_w3
    il = S.copy()
    pipe = np.zeros((maxL + 1, N))
    onorder = np.zeros(N)
    idx = np.arange(N)
    hold = np.zeros(N); short = np.zeros(N); met = np.zeros(N); norders = np.zeros(N)
    for t in range(D):
        slot = t % (maxL + 1)
        arr = pipe[slot]
        il += arr
        onorder -= arr
        pipe[slot] = 0.0
        dem = demand[:, t]
        met += np.minimum(dem, np.maximum(il, 0.0))
        il -= dem
        ip = il + onorder
        q = np.where(ip <= s, S - ip, 0.0)
        norders += q > 0
        onorder += q
        pipe[(t + Lt) % (maxL + 1), idx] += q
        hold += np.maximum(il, 0.0)
        short += np.maximum(-il, 0.0)
    return h * hold.sum() + p * short.sum(), met.sum() / demand.sum(), norders.sum()


np_runs, sw_runs, sw, res = [], [], None, None
with tempfile.TemporaryDirectory() as tmp:
    demand.astype(np.int32).tofile(os.path.join(tmp, "demand.i32"))
    s.astype(np.int64).tofile(os.path.join(tmp, "s.i64"))
    S.astype(np.int64).tofile(os.path.join(tmp, "S.i64"))
    Lt.astype(np.int64).tofile(os.path.join(tmp, "L.i64"))
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        res = numpy_sim()
        np_runs.append(time.perf_counter() - t0)
        out = subprocess.run([a.bench, "w3", tmp, str(N), str(D), "1"], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("procura-bench failed: " + out.stderr)
        sw = json.loads(out.stdout.strip().splitlines()[-1])
        sw_runs.append(sw["seconds"])

np_rec = {"workload": "W3", "variant": "numpy_vectorized_sS_sim", "size": f"{N} SKUs x {D} days",
          "seconds": statistics.median(np_runs), "min": min(np_runs), "runs": np_runs,
          "total_cost": float(res[0]), "fill_rate": float(res[1]), "orders": int(res[2]), "numpy": np.__version__}
print(json.dumps(np_rec), flush=True)
sw["seconds"], sw["min"], sw["runs"] = statistics.median(sw_runs), min(sw_runs), sw_runs
print(json.dumps(sw), flush=True)
print(json.dumps({"workload": "W3", "ratio_numpy_over_procura_median": np_rec["seconds"] / sw["seconds"],
                  "ratio_numpy_over_procura_min": np_rec["min"] / sw["min"],
                  "same_cost": abs(sw["total_cost"] - np_rec["total_cost"]) <= 1e-9 * abs(np_rec["total_cost"]),
                  "same_fill_rate": abs(sw["fill_rate"] - np_rec["fill_rate"]) <= 5e-7,  # procura-bench prints 6 decimals
                  "same_orders": sw["orders"] == np_rec["orders"],
                  "load_average": os.getloadavg()}), flush=True)
