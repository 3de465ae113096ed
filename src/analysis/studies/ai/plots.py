"""Figures of the AI training-cost study (notebook 05): functions that take data and fits and return a figure.

:func:`analysis.core.figures.save` writes them; nothing here reads or writes files.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from analysis.core.figures import REPORT_WIDTH_IN, legend_below
from analysis.estimators.growth import GrowthFit


def _halo():
    """A white outline under text drawn over lines and bands, so the lines never cross the letters."""
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=2.5, foreground="white")]


def _tint(colour, strength: float) -> str:
    """`colour` mixed with white: ``strength`` 1 is the colour itself, 0 is white."""
    from matplotlib.colors import to_hex, to_rgb

    return to_hex([strength * v + (1 - strength) for v in to_rgb(colour)])


def _money(v: float) -> str:
    for unit, scale in (("tn", 1e12), ("bn", 1e9), ("m", 1e6)):
        if v >= scale:
            return f"{v / scale:g}{unit}"
    return f"{v:g}"


# ----------------------------------------------------------------------------------------------- figures
def _year_ticks(ax):
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def plot_cost_trends(groups: list[dict], *, level: float = 0.90, ylabel: str = "Training cost (2023 USD)"):
    """Log-scale scatter of each group's models with its fitted line and the line's confidence band.

    Each group is a dict with ``fit`` (GrowthFit), ``years``, ``values``, ``color``, ``marker`` and optionally
    ``labels`` (model names to annotate). Returns the matplotlib figure.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 5.0))
    handles = []
    x_all = np.concatenate([np.asarray(g["years"], dtype=float) for g in groups])
    x_lo, x_hi = float(x_all.min()), float(x_all.max())
    for g in groups:
        f, marker = g["fit"], g.get("marker", "o")
        ax.scatter(g["years"], g["values"], s=g.get("size", 22), color=g["color"], marker=marker,
                   alpha=0.75, edgecolor="white", linewidth=0.4, zorder=3)
        grid = np.linspace(f.year_min, f.year_max, 100)
        p = f.predict(grid, level)
        ax.plot(grid, 10 ** p["fit"], color=g["color"], lw=2, zorder=4)
        ax.fill_between(grid, 10 ** p["ci_low"], 10 ** p["ci_high"], color=g["color"], alpha=0.15, lw=0)
        # the legend shows each set's marker with its line
        handles.append(Line2D([], [], color=g["color"], lw=2, marker=marker, markersize=6, markeredgecolor="white",
                              label=f"{f.label}: {f.factor_per_year:.1f}×/yr (n={f.n})"))
        trend = f.predict(np.asarray(g["years"], dtype=float), level)["fit"]
        for name, x, y, on_line in zip(g.get("labels", []), g["years"], g["values"], trend):
            if not name:
                continue
            # above a point that lies above its trend line, below one under it: away from the line
            above = np.log10(y) >= on_line
            edge = (x - x_lo) / max(x_hi - x_lo, 1e-9)
            ha = "right" if edge > 0.85 else "left" if edge < 0.15 else "center"
            ax.annotate(name, (x, y), xytext=(0, 6 if above else -6), textcoords="offset points", fontsize=8,
                        color=g["color"], ha=ha, va="bottom" if above else "top", zorder=6, path_effects=_halo())
    ax.set_yscale("log")
    ax.set_ylabel(ylabel)
    ax.set_xlabel("Publication date")
    _year_ticks(ax)
    ax.legend(handles=handles, loc="upper left")
    ax.set_title(f"Training cost of AI models (log scale), fitted trends with {int(100 * level)}% CI")
    return fig


def forest_plot(fits: list[GrowthFit], *, level: float = 0.95, reference: dict | None = None,
                colors: list[str] | None = None):
    """Growth factor per year of each fit with its HC-robust and bootstrap intervals (log x axis).

    `reference` = {"label", "estimate", "low", "high"} adds a published estimate (e.g. Cottier et al. 2024).
    """
    import matplotlib.pyplot as plt

    rows = list(fits)
    n = len(rows) + (1 if reference else 0)
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 0.5 * n + 1.6))
    for i, f in enumerate(rows):
        yv = n - 1 - i
        c = colors[i] if colors else "#0072B2"
        lo, hi = f.factor_ci(level, "robust")
        blo, bhi = f.factor_ci(level, "bootstrap")
        ax.plot([lo, hi], [yv + 0.12] * 2, color=c, lw=2.2, solid_capstyle="butt")
        ax.plot([blo, bhi], [yv - 0.12] * 2, color=c, lw=2.2, ls=(0, (2, 1)), alpha=0.8)
        ax.plot(f.factor_per_year, yv, "o", color=c, ms=7, zorder=3)
        ax.annotate(f"{f.factor_per_year:.2f} [{lo:.2f}, {hi:.2f}]", (max(hi, bhi), yv), xytext=(6, -3),
                    textcoords="offset points", fontsize=8)
    labels = [textwrap.fill(f"{f.label} (n={f.n})", 26) for f in rows]
    if reference:
        ax.plot([reference["low"], reference["high"]], [0, 0], color="black", lw=2.2)
        ax.plot(reference["estimate"], 0, "D", color="black", ms=6)
        ax.annotate(f"{reference['estimate']:.1f} [{reference['low']:.1f}, {reference['high']:.1f}]",
                    (reference["high"], 0), xytext=(6, -3), textcoords="offset points", fontsize=8)
        labels.append(textwrap.fill(reference["label"], 26))
    ax.set_yticks(range(n - 1, -1, -1), labels)
    ax.set_xscale("log")
    ax.axvline(1, color="grey", lw=0.8)
    ax.set_xlabel(f"Growth factor per year (×), {int(100 * level)}% CI:\nsolid = HC-robust, dashed = bootstrap")
    ax.set_title("Growth per year, by the models fitted")
    ticks = [1, 1.5, 2, 3, 4, 6, 10]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.minorticks_off()
    return fig


def fan_chart(panels: list[dict], *, start: float, end: float = 2040.0, levels=(0.5, 0.8, 0.95),
              targets=(1e9, 1e10, 1e11, 1e12), ylim=(1e2, 1e15)):
    """Extrapolation fan: for each fit, the projected cost of a new frontier model with prediction intervals.

    Each panel dict has ``fit``, ``years``, ``values``, ``color`` and optionally ``offset`` (log10 shift of the
    dashed "largest run" line through the costliest model so far). Horizontal lines mark `targets`.
    """
    import matplotlib.pyplot as plt

    ncol = 2
    nrow = int(np.ceil(len(panels) / ncol))
    fig, axes = plt.subplots(nrow, ncol, figsize=(REPORT_WIDTH_IN, 2.9 * nrow + 0.9), sharey=True, squeeze=False)
    grid = np.linspace(start, end, 200)
    for ax, p in zip(axes.flat, panels):
        f, c = p["fit"], p["color"]
        # opaque tints, widest band palest: the legend shows exactly the shade drawn, and shades stay apart
        for k, lv in enumerate(sorted(levels, reverse=True)):
            band = f.predict(grid, lv)
            ax.fill_between(grid, 10 ** band["pi_low"], 10 ** band["pi_high"], color=_tint(c, 0.18 + 0.2 * k),
                            lw=0, label=f"{int(100 * lv)}% prediction interval")
        mid = f.predict(grid, 0.9)
        ax.plot(grid, 10 ** mid["fit"], color=c, lw=2, label="trend (a typical model of the set)")
        if p.get("offset"):
            ax.plot(grid, 10 ** (mid["fit"] + p["offset"]), color=c, lw=1.4, ls="--",
                    label="trend through the costliest model so far")
        ax.scatter(p["years"], p["values"], s=12, color=c, alpha=0.7, zorder=3)
        for t in targets:
            ax.axhline(t, color="grey", lw=0.7, ls=":")
            ax.annotate(_money(t).replace("bn", " bn").replace("tn", " tn"), (end, t), xytext=(-2, 2),
                        textcoords="offset points", ha="right", fontsize=8, color="#555555", path_effects=_halo())
        ax.set_yscale("log")
        ax.set_ylim(*ylim)
        ax.set_title("\n".join(textwrap.wrap(f"{f.label} ({f.factor_per_year:.1f}×/yr)", 34)), fontsize=9)
        ax.set_xlim(min(f.year_min, start) - 0.5, end)
        _year_ticks(ax)
    for ax in axes.flat[len(panels):]:
        ax.set_visible(False)
    # one legend for all panels, under them (inside a panel it covered the data)
    legend_below(fig, *axes.flat[0].get_legend_handles_labels(), ncol=2)
    for ax in axes[:, 0]:
        ax.set_ylabel("Training cost (2023 USD)")
    fig.suptitle(r"Extrapolating each trend: when would a training run cost \$1bn … \$1tn?", x=0.01, ha="left",
                 fontweight="bold")
    return fig


def table_figure(frame: pd.DataFrame, *, title: str, col_widths: list[float] | None = None,
                 wrap: dict[int, int] | None = None, header_wrap: int = 11):
    """A DataFrame drawn as a figure (for reports and the figure gallery); cells are shown as given (strings).

    The table is drawn at report width with 8-pt text: headers wrap at `header_wrap` characters and column ``i`` at
    ``wrap[i]`` characters, each row as tall as its longest cell."""
    import matplotlib.pyplot as plt

    wrap = wrap or {}
    header = ["\n".join(textwrap.wrap(str(c), header_wrap, break_long_words=False)) or str(c) for c in frame.columns]
    cells = [["\n".join(textwrap.wrap(v, wrap[j])) if j in wrap and v else v for j, v in enumerate(row)]
             for row in frame.astype(str).to_numpy().tolist()]
    lines = [max(v.count("\n") + 1 for v in row) for row in [header, *cells]]
    line_in, pad_in = 0.15, 0.09  # one 8-pt line; the padding of a row
    height = line_in * sum(lines) + pad_in * len(lines) + 1.0
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, height))
    ax.axis("off")
    tab = ax.table(cellText=cells, colLabels=header, loc="upper left", cellLoc="center", colLoc="center",
                   colWidths=col_widths)
    tab.auto_set_font_size(False)
    tab.set_fontsize(8)
    axes_h = ax.get_position().height * height
    for (r, c), cell in tab.get_celld().items():
        cell.set_height((line_in * lines[r] + pad_in) / axes_h)
        cell.set_edgecolor("#cccccc")
        if r == 0:
            cell.set_text_props(fontweight="bold")
            cell.set_facecolor("#eeeeee")
        if c == 0 and r > 0:
            cell.set_text_props(ha="left")
            cell._loc = "left"
    ax.set_title(title)
    return fig


def cost_trend_figure(fits: dict[str, GrowthFit], sets: dict, colors: dict, *, level: float = 0.90):
    """:func:`plot_cost_trends` of the brief's ten models (named), the AI Index models and Cottier et al.'s
    frontier sample; `sets` are :class:`analysis.studies.ai.models.ModelSet` by fit key, `colors` by fit key."""
    groups = []
    for key, marker in [("a_chart10_cloud", "s"), ("b_aiindex_cloud", "o"), ("c_frontier_amortized_cottier", "^")]:
        s, chart = sets[key], key == "a_chart10_cloud"
        groups.append({"fit": fits[key], "years": s.years, "values": s.values, "color": colors[key], "marker": marker,
                       "labels": s.names if chart else [], "size": 40 if chart else 20})
    return plot_cost_trends(groups, level=level)


def growth_table_figure(comparison: pd.DataFrame):
    """The fits side by side (:func:`analysis.studies.ai.trends.comparison_table`) as a figure."""
    return table_figure(comparison, title="Growth of AI training cost (a–c) and compute (d): the fits side by side",
                        col_widths=[0.245, 0.08, 0.115, 0.07, 0.14, 0.125, 0.11, 0.105], wrap={0: 22, 4: 11},
                        header_wrap=9)
