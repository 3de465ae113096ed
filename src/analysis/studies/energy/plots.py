"""Figures of the energy-price study. Each takes the data and returns a matplotlib figure; the notebook saves it
with :func:`analysis.core.figures.save` (caption, source, simulated label)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.core.figures import PALETTE, REPORT_WIDTH_IN

COLOURS = {"households": "blue", "firms": "orange"}


def _months(index) -> pd.DatetimeIndex:
    """``YYYY-MM`` labels as the first day of each month, for a time axis."""
    return pd.PeriodIndex(index, freq="M").to_timestamp()


def _zero_line(ax):
    ax.axhline(0, color="black", lw=0.6)


def inflation_germany(yoy: pd.Series, electricity: pd.Series, firm_mean: pd.Series):
    """HICP all items and electricity (y/y %) and firms' mean expected inflation, 2019-2023, with the study's
    treatment window shaded. Series indexed by ``YYYY-MM``."""
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.7))
    window = yoy.loc["2019-01":"2023-12"]
    ax.plot(_months(window.index), window.to_numpy(), label="HICP all items, y/y %", color=PALETTE["blue"], lw=2)
    elec = electricity.loc["2019-01":"2023-12"]
    ax.plot(_months(elec.index), elec.to_numpy(), label="HICP electricity (CP0451), y/y %", color=PALETTE["orange"])
    fm = firm_mean.dropna().loc[:"2023-12"]
    ax.plot(_months(fm.index), fm.to_numpy(), label="firms' expected inflation, "
            "12 months ahead (BOP-F mean)", color=PALETTE["green"], ls="--")
    ax.axvspan(pd.Timestamp("2021-09-01"), pd.Timestamp("2022-04-30"), color="#eeeeee", zorder=0,
               label="study's treatment window (Sep 2021-Apr 2022)")
    _zero_line(ax)
    ax.set_ylabel("percent")
    ax.set_title("German inflation, electricity prices and firms' expectations, 2019-2023")
    ax.legend(loc="upper left", fontsize=8)
    return fig


def bjs_vs_twfe(het):
    """Event study on df_het (a :class:`analysis.studies.energy.reference.DfHet`): BJS estimates and the dynamic
    TWFE regression (95% CIs) against the true average effect by event time; the title compares the overall
    estimates."""
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.7))
    es_true = het.true_event_study()
    ax.plot(es_true.index, es_true.to_numpy(), color="black", lw=1.5, label="true average effect")
    bj = pd.concat([het.bjs.pretrends, het.bjs.event_study])
    ax.errorbar(bj["horizon"] - 0.15, bj["estimate"], yerr=1.96 * bj["se"], fmt="o", ms=3.5, capsize=0,
                color=PALETTE["blue"], label="BJS imputation (95% CI)")
    es = het.twfe_es
    ax.errorbar(es["horizon"] + 0.15, es["estimate"], yerr=1.96 * es["se"], fmt="s", ms=3.5, capsize=0,
                color=PALETTE["red"], label="two-way fixed effects, dynamic (95% CI)")
    _zero_line(ax)
    ax.axvline(-0.5, color="grey", lw=0.6, ls=":")
    ax.set_xlabel("years since treatment")
    ax.set_ylabel("effect on outcome")
    ax.set_title(f"Reference panel: average effect {het.truth:.2f}; BJS {het.bjs.overall.estimate:.2f}, static TWFE "
                 f"{het.twfe_static.estimate:.2f}")
    ax.legend(fontsize=8)
    return fig


def treated_share(curves: dict):
    """Cumulative % of respondents hit, by month; `curves` maps households/firms to (share by month, never-hit
    share) as :func:`analysis.studies.energy.estimates.exposure` returns them."""
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.6))
    for name, (cum, never) in curves.items():
        label = f"{name}: {100 * (1 - never):.0f}% hit by April 2022" if np.isfinite(never) else name
        ax.plot(_months(cum.index), 100 * cum.to_numpy(), marker="o", ms=3.5, color=PALETTE[COLOURS[name]],
                label=label)
    ax.set_ylabel("% of respondents whose energy price has risen")
    ax.set_ylim(0, 100)
    ax.set_title("Who had an energy price increase, by month")
    ax.legend()
    return fig


def event_study(dyn: dict):
    """Households beside firms: per-1% effect (bp) by month since the increase with 95% bands; `dyn` maps each
    group estimated to its table (:func:`analysis.studies.energy.estimates.dynamics`)."""
    fig, axes = plt.subplots(1, 2, figsize=(REPORT_WIDTH_IN, 3.5), sharey=True)
    for ax, name in zip(axes, ("households", "firms")):
        if name in dyn:
            d = dyn[name]
            ax.fill_between(d["horizon"], d["ci_low"], d["ci_high"], color=PALETTE[COLOURS[name]], alpha=0.2, lw=0)
            ax.plot(d["horizon"], d["estimate"], marker="o", ms=3, color=PALETTE[COLOURS[name]])
        _zero_line(ax)
        ax.axvline(-0.5, color="grey", lw=0.6, ls=":")
        ax.set_title(name)
        ax.set_xlabel("months since own energy price increase")
    axes[0].set_ylabel("basis points per 1% price increase")
    fig.suptitle("Expected inflation after an energy price increase\n(95% bands; leads relative to month -4)",
                 fontsize=10, fontweight="bold", x=0.01, ha="left")
    return fig


def dose_response(tables: dict):
    """Households' per-1% effect (bp, 95% CI) by month since the increase, one series per side of the threshold
    (`tables`: label → table in pp, :func:`analysis.studies.energy.estimates.dose_response`)."""
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.6))
    for (lab, d), colour, off in zip(tables.items(), ("sky", "red"), (-0.12, 0.12)):
        ax.errorbar(d["horizon"] + off, 100 * d["estimate"], yerr=196 * d["se"], fmt="o-", ms=3.5, lw=1,
                    color=PALETTE[colour], label=lab)
    _zero_line(ax)
    ax.set_xlabel("months since own electricity price increase")
    ax.set_ylabel("basis points per 1% price increase")
    ax.set_title("Households: large increases last, small ones fade")
    ax.legend()
    return fig


def heterogeneity(het: pd.DataFrame, pooled_bp: float | None = None):
    """Households' per-1% slopes by group (bp, 95% CI), first group on top; with `pooled_bp`, a dashed line at the
    pooled effect (the planted one on simulated panels)."""
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.6))
    yy = np.arange(len(het))[::-1]
    ax.errorbar(het["estimate"], yy, xerr=1.96 * het["se"], fmt="o", color=PALETTE["blue"], capsize=0)
    ax.set_yticks(yy, het["label"])
    ax.axvline(0, color="black", lw=0.6)
    if pooled_bp is not None:
        ax.axvline(pooled_bp, color="grey", ls="--", lw=0.8, label=f"pooled effect ({pooled_bp:g} bp)")
        ax.legend(loc="center right")
    ax.set_xlabel("basis points per 1% price increase (95% CI)")
    ax.set_title("Households: who extrapolates from their own energy bill")
    return fig


def monte_carlo(mc: pd.DataFrame, summary: dict):
    """Histograms of the BJS per-1% estimates over the Monte Carlo's panels with the planted effect and over the
    placebo panels (:func:`analysis.studies.energy.montecarlo.monte_carlo`, its summary)."""
    fig, axes = plt.subplots(1, 2, figsize=(REPORT_WIDTH_IN, 3.4))
    planted = mc.attrs["planted_bp"]
    axes[0].hist(mc["estimate_bp"], bins=20, color=PALETTE["blue"], alpha=0.8, label="BJS imputation")
    axes[0].axvline(planted, color="black", lw=1.2, label=f"planted {planted} bp")
    axes[0].set_title("Estimates with\nthe planted effect")
    axes[0].set_xlabel("bp per 1% price increase")
    axes[0].legend(fontsize=8, frameon=True, framealpha=0.9, edgecolor="white")  # over the bars: keep it legible
    axes[1].hist(mc["placebo_bp"], bins=20, color=PALETTE["green"], alpha=0.8, label="BJS, placebo panels")
    axes[1].axvline(0, color="black", lw=1.2)
    axes[1].set_title(f"Placebo (no effect):\n{100 * summary['placebo_rejection_5pct']:.0f}% rejected at 5%")
    axes[1].set_xlabel("bp per 1% price increase")
    axes[1].legend(fontsize=8, frameon=True, framealpha=0.9, edgecolor="white")
    fig.suptitle(f"Monte Carlo, {len(mc)} replications;\nnaive before/after averages {summary['naive_mean_bp']:.1f} bp",
                 fontsize=10, fontweight="bold", x=0.01, ha="left")
    return fig
