"""Monte Carlo of the energy design: simulated household panels (:mod:`.simulate`) through the BJS estimator."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.estimators import did_imputation as di
from analysis.studies.energy.simulate import aggregate_path, household_grid, month_codes, parameter_value

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
        panel = GridPanel(household_grid(np.random.default_rng(int(s1)), n, effect_bp, agg))
        est = panel.slope_bp()
        pe = GridPanel(household_grid(np.random.default_rng(int(s2)), n, 0.0, agg)).slope_bp()
        rows.append({"rep": r, "estimate_bp": est.estimate, "se_bp": est.se, "covers": est.covers(effect_bp),
                     "placebo_bp": pe.estimate, "placebo_se_bp": pe.se,
                     "placebo_reject": abs(pe.estimate / pe.se) > 1.959963984540054,
                     "naive_bp": 100 * panel.naive_before_after()})
    out = pd.DataFrame(rows)
    out.attrs["planted_bp"] = effect_bp
    return out


class GridPanel:
    """One simulated household panel (:func:`.simulate.household_grid`, months × households) and the two estimates
    the Monte Carlo takes from it. The grid holds exactly the rows of :func:`.simulate.household_arrays` with the
    same draws: the estimates are those of :func:`analysis.estimators.did_imputation.imputation_fit` and
    :func:`analysis.studies.energy.naive_before_after` on its table, without the checks and tables a panel that is
    valid by construction does not need."""

    def __init__(self, grid: dict):
        self.y, self.answered = grid["y"], grid["answered"]
        month = month_codes(tuple(grid["months"]))
        # row of each household's first treated month; never treated: past the last row
        self.first = np.where(grid["cohort"] > 0, np.searchsorted(month, grid["cohort"]), len(month))
        self.dose = grid["dose"]
        self.cells = {"income_group": grid["income"], "inflation_knowledge": grid["informed"]}

    def slope_bp(self) -> di.Estimate:
        """The pooled BJS per-1% slope (bp), variance cells :data:`MC_AUX_BY` (the grid estimator always crosses
        the household cells with the horizon)."""
        return di.slope_on_grid(self.y, self.answered, self.first, self.dose,
                                unit_cells=[self.cells[c] for c in MC_AUX_BY if c != "horizon"]).scaled(100)

    def naive_before_after(self) -> float:
        """The naive before/after per-1% slope (pp): mean after minus mean before each treated household's
        increase, on its dose through the origin (households seen on both sides)."""
        treated_unit = self.first < self.y.shape[0]
        after = self.answered & (np.arange(self.y.shape[0])[:, None] >= self.first[None, :])
        before = self.answered & ~after
        n_after, n_before = after.sum(axis=0), before.sum(axis=0)
        both = treated_unit & (n_after > 0) & (n_before > 0)
        d = (self.y * after).sum(axis=0)[both] / n_after[both] - (self.y * before).sum(axis=0)[both] / n_before[both]
        p = self.dose[both]
        return float(p @ d / (p @ p))


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
