"""Scale benchmark of the BJS imputation estimator (issue 7): our helper vs raw diff-diff, and the dose version.

Cases: a balanced staggered panel of 20,000 units x 50 periods (1M rows) and 100,000 x 50 (5M rows). For each size,
in the same run, three estimators — each in its own subprocess so that peak memory is measured separately:

* ``helper``    ``analysis.estimators.did_imputation.imputation_did`` (overall ATT + Theorem-3 SE; wraps diff-diff);
* ``raw``       ``diff_diff.ImputationDiD().fit`` on the same data (overall ATT + SE);
* ``intensity`` ``analysis.estimators.did_imputation.imputation_fit(..., intensity=...).slope()`` (our own dose version).

Reported per case: wall-clock seconds of the estimator call (data generation excluded), the process's peak resident
memory (``ru_maxrss``) and the part of it above the memory held after generating the data, and the estimates (the
helper must equal the raw call). Prints a table and appends one record to ``build/bench.json``.

Also (issue 18) the energy Monte Carlo of notebook 04: seconds per replication (two simulated household panels of
2,000 households, ~100,000 rows each, their BJS per-1% slopes and the naive slope) of
``analysis.studies.energy.montecarlo.monte_carlo`` (the grid path), beside replications through the checked frame
path it replaced (``imputation_fit`` on a DataFrame, the frame naive comparison); same draws. Issue 18's target is
the whole notebook under 12 s, so the 200 replications should take a few seconds at most.

Run: ``.venv/bin/python benchmarks/bench_did.py`` (about a minute or two on 2 cores; never part of the tests);
``.venv/bin/python benchmarks/bench_did.py mc`` for the Monte Carlo alone (seconds).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

SIZES = {"1M": (20_000, 50), "2.5M": (50_000, 50), "5M": (100_000, 50)}  # three sizes: is time linear in rows?
KINDS = ("raw", "helper", "intensity")


def make_panel(n_units: int, n_periods: int, seed: int = 12345):
    """Staggered panel: 30% never treated, cohorts uniform over periods 10..40, effects growing with event time."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    unit = np.repeat(np.arange(n_units, dtype=np.int64), n_periods)
    t = np.tile(np.arange(1, n_periods + 1, dtype=np.int64), n_units)
    g_unit = np.where(rng.random(n_units) < 0.3, 0, rng.integers(10, 41, n_units))
    dose_unit = rng.lognormal(3.4, 0.9, n_units)
    g = g_unit[unit]
    treated = (g > 0) & (t >= g)
    effect = np.where(treated, 0.01 * dose_unit[unit] * (1 + 0.05 * (t - g)), 0.0)
    y = rng.normal(0, 1, n_units)[unit] + 0.1 * t + effect + rng.normal(0, 1, len(unit))
    return pd.DataFrame({"unit": unit, "t": t, "g": g.astype(float), "y": y, "dose": dose_unit[unit]})


def _rss_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # Linux: KiB


def run_case(kind: str, size: str) -> dict:
    """Run one case in this process and return its measurements."""
    import warnings

    from diff_diff import ImputationDiD  # imports are not timed (both sides pay them once per process)

    from analysis.estimators.did_imputation import imputation_did, imputation_fit

    n_units, n_periods = SIZES[size]
    df = make_panel(n_units, n_periods)
    rss_data = _rss_gib()
    start = time.perf_counter()
    if kind == "helper":
        res = imputation_did(df, "y", "unit", "t", "g")
        est, se = res.overall.estimate, res.overall.se
    elif kind == "raw":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = ImputationDiD().fit(df, outcome="y", unit="unit", time="t", first_treat="g")
        est, se = float(res.overall_att), float(res.overall_se)
    elif kind == "intensity":
        e = imputation_fit(df, "y", "unit", "t", "g", intensity="dose").slope()
        est, se = e.estimate, e.se
    else:
        raise ValueError(kind)
    seconds = time.perf_counter() - start
    peak = _rss_gib()
    return {"kind": kind, "size": size, "rows": len(df), "seconds": seconds, "peak_rss_gib": peak,
            "peak_above_data_gib": peak - rss_data, "estimate": est, "se": se}


def bench_monte_carlo(reps: int = 40, n_households: int = 2000, seed: int = 20240708) -> dict:
    """Seconds per replication of the energy Monte Carlo (grid path) and of the frame path, same draws."""
    import numpy as np

    from analysis.estimators import did_imputation as di
    from analysis.studies import energy
    from analysis.studies.energy import montecarlo, simulate

    montecarlo.monte_carlo(2, seed=seed, n_units=n_households)  # warm-up: imports, cached month codes
    start = time.perf_counter()
    mc = montecarlo.monte_carlo(reps, seed=seed, n_units=n_households)
    grid = (time.perf_counter() - start) / reps
    agg = simulate.aggregate_path()
    seeds = np.random.SeedSequence(seed).spawn(min(reps, 10))
    start = time.perf_counter()
    for s in seeds:
        s1, s2 = s.generate_state(2)
        fr = simulate.household_frame(simulate.household_arrays(np.random.default_rng(int(s1)), n_households, 1.4, agg))
        pl = simulate.household_frame(simulate.household_arrays(np.random.default_rng(int(s2)), n_households, 0.0, agg))
        for f in (fr, pl):
            di.imputation_fit(f, "y", "unit", "t", "g", intensity="dose", aux_by=montecarlo.MC_AUX_BY).slope()
        energy.naive_before_after(fr, "y", "dose")
    frame = (time.perf_counter() - start) / len(seeds)
    out = {"kind": "energy_monte_carlo", "replications": reps, "households": n_households,
           "grid_seconds_per_rep": grid, "frame_seconds_per_rep": frame, "speed_up": frame / grid,
           "projected_200_reps_seconds": 200 * grid, "mean_estimate_bp": float(mc["estimate_bp"].mean())}
    print(f"energy Monte Carlo: {1000 * grid:.1f} ms per replication (grid path) vs {1000 * frame:.1f} ms (frame "
          f"path), x{frame / grid:.1f}; 200 replications ~ {200 * grid:.1f} s", flush=True)
    return out


def main() -> int:
    if len(sys.argv) == 3:  # child process: one case, JSON on stdout
        print(json.dumps(run_case(sys.argv[1], sys.argv[2])))
        return 0
    from common import record

    mc = bench_monte_carlo()
    if sys.argv[1:] == ["mc"]:
        record("did_imputation_monte_carlo", [mc])
        print("appended to build/bench.json")
        return 0
    rows = []
    for size in SIZES:
        for kind in KINDS:
            out = subprocess.run([sys.executable, __file__, kind, size], capture_output=True, text=True, check=False)
            if out.returncode != 0:
                print(out.stderr[-2000:], file=sys.stderr)
                return 1
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            r = rows[-1]
            print(f"{size:>3} {kind:<9} {r['seconds']:7.2f} s  peak {r['peak_rss_gib']:5.2f} GiB "
                  f"(+{r['peak_above_data_gib']:.2f} over data)  estimate {r['estimate']:.6f} ({r['se']:.6f})",
                  flush=True)
    by = {(r["size"], r["kind"]): r for r in rows}
    summary = {}
    for size in SIZES:
        h, raw, it = by[(size, "helper")], by[(size, "raw")], by[(size, "intensity")]
        summary[size] = {
            "helper_over_raw_time": h["seconds"] / raw["seconds"],
            "intensity_over_raw_time": it["seconds"] / raw["seconds"],
            "helper_equals_raw": abs(h["estimate"] - raw["estimate"]) < 1e-10 and abs(h["se"] - raw["se"]) < 1e-10,
        }
    growth = {k: by[("5M", k)]["seconds"] / by[("1M", k)]["seconds"] for k in KINDS}
    print("\nsize  helper/raw time  intensity/raw time  helper == raw")
    for size, s in summary.items():
        print(f"{size:>4}  {s['helper_over_raw_time']:15.2f}  {s['intensity_over_raw_time']:18.2f}  "
              f"{s['helper_equals_raw']}")
    print("time 5M / 1M (rows x5): " + ", ".join(f"{k} {v:.2f}" for k, v in growth.items()))

    import diff_diff

    record("did_imputation", rows + [{"summary": summary, "time_growth_5M_over_1M": growth,
                                      "diff_diff": diff_diff.__version__}, mc])
    print("appended to build/bench.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
