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

from analysis.core import claims, data, figures
from analysis.studies import refugees

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

from analysis.build import interactive


def refugee_view(years, administrations):
    """The ceilings chart and the per-administration table for the chosen fiscal years and administrations."""
    chosen = table[table["fiscal_year"].between(*years) & table["administration"].isin(administrations)]
    return refugees.plot_ceilings(chosen, *years), refugees.by_administration(chosen)


terms = table.groupby("administration", sort=False)["fiscal_year"].agg(["min", "max"])
refugee_panel = interactive.panel(
    refugee_view,
    title="US refugee ceilings and admissions: choose years and administrations",
    empty=lambda years, administrations: refugees.empty_selection(table, years, administrations),
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
# Each claim is compared with the record under a declared tolerance (exact, for ceilings), and every check
# records the period and scope of its evidence beside the claim's (the register's `period` and `scope`). Where
# the document also dates a decision, the date is checked as a second part of the claim (`claims.combine`).

# %%
fy = table.set_index("fiscal_year")
src = ["refugee_ceilings_admissions", "refugee_sources"]
policy_src = ["refugee_policy_parameters"]
params = data.load("refugee_policy_parameters").set_index("parameter_id")


def as_claimed(cid: str) -> dict:
    """Evidence whose period and scope are the claim's own: the instrument or count the claim names."""
    return dict(evidence_period=str(register.at[cid, "period"]), evidence_scope=str(register.at[cid, "scope"]))


def value(parameter_id: str) -> float:
    return float(params.at[parameter_id, "value"])


def provenance(parameter_id: str) -> str:
    row = params.loc[parameter_id]
    shown = row["date"] if pd.isna(row["value"]) else f"{row['value']:g} {row['unit']}"
    return f"{parameter_id} = {shown} ({row['source_kind']}: {row['source_title']})"


# EO 13769 and EO 13780 capped FY2017 at 50,000 (a section 212(f) entry limit below the 110,000 determination).
ledger.check("REF-02", int(fy.at[2017, "ceiling_revised"]), sources=src, **as_claimed("REF-02"),
             computation="ceiling_revised for FY2017 (EO 13769 sec. 5(d))",
             note="An entry limit under INA 212(f), below the 110,000 determination of September 2016, which the "
                  "State Department still lists as the FY2017 ceiling.")
ledger.check("REF-08", int(fy.at[2017, "ceiling_revised"]), sources=src, **as_claimed("REF-08"),
             computation="ceiling_revised for FY2017 (EO 13780 sec. 6(b) kept EO 13769's limit)")

# The named ceilings, FY2018-FY2024, each with the date the document gives for the decision.
ceilings = {"REF-09": (2018, "ceiling_initial"), "REF-10": (2019, "ceiling_initial"),
            "REF-14": (2020, "ceiling_initial"), "REF-15": (2021, "ceiling_initial"),
            "REF-11": (2021, "ceiling_revised"), "REF-12": (2022, "ceiling_initial"),
            "REF-13": (2023, "ceiling_initial"), "REF-16": (2024, "ceiling_initial")}
# Where the document's date is not the signature, the step it does match (primary texts in refugee_policy_parameters).
other_step = {"REF-10": "fy2019_proposed_ceiling_announced", "REF-15": "fy2021_determination_published"}
dates = []
for cid, (year, column) in ceilings.items():
    part = column.split("_")[1]
    signed = determination_date(fy.at[year, "ceiling_source"], part)
    said = document_date.get(cid)
    scope = register.at[cid, "scope"]
    number = claims.check(cid, int(fy.at[year, column]), sources=src, computation=f"{column} for FY{year}",
                          evidence_period=register.at[cid, "period"],
                          evidence_scope=scope.split(";")[0],
                          immaterial={"scope": "the number part of the claim"})
    if cid in other_step:
        pid = other_step[cid]
        step = params.loc[pid]
        day, what = step["date"], step["parameter"]
        day_sources = src + policy_src
    else:
        day, what, day_sources = signed, "date the presidential determination was signed", src
    when = claims.check(cid, pd.Timestamp(day).date(), stated=said, sources=day_sources,
                        computation=f"{what}: {pd.Timestamp(day).date()}",
                        evidence_period=register.at[cid, "period"], evidence_scope=f"{what} (FY{year} ceiling)",
                        immaterial={"scope": "the date part of the claim"},
                        if_differs=f"The document dates the decision {said}; the determination was signed {signed}.",
                        note=(f"The document's date is the {what} ({day}), a public step of the same decision; "
                              f"the determination itself was signed {signed}." if signed != day else ""))
    ledger.combine(cid, [number, when], stated_value=f"{register.at[cid, 'stated_value']} (ceiling); {said} (date)")
    dates.append({"claim": cid, "fiscal year": year, "document's date": said, "signed": signed,
                  "date matched": str(pd.Timestamp(day).date()), "step": what})
pd.DataFrame(dates)

# %% [markdown]
# **"A 2016 cap of 117,000."** No US refugee ceiling of that size exists for any year. The cell below compares
# the document's base with the FY2016 ceiling and with the determination made in September 2016 for FY2017 —
# the cap that the executive order's limit replaced.

# %%
fy2016, fy2017_initial, fy2017_cap = (int(fy.at[2016, "ceiling_final"]), int(fy.at[2017, "ceiling_initial"]),
                                      int(fy.at[2017, "ceiling_revised"]))
ever_117k = table[["ceiling_initial", "ceiling_revised", "ceiling_final"]].isin([117_000]).any().any()
ledger.check("REF-03", fy2016, sources=src, computation="ceiling_final for FY2016",
             evidence_period="FY2016", immaterial={"period": "the document's '2016' read as FY2016"},
             evidence_scope="US refugee admissions ceiling for FY2016 set by presidential determination, persons",
             reason=f"The FY2016 ceiling was {fy2016:,} (PD 2015-14); the determination for FY2017 was "
                    f"{fy2017_initial:,} (PD 2016-13). "
                    + ("No ceiling of 117,000 appears for any fiscal year since 1980." if not ever_117k else
                       "117,000 appears in the table, but not for FY2016."))

# "Less than half of the 2016 cap": against the FY2016 ceiling it fails; it holds only against the FY2017
# determination (signed in September 2016) that the 50,000 limit replaced.
half_2016 = claims.ratio(fy2017_cap, fy2016, "FY2017 cap under EO 13769", "FY2016 ceiling (PD 2015-14)")
ledger.check("REF-04", half_2016, sources=src,
             evidence_period="FY2017 cap against the FY2016 ceiling",
             immaterial={"period": "the document's '2016 cap' read as the FY2016 ceiling"},
             evidence_scope="EO 13769's FY2017 cap of 50,000 as a share of the FY2016 refugee ceiling (ratio)",
             if_differs=f"Against the FY2016 ceiling of {fy2016:,} the cap is {float(half_2016):.2f} of it, more than "
                        f"half. It is less than half ({fy2017_cap / fy2017_initial:.2f}) only of the FY2017 "
                        f"determination of {fy2017_initial:,}, signed in September 2016, that the cap replaced; the "
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
             evidence_period="FY2018-FY2020 against FY1980-FY2017",
             immaterial={"period": "FY2018-FY2020 are the years wholly under Trump; FY2017 ran on Obama's "
                                   "determination and FY2021's ceiling was raised by Biden (FY2021 admissions, lower "
                                   "still, would only strengthen the claim)"},
             evidence_scope=register.at["REF-07", "scope"],
             reason=f"Restated as: the lowest Trump-era admissions fall below every earlier year since FY1980. "
                    f"Ceilings too: each determination FY2018-FY2021 set a new low ({low_ceiling:.2f} of the "
                    "lowest earlier ceiling by FY2020). FY2021 admissions "
                    f"({int(fy.at[2021, 'admitted']):,}) were lower still.")

# %% [markdown]
# ## Policy parameters: suspensions, vetting and the asylum agreements
#
# These claims are about the content of executive orders, memoranda and agreements rather than statistics.
# `refugee_policy_parameters` holds each public value with its source, locator and whether the source is primary
# (Federal Register, DHS, State Department, GAO, Senate committee) or secondary (press, law firms, NGOs). Each claim
# is checked against the row that measures exactly what it states; a secondary source is named as such.

# %%
params[["claim_ids", "parameter", "value", "unit", "date", "source_kind"]]

# %%
picks = {  # claim -> the row that measures what it states
    "REF-01": "eo13769_usrap_suspension_length",
    "REF-05": "eo13780_usrap_suspension_length",
    "REF-06": "memo_2017_10_23_sao_countries",
    "REF-24": "dhs_2018_high_risk_countries",
    "REF-18": "aca_in_force_under_trump",
    "REF-19": "aca_guatemala_transferred_sfrc",
    "REF-20": "aca_guatemala_applied_sfrc",
}
context = {
    "REF-01": "Order text read from a reproduction of the Federal Register page (82 FR 8979, sec. 5(a)).",
    "REF-05": "The 120 days rests on secondary summaries of EO 13780 (Infogalactic, LIRS); the text of sec. 6(a) was "
              "not found in a stored copy of the Federal Register. It took partial effect on 29 Jun 2017 after the "
              "Supreme Court's stay and expired on 24 Oct 2017.",
    "REF-06": f"The memorandum of 23 Oct 2017 that accompanied EO 13815 is known through a law firm's quotation of it "
              f"(secondary); DHS's own release of 29 Jan 2018 (primary) confirms "
              f"{value('dhs_2018_high_risk_countries'):g} high-risk countries under the EO 13815 review. Neither "
              "EO 13815 nor DHS lists the countries.",
    "REF-18": f"{value('aca_agreements_signed_2019'):g} agreements were signed in 2019 (84 FR 63994); that only "
              "Guatemala's was implemented is Human Rights Watch's statement (secondary), matched by CNN.",
    "REF-19": f"An earlier count for 21 Nov 2019-16 Mar 2020 was {value('aca_guatemala_transferred_hrw'):g} "
              "(HRW/Refugees International); the document's 'about 945' matches the Senate Foreign Relations "
              "Committee report.",
    "REF-20": f"The Senate committee's figure as reported by AP (secondary). Of these, "
              f"{value('aca_guatemala_abandoned'):g} abandoned their cases and {value('aca_guatemala_undecided'):g} "
              f"were undecided; an earlier count was {value('aca_guatemala_applied_hrw'):g}.",
    "REF-24": "The DHS release confirms 11 countries and additional screening; 'longer interviews and separate "
              "interviews for children' are not named in the sources found (the closest is 'more in-depth interviews').",
}
for cid, pid in picks.items():
    ledger.check(cid, value(pid), sources=policy_src, computation=provenance(pid), **as_claimed(cid),
                 note=context.get(cid, ""))

# REF-17: ten years of history, "instead of five". Reuters: "going back a decade, twice as long as before".
years_now = value("oct2017_whereabouts_history_years")
reuters = ("years of contact and address history refugee applicants must provide under the October 2017 "
           "instructions, as reported by Reuters from a State Department document (news report)")
ledger.combine("REF-17", [
    claims.check("REF-17", years_now, sources=policy_src, computation=provenance("oct2017_whereabouts_history_years"),
                 evidence_period=register.at["REF-17", "period"], evidence_scope=reuters + ": new period",
                 immaterial={"scope": "the first part of the claim, read through a news report"}),
    claims.check("REF-17", claims.Computed(years_now / 2, f"{years_now:g} years / 2 ('twice as long as before')"),
                 stated=5, sources=policy_src, evidence_period="before 23 Oct 2017",
                 immaterial={"period": "the earlier period the claim compares with",
                             "scope": "the second part of the claim, read through a news report"},
                 evidence_scope=reuters + ": previous period"),
], stated_value="10 (years, new); 5 (years, before)")

# REF-21: none of the asylum applications decided, and nobody sent to Honduras or El Salvador, by January 2021.
applied, abandoned, pending = (value(p) for p in ("aca_guatemala_applied_sfrc", "aca_guatemala_abandoned",
                                                  "aca_guatemala_undecided"))
decided = claims.Computed(applied - abandoned - pending,
                          f"{applied:g} applied - {abandoned:g} abandoned - {pending:g} still undecided "
                          f"(granted: {value('aca_guatemala_granted'):g})")
sent_elsewhere = claims.total({"to El Salvador": value("aca_transfers_to_el_salvador"),
                               "to Honduras": value("aca_transfers_to_honduras")})
ledger.combine("REF-21", [
    claims.check("REF-21", decided, stated=0, sources=policy_src, evidence_period="as of 2021-01-18",
                 immaterial={"period": "the Senate committee's report of 18 Jan 2021 is January 2021",
                             "scope": "the first part of the claim"},
                 evidence_scope="asylum applications in Guatemala by people transferred under the ACA that had been "
                                "decided (Senate Foreign Relations Committee, as reported by AP)"),
    claims.check("REF-21", sent_elsewhere, stated=0, sources=policy_src,
                 evidence_period="to December 2020 (agreements suspended 6 Feb 2021)",
                 immaterial={"period": "no transfer is reported between the last report (Dec 2020) and the "
                                       "suspension of all three agreements on 6 Feb 2021",
                             "scope": "the second part of the claim"},
                 evidence_scope="asylum seekers transferred to El Salvador or Honduras under an ACA (Washington Post, "
                                "AP; HRW: only the Guatemala agreement was ever implemented)"),
], stated_value="0 (decided); 0 (sent to Honduras or El Salvador)")

# REF-22 / REF-23: only the combined count is public.
combined = value("pacr_harp_total_processed")
document_split = claims.total({"PACR": float(register.at["REF-22", "stated_value"]),
                               "HARP": float(register.at["REF-23", "stated_value"])})
pacr_search = ("GAO-21-144 (highlights, fast facts and reposts of the report), DHS OIG-21-16, CBP's letter to Rep. "
               "Escobar (AILA Doc. 20031130), CQ Roll Call (Feb 2020), MPI and American Immigration Council briefs; "
               "re-searched 2026-12-03: '3,180'/'2,110' with PACR/HARP in stored pages and code (no hit), the full "
               "text of OIG-21-16 (oversight.garden, docslib, readkong copies) and of GAO-21-144 (docslib, vdocuments "
               "copies) for a per-programme count, immpolicytracking.org's docket summary of Las Americas v. Wolf "
               "(D.D.C. 1:19-cv-03640)")
for cid in ("REF-22", "REF-23"):
    ledger.not_checkable(cid, f"No public source found splits the count between PACR and HARP. GAO-21-144 gives about "
                              f"{combined:,.0f} for both programmes together (Oct 2019-Mar 2020), which equals the "
                              f"document's two numbers added up ({document_split:,.0f}); the split itself is unsourced "
                              "(CQ Roll Call's government source gave 1,200 for PACR at the end of January 2020).",
                         category="no_public_record", searched=pacr_search)

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
# * **Secondary sources behind some policy values.** EO 13780's 120-day suspension (REF-05), the October 2017
#   memorandum's 11 countries (REF-06; DHS's own release confirms 11) and its ten-year history requirement
#   (REF-17, Reuters), the ACA implementation count and the Guatemala outcomes as reported by HRW and AP (REF-18,
#   REF-20, REF-21) rest on news, law-firm or NGO reports; each verdict's note names its source.
# * **Not checkable:** REF-22 and REF-23 — no public source found splits GAO's combined PACR + HARP count.

# %%
dhs = cross[(cross["field"] == "admitted") & (cross["source_b"] == "DHS-YB2023")]
gap = (dhs["value_source_b"] / dhs["value_source_a"] - 1).abs()
pd.DataFrame({"years compared": [len(dhs)], "largest gap (%)": [100 * gap.max()],
              "in FY": [int(dhs.loc[gap.idxmax(), "fiscal_year"])],
              "largest gap outside FY1992-FY1993 (%)": [100 * gap[~dhs["fiscal_year"].isin([1992, 1993])].max()]})
