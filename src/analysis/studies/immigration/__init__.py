"""US immigration and border tables: consistency checks, tidy series and the figures of notebook 06.

The tables (``border_encounters_fy``, ``border_encounters_monthly``, ``border_removals_returns_fy``,
``immigration_executive_actions``, ``immigration_tps_actions`` ...) are described in ``data/datapackage.json``
and loaded with :func:`analysis.core.data.load`. This module only adds what the descriptor cannot say:

* :func:`check_fy_against_months` and :func:`check_components` — the fiscal-year totals must equal the sum of
  their months, and Title 8 + Title 42 (and USBP + OFO) must equal the "All" / CBP-total rows. They raise
  :class:`ImmigrationDataError` naming the file, row and column of the first offending values.
* :func:`monthly_series` / :func:`calendar_year_totals` — one monthly Southwest-border series on a stated basis.
* :func:`window_months` — the length of an inclusive legal window (e.g. 26 Nov 2022 - 25 May 2024) in months.
* :func:`administration` — who was president on a date.
* ``plot_*`` — the notebook's figures (they return the matplotlib figure; :func:`analysis.core.figures.save` writes it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from analysis.core import claims
from analysis.core.data import DataError, Problem

FY_FILE = "data/border_encounters_fy.csv"
MONTHLY_FILE = "data/border_encounters_monthly.csv"
KEY = ["fiscal_year", "region", "component", "title_of_authority"]

#: Inauguration days (20 January, 20th Amendment) that open each administration shown in the figures.
ADMINISTRATIONS = [("Clinton", date(1993, 1, 20)), ("Bush", date(2001, 1, 20)), ("Obama", date(2009, 1, 20)), ("Trump", date(2017, 1, 20)),
                   ("Biden", date(2021, 1, 20)), ("Trump", date(2025, 1, 20))]


class ImmigrationDataError(DataError):
    """A table is valid against its schema but inconsistent with another table (or with itself)."""


def administration(day) -> str:
    """The president in office on `day` (a date or ISO string) from 20 Jan 1993 on."""
    d = pd.Timestamp(day).date()
    if d < ADMINISTRATIONS[0][1]:
        raise ValueError(f"{d} is before {ADMINISTRATIONS[0][1]}: no administration listed")
    return [name for name, start in ADMINISTRATIONS if start <= d][-1]


# ----------------------------------------------------------------------------------------- consistency
@dataclass(frozen=True)
class Comparison:
    """Rows compared by a consistency check, and how many matched exactly."""

    table: pd.DataFrame
    n_compared: int
    n_equal: int


def check_fy_against_months(fy: pd.DataFrame, monthly: pd.DataFrame, *, fy_file: str = FY_FILE) -> Comparison:
    """Every preferred fiscal-year row with 12 months must equal the sum of its 12 preferred monthly rows.

    Rows of `fy` whose monthly counterpart is missing or incomplete (fewer than 12 months and no Title 42) are
    not compared. Raises ImmigrationDataError naming the fiscal-year file, row and the ``encounters`` column for
    every mismatch; returns the comparison otherwise.
    """
    pf = fy[fy["preferred"] == 1].copy()
    pf["data_row"] = pf.index + 1
    pm = monthly[monthly["preferred"] == 1]
    sums = pm.groupby(KEY, as_index=False).agg(monthly_sum=("encounters", "sum"), n_months=("fiscal_month", "nunique"))
    merged = pf.merge(sums, on=KEY, how="inner")
    # Title 42 exists only in some months of FY2020 and FY2023: a full year is all its months.
    full = (merged["n_months"] == 12) | (merged["title_of_authority"] == "Title 42")
    merged = merged[full]
    bad = merged[merged["encounters"] != merged["monthly_sum"]]
    if not bad.empty:
        raise ImmigrationDataError([
            Problem(fy_file, "fy-vs-months",
                    f"FY{r.fiscal_year} {r.component} {r.title_of_authority}: {r.encounters} != sum of months "
                    f"{r.monthly_sum}", int(r.data_row), "encounters") for r in bad.itertuples()])
    table = merged[KEY + ["encounters", "monthly_sum", "n_months", "source"]].reset_index(drop=True)
    return Comparison(table, len(merged), int((merged["encounters"] == merged["monthly_sum"]).sum()))


def check_components(table: pd.DataFrame, *, file: str = FY_FILE, by: list[str] | None = None) -> Comparison:
    """Within each source, Title 8 + Title 42 = All, and USBP + OFO = CBP total (preferred rows).

    `by` are the columns that identify a period (default: ``fiscal_year``; monthly tables add ``fiscal_month``).
    Raises ImmigrationDataError naming file, row and column for each total that its parts do not add up to.
    """
    by = by or ["fiscal_year"]
    t = table[table["preferred"] == 1].copy()
    t["data_row"] = t.index + 1
    problems, rows = [], []
    ident = by + ["region", "source"]
    checks = [("component", "title_of_authority", ["Title 8", "Title 42"], "All (Title 8 + Title 42)"),
              ("title_of_authority", "component", ["U.S. Border Patrol", "Office of Field Operations"],
               "CBP total (USBP + OFO)")]
    for fixed, varying, parts, whole in checks:
        # one row per period, source and fixed category; one column per part and the whole (absent = NaN)
        sub = t[t[varying].isin(parts + [whole])].dropna(subset=ident + [fixed])
        wide = sub.pivot(index=ident + [fixed], columns=varying, values=["encounters", "data_row"]).sort_index()
        counts = wide["encounters"].reindex(columns=parts + [whole])
        present = counts[parts].notna()
        usable = counts[whole].notna() & (present.all(axis=1) if varying == "component" else present.any(axis=1))
        got = counts.loc[usable, parts].fillna(0).sum(axis=1).astype("int64")
        want = counts.loc[usable, whole].astype("int64")
        whole_rows = wide["data_row"][whole][usable]
        for keys, g, w, row in zip(got.index, got, want, whole_rows):
            rows.append(dict(zip(ident + [fixed], keys), parts=int(g), total=int(w)))
            if g != w:
                problems.append(Problem(file, "components-sum",
                                        f"{' '.join(str(k) for k in keys)}: {' + '.join(parts)} = {g} != {whole} {w}",
                                        int(row), "encounters"))
    if problems:
        raise ImmigrationDataError(problems)
    out = pd.DataFrame(rows)
    return Comparison(out, len(out), int((out["parts"] == out["total"]).sum()) if len(out) else 0)


# ---------------------------------------------------------------------------------------------- series
def monthly_series(monthly: pd.DataFrame, region: str = "Southwest Land Border") -> pd.DataFrame:
    """Monthly encounters on one basis per column, indexed by the first day of the calendar month.

    Columns: ``usbp_title8`` (USBP apprehensions), ``usbp_title42``, ``ofo_title8`` (OFO inadmissibles),
    ``ofo_title42`` and ``cbp_total`` (all four; only where OFO is published, from FY2019). Missing = not published.
    """
    pm = monthly[(monthly["preferred"] == 1) & (monthly["region"] == region)].copy()
    pm["month"] = pd.to_datetime(dict(year=pm["calendar_year"], month=pm["calendar_month"], day=1))
    names = {("U.S. Border Patrol", "Title 8"): "usbp_title8", ("U.S. Border Patrol", "Title 42"): "usbp_title42",
             ("Office of Field Operations", "Title 8"): "ofo_title8",
             ("Office of Field Operations", "Title 42"): "ofo_title42",
             ("CBP total (USBP + OFO)", "All (Title 8 + Title 42)"): "cbp_total"}
    pm["series"] = [names.get((c, t)) for c, t in zip(pm["component"], pm["title_of_authority"])]
    wide = pm.dropna(subset=["series"]).pivot_table(index="month", columns="series", values="encounters",
                                                    aggfunc="sum")
    return wide.reindex(columns=list(names.values())).astype("Int64")


def calendar_year_totals(series: pd.Series) -> pd.Series:
    """Sum a monthly series by calendar year, keeping only years with all 12 months published."""
    s = series.dropna()
    g = s.groupby(s.index.year)
    full = g.count() == 12
    return g.sum()[full].astype("int64")


def window_months(start, end_inclusive) -> claims.Computed:
    """Length in months of a legal window whose last day is `end_inclusive` (e.g. 18 for 26 Nov 2022-25 May 2024).

    Windows in Federal Register notices are inclusive of both ends, so the span runs to the day after the end.
    """
    end = pd.Timestamp(end_inclusive) + pd.Timedelta(days=1)
    return claims.span(pd.Timestamp(start).date(), end.date(), unit="months")


# --------------------------------------------------------------------------------------------- figures
_COLOURS = {"Clinton": "#dceaf5", "Bush": "#eeeeee", "Obama": "#dceaf5", "Trump": "#f8e1d4", "Biden": "#dceaf5"}


def _shade_administrations(ax, start, end):
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    bounds = ADMINISTRATIONS + [("", date(2100, 1, 1))]
    for (name, a), (_, b) in zip(bounds[:-1], bounds[1:]):
        lo, hi = max(pd.Timestamp(a), start), min(pd.Timestamp(b), end)
        if lo < hi:
            ax.axvspan(lo, hi, color=_COLOURS.get(name, "#eeeeee"), alpha=0.6, lw=0, zorder=0)
            ax.text(lo + (hi - lo) / 2, 1.0, name, transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                    fontsize=8, color="#444444")


def plot_encounters(series: pd.DataFrame, fy_totals: pd.DataFrame):
    """Two panels: monthly Southwest-border encounters by basis; fiscal-year totals by component and title."""
    import matplotlib.pyplot as plt

    from analysis.core.figures import PALETTE, REPORT_WIDTH_IN

    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(REPORT_WIDTH_IN, 6.4))
    s = series.astype("float64")
    _shade_administrations(ax1, s.index.min(), s.index.max() + pd.offsets.MonthEnd(1))
    ax1.plot(s.index, s["usbp_title8"] / 1e3, color=PALETTE["blue"], lw=1.2, label="USBP apprehensions (Title 8)")
    t42 = (s["usbp_title42"].fillna(0) + s["ofo_title42"].fillna(0)).where(s["usbp_title42"].notna())
    ax1.plot(s.index, t42 / 1e3, color=PALETTE["red"], lw=1.2, label="Title 42 expulsions (USBP + OFO)")
    ax1.plot(s.index, s["ofo_title8"] / 1e3, color=PALETTE["green"], lw=1.2, label="OFO inadmissibles (Title 8)")
    ax1.plot(s.index, s["cbp_total"] / 1e3, color=PALETTE["black"], lw=1.0, ls="--", label="CBP total (all four)")
    ax1.set_ylabel("encounters per month, thousands")
    ax1.set_title("Southwest land border encounters by month, Oct 1999 - Sep 2024", pad=16)
    ax1.legend(loc="upper left", fontsize=8)

    f = fy_totals.astype("float64")
    years = f.index.to_numpy()
    bottom = pd.Series(0.0, index=f.index)
    for col, colour, label in [("usbp_title8", "blue", "USBP Title 8"), ("usbp_title42", "red", "USBP Title 42"),
                               ("ofo_title8", "green", "OFO Title 8"), ("ofo_title42", "orange", "OFO Title 42")]:
        v = f[col].fillna(0) / 1e6
        ax2.bar(years, v, bottom=bottom, color=PALETTE[colour], width=0.8, label=label)
        bottom += v
    ax2.set_ylabel("encounters per fiscal year, millions")
    ax2.set_title("Fiscal-year totals by component and legal authority\n(OFO published from FY2019)")
    ax2.legend(loc="upper left", fontsize=8, ncol=2)
    return fig


def plot_removals(removals: pd.DataFrame, first_fy: int = 2000):
    """Removals and returns by fiscal year, administrations shaded (by the president at the year's start)."""
    import matplotlib.pyplot as plt

    from analysis.core.figures import PALETTE, REPORT_WIDTH_IN

    r = removals[removals["fiscal_year"] >= first_fy]
    x = pd.to_datetime(dict(year=r["fiscal_year"] - 1, month=10, day=1)) + pd.Timedelta(days=182)
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.6))
    _shade_administrations(ax, pd.Timestamp(first_fy - 1, 10, 1), pd.Timestamp(int(r["fiscal_year"].max()), 9, 30))
    ax.plot(x, r["removals"] / 1e3, marker="o", color=PALETTE["blue"], label="removals (order of removal)")
    ax.plot(x, r["returns"] / 1e3, marker="s", color=PALETTE["orange"], label="returns (no order of removal)")
    ax.set_ylabel("thousands per fiscal year")
    ax.set_title(f"Removals and returns, FY{first_fy}-FY{int(r['fiscal_year'].max())}", pad=16)
    ax.legend(loc="upper right", fontsize=8)
    return fig


def plot_timeline(actions: pd.DataFrame, tps: pd.DataFrame, start="2017-01-01", end="2024-07-01"):
    """The dated executive actions, one row per instrument (named on the chart) grouped by theme, its events
    joined by a thin line; the TPS designation windows as bars and the TPS terminations as crosses."""
    import textwrap

    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from analysis.core.figures import PALETTE, REPORT_WIDTH_IN

    lanes = {"travel and entry bans": ("Executive Order 137", "Proclamation 9", "Proclamation 100",
                                       "Proclamation of 31 Dec"),
             "DACA": ("DACA", "Deferred Action", "Regents", "Batalla", "NAACP"),
             "public charge": ("public charge",),
             "border and asylum": ("Title 42", "Migrant Protection", "zero tolerance", "Expedited Removal",
                                   "expedited removal", "Lawful Pathways", "IIRIRA"),
             "legal pathways": ("H-2B", "Parole processes", "Keeping Families")}
    def lane_of(instrument):
        for lane, keys in lanes.items():
            if any(k.lower() in instrument.lower() for k in keys):
                return lane
        return "other"
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    a = actions[(actions["date"] >= start) & (actions["date"] <= end)].copy()
    a["lane"] = a["instrument"].map(lane_of)
    themes = list(lanes) + (["other"] if (a["lane"] == "other").any() else [])
    # rows from the top: each theme's instruments by their first date, then two rows for TPS
    first = a.groupby("instrument")["date"].min()
    rows = [(t, sorted(a.loc[a["lane"] == t, "instrument"].unique(), key=lambda i: (first[i], i))) for t in themes]
    n_rows = sum(len(r) for _, r in rows) + 2 * len(rows) + 5
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 0.15 * n_rows + 2.4))
    _shade_administrations(ax, start, end)
    marker = {"signed": "o", "announced": "D", "published": "s", "effective": "^", "implemented": "P",
              "expiry": "v", "ended": "X", "court_ruling": "*"}
    x_lo, x_hi = start - pd.Timedelta(days=75), end + pd.Timedelta(days=75)  # room for markers at the ends
    mid = start + (end - start) / 2
    y, used = n_rows, set()

    def header(text, at):  # a theme's name on the row above its instruments
        ax.text(x_lo + pd.Timedelta(days=20), at, text, va="center", ha="left", fontsize=9, fontweight="bold",
                color="#333333")

    for theme, instruments in rows:
        y -= 1
        header(theme, y)
        for inst in instruments:
            y -= 1
            ev = a[a["instrument"] == inst].sort_values("date")
            ax.plot(ev["date"], [y] * len(ev), color="#999999", lw=0.8, zorder=2)
            for etype, g in ev.groupby("event_type"):
                ax.scatter(g["date"], [y] * len(g), marker=marker[etype], s=30, color=PALETTE["blue"],
                           edgecolor="white", linewidth=0.4, zorder=3)
                used.add(etype)
            # the name where the row has room: after the last event in the first half, before the first otherwise
            label = textwrap.shorten(inst, width=46, placeholder="…")
            if ev["date"].max() < mid:
                ax.text(ev["date"].max() + pd.Timedelta(days=40), y, label, va="center", ha="left", fontsize=8)
            else:
                ax.text(ev["date"].min() - pd.Timedelta(days=40), y, label, va="center", ha="right", fontsize=8)
        y -= 0.5
        ax.axhline(y, color="#bbbbbb", lw=0.6, zorder=1)
    # TPS: terminations as crosses on one row, each designation window a bar (one per country, stacked) below
    y -= 1
    header("Temporary Protected Status", y)
    y -= 1
    term = tps[tps["action"] == "termination"]
    ax.scatter(term["period_end"].clip(upper=end), [y] * len(term), marker="x", color=PALETTE["red"], s=30,
               zorder=3)
    w = tps[tps["period_start"].notna() & (tps["action"] != "continuation_of_documentation")]
    for i, r in enumerate(w.sort_values("period_start").itertuples()):
        yy = y - 0.6 - (i % 10) * 0.2
        ax.plot([max(r.period_start, start), min(r.period_end, end)], [yy, yy], color=PALETTE["green"], lw=1.6,
                solid_capstyle="butt", zorder=3)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlim(x_lo, x_hi)
    ax.set_ylim(y - 2.7, n_rows + 0.2)
    ax.grid(axis="y", visible=False)
    ax.set_title("Dated immigration actions, Jan 2017 - mid-2024", pad=16)
    handles = [Line2D([], [], ls="", marker=marker[e], color=PALETTE["blue"], markersize=6, label=e.replace("_", " "))
               for e in marker if e in used]
    handles += [Line2D([], [], color=PALETTE["green"], lw=2, label="TPS designation window (a bar per country)"),
                Line2D([], [], ls="", marker="x", color=PALETTE["red"], markersize=6,
                       label="TPS termination (effective date set)")]
    ax.legend(handles=handles, loc="upper center", ncol=4, bbox_to_anchor=(0.45, -0.05), handletextpad=0.3,
              columnspacing=1.0)
    return fig
