"""Helpers for notebook 07 (chips and export controls): judging claims from the per-claim check table, reading dated
events and sourced counts, and the three figures.

The per-claim table ``chips_claim_checks`` says how each CHIP-, EXP- and ICT- claim is judged. Rows with method
``compare`` / ``compare_range`` / ``not_checkable`` are judged by :func:`judge_row` alone; rows with method ``table`` or
``internal`` are computed in the notebook (from the tidy tables, with the claims vocabulary) and recorded through
:func:`check_claim`, which applies the row's declared tolerance, restated value and reasons. Verdicts are never stored
in data: they follow from the numbers.
"""

from __future__ import annotations

from datetime import date

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.core import claims
from analysis.core.figures import PALETTE, REPORT_WIDTH_IN

CHECKS = "chips_claim_checks"
SELF_JUDGED = ("compare", "compare_range", "not_checkable")


class ChipsError(ValueError):
    """A check-table row cannot give an honest verdict (missing value, unknown method, bad date)."""


# ------------------------------------------------------------------------------------------- the check table
def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) or pd.isna(value) else str(value).strip()


def join_text(*parts: str) -> str:
    """Join non-empty text parts with spaces (reasons and notes)."""
    return " ".join(p for p in (_text(x) for x in parts) if p)


def _sources(row, extra=()) -> list[str]:
    names = [CHECKS] + [s for s in _text(row["data_resource"]).split(";") if s] + list(extra)
    return list(dict.fromkeys(names))


def check_part(row, computed, *, sources=(), computation: str = "", stated=None, note: str = "",
               **overrides) -> claims.Verdict:
    """The verdict :func:`check_claim` would record for `row`, without recording it: one part of a claim with
    several parts, to be joined with ``ledger.combine``. `overrides` replace the row's own check arguments for this
    part (e.g. ``evidence_period=``, ``evidence_scope=``, ``immaterial=``, ``if_differs=``, ``rel_tol=``)."""
    target = stated if stated is not None else (_text(row["stated_as"]) or None)
    immaterial = {dim: _text(row[f"immaterial_{dim}"]) for dim in claims.BASIS if _text(row[f"immaterial_{dim}"])}
    kwargs = dict(stated=target, abs_tol=float(row["abs_tol"]), rel_tol=float(row["rel_tol"]),
                  note=join_text(note, row["note"]), if_differs=_text(row["reason_if_differs"]),
                  sources=_sources(row, sources), computation=computation,
                  evidence_period=_text(row["evidence_period"]), evidence_scope=_text(row["evidence_scope"]),
                  immaterial=immaterial, attributed=_text(row["attributed_because"]))
    kwargs.update(overrides)
    return claims.check(row["claim_id"], computed, **kwargs)


def check_claim(ledger: claims.Ledger, row, computed, *, sources=(), computation: str = "", stated=None,
                note: str = "") -> claims.Verdict:
    """Record a verdict for `row` (a ``chips_claim_checks`` row) from a value computed in the notebook.

    Uses the row's tolerances, restated value (``stated_as``), the evidence's period and scope
    (``evidence_period``, ``evidence_scope``, with ``immaterial_period`` / ``immaterial_scope`` where they differ from
    the claim's and that does not matter), ``attributed_because`` (the source says it, its data are not public) and
    its reasons: ``reason_if_differs`` recorded only when the verdict is ``differs``, the row's ``note`` always.
    `note` adds computed context (e.g. the same figure on another basis).
    """
    return ledger.record(check_part(row, computed, sources=sources, computation=computation, stated=stated, note=note))


def public_range(row) -> tuple[float, float]:
    """The row's public range (public_low, public_high), for a claim that states a range."""
    low, high = row["public_low"], row["public_high"]
    if pd.isna(low) or pd.isna(high):
        raise ChipsError(f"{row['claim_id']}: method compare_range needs public_low and public_high")
    return float(low), float(high)


def judge_row(ledger: claims.Ledger, row) -> claims.Verdict:
    """Judge a row whose method needs no computation: compare, compare_range or not_checkable."""
    cid, method = row["claim_id"], row["method"]
    if method == "not_checkable":
        reason = join_text(row["not_checkable_reason"], _text(row["legal_instrument"]) and
                       f"Legal instrument: {_text(row['legal_instrument'])}.")
        return ledger.not_checkable(cid, reason, category=_text(row["not_checkable_category"]),
                                    searched=_text(row["searched"]))
    if method == "compare_range":
        low, high = public_range(row)
        return check_claim(ledger, row, (low, high), computation=(
            f"public range {claims.format_number(low)}-{claims.format_number(high)} ({_text(row['basis'])}; {_text(row['publisher'])})"))
    if method == "compare":
        if pd.isna(row["public_value"]):
            raise ChipsError(f"{cid}: method compare needs public_value")
        value = claims.Computed(float(row["public_value"]),
                                f"public value {claims.format_number(row['public_value'])} {_text(row['public_unit'])}: "
                                f"{_text(row['basis'])} ({_text(row['publisher'])}, {_text(row['source_date'])})")
        note = _text(row["legal_instrument"]) and f"Legal instrument: {_text(row['legal_instrument'])}."
        return check_claim(ledger, row, value, note=note)
    raise ChipsError(f"{cid}: method {method!r} is computed in the notebook, not by judge_row")


def judge_remaining(ledger: claims.Ledger, checks: pd.DataFrame) -> pd.DataFrame:
    """Judge every self-judged row not yet in the ledger; return the rows judged."""
    todo = checks[checks["method"].isin(SELF_JUDGED) & ~checks["claim_id"].isin(ledger.verdicts)]
    for _, row in todo.iterrows():
        judge_row(ledger, row)
    return todo


def unjudged(ledger: claims.Ledger, checks: pd.DataFrame) -> list[str]:
    """Claim ids of the check table that have no verdict yet (should be empty at the end of the notebook)."""
    return [c for c in checks["claim_id"] if c not in ledger.verdicts]


# ------------------------------------------------------------------------------------------- events and counts
def event_date(events: pd.DataFrame, event_id: str) -> date:
    """The event's date (day precision only); ChipsError if it is known only to the month or year."""
    row = events.loc[events["event_id"] == event_id]
    if row.empty:
        raise ChipsError(f"no event {event_id!r} in exp_policy_events")
    row = row.iloc[0]
    if row["precision"] != "day":
        raise ChipsError(f"event {event_id!r} is dated only to the {row['precision']} ({row['date']})")
    return date.fromisoformat(str(row["date"]))


def event_year(events: pd.DataFrame, event_id: str) -> int:
    """The event's year (any precision)."""
    row = events.loc[events["event_id"] == event_id]
    if row.empty:
        raise ChipsError(f"no event {event_id!r} in exp_policy_events")
    return int(str(row.iloc[0]["date"])[:4])


def group_total(counts: pd.DataFrame, group: str) -> claims.Computed:
    """claims.total over the rows of one group of ``chips_policy_counts`` (labelled by description)."""
    rows = counts.loc[counts["group"] == group]
    if rows.empty:
        raise ChipsError(f"no count group {group!r} in chips_policy_counts")
    return claims.total({r.description: float(r.value) for r in rows.itertuples()})


def period_months(period: str, period_type: str) -> tuple[pd.Timestamp, pd.Timestamp, int]:
    """Start, end (month starts) and length in months of a period string of exp_china_sme_imports.

    >>> period_months("2022-06/2022-07", "two months")[2]
    2
    >>> period_months("2024-Q1", "quarter")[2]
    3
    """
    if period_type == "year":
        start = pd.Timestamp(f"{period}-01-01")
        return start, pd.Timestamp(f"{period}-12-01"), 12
    if period_type == "quarter":
        y, q = period.split("-Q")
        start = pd.Timestamp(f"{y}-{3 * int(q) - 2:02d}-01")
        return start, start + pd.DateOffset(months=2), 3
    parts = period.split("/")
    start, end = pd.Timestamp(parts[0] + "-01"), pd.Timestamp(parts[-1] + "-01")
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    return start, end, months


# ---------------------------------------------------------------------------------------------------- figures
REGIONS = ["United States", "South Korea", "Japan", "Europe", "Taiwan", "China"]


def plot_value_chain(shares: pd.DataFrame, stated: dict[str, float]):
    """Two panels: 2020 sales shares by company HQ on three bases (document, SIA, IC Insights); below-10nm capacity.

    `stated` maps region -> the document's share. Returns the figure.
    """
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(REPORT_WIDTH_IN, 4.8), gridspec_kw={"width_ratios": [1.6, 1]})
    hq = shares[(shares["measure"] == "sales_by_company_hq") & (shares["year"] == 2020)]
    sia = hq[hq["scope"] == "all semiconductors"].set_index("region")["share_pct"]
    ici = hq[hq["scope"].str.startswith("integrated circuits")].set_index("region")["share_pct"]
    x = np.arange(len(REGIONS))
    w = 0.27
    # the document in black: grey merges with the right panel's green for a deuteranope
    series = [("Document (as of 2020)", [stated.get(r, np.nan) for r in REGIONS], PALETTE["black"]),
              ("SIA, all semiconductors", [sia.get(r, np.nan) for r in REGIONS], PALETTE["blue"]),
              ("IC Insights, ICs excl. foundries", [ici.get(r, np.nan) for r in REGIONS], PALETTE["orange"])]
    for i, (label, vals, colour) in enumerate(series):
        ax1.bar(x + (i - 1) * w, vals, w, label=label, color=colour)
    ax1.set_xticks(x, [r.replace("United States", "US").replace("South Korea", "Korea") for r in REGIONS],
                   rotation=35, ha="right", rotation_mode="anchor")
    ax1.set_ylabel("share of world sales,\nby company headquarters (%)")
    ax1.set_title("Sales share by company HQ,\n2020: three bases")
    ax1.legend(fontsize=8, loc="upper right")
    ax1.set_ylim(0, 80)  # room for the legend above the bars
    ax1.set_xlabel("SIA gives no 2020 share for Korea or Taiwan", fontsize=8, color="#555555")

    cap = shares[(shares["measure"] == "wafer_capacity_by_location") & (shares["scope"] == "below 10nm")]
    cols = [(2019, "actual"), (2022, "actual"), (2032, "projection")]
    regions = ["Taiwan", "South Korea", "United States", "Japan", "Europe", "China"]
    colours = [PALETTE["blue"], PALETTE["orange"], PALETTE["green"], PALETTE["red"], PALETTE["purple"], PALETTE["sky"]]
    bottom = np.zeros(len(cols))
    for region, colour in zip(regions, colours):
        vals = np.array([cap[(cap["year"] == y) & (cap["scenario"] == s) & (cap["region"] == region)]["share_pct"].sum()
                         for y, s in cols])
        ax2.bar(range(len(cols)), vals, bottom=bottom, color=colour, label=region)
        for i, v in enumerate(vals):
            if v >= 5:
                ax2.text(i, bottom[i] + v / 2, f"{v:.0f}", ha="center", va="center", fontsize=8, color="white")
        bottom += vals
    ax2.set_xticks(range(len(cols)), ["2019", "2022", "2032 (proj.)"])
    ax2.set_ylabel("share of below-10nm wafer capacity (%)")
    ax2.set_title("Where leading-edge\ncapacity sits (SIA/BCG)")
    ax2.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)  # under the bars
    ax2.set_ylim(0, 105)
    return fig


def sme_monthly(imports: pd.DataFrame) -> pd.DataFrame:
    """Import-value rows of exp_china_sme_imports with their period span and monthly average (USD bn a month)."""
    rows = imports[(imports["measure"] == "import value") & (imports["reporter"] == "China")].copy()
    spans = [period_months(p, t) for p, t in zip(rows["period"], rows["period_type"])]
    rows["start"] = [s for s, _, _ in spans]
    rows["end"] = [e for _, e, _ in spans]
    rows["months"] = [m for _, _, m in spans]
    scale = rows["unit"].map({"USD_billion": 1.0, "USD_million": 1e-3})
    rows["usd_bn_per_month"] = rows["value"] * scale / rows["months"]
    return rows.sort_values("start", ignore_index=True)


def plot_sme_imports(imports: pd.DataFrame):
    """Two panels: China's chip-equipment import value as a monthly average over each reported period (by source
    definition and partner), and lithography machines imported from the Netherlands by year."""
    import matplotlib.dates as mdates

    # one above the other: the definitions' legend needs the full width
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(REPORT_WIDTH_IN, 8.2), height_ratios=(1.6, 1))
    rows = sme_monthly(imports)
    order = ("blue", "orange", "green", "red", "purple", "sky", "black", "yellow", "brown")  # no grey: see above
    definitions = sorted(rows["product_definition"].unique())
    colours = {d: PALETTE[order[i % len(order)]] for i, d in enumerate(definitions)}
    seen = set()
    for r in rows.itertuples():
        end = r.end + pd.offsets.MonthEnd(0)
        label = r.product_definition if r.product_definition not in seen else None
        seen.add(r.product_definition)
        if r.partner == "World":
            ax1.plot([r.start, end], [r.usd_bn_per_month] * 2, "-", color=colours[r.product_definition], lw=3.5,
                     label=label, solid_capstyle="butt")
        else:
            ax1.plot([r.start + (end - r.start) / 2], [r.usd_bn_per_month], "D", color=colours[r.product_definition],
                     ms=6, label=label)
            ax1.annotate(f"from {r.partner} only", (end, r.usd_bn_per_month), fontsize=8, xytext=(4, -3),
                         textcoords="offset points")
    ax1.set_ylabel("US$ bn a month\n(average over the reported period)")
    ax1.set_title("China's imports of chip-making equipment")
    ax1.legend(fontsize=8, loc="upper left", bbox_to_anchor=(0.0, -0.09), ncol=1, title_fontsize=8,
               title="definition used by the source (bars: all origins; diamonds: one origin)")
    ax1.xaxis.set_major_locator(mdates.YearLocator())
    ax1.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))
    ax1.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax1.set_ylim(0, None)

    nl = imports[(imports["partner"] == "Netherlands") & (imports["measure"] == "units")].sort_values("period")
    ax2.bar(nl["period"].astype(str), nl["value"], color=PALETTE["blue"])
    for p, v in zip(nl["period"].astype(str), nl["value"]):
        ax2.text(p, v + 2, f"{v:.0f}", ha="center", fontsize=8)
    ax2.set_ylabel("machines imported by China a year")
    ax2.set_title("Lithography tools imported from the Netherlands")
    return fig


def penalty_table(penalties: pd.DataFrame) -> pd.DataFrame:
    """One row per case: penalty and value of shipments (both US$ million) and penalty as % of shipment value."""
    to_m = {"USD_million": 1.0, "USD_billion": 1e3}
    money = penalties[penalties["unit"].isin(list(to_m))].copy()
    money["usd_million"] = money["value"] * money["unit"].map(to_m)
    wide = money.pivot_table(index=["case", "order_date"], columns="measure", values="usd_million", aggfunc="first")
    out = pd.DataFrame({"penalty_usd_million": wide["civil penalty"],
                        "shipments_usd_million": wide["value of shipments"]}).reset_index()
    out["penalty_pct_of_shipments"] = 100 * out["penalty_usd_million"] / out["shipments_usd_million"]
    return out.sort_values("order_date", ignore_index=True)


def plot_penalties(table: pd.DataFrame):
    """Penalty vs value of the shipments for each BIS case (log scale), with the ratio annotated."""
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.7))
    y = np.arange(len(table))
    ax.barh(y + 0.2, table["shipments_usd_million"], 0.38, color=PALETTE["grey"], label="value of the shipments")
    ax.barh(y - 0.2, table["penalty_usd_million"], 0.38, color=PALETTE["red"], label="civil penalty")
    for i, r in enumerate(table.itertuples()):
        ax.text(r.penalty_usd_million * 1.15, i - 0.2, f"{r.penalty_pct_of_shipments:.1f}% of shipment value",
                va="center", fontsize=8)
    ax.set_xscale("log")
    ax.set_xlim(right=float(table[["penalty_usd_million", "shipments_usd_million"]].max().max()) * 30)
    ax.set_yticks(y, [f"{c}\n({d:%b %Y})" for c, d in zip(table["case"], pd.to_datetime(table["order_date"]))])
    ax.set_xlabel("US$ million (log scale)")
    ax.set_title("BIS penalties in the chip cases the report cites")
    ax.legend(fontsize=8, loc="upper right")
    return fig
