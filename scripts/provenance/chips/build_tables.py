"""Build the tidy chips/export-control tables in data/ from an earlier compilation plus search-confirmed values.

Input folder: environment variable CHIPS_COMPILATION (or first argument), holding the per-claim tables claim_sources_chip.csv and claim_sources_exp_ict.csv and the figure tables of the earlier compilation of public sources for the CHIP and EXP claims (docs/sources/chips_exp.md); that compilation was not published, and every row it contributes names its own public publisher and URL.

Run once by the author of notebook 07 (not part of the notebook run). Every value is copied from a compilation
table (with its publisher and URL) or from a public page read with the search tool on
the date given in date_read; nothing is typed from memory.
"""
import re
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _paths import DATA, SRC as SRC_CODE, input_dir  # noqa: E402

import pandas as pd

SRC = input_dir("CHIPS_COMPILATION", "the CHIP/EXP compilation tables (docs/sources/chips_exp.md)")
OUT = DATA
READ = "2026-11-28"  # date the values were read (compilation tables re-read and search-tool pages consulted)


def split_source(text):
    """'Publisher note, https://url' -> (publisher text, url)."""
    m = re.search(r"(https?://\S+)\s*$", text)
    if not m:
        return text.strip(), ""
    return text[: m.start()].rstrip(" ,"), m[1]


# ------------------------------------------------------------------------------------------------ value chain
rows = []
hq = pd.read_csv(SRC / "semiconductor_sales_share_by_company_hq.csv")
for r in hq.itertuples():
    pub, url = split_source(r.source)
    if r.publisher_of_estimate == "SIA":
        scope = "all semiconductors"
    elif r.publisher_of_estimate == "IC Insights":
        scope = "integrated circuits, IDM and fabless, foundries excluded"
    else:
        scope = "all semiconductors, by brand headquarters"
    rows.append(dict(year=r.year, scenario="actual", measure="sales_by_company_hq", scope=scope, region=r.hq_region,
                     share_pct=r.share_pct, qualifier="", publisher=r.publisher_of_estimate, source_page=pub,
                     source_url=url, found_by="earlier_compilation", date_read=READ, note=r.metric))
# IC Insights 2021: Taiwan and Japan shares, from The Register (read with the search tool).
for region, share in (("Taiwan", 9), ("Japan", 6)):
    rows.append(dict(year=2021, scenario="actual", measure="sales_by_company_hq",
                     scope="integrated circuits, IDM and fabless, foundries excluded", region=region, share_pct=share,
                     qualifier="", publisher="IC Insights",
                     source_page="The Register, 'China finished 2021 with 4% global semiconductor market share', 2022-04-06",
                     source_url="https://www.theregister.com/2022/04/06/2021_national_semiconductor_market_share/",
                     found_by="search_tool", date_read=READ, note="share of worldwide IC sales by company HQ"))
cap = pd.read_csv(SRC / "wafer_capacity_share_by_region_node.csv")
for r in cap.itertuples():
    pub, url = split_source(r.source)
    rows.append(dict(year=r.year, scenario=r.scenario, measure="wafer_capacity_by_location", scope=r.node_class,
                     region=r.region, share_pct=r.capacity_share_pct, qualifier="", publisher=r.publisher_of_estimate,
                     source_page=pub, source_url=url, found_by="earlier_compilation", date_read=READ, note=""))
rows.append(dict(year=2021, scenario="actual", measure="dram_capacity_by_location", scope="DRAM", region="South Korea",
                 share_pct=50, qualifier="about", publisher="CSET (Hunt 2022)",
                 source_page="ITIF Fact of the Week, 'Nearly 93 Percent of DRAM Chips Are Produced in South Korea, China, and Taiwan', 2022-04-01",
                 source_url="https://itif.org/publications/2022/04/01/nearly-93-percent-of-dram-chips-are-produced-in-south-korea-china-and-taiwan",
                 found_by="earlier_compilation", date_read=READ, note="'about half' of DRAM capacity located in Korea (CSET, Jan 2022)"))
rows.append(dict(year=2021, scenario="actual", measure="atp_market_by_location", scope="assembly, test and packaging",
                 region="Southeast Asia", share_pct=27, qualifier="", publisher="DIGITIMES",
                 source_page="DIGITIMES, 'Importance of Southeast Asia semiconductor industry highlighted by COVID-19', 2022-01-10",
                 source_url="https://www.digitimes.com/news/a20211221PD218.html", found_by="earlier_compilation",
                 date_read=READ, note="year of measurement not stated; article of Dec 2021/Jan 2022"))
dram = pd.read_csv(SRC / "dram_revenue_share_trendforce_2021.csv")
shares = pd.DataFrame(rows)
shares.to_csv(OUT / "chips_value_chain_shares.csv", index=False, lineterminator="\n")

# DRAM revenue by company (TrendForce), kept by company.
d = []
for r in dram.itertuples():
    pub, url = split_source(r.source)
    d.append(dict(quarter=r.quarter, company=r.company, hq_country="" if pd.isna(r.hq_country) else r.hq_country,
                  dram_revenue_usd_million=r.dram_revenue_usd_million, market_share_pct=r.market_share_pct,
                  publisher="TrendForce", source_page=pub, source_url=url, found_by="earlier_compilation", date_read=READ))
pd.DataFrame(d).to_csv(OUT / "chips_dram_revenue.csv", index=False, lineterminator="\n")

# ------------------------------------------------------------------------------------------------ market values
m = []
china = pd.read_csv(SRC / "china_ic_market_vs_domestic_production.csv")
names = {"China IC market (ICs sold in China)": "china_ic_market",
         "IC production located in China": "ic_production_in_china",
         "IC production by China-headquartered companies": "ic_production_by_china_hq_firms"}
for r in china.itertuples():
    if r.unit != "USD_billion" or r.measure not in names:
        continue  # shares are computed in the notebook from these values; targets live in the claim table
    pub, url = split_source(r.source)
    m.append(dict(year=r.year, scenario=r.scenario, measure=names[r.measure], region="China", value_usd_billion=r.value,
                  publisher="IC Insights", source_page=pub, source_url=url, found_by="earlier_compilation", date_read=READ,
                  note=r.measure))
sia = pd.read_csv(SRC / "global_semiconductor_sales_china_share_sia.csv")
for r in sia.itertuples():
    pub, url = split_source(r.source)
    measure = "world_semiconductor_sales" if r.region == "World" else "semiconductor_sales_into_market"
    m.append(dict(year=r.year, scenario="actual", measure=measure, region=r.region, value_usd_billion=r.sales_usd_billion,
                  publisher="SIA/WSTS", source_page=pub, source_url=url, found_by="earlier_compilation", date_read=READ,
                  note="sales by location of the buyer (market)" if r.region != "World" else "world total"))
m.append(dict(year=2020, scenario="actual", measure="sales_by_us_hq_firms", region="United States", value_usd_billion=208,
              publisher="SIA", source_page="Reuters via CNA, 'Chip sales rose globally in 2020 after year-end rush', 2021-02-01",
              source_url="https://www.channelnewsasia.com/news/business/chip-sales-rose-globally-in-2020-after-year-end-rush-14086856",
              found_by="search_tool", date_read=READ, note="sales of US-headquartered chipmakers, about US$208bn"))
m.append(dict(year=2021, scenario="actual", measure="sales_by_us_hq_firms", region="United States", value_usd_billion=258,
              publisher="SIA", source_page="SIA, 'The 2022 SIA Factbook: Your Source for Semiconductor Industry Data', 2022-05-05",
              source_url="https://www.semiconductors.org/the-2022-sia-factbook-your-source-for-semiconductor-industry-data/",
              found_by="search_tool", date_read=READ, note="US semiconductor companies' sales, US$258bn (46% of US$556bn)"))
mv = pd.DataFrame(m)
mv = mv.drop_duplicates(subset=["year", "scenario", "measure", "region", "publisher"], keep="first")
mv.to_csv(OUT / "chips_market_values.csv", index=False, lineterminator="\n")

# ------------------------------------------------------------------------------- Korea's and Japan's chip trade
t = []
kor = pd.read_csv(SRC / "korea_semiconductor_exports_by_destination.csv")
for r in kor.itertuples():
    pub, url = split_source(r.source)
    product = "all ICT products" if "ICT exports" in r.measure else "semiconductors"
    t.append(dict(reporter="South Korea", partner=r.destination, flow="exports", period=r.period, product=product,
                  measure="value" if r.unit == "USD_billion" else "share_of_reporter_exports",
                  value=r.value, unit=r.unit, publisher=re.sub(r"^.*\((.*)\)$", r"\1", r.measure) if "(" in r.measure else r.measure,
                  source_page=pub, source_url=url, found_by="earlier_compilation", date_read=READ, note=r.measure))
t.append(dict(reporter="South Korea", partner="China", flow="exports", period="2023", product="all goods",
              measure="value", value=124.8, unit="USD_billion", publisher="MOTIE",
              source_page="Korea JoongAng Daily, 'U.S. overtakes China as top export partner for first time in 20 years', 2024-01-01",
              source_url="https://koreajoongangdaily.joins.com/news/2024-01-01/business/industry/US-overtakes-China-as-top-export-partner-for-first-time-in-20-years-/1948547",
              found_by="earlier_compilation", date_read=READ,
              note="full-year 2023: China stayed Korea's largest export market; the US led only in monthly data (Dec 2023, first time since Jun 2003)"))
t.append(dict(reporter="China", partner="South Korea", flow="imports", period="year reported as 'last year' (likely 2023)",
              product="semiconductors", measure="value", value=65.64, unit="USD_billion", publisher="China customs",
              source_page="ZDNet Korea on China customs data (per the compilation's claim_sources_chip.csv, CHIP-24)",
              source_url="https://search.zdnet.co.kr/", found_by="earlier_compilation", date_read=READ,
              note="import-side measure, down 22.4%; year not explicit in the stored text"))
t.append(dict(reporter="Japan", partner="China", flow="exports", period="2024-Q1",
              product="equipment for producing chips and LCD panels, and components", measure="value", value=3.32,
              unit="USD_billion", publisher="Japanese trade statistics (Nikkei Asia)",
              source_page="davesipaq.com summarising Nikkei Asia, 'For the third consecutive quarter, half of Japan's chip-making equipment is exported to China', 2024-05",
              source_url="https://davesipaq.com/for-the-third-consecutive-quarter-half-of-japans-chip-making-equipment-is-exported-to-china",
              found_by="earlier_compilation", date_read=READ, note="up 82%; about half of Japan's exports of such equipment, third quarter in a row"))
trade = pd.DataFrame(t)
trade["publisher"] = trade["publisher"].replace({"KITA": "KITA", "KCCI": "KCCI", "ICT trade statistics": "Ministry of Science and ICT"})
trade.loc[trade["note"].str.contains("ICT exports", na=False), "publisher"] = "Ministry of Science and ICT"
trade.to_csv(OUT / "chips_korea_japan_trade.csv", index=False, lineterminator="\n")

# ------------------------------------------------------------------------------------ CHIPS and Science Act
act = [
    dict(item="chips_act_total_appropriation", description="Appropriations of Division A (CHIPS Act of 2022), over five years",
         value_low=52.7, value_high=52.7, unit="USD_billion", legal_basis="P.L. 117-167 (9 Aug 2022), Division A",
         publisher="Morrison & Foerster (GovCon blog)",
         source_page="'CHIPS and Science Act makes available billions of dollars for the United States science and technology sectors', 2022-08",
         source_url="https://govcon.mofo.com/topics/chips-and-science-act-makes-available-billions-of-dollars-for-the-united-states-science-and-technology-sectors",
         found_by="earlier_compilation"),
    dict(item="manufacturing_incentives", description="Subsidies for semiconductor production (CHIPS for America Fund, incentives)",
         value_low=39, value_high=39, unit="USD_billion", legal_basis="P.L. 117-167, Division A",
         publisher="news wire report (White House statement)", source_page="'White House touts $11 billion US semiconductor R&D', 2023",
         source_url="https://fvbb.com/ns/white-house-touts-11-billion-us/183497", found_by="earlier_compilation"),
    dict(item="research_and_development", description="CHIPS research and development (NSTC, advanced packaging programme, Manufacturing USA, metrology)",
         value_low=11, value_high=11, unit="USD_billion", legal_basis="P.L. 117-167, Division A",
         publisher="news wire report (White House statement)", source_page="'White House touts $11 billion US semiconductor R&D', 2023",
         source_url="https://fvbb.com/ns/white-house-touts-11-billion-us/183497", found_by="earlier_compilation"),
    dict(item="direct_funding_earmark", description="Part of the incentives earmarked for direct funding in the commercial-fabrication NOFO",
         value_low=38.2, value_high=38.2, unit="USD_billion", legal_basis="CHIPS Incentives Program NOFO (Feb 2023)",
         publisher="Moss Adams", source_page="'Overview of Funding Opportunities for the CHIPS Act', 2024-05",
         source_url="https://mossadams.com/articles/2024/05/notice-of-funding-chips-act", found_by="earlier_compilation"),
    dict(item="direct_funding_share_of_capex", description="Expected direct funding as a share of project capital expenditure",
         value_low=5, value_high=15, unit="pct", legal_basis="CHIPS Incentives Program NOFO (Feb 2023)",
         publisher="Moss Adams", source_page="'Overview of Funding Opportunities for the CHIPS Act', 2024-05",
         source_url="https://mossadams.com/articles/2024/05/notice-of-funding-chips-act", found_by="earlier_compilation"),
    dict(item="total_incentives_cap_share_of_capex", description="Cap on total CHIPS incentives as a share of project capital expenditure",
         value_low=35, value_high=35, unit="pct", legal_basis="CHIPS Incentives Program NOFO (Feb 2023)",
         publisher="Moss Adams", source_page="'Overview of Funding Opportunities for the CHIPS Act', 2024-05",
         source_url="https://mossadams.com/articles/2024/05/notice-of-funding-chips-act", found_by="earlier_compilation"),
    dict(item="advanced_manufacturing_investment_credit", description="Investment tax credit for semiconductor manufacturing equipment and facilities",
         value_low=25, value_high=25, unit="pct", legal_basis="P.L. 117-167, Division A (investment tax credit)",
         publisher="Wikipedia (mirror)", source_page="'CHIPS and Science Act' encyclopedia entry, 2024-04 snapshot",
         source_url="https://encyclopedia.datana.cloud/content/wikipedia_en_all_mini_2024-04/A/CHIPS_and_Science_Act",
         found_by="search_tool"),
]
act = pd.DataFrame(act).assign(date_read=READ)
act.to_csv(OUT / "chips_chips_act.csv", index=False, lineterminator="\n")

# ----------------------------------------------------------------------------------------- exchange rates
fx = pd.read_csv(SRC / "exchange_rates_fed_cny_jpy_krw.csv")
fx_rows = []
for r in fx.itertuples():
    pub, url = split_source(r.source)
    fx_rows.append(dict(year=r.year, period=r.period, currency=r.currency, units_per_usd=r.currency_units_per_usd,
                        publisher="Federal Reserve Board", release=pub, source_url=url, found_by="earlier_compilation",
                        date_read=READ))
pd.DataFrame(fx_rows).to_csv(OUT / "chips_exchange_rates.csv", index=False, lineterminator="\n")

# ---------------------------------------------------------------------------------- China's SME imports
sme = pd.read_csv(SRC / "exp_china_sme_imports.csv", keep_default_na=False)
sme = sme.rename(columns={"source": "source_page"})
sme.insert(sme.columns.get_loc("source_url") + 1, "found_by", "earlier_compilation")
sme.insert(sme.columns.get_loc("found_by") + 1, "date_read", READ)
sme.to_csv(OUT / "exp_china_sme_imports.csv", index=False, lineterminator="\n")

# ---------------------------------------------------------------------------------------- Entity List
el = pd.read_csv(SRC / "exp_entity_list_prc.csv", keep_default_na=False).rename(
    columns={"as_of_or_rule_date": "date_or_period", "source": "source_page"})
extra = pd.DataFrame([
    dict(date_or_period="2020-12-18", scope="entities of all countries added in one rule (incl. SMIC and 10 affiliates)",
         measure="additions", value=77, unit="entities",
         source_page="Thompson Hine SmarTrade, 'Commerce publishes additions to Entity List including China's SMIC', 2020-12",
         source_url="https://www.thompsonhinesmartrade.com/2020/12/commerce-publishes-additions-to-entity-list-including-chinas-smic-and-entities-supporting-chinas-human-rights-abuses-and-territorial-claims-to-the-south-china-sea/",
         note="effective 18 Dec 2020, Federal Register notice 22 Dec 2020"),
    dict(date_or_period="2020-12-18", scope="China-based entities added in one rule (incl. SMIC)", measure="additions",
         value=61, unit="entities", source_page="Telecoms.com, 'China's biggest chipmaker added to Entity List', 2020-12-22",
         source_url="https://www.telecoms.com/wireless-networking/china-s-biggest-chipmaker-added-to-entity-list",
         note="sixty-one of the 77 additions from China"),
])
el = pd.concat([el, extra], ignore_index=True)
el["found_by"] = ["earlier_compilation"] * (len(el) - 2) + ["search_tool"] * 2
el["date_read"] = READ
el = el[["date_or_period", "scope", "measure", "value", "unit", "source_page", "source_url", "found_by", "date_read", "note"]]
el.to_csv(OUT / "exp_entity_list_prc.csv", index=False, lineterminator="\n")

# ------------------------------------------------------------------------------------------ BIS penalties
pen = pd.read_csv(SRC / "exp_bis_penalties.csv", keep_default_na=False).rename(columns={"source": "source_page"})
pen = pen[~pen["measure"].str.startswith("penalty as share")]  # a derived value: the notebook computes it
pen["found_by"] = "earlier_compilation"
pen["date_read"] = READ
pen = pen[["case", "respondent", "order_date", "measure", "value", "unit", "source_page", "source_url", "found_by",
           "date_read", "note"]]
pen.to_csv(OUT / "exp_bis_penalties.csv", index=False, lineterminator="\n")

# ------------------------------------------------------------------------------- BIS budget and workload
ECD = "http://stage.exportcompliancedaily.com/article/2024/03/05/government-funding-deal-denies-bis-boost-adds-usda-to-cfius-2403040061"
GAO = "https://files.gao.gov/reports/GAO-25-107431/index.html"
FCW = "https://fcw.com/digital-government/2024/03/export-control-agency-lacks-funding-and-tech-manage-its-workload-official-says/395132/"
bis = [
    dict(period="FY2023", measure="appropriation_enacted", value=191, unit="USD_million", qualifier="",
         publisher="Export Compliance Daily (Warren News)", source_page="'Government Funding Deal Denies BIS Boost, Adds USDA to CFIUS', 2024-03-05",
         source_url=ECD, found_by="earlier_compilation", note="FY2024 deal keeps BIS at the FY2023 enacted level"),
    dict(period="FY2024", measure="appropriation_enacted", value=191, unit="USD_million", qualifier="",
         publisher="Export Compliance Daily (Warren News)", source_page="'Government Funding Deal Denies BIS Boost, Adds USDA to CFIUS', 2024-03-05",
         source_url=ECD, found_by="earlier_compilation", note="$191 million for BIS in FY2024"),
    dict(period="FY2024", measure="enacted_below_request", value=31, unit="USD_million", qualifier="",
         publisher="Export Compliance Daily (Warren News)", source_page="'Government Funding Deal Denies BIS Boost, Adds USDA to CFIUS', 2024-03-05",
         source_url=ECD, found_by="earlier_compilation", note="enacted level is $31 million below the administration's request"),
    dict(period="FY2013-FY2024", measure="funding_growth", value=97, unit="USD_million", qualifier="",
         publisher="GAO", source_page="GAO-25-107431, 'Export Controls: Commerce Should Improve Workforce Planning and Information Sharing', 2025-06",
         source_url=GAO, found_by="earlier_compilation", note="BIS funding grew by $97 million and roughly doubled, FY2013-FY2024"),
    dict(period="FY2013", measure="positions", value=403, unit="positions", qualifier="",
         publisher="GAO", source_page="GAO-25-107431, 2025-06", source_url=GAO, found_by="earlier_compilation", note=""),
    dict(period="FY2024", measure="positions", value=585, unit="positions", qualifier="",
         publisher="GAO", source_page="GAO-25-107431, 2025-06", source_url=GAO, found_by="earlier_compilation", note=""),
    dict(period="FY2026", measure="requested_increase", value=122, unit="USD_million", qualifier="",
         publisher="ExportPrac", source_page="'President Trump's FY2026 Budget Proposal', 2025-05",
         source_url="https://exportprac.com/stories/president-trumps-fy2026-budget-proposal,13747", found_by="earlier_compilation",
         note="additional $122 million for BIS, more than 50%"),
    dict(period="FY2026", measure="requested_increase_vs_fy2025_base", value=132, unit="USD_million", qualifier="",
         publisher="Export Compliance Daily (Warren News)", source_page="news digest, 2025-05",
         source_url="https://exportcompliancedaily.com/category/220?BC=bc_680c75f5e5ea2&p=1&search_id=13384",
         found_by="earlier_compilation", note="+$132m (77%) against the reduced FY2025 base"),
    dict(period="2012", measure="licence_applications_per_year", value=20000, unit="applications", qualifier="about",
         publisher="BIS (Under Secretary Estevez, House Foreign Affairs Committee testimony, Mar 2024)",
         source_page="FCW, 'Export control agency lacks funding and tech to manage its workload, official says', 2024-03",
         source_url=FCW, found_by="search_tool", note="roughly 20,000 per year in 2012"),
    dict(period="2023", measure="licence_applications_per_year", value=40000, unit="applications", qualifier="more than",
         publisher="BIS (Under Secretary Estevez, House Foreign Affairs Committee testimony, Mar 2024)",
         source_page="FCW, 'Export control agency lacks funding and tech to manage its workload, official says', 2024-03",
         source_url=FCW, found_by="search_tool", note="more than 40,000 per year 'now' (testimony of March 2024)"),
]
bis = pd.DataFrame(bis).assign(date_read=READ)
bis = bis[[c for c in bis.columns if c != "note"] + ["note"]]
bis.to_csv(OUT / "exp_bis_resources.csv", index=False, lineterminator="\n")
print("tables written")
