"""Monte Carlo of the GVC design: draw a simulated panel (:mod:`.simulate`), estimate, compare with the planted truth."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.estimators import distributions
from analysis.estimators import triple_difference as td
from analysis.studies.gvc.simulate import (YEARS, GVCParams, draw_firms, draw_outcome, draw_outcome_matrix,
                                          panel_frame, simulate_design, truth_table)

DRAW_COLUMNS = ["replication", "model", "group", "outcome", "exposure", "year", "estimate", "se", "ci_low",
                "ci_high", "pvalue", "truth"]

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
    """One draw-and-estimate replication through the full estimators (see :func:`monte_carlo`); its rows of the
    draws table. The reference for :func:`_balanced_replications`, which gives the same rows."""
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


def _balanced_replications(seeds: list, n_firms: int, params: GVCParams, truth: pd.Series, years,
                           progress: bool = False) -> pd.DataFrame:
    """The replications of :func:`replication`, drawn as arrays and fitted with :func:`td.balanced_fit`.

    The simulated panel is balanced (every firm, every year, no missing outcome), so the fixed-effects regressions
    have a closed form; the draws are those of :func:`replication` (same seeds, same generator calls) and the rows
    come out in the same order with the same values (to float rounding, ~1e-13).
    """
    out, did_label = "ln_exports_us", "manufacturing_gvc"
    base = YEARS.index(td.BASE_YEAR)
    post = [k for k in YEARS if k != td.BASE_YEAR]
    cols = [post.index(y) for y in years]  # reported years among the fitted ones
    # rows of one replication, in the order of replication(): DiD (outcome, exposure, year), then the triple
    # difference (group, year); (model, group, outcome, exposure, year, fit, outcome index, regressor index)
    layout = [("difference_in_differences", did_label, o, e, y, 0, oi, ei)
              for oi, o in enumerate((out, "placebo")) for ei, e in enumerate((td.EXPOSURE, td.INPUT_EXPOSURE))
              for y in years]
    layout += [("triple_difference", grp, out, td.EXPOSURE, y, 1, 0, j)
               for j, grp in enumerate(("non_gvc", "gvc_differential")) for y in years]
    layout.sort(key=lambda t: (t[5], t[2], t[1], t[3], t[4]))  # as each fit's table: outcome, group, exposure, year
    R, L = len(seeds), len(layout)
    coef, se, scale, dof = (np.empty((R, L)) for _ in range(4))
    fit_of = np.array([t[5] for t in layout])
    iterator = enumerate(seeds)
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(iterator, total=R, desc="Monte Carlo replications", unit="rep")
    for r, seed_seq in iterator:
        d_seed, o_seed = seed_seq.spawn(2)
        firms = draw_firms(n_firms, int(d_seed.generate_state(1)[0]), params)
        r1, r2 = (np.random.default_rng(s) for s in o_seed.spawn(2))
        y = np.stack([draw_outcome_matrix(firms, out, r1, params),
                      draw_outcome_matrix(firms, out, r2, params, planted=False)])
        mg = (firms.gvc == 1) & (firms.manufacturing == 1)
        x, g = firms.exposure, firms.gvc
        did = td.balanced_fit(y[:, mg], np.column_stack([x[mg], firms.input_exposure[mg]]), base=base)
        ddd = td.balanced_fit(y[:1], np.column_stack([x, x * g]), group=g, base=base)  # input channel in the error
        iqr = (firms.quartiles["iqr"], firms.input_quartiles["iqr"])
        for j, (_, grp, o, e, yr, f, oi, ri) in enumerate(layout):
            fit = (did, ddd)[f]
            k = cols[years.index(yr)]
            coef[r, j] = fit.coef[oi, ri, k]
            se[r, j] = np.sqrt(fit.vcov[oi, ri * len(post) + k, ri * len(post) + k])
            scale[r, j] = iqr[0] if e == td.EXPOSURE else iqr[1]
        dof[r] = np.where(fit_of == 0, did.dof, ddd.dof)
    lo, hi, pvalue = distributions.t_two_sided(coef, se, dof, 1 - 0.95)  # 95% intervals
    return pd.DataFrame({
        "replication": np.repeat(np.arange(R), L),
        **{c: np.tile(np.array([t[i] for t in layout], dtype=object if i < 4 else np.int64), R)
           for i, c in enumerate(("model", "group", "outcome", "exposure", "year"))},
        "estimate": (coef * scale).ravel(), "se": (se * scale).ravel(), "ci_low": (lo * scale).ravel(),
        "ci_high": (hi * scale).ravel(), "pvalue": pvalue.ravel(),
        "truth": np.tile([0.0 if t[2] == "placebo" else truth[(t[2], t[1], t[3], t[4])] for t in layout], R),
    })


def monte_carlo(replications: int = 200, n_firms: int = 3_000, seed: int = 20240426,
                params: GVCParams | None = None, progress: bool = False, years=(2018, 2019, 2020, 2021),
                engine: str = "balanced", jobs: int = 1) -> MonteCarlo:
    """Repeat draw-and-estimate `replications` times (fresh firms, exposures and shocks each time).

    Each replication fits (i) the within-manufacturing-GVC DiD, with export and input exposures, on exports to the
    US and on a **placebo** outcome drawn on the same firms with no planted effect, and (ii) the triple difference
    on exports to the US with export exposure only (the input channel, independent of it by construction, stays in
    the error term; this halves the cost of the largest fit). Contrasts use the replication's full-panel quartiles.
    Seeds: one child of ``SeedSequence(seed)`` per replication, so the draws do not depend on how replications are
    spread: `jobs` processes (joblib; 1, the default, runs them in this process) give the same table, in
    replication order.

    Engines, all giving the same table (to float rounding; tests/test_triple_difference.py): ``"balanced"``
    (default) draws the firms as arrays and fits the closed form of :func:`td.balanced_fit` (the simulated panel
    is balanced), a few milliseconds a replication; ``"lean"`` builds each panel as a frame and fits it with
    pyfixest's demeaning kernel and numpy OLS/CRV1 (:class:`~analysis.estimators.pyfixest_compat.LeanFit`);
    ``"pyfixest"`` uses ``feols`` itself.
    """
    if engine not in ("balanced", "lean", "pyfixest"):
        raise ValueError(f"engine must be 'balanced', 'lean' or 'pyfixest', not {engine!r}")
    params = params or GVCParams()
    children = np.random.SeedSequence(seed).spawn(replications)
    truth = truth_table(params).set_index(["outcome", "group", "exposure", "year"])["truth"]
    years = tuple(int(y) for y in years)
    jobs = max(1, min(int(jobs), replications))
    planted_2019 = params.effect_path[2019] * params.outcome_scale["ln_exports_us"]
    if engine == "balanced" and not set(years) <= set(YEARS) - {td.BASE_YEAR}:
        engine = "lean"  # base-year or out-of-sample rows: the frame-based tables carry them
    if engine == "balanced":
        if jobs == 1:
            draws = _balanced_replications(children, n_firms, params, truth, years, progress)
        else:  # contiguous blocks of replications, renumbered: the same table as one process
            from joblib import Parallel, delayed

            blocks = np.array_split(np.arange(replications), jobs)
            parts = Parallel(n_jobs=jobs)(delayed(_balanced_replications)([children[r] for r in b], n_firms, params,
                                                                          truth, years) for b in blocks)
            for b, part in zip(blocks, parts):
                part["replication"] += b[0] if len(b) else 0
            draws = pd.concat(parts, ignore_index=True)
        return MonteCarlo(draws=draws, replications=replications, n_firms=n_firms, seed=seed,
                          planted_2019=planted_2019)
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
    return MonteCarlo(draws=pd.DataFrame(rows, columns=DRAW_COLUMNS), replications=replications, n_firms=n_firms,
                      seed=seed, planted_2019=planted_2019)
