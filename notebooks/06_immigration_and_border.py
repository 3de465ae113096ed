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
# # Immigration and the border under Trump and Biden: encounters, the wall, and the dated actions
#
# **The question.** Megan Hogan's side-by-side comparison of the two presidents' immigration records (PIIE,
# 24 June 2024, "Trump vs. Biden on immigration: A side-by-side policy comparison"; Chinese compilation in
# document `000`) opens with polls and a record year at the border, then lists each administration's actions:
# the border wall and its funding, metering and Remain-in-Mexico, family separation, expedited removal,
# Title 42, the travel bans, DACA, public charge, the pandemic proclamations, new legal pathways and the
# Temporary Protected Status (TPS) decisions. This notebook checks every number in those passages — claims
# **BOR-01 … BOR-25** and **IMM-01 … IMM-42** — against official statistics (CBP, DHS), the Federal Register,
# court rulings and the polls the text draws on. (The refugee-ceiling claims, REF-xx, are in notebook 01.)
#
# **Three bases that must not be mixed.** US Border Patrol (USBP) *apprehends* people between ports of entry;
# CBP's Office of Field Operations (OFO) finds people *inadmissible* at the ports. From 21 March 2020 to
# 11 May 2023 many were *expelled* under the Title 42 public-health order instead of being processed under
# immigration law (Title 8). All are "encounters", which count events, not people. And a fiscal year (FY)
# runs from 1 October to 30 September.

# %% tags=["parameters"]
fast = False  # no Monte Carlo here; kept so every notebook takes the same parameters
first_fy, last_fy = 2000, 2024

# %%
import re

import pandas as pd

from analysis import claims, data, figures, immigration, io, paths

figures.use_style()
ledger = claims.Ledger("06_immigration_and_border")
register = claims.register().set_index("claim_id")

# %% [markdown]
# ## The data
#
# All tables are in `data/` with a schema in `datapackage.json`; every row carries a source key expanded in
# `immigration_sources` (citation, URL, kind of source, date read). They were compiled in the project's shared
# source folder from CBP's own releases (monthly PDFs, the Southwest Land Border dashboard, the
# `sbo-encounters` and nationwide-encounters files), the DHS Yearbook, the Federal Register, CRS and GAO
# reports, court opinions and, where no government text was found, news and practitioner reports.

# %%
sources = data.load("immigration_sources")
sources.groupby("kind").size().rename("source keys").to_frame()

# %%
fy = data.load("border_encounters_fy")
monthly = data.load("border_encounters_monthly")
fy[(fy["preferred"] == 1) & (fy["fiscal_year"] == 2023)][
    ["fiscal_year", "region", "component", "title_of_authority", "encounter_type", "encounters", "source"]]

# %% [markdown]
# **Do the tables add up?** Several sources overlap, so before using them the notebook checks that each
# preferred fiscal-year total equals the sum of its twelve months, and that Title 8 + Title 42 equals the
# "All" row and USBP + OFO equals the CBP total, year by year and month by month. Each check raises an error
# naming file, row and column if anything is off.

# %%
by_months = immigration.check_fy_against_months(fy, monthly)
parts_fy = immigration.check_components(fy)
parts_month = immigration.check_components(monthly, file=immigration.MONTHLY_FILE,
                                           by=["fiscal_year", "fiscal_month"])
pd.DataFrame({"compared": [by_months.n_compared, parts_fy.n_compared, parts_month.n_compared],
              "equal": [by_months.n_equal, parts_fy.n_equal, parts_month.n_equal]},
             index=["FY total = sum of months", "parts = total (FY)", "parts = total (month)"])

# %% [markdown]
# ## Encounters by month and by fiscal year
#
# The monthly series keeps the components apart. Before FY2019 only USBP apprehensions are published by month
# here, so the "CBP total" line starts in October 2018.

# %%
series = immigration.monthly_series(monthly)
pref = fy[(fy["preferred"] == 1) & (fy["region"] == "Southwest Land Border")]
names = {("U.S. Border Patrol", "Title 8"): "usbp_title8", ("U.S. Border Patrol", "Title 42"): "usbp_title42",
         ("Office of Field Operations", "Title 8"): "ofo_title8",
         ("Office of Field Operations", "Title 42"): "ofo_title42",
         ("CBP total (USBP + OFO)", "All (Title 8 + Title 42)"): "cbp_total"}
pref = pref.assign(series=[names.get((c, t)) for c, t in zip(pref["component"], pref["title_of_authority"])])
fy_wide = pref.dropna(subset=["series"]).pivot(index="fiscal_year", columns="series", values="encounters")
fy_wide = fy_wide.reindex(columns=list(names.values()))
fy_wide.loc[first_fy:last_fy].tail(8)

# %%
fig = immigration.plot_encounters(series, fy_wide.loc[first_fy:last_fy])
figures.save(fig, "06_immigration_and_border_encounters",
             caption="Southwest land border encounters. Top: by month, Oct 1999 - Sep 2024, USBP apprehensions "
                     "(Title 8), Title 42 expulsions, OFO inadmissibles and the CBP total; shading marks the "
                     "administration in office. Bottom: fiscal-year totals by component and legal authority "
                     f"(FY{first_fy}-FY{last_fy}; OFO is published here from FY2019 only). Events, not people.",
             source="CBP, USBP Monthly Encounters FY2000-FY2020; CBP Southwest Land Border Encounters dashboard "
                    "(13 Oct 2022) and sbo-encounters release (Aug 2025); data/border_encounters_monthly.csv, "
                    "data/border_encounters_fy.csv.")

# %% [markdown]
# ## Removals and returns
#
# Removals are departures under an order of removal; returns are confirmed departures without one (mostly
# Mexicans returned at the border in the 2000s). The DHS Yearbook table used here ends in FY2019, before
# Title 42 expulsions — a third category — began. None of the document's claims states a removal total; the
# series is shown for context.

# %%
removals = data.load("border_removals_returns_fy")
fig = immigration.plot_removals(removals, first_fy)
figures.save(fig, "06_immigration_and_border_removals",
             caption=f"Aliens removed (with an order of removal) and returned (without one) by fiscal year, "
                     f"FY{first_fy}-FY2019, nationwide; shading marks the administration in office.",
             source="DHS, Yearbook of Immigration Statistics 2019, Table 39 (third-party transcription, "
                    "see data/border_removals_returns_fy.csv).")
removals.tail(5)

# %% [markdown]
# ## The dated actions
#
# The side-by-side tables date each action. `immigration_executive_actions` holds one row per dated event of
# each instrument (signed, published, effective, expiry, court ruling), with its Federal Register citation;
# `immigration_tps_actions` holds the TPS terminations, the court-ordered continuations and the 18-month
# windows of the Biden-era designations.

# %%
actions = data.load("immigration_executive_actions")
tps = data.load("immigration_tps_actions")
issued = actions[actions["event_type"].isin(["signed", "announced", "published"])]
assert (issued["administration"] == issued["date"].map(immigration.administration)).all()
fig = immigration.plot_timeline(actions, tps)
figures.save(fig, "06_immigration_and_border_actions_timeline",
             caption="Dated immigration actions in the document's side-by-side tables, Jan 2017 - Jul 2024, by "
                     "theme and event type; green bars are TPS designation windows (clipped at July 2024), red "
                     "crosses the effective dates set by the 2017-18 TPS terminations (blocked in court).",
             source="Federal Register (executive orders, proclamations, rules, TPS notices), court opinions, "
                    "DHS/State/CDC statements; data/immigration_executive_actions.csv, "
                    "data/immigration_tps_actions.csv.")
actions[["date", "event_type", "administration", "instrument", "claim_ids"]].head(12)

# %% [markdown]
# ## Checking the document's numbers
#
# ### The opening: polls and a record year (IMM-01 … IMM-07, BOR-24)
#
# The document attributes the 80% to Pew and names no poll for the rest. The January 2024 Pew survey and the
# March–April 2024 Harris Poll for Axios carry most of them; both sample US adults, not voters.

# %%
polls = data.load("immigration_public_opinion_2024").set_index(["pollster", "item", "group"])["pct"]
PEW, HARRIS = "Pew Research Center", "The Harris Poll for Axios (Axios Vibes)"
poll_src = ["immigration_public_opinion_2024"]
ledger.check("IMM-01", polls[(PEW, "government doing a bad job dealing with the large number of migrants at "
                                    "the U.S.-Mexico border", "all")], sources=poll_src,
             computation="Pew ATP 16-21 Jan 2024: share saying the government does a bad job at the border",
             reason="Pew sampled US adults; the document says voters.")
ledger.check("IMM-02", polls[(HARRIS, "support mass deportations of undocumented immigrants", "all")],
             abs_tol=2, sources=poll_src, computation="Harris Poll for Axios, Mar-Apr 2024, all adults",
             reason="'About half' read as 50 ± 2.")
ledger.check("IMM-03", polls[(HARRIS, "support mass deportations of undocumented immigrants", "Democrats")],
             sources=poll_src, computation="Harris Poll for Axios, Mar-Apr 2024, Democrats")
ledger.check("IMM-04", polls[(PEW, "creating more opportunities for people to legally immigrate would make "
                                   "the situation better", "all")], sources=poll_src,
             computation="Pew Jan 2024: more legal-immigration opportunities would make the border better",
             reason="Harris/Axios finds 58% supporting expanded legal pathways, a differently worded item.")
ledger.not_checkable("IMM-05", "The Republican share for the legal-immigration item is not in any Pew or Harris "
                               "release found (only the all-adult 56%); no other 2024 poll giving 43% was found.")
ledger.not_checkable("IMM-06", "No 2024 poll item on work permits for asylum seekers with an all-adult share near "
                               "one half was found; Pew's related item (temporary legal status and work "
                               "eligibility while asylum cases are pending) is published by party only.")
ledger.check("IMM-07", polls[(PEW, "increasing the number of judges (and staff) to process asylum applications "
                                   "would make the situation better", "all")], sources=poll_src,
             computation="Pew Jan 2024: more judges and staff to decide asylum cases faster")

# %% [markdown]
# **"A record number of migrants arrived in 2023."** On CBP's Southwest-border count by *fiscal* year, FY2023
# is the highest on record. Before FY2019 the tables hold USBP apprehensions only, so for FY1960–FY2018 the
# comparison is with a lower bound: the record would fail only if OFO inadmissibles in the peak USBP year had
# exceeded the gap computed below, which no source here suggests but none rules out either.

# %%
cbp_total = fy_wide["cbp_total"].dropna()
usbp_only = fy_wide["usbp_title8"].loc[:2018]
earlier_max = max(int(cbp_total.loc[:2022].max()), int(usbp_only.max()))
earlier_year = int(cbp_total.loc[:2022].idxmax()) if cbp_total.loc[:2022].max() >= usbp_only.max() \
    else int(usbp_only.idxmax())
record = claims.ratio(int(cbp_total.loc[2023]), earlier_max, "FY2023 CBP Southwest encounters",
                      f"highest earlier fiscal year (FY{earlier_year})")
cal = immigration.calendar_year_totals(series["cbp_total"])
usbp_fy = fy_wide["usbp_title8"].add(fy_wide["usbp_title42"], fill_value=0)
gap_to_usbp_peak = int(cbp_total.loc[2023]) - int(usbp_only.max())
print(f"FY2023 CBP total minus the USBP-only peak (FY{int(usbp_only.idxmax())}): {gap_to_usbp_peak:,}")
ledger.check("BOR-24", record, stated=">1", sources=["border_encounters_fy", "border_encounters_monthly"],
             reason=f"Holds for CBP encounters by fiscal year (FY2023 {int(cbp_total.loc[2023]):,} vs FY2022 "
                    f"{int(cbp_total.loc[2022]):,}). It does not hold by calendar year (CY2022 {cal.loc[2022]:,} "
                    f"> CY2023 {cal.loc[2023]:,}) nor for USBP alone (FY2022 {int(usbp_fy.loc[2022]):,} > "
                    f"FY2023 {int(usbp_fy.loc[2023]):,}). Before FY2019 only USBP apprehensions are compiled (OFO would "
                    f"need {gap_to_usbp_peak:,} in FY{int(usbp_only.idxmax())} to overturn it). Events, not people.")
pd.DataFrame({"fiscal year CBP total": cbp_total, "calendar year CBP total": cal}).astype("Int64")

# %% [markdown]
# ### The wall (BOR-01 … BOR-09)
#
# The border's length depends on who measures it; the document uses the CRS/Census convention. The pre-2017
# stock of primary barrier is GAO's FY2015 figure (USBP's table of 30 September 2019 has the same total, split
# differently because vehicle barrier was being replaced by pedestrian wall).

# %%
miles = data.load("border_barrier_miles")
funding = data.load("border_barrier_funding")
bm_src = ["border_barrier_miles"]
m_sel = lambda **kw: miles.loc[(miles[list(kw)] == pd.Series(kw)).all(axis=1), "miles"]  # noqa: E731
lengths = miles[miles["measure"] == "border_length"][["basis", "miles", "source"]]
ledger.check("BOR-01", float(m_sel(measure="border_length", basis="CRS and Census Bureau").iloc[0]),
             sources=bm_src, computation="border length, CRS and Census Bureau convention",
             reason="IBWC gives 1,954 land miles and CBP rounds to 1,900: a measuring convention, not an error.")
gao = dict(source="gao_18_614", as_of="FY2015", measure="primary_barrier")
ped = float(m_sel(**gao, barrier_type="pedestrian").iloc[0])
veh = float(m_sel(**gao, barrier_type="vehicle").iloc[0])
stock = claims.total({"pedestrian": ped, "vehicle": veh})
assert stock == float(m_sel(**gao, barrier_type="total (pedestrian + vehicle)").iloc[0])
ledger.check("BOR-02", stock, sources=bm_src, reason="GAO-18-614, FY2015 (unchanged in March 2018); USBP's "
             "30 Sep 2019 table also totals 654.")
ledger.check("BOR-03", ped, sources=bm_src, computation="GAO-18-614 primary pedestrian barrier, FY2015",
             reason="USBP counted 374 pedestrian miles within the same 654 by 30 Sep 2019.")
ledger.check("BOR-04", veh, sources=bm_src, computation="GAO-18-614 primary vehicle barrier, FY2015",
             reason="USBP counted 280 vehicle miles by 30 Sep 2019.")
lengths

# %% [markdown]
# **Money.** CRS totals the DHS appropriations for barriers from FY2017 to FY2021; its earlier total through
# FY2020 plus the FY2021 appropriation agrees with it. The redirected money is the sum of the FY2019 Defense
# transfers, the Treasury Forfeiture Fund and the February 2020 Defense transfer (table below).

# %%
fund = funding.set_index("record_id")
f_row = lambda **kw: funding.loc[(funding[list(kw)] == pd.Series(kw)).all(axis=1), "amount_usd_billion"].iloc[0]  # noqa: E731
dhs_total = f_row(period="FY2017-FY2021", funding_source="DHS appropriations (CBP)")
check_sum = claims.total({"FY2017-FY2020 (CRS IN11193)": f_row(period="FY2017-FY2020"),
                          "FY2021": f_row(period="FY2021")})
ledger.check("BOR-05", dhs_total, abs_tol=0.05, sources=["border_barrier_funding"],
             computation=f"CRS R45888: DHS barrier appropriations since EO 13767 (cross-check: {check_sum.how} "
                         f"= {float(check_sum):.3f})", reason="Stated to one decimal: tolerance 0.05.")
redirected = claims.total({"DoD 2019 (10 USC 284 + 2808)": f_row(period="2019", funding_source="Department of Defense",
                                                                  status="redirected"),
                           "Treasury Forfeiture Fund 2019": f_row(funding_source="Treasury Forfeiture Fund"),
                           "DoD Feb 2020 (10 USC 284)": f_row(period="2020-02-13")})
ledger.check("BOR-06", redirected, abs_tol=0.05, sources=["border_barrier_funding"],
             reason="'About' $10.5bn: tolerance 0.05. A planned further FY2020 military-construction diversion "
                    "(reported at $7.2bn in January 2020) is not established by these sources.")
funding[["period", "funding_source", "amount_usd_billion", "status", "source"]]

# %% [markdown]
# **Miles built.** CBP's count of "border wall system" built from 2017 mixed replacement and new wall. The dated
# snapshots found stop in early January 2021 (table below); no CBP figure for 20 January 2021 was found.

# %%
built = miles[miles["measure"] == "border_wall_system_built_since_2017"].sort_values("as_of")
last_total = built[built["barrier_type"] == "all (new + replacement)"].iloc[-1]
last_new = built[built["barrier_type"] == "new primary where no barrier existed"].iloc[-1]
ledger.not_checkable("BOR-07", f"No CBP figure for 20 Jan 2021 was found; the last dated count is "
                               f"{last_total['miles']:.0f} miles on {last_total['as_of']} (new + replacement), "
                               "rising about a mile a day, so 458 by inauguration is plausible but unpublished.")
ledger.not_checkable("BOR-08", f"No CBP figure for 20 Jan 2021 was found; the last dated count of new primary "
                               f"wall where none existed is {last_new['miles']:.0f} miles on {last_new['as_of']} "
                               "(plus 33 miles of new secondary wall).")
ledger.check("BOR-09", float(m_sel(measure="planned_new_barrier").iloc[0]), sources=bm_src,
             computation="Starr County waiver of 5 Oct 2023 (88 FR 69214): up to 20 miles, as reported by AP",
             reason="The notice lists project areas; the mileage comes from AP's report of it.")
built[["as_of", "barrier_type", "miles", "source"]]

# %% [markdown]
# ### Detention, metering, separation, MPP and expedited removal (BOR-10 … BOR-23)

# %%
stats = data.load("immigration_statistics")
params = data.load("immigration_policy_parameters")
st_src, pp_src = ["immigration_statistics"], ["immigration_policy_parameters"]


def stat(prefix: str, start: str | None = None) -> pd.Series:
    hit = stats[stats["statistic"].str.startswith(prefix)]
    if start:
        hit = hit[hit["period_start"] == pd.Timestamp(start)]
    return hit.iloc[0]


def param(claim_id: str, parameter_prefix: str = "") -> pd.Series:
    hit = params[params["claim_ids"].fillna("").str.split(";").map(lambda ids: claim_id in ids)
                 & params["parameter"].str.startswith(parameter_prefix)]
    return hit.iloc[0]


for cid, start in (("BOR-10", "2017-01-01"), ("BOR-11", "2018-01-01")):
    ledger.check(cid, stat("ICE detentions of pregnant women", start)["value"], sources=st_src,
                 computation=f"GAO-20-330, calendar year {start[:4]}",
                 reason="Counts detentions, not distinct women.")
ledger.check("BOR-12", stat("asylum seekers on metering", "2019-08-01")["value"], sources=st_src,
             computation="Strauss Center metering update, August 2019 (12 Mexican border cities)")
ledger.check("BOR-13", stat("asylum seekers on metering", "2020-08-01")["value"], sources=st_src,
             computation="Strauss Center metering update, August 2020 (lists closed since March 2020)",
             reason="The November 2020 update was not found; the February and August 2020 updates both give "
                    "about 15,000 names.")
ledger.not_checkable("BOR-14", "The share of list members who had waited nine months or more is not in the "
                               "metering updates found (August 2020: waits of up to 10-11 months in some cities).")
clp_window = param("BOR-15", "window")
clp = claims.span(clp_window["period_start"].date(), clp_window["period_end"].date(), unit="years")
ledger.check("BOR-15", clp, sources=pp_src,
             reason="Different provision: the Circumvention of Lawful Pathways rule (88 FR 31314) presumes "
                    "asylum ineligibility, rebuttably, for entries during two years (11 May 2023 - 11 May 2025) "
                    "unless an exception such as a CBP One appointment applies; it bars no one from entering. The "
                    "five-year bar is the Title 8 consequence of a removal order (INA 212(a)(9)(A)).")
ledger.check("BOR-16", param("BOR-16")["value"], sources=pp_src,
             computation="Attorney General's remarks of 7 May 2018")
sep = stats[stats["statistic"].str.startswith("separated children")
            & stats["note"].fillna("").str.contains("added")].iloc[0]
certified, added, removed = (int(x) for x in
                              re.search(r"(\d+) \+ (\d+) added - (\d+) removed", sep["note"].replace(",", "")).groups())
sep_total = claims.Computed(certified + added - removed, f"{certified} certified + {added} added - {removed} removed")
assert float(sep_total) == sep["value"]
ledger.check("BOR-17", sep_total, sources=st_src,
             reason="HHS OIG OEI-BL-18-00511: separated children of Ms. L class members in ORR care on 26 June "
                    "2018, not separations between 7 May and 20 June; HHS OIG notes thousands more separated from "
                    "2017.")
ledger.check("BOR-18", stat("individuals returned to Mexico under MPP")["value"], sources=st_src,
             computation="DHS MPP termination memo (1 Jun 2021): about 68,000 returned",
             reason="TRAC counts over 70,000 MPP court cases; both ends of the stated range are sourced.")
ledger.check("BOR-19", param("BOR-19", "maximum time")["value"], sources=pp_src,
             computation="69 FR 48877 (2004): fewer than 14 days in the US")
ledger.check("BOR-20", param("BOR-20", "maximum distance")["value"], sources=pp_src,
             computation="69 FR 48877 (2004): within 100 air miles of the border")
ledger.check("BOR-21", param("BOR-21")["value"], sources=pp_src,
             computation="84 FR 35409 (2019): anywhere in the US, up to two years of continuous presence")
ledger.check("BOR-22", stat("removals under the July 2019 expanded")["value"], sources=st_src,
             computation="ICE data reported by BuzzFeed News; DHS later said the expansion was rarely used "
                         "(87 FR 16022)")

# Title 42 expulsions, March-December 2020, recomputed from the monthly table.
t42 = monthly[(monthly["preferred"] == 1) & (monthly["title_of_authority"] == "Title 42")
              & (monthly["calendar_year"] == 2020)]
t42_by = t42.groupby(["region", "component"])["encounters"].sum()
t42_sw = claims.total({f"{int(r.calendar_year)}-{int(r.calendar_month):02d} {r.component}": r.encounters
                       for r in t42[(t42["region"] == "Southwest Land Border")
                                    & (t42["component"] != "CBP total (USBP + OFO)")].itertuples()})
assert float(t42_sw) == stat("Title 42 expulsions, Southwest land border (CBP total)")["value"]
ledger.check("BOR-23", t42_sw, sources=["border_encounters_monthly"],
             computation="sum of USBP + OFO Title 42 expulsions at the Southwest border, Mar-Dec 2020",
             reason=f"Nationwide {t42_by[('Nationwide', 'CBP total (USBP + OFO)')]:,}; USBP alone "
                    f"{t42_by[('Southwest Land Border', 'U.S. Border Patrol')]:,} (also above 390,000). Events, "
                    "not people.")
t42_by.rename("Title 42 expulsions, Mar-Dec 2020").to_frame()

# %% [markdown]
# **When Title 42 ended (BOR-25).** The CDC announced on 1 April 2022 that its order would end on 23 May 2022
# (87 FR 19941); a court blocked that, and the order lapsed with the public-health emergency on 11 May 2023 —
# the last month with Title 42 expulsions in the CBP data is May 2023.

# %%
ev = actions.set_index("event_id")
planned_end = ev.loc[(ev["instrument"] == "CDC termination of the Title 42 order") & (ev["event_type"] == "expiry"),
                     "date"].iloc[0]
actual_end = ev.loc[(ev["instrument"] == "CDC Title 42 order") & (ev["event_type"] == "ended"), "date"].iloc[0]
last_t42 = monthly[(monthly["title_of_authority"] == "Title 42") & (monthly["encounters"] > 0)]
last_t42 = (int(last_t42["calendar_year"].max()),
            int(last_t42.loc[last_t42["calendar_year"] == last_t42["calendar_year"].max(), "calendar_month"].max()))
assert actual_end == pd.Timestamp("2023-05-11") and last_t42 == (actual_end.year, actual_end.month)
ledger.check("BOR-25", planned_end.date(), stated="2022-05-23", sources=["immigration_executive_actions"],
             computation=f"87 FR 19941: termination to be implemented {planned_end.date()}; actual end "
                         f"{actual_end.date()} (last Title 42 month in CBP data {last_t42[0]}-{last_t42[1]:02d})",
             reason="Both dates match: the announced end (23 May 2022) and the actual end (11 May 2023).")

# %% [markdown]
# ### Travel bans, DACA, public charge and the pandemic proclamations (IMM-08 … IMM-18, IMM-35 … IMM-39)
#
# Where the instrument lists countries, the count is taken from the list itself.

# %%
def n_countries(claim_id: str, prefix: str) -> claims.Computed:
    row = param(claim_id, prefix)
    listed = [c.strip() for c in row["countries"].split(";")]
    return claims.Computed(len(listed), f"count of countries listed in {row['fr_citation']}: {', '.join(listed)}")


ledger.check("IMM-08", n_countries("IMM-08", "countries"), sources=pp_src)
ledger.check("IMM-09", param("IMM-09", "length")["value"], sources=pp_src,
             computation="EO 13769 sec. 3(c): entry suspended for 90 days")
ledger.check("IMM-10", n_countries("IMM-10", "countries"), sources=pp_src,
             reason="Also for 90 days (EO 13780); Iraq dropped from the list.")
ledger.check("IMM-11", n_countries("IMM-11", "countries"), sources=pp_src,
             reason="Chad was removed in April 2018 (Proclamation 9723).")
ledger.check("IMM-12", n_countries("IMM-12", "countries added"), sources=pp_src,
             reason="Immigrant visas only (diversity visas only for Sudan and Tanzania).")
ledger.check("IMM-13", param("IMM-13")["value"], sources=pp_src,
             computation="2012 DACA memorandum: renewable two-year deferred action")
ledger.check("IMM-14", param("IMM-14")["value"], sources=pp_src,
             computation="Wolf memorandum of 28 Jul 2020: renewals for one year")
ledger.check("IMM-15", param("IMM-15")["value"], sources=pp_src,
             computation="public-inspection version of FR Doc 2022-18401",
             reason="The printed Federal Register version runs 149 pages (87 FR 53152-53300); the rule was "
                    "published on 30 Aug 2022.")
ds5540 = param("IMM-16")
ledger.check("IMM-16", claims.span(ev.loc["EA21", "date"].date(), ds5540["period_end"].date(), unit="months"),
             abs_tol=0.5, sources=pp_src + ["immigration_executive_actions"],
             reason="OMB approved the emergency collection on 20 Feb 2020 to 31 Aug 2020 ('6 months from "
                    "approved'); six months to the nearest half month.")
lpr = data.load("immigration_lpr_fy").set_index("fiscal_year")["persons_obtaining_lpr_status"]
chg = claims.change_pct(int(lpr[2020]), int(lpr[2019]), "FY2020 LPR grants", "FY2019 LPR grants")
drop = claims.Computed(-float(chg), chg.how + "; sign reversed: the size of the cut in percent")
ledger.check("IMM-17", drop, abs_tol=5, sources=["immigration_lpr_fy"],
             reason=f"Green cards granted fell {float(drop):.0f}% in FY2020 and "
                    f"{-float(claims.change_pct(int(lpr[2021]), int(lpr[2019]))):.0f}% in FY2021 from FY2019 (DHS; "
                    "OIS reports the same 31% cut), not about half. The document names neither its source nor its "
                    "measure; visas issued abroad, which the proclamations targeted, may have fallen more, but no "
                    "public series of them was compiled here.")
ledger.check("IMM-18", param("IMM-18")["value"], sources=pp_src,
             computation="Proclamation 10014 (85 FR 23441): 60 days from 23 Apr 2020")
for cid, eid, what in (("IMM-35", "EA07", "last expiry date of DACA grants renewable under the Duke memo"),
                       ("IMM-38", "EA26", "end date set by Proclamation 10052"),
                       ("IMM-39", "EA28", "end date set by the proclamation of 31 Dec 2020")):
    ledger.check(cid, ev.loc[eid, "date"].date(), sources=["immigration_executive_actions"],
                 computation=f"{eid}: {what}")
pc_planned, pc_actual = ev.loc["EA17", "date"].date(), ev.loc["EA18", "date"].date()
assert str(pc_actual) == "2020-02-24"
ledger.check("IMM-37", pc_planned, stated="2019-10-15", sources=["immigration_executive_actions"],
             computation=f"EA17 planned effective date {pc_planned}; EA18 implemented {pc_actual}",
             reason="Both dates match (planned 15 Oct 2019; implemented 24 Feb 2020 after the Supreme Court stay).")
rulings = actions[(actions["event_type"] == "court_ruling")
                  & actions["claim_ids"].fillna("").str.contains("IMM-36")]
on_9_jan = claims.Computed(int((rulings["date"] == pd.Timestamp("2018-01-09")).sum()),
                           "district-court rulings against the DACA rescission dated 9 Jan 2018")
ledger.check("IMM-36", on_9_jan, sources=["immigration_executive_actions"],
             reason="Three district courts did block or vacate the rescission, but on different dates: N.D. Cal. on "
                    "9 Jan 2018, E.D.N.Y. on 13 Feb 2018 and D.D.C. on 24 Apr 2018; on 9 Jan 2018 only one.")
rulings[["date", "instrument", "description"]]

# %% [markdown]
# ### Legal pathways and TPS (IMM-19 … IMM-34, IMM-40 … IMM-42)
#
# The INA lets DHS designate a country for TPS for 6 to 18 months at a time (8 U.S.C. 1254a(b)(2)); each
# Biden-era notice sets an 18-month window, whose length is recomputed from its first and last day. The
# document's own dates (in the register's `period`) are compared with the notice's.

# %%
ledger.check("IMM-19", param("IMM-19", "supplemental H-2B visas reserved")["value"], sources=pp_src,
             computation="FY2023 H-2B supplemental rule (87 FR 76816): 20,000 of 64,716 reserved for El Salvador, "
                         "Guatemala, Honduras and Haiti",
             reason="'A record' is not checked.")
chnv = param("IMM-20")
per_year = claims.convert(chnv["value"], 12, "per month", "per year")
ledger.check("IMM-20", per_year, sources=pp_src,
             reason="Different basis: 30,000 is a monthly cap on travel authorizations for the four nationalities "
                    "together (DHS), i.e. up to 360,000 a year, not a programme total of 30,000 people.")
ledger.check("IMM-21", param("IMM-21")["value"], sources=pp_src,
             computation="Mexico accepts up to 30,000 CHNV nationals a month (Jan 2023 arrangement)")
ledger.check("IMM-22", param("IMM-22")["value"], sources=pp_src,
             computation="DHS estimate of eligible noncitizen spouses (plus about 50,000 stepchildren)")
ledger.check("IMM-23", param("IMM-23")["value"], sources=pp_src,
             computation="INA s.244(b)(2), 8 U.S.C. 1254a(b)(2): designations of 6 to 18 months, extendable")
terminations = tps[tps["action"] == "termination"]
ledger.check("IMM-24", claims.Computed(terminations["country"].nunique(),
                                       "countries with a TPS termination announced 2017-2018: "
                                       + ", ".join(terminations["country"])),
             sources=["immigration_tps_actions"])

windows = tps[tps["claim_id"].between("IMM-25", "IMM-34")]
rows = []
for r in windows.itertuples():
    months = immigration.window_months(r.period_start, r.period_end)
    said = re.findall(r"\d{4}-\d{2}-\d{2}", str(register.at[r.claim_id, "period"]))
    same = said == [str(r.period_start.date()), str(r.period_end.date())][:len(said)]
    note = "" if same else f"The document dates the window {' to '.join(said)}."
    ledger.check(r.claim_id, months, abs_tol=0.1, sources=["immigration_tps_actions"],
                 computation=f"{r.country}, {r.fr_citation}: {months.how} (inclusive window)",
                 reason=(note + (" An extension and redesignation, not a first designation."
                                 if r.action == "extension_redesignation" else "")).strip())
    rows.append({"claim": r.claim_id, "country": r.country, "from": r.period_start.date(),
                 "to": r.period_end.date(), "months": round(float(months), 2), "document's dates match": same})
pd.DataFrame(rows)

# %%
# IMM-40: the six effective dates as the document gives them (register text, "5 Jan 2019 (Nicaragua)" or
# "Nicaragua (5 Jan 2019)"), compared with the DHS effective dates.
text = register.at["IMM-40", "claim"]
DAY, COUNTRY = r"\d{1,2} [A-Z][a-z]{2} \d{4}", r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
said = {c: pd.Timestamp(d) for d, c in re.findall(rf"({DAY}) \(({COUNTRY})\)", text)}
said |= {c: pd.Timestamp(d) for c, d in re.findall(rf"({COUNTRY}) \((?:effective )?({DAY})\)", text)}
eff = terminations.set_index("country")["period_end"]
matches = claims.Computed(sum(eff.get(c) == d for c, d in said.items()),
                          "termination effective dates in the document equal to the DHS dates: "
                          + "; ".join(f"{c} {d.date()}" for c, d in said.items()))
ledger.check("IMM-40", matches, stated=6, sources=["immigration_tps_actions"],
             reason="All six terminations were blocked by the Ramos, Saget and Bhattarai litigation; none took "
                    "effect (the note that Sudan's was not overturned is not checked here).")
for cid in ("IMM-41", "IMM-42"):
    row = tps[tps["claim_id"] == cid].iloc[0]
    ledger.check(cid, row["period_end"].date(), sources=["immigration_tps_actions"],
                 computation=f"{row['fr_citation']} ({row['fr_published'].date()}): TPS and documents for the six "
                             f"countries continued through {row['period_end'].date()}",
                 reason="A court-ordered continuation of documentation, not a new designation.")
pd.DataFrame({"document": pd.Series(said).dt.date, "DHS": eff.dt.date})

# %% [markdown]
# ## Verdicts

# %%
verdicts = ledger.write()
expected = {c for c in register.index if c.startswith(("IMM-", "BOR-"))}
assert set(verdicts["claim_id"]) == expected, expected ^ set(verdicts["claim_id"])
io.write_json(paths.RESULTS / "06_immigration_and_border.json", {
    "verdicts": verdicts["verdict"].value_counts().to_dict(),
    "fy2023_cbp_southwest_encounters": int(cbp_total.loc[2023]),
    "title42_expulsions_southwest_mar_dec_2020": int(t42_sw),
    "consistency_checks": {"fy_vs_months": by_months.n_compared, "components_fy": parts_fy.n_compared,
                           "components_month": parts_month.n_compared},
})
verdicts["verdict"].value_counts().rename("claims").to_frame()

# %%
with pd.option_context("display.max_colwidth", 80, "display.max_rows", 100):
    display(ledger.table())  # noqa: F821 (IPython)

# %% [markdown]
# ## Caveats
#
# * **Events, not people.** Encounters, expulsions, removals and detentions count events; repeat crossings
#   rose under Title 42, so the 2021–2023 totals overstate the number of distinct people.
# * **Components and bases.** OFO inadmissibles by month are in the table only from FY2019; earlier years are
#   USBP apprehensions alone. Fiscal and calendar years give different "record" years (see BOR-24).
# * **Secondary sources.** Several values reach us through copies: the LPR totals and the removals table are
#   third-party transcriptions of DHS tables (the OIS 2020 flow report's "31 percent reduction" agrees with
#   the LPR values); the wall-mileage snapshots and the Starr County mileage come from news reports quoting CBP
#   and AP; the six TPS termination dates from a National Immigration Forum table and law-firm summaries of the
#   Federal Register notices; poll shares from Pew's and Axios's releases as reported.
# * **Not checkable.** IMM-05 and IMM-06 (no poll found giving the figure), BOR-07 and BOR-08 (no CBP count
#   for 20 January 2021), BOR-14 (no published share of long waits on metering lists).
# * **No simulated data** are used in this notebook.
