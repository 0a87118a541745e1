"""Writes the benchmark's demand series: ROWS weekly series of COLS buckets (default 100,000 × 156),
a seeded mix of the patterns an inventory holds (numpy only, so it runs before the venv exists).

File format (read by both sides): int64 rows, int64 columns, then rows×columns float64, little-endian.

Mix (shares of rows): 20 % smooth (level 20–200, Poisson noise, some with trend), 15 % seasonal
(annual sine, amplitude 15–50 % of the level), 10 % erratic (gamma sizes, CV ~1), 30 % intermittent
(occurrence 10–50 %, Poisson+1 sizes), 15 % lumpy (occurrence 5–30 %, log-normal sizes), 5 % new
items (demand starts in the last 40 weeks), 5 % dying items (demand stops 10–40 weeks before the end).
"""
import sys
import numpy as np


def generate(rows: int, cols: int, seed: int = 20240611) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(cols)
    out = np.zeros((rows, cols))
    kinds = rng.choice(7, size=rows, p=[0.20, 0.15, 0.10, 0.30, 0.15, 0.05, 0.05])
    for i, kind in enumerate(kinds):
        level = rng.uniform(20, 200)
        if kind == 0:  # smooth, sometimes trending
            trend = rng.choice([0.0, rng.uniform(-0.003, 0.006)], p=[0.6, 0.4])
            mean = level * (1 + trend * t)
            y = rng.poisson(np.maximum(mean, 0.1))
        elif kind == 1:  # seasonal
            amp = rng.uniform(0.15, 0.5)
            phase = rng.uniform(0, 2 * np.pi)
            mean = level * (1 + amp * np.sin(2 * np.pi * t / 52 + phase))
            y = rng.poisson(np.maximum(mean, 0.1))
        elif kind == 2:  # erratic
            y = np.round(rng.gamma(1.0, level / 4, size=cols))
        elif kind == 3:  # intermittent
            p = rng.uniform(0.1, 0.5)
            y = rng.binomial(1, p, size=cols) * (rng.poisson(rng.uniform(1, 8), size=cols) + 1)
        elif kind == 4:  # lumpy
            p = rng.uniform(0.05, 0.3)
            y = rng.binomial(1, p, size=cols) * np.ceil(rng.lognormal(1.5, 1.0, size=cols))
        elif kind == 5:  # new item
            start = cols - rng.integers(8, 40)
            y = np.where(t >= start, rng.poisson(level / 4, size=cols), 0)
        else:  # dying item
            stop = cols - rng.integers(10, 40)
            y = np.where(t < stop, rng.poisson(level / 4, size=cols), 0)
        out[i] = y
    return out.astype(np.float64)


def write(path: str, matrix: np.ndarray) -> None:
    with open(path, "wb") as f:
        np.array(matrix.shape, dtype="<i8").tofile(f)
        np.ascontiguousarray(matrix, dtype="<f8").tofile(f)


def read(path: str) -> np.ndarray:
    with open(path, "rb") as f:
        rows, cols = np.fromfile(f, dtype="<i8", count=2)
        return np.fromfile(f, dtype="<f8", count=rows * cols).reshape(rows, cols)


if __name__ == "__main__":
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    cols = int(sys.argv[3]) if len(sys.argv) > 3 else 156
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20240611
    write(sys.argv[1], generate(rows, cols, seed))
