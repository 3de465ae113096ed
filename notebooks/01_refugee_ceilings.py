# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # US refugee ceilings and admissions, FY1980 to now
#
# **The question.** Megan Hogan's side-by-side comparison of the Trump and Biden immigration records (PIIE,
# 24 June 2024; Chinese compilation in document `000`, lines 570–1060) says that under Trump the annual refugee
# ceiling was cut year after year to historic lows — from 50,000 for the rest of FY2017 to 15,000 for FY2021 —
# and that Biden raised it to 62,500 for the rest of FY2021 and to 125,000 for FY2022–FY2024. It also says the
# FY2017 cap was less than half of a "2016 cap of 117,000". This notebook rebuilds the official record for every
# fiscal year since the Refugee Act of 1980 and checks each of these numbers: claims **REF-01 … REF-24**.
#
# **The record.** A US fiscal year (FY) runs from 1 October to 30 September. Before each year the President
# sets a ceiling on refugee admissions (section 207 of the Immigration and Nationality Act); it can be raised
# during the year (an emergency determination) and, in FY2017, an executive order capped entries below it.
# Admissions are the State Department's count of refugees charged to each year's ceiling.

# %% tags=["parameters"]
fast = False  # no Monte Carlo here; kept so every notebook takes the same parameters
first_fy, last_fy = 1980, 2026

# %%
import re

import pandas as pd

from analysis import claims, data, figures, refugees

figures.use_style()
ledger = claims.Ledger("01_refugee_ceilings")

# %% [markdown]
# ## The data
#
# `refugee_ceilings_admissions` holds one row per fiscal year: the first ceiling determined for the year, the
# revised one where it changed during the year, the ceiling in force at year end, and refugees admitted
# (State Department Refugee Processing Center, WRAPS report as of 31 December 2024). Every value carries a key
# to its source — a Presidential Determination (`PD-` + date signed), an executive order, the WRAPS report, CRS,
# DHS or the Migration Policy Institute's tabulation — and most were cross-checked against a second source
# (`refugee_cross_check`). Empty cells are years for which no source gives the value (FY2025 and FY2026
# admissions are not yet published as full-year totals).

# %%
table = data.load("refugee_ceilings_admissions")
table = table[table["fiscal_year"].between(first_fy, last_fy)]
table[["fiscal_year", "ceiling_initial", "ceiling_revised", "ceiling_final", "admitted", "administration",
       "ceiling_source"]].tail(12)

# %%
cross = data.load("refugee_cross_check")
agreement = (cross.groupby("field")["agree"].value_counts().unstack(fill_value=0)
             .reindex(columns=["yes", "yes_rounded", "no"], fill_value=0))
agreement

# %% [markdown]
# The `no` rows are explained in the source README (kept with the data): the FY2017 ceiling (50,000 under
# the executive order vs the 110,000 determination the State Department still lists), the FY2018 admissions
# total (revised upward in later WRAPS vintages after the *Doe v. Trump* settlement), and DHS's arrival-based
# counts that exclude Amerasians.

# %% [markdown]
# ## Ceilings and admissions over four decades

# %%
fig = refugees.plot_ceilings(table, first_fy, last_fy)
figures.save(fig, "01_refugee_ceilings_admissions",
             caption="US refugee admission ceiling in force at the end of each fiscal year (line), the initial "
                     "ceiling where it was revised during the year (open circles), and refugees admitted (bars), "
                     f"FY{first_fy}-FY{last_fy}; shading marks the administration that opened each fiscal year.",
             source="Presidential Determinations on refugee admissions and EO 13769/13780 (ceilings); US State "
                    "Department, Refugee Processing Center, admissions report as of 31 Dec 2024 (admissions); "
                    "compiled in data/refugee_ceilings_admissions.csv with per-value source keys.")

# %% [markdown]
# ## The Trump and Biden years, determination by determination
#
# The document dates each ceiling decision. Dates signed come from the Presidential Determination keys in the
# source column; the document's dates come from the claims register.

# %%
def determination_date(source: str, part: str) -> str:
    """Signing date from a source key like 'initial:PD-2017-09-29;final:...'."""
    m = re.search(rf"{part}:[^;]*?PD-(\d{{4}}-\d{{2}}-\d{{2}})", source)
    return m[1] if m else ""


register = claims.register().set_index("claim_id")
document_date = register["note"].str.extract(r"Set (\d{4}-\d{2}-\d{2})")[0]

recent = refugees.with_utilisation(table[table["fiscal_year"] >= 2016]).assign(
    initial_signed=lambda t: t["ceiling_source"].map(lambda s: determination_date(s, "initial")),
    revised_signed=lambda t: t["ceiling_source"].map(lambda s: determination_date(s, "revised")),
)
recent[["fiscal_year", "administration", "ceiling_initial", "initial_signed", "ceiling_revised",
        "revised_signed", "ceiling_final", "admitted", "utilisation"]]

# %% [markdown]
# ## How much of each ceiling was used

# %%
fig = refugees.plot_utilisation(table, first_fy, last_fy)
figures.save(fig, "01_refugee_utilisation",
             caption="Refugees admitted as a percentage of the ceiling in force at the end of each fiscal year, "
                     "coloured by the administration that opened the year; FY2025-FY2026 omitted (no full-year "
                     "admissions total published).",
             source="US State Department, Refugee Processing Center (admissions, as of 31 Dec 2024); "
                    "Presidential Determinations (ceilings); data/refugee_ceilings_admissions.csv.")
refugees.by_administration(table)

# %% [markdown]
# ### Explore: choose the years and the administrations
#
# In JupyterLab, the controls below redraw the ceilings chart and the table by administration for the fiscal
# years and administrations you pick; they call the same helpers as the cells above
# (`refugees.plot_ceilings`, `refugees.by_administration`). The rendered site shows the default view above.

# %% tags=["remove-output"]
import ipywidgets as widgets

from analysis import interactive


def refugee_view(years, administrations):
    """The ceilings chart and the per-administration table for the chosen fiscal years and administrations."""
    chosen = table[table["fiscal_year"].between(*years) & table["administration"].isin(administrations)]
    return refugees.plot_ceilings(chosen, *years), refugees.by_administration(chosen)


terms = table.groupby("administration", sort=False)["fiscal_year"].agg(["min", "max"])
refugee_panel = interactive.panel(
    refugee_view,
    title="US refugee ceilings and admissions: choose years and administrations",
    years=widgets.IntRangeSlider(value=(first_fy, last_fy), min=int(table["fiscal_year"].min()),
                                 max=int(table["fiscal_year"].max()), step=1, description="Fiscal years",
                                 continuous_update=False),
    administrations=widgets.SelectMultiple(
        options=[(f"{refugees.ADMINISTRATIONS[a][0]}, FY{lo}-FY{hi}", a) for a, (lo, hi) in terms.iterrows()],
        value=tuple(terms.index), rows=min(len(terms), 9), description="Administrations"),
)
refugee_panel

# %% [markdown]
# ## Checking the document's numbers
#
# Each claim is compared with the record under a declared tolerance (exact, for ceilings).

# %%
fy = table.set_index("fiscal_year")
src = ["refugee_ceilings_admissions"]

# EO 13769 and EO 13780 capped FY2017 at 50,000 (a section 212(f) entry limit below the 110,000 determination).
for cid in ("REF-02", "REF-08"):
    ledger.check(cid, int(fy.at[2017, "ceiling_revised"]), sources=src,
                 computation="ceiling_revised for FY2017 (EO 13769 sec. 5(d); EO 13780 kept it)")

# The named ceilings, FY2018-FY2024.
ceilings = {"REF-09": (2018, "ceiling_initial"), "REF-10": (2019, "ceiling_initial"),
            "REF-14": (2020, "ceiling_initial"), "REF-15": (2021, "ceiling_initial"),
            "REF-11": (2021, "ceiling_revised"), "REF-12": (2022, "ceiling_initial"),
            "REF-13": (2023, "ceiling_initial"), "REF-16": (2024, "ceiling_initial")}
for cid, (year, column) in ceilings.items():
    part = column.split("_")[1]
    signed = determination_date(fy.at[year, "ceiling_source"], part)
    said = document_date.get(cid)
    note = ""
    if isinstance(said, str) and signed and said != signed:
        note = (f"The number matches; the document dates the decision {said}, the determination was signed "
                f"{signed} (the document's date is another step, e.g. the announcement or the Federal "
                "Register publication).")
    ledger.check(cid, int(fy.at[year, column]), sources=src, reason=note,
                 computation=f"{column} for FY{year}")

# %% [markdown]
# **"A 2016 cap of 117,000."** No US refugee ceiling of that size exists for any year. The cell below compares
# the document's base with the FY2016 ceiling and with the determination made in September 2016 for FY2017 —
# the cap that the executive order's limit replaced.

# %%
fy2016, fy2017_initial, fy2017_cap = (int(fy.at[2016, "ceiling_final"]), int(fy.at[2017, "ceiling_initial"]),
                                      int(fy.at[2017, "ceiling_revised"]))
ever_117k = table[["ceiling_initial", "ceiling_revised", "ceiling_final"]].isin([117_000]).any().any()
ledger.check("REF-03", fy2016, sources=src, computation="ceiling_final for FY2016",
             reason=f"The FY2016 ceiling was {fy2016:,} (PD 2015-14); the determination for FY2017 was "
                    f"{fy2017_initial:,} (PD 2016-13). "
                    + ("No ceiling of 117,000 appears for any fiscal year since 1980." if not ever_117k else
                       "117,000 appears in the table, but not for FY2016."))

# "Less than half": against the ceiling the 50,000 cap replaced (the FY2017 determination) it holds.
half = claims.ratio(fy2017_cap, fy2017_initial, "FY2017 cap under EO 13769", "FY2017 determination (PD 2016-13)")
ledger.check("REF-04", half, sources=src,
             reason=f"Holds against the FY2017 determination of {fy2017_initial:,} that the cap replaced; "
                    f"against the FY2016 ceiling of {fy2016:,} the ratio is {fy2017_cap / fy2016:.2f}, and the "
                    "document's base of 117,000 matches no ceiling (see REF-03).")

# %% [markdown]
# **"Historic lows."** Were the Trump-era ceilings and admissions the lowest since the Refugee Act? Compare
# the lowest Trump-era figure with the lowest of all earlier years (FY1980–FY2017).

# %%
before = table[table["fiscal_year"] <= 2017]
trump_years = table[table["fiscal_year"].between(2018, 2020)]  # wholly under the first Trump administration
low_ceiling = claims.ratio(int(trump_years["ceiling_final"].min()), int(before["ceiling_final"].min()),
                           "lowest ceiling FY2018-FY2020", "lowest ceiling FY1980-FY2017")
low_admitted = claims.ratio(int(trump_years["admitted"].min()), int(before["admitted"].min()),
                            "lowest admissions FY2018-FY2020", "lowest admissions FY1980-FY2017")
record_lows = pd.DataFrame({
    "lowest before FY2018": [before["ceiling_final"].min(), before["admitted"].min()],
    "in FY": [int(before.loc[before["ceiling_final"].idxmin(), "fiscal_year"]),
              int(before.loc[before["admitted"].idxmin(), "fiscal_year"])],
    "lowest FY2018-FY2020": [trump_years["ceiling_final"].min(), trump_years["admitted"].min()],
    "ratio": [float(low_ceiling), float(low_admitted)],
}, index=["ceiling", "admitted"])
record_lows

# %%
ledger.check("REF-07", low_admitted, stated="<1", sources=src,
             reason=f"Restated as: the lowest Trump-era admissions fall below every earlier year since FY1980. "
                    f"Ceilings too: each determination FY2018-FY2021 set a new low ({low_ceiling:.2f} of the "
                    "lowest earlier ceiling by FY2020). FY2021 admissions "
                    f"({int(fy.at[2021, 'admitted']):,}) were lower still, but that year's ceiling was raised "
                    "by Biden during the year.")

# %% [markdown]
# ## Policy parameters: suspensions, vetting and the asylum agreements
#
# These claims are about the content of executive orders, memoranda and agreements rather than statistics.
# `refugee_policy_parameters` holds each public value with its source, locator and whether the source is primary
# (Federal Register, DHS, State Department, GAO, Senate report) or secondary (press, law firms, NGOs). Each claim
# is checked against the row that measures exactly what it states.

# %%
params = data.load("refugee_policy_parameters").set_index("parameter_id")
params[["claim_ids", "parameter", "value", "unit", "date", "source_kind"]]

# %%
def value(parameter_id: str) -> float:
    return float(params.at[parameter_id, "value"])


def provenance(parameter_id: str) -> str:
    row = params.loc[parameter_id]
    return f"{parameter_id} = {row['value']:g} {row['unit']} ({row['source_kind']}: {row['source_title']})"


policy_src = ["refugee_policy_parameters"]
picks = {  # claim -> the row that measures what it states
    "REF-01": "eo13769_usrap_suspension_length",
    "REF-05": "eo13780_usrap_suspension_length",
    "REF-06": "memo_2017_10_23_sao_countries",
    "REF-24": "dhs_2018_high_risk_countries",
    "REF-17": "oct2017_whereabouts_history_years",
    "REF-18": "aca_in_force_under_trump",
    "REF-19": "aca_guatemala_transferred_sfrc",
    "REF-20": "aca_guatemala_applied_sfrc",
}
context = {
    "REF-05": "The 120 days rests on a secondary summary of EO 13780; the order's text (sec. 6(a)) was not read. "
              "It took partial effect on 29 Jun 2017 after the Supreme Court's stay and expired on 24 Oct 2017.",
    "REF-06": "The memorandum of 23 Oct 2017 is known only through secondary reports; it and EO 13815 do not list the "
              "countries.",
    "REF-17": "The new 10-year period is reported by Reuters (secondary); the previous 5-year period is not confirmed "
              "by any source found (Reuters says only 'twice as long as before').",
    "REF-18": f"{value('aca_agreements_signed_2019'):g} agreements were signed in 2019 (84 FR 63994); only Guatemala's "
              "was implemented before all were suspended on 6 Feb 2021.",
    "REF-19": f"An earlier count for 21 Nov 2019-16 Mar 2020 was {value('aca_guatemala_transferred_hrw'):g} "
              "(HRW/Refugees International); the document's 'about 945' matches the Senate report.",
    "REF-20": f"Of these, {value('aca_guatemala_abandoned'):g} abandoned their cases and "
              f"{value('aca_guatemala_undecided'):g} were undecided; an earlier count was "
              f"{value('aca_guatemala_applied_hrw'):g}.",
    "REF-24": "The DHS release confirms 11 countries and additional screening; 'longer interviews and separate "
              "interviews for children' are not named in the sources found (the closest is 'more in-depth interviews').",
}
for cid, pid in picks.items():
    ledger.check(cid, value(pid), sources=policy_src, computation=provenance(pid), reason=context.get(cid, ""))

# REF-21: none decided, and nobody sent to Honduras or El Salvador by January 2021.
sent_elsewhere = claims.total({"to El Salvador": value("aca_transfers_to_el_salvador"),
                               "to Honduras": value("aca_transfers_to_honduras")})
ledger.check("REF-21", sent_elsewhere, sources=policy_src,
             reason=f"Transfers to El Salvador and Honduras: none. Of the Guatemala applications, "
                    f"{value('aca_guatemala_granted'):g} were granted and {value('aca_guatemala_undecided'):g} "
                    "were still pending in January 2021 (Senate Foreign Relations Committee).")

# REF-22 / REF-23: only the combined count is public.
combined = value("pacr_harp_total_processed")
document_split = claims.total({"PACR": float(register.at["REF-22", "stated_value"]),
                               "HARP": float(register.at["REF-23", "stated_value"])})
for cid in ("REF-22", "REF-23"):
    ledger.not_checkable(cid, f"No public source splits the count between PACR and HARP. GAO-21-144 gives about "
                              f"{combined:,.0f} for both programmes together (Oct 2019-Mar 2020), which equals the "
                              f"document's two numbers added up ({document_split:,.0f}); the split itself is unsourced.")

# %% [markdown]
# ## Verdicts

# %%
ledger.write()
ledger.table()

# %% [markdown]
# ## Caveats
#
# * **Two counts of "admitted".** The State Department (WRAPS) charges refugees to the year whose ceiling they
#   count against and includes Amerasian immigrants from FY1989; DHS counts by arrival date, excludes them and
#   rounds to tens. This notebook uses WRAPS throughout; the table below shows how far the two series are apart.
# * **Vintages.** Recent years are revised in later WRAPS reports: FY2018 was revised upward after the
#   *Doe v. Trump* settlement (the cross-check table lists each vintage).
# * **FY2017** has two ceilings: the determination and the lower entry limit of EO 13769/13780. The table keeps
#   both; admissions exceeded the limit because courts exempted refugees with a bona fide relationship to a US
#   person or entity.
# * **Single-source years.** Ceilings for FY1980–FY1990 (except FY1982) and FY1992–FY1994 rest on the Migration
#   Policy Institute's compilation alone; no determination text was found for them.

# %%
dhs = cross[(cross["field"] == "admitted") & (cross["source_b"] == "DHS-YB2023")]
gap = (dhs["value_source_b"] / dhs["value_source_a"] - 1).abs()
pd.DataFrame({"years compared": [len(dhs)], "largest gap (%)": [100 * gap.max()],
              "in FY": [int(dhs.loc[gap.idxmax(), "fiscal_year"])],
              "largest gap outside FY1992-FY1993 (%)": [100 * gap[~dhs["fiscal_year"].isin([1992, 1993])].max()]})
