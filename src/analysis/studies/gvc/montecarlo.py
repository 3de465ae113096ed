"""Monte Carlo of the GVC design: draw a simulated panel (:mod:`.simulate`), estimate, compare with the planted truth."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.estimators import triple_difference as td
from analysis.studies.gvc.simulate import GVCParams, draw_outcome, panel_frame, simulate_design, truth_table

@dataclass
class MonteCarlo:
    """Replication draws (``draws``: one row per replication and reported coefficient) and their summary."""

    draws: pd.DataFrame
    replications: int
    n_firms: int
    seed: int
    planted_2019: float

    def summary(self) -> pd.DataFrame:
        """Bias, bias as % of the planted 2019 effect, SD, mean SE, 95% CI coverage and rejection rate (p<0.05),
        with Monte Carlo standard errors, by model, group, outcome, exposure and year."""
        keys = ["model", "group", "outcome", "exposure", "year"]
        d = self.draws.assign(err=lambda x: x["estimate"] - x["truth"],
                              covered=lambda x: (x["ci_low"] <= x["truth"]) & (x["truth"] <= x["ci_high"]),
                              rejected=lambda x: x["pvalue"] < 0.05)
        g = d.groupby(keys, sort=True)
        out = pd.DataFrame({
            "truth": g["truth"].mean(), "mean_estimate": g["estimate"].mean(), "bias": g["err"].mean(),
            "sd": g["estimate"].std(ddof=1), "mean_se": g["se"].mean(), "coverage": g["covered"].mean(),
            "rejection_rate": g["rejected"].mean(), "replications": g.size(),
        }).reset_index()
        out["bias_pct_of_planted_2019"] = 100 * out["bias"] / self.planted_2019
        out["bias_mcse"] = out["sd"] / np.sqrt(out["replications"])
        out["coverage_mcse"] = np.sqrt(out["coverage"] * (1 - out["coverage"]) / out["replications"])
        return out


def replication(r: int, seed_seq: np.random.SeedSequence, n_firms: int, params: GVCParams, truth: pd.Series,
                years=(2018, 2019, 2020, 2021), engine: str = "lean") -> list[tuple]:
    """One draw-and-estimate replication (see :func:`monte_carlo`); its rows of the draws table."""
    out = "ln_exports_us"
    d_seed, o_seed = seed_seq.spawn(2)
    design = simulate_design(n_firms, int(d_seed.generate_state(1)[0]), params)
    r1, r2 = (np.random.default_rng(s) for s in o_seed.spawn(2))
    panel = panel_frame(design, {out: draw_outcome(design, out, r1, params),
                                 "placebo": draw_outcome(design, out, r2, params, planted=False)})
    iqr = {td.EXPOSURE: design.quartiles["iqr"], td.INPUT_EXPOSURE: design.input_quartiles["iqr"]}
    exps = [td.EXPOSURE, td.INPUT_EXPOSURE]
    mg = panel[(panel["gvc"] == 1) & (panel["manufacturing"] == 1)]
    did = td.difference_in_differences(mg, [out, "placebo"], exps, label="manufacturing_gvc", iqr=iqr, engine=engine)
    ddd = td.triple_difference(panel, out, [td.EXPOSURE], iqr=iqr, engine=engine)  # input channel left in the error
    rows = []
    for es in (did, ddd):
        t = es.table[es.table["year"].isin(years)]
        for row in t.itertuples(index=False):
            tr = 0.0 if row.outcome == "placebo" else truth[(row.outcome, row.group, row.exposure, row.year)]
            rows.append((r, row.model, row.group, row.outcome, row.exposure, row.year, row.estimate, row.se,
                         row.ci_low, row.ci_high, row.pvalue, tr))
    return rows


def monte_carlo(replications: int = 200, n_firms: int = 3_000, seed: int = 20240426,
                params: GVCParams | None = None, progress: bool = False, years=(2018, 2019, 2020, 2021),
                engine: str = "lean", jobs: int = 1) -> MonteCarlo:
    """Repeat draw-and-estimate `replications` times (fresh firms, exposures and shocks each time).

    Each replication fits (i) the within-manufacturing-GVC DiD, with export and input exposures, on exports to the
    US and on a **placebo** outcome drawn on the same firms with no planted effect, and (ii) the triple difference
    on exports to the US with export exposure only (the input channel, independent of it by construction, stays in
    the error term; this halves the cost of the largest fit). Contrasts use the replication's full-panel quartiles.
    Seeds: one child of ``SeedSequence(seed)`` per replication, so the draws do not depend on how replications are
    spread: `jobs` processes (joblib; 1, the default, runs them in this process) give the same table, in
    replication order. ``engine="lean"`` (default) fits with pyfixest's demeaning kernel and numpy OLS/CRV1, equal to ``feols``
    to 1e-8 (tests/test_triple_difference.py) and several times faster at this size; ``engine="pyfixest"`` uses
    ``feols`` itself.
    """
    params = params or GVCParams()
    children = np.random.SeedSequence(seed).spawn(replications)
    truth = truth_table(params).set_index(["outcome", "group", "exposure", "year"])["truth"]
    jobs = max(1, min(int(jobs), replications))
    args = [(r, children[r], n_firms, params, truth, years, engine) for r in range(replications)]
    if jobs == 1:
        iterator = (replication(*a) for a in args)
    else:
        from joblib import Parallel, delayed

        iterator = Parallel(n_jobs=jobs, return_as="generator", batch_size=4)(delayed(replication)(*a) for a in args)
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(iterator, total=replications, desc="Monte Carlo replications", unit="rep")
    rows = [row for rep in iterator for row in rep]
    draws = pd.DataFrame(rows, columns=["replication", "model", "group", "outcome", "exposure", "year", "estimate",
                                        "se", "ci_low", "ci_high", "pvalue", "truth"])
    return MonteCarlo(draws=draws, replications=replications, n_firms=n_firms, seed=seed,
                      planted_2019=params.effect_path[2019] * params.outcome_scale["ln_exports_us"])
