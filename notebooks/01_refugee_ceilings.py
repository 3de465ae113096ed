# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
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
# **"A 2016 cap of 117,000."** No US refugee ceiling of 117,000 exists for any year. The FY2016 ceiling was
# 85,000; the determination made in September 2016 for FY2017 was 110,000, which is the cap the 50,000 limit
# replaced.

# %%
fy2016, fy2017_initial, fy2017_cap = (int(fy.at[2016, "ceiling_final"]), int(fy.at[2017, "ceiling_initial"]),
                                      int(fy.at[2017, "ceiling_revised"]))
ever_117k = table[["ceiling_initial", "ceiling_revised", "ceiling_final"]].isin([117_000]).any().any()
ledger.check("REF-03", fy2016, sources=src, computation="ceiling_final for FY2016",
             reason=f"The FY2016 ceiling was {fy2016:,} (PD 2015-14); the determination for FY2017 was "
                    f"{fy2017_initial:,} (PD 2016-13). 117,000 appears in no source for any fiscal year "
                    f"(found in the table: {ever_117k}).")

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
                    "lowest earlier ceiling by FY2020). FY2021 admissions (11,411) were lower still, but that "
                    "year's ceiling was raised by Biden in May 2021.")

# %% [markdown]
# ## Policy parameters: suspensions, vetting and the asylum agreements
#
# These claims are about the content of executive orders, memoranda and agreements rather than statistics.
# Where a cited public source gives the number (`refugee_policy_parameters`, each value with its source and
# locator), it is checked; otherwise the claim is marked not checkable with the reason.

# %%
try:
    params = data.load("refugee_policy_parameters")
except KeyError:
    params = pd.DataFrame(columns=["parameter_id", "claim_ids", "value", "url", "source_title", "note"])

policy_claims = ["REF-01", "REF-05", "REF-06", "REF-17", "REF-18", "REF-19", "REF-20", "REF-21",
                 "REF-22", "REF-23", "REF-24"]
for cid in policy_claims:
    rows = params[params["claim_ids"].fillna("").str.split(";").map(lambda ids: cid in ids)
                  & params["value"].notna()]
    if rows.empty:
        ledger.not_checkable(cid, "A policy parameter of an executive action or agreement; no public source "
                                  "giving the number was found for the project's data (see "
                                  "refugee_policy_parameters for what was looked for).")
        continue
    row = rows.iloc[0]
    ledger.check(cid, float(row["value"]), sources=["refugee_policy_parameters"],
                 computation=f"{row['parameter_id']}: {row['source_title']}",
                 reason=str(row["note"]) if pd.notna(row["note"]) else "")
params.head(20)

# %% [markdown]
# ## Verdicts

# %%
ledger.write()
ledger.table()

# %% [markdown]
# ## Caveats
#
# * **Two counts of "admitted".** The State Department (WRAPS) charges refugees to the year whose ceiling they
#   count against and includes Amerasian immigrants from FY1989; DHS counts by arrival date and excludes them.
#   The two differ by under 1.4% except FY1992–FY1993. This notebook uses WRAPS throughout.
# * **Vintages.** Recent years are revised in later WRAPS reports (FY2018 rose from 22,491 in December 2018 to
#   22,672 in December 2024 because of the *Doe v. Trump* settlement).
# * **FY2017** has two ceilings: the 110,000 determination and the 50,000 entry limit of EO 13769/13780. The
#   table keeps both; admissions (53,716) exceeded 50,000 because courts exempted refugees with a bona fide
#   relationship to a US person or entity.
# * **Single-source years.** Ceilings for FY1980–FY1990 (except FY1982) and FY1992–FY1994 rest on the Migration
#   Policy Institute's compilation alone; no determination text was found for them.
