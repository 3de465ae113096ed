"""What the figure saver costs (issue 18): ``analysis.core.figures.save`` per figure, phase by phase.

Six figures of the kinds the notebooks draw (yearly lines with a legend, a monthly date axis, grouped bars with a
legend below, a log axis whose tick labels are mathtext with Greek and accented text, two panels of long bar
labels, a table), each saved as the notebooks save them (200-dpi PNG, SVG, PDF with TrueType fonts, the report-size
check). Each case runs in a fresh Python:

* ``cold``: every figure saved once, as in a notebook's kernel (the PDF font copies are made on the way);
* ``warm``: the same figures saved a second time in that process;
* ``pdf_from_font_files``: as ``cold``, but each PDF font subset cut by fontTools from the font file itself, as
  before issue 18 (the reference the faster cutting must equal byte for byte; the tests check that).

Reported per case: wall and CPU seconds of ``save`` summed over the figures, and of its phases (the layout, each
format, the check), per figure. The machine is shared, so compare cases of one run, not runs of different days.

Run: ``.venv/bin/python benchmarks/bench_figures.py`` (about half a minute on 2 cores; never part of the tests).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from common import REPO, record, table

CASES = ("cold", "warm", "pdf_from_font_files")


def make_figures():
    """The six figures, in the house style, from deterministic made-up numbers (nothing here is data)."""
    import matplotlib.pyplot as plt
    import numpy as np
    import pandas as pd

    from analysis.core import figures

    rng = np.random.default_rng(18)
    width = figures.REPORT_WIDTH_IN
    made = []

    fig, ax = plt.subplots(figsize=(width, 4))
    years = np.arange(1980, 2025)
    for i, name in enumerate(["ceiling", "admitted", "applications", "approved"]):
        ax.plot(years, 50 + 10 * i + np.cumsum(rng.normal(0, 3, len(years))), label=name)
    ax.set(title="Yearly series with a legend", xlabel="fiscal year", ylabel="thousands of people")
    ax.legend(ncol=2)
    made.append(("lines", fig))

    fig, ax = plt.subplots(figsize=(width, 3.5))
    months = pd.date_range("2015-01-01", "2024-12-01", freq="MS")
    ax.plot(months, 100 + np.cumsum(rng.normal(0, 2, len(months))), label="monthly encounters")
    ax.annotate("a change of policy", xy=(months[60], 100), xytext=(months[20], 120),
                arrowprops={"arrowstyle": "->"})
    ax.set(title="A monthly date axis", ylabel="thousands")
    made.append(("dates", fig))

    fig, ax = plt.subplots(figsize=(width, 4))
    groups, sectors = ["2018", "2019", "2020", "2021"], ["steel", "aluminium", "vehicles", "chips", "solar", "other"]
    x = np.arange(len(sectors))
    bars = [ax.bar(x + 0.2 * i - 0.3, rng.uniform(5, 25, len(sectors)), width=0.2) for i in range(len(groups))]
    ax.set_xticks(x, sectors)
    ax.set(title="Grouped bars, legend below", ylabel="average tariff (%)")
    figures.legend_below(fig, bars, groups, ncol=4)
    made.append(("bars", fig))

    fig, ax = plt.subplots(figsize=(width, 4))
    ax.scatter(rng.uniform(2012, 2024, 60), 10 ** rng.uniform(2, 10, 60), s=12, label="training runs")
    ax.set_yscale("log")
    ax.set(title="Log axis: coût × 10, Δ ≥ 2·σ", xlabel="publication year", ylabel="compute (FLOP)")
    ax.legend()
    made.append(("log_axis", fig))

    fig, (left, right) = plt.subplots(1, 2, figsize=(width, 3.5))
    labels = [f"a fairly long category label {i}" for i in range(8)]
    left.barh(labels, rng.uniform(0, 1, 8))
    right.barh(labels, rng.uniform(0, 1, 8))
    right.set_yticklabels([])
    left.set_title("Two panels")
    made.append(("panels", fig))

    fig, ax = plt.subplots(figsize=(width, 3))
    ax.axis("off")
    cells = [[f"{rng.uniform(0, 100):.1f}" for _ in range(5)] for _ in range(8)]
    ax.table(cells, colLabels=["estimate", "low", "high", "stated", "ratio"],
             rowLabels=[f"row {i}" for i in range(8)], loc="center")
    ax.set_title("A table")
    made.append(("table", fig))
    return made


def child(case: str) -> None:
    """Run one case in this process; print its measurements as JSON on the last line."""
    import tempfile
    from collections import defaultdict
    from contextlib import nullcontext

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.figure as mfigure
    import matplotlib.pyplot as plt

    from analysis.core import figures

    wall, cpu = defaultdict(float), defaultdict(float)

    def timed(phase, function):
        def wrapper(*args, **kwargs):
            w, c = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                key = phase(kwargs) if callable(phase) else phase
                wall[key] += time.perf_counter() - w
                cpu[key] += time.process_time() - c
        return wrapper

    if case == "pdf_from_font_files":
        from fontTools import subset

        subset.Options._drop_tables_default = subset.Options._drop_tables_default + ["GSUB", "GPOS", "GDEF", "kern"]
        figures._WRITERS["pdf"] = nullcontext
    mfigure.Figure.tight_layout = timed("layout", mfigure.Figure.tight_layout)
    mfigure.Figure.savefig = timed(lambda kwargs: kwargs["format"], mfigure.Figure.savefig)
    figures.check = timed("check", figures.check)
    save = timed("save", figures.save)
    figures.use_style()
    rounds = 2 if case == "warm" else 1
    with tempfile.TemporaryDirectory() as out:
        for round_ in range(rounds):
            if round_ == rounds - 1:
                wall.clear(), cpu.clear()
            made = make_figures()
            for name, fig in made:
                save(fig, f"00_bench_{name}", caption="A benchmark figure.", source="Made-up numbers.", out_dir=out)
                plt.close(fig)
    n = len(made)
    print(json.dumps({"case": case, "figures": n,
                      **{f"{k}_s": round(v, 3) for k, v in wall.items()},
                      **{f"{k}_cpu_s": round(v, 3) for k, v in cpu.items()},
                      "per_figure_s": round(wall["save"] / n, 3)}))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="*", default=list(CASES), choices=CASES)
    parser.add_argument("--no-record", action="store_true", help="do not append to build/bench.json")
    parser.add_argument("--child", choices=CASES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "1"}
    cases = []
    for case in args.cases:
        out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", case], capture_output=True,
                             text=True, env=env, check=False)
        if out.returncode != 0:
            print(out.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"case {case} failed")
        cases.append(json.loads(out.stdout.strip().splitlines()[-1]))
    load = os.getloadavg()
    columns = ["case", "figures", "save_s", "per_figure_s", "layout_s", "png_s", "svg_s", "pdf_s", "check_s",
               "save_cpu_s"]
    print(table(cases, columns))
    print(f"load average during the run: {load[0]:.2f} on {os.cpu_count()} cores")
    if not args.no_record:
        record("figure_saver", [{**c, "load_average_1min": load[0]} for c in cases])
        print("appended to build/bench.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
