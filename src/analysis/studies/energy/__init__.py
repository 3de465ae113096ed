"""The energy-price study (Wehrhöfer 2023): the panels (a user's, read and checked, or simulated) and the release
plan.

The estimator is :mod:`analysis.estimators.did_imputation`; the simulated panels are in :mod:`.simulate` (a pure
data-generating process), the public inflation data in :mod:`.inflation`, the estimator's proof on reference data
in :mod:`.reference`, the estimates on a panel in :mod:`.estimates`, the Monte Carlo in :mod:`.montecarlo`, the
figures in :mod:`.plots`.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.core import data, paths
from analysis.core.release import Plan
from analysis.estimators import did_imputation as di
from analysis.studies.energy import simulate

ENERGY_SCHEMA = "energy_panel"
LEADS = 12
"""Placebo leads (months before the increase) of the BJS pre-trend test."""


def read_energy_panel(path) -> pd.DataFrame:
    """Read and validate a user's panel against ``data/schemas/energy_panel.schema.json`` (CSV or Parquet).

    Beyond the schema (types, required, enums, ranges, one row per ``unit_id`` × ``period``; checked by
    :func:`analysis.core.data.read_user_table`) it checks the design's rules: months written ``YYYY-MM``; a treated
    respondent has one ``treatment_period`` and one positive ``price_increase_pct``, a never-treated one neither;
    ``respondent`` constant within ``unit_id``. Any violation raises :class:`analysis.core.data.DataError` naming the
    file, row (1 = first data row), column and rule — before anything is estimated.
    """
    schema = json.loads((paths.DATA / "schemas" / f"{ENERGY_SCHEMA}.schema.json").read_text(encoding="utf-8"))
    frame = data.read_user_table(path, schema)
    label = data.file_label(Path(path))
    problems: list = []

    def flag(mask, column, rule, message):
        for i in np.flatnonzero(np.asarray(mask))[:20]:
            problems.append(data.Problem(label, rule, message(i), int(i) + 1, column))

    month = r"^\d{4}-(0[1-9]|1[0-2])$"
    per = frame["period"].astype("string")
    flag(~per.str.match(month).fillna(False), "period", "pattern",
         lambda i: f"value {per.iloc[i]!r} is not a month written YYYY-MM")
    tp = frame["treatment_period"].astype("string")
    has_tp = tp.notna() & (tp.str.strip() != "")
    flag(has_tp & ~tp.str.match(month).fillna(False), "treatment_period", "pattern",
         lambda i: f"value {tp.iloc[i]!r} is not a month written YYYY-MM (or empty for never treated)")
    dose = frame["price_increase_pct"]
    flag(has_tp & dose.isna(), "price_increase_pct", "missing-value",
         lambda i: "treated respondent (treatment_period set) without price_increase_pct")
    flag(has_tp & (dose <= 0), "price_increase_pct", "constraint-error",
         lambda i: f"price increase {dose.iloc[i]!r} must be > 0 for a treated respondent")
    flag(~has_tp & dose.notna(), "price_increase_pct", "constraint-error",
         lambda i: "price_increase_pct given but treatment_period empty")
    for col in ("treatment_period", "price_increase_pct", "respondent"):
        key = frame[col].astype("string").fillna("")
        first = key.groupby(frame["unit_id"]).transform("first")
        differs = pd.Series((key != first).to_numpy())
        once = differs & ~pd.Series(frame["unit_id"].to_numpy()).where(differs).duplicated()  # first per unit
        flag(once.to_numpy(), col, "not-constant",
             lambda i, col=col, key=key, first=first: f"{col} {str(key.iloc[i])!r} differs from {str(first.iloc[i])!r} "
             f"in an earlier row of unit_id {frame['unit_id'].iloc[i]!r} (must be constant within a respondent)")
    if problems:
        raise data.DataError(problems)
    return frame


def plan_energy(frames: dict, *, min_count: int = 10, large_threshold_pct: float = 25.0, leads: int = LEADS):
    """The design's requirements, checked on the energy panel before anything is estimated.

    `frames` maps ``"households"`` / ``"firms"`` to an estimation frame (``analysis.studies.energy.simulate.
    estimation_frame``: integer month ``t``, first treated month ``g`` (0 = never), ``unit``) or None. For each
    group the imputation needs at least ``max(min_count, 2)`` respondents whose increase falls inside the sample
    *and* can be compared with respondents not (yet) hit in the same months — never a panel where every increase
    precedes the sample or where nobody is left untreated after the last increase. The dose-response split needs
    enough increases on each side of `large_threshold_pct`; the pre-trend test enough respondents observed before
    their increase; heterogeneity columns (income, knowledge) and the firms' output prices are used only if filled.
    Increases that look like fractions (median ≤ 1, i.e. a typical increase under 1%) get a warning: the unit is
    percent.

    Returns an :class:`analysis.core.release.Plan` (``can("households")``, ``reason("firms")``, ...). Raises
    :class:`analysis.core.release.DesignError` if neither households nor firms can be estimated, naming why.
    """
    need = max(int(min_count), 2)
    plan = Plan("the energy panel", minimum=int(min_count))
    for name, f in frames.items():
        if f is None or len(f) == 0:
            plan.add(name, False, f"the panel has no {name}")
            continue
        g, t = f["g"].to_numpy(float), f["t"].to_numpy()
        units = f["unit"].to_numpy()
        treated = (g > 0) & (t >= g)
        dose = f["price_increase_pct"].to_numpy(float)
        doses = dose[(g > 0) & np.isfinite(dose)]
        if doses.size and np.median(doses) <= 1.0:
            plan.warn(f"{name}: the price increases look like fractions (median {np.median(doses):.3g}, largest "
                      f"{doses.max():.3g}); the unit is percent — 38.8 for a 38.8% increase. Given as fractions, "
                      "every per-1% estimate is 100 times too large.")
        n_units = pd.unique(units).size
        untreated_units = set(pd.unique(units[~treated]))
        untreated_times = set(pd.unique(t[~treated]))
        imputable = treated & np.isin(units, list(untreated_units)) & np.isin(t, list(untreated_times))
        n_imputable = pd.unique(units[imputable]).size
        n_treated = pd.unique(units[g > 0]).size
        before = (g > 0) & (g <= t.min())
        if n_units < need:
            why = f"fewer than {need} {name}"
        elif n_treated == 0:
            why = f"no {name} with an energy price increase in the sample (treatment_period empty throughout)"
        elif n_imputable == 0 and pd.unique(units[before]).size == n_treated:
            why = (f"every {name[:-1]}'s increase precedes the sample, so no untreated month shows its level "
                   "without the increase")
        elif n_imputable == 0:
            why = (f"no {name[:-1]} is untreated in the months after the increases (no never-treated or "
                   "not-yet-treated comparison), so those months' common effect cannot be separated")
        elif n_imputable < need:
            why = f"fewer than {need} treated {name} can be compared with untreated ones in the same months"
        else:
            why = ""
        plan.add(name, not why, why)
        left_out = int(treated.sum() - imputable.sum())
        if plan.can(name) and left_out:
            plan.notes.append(f"{name}: {left_out:,} treated observations have no untreated comparison (their "
                              "respondent or month has no untreated observation) and are left out, as in BJS")
        rel = np.where(g > 0, t - g, 0)
        pre = (~treated) & (g > 0) & (rel >= -leads)
        plan.add(f"{name}: pre-trend test", plan.can(name) and pd.unique(units[pre]).size >= need,
                 plan.reason(name) or f"fewer than {need} {name} observed in the {leads} months before their increase")
        if name == "households":
            tr_doses = pd.Series(dose[imputable], index=units[imputable]).groupby(level=0).first()
            n_large = int((tr_doses >= large_threshold_pct).sum())
            n_small = int((tr_doses < large_threshold_pct).sum())
            for label, k in (("large increases", n_large), ("small increases", n_small)):
                side = ">=" if label.startswith("large") else "<"
                plan.add(f"households: {label}", plan.can(name) and k >= need, plan.reason(name) or
                         f"fewer than {need} households with an increase {side} {large_threshold_pct:g}%")
            for col in ("income_group", "inflation_knowledge"):
                filled = f[col].notna() & (f[col].astype("string").str.strip() != "") if col in f else None
                plan.add(f"households: by {col.replace('_', ' ')}", plan.can(name) and filled is not None
                         and bool(filled.any()), plan.reason(name) or f"the panel's {col} column is empty")
        if name == "firms":
            col = "output_price_change_pct"
            k = pd.unique(units[imputable & f[col].notna().to_numpy()]).size if col in f else 0
            plan.add("firms: pass-through", plan.can(name) and k >= need,
                     plan.reason(name) or f"output-price changes observed for fewer than {need} treated firms")
    parts = {"households": ("pre-trend test", "large increases", "small increases", "by income group",
                            "by inflation knowledge"), "firms": ("pre-trend test", "pass-through")}
    for name in frames:  # a group that is absent takes its reason to each of its estimates
        for part in parts.get(name, ()):
            if f"{name}: {part}" not in plan.checks:
                plan.add(f"{name}: {part}", False, plan.reason(name))
    plan.require_any(list(frames))
    return plan


def split_respondents(panel: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The households' rows and the firms' rows of a panel (column ``respondent``), each re-indexed from 0."""
    return tuple(panel.loc[panel["respondent"] == r].reset_index(drop=True) for r in ("household", "firm"))


def simulated_panels(seed: int, n_households: int, n_firms: int) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Simulated household (seed `seed`) and firm (seed `seed` + 1) panels on the German HICP path, and the
    source note that labels what is drawn from them."""
    agg = simulate.aggregate_path()
    households = simulate.simulate_households(seed, n_units=n_households, aggregate=agg)
    firms = simulate.simulate_firms(seed + 1, n_units=n_firms, aggregate=agg)
    note = (f"simulated panels (analysis.studies.energy.simulate, seeds {seed} and {seed + 1}) calibrated to "
            "Wehrhöfer (2023/2024) and German HICP")
    return households, firms, note


def plan_panels(households: pd.DataFrame, firms: pd.DataFrame, *, min_count: int, large_threshold_pct: float):
    """Estimation frames of both panels and the design plan (:func:`plan_energy`) checked on them.

    Returns ``(households, firms, plan)``; a frame is None when its panel is empty or the plan rules it out.
    """
    frames = {"households": estimation_frame(households) if len(households) else None,
              "firms": estimation_frame(firms) if len(firms) else None}
    plan = plan_energy(frames, min_count=min_count, large_threshold_pct=large_threshold_pct)
    return (*(f if plan.can(name) else None for name, f in frames.items()), plan)


def estimation_frame(panel: pd.DataFrame) -> pd.DataFrame:
    """Integer month ``t``, treatment month ``g`` (0 = never) and ``unit`` codes for the estimators."""
    out = panel.copy()
    out["t"] = di.month_index(out["period"])
    tp = out["treatment_period"].fillna("").astype(str)
    out["g"] = 0
    has = tp != ""
    out.loc[has, "g"] = di.month_index(tp[has])
    out["unit"] = pd.factorize(out["unit_id"])[0]
    out["h"] = np.where(out["g"] > 0, out["t"] - out["g"], np.iinfo(np.int64).min)
    return out


def naive_before_after(frame: pd.DataFrame, outcome: str = "expected_inflation_pct",
                       intensity: str = "price_increase_pct") -> float:
    """Per-1% effect from a naive before/after comparison of treated units (no control group).

    For each treated unit the mean outcome after minus before its increase, regressed on its % increase through
    the origin. Absorbs the aggregate inflation path, so it is badly biased when inflation moves.
    """
    units = pd.factorize(frame["unit"], sort=True)[0]  # sorted: units summed in the order of their labels
    return _naive_slope(units, frame["t"].to_numpy(), frame["g"].to_numpy(float), frame[outcome].to_numpy(float),
                        frame[intensity].to_numpy(float))


def _naive_slope(unit: np.ndarray, t: np.ndarray, g: np.ndarray, y: np.ndarray, dose: np.ndarray) -> float:
    """:func:`naive_before_after` on arrays (unit codes ``0 … n − 1``, month ``t``, first treated month ``g``, 0 =
    never): units observed both before and after their increase, in code order; each unit's dose is its first
    treated row's."""
    tr = g > 0
    u, post, yy = unit[tr], t[tr] >= g[tr], y[tr]
    n = int(unit.max()) + 1 if len(unit) else 0
    n_post = np.bincount(u[post], minlength=n)
    n_pre = np.bincount(u[~post], minlength=n)
    both = (n_post > 0) & (n_pre > 0)
    mean_post = np.bincount(u[post], yy[post], n)[both] / n_post[both]
    mean_pre = np.bincount(u[~post], yy[~post], n)[both] / n_pre[both]
    first_dose = np.zeros(n)
    first_dose[u[::-1]] = dose[tr][::-1]  # the last write wins: each unit's first treated row
    p = first_dose[both]
    d = mean_post - mean_pre
    return float(p @ d / (p @ p))
