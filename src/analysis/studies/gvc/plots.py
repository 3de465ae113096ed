"""Figures of the Mexico GVC study: the column's Figures 1-3 rebuilt, and the Monte Carlo distribution."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from analysis.core.figures import PALETTE, REPORT_WIDTH_IN
from analysis.estimators.triple_difference import BASE_YEAR, EXPOSURE, EventStudy
from analysis.studies.gvc import OUTCOMES


def _truth_lookup(truth: pd.DataFrame | None, outcome: str, group: str, exposure: str) -> pd.Series | None:
    if truth is None:
        return None
    t = truth[(truth["outcome"] == outcome) & (truth["group"] == group) & (truth["exposure"] == exposure)]
    return t.set_index("year")["truth"] if len(t) else None


def _band(ax, t: pd.DataFrame, color: str, label: str, offset: float = 0.0, truth: pd.Series | None = None,
          truth_label: str = "planted"):
    t = t.sort_values("year")
    x = t["year"].to_numpy() + offset
    ax.fill_between(x, t["ci_low"], t["ci_high"], color=color, alpha=0.18, linewidth=0)
    ax.plot(x, t["estimate"], "o-", color=color, label=label, markersize=4)
    if truth is not None:
        ax.plot(truth.index.to_numpy() + offset, truth.to_numpy(), linestyle="none", marker="_", markersize=14,
                color=color, markeredgewidth=2, label=truth_label)


def plot_event_study(es: EventStudy, outcome: str = "ln_exports_us", exposure: str = EXPOSURE,
                     truth: pd.DataFrame | None = None, base_year: int = BASE_YEAR):
    """The column's Figure 1: yearly effect on non-GVC firms and the GVC differential, with 95% CIs."""
    import matplotlib.pyplot as plt


    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.7))
    t = es.table[(es.table["outcome"] == outcome) & (es.table["exposure"] == exposure)]
    for grp, color, label, short, off in (
            ("non_gvc", PALETTE["blue"], "Non-GVC firms", "non-GVC", -0.06),
            ("gvc_differential", PALETTE["purple"], "GVC firms: additional effect", "GVC additional", 0.06)):
        _band(ax, t[t["group"] == grp], color, label, off, _truth_lookup(truth, outcome, grp, exposure),
              f"planted, {short}")
    _event_axes(ax, base_year, OUTCOMES.get(outcome, (outcome,))[0])
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title("US tariffs on China and Mexican firms' exports to the US")
    return fig


def _event_axes(ax, base_year: int, ylabel: str):
    ax.axhline(0, color="#555555", linewidth=0.8)
    ax.axvline(base_year + 0.5, color="#999999", linestyle="--", linewidth=0.8)
    ax.set_xlabel("Year (base year %d)" % base_year)
    ax.set_ylabel(f"{ylabel}: p75 vs p25 exposure\n(log points)")


def plot_outcomes(es: EventStudy, exposure: str = EXPOSURE, truth: pd.DataFrame | None = None,
                  group: str = "manufacturing_gvc", base_year: int = BASE_YEAR):
    """The column's Figure 2: yearly DiD effects on the four outcomes (manufacturing GVC firms), 95% CIs."""
    import matplotlib.pyplot as plt


    outcomes = [o for o in OUTCOMES if o in set(es.table["outcome"])]
    fig, axes = plt.subplots(2, 2, figsize=(REPORT_WIDTH_IN, 5), sharex=True)
    for ax, out in zip(axes.ravel(), outcomes):
        t = es.table[(es.table["outcome"] == out) & (es.table["exposure"] == exposure)]
        _band(ax, t, PALETTE["purple"], "Estimate, 95% CI", 0.0, _truth_lookup(truth, out, group, exposure))
        ax.axhline(0, color="#555555", linewidth=0.8)
        ax.axvline(base_year + 0.5, color="#999999", linestyle="--", linewidth=0.8)
        label, scale = OUTCOMES[out]
        ax.set_title(textwrap.fill(f"{label} ({'log' if scale == 'log' else 'asinh'})", 30), fontsize=9)
    for ax in axes.ravel()[len(outcomes):]:
        ax.set_visible(False)
    axes[0, 0].legend(fontsize=8, loc="upper left")
    fig.supylabel("p75 vs p25 exposure (log points)", fontsize=9)
    return fig


def plot_sectors(effects: pd.DataFrame, truth: pd.DataFrame | None = None):
    """The column's Figure 3: average 2018–2021 effect on exports to the US by sector group, 95% CIs."""
    import matplotlib.pyplot as plt


    e = effects.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.6))
    y = np.arange(len(e))
    colors = [PALETTE["grey"] if s.startswith("All") else PALETTE["purple"] for s in e["sector"]]
    ax.barh(y, e["estimate"], color=colors, alpha=0.75, height=0.6)
    ax.errorbar(e["estimate"], y, xerr=[e["estimate"] - e["ci_low"], e["ci_high"] - e["estimate"]], fmt="none",
                ecolor="#333333", capsize=3, linewidth=1)
    if truth is not None:
        tv = e["sector"].map(truth.set_index("sector")["truth"])
        ax.plot(tv, y, "D", color=PALETTE["orange"], markersize=5, label="planted")
        ax.legend(fontsize=8, loc="lower right")
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.set_yticks(y, e["sector"])
    ax.set_xlabel("Average 2018–21 effect on exports to the US,\np75 vs p25 exposure (log points)")
    ax.set_title("Manufacturing GVC firms by sector")
    return fig


def plot_monte_carlo(draws: pd.DataFrame, year: int = 2019):
    """Distribution of the replications' estimates (planted and placebo) against the planted value."""
    import matplotlib.pyplot as plt


    d = draws[(draws["year"] == year) & (draws["group"] == "manufacturing_gvc") & (draws["exposure"] == EXPOSURE)]
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.4))
    # placebo as an outline: filled grey and purple merge for a deuteranope
    for out, color, label, style in (("ln_exports_us", PALETTE["purple"], "planted effect", {"alpha": 0.6}),
                                     ("placebo", PALETTE["black"], "placebo (no effect)",
                                      {"histtype": "step", "linewidth": 1.2})):
        x = d.loc[d["outcome"] == out, "estimate"]
        ax.hist(x, bins=25, color=color, label=f"{label}: {len(x)} replications", **style)
        ax.axvline(d.loc[d["outcome"] == out, "truth"].mean(), color=color, linestyle="--", linewidth=1.5)
    ax.set_xlabel(f"Estimated {year} effect, manufacturing GVC firms,\np75 vs p25 exposure (log points)")
    ax.set_ylabel("replications")
    ax.legend(fontsize=8, frameon=True, framealpha=1, edgecolor="white")  # opaque: the zero line runs under it
    ax.set_title("Monte Carlo: estimates around the planted value")
    return fig

