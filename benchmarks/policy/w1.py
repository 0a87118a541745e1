#!/usr/bin/env python3
"""W1 side by side: the policy step alone (safety stock, reorder point, EOQ with MOQ and order
multiples) for N item-locations — numpy/scipy (W1-B of ../shared/peers/bench_peers.py, verbatim, and
the same extended with MOQ and multiples) against Procura's PolicyBatch, on the SAME inputs (written
once to files both sides read; reading is not timed).

usage: w1.py [--rows N] [--repeats R] [--alpha constant|classes|varied] [--bench PATH]
With --alpha constant (default, W1-B's data) every row has α = 0.95; with classes each row draws one
of eight class targets (0.90 … 0.99, as a classification gives); with varied each row draws its own
α in [0.90, 0.995), so every z differs (Procura's kernel then computes Φ⁻¹ for every row, as scipy
does). Prints one JSON line per variant, then the ratios and whether the
results agree.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

import numpy as np
from scipy import stats

ap = argparse.ArgumentParser()
ap.add_argument("--rows", type=int, default=1_000_000)
ap.add_argument("--repeats", type=int, default=5)
ap.add_argument("--alpha", choices=["constant", "classes", "varied"], default="constant")
ap.add_argument("--bench", default=os.path.join(os.path.dirname(__file__), "..", "swift", ".build", "release", "procura-bench"))
a = ap.parse_args()
N = a.rows


def w1_inputs(n, seed=1):  # verbatim from bench_peers.w1_inputs
    rng = np.random.default_rng(seed)
    d = rng.uniform(0.2, 200.0, n)                 # mean daily demand
    sd = d * rng.uniform(0.1, 1.5, n)              # sd of daily demand
    L = rng.uniform(1.0, 45.0, n)                  # mean lead time (days)
    sL = L * rng.uniform(0.0, 0.4, n)              # sd of lead time (days)
    K = rng.uniform(10.0, 250.0, n)                # order cost per order
    c = rng.uniform(0.5, 500.0, n)                 # unit cost
    i = rng.uniform(0.15, 0.35, n)                 # annual holding rate
    h = c * i                                      # holding cost per unit-year
    return d, sd, L, sL, K, c, h


d, sd, L, sL, K, c, h = w1_inputs(N, seed=11)      # bench_peers' scaling point for B
csl = 0.95
if a.alpha == "constant":
    alpha = np.full(d.shape, csl)
elif a.alpha == "classes":
    alpha = np.random.default_rng(13).choice([0.90, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99], N)
else:
    alpha = np.random.default_rng(13).uniform(0.90, 0.995, N)
extra = np.random.default_rng(12)
moq = extra.choice([0.0, 10.0, 50.0, 100.0], N)
mult = extra.choice([0.0, 1.0, 6.0, 12.0, 24.0], N)


def version_b(d=d, sd=sd, L=L, sL=sL, K=K, h=h, alpha=None):  # verbatim from bench_peers.run_w1
    a_ = np.full(d.shape, csl) if alpha is None else alpha
    q = np.sqrt(2.0 * K * (d * 365.0) / h)
    z = stats.norm.ppf(a_)
    ss = z * np.sqrt(L * sd ** 2 + d ** 2 * sL ** 2)
    rop = d * L + ss
    return q, ss, rop


def version_b_moq():
    """W1-B plus what the Procura side does: SS ≥ 0, MOQ, the cheaper neighbouring multiple."""
    z = stats.norm.ppf(alpha)
    ss = np.maximum(0.0, z * np.sqrt(L * sd ** 2 + d ** 2 * sL ** 2))
    rop = d * L + ss
    annual = d * 365.0
    eoq = np.sqrt(2.0 * K * annual / h)
    raised = np.maximum(eoq, moq)
    step = np.where(mult > 0, mult, 1.0)
    minimum = np.ceil(np.maximum(moq, step) / step) * step
    down = np.maximum(minimum, np.floor(raised / step) * step)
    up = np.maximum(minimum, np.ceil(raised / step) * step)
    cost_down = K * annual / down + h * down / 2
    cost_up = K * annual / up + h * up / 2
    q = np.where(cost_up < cost_down, up, down)
    return q, ss, rop


def timed(fn):
    runs, out = [], None
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        out = fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs), runs, out


records = []
for name, fn in [("B_numpy_scipy_vectorized", lambda: version_b(alpha=alpha)), ("B_plus_moq_multiple", version_b_moq)]:
    med, runs, out = timed(fn)
    rec = {"workload": "W1", "variant": name, "size": f"N={N} SKUs", "alpha": a.alpha, "seconds": med, "runs": runs,
           "numpy": np.__version__}
    print(json.dumps(rec), flush=True)
    records.append((rec, out))

with tempfile.TemporaryDirectory() as tmp:
    for name, arr in [("d", d), ("sd", sd), ("L", L), ("sL", sL), ("K", K), ("h", h), ("alpha", alpha), ("moq", moq),
                      ("multiple", mult)]:
        np.ascontiguousarray(arr, dtype=np.float64).tofile(os.path.join(tmp, name + ".f64"))
    out = subprocess.run([a.bench, "w1", tmp, str(N), str(a.repeats)], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("procura-bench failed: " + out.stderr)
    sw = json.loads(out.stdout.strip().splitlines()[-1])
    print(json.dumps(sw), flush=True)
    s_ss = np.fromfile(os.path.join(tmp, "swift_ss.f64"))
    s_rop = np.fromfile(os.path.join(tmp, "swift_rop.f64"))
    s_q = np.fromfile(os.path.join(tmp, "swift_q.f64"))

q_b, ss_b, rop_b = records[0][1]
q_m, ss_m, rop_m = records[1][1]
print(json.dumps({
    "workload": "W1",
    "ratio_numpy_B_over_procura": records[0][0]["seconds"] / sw["seconds"],
    "ratio_numpy_B_moq_over_procura": records[1][0]["seconds"] / sw["seconds"],
    "same_ss_rop_as_B_rtol_1e-12": bool(np.allclose(s_ss, ss_b, rtol=1e-12, atol=0) and np.allclose(s_rop, rop_b, rtol=1e-12, atol=0)),
    "same_q_as_B_moq": bool(np.array_equal(s_q, q_m)),
    "q_mismatches": int(np.sum(s_q != q_m)),
}), flush=True)
