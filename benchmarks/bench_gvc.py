"""Benchmark: the GVC event-study triple difference on 1M firms × 8 years (8M rows).

Firm and year-by-GVC fixed effects, exposure × year and exposure × year × GVC regressors (base year 2017), SEs
clustered by firm. Measures wall time and peak memory of

- ``wrapper``: :func:`analysis.estimators.triple_difference.triple_difference` (builds the event columns, fits with
  ``pyfixest.feols``, returns the p75–p25 contrast table);
- ``lean``: the same function with ``engine="lean"`` (OLS and CRV1 in numpy after the fixed effects are swept out:
  in closed form here, the simulated panel being balanced; pyfixest's demeaning kernel on a panel with gaps; pinned
  to feols in tests/test_triple_difference.py);
- ``raw``: the bare pyfixest call a user would write, ``feols("y ~ i(year, x, ref=2017) + i(year, xg, ref=2017) |
  firm_id + year^gvc", vcov={"CRV1": "firm_id"})`` with default options,

each in its own fresh process (after an untimed warm-up fit on 200 firms that compiles pyfixest's numba kernels)
on the same simulated panel (``analysis.studies.gvc.simulate``, seed below, written once to a
temporary Parquet file). Peak memory is the highest resident set size of that process, sampled every 10 ms while
the fit runs (``peak_rss_gib``; includes the loaded panel), and the increase over the RSS just before the call
(``increase_gib``). Prints a table and appends the records to ``build/bench.json``. Target (issue 6): under 12 s
and 3 GiB on the 2-core machine. Not a test: timings depend on the machine and its load.

Also measures notebook 03's Monte Carlo (``analysis.studies.gvc.montecarlo.monte_carlo``: 200 replications of 3,000
firms × 7 years, the notebook's seed) per engine (``--mc-engines``; default ``balanced``, the notebook's: array draws
and the closed-form balanced-panel fit), each in a fresh process after an untimed 2-replication warm-up; it prints
seconds, milliseconds per replication and the mean 2019 estimate (the same for every engine, to float rounding).
Issue 18's target: notebook 03 under 6 s in all, so the Monte Carlo well under 2 s.

Run: ``.venv/bin/python benchmarks/bench_gvc.py [--firms 1000000] [--years 8] [--mc-engines balanced lean]``
(``--variants`` with no name skips the 8M-row fits, ``--mc-engines`` with none the Monte Carlo).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import record  # noqa: E402  (benchmarks/ is the script's folder)

SEED = 20240426


def make_panel(path: Path, n_firms: int, n_years: int) -> dict:
    import numpy as np

    from analysis.estimators import triple_difference as td
    from analysis.studies.gvc import simulate as gvc_sim

    years = tuple(range(2022 - n_years, 2022))
    design = gvc_sim.simulate_design(n_firms, SEED)
    rng = np.random.default_rng(SEED + 1)
    y = gvc_sim.draw_outcome(design, "ln_exports_us", rng, years=years)
    panel = gvc_sim.panel_frame(design, {"ln_exports_us": y}, years=years)[
        ["firm_id", "year", "gvc", td.EXPOSURE, "ln_exports_us"]]
    panel.to_parquet(path, index=False)
    return {"rows": len(panel), "firms": n_firms, "years": f"{years[0]}-{years[-1]}",
            "iqr": design.quartiles["iqr"]}


def child(variant: str, path: str, iqr: float) -> None:
    """Run one variant in this (fresh) process and print one JSON line with the measurements."""
    import resource

    import pandas as pd
    import psutil

    from analysis.estimators import triple_difference as td

    panel = pd.read_parquet(path)
    # warm-up on 200 firms (untimed): first calls compile pyfixest's numba kernels, a one-off per process
    small = panel[panel["firm_id"] < 200].copy()
    td.triple_difference(small, "ln_exports_us", td.EXPOSURE, engine="lean" if variant == "lean" else "pyfixest")
    proc = psutil.Process()
    before = proc.memory_info().rss
    peak = [before]
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            peak[0] = max(peak[0], proc.memory_info().rss)
            time.sleep(0.01)

    if variant == "raw":
        import pyfixest as pf

        panel["x_gvc"] = panel[td.EXPOSURE] * panel["gvc"]
        before = proc.memory_info().rss
        peak[0] = before
    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    t0 = time.perf_counter()
    if variant in ("wrapper", "lean"):
        es = td.triple_difference(panel, "ln_exports_us", td.EXPOSURE, iqr={td.EXPOSURE: iqr},
                                  engine="lean" if variant == "lean" else "pyfixest")
        est = es.effect(2019, group="gvc_differential")
        coef, se, n_obs = float(est["coef"]), float(est["se"]) / iqr, int(est["n_obs"])
    else:
        fit = pf.feols(f"ln_exports_us ~ i(year, {td.EXPOSURE}, ref=2017) + i(year, x_gvc, ref=2017) "
                       "| firm_id + year^gvc", data=panel, vcov={"CRV1": "firm_id"})
        name = [c for c in fit.coef().index if "x_gvc" in c and "2019" in c][0]
        coef, se, n_obs = float(fit.coef()[name]), float(fit.se()[name]), int(fit._N)
    seconds = time.perf_counter() - t0
    stop.set()
    watcher.join()
    peak[0] = max(peak[0], proc.memory_info().rss)
    print(json.dumps({"variant": variant, "seconds": seconds, "peak_rss_gib": peak[0] / 2**30,
                      "increase_gib": (peak[0] - before) / 2**30,
                      "ru_maxrss_gib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20,
                      "coef_2019_gvc_per_pp": coef, "se_2019_gvc_per_pp": se, "n_obs": n_obs}))


MC_SEED = 20240426 + 1  # notebook 03: seed + 1


def mc_child(engine: str, replications: int, n_firms: int) -> None:
    """Time the notebook's Monte Carlo with one engine in this (fresh) process; print one JSON line."""
    from analysis.studies.gvc import montecarlo

    montecarlo.monte_carlo(replications=2, n_firms=n_firms, seed=1, engine=engine)  # warm-up: imports, data
    t0 = time.perf_counter()
    mc = montecarlo.monte_carlo(replications=replications, n_firms=n_firms, seed=MC_SEED, engine=engine)
    seconds = time.perf_counter() - t0
    d = mc.draws
    key = d[(d["year"] == 2019) & (d["group"] == "manufacturing_gvc") & (d["outcome"] == "ln_exports_us")
            & (d["exposure"] == "exposure_us_tariff_pp")]
    print(json.dumps({"engine": engine, "seconds": seconds, "ms_per_replication": 1e3 * seconds / replications,
                      "replications": replications, "n_firms": n_firms,
                      "mean_2019_estimate": float(key["estimate"].mean())}))


def monte_carlo_cases(engines: list[str], replications: int, n_firms: int) -> list[dict]:
    records = []
    for engine in engines:
        out = subprocess.run([sys.executable, __file__, "--mc-child", engine, str(replications), str(n_firms)],
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(out.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"Monte Carlo engine {engine} failed")
        records.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"\nMonte Carlo of notebook 03 ({replications} replications × {n_firms:,} firms × 7 years)")
    print(f"{'engine':<10}{'seconds':>9}{'ms/rep':>9}{'mean 2019 estimate':>21}")
    for r in records:
        print(f"{r['engine']:<10}{r['seconds']:>9.2f}{r['ms_per_replication']:>9.1f}{r['mean_2019_estimate']:>21.12f}")
    return records


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--firms", type=int, default=1_000_000)
    parser.add_argument("--years", type=int, default=8)
    parser.add_argument("--variants", nargs="*", default=["lean", "wrapper", "raw"])
    parser.add_argument("--mc-engines", nargs="*", default=["balanced"], help="Monte Carlo engines to time")
    parser.add_argument("--mc-replications", type=int, default=200)
    parser.add_argument("--mc-firms", type=int, default=3_000)
    parser.add_argument("--no-record", action="store_true", help="do not append to build/bench.json")
    parser.add_argument("--child", nargs=3, metavar=("VARIANT", "PATH", "IQR"), help=argparse.SUPPRESS)
    parser.add_argument("--mc-child", nargs=3, metavar=("ENGINE", "REPS", "FIRMS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], float(args.child[2]))
        return 0
    if args.mc_child:
        mc_child(args.mc_child[0], int(args.mc_child[1]), int(args.mc_child[2]))
        return 0
    mc_records = monte_carlo_cases(args.mc_engines, args.mc_replications, args.mc_firms) if args.mc_engines else []
    if mc_records and not args.no_record:
        load = os.getloadavg()
        record("gvc_monte_carlo", [{**r, "target_notebook_seconds": 6, "load_average_1min": load[0]}
                                   for r in mc_records])
    if not args.variants:
        return 0


    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "panel.parquet"
        t0 = time.perf_counter()
        meta = make_panel(path, args.firms, args.years)
        print(f"simulated panel: {meta['rows']:,} rows ({meta['firms']:,} firms × {args.years} years) "
              f"in {time.perf_counter() - t0:.1f} s")
        records = []
        for variant in args.variants:
            out = subprocess.run([sys.executable, __file__, "--child", variant, str(path), repr(meta["iqr"])],
                                 capture_output=True, text=True, check=False)
            if out.returncode != 0:
                print(out.stderr[-3000:], file=sys.stderr)
                raise SystemExit(f"variant {variant} failed")
            rec = json.loads(out.stdout.strip().splitlines()[-1])
            records.append(rec)
    load = os.getloadavg()
    print(f"\n{'variant':<10}{'seconds':>9}{'peak RSS GiB':>14}{'increase GiB':>14}{'coef 2019':>12}{'SE':>10}")
    for r in records:
        print(f"{r['variant']:<10}{r['seconds']:>9.2f}{r['peak_rss_gib']:>14.2f}{r['increase_gib']:>14.2f}"
              f"{r['coef_2019_gvc_per_pp']:>12.6f}{r['se_2019_gvc_per_pp']:>10.6f}")
    print(f"target: < 12 s and < 3 GiB; load average during the run: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f} "
          f"on {os.cpu_count()} cores")

    if args.no_record:
        return 0
    import pyfixest

    cases = [{"variant": r["variant"], "rows": meta["rows"], "firms": meta["firms"], "years": meta["years"],
              "fixed_effects": "firm_id + year^gvc", "vcov": "CRV1 firm_id", **r,
              "target_seconds": 12, "target_gib": 3, "load_average_1min": load[0],
              "pyfixest": pyfixest.__version__} for r in records]
    record("gvc_triple_difference", cases)
    print(f"appended {len(cases)} records to build/bench.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
