"""Monte Carlo of the energy design: simulated household panels (:mod:`.simulate`) through the BJS estimator."""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from analysis.estimators import did_imputation as di
from analysis.studies.energy import naive_before_after_arrays
from analysis.studies.energy.simulate import aggregate_path, household_arrays, parameter_value

MC_AUX_BY = ["horizon", "income_group", "inflation_knowledge"]
"""Cells of the auxiliary (variance) model in the Monte Carlo: event time × income × knowledge (observables)."""

def monte_carlo(
    n_reps: int,
    seed: int,
    *,
    effect_bp: float | None = None,
    n_units: int | None = None,
    progress: bool = False,
) -> pd.DataFrame:
    """Monte Carlo of the BJS per-1% estimator on simulated household panels.

    Each replication draws one panel with the planted effect and one placebo panel (effect 0, otherwise the same
    design, independent draw), and estimates the pooled per-1% slope (imputation, unit + month FE, SE clustered by
    household) on both, plus the naive before/after slope on the first. Seeds come from
    ``numpy.random.SeedSequence(seed).spawn``.

    Returns
    -------
    One row per replication: ``estimate_bp``, ``se_bp``, ``covers`` (95% CI contains the planted value),
    ``placebo_bp``, ``placebo_se_bp``, ``placebo_reject`` (|t| > 1.96), ``naive_bp``; ``attrs['planted_bp']``.
    """
    effect_bp = parameter_value("household_effect_bp_per_pct") if effect_bp is None else float(effect_bp)
    agg = aggregate_path()
    seeds = np.random.SeedSequence(seed).spawn(n_reps)
    it = range(n_reps)
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(it, desc="Monte Carlo", unit="rep")
    rows = []
    n = int(n_units or parameter_value("n_households"))
    for r in it:
        s1, s2 = seeds[r].generate_state(2)
        fr = household_arrays(np.random.default_rng(int(s1)), n, effect_bp, agg)
        est = per_pct_slope_bp(fr)
        pe = per_pct_slope_bp(household_arrays(np.random.default_rng(int(s2)), n, 0.0, agg))
        rows.append({"rep": r, "estimate_bp": est.estimate, "se_bp": est.se, "covers": est.covers(effect_bp),
                     "placebo_bp": pe.estimate, "placebo_se_bp": pe.se,
                     "placebo_reject": abs(pe.estimate / pe.se) > 1.959963984540054,
                     "naive_bp": 100 * naive_before_after_arrays(fr["uid"], fr["t"], fr["g"], fr["y"], fr["dose"])})
    out = pd.DataFrame(rows)
    out.attrs["planted_bp"] = effect_bp
    return out


def per_pct_slope_bp(a: dict) -> di.Estimate:
    """The pooled BJS per-1% slope (bp) of one simulated household panel (:func:`.simulate.household_arrays`), with
    the :data:`MC_AUX_BY` variance cells: the estimator of :func:`analysis.estimators.did_imputation.imputation_fit`
    run on the panel as a households × months grid (:func:`~analysis.estimators.did_imputation.slope_on_grid`),
    without the checks of data a simulation builds valid."""
    y = np.zeros(a["answered"].size)
    y[a["answered"].ravel()] = a["y"]  # rows are household-major, as the grid
    y = np.ascontiguousarray(y.reshape(a["answered"].shape).T)  # months × households
    answered = np.ascontiguousarray(a["answered"].T)
    month = _grid_months(tuple(a["months"]))
    first = np.where(a["unit_cohort"] > 0, np.searchsorted(month, a["unit_cohort"]), len(month))
    cells = {"income_group": a["unit_income"], "inflation_knowledge": a["unit_informed"]}
    assert MC_AUX_BY[0] == "horizon"
    return di.slope_on_grid(y, answered, first, a["unit_dose"],
                            unit_cells=[cells[c] for c in MC_AUX_BY[1:]]).scaled(100)


@functools.lru_cache(maxsize=4)
def _grid_months(months: tuple) -> np.ndarray:
    return di.month_index(np.array(months))


def summarise_monte_carlo(mc: pd.DataFrame) -> dict:
    """Bias (absolute and % of the planted effect), RMSE, coverage, placebo rejection rate, naive bias."""
    planted = mc.attrs.get("planted_bp", np.nan)
    bias = float(mc["estimate_bp"].mean() - planted)
    return {
        "replications": int(len(mc)),
        "planted_bp": float(planted),
        "mean_estimate_bp": float(mc["estimate_bp"].mean()),
        "bias_bp": bias,
        "bias_pct_of_effect": float(100 * bias / planted) if planted else float("nan"),
        "rmse_bp": float(np.sqrt(np.mean((mc["estimate_bp"] - planted) ** 2))),
        "mean_se_bp": float(mc["se_bp"].mean()),
        "sd_estimate_bp": float(mc["estimate_bp"].std(ddof=1)) if len(mc) > 1 else float("nan"),
        "coverage_95": float(mc["covers"].mean()),
        "placebo_mean_bp": float(mc["placebo_bp"].mean()),
        "placebo_rejection_5pct": float(mc["placebo_reject"].mean()),
        "naive_mean_bp": float(mc["naive_bp"].mean()),
    }


def criteria(summary: dict) -> dict:
    """The Monte Carlo's pass criteria on a :func:`summarise_monte_carlo` summary: bias below 5% of the planted
    effect, 95% coverage in [0.93, 0.97], placebo rejection at 5% within [0.02, 0.08]."""
    return {
        "bias_below_5pct": abs(summary["bias_pct_of_effect"]) < 5,
        "coverage_in_0.93_0.97": 0.93 <= summary["coverage_95"] <= 0.97,
        "placebo_rejection_within_0.02_0.08": 0.02 <= summary["placebo_rejection_5pct"] <= 0.08,
    }
