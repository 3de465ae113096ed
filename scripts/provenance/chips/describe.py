"""Describe notebook 07's tables in data/datapackage.json through analysis.core.data.upsert_resource."""
from analysis.core import data

READ = "2026-11-28"
LIC_MIXED = [
    {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
     "title": "This compilation: CC BY 4.0 (facts transcribed from the cited publications, with per-row source)"},
    {"name": "other-at", "title": "Cited publishers (SIA, IC Insights, TrendForce, news outlets, law firms) keep their copyright; "
                                  "only individual facts are cited, with publisher and URL per row"},
]
LIC_GOV = [{"name": "public-domain-us-gov", "title": "US government works (Federal Reserve, BIS, GAO, Federal Register) are public domain (17 U.S.C. 105)"}]
COMPILATION = {"title": "Earlier compilation of public sources for the CHIP and EXP claims (README.md, README_exp_ict.md; tables with publisher and URL per row)",
          "path": "docs/sources/chips_exp.md"}
SEARCH = {"title": f"Public pages read with the project's search tool on {READ} (URL per row, found_by = search_tool)",
          "path": "see source_url column"}


def f(name, type_, desc, *, required=False, unique=False, enum=None, minimum=None, maximum=None, pattern=None, unit=None,
      fmt=None):
    field = {"name": name, "type": type_, "description": desc}
    if unit:
        field["unit"] = unit
    if fmt:
        field["format"] = fmt
    cons = {}
    if required:
        cons["required"] = True
    if unique:
        cons["unique"] = True
    if enum:
        cons["enum"] = enum
    if minimum is not None:
        cons["minimum"] = minimum
    if maximum is not None:
        cons["maximum"] = maximum
    if pattern:
        cons["pattern"] = pattern
    if cons:
        field["constraints"] = cons
    return field


def prov(found=("earlier_compilation", "search_tool")):
    return [
        f("publisher", "string", "Publisher of the figure (the original publisher where known, e.g. SIA, IC Insights)", required=True),
        f("source_page", "string", "Page or document the value was read from (title, outlet, date); may be a secondary report of the publisher's figure", required=True),
        f("source_url", "string", "URL of the page read", required=True, pattern=r"https?://.+"),
        f("found_by", "string", "earlier_compilation = taken, with its publisher and URL, from an earlier compilation of public sources made for this project (docs/sources/chips_exp.md); search_tool = read by this notebook's author with the search tool",
          required=True, enum=list(found)),
        f("date_read", "date", "Date the value was read", required=True),
    ]


def resource(name, path, title, description, fields, key, sources, licenses=LIC_MIXED):
    return {"name": name, "path": path, "title": title, "description": description, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "sources": sources, "licenses": licenses,
            "schema": {"fields": fields, "primaryKey": key, "missingValues": [""]}}


RES = []
RES.append(resource(
    "chips_value_chain_shares", "chips_value_chain_shares.csv",
    "Shares of the semiconductor value chain by region, with the measure and scope as columns",
    "One row per (year, scenario, measure, scope, region, publisher). Measures are kept apart: sales by company headquarters "
    "(SIA all-semiconductor shares vs IC Insights IC-only shares excluding foundries vs DIGITIMES brand-HQ shares), wafer capacity "
    "by location and node class (SIA/BCG), DRAM capacity by location (CSET) and the assembly-test-packaging market (DIGITIMES). "
    "Values are as published (rounded by the publisher); shares of different measures or scopes must not be added or compared "
    "as if alike.",
    [f("year", "integer", "Year the share refers to", required=True, minimum=1990, maximum=2040),
     f("scenario", "string", "actual, estimate (publisher estimate for a past year) or projection", required=True, enum=["actual", "estimate", "projection"]),
     f("measure", "string", "What is shared out", required=True,
       enum=["sales_by_company_hq", "wafer_capacity_by_location", "dram_capacity_by_location", "atp_market_by_location"]),
     f("scope", "string", "Product or node scope of the measure (e.g. 'all semiconductors', 'below 10nm')", required=True),
     f("region", "string", "Region (of company headquarters or of location, per measure)", required=True),
     f("share_pct", "number", "Share of the world total", required=True, minimum=0, maximum=100, unit="percent"),
     f("qualifier", "string", "'about' where the publisher gives an approximate figure; empty otherwise", enum=["about"]),
     *prov(), f("note", "string", "Publisher's wording or caveat")],
    ["year", "scenario", "measure", "scope", "region", "publisher"],
    [COMPILATION, SEARCH,
     {"title": "SIA/BCG, 'Strengthening the Global Semiconductor Supply Chain in an Uncertain Era' (Apr 2021) and 'Emerging Resilience in the Semiconductor Supply Chain' (May 2024)",
      "path": "https://semiconductors.org/strengthening-the-global-semiconductor-supply-chain-in-an-uncertain-era"},
     {"title": "IC Insights, McClean Report 2021/2022 regional market shares (via DIGITIMES, The Register, Business Insider)",
      "path": "https://www.digitimes.com/news/a20210414PR202.html"}]))
RES.append(resource(
    "chips_dram_revenue", "chips_dram_revenue.csv", "DRAM revenue and market share by company, 2021Q3-2021Q4 (TrendForce)",
    "TrendForce quarterly DRAM revenue ranking as reported by Evertiq; one row per quarter and company, with 'Others' and 'Total' rows.",
    [f("quarter", "string", "Calendar quarter", required=True, pattern=r"\d{4}Q[1-4]"),
     f("company", "string", "Company (or Others / Total)", required=True),
     f("hq_country", "string", "Headquarters country (empty for Others/Total)"),
     f("dram_revenue_usd_million", "number", "DRAM revenue in the quarter", required=True, minimum=0, unit="USD million"),
     f("market_share_pct", "number", "Share of DRAM revenue", required=True, minimum=0, maximum=100, unit="percent"),
     *prov(("earlier_compilation",))],
    ["quarter", "company"], [COMPILATION, {"title": "TrendForce DRAM revenue rankings via Evertiq", "path": "https://evertiq.com/news/51411"}]))
RES.append(resource(
    "chips_market_values", "chips_market_values.csv", "Semiconductor market and production values (SIA/WSTS, IC Insights)",
    "World semiconductor sales and sales into China (SIA/WSTS, by location of the buyer), sales of US-headquartered firms (SIA), and "
    "China's IC market vs IC production located in China and by China-headquartered firms (IC Insights). Shares are computed from "
    "these values in notebook 07, not stored.",
    [f("year", "integer", "Year", required=True, minimum=1990, maximum=2040),
     f("scenario", "string", "actual or forecast", required=True, enum=["actual", "forecast"]),
     f("measure", "string", "Quantity", required=True,
       enum=["china_ic_market", "ic_production_in_china", "ic_production_by_china_hq_firms", "world_semiconductor_sales",
             "semiconductor_sales_into_market", "sales_by_us_hq_firms"]),
     f("region", "string", "Region the value refers to", required=True),
     f("value_usd_billion", "number", "Value", required=True, minimum=0, unit="USD billion"),
     *prov(), f("note", "string", "Publisher's wording")],
    ["year", "scenario", "measure", "region", "publisher"], [COMPILATION, SEARCH]))
RES.append(resource(
    "chips_korea_japan_trade", "chips_korea_japan_trade.csv", "Korea's and Japan's chip trade with China",
    "Korea's semiconductor exports by destination (KITA, Jan-Sep 2022; KCCI shares; Ministry of Science and ICT totals), Korea's total "
    "exports to China in 2023 (MOTIE), China's customs imports of Korean chips, and Japan's exports of chip-making equipment to China "
    "(Japanese trade statistics via Nikkei). Product and measure are columns: ICT-wide and semiconductor rows must not be mixed.",
    [f("reporter", "string", "Reporting country", required=True),
     f("partner", "string", "Partner (destination for exports, origin for imports)", required=True),
     f("flow", "string", "exports or imports", required=True, enum=["exports", "imports"]),
     f("period", "string", "Period covered (e.g. '2022-01..2022-09', '2023', '2024-Q1')", required=True),
     f("product", "string", "Product scope", required=True),
     f("measure", "string", "value or share of the reporter's exports of the product", required=True, enum=["value", "share_of_reporter_exports"]),
     f("value", "number", "Value (unit in the unit column)", required=True, minimum=0),
     f("unit", "string", "Unit", required=True, enum=["USD_billion", "pct_of_korea_chip_exports"]),
     *prov(), f("note", "string", "Publisher's wording or caveat")],
    ["reporter", "partner", "flow", "period", "product", "measure", "publisher"], [COMPILATION]))
RES.append(resource(
    "chips_chips_act", "chips_chips_act.csv", "CHIPS and Science Act amounts and incentive parameters",
    "Appropriations of Division A of P.L. 117-167 and parameters of the CHIPS Incentives Program NOFO (Feb 2023), as reported by "
    "law firms, the White House and news wires. A range is value_low-value_high; a single amount has value_low = value_high. "
    "The named amounts do not exhaust the US$52.7bn (the notebook computes the remainder).",
    [f("item", "string", "Identifier of the amount or parameter", required=True, unique=True, pattern=r"[a-z0-9_]+"),
     f("description", "string", "What the amount is", required=True),
     f("value_low", "number", "Amount, or low end of a range", required=True, minimum=0),
     f("value_high", "number", "Amount, or high end of a range", required=True, minimum=0),
     f("unit", "string", "Unit", required=True, enum=["USD_billion", "pct"]),
     f("legal_basis", "string", "Legal instrument that fixes the amount", required=True),
     *prov()],
    ["item"], [COMPILATION, SEARCH, {"title": "CHIPS and Science Act, P.L. 117-167 (9 Aug 2022)", "path": "https://www.congress.gov/bill/117th-congress/house-bill/4346"}]))
RES.append(resource(
    "chips_exchange_rates", "chips_exchange_rates.csv", "CNY, JPY and KRW per US dollar (Federal Reserve G.5A annual, G.5 monthly)",
    "Annual averages 2012-2015 and 2017-2023 from Federal Reserve G.5A releases and the September 2009 monthly average from G.5, "
    "used for the currency conversions in the documents.",
    [f("year", "integer", "Year", required=True, minimum=2000, maximum=2030),
     f("period", "string", "annual_average or a monthly average", required=True, enum=["annual_average", "2009-09_monthly_average"]),
     f("currency", "string", "ISO currency code", required=True, enum=["CNY", "JPY", "KRW"]),
     f("units_per_usd", "number", "Currency units per US dollar", required=True, minimum=0, unit="currency per USD"),
     f("publisher", "string", "Publisher", required=True), f("release", "string", "Release read", required=True),
     f("source_url", "string", "URL of the release", required=True, pattern=r"https?://.+"),
     f("found_by", "string", "How the value was obtained", required=True, enum=["earlier_compilation"]),
     f("date_read", "date", "Date read", required=True)],
    ["year", "period", "currency"], [COMPILATION, {"title": "Federal Reserve Board, G.5A Foreign Exchange Rates (Annual)", "path": "https://www.federalreserve.gov/releases/g5a/"}],
    LIC_GOV))
RES.append(resource(
    "chips_policy_counts", "chips_policy_counts.csv", "Sourced counts behind notebook 07's internal-arithmetic checks",
    "Small counts and amounts that the documents' figures are sums of (items per process step in Japan's 2023 controls, Day-1 presidential "
    "documents, new ECCNs of Oct 2022, BIS rules of Dec 2024-Jan 2025, Huawei-linked fabs, Gulf chip approvals, Samsung Xi'an phases). "
    "Rows of one group are added up in the notebook.",
    [f("count_id", "string", "Identifier", required=True, unique=True, pattern=r"[a-z0-9_]+"),
     f("group", "string", "Rows that are summed together", required=True, pattern=r"[a-z0-9_]+"),
     f("description", "string", "What is counted", required=True),
     f("value", "number", "Count or amount", required=True, minimum=0),
     f("unit", "string", "Unit", required=True),
     f("qualifier", "string", "'at least' / 'up to' where the source gives a bound", enum=["at least", "up to"]),
     *prov(), f("note", "string", "Caveat")],
    ["count_id"], [COMPILATION, SEARCH]))
RES.append(resource(
    "exp_policy_events", "exp_policy_events.csv", "Dated export-control, ICT-policy and company events",
    "One row per event with its date at the precision the source gives (year, month or day, ISO-like), the legal instrument where one "
    "fixes the date, and the source read. Used for the date and span checks of notebook 07.",
    [f("event_id", "string", "Identifier", required=True, unique=True, pattern=r"[a-z0-9_]+"),
     f("description", "string", "Event", required=True),
     f("date", "string", "Date at the stated precision: YYYY, YYYY-MM or YYYY-MM-DD", required=True, pattern=r"\d{4}(-\d{2}(-\d{2})?)?"),
     f("precision", "string", "Precision of the date", required=True, enum=["year", "month", "day"]),
     f("legal_instrument", "string", "Rule, order or statute that fixes the date, if any"),
     *prov(), f("note", "string", "Caveat or corroborating source")],
    ["event_id"], [COMPILATION, SEARCH]))
RES.append(resource(
    "exp_china_sme_imports", "exp_china_sme_imports.csv", "China's imports of chip-making equipment, by partner and period",
    "China customs data as reported by the WSJ, FT, Bloomberg, Caixin, DIGITIMES and Nikkei: import values and lithography-machine units "
    "by partner, plus Japan's Q1-2024 exports of such equipment to China. product_definition differs between rows (chip-making "
    "equipment in general, IC-manufacturing equipment excluding wafer/display tools, lithography only), so rows from different "
    "definitions are not additive or comparable.",
    [f("reporter", "string", "Reporting country", required=True), f("partner", "string", "Partner country", required=True),
     f("flow", "string", "imports or exports", required=True, enum=["imports", "exports"]),
     f("period", "string", "Period (month, two months, quarter, year, seven months)", required=True),
     f("period_type", "string", "Length of the period", required=True, enum=["month", "two months", "quarter", "year", "seven months"]),
     f("product_definition", "string", "Product definition of the source", required=True),
     f("measure", "string", "Measure", required=True, enum=["import value", "export value", "units", "average import price"]),
     f("value", "number", "Value (unit in the unit column)", required=True, minimum=0),
     f("unit", "string", "Unit", required=True, enum=["USD_billion", "USD_million", "machines", "USD_million_per_machine"]),
     f("source_page", "string", "Outlet and date of the report read", required=True),
     f("source_url", "string", "URL", required=True, pattern=r"https?://.+"),
     f("found_by", "string", "How obtained", required=True, enum=["earlier_compilation"]),
     f("date_read", "date", "Date read", required=True), f("note", "string", "Caveat")],
    ["reporter", "partner", "flow", "period", "product_definition", "measure", "unit"], [COMPILATION]))
RES.append(resource(
    "exp_entity_list_prc", "exp_entity_list_prc.csv", "BIS Entity List: PRC additions per rule, cumulative counts and stock",
    "measure = additions (one rule), cumulative count (additions since Jan 2021) or stock (entities on the list). Figures from BIS "
    "releases and testimony as reported; several are lower bounds (see note).",
    [f("date_or_period", "string", "Rule date or as-of date/period", required=True),
     f("scope", "string", "What is counted", required=True),
     f("measure", "string", "Kind of count", required=True, enum=["additions", "cumulative count", "stock"]),
     f("value", "integer", "Count", required=True, minimum=0), f("unit", "string", "Unit", required=True, enum=["entities", "entries"]),
     f("source_page", "string", "Source read", required=True), f("source_url", "string", "URL", required=True, pattern=r"https?://.+"),
     f("found_by", "string", "How obtained", required=True, enum=["earlier_compilation", "search_tool"]),
     f("date_read", "date", "Date read", required=True), f("note", "string", "Caveat (lower bound, secondary repost, ...)")],
    ["date_or_period", "scope", "measure"], [COMPILATION, SEARCH]))
RES.append(resource(
    "exp_bis_penalties", "exp_bis_penalties.csv", "BIS administrative penalties in the chip cases cited (Seagate 2023, GlobalFoundries 2024)",
    "Penalty, value of the shipments and number of violations per case, from BIS orders and press releases as reported. Only the cases "
    "the documents cite; not an enforcement history. No allied (Dutch, Japanese, German) penalty in a comparable chip case was found "
    "in the stored sources.",
    [f("case", "string", "Case", required=True), f("respondent", "string", "Respondent(s)", required=True),
     f("order_date", "date", "Date of the BIS order", required=True),
     f("measure", "string", "Quantity", required=True, enum=["civil penalty", "value of shipments", "violations", "quarterly instalment", "violations (shipments)"]),
     f("value", "number", "Value (unit in the unit column)", required=True, minimum=0),
     f("unit", "string", "Unit", required=True, enum=["USD_million", "USD_billion", "count"]),
     f("source_page", "string", "Source read", required=True), f("source_url", "string", "URL", required=True, pattern=r"https?://.+"),
     f("found_by", "string", "How obtained", required=True, enum=["earlier_compilation"]),
     f("date_read", "date", "Date read", required=True), f("note", "string", "Caveat")],
    ["case", "measure"], [COMPILATION, {"title": "BIS press release, GlobalFoundries penalty, 1 Nov 2024", "path": "https://bis.gov/node/7429"}]))
RES.append(resource(
    "exp_bis_resources", "exp_bis_resources.csv", "BIS budget, staffing and licensing workload",
    "Enacted appropriations (FY2023-FY2024), the gap to the FY2024 request, GAO's FY2013-FY2024 funding growth and positions, the FY2026 "
    "requested increase, and licence applications a year (2012 vs 2023, BIS testimony). Derived amounts (FY2024 request, FY2013 "
    "level) are computed in notebook 07, not stored.",
    [f("period", "string", "Fiscal or calendar year or span", required=True),
     f("measure", "string", "Quantity", required=True,
       enum=["appropriation_enacted", "enacted_below_request", "funding_growth", "positions", "requested_increase",
             "requested_increase_vs_fy2025_base", "licence_applications_per_year"]),
     f("value", "number", "Value", required=True, minimum=0), f("unit", "string", "Unit", required=True, enum=["USD_million", "positions", "applications"]),
     f("qualifier", "string", "'about' / 'more than' where the source gives an approximation or bound", enum=["about", "more than"]),
     *prov(), f("note", "string", "Publisher's wording")],
    ["period", "measure", "publisher"], [COMPILATION, SEARCH], LIC_MIXED + LIC_GOV))
RES.append(resource(
    "chips_claim_checks", "chips_claim_checks.csv", "Per-claim check plan for the CHIP-, EXP- and ICT- claims (notebook 07)",
    "One row per claim: how notebook 07 judges it (method), the public value it is compared with (or the tidy table it is computed "
    "from), the declared tolerance, the basis of the public value (measure, year, definition), its source (publisher, page, date, URL, "
    "date read; source_kind says whether it is an official document, the original publisher or a secondary report), the legal "
    "instrument where one fixes the number, and the reasons: a note for any verdict, the reason used if the numbers differ, or why the "
    "claim is not checkable. Verdicts themselves are computed in the notebook, never stored here.",
    [f("claim_id", "string", "Claim id in data/claims.csv", required=True, unique=True, pattern=r"(CHIP|EXP|ICT)-\d{2}"),
     f("method", "string", "compare / compare_range / table / internal / not_checkable", required=True,
       enum=["compare", "compare_range", "table", "internal", "not_checkable"]),
     f("public_value", "number", "Public value compared with the claim (method compare)"),
     f("public_low", "number", "Low end of a public range (method compare_range)"),
     f("public_high", "number", "High end of a public range (method compare_range)"),
     f("public_unit", "string", "Unit of the public value"),
     f("stated_as", "string", "Restatement of the claim's stated value used in the check, where the register's cannot be used as it is"),
     f("abs_tol", "number", "Declared absolute tolerance (rounding of the stated value)", required=True, minimum=0),
     f("rel_tol", "number", "Declared relative tolerance ('about')", required=True, minimum=0, maximum=1),
     f("basis", "string", "What the public value measures: definition, scope, year"),
     f("publisher", "string", "Publisher of the public value"), f("source_page", "string", "Page or document read"),
     f("source_date", "string", "Publication date of the source"), f("source_url", "string", "URL", pattern=r"https?://.+"),
     f("source_kind", "string", "official / original_publisher / secondary_report / none", required=True,
       enum=["official", "original_publisher", "secondary_report", "none"]),
     f("found_by", "string", "earlier_compilation / search_tool / data_resource (values from the named table) / none", required=True,
       enum=["earlier_compilation", "search_tool", "data_resource", "none"]),
     f("date_read", "date", "Date the source was read"),
     f("data_resource", "string", "Tidy resource(s) the notebook computes from, ';'-separated", pattern=r"[a-z0-9_]+(;[a-z0-9_]+)*"),
     f("legal_instrument", "string", "Statute, rule or order that fixes the number, where one does"),
     f("note", "string", "Context recorded with any verdict"),
     f("reason_if_differs", "string", "Reason recorded if the computed value differs from the stated one"),
     f("not_checkable_reason", "string", "Why the claim cannot be checked (method not_checkable)")],
    ["claim_id"], [COMPILATION, SEARCH, {"title": "Per-claim tables of the earlier compilation, claim_sources_chip.csv and claim_sources_exp_ict.csv",
                                    "path": "docs/sources/chips_exp.md"}]))

for res in RES:
    out = data.upsert_resource(res)
    print("described", out["name"], out["bytes"])
