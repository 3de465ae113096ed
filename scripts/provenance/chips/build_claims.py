"""The per-claim mapping table data/chips_claim_checks.csv: one row per CHIP-, EXP- and ICT- claim.

Input folder: environment variable CHIPS_COMPILATION (or first argument), holding the per-claim tables claim_sources_chip.csv and claim_sources_exp_ict.csv and the figure tables of the earlier compilation of public sources for the CHIP and EXP claims (docs/sources/chips_exp.md); that compilation was not published, and every row it contributes names its own public publisher and URL.

Source fields default to the earlier compilation's claim_sources_*.csv row of the claim (its publisher, page, date, URL) and are
overridden where a source was confirmed or found with the search tool. `method` says how notebook 07 judges it:
compare (public_value vs the stated value), compare_range (public_low-public_high vs a stated range), table
(computed in the notebook from the tidy table named in data_resource), internal (the document's own numbers or sourced
counts combined with the claims vocabulary), not_checkable (reason given).
"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _paths import DATA, SRC as SRC_CODE, input_dir  # noqa: E402

import pandas as pd

SRC = input_dir("CHIPS_COMPILATION", "the CHIP/EXP compilation tables (docs/sources/chips_exp.md)")
OUT = DATA
READ = "2026-11-28"

compiled = pd.concat([pd.read_csv(SRC / f, dtype=str, keep_default_na=False)
                    for f in ("claim_sources_chip.csv", "claim_sources_exp_ict.csv")]).set_index("claim_id")
register = pd.read_csv(DATA / "claims.csv", dtype=str, keep_default_na=False)
ids = register.loc[register["claim_id"].str.match(r"^(CHIP|EXP|ICT)-"), "claim_id"].tolist()

ROWS = {}


def c(cid, method, *, value=None, low=None, high=None, unit="", stated_as="", abs_tol=0.0, rel_tol=0.0, basis="",
      kind="secondary_report", resource="", legal="", note="", differs="", nc="", src=None):
    """Record one claim's check. `src` = (publisher, page, date, url, found_by) overrides the compilation's source."""
    row = dict(claim_id=cid, method=method, public_value=value, public_low=low, public_high=high, public_unit=unit,
               stated_as=stated_as, abs_tol=abs_tol, rel_tol=rel_tol, basis=basis, source_kind=kind,
               data_resource=resource, legal_instrument=legal, note=note, reason_if_differs=differs,
               not_checkable_reason=nc)
    if src is not None:
        pub, page, date, url, found = src
    elif cid in compiled.index and compiled.at[cid, "source_title"]:
        s = compiled.loc[cid]
        pub, page, date, url, found = (s["source_publisher"], s["source_title"], s["source_date"],
                                       s["source_location"], "earlier_compilation")
    elif resource:
        pub = page = date = url = ""
        found = "data_resource"  # every value used comes from the named resource, which cites it per row
    else:
        pub = page = date = url = ""
        found = "none"
    row.update(publisher=pub, source_page=page, source_date=date, source_url=url, found_by=found,
               date_read=READ if found not in ("none", "data_resource") else "")
    if not unit and cid in compiled.index:
        row["public_unit"] = compiled.at[cid, "public_unit"] or compiled.at[cid, "document_unit"]
    ROWS[cid] = row


# =============================================================== CHIP: Hmaidi (MERICS 2024), document 000
c("CHIP-01", "compare", value=40, unit="pct", basis="MIC2025 milestone: 40% IC self-sufficiency by 2020 (IC Insights summary of the roadmap)",
  note="The 2015 technical-roadmap Green Book itself was not available; IC Insights reports the same 40% (2020) and 70% (2025) milestones.")
c("CHIP-02", "not_checkable", nc="No public source for a 2019 update of the target to 58% was found; the roadmap documents (Green Book editions) are not in the stored material and the sources consulted give only the original 40% (2020) and 70% (2025) milestones.")
c("CHIP-03", "table", unit="pct", abs_tol=0.5, resource="chips_market_values", kind="original_publisher",
  basis="IC production located in China (incl. foreign-owned fabs) / China IC market, 2020 (IC Insights)",
  note="Counts all production located in China, including foreign-owned fabs; China-headquartered firms alone supplied a far smaller share (computed in the notebook).")
c("CHIP-04", "compare", value=4, unit="technologies", kind="official",
  basis="Commission Recommendation of 3 Oct 2023: four critical technology areas for collective risk assessment",
  note="Four priority areas out of a list of ten critical technologies.")
c("CHIP-05", "compare", value=3, unit="rounds", basis="Big Fund phases 2014, 2019, 2024 (Reuters)")
c("CHIP-06", "compare", value=12, unit="years", basis="PLA service 1970-1982 (reference biographies); CRN: left the army in 1983",
  differs="Error: reference biographies give about 9-12 years of army service (1970 or 1974 to 1982-83), not 20; only a low-quality blog gives 20.")
c("CHIP-07", "compare", value=2, unit="rank", basis="IDC: Huawei No. 2 smartphone vendor by shipments in Q2 2018",
  note="Holds for Q2 2018 (IDC, Gartner); the full-year 2018 ranking was not checked.")
c("CHIP-08", "internal", unit="CNY_billion", resource="chips_exchange_rates", kind="official",
  nc="The 2009 grant amount could not be checked: Huawei's 2009 annual report is stored only as cover and contents pages, and later reports give about CNY 1bn a year (2018-2019).")
c("CHIP-09", "compare", value=3, unit="companies", basis="Shenzhen state-backed fabs serving Huawei (PXW, SwaySure, PST)",
  note="Chip types produced by the three firms were not verified.")
c("CHIP-10", "internal", unit="CNY_billion", rel_tol=0.05, resource="chips_exchange_rates", kind="secondary_report",
  basis="Bloomberg (SIA presentation): an estimated US$30bn of state funding, converted at the Fed's 2023 average CNY rate",
  note="The RMB figure is the document's conversion of Bloomberg's US$30bn; the estimate itself is unverified and comes from an industry group.")
c("CHIP-11", "compare", value=1.95, unit="CNY_billion", basis="SMIC 2022 government subsidies (Wind compilation of filings, via SCMP)",
  note="The SMIC annual report itself was not read.")
c("CHIP-12", "compare", value=7, unit="nm", kind="original_publisher", basis="TechInsights teardown: SMIC 7nm (N+2) in the Kirin 9000s")
c("CHIP-13", "compare", value=28, unit="companies",
  basis="Caixin (June 2021): the RSLaser stake is among 28 Hubble investments to date, mostly in the chip supply chain",
  note="28 is Hubble's cumulative count since 2019 as of June 2021, not investments made within 2021.",
  src=("China Economic Review (summarising Caixin)", "'Huawei continues move into microchips with subsidiary investments', 2021-06-17",
       "2021-06-17", "https://chinaeconomicreview.com/huawei-continues-move-into-microchips-with-subsidiary-investments/", "search_tool"))
c("CHIP-14", "internal", unit="fabs", resource="chips_policy_counts",
  basis="SIA presentation via Bloomberg: at least 2 fabs acquired plus at least 3 under construction",
  note="Both counts are lower bounds ('at least').")
c("CHIP-15", "compare", value=3, unit="companies", basis="three main lithography suppliers: ASML, Canon, Nikon",
  note="True of the mainstream scanner market; smaller makers (e.g. SMEE) exist.")
c("CHIP-16", "compare", value=1, unit="companies", basis="ASML is the only EUV scanner supplier")
c("CHIP-17", "internal", unit="years", abs_tol=1, resource="exp_policy_events",
  basis="years between TSMC's 90 nm volume production (2004) and the article (2024)",
  note="Measured from the foundry leader's 90 nm volume production; 90 nm risk production started in 2002-2003, so the gap is 20-22 years.")
c("CHIP-18", "compare", value=90, unit="nm", basis="SMEE SSA600-series tools: 90 nm, 110 nm, 280 nm")
c("CHIP-19", "compare", value=28, unit="nm", basis="SMEE 28 nm-capable tool announced Dec 2023, announcement later edited",
  note="The start of the promise in 2018 was not verified.")
c("CHIP-20", "compare", value=14, unit="nm", basis="Huawei EDA tools for 14 nm and above (Xu Zhijun speech, 28 Feb 2023; Reuters 24 Mar 2023)",
  note="The speech was on 28 Feb 2023, not in March.")
# ============================================================== Allen & Goldston (CSIS 2025), document 002
c("CHIP-21", "compare", value=9, unit="USD_billion", basis="SK hynix's 2020 deal for Intel's NAND business incl. the Dalian fab (global business, paid 2021-2025)",
  differs="Different basis and error: SK hynix's 2020 China-related deal was the US$9bn purchase of Intel's whole NAND business (incl. the Dalian fab); no source gives over US$20bn of China facility investment in 2020.")
c("CHIP-22", "internal", unit="USD_billion", resource="chips_policy_counts",
  basis="Samsung Xi'an NAND fab: phase II total US$15bn (2017-2021)",
  differs="Different period: no single-year 2021 figure above US$20bn exists; the Xi'an phase II total completed in 2021 is US$15bn, and only the cumulative two-phase total exceeds US$20bn.")
c("CHIP-23", "table", unit="pct", abs_tol=2.5, resource="chips_korea_japan_trade", kind="original_publisher",
  basis="KITA, Jan-Sep 2022: share of Korea's chip exports to China and Hong Kong",
  differs="Different basis and period: KITA data for Jan-Sep 2022 give China about 41% of Korea's chip exports and China plus Hong Kong about 56%; 'about 60%' exceeds both. A full-year 2022 split was not found.")
c("CHIP-24", "table", unit="USD_billion", abs_tol=0.5, resource="chips_korea_japan_trade", kind="original_publisher",
  basis="KITA, Jan-Sep 2022: Korea's chip exports to China plus Hong Kong",
  differs="Different period and measure: Korean data give US$42bn to China (US$58bn with Hong Kong) for Jan-Sep 2022; US$66bn matches China's customs figure for imports of Korean chips (US$65.6bn, apparently 2023), an import-side measure of a different year.")
c("CHIP-25", "table", unit="pct", abs_tol=2.5, resource="chips_value_chain_shares",
  basis="DRAM capacity located in South Korea, about half (CSET, Jan 2022)",
  note="Capacity by location; by revenue, Korean firms hold about 70% (see CHIP-55).")
c("CHIP-80", "compare", value=1, unit="rank", basis="China remained Korea's largest export market for full-year 2023; the US last led (monthly) in June 2003",
  note="Holds from about 2003 on export data; Korea's total-trade ranking was not checked.",
  src=("Korea JoongAng Daily (MOTIE data)", "'U.S. overtakes China as top export partner for first time in 20 years'", "2024-01-01",
       "https://koreajoongangdaily.joins.com/news/2024-01-01/business/industry/US-overtakes-China-as-top-export-partner-for-first-time-in-20-years-/1948547", "earlier_compilation"))
# =========================================================== Zhao Minghao (2023), document 004
for cid, region in (("CHIP-26", "United States"), ("CHIP-27", "South Korea"), ("CHIP-28", "Japan"), ("CHIP-29", "Europe"),
                    ("CHIP-30", "Taiwan"), ("CHIP-31", "China")):
    basis_ic = f"IC Insights 2020: {region}-headquartered firms' share of worldwide IC sales (IDM + fabless, foundries excluded)"
    if cid == "CHIP-26":
        c(cid, "table", unit="pct", abs_tol=0.5, resource="chips_market_values;chips_value_chain_shares", kind="original_publisher",
          basis="SIA 2020: sales of US-headquartered firms / world semiconductor sales",
          note="IC Insights' IC-only measure (foundries excluded) gives 55% for US firms: a different basis.")
    else:
        c(cid, "table", unit="pct", abs_tol=0.5, resource="chips_value_chain_shares", kind="original_publisher", basis=basis_ic,
          differs=("Different basis: the only 2020 regional breakdown found is IC Insights' IC-only shares (foundries excluded), "
                   "which differ from the document's figures; the document's six shares look like all-semiconductor shares "
                   "(its US 47% is SIA's), but SIA's own 2020 breakdown by region was not found."),
          src=("DIGITIMES (citing IC Insights)", "'US companies hold 55% of worldwide IC market in 2020, says IC Insights'", "2021-04-14",
               "https://www.digitimes.com/news/a20210414PR202.html", "search_tool"))
c("CHIP-32", "compare", value=92, unit="pct", abs_tol=0.5, kind="official",
  basis="White House 100-day supply-chain review (June 2021): Taiwanese firms' share of leading-edge production",
  differs="Different definition: the nearest official figure is Taiwan's 92% share of world leading-edge production, not the share of US imports of advanced chips; the Commerce/DHS assessment text with 90% was not found.")
c("CHIP-33", "not_checkable", nc="The Raimondo-Austin letter of 13 Jul 2022 was found only in summaries that do not quote the US$150bn figure; the nearest estimate (SIA/BCG, May 2024: more than US$142bn of government incentives) is a lower bound from a later report, so it neither confirms nor contradicts the figure.")
c("CHIP-34", "not_checkable", resource="chips_value_chain_shares",
  nc="A forecast attributed to the Raimondo-Austin letter, whose text was not found. For comparison, SIA/BCG (May 2024) put China's share of wafer capacity (all nodes) at 24% in 2022 and projected 21% for 2032.")
c("CHIP-35", "table", unit="USD_billion", resource="chips_chips_act", kind="official", legal="P.L. 117-167, Division A (CHIPS Act of 2022)",
  basis="Appropriations of Division A of the CHIPS and Science Act", note="The 25% investment tax credit is outside the US$52.7bn.")
c("CHIP-36", "compare_range", low=15, high=20, unit="USD_billion", basis="Morris Chang (2017): upwards of US$15bn, safer to say upwards of US$20bn, for a 3 nm fab",
  note="A 2017 estimate for a 3 nm fab; IBS puts a 3 nm fab at about US$20bn.")
c("CHIP-37", "table", unit="pct", resource="chips_chips_act", kind="official", legal="CHIPS Incentives Program NOFO (Feb 2023)",
  basis="Expected direct funding as a share of project capex, commercial-fabrication NOFO", note="Total incentives are capped at 35% of capex.")
c("CHIP-38", "not_checkable", nc="A leverage target (projection); no stored source gives US$200-400bn. Outcomes reported later (company announcements of US$166bn by Sep 2023 and over US$395bn by Aug 2024) measure something else.")
c("CHIP-39", "compare_range", low=6, high=8, unit="pct_per_year", basis="McKinsey (Apr 2022): average annual growth of 6-8% to 2030 (scenario)",
  note="Checks that McKinsey made the projection, not the projection itself.")
c("CHIP-40", "compare", value=1000, unit="USD_billion", basis="McKinsey (Apr 2022): about US$1 trillion industry by 2030",
  note="Checks that McKinsey made the projection, not the projection itself.")
c("CHIP-41", "compare", value=40, unit="USD_billion", kind="official", basis="White House fact sheet, 9 Aug 2022: Micron US$40bn (to 2030)")
c("CHIP-42", "compare", value=4.2, unit="USD_billion", basis="Qualcomm's additional US$4.2bn chip-purchase commitment at GlobalFoundries' US fab",
  note="A purchase commitment (wafer supply agreement to 2028), not a capital grant to GlobalFoundries.")
c("CHIP-43", "not_checkable", nc="A company plan (a projection); the stored copies of the White House fact sheet of 9 Aug 2022 are cut off before the percentage.")
c("CHIP-44", "table", unit="USD_billion", resource="chips_chips_act", kind="official", legal="P.L. 117-167, Division A",
  basis="CHIPS research and development appropriation",
  note="The US$11bn is the whole CHIPS R&D appropriation (NSTC, advanced packaging programme, Manufacturing USA institute, metrology); the NSTC is its centrepiece, not its only use.")
c("CHIP-45", "compare", value=0.5422, unit="USD_billion", rel_tol=0.1, basis="IBS (2018): design cost of a 5 nm chip, US$542.2m",
  note="'About' is read as within 10%; Semiconductor Engineering notes such headline figures may be inflated.")
c("CHIP-46", "table", unit="pct", resource="chips_value_chain_shares", basis="Southeast Asia's share of the global assembly, test and packaging market (DIGITIMES)",
  note="Year of measurement not stated by the source; the primary SIA/BCG table was not found.")
c("CHIP-47", "compare", value=41.88, unit="USD_billion", abs_tol=0.05, basis="Fortune Business Insights via DIGITIMES: ASEAN semiconductor market US$41.88bn in 2028",
  differs="Error (transcription or rounding): the cited forecast is US$41.88bn for 2028, about 2% above the document's 41.1.")
c("CHIP-48", "compare", value=7.10, unit="USD_billion", basis="Reuters: Intel to invest MYR 30bn (US$7.10bn) in Malaysia over a decade",
  note="Investment over a decade in assembly and test facilities.")
c("CHIP-49", "not_checkable", nc="The sum cannot be formed: the Applied Materials amount was not found in the stored sources. Micron's own commitment is up to US$0.825bn and its Indian project totals US$2.75bn including about 70% Indian public support.")
c("CHIP-50", "compare", value=17, unit="companies", basis="IC Insights (Dec 2021 forecast): 17 companies with 2021 semiconductor sales above US$10bn",
  note="The count matches but the source is an IC Insights forecast, not the SIA as the document says.")
c("CHIP-51", "not_checkable", nc="No 2021 worldwide revenue ranking placing SMIC was found (SMIC's 2021 revenue was US$5.4bn; the ranking's publisher is not identifiable from the document).")
c("CHIP-52", "not_checkable", nc="No member count of the Semiconductors in America Coalition was found: it comprises all SIA members plus nine named downstream firms, and the signatory list of its 31 Mar 2022 letter is not in the stored material.")
c("CHIP-53", "internal", unit="USD_billion", resource="chips_exchange_rates", basis="Micron's Hiroshima plan: up to JPY 500bn over several years, converted at the Fed's 2023 average",
  differs="Error or different scope: Micron announced up to JPY 500bn (about US$3.6bn at 2023 rates) for Hiroshima, about half the document's US$7bn, with EUV production from 2025-2026 rather than 2024.")
c("CHIP-54", "table", unit="pct", abs_tol=0.5, resource="chips_value_chain_shares", kind="original_publisher",
  basis="SIA/BCG (May 2024): South Korea's share of below-10nm wafer capacity, 2022",
  differs="Different basis or year: SIA/BCG give Korea 31% of below-10nm capacity in 2022 (8% in 2019) and Counterpoint about 20% of 10nm-and-below capacity in 2022; 37% was not found (it may include memory nodes).")
c("CHIP-55", "table", unit="pct", abs_tol=2.5, resource="chips_dram_revenue", kind="original_publisher",
  basis="TrendForce, 4Q21: Samsung plus SK hynix share of DRAM revenue",
  note="Revenue share, not capacity (compare CHIP-25).")
c("CHIP-56", "table", unit="pct", resource="chips_value_chain_shares", kind="original_publisher",
  basis="SIA/BCG (Apr 2021): Taiwan's share of below-10nm wafer capacity, 2019",
  note="By 2022 the SIA/BCG share had fallen to 69% as Korea's rose.")
c("CHIP-57", "compare", value=5, unit="nm", basis="TSMC Arizona: 5 nm fab, volume production planned for 2024 (2021 plan)",
  note="A plan at the time; later delays were not assessed.")
c("CHIP-58", "compare", value=3.5, unit="USD_billion", stated_as=">4", kind="secondary_report",
  basis="METI subsidy for TSMC's Kumamoto fab 1, up to US$3.5bn (June 2022)",
  differs="Below the stated amount: METI's June 2022 subsidy for Kumamoto fab 1 was up to about US$3.5bn (JPY 476bn), less than US$4bn; the US$5.2bn in the document's footnote may bundle other recipients.")
c("CHIP-59", "compare", value=55000, unit="wafers_per_month", basis="Approved plan (June 2022): 55,000 12-inch wafers a month",
  differs="Different plan vintage: the approved June 2022 plan gives 55,000 wafers a month; 45,000 was presumably the earlier 2021 figure (not verified). Production timing (Dec 2024) agrees.")
c("CHIP-60", "not_checkable", nc="The Guardian article cited was found but its stored text has no US$80bn private-investment figure; the US$76bn Senator Sanders criticised is the subsidy total, a different quantity.")
c("CHIP-61", "compare", value=50, unit="pct", basis="Morris Chang (Brookings, Apr 2022): US wafer costs 50% higher than Taiwan",
  note="In March 2023 Chang said costs could double.")
c("CHIP-62", "compare", value=115000, unit="workers", kind="original_publisher",
  basis="SIA/Oxford Economics (Jul 2023): US chip industry to add 115,000 jobs by 2030 (67,000 of them at risk of going unfilled)",
  differs="Not supported: SIA/Oxford Economics project 115,000 new US chip-industry jobs by 2030 with a 67,000-worker shortfall; the 300,000 figure (attributed to Schmidt) was not found.")
c("CHIP-63", "table", unit="pct", abs_tol=0.5, resource="chips_market_values", kind="original_publisher",
  basis="SIA/WSTS 2022: semiconductor sales into China / world sales",
  differs="Different definition: sales into China were about 31% of world semiconductor sales in 2022 (35% in 2021); 75% may confuse demand with China's share of chip imports or of device assembly.")
c("CHIP-64", "compare", value=18, unit="percentage_points", kind="original_publisher",
  basis="SIA/BCG (Mar 2020): full US ban on sales to China costs US firms 18 points of global share",
  note="The source unit is percentage points of global market share.")
c("CHIP-65", "compare", value=37, unit="pct", kind="original_publisher", basis="SIA/BCG (Mar 2020): 37% of US firms' revenues in the full-ban scenario")
c("CHIP-66", "compare_range", low=20, high=25, unit="pct", basis="Nvidia CFO, Q2 FY2024 call: China 20-25% of data-centre revenue historically",
  note="Share of data-centre revenue, not of total revenue.")
c("CHIP-67", "compare", value=15, unit="pct", basis="Reuters: China 15% of ASML's 2021 sales",
  note="An earlier Reuters item gave 16%; ASML's 20-F regional table was not read.")
c("CHIP-68", "compare", value=2, unit="generations", basis="TechInsights: SMIC 7 nm is two generations ahead of its 14 nm")
c("CHIP-81", "not_checkable", nc="Describes an aim of allied cooperation (joint R&D centres for chips below 2 nm); there is no count or public series to check, and 2 nm is a technology target, not a measurement.")
# ==================================================== Hmaidi (MERICS 2024), dates and counts added later
c("CHIP-69", "table", unit="year", resource="exp_policy_events", basis="Huawei founding year")
c("CHIP-70", "table", unit="year", resource="exp_policy_events", kind="official", legal="BIS Entity List rule effective 18 Dec 2020 (Federal Register, 22 Dec 2020)",
  basis="SMIC Entity List designation")
c("CHIP-71", "not_checkable", nc="No stored source confirms that Huawei was named a national AI champion at the World AI Conference of August 2019; the conference reports found do not list the designation.")
c("CHIP-72", "table", unit="year", resource="exp_policy_events", basis="Hubble Technology Investment founding year")
c("CHIP-73", "table", unit="year", resource="exp_policy_events", basis="SMEE founding year",
  differs="Off by one year: SMEE was set up in 2002 (as an 863 Programme lithography project), not 2003.")
c("CHIP-74", "table", unit="year", stated_as="2021", resource="exp_policy_events",
  basis="Year of Hubble's investment in lithography light-source maker RSLaser (2 Jun 2021)",
  note="The patent part: a Huawei EUV lithography patent application (filed 2021) was made public in November 2022, consistent with the document.")
c("CHIP-75", "compare", value=3, unit="companies", basis="Mentor Graphics (now Siemens EDA), Cadence and Synopsys are the dominant EDA vendors",
  src=("China Tech Tales (blog); SemiWiki (Wally Rhines)", "'The Rise of the EDA Industry', 2020-09-24; 'Competitive Dynamics in the EDA Industry', 2019-08-23",
       "2020-09-24", "https://chinatechtales.wordpress.com/2020/09/24/example-post-3/", "search_tool"),
  note="Secondary sources; no market-share table was read.")
c("CHIP-76", "not_checkable", nc="A characterisation ('mainstream'), not a statistic: x86 and Arm dominate PCs and mobile devices, but the count of mainstream instruction-set architectures depends on the definition (Power, MIPS and RISC-V also exist).")
c("CHIP-77", "table", unit="year", resource="exp_policy_events", basis="Arm suspends business with Huawei (BBC report of 22 May 2019)",
  differs="Error: Arm suspended business with Huawei in May 2019, after Huawei's Entity List designation, not in 2018.")
c("CHIP-78", "table", unit="year", stated_as="2015", resource="exp_policy_events", basis="RISC-V Foundation creation year",
  note="The move: incorporation in Switzerland was announced in Nov 2019 and completed in March 2020; the foundation said it was not based on any one country, so 'due to Chinese participation' is the document's interpretation.")
c("CHIP-79", "table", unit="year", stated_as="2021", resource="exp_policy_events", basis="Beijing Open Source Chip Research Institute formed (end of 2021)",
  note="The 2019 part: the CAS XiangShan open RISC-V processor project began in 2019 (a project rather than a nationwide initiative).")
# ================================================================ EXP: document 001 (Gu Dengchen, 2025)
c("EXP-01", "internal", unit="chips", resource="chips_policy_counts",
  basis="Commerce approvals of Nov 2025: up to 35,000 GB300-equivalent chips each for G42 and Humain",
  note="The May 2025 plan was approved in November 2025.")
c("EXP-02", "not_checkable", nc="A forecast of timing; BIS (13 May 2025) said only that a replacement rule would come 'in the future', and no replacement rule was found by mid-2025.")
c("EXP-40", "not_checkable", nc="No public series: Nvidia reports revenue by customer location, not by product within China, so the H20's share of its China sales cannot be checked.")
c("EXP-41", "internal", unit="rounds", resource="exp_policy_events",
  basis="BIS updates of 17 Oct 2023 and 2 Dec 2024 after the 7 Oct 2022 rules",
  note="The Dec 2024 rules were interim final rules in force on issue (with a comment period), not rules still out for consultation.")
# ================================================================ EXP: document 002 (CSIS, 2025)
c("EXP-03", "table", unit="USD_billion", resource="exp_china_sme_imports", basis="China customs via FT: chip-tool imports Jun-Jul 2022",
  note="A two-month figure (June-July 2022); the document gives no period.")
c("EXP-04", "table", unit="USD_billion", resource="exp_china_sme_imports", basis="China customs via FT: chip-tool imports Jun-Jul 2023 (nearly US$5bn)",
  note="A two-month figure (June-July 2023), ahead of the Japanese (23 Jul) and Dutch (1 Sep 2023) controls.")
c("EXP-05", "internal", unit="rules", resource="chips_policy_counts", kind="official",
  basis="BIS: two rulemakings of 2 Dec 2024 plus the AI Diffusion and Foundry Due Diligence rules of Jan 2025",
  note="Counts the major rules; BIS also issued smaller Entity List rules in Jan 2025.")
c("EXP-06", "not_checkable", nc="A characterisation ('nearly 30 years of trade policy') rather than a measured quantity; Chinese commentary (NetEase, Oct 2022) likewise calls it the biggest change since the 1990s.")
c("EXP-07", "internal", unit="ECCNs", resource="chips_policy_counts", kind="official", legal="87 FR 62186 (interim final rule of 7 Oct 2022), Supplement No. 1 to 15 CFR part 774",
  basis="New ECCNs in the Oct 2022 rule: 3B090 (7 Oct) and 3A090, 4A090, 4D090 (21 Oct)")
for cid, v, what in (("EXP-08", 16, "logic ICs at 16/14 nm or below"), ("EXP-09", 18, "DRAM at 18 nm half-pitch or below"),
                     ("EXP-10", 128, "NAND with 128 layers or more")):
    c(cid, "compare", value=v, kind="official", legal="87 FR 62186 (7 Oct 2022): 15 CFR 744.23 and 744.6(c)(2)",
      basis=f"Advanced-node definition of the Oct 2022 rule: {what}", note="The definition changed in Dec 2024 and Jan 2025.")
c("EXP-11", "compare", value=1, unit="companies", basis="ASML is the sole maker of EUV lithography machines")
c("EXP-12", "not_checkable", nc="The Accenture/GSA study exists but the 70-crossings figure was not visible in the accessible text, and no other public source gives it.")
c("EXP-13", "not_checkable", nc="No public record of how long Wassenaar list changes take; the only source found is a commentary repeating the 'up to three years' figure, which may derive from the same report.")
c("EXP-14", "compare", value=5, unit="initiatives", kind="official", basis="Commission economic security package of 24 Jan 2024: five initiatives",
  src=("Netherlands Minister for Foreign Trade (letter to the Senate)", "Kamerstuk 22112-JJ, 'Kabinetsappreciatie witboek over Exportcontrole'", "2024-03-01",
       "https://zoek.officielebekendmakingen.nl/dossier/kst-22112-JJ.html", "search_tool"),
  note="Also the Irish Department of Enterprise summary (five initiatives, 24 Jan 2024).")
c("EXP-15", "compare", value=3, unit="rounds", resource="exp_policy_events", kind="official", basis="BMWK/BAFA: third package of procedure measures (Mar 2024)",
  note="The three packages came within about seven months (Sep 2023 to Mar 2024), not three years; a fourth followed (Jan 2025).")
c("EXP-16", "compare", value=23, unit="items", basis="METI draft FEFTA ordinance amendment of 31 Mar 2023: 23 SME items")
c("EXP-17", "not_checkable", nc="No Japanese trade statistics for Q1-Q3 2024 were found; the nearest (Nikkei on Japanese trade data) shows China taking more than half of Japan's chip-equipment exports in each quarter from Q3 2023 to Q1 2024, and Tokyo Electron about half of its revenue in Apr-Jun 2024.")
c("EXP-18", "compare", value=4, unit="recommendations", kind="official", basis="METI interim report of 24 Apr 2024: four numbered points")
c("EXP-19", "compare", value=21, unit="items", basis="METI draft amendment adding 21 items (semiconductor and quantum)",
  note="The report dates the METI announcement to the 31st (January 2025), not 17 January.")
c("EXP-20", "compare", value=2, unit="rank", basis="MOTIE, full-year 2023: the US was Korea's second-largest export market after China",
  differs="Different period: for full-year 2023 China stayed Korea's largest export market (US$124.8bn); the US overtook China only in monthly data (Dec 2023), so the document treats a month as the year.")
c("EXP-21", "compare", value=76, unit="technologies", kind="official", legal="MOTIE Notice 2024-241 (national core technologies, Industrial Technology Protection Act)",
  basis="National core technologies listed from 5 Jul 2024")
c("EXP-22", "compare", value=95, unit="pct", stated_as=">50", basis="Nvidia's share of China's AI accelerator market at the start of 2021 (company statement)",
  note="The CSIS original refers to a 2022 CSET study of chips bought by the Chinese military; the market share is a company claim.")
c("EXP-23", "table", unit="USD_million", resource="exp_bis_penalties", kind="official", basis="BIS order of 19 Apr 2023 against Seagate",
  note="Only the amount is checked; the Jan 2024 'down payment' remark was not found in the sources consulted.")
c("EXP-24", "table", unit="USD_million", resource="exp_bis_penalties", kind="official", basis="BIS order of 1 Nov 2024 against GlobalFoundries")
c("EXP-25", "table", unit="pct", abs_tol=0.5, resource="exp_bis_penalties", kind="official", basis="BIS: penalty / value of the 74 shipments")
c("EXP-26", "table", unit="ratio", resource="exp_bis_resources", kind="official",
  basis="Licence applications a year: more than 40,000 (2023) / about 20,000 (2012), BIS testimony of March 2024",
  note="Only the workload doubling is checked; GAO finds BIS funding roughly doubled in nominal terms FY2013-FY2024 (flat FY2023-FY2024), so 'nearly flat' holds only in inflation-adjusted terms or for the last years.",
  src=("FCW (reporting BIS Under Secretary Estevez's testimony)", "'Export control agency lacks funding and tech to manage its workload, official says'", "2024-03",
       "https://fcw.com/digital-government/2024/03/export-control-agency-lacks-funding-and-tech-manage-its-workload-official-says/395132/", "search_tool"))
c("EXP-27", "table", unit="USD_million", resource="exp_bis_resources", kind="secondary_report",
  basis="FY2024 enacted appropriation for BIS",
  differs="Different quantity: Congress enacted US$191m for BIS in FY2024 (the FY2023 level); about US$222m was the administration's request, which Congress denied, so the document cites the request as the allocation.")
c("EXP-28", "not_checkable", resource="exp_bis_resources",
  nc="BAFA's planned FY2025 budget (or its export-control share) was not found in any source consulted, so the ratio cannot be formed; note that the BIS figure used is the FY2024 request, not the enacted US$191m (see EXP-27).")
c("EXP-42", "not_checkable", nc="Only partly confirmable: the Commission's first compilation of national control lists (C/2023/441, 20 Oct 2023) lists measures adopted by Spain (31 May 2023) and the Netherlands (23 Jun 2023); national measures by France, Germany and Italy in the stated window were not found in the stored sources.")
c("EXP-43", "table", unit="date", stated_as="2025-04", resource="exp_policy_events", kind="official", legal="Dutch ministerial regulation published in the Government Gazette, 15 Jan 2025",
  basis="Effective date of the expanded Dutch national SME controls")
c("EXP-44", "not_checkable", nc="A forecast by German officials (a new round of unilateral controls by mid-2025); nothing to measure at the time of writing.")
c("EXP-45", "table", unit="year", stated_as="2006", resource="exp_policy_events", basis="Year BIS's licence-adjudication system was put in service",
  note="The enforcement system was put in service in 2008, as stated.")
# ================================================================ EXP: document 003 (Wei Hongbo)
c("EXP-29", "compare", value=3, unit="tiers", kind="official", legal="90 FR 4544 (AI Diffusion interim final rule, Jan 2025)",
  basis="Three-tier country structure of the AI Diffusion rule", note="The rule text uses licence-exception country groups rather than the word 'tier'.")
for cid, v, unit, what in (("EXP-30", 20, "years", "up to 20 years in prison"), ("EXP-31", 1, "USD_million", "fines up to US$1m for individuals"),
                           ("EXP-32", 100, "USD_million", "fines up to US$100m for companies")):
    c(cid, "compare", value=v, unit=unit, legal="S. 321 (119th Congress), introduced 29 Jan 2025, not enacted",
      basis=f"S. 321 as reported: {what}", note="Penalty figures from press coverage; the penalty section of the bill text was not read. A proposal, not law.")
c("EXP-33", "table", unit="USD_million", resource="exp_bis_resources", basis="FY2026 budget request: additional US$122m for BIS",
  note="Against the reduced FY2025 base another report gives +US$132m (77%); the increase is for BIS as a whole, aimed mainly at enforcement.")
c("EXP-46", "table", unit="date", resource="exp_policy_events", basis="Compliance date of the AI Diffusion rule",
  note="BIS announced the rescission on 13 May 2025, two days before.")
c("EXP-47", "table", unit="date", stated_as="2025-04", resource="exp_policy_events", kind="official",
  basis="Date the US government told Nvidia that H20 exports need a licence (Nvidia 8-K)")
# ================================================================ EXP: document 004 (Zhao Minghao)
c("EXP-34", "internal", unit="entities", stated_as=">200", resource="exp_entity_list_prc", kind="official",
  basis="PRC Entity List additions since Jan 2021: 160 (to Feb 2023) + 28 (Mar 2023 rule) + 13 (Oct 2023 rule), a lower bound",
  note="A lower bound as of Oct 2023 (other 2023 additions are not counted); BIS counted 355 PRC entries by May 2024.")
c("EXP-35", "compare", value=2, unit="generations", stated_as="1-2", kind="official",
  basis="Jake Sullivan (16 Sep 2022): the sliding scale kept the US 'a couple of generations ahead'",
  note="'A couple of' read as two.")
c("EXP-36", "compare", value=4, unit="pct", kind="original_publisher", basis="PIIE chart (Sep 2022): Chinese acquirers 4% of US M&A deals")
c("EXP-37", "compare", value=15, unit="pct", kind="original_publisher", basis="PIIE chart (Sep 2022): China-linked deals 15% of CFIUS reviews",
  note="Cross-check: CFIUS CY2021 annual report, 44 of 272 notices from Chinese investors (16%).")
c("EXP-38", "internal", unit="items", resource="chips_policy_counts", kind="official", legal="Japan's FEFTA export ordinance amendment, in force 23 Jul 2023",
  basis="Sum of the item counts by process step in the amended ordinance")
c("EXP-39", "compare", value=1, unit="years", basis="One-year authorisations of Oct 2022 for Samsung and SK hynix (and TSMC Nanjing)",
  note="Formalised as VEU changes effective 17 Oct 2023.")
# ================================================================ ICT: document 001
c("ICT-01", "internal", unit="documents", resource="chips_policy_counts",
  basis="Executive orders plus presidential memoranda signed on 20 Jan 2025",
  differs="Mislabelled count: 46 is the number of presidential actions posted on 20 Jan (including proclamations, nominations and other items); executive orders plus memoranda were 38.")
c("ICT-02", "compare", value=78, unit="documents", kind="official", legal="EO 14148 (20 Jan 2025), as recounted in EO 14236 (14 Mar 2025), sec. 1",
  basis="Biden-era orders and memoranda rescinded by EO 14148", note="Summaries count 67 executive orders plus 11 memoranda.")
c("ICT-03", "internal", unit="days", resource="exp_policy_events", kind="official", legal="P.L. 118-50, Division H, sec. 2 (270 days, one 90-day extension possible)",
  basis="Days from enactment (24 Apr 2024) to the prohibitions' effective date (19 Jan 2025)")
c("ICT-04", "internal", unit="years", resource="exp_policy_events", basis="EO 13873 (15 May 2019) to the ICTS final rule (6 Dec 2024)",
  note="About five and a half years, under two presidents; 'five years' is read as five full years.")
c("ICT-05", "compare", value=1000000, unit="persons", kind="official", legal="31 CFR 800.241 (sensitive personal data: one million individuals)",
  basis="CFIUS threshold for sensitive personal data", note="The threshold makes a firm a TID US business; mandatory filing is narrower than the document implies.")
c("ICT-06", "compare", value=800, unit="USD", kind="official", legal="19 U.S.C. 1321(a)(2)(C) as amended by TFTEA (P.L. 114-125) sec. 901",
  basis="De minimis administrative exemption raised from US$200 to US$800 (applied from 10 Mar 2016)")
c("ICT-07", "compare", value=1, unit="countries", basis="Import Security and Fairness Act (H.R. 6412, Jan 2022): China is the only country on both lists")
c("ICT-08", "compare", value=4000000, unit="parcels_per_day", rel_tol=0.05, kind="official",
  basis="CBP (Sep 2024): close to 4 million de minimis shipments a day in FY2024 (2.8 million in FY2023)")
c("ICT-09", "compare", value=1000, unit="CNY", kind="official", legal="China GAC Announcement No. 43 of 2010 (personal postal articles)",
  basis="Value limit per parcel of personal postal articles from abroad (RMB 800 from HK, Macao, Taiwan); tax of RMB 50 or less is waived",
  differs="Different definition: China's rule waives tax of RMB 50 or less and limits parcels to RMB 1,000 in value; there is no RMB 330 duty-free value cap in it (330 may be the value at which the tax reaches RMB 50 at the postal rate, which was not verified).")
c("ICT-10", "not_checkable", nc="The author's estimate with no stated method; the nearest public estimate (CITIC Securities, Feb 2025) measures different things: a 25-30% tariff burden on parcel value and a 15-20% price rise.")
c("ICT-11", "table", unit="date", stated_as="2025-10", resource="exp_policy_events", legal="DOJ final rule implementing EO 14117 (issued 27 Dec 2024)",
  basis="Effective date of the DOJ bulk-sensitive-data rule",
  differs="Partly wrong: the DOJ rule took effect on 8 Apr 2025; only its due-diligence, audit and reporting provisions start on 6 Oct 2025.")

missing = sorted(set(ids) - set(ROWS))
extra = sorted(set(ROWS) - set(ids))
assert not missing and not extra, (missing, extra)
frame = pd.DataFrame([ROWS[i] for i in ids])
cols = ["claim_id", "method", "public_value", "public_low", "public_high", "public_unit", "stated_as", "abs_tol", "rel_tol",
        "basis", "publisher", "source_page", "source_date", "source_url", "source_kind", "found_by", "date_read",
        "data_resource", "legal_instrument", "note", "reason_if_differs", "not_checkable_reason"]
frame = frame[cols]
frame.loc[frame["found_by"] == "none", "source_kind"] = "none"
frame.to_csv(OUT / "chips_claim_checks.csv", index=False, lineterminator="\n")
print(frame["method"].value_counts().to_dict(), len(frame))
