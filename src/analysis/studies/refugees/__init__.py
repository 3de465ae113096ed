"""US refugee ceilings and admissions: the tables and figures of notebook 01.

All inputs come from ``data.load("refugee_ceilings_admissions")``; nothing here holds a number of its own.
"""

from __future__ import annotations

import pandas as pd

from analysis.core import figures

# Display names and colours of the administrations, in the order they held office (eight Okabe–Ito colours that a
# deuteranope or protanope still tells apart; grey would merge with Biden's green and Trump's purple).
ADMINISTRATIONS = {
    "Carter": ("Carter", "yellow"), "Reagan": ("Reagan", "red"), "Bush41": ("G.H.W. Bush", "orange"),
    "Clinton": ("Clinton", "blue"), "Bush43": ("G.W. Bush", "brown"), "Obama": ("Obama", "sky"),
    "Trump45": ("Trump", "purple"), "Biden": ("Biden", "green"), "Trump47": ("Trump", "purple"),
}


def with_utilisation(table: pd.DataFrame) -> pd.DataFrame:
    """Add ``utilisation`` = admitted / final ceiling (missing where admissions are not yet known)."""
    out = table.copy()
    out["utilisation"] = out["admitted"].astype("Float64") / out["ceiling_final"].astype("Float64")
    return out


def by_administration(table: pd.DataFrame) -> pd.DataFrame:
    """Per administration: years, mean ceiling, total admitted, and utilisation over years with both numbers.

    Utilisation here is Σ admitted / Σ ceiling over the administration's complete years, so a big year
    weighs more than a small one (the mean of yearly ratios is shown too).
    """
    t = with_utilisation(table)
    known = t.dropna(subset=["admitted"])
    g = known.groupby("administration", sort=False)
    out = pd.DataFrame({
        "first_fy": t.groupby("administration", sort=False)["fiscal_year"].min(),
        "last_fy": t.groupby("administration", sort=False)["fiscal_year"].max(),
        "years_with_admissions": g.size(),
        "mean_ceiling": t.groupby("administration", sort=False)["ceiling_final"].mean().round(0),
        "total_admitted": g["admitted"].sum(),
        "utilisation_pooled": g["admitted"].sum() / g["ceiling_final"].sum(),
        "utilisation_mean_of_years": g["utilisation"].mean(),
    })
    out = out.reindex([a for a in ADMINISTRATIONS if a in out.index])
    out.index = [ADMINISTRATIONS[a][0] for a in out.index]
    out.index.name = "administration"
    return out


def empty_selection(table: pd.DataFrame, years: tuple[int, int], administrations) -> str | None:
    """Why the chosen fiscal years and administrations leave no row to show, or None if some row is left.

    For notebook 01's controls: the reader learns which administration has no year in the range and what to do,
    instead of seeing an empty chart.
    """
    first, last = years
    if not administrations:
        return "No administration chosen: pick at least one."
    chosen = table[table["fiscal_year"].between(first, last) & table["administration"].isin(administrations)]
    if len(chosen):
        return None
    names = list(dict.fromkeys(ADMINISTRATIONS.get(a, (a,))[0] for a in administrations))
    who = (f"the {names[0]} administration" if len(names) == 1
           else f"the {', '.join(names[:-1])} or {names[-1]} administrations")
    return (f"No fiscal years of {who} between {first} and {last}: "
            "widen the years or pick another administration.")


def plot_ceilings(table: pd.DataFrame, first_fy: int = 1980, last_fy: int = 2026):
    """Ceiling (final, with initial where it was revised) against admissions, administrations shaded."""
    import matplotlib.pyplot as plt

    t = _as_float(table[(table["fiscal_year"] >= first_fy) & (table["fiscal_year"] <= last_fy)])
    fig, ax = plt.subplots(figsize=(figures.REPORT_WIDTH_IN, 4.4))
    for i, (admin, rows) in enumerate(t.groupby("administration", sort=False)):
        lo, hi = rows["fiscal_year"].min() - 0.5, rows["fiscal_year"].max() + 0.5
        name, colour = ADMINISTRATIONS[admin]
        ax.axvspan(lo, hi, color=figures.PALETTE[colour], alpha=0.10, lw=0)
        # two rows of names, so a short administration's name does not run into its neighbour's
        ax.text((lo + hi) / 2, 1.0 + 0.055 * (i % 2), name, transform=ax.get_xaxis_transform(), ha="center",
                va="bottom", fontsize=8, color="#333333")
    ax.step(t["fiscal_year"], t["ceiling_final"] / 1e3, where="mid", color=figures.PALETTE["blue"],
            lw=2, label="Ceiling in force at year end")
    revised = t.dropna(subset=["ceiling_revised", "ceiling_initial"])
    ax.scatter(revised["fiscal_year"], revised["ceiling_initial"] / 1e3, marker="o", facecolor="white",
               edgecolor=figures.PALETTE["blue"], zorder=3, label="Initial ceiling, revised during the year")
    ax.bar(t["fiscal_year"], t["admitted"] / 1e3, color=figures.PALETTE["orange"], alpha=0.85, width=0.7,
           label="Refugees admitted (WRAPS)")
    ax.set_xlim(first_fy - 0.7, last_fy + 0.7)
    ax.set_ylabel("thousand persons")
    ax.set_xlabel("US fiscal year")
    ax.set_title("US refugee ceilings and admissions", pad=28)
    ax.legend(loc="upper right")
    return fig


def plot_utilisation(table: pd.DataFrame, first_fy: int = 1980, last_fy: int = 2026):
    """Admitted as a share of the ceiling, one bar per fiscal year coloured by administration."""
    import matplotlib.pyplot as plt

    t = with_utilisation(table)
    t = _as_float(t[(t["fiscal_year"] >= first_fy) & (t["fiscal_year"] <= last_fy)].dropna(subset=["utilisation"]))
    fig, ax = plt.subplots(figsize=(figures.REPORT_WIDTH_IN, 4.2))
    seen = set()
    for row in t.itertuples():
        name, colour = ADMINISTRATIONS[row.administration]
        ax.bar(row.fiscal_year, 100 * row.utilisation, color=figures.PALETTE[colour], width=0.75,
               label=None if name in seen else name)
        seen.add(name)
    ax.axhline(100, color="#444444", lw=0.8, ls="--")
    ax.set_ylabel("admitted as % of the ceiling")
    ax.set_xlabel("US fiscal year (colour: administration that opened it)")
    ax.set_title("How much of each year's refugee ceiling was used", pad=36)
    ax.legend(ncol=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=8, handlelength=1.2)
    return fig


def _as_float(table: pd.DataFrame) -> pd.DataFrame:
    """Nullable integer columns as float64 with NaN, which matplotlib draws as gaps."""
    out = table.copy()
    for col in out.columns:
        if str(out[col].dtype) in ("Int64", "Float64"):
            out[col] = out[col].astype("float64")
    return out
