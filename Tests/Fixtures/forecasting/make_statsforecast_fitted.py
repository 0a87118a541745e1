"""Regenerates statsforecast_fitted.json: in-sample fitted values and forecasts of statsforecast 2.1.1
models on the reference series (Tests/Fixtures/reference/forecast_series.json), as a second set of
reference values for the Forecasting tests (the shared reference files hold forecasts only).

    python3 -m venv /tmp/sfvenv && /tmp/sfvenv/bin/pip install statsforecast==2.1.1
    /tmp/sfvenv/bin/python make_statsforecast_fitted.py
"""
import json, os, warnings
import numpy as np
import statsforecast
from statsforecast.models import (ADIDA, IMAPA, TSB, AutoETS, CrostonClassic, CrostonOptimized, CrostonSBA, Holt,
                                  HoltWinters, HistoricAverage, Naive, SeasonalNaive, SimpleExponentialSmoothing,
                                  SimpleExponentialSmoothingOptimized)

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
series = json.load(open(os.path.join(HERE, "..", "reference", "forecast_series.json")))["cases"]

MODELS = {  # procura model name and flags -> statsforecast model
    ("naive", ()): lambda m: Naive(),
    ("seasonal-naive", ("season_length",)): lambda m: SeasonalNaive(season_length=m),
    ("historic-average", ()): lambda m: HistoricAverage(),
    ("ses", (("alpha", 0.2),)): lambda m: SimpleExponentialSmoothing(alpha=0.2),
    ("ses", ()): lambda m: SimpleExponentialSmoothingOptimized(),
    ("croston", ()): lambda m: CrostonClassic(),
    ("croston-sba", ()): lambda m: CrostonSBA(),
    ("croston-optimized", ()): lambda m: CrostonOptimized(),
    ("tsb", (("alpha_d", 0.2), ("alpha_p", 0.1))): lambda m: TSB(alpha_d=0.2, alpha_p=0.1),
    ("adida", ()): lambda m: ADIDA(),
    ("imapa", ()): lambda m: IMAPA(),
    ("holt", ()): lambda m: Holt(),
    ("ets", ("season_length",)): lambda m: AutoETS(season_length=m),
    ("holt-winters", ("season_length",)): lambda m: HoltWinters(season_length=m),
    ("holt-winters", ("season_length", ("seasonal", "multiplicative"))): lambda m: HoltWinters(season_length=m, error_type="M"),
}

cases = []
for s in series:
    y = np.array(s["y"], dtype=float)
    m = s["season_length"]
    for (name, flags), make in MODELS.items():
        if name in ("ets", "holt-winters") and m > 12:
            continue  # weekly seasonal ETS is slow in both libraries; the shared reference covers it
        if name == "holt-winters" and "seasonal" in str(flags) and y.min() <= 0:
            continue
        params = {}
        for f in flags:
            if f == "season_length":
                params["season_length"] = m
            else:
                params[f[0]] = f[1]
        out = make(m).forecast(y, h=12, fitted=True)
        cases.append({
            "id": f"{s['id']}__{name}" + "".join(f"_{k}{v}" for k, v in params.items()),
            "series": s["id"], "model": name, "params": params,
            "forecast": [float(v) for v in out["mean"]],
            "fitted": [None if np.isnan(v) else float(v) for v in out["fitted"]],
        })

json.dump({
    "description": "statsforecast fitted values (one-step in-sample) and 12-step forecasts, NaN as null",
    "statsforecast_version": statsforecast.__version__,
    "tolerance": {"fixed_parameter_models": {"rel": 1e-9, "abs": 1e-9}, "optimised_models": {"rel": 1e-6, "abs": 1e-9}},
    "cases": cases,
}, open(os.path.join(HERE, "statsforecast_fitted.json"), "w"))
print(len(cases), "cases")
