#!/usr/bin/env python3
"""Forecasting benchmark: Procura's automatic selection against statsforecast's AutoETS on the same
series (docs/benchmarks.md, "Forecasting").

    python3 benchmarks/forecasting/run.py                 # 100,000 series × 156 weeks, full run
    python3 benchmarks/forecasting/run.py --rows 5000     # a quick look

Steps: (1) makes its own venv under benchmarks/.venv with statsforecast==2.1.1; (2) writes the series
(generate.py, seeded) to benchmarks/out/forecasting/series.f64 — the one file both sides read;
(3) builds the Swift benchmark (release) and times Procura on all rows with the full 156 buckets
(the speed target) and again holding out the last 12 buckets (the accuracy comparison); (4) times
statsforecast AutoETS with n_jobs=2 on the same 144-bucket training rows: season_length=1 on
--sf-rows rows (default all), and season_length=52 on the first --sf-seasonal-rows rows (weekly
seasonal ETS fits 55 parameters per model and is far slower); (5) scores both on the 12 held-out
buckets with one WAPE function, 100·Σ|A−F|/Σ|A| over all rows and buckets.
"""
import argparse, json, os, platform, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(ROOT, "benchmarks", ".venv")
OUT = os.path.join(ROOT, "benchmarks", "out", "forecasting")
PY = os.path.join(VENV, "bin", "python")


def sh(args, **kw):
    print("+", " ".join(args), flush=True)
    return subprocess.run(args, check=True, **kw)


def ensure_venv():
    if not os.path.exists(PY):
        sh([sys.executable, "-m", "venv", VENV])
    probe = subprocess.run([PY, "-c", "import statsforecast; print(statsforecast.__version__)"], capture_output=True, text=True)
    if probe.returncode != 0 or probe.stdout.strip() != "2.1.1":
        sh([PY, "-m", "pip", "install", "-q", "statsforecast==2.1.1"])


def swift_run(series, forecasts, holdout):
    binary = os.path.join(HERE, "..", "swift", ".build", "release", "forecastbench")
    out = subprocess.run([binary, series, forecasts, "--holdout", str(holdout), "--horizon", "12", "--season-length", "52"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


STATSFORECAST = r'''
import json, sys, time, numpy as np, pandas as pd
sys.path.insert(0, sys.argv[1])
import generate
from statsforecast import StatsForecast
from statsforecast.models import AutoETS
y = generate.read(sys.argv[2])
rows, m, out = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
train = y[:rows, :-12]
n = train.shape[1]
df = pd.DataFrame({"unique_id": np.repeat(np.arange(rows), n), "ds": np.tile(np.arange(n), rows), "y": train.ravel()})
sf = StatsForecast(models=[AutoETS(season_length=m)], freq=1, n_jobs=2)
t = time.perf_counter()
fc = sf.forecast(df=df, h=12)
seconds = time.perf_counter() - t
fc = fc.sort_values(["unique_id", "ds"])
generate.write(out, fc["AutoETS"].to_numpy().reshape(rows, 12))
print(json.dumps({"rows": rows, "season_length": m, "seconds": seconds}))
'''


def statsforecast_run(series, rows, m, out):
    r = subprocess.run([PY, "-c", STATSFORECAST, HERE, series, str(rows), str(m), out], check=True, capture_output=True, text=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--cols", type=int, default=156)
    ap.add_argument("--sf-rows", type=int, default=None, help="rows for AutoETS(season_length=1) (default: all)")
    ap.add_argument("--sf-seasonal-rows", type=int, default=1000, help="rows for AutoETS(season_length=52)")
    ap.add_argument("--skip-statsforecast", action="store_true")
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    ensure_venv()
    series = os.path.join(OUT, "series.f64")
    sh([PY, os.path.join(HERE, "generate.py"), series, str(a.rows), str(a.cols)])
    sh(["swift", "build", "-c", "release", "--package-path", os.path.join(HERE, "..", "swift"), "--product", "forecastbench"])
    sys.path.insert(0, HERE)
    import numpy as np
    import generate

    results = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}", "rows": a.rows, "cols": a.cols}
    results["procura_full"] = swift_run(series, os.path.join(OUT, "procura_full.f64"), 0)
    results["procura_holdout"] = swift_run(series, os.path.join(OUT, "procura_holdout.f64"), 12)
    y = generate.read(series)
    actual = y[:, -12:]
    procura = generate.read(os.path.join(OUT, "procura_holdout.f64"))

    def wape(rows, forecast):
        return float(100 * np.abs(actual[:rows] - forecast[:rows]).sum() / np.abs(actual[:rows]).sum())

    results["procura_holdout"]["wape_all"] = wape(a.rows, procura)
    if not a.skip_statsforecast:
        for key, rows, m in (("statsforecast_m1", a.sf_rows or a.rows, 1), ("statsforecast_m52", min(a.sf_seasonal_rows, a.rows), 52)):
            out = os.path.join(OUT, f"{key}.f64")
            r = statsforecast_run(series, rows, m, out)
            r["wape"] = wape(rows, generate.read(out))
            r["procura_wape_same_rows"] = wape(rows, procura)
            per_series_sf = r["seconds"] / rows
            per_series_procura = results["procura_holdout"]["seconds"] / a.rows
            r["speed_ratio"] = per_series_sf / per_series_procura
            results[key] = r
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
