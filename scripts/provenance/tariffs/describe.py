from analysis.core import data

READ = "2026-11-28"
COMPILATION = "Copied from the project's earlier trade compilation (each row names its publication and URL)."
NOLIC = {"name": "other-attribution", "title": "Source repositories carry no licence file; the values are U.S. Census Bureau statistics (U.S. government work, public domain, 17 U.S.C. 105) redistributed by FRED"}
PD = {"name": "public-domain-us-gov", "title": "US government statistics (17 U.S.C. 105); secondary publishers keep copyright of their text (facts cited only)"}

def f(name, type_, desc, unit=None, **c):
    d = {"name": name, "type": type_, "description": desc}
    if unit: d["unit"] = unit
    if c: d["constraints"] = c
    return d

common = {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8"}

monthly = dict(common,
    name="trade_us_imports_monthly", path="trade_us_imports_monthly.csv",
    title="US goods imports by partner, monthly, Census basis (customs value), FRED series, $ million",
    description=("One row per FRED series and month. IMPCH (China, NSA, 1985-01 to 2025-12), IMPMX (Mexico, NSA; 1995-2005 "
                 "and 2015-2024), IMPCA (Canada, NSA; 2015-2022), IMP0004 (World, seasonally adjusted; 2015-01 to 2024-06). "
                 "Annual totals are 12-month sums computed in analysis.studies.tariffs. The seasonally adjusted IMP0004 sums to the "
                 "NSA annual total: its 2017 sum equals Census c0015 (2,339,591.3 $mn) to $0.1mn. Transcribed from the "
                 "stored copies named in source_key; the IMPMX transcription reproduces the compilation's README's annual sums "
                 "for 2015-2024 exactly."),
    sources=[
        {"title": "FRED IMPCH, U.S. Imports of Goods by Customs Basis from China (Census), vintage downloaded 2026-02 - copy in github:kwang101-cb/Timeseries-FinalProject IMPCH.csv @0ec739741cbd797f242d8a69082e5ea571efa633; verbatim in the compilation as fred_IMPCH_monthly_vintage_2026-03.csv", "path": "https://fred.stlouisfed.org/series/IMPCH", "description": f"source_key fred_impch_kwang101. {COMPILATION} Read {READ}."},
        {"title": "FRED IMPMX, U.S. Imports of Goods by Customs Basis from Mexico - copy in github:ClaudiaToto30/supply-chain-forecasting IMPMX.csv @6f22c469b5c284344afcf7fad2070d2eff4e702f (read with the read_file tool)", "path": "https://fred.stlouisfed.org/series/IMPMX", "description": f"source_key fred_impmx_claudiatoto30. Read {READ}."},
        {"title": "FRED IMPCA, U.S. Imports of Goods by Customs Basis from Canada - copy in github:open-datahub/canada IMPCA.csv @67b0236b1d905b138bdbdd9f35f7b5acb994b5ee (read with the read_file tool; copy ends 2023-10)", "path": "https://fred.stlouisfed.org/series/IMPCA", "description": f"source_key fred_impca_opendatahub. Read {READ}."},
        {"title": "FRED IMP0004, U.S. Imports of Goods by Customs Basis from World (seasonally adjusted) - copy in github:kagan01/Time-Series-Analysis IMP0004.csv @12d48d4f23695e06c7b7a64b57fc48261114a3f6 (read with the read_file tool; copy ends 2024-06)", "path": "https://fred.stlouisfed.org/series/IMP0004", "description": f"source_key fred_imp0004_kagan01. Read {READ}."},
    ],
    licenses=[NOLIC],
    schema={"fields": [
        f("series_id", "string", "FRED series id", required=True, enum=["IMPCH", "IMPMX", "IMPCA", "IMP0004"]),
        f("partner", "string", "Partner the series covers", required=True, enum=["China", "Mexico", "Canada", "World"]),
        f("month", "date", "First day of the month", required=True),
        f("imports_usd_mn", "number", "US general imports of goods, customs value, Census basis", "USD million (current)", required=True, minimum=0, maximum=400000),
        f("source_key", "string", "Which stored copy (see sources)", required=True,
          enum=["fred_impch_kwang101", "fred_impmx_claudiatoto30", "fred_impca_opendatahub", "fred_imp0004_kagan01"]),
    ], "primaryKey": ["series_id", "month"], "missingValues": [""]})

annual = dict(common,
    name="trade_us_imports_annual", path="trade_us_imports_annual.csv",
    title="US imports by partner and year from releases and reports, with the statistical basis kept apart",
    description=("One row per year, partner, basis and source. basis: census_goods (general imports of goods, customs value), "
                 "bop_goods (balance-of-payments goods), bop_goods_and_services, goods_basis_unstated. preferred = the row to "
                 "use when several sources give the same year, partner and basis (FRED 12-month sums from "
                 "trade_us_imports_monthly are added by analysis.studies.tariffs.annual_imports). Empty imports_usd_bn: no stored "
                 "source gives the value (EU for every year; Canada 2024; World 2015-2016 and 2018-2021 are filled from FRED "
                 "IMP0004 in code, World 2024 is empty). Values from the compilation table trade_us_imports.csv except "
                 "rows with source_key scmp_floordaily_2024_02_08 and the EU/Canada gap rows, added from stored pages found "
                 "with the search tool."),
    sources=[
        {"title": "Earlier trade compilation, table trade_us_imports.csv (Census c5700/c0015 transcriptions, Census API, news reports of Census/BEA releases; each row names its publication and URL)", "path": "see source_key column", "description": f"{COMPILATION} Read {READ}."},
        {"title": "South China Morning Post, 2024-02-08, quoted by Floor Daily 'China Outpaced as Top Supplier of Imports to U.S.' (US Census Bureau 2023 annual data)", "path": "https://www.floordaily.net/flooring-news/china-outpaced-as-top-supplier-of-imports-to-us-", "description": f"Canada 2023 and rounded China/Mexico 2023 values. Read {READ}."},
    ],
    licenses=[PD],
    schema={"fields": [
        f("year", "integer", "Calendar year", required=True, minimum=1985, maximum=2026),
        f("partner", "string", "Partner", required=True, enum=["China", "Mexico", "Canada", "EU", "World"]),
        f("basis", "string", "Statistical basis of the value", required=True,
          enum=["census_goods", "bop_goods", "bop_goods_and_services", "goods_basis_unstated"]),
        f("imports_usd_bn", "number", "Imports in the year (empty: not found)", "USD billion (current)", minimum=0, maximum=10000),
        f("source_key", "string", "Short key of the source (not_found for gap rows)", required=True, pattern="[a-z0-9_]+"),
        f("source", "string", "Publication, table and URL", required=True),
        f("preferred", "boolean", "Use this row when several give the same year, partner and basis", required=True),
        f("notes", "string", "Vintage and caveats"),
    ], "primaryKey": ["year", "partner", "basis", "source_key"], "missingValues": [""]})

actions = dict(common,
    name="tariff_actions", path="tariff_actions.csv",
    title="US tariff actions affecting imports from China, 2018-2026: date, group of products, covered imports, rate",
    description=("One row per dated action. group_id ties rate changes to the product group they apply to (e.g. 301_list3 "
                 "imposed at 10% then raised to 25%). covered_imports_usd_bn is the announced annual import value of the "
                 "group ($ billion; USTR announcement values, not Census weights); rate_pct the additional ad valorem rate "
                 "in percent (empty when not a single number, see rate_note). status: imposed, rate_change, suspended, "
                 "exemption, exemption_ended, announced. Empty cells: no source read gives the value."),
    sources=[{"title": "Earlier trade compilation, table tariff_actions.csv (USTR notices as reported by law firms and trade press; White House fact sheet 2024-05-14 via NPR; each row names its URLs)", "path": "see source_key column", "description": f"{COMPILATION} Read {READ}."}],
    licenses=[PD],
    schema={"fields": [
        f("action_id", "string", "Row id", required=True, unique=True, pattern="A[0-9]{2}"),
        f("date_effective", "date", "Date the action took effect (announcement date for status=announced)", required=True),
        f("group_id", "string", "Product group the action applies to", required=True, pattern="[0-9a-z_]+"),
        f("status", "string", "Kind of action", required=True,
          enum=["imposed", "rate_change", "suspended", "exemption", "exemption_ended", "announced"]),
        f("action", "string", "What was done", required=True),
        f("authority", "string", "Legal authority", required=True),
        f("covered_imports_usd_bn", "number", "Announced annual imports covered", "USD billion", minimum=0, maximum=600),
        f("rate_pct", "number", "Additional ad valorem tariff rate from this date", "percent", minimum=0, maximum=200),
        f("rate_note", "string", "Rate when not one number"),
        f("source", "string", "Publications and URLs", required=True),
        f("notes", "string", "Notes, incl. PIIE (Bown) step sizes"),
    ], "primaryKey": ["action_id"], "missingValues": [""]})

bown = dict(common,
    name="tariff_bown_us_china", path="tariff_bown_us_china.csv",
    title="PIIE (Chad P. Bown) US-China trade war tariffs: trade-weighted average tariffs and coverage at each dated action",
    description=("Two vintages of Bown's chart data: full precision (through 2025-11-14, with Panel b coverage shares) and "
                 "the 1-decimal CSV download (through 2025-05-14, no coverage). Averages are trade-weighted with PIIE's "
                 "pre-war import weights; percent. Copied from the compilation table (encoding converted by its "
                 "compiler to UTF-8)."),
    sources=[{"title": "Chad P. Bown, 'US-China Trade War Tariffs: An Up-to-Date Chart', PIIE - workbook Panels a-b as parsed in github:Geoffrey313/weaker-dollar-rebalance-trade @89840b0212554215e2a3706ef1c117e6077de0e7, and the chart CSV in github:ngernyi/WIF3009 @5d8684cb283f965414bdd8f4d53c9ac0d4a2e489", "path": "https://www.piie.com/research/piie-charts/2019/us-china-trade-war-tariffs-date-chart", "description": f"{COMPILATION} Read {READ}."}],
    licenses=[{"name": "PIIE-terms", "title": "PIIE data; PIIE's terms of use apply (the GitHub copies carry no licence file)"}],
    schema={"fields": [
        f("date", "date", "Date of the tariff action", required=True),
        f("vintage_id", "string", "Short vintage id", required=True, enum=["piie_2025_11_full", "piie_2025_05_1dp"]),
        f("vintage", "string", "Vintage as described by the compiler", required=True),
        f("tariff_action", "string", "PIIE's label of the action", required=True),
        f("us_tariff_on_china_pct", "number", "US average tariff on imports from China", "percent", required=True, minimum=0, maximum=200),
        f("us_tariff_on_row_pct", "number", "US average tariff on imports from the rest of the world", "percent", required=True, minimum=0, maximum=200),
        f("china_tariff_on_us_pct", "number", "China's average tariff on imports from the US", "percent", required=True, minimum=0, maximum=200),
        f("china_tariff_on_row_pct", "number", "China's average tariff on imports from the rest of the world", "percent", required=True, minimum=0, maximum=200),
        f("share_of_us_imports_from_china_covered_pct", "number", "Share of US imports from China covered by the special tariffs (Panel b)", "percent", minimum=0, maximum=100),
        f("share_of_china_imports_from_us_covered_pct", "number", "Share of China's imports from the US covered by retaliation (Panel b)", "percent", minimum=0, maximum=100),
        f("source", "string", "Where the row was read", required=True),
    ], "primaryKey": ["date", "vintage_id"], "missingValues": [""]})

hist = dict(common,
    name="tariff_us_average_history", path="tariff_us_average_history.csv",
    title="Historical US average tariff measures (dutiable vs total imports; statutory comparisons; recent averages)",
    description=("One row per measure. Measures on different bases (ratio of duties to dutiable imports, to total imports, "
                 "statutory rates at fixed weights, trade-weighted applied rates) are not comparable with each other. "
                 "duties_collected_2022 is a dollar amount (unit usd_bn), the others percent."),
    sources=[{"title": "Earlier trade compilation, table us_average_tariff_history.csv (USITC table via trumptariffstracker.com; US Tariff Commission 1930 comparison (OCR); Eckes, Chronicles; Pew/World Bank; PIIE)", "path": "see source_key column", "description": f"{COMPILATION} Read {READ}."}],
    licenses=[PD],
    schema={"fields": [
        f("measure_id", "string", "Row id", required=True, unique=True, pattern="[a-z0-9_]+"),
        f("period", "string", "Year or weighting period", required=True),
        f("measure", "string", "What is measured", required=True),
        f("value", "number", "Value (empty: not given)", None, minimum=0, maximum=1000),
        f("unit", "string", "pct or usd_bn", required=True, enum=["pct", "usd_bn"]),
        f("source", "string", "Publication and URL", required=True),
        f("notes", "string", "Caveats"),
    ], "primaryKey": ["measure_id"], "missingValues": [""]})

cvd = dict(common,
    name="eu_ev_cvd_rates", path="eu_ev_cvd_rates.csv",
    title="EU countervailing duties on battery electric vehicles from China, by company group and stage, and the 10% MFN duty",
    description=("One row per company group and stage: pre-disclosure (2024-06-12), provisional (Implementing Regulation (EU) "
                 "2024/1866, from 2024-07-05), revised definitive proposal (2024-08-20), definitive (Implementing Regulation "
                 "(EU) 2024/2754, from 2024-10-30). rate_pct is the CVD in percent of the CIF import price, paid on top of "
                 "the 10% MFN car duty (row duty_type=mfn). Empty rate: not stated in the sources read (Tesla before the "
                 "definitive stage)."),
    sources=[{"title": "Earlier trade compilation, table eu_ev_cvd.csv (Commission Implementing Regulations 2024/1866 and 2024/2754 as reported by CLECAT, European Shippers Council, WiseTech Academy, NCF China; pre-disclosure by dpa-AFX; August proposal by Automotive World)", "path": "see source_key column", "description": f"{COMPILATION} Read {READ}."}],
    licenses=[{"name": "EU-reuse", "title": "EU legal acts: Commission Decision 2011/833/EU reuse policy; news publishers keep copyright of their text (facts cited only)"}],
    schema={"fields": [
        f("company", "string", "Company group (or the MFN duty row)", required=True),
        f("duty_type", "string", "cvd or mfn", required=True, enum=["cvd", "mfn"]),
        f("stage", "string", "Stage of the investigation", required=True, enum=["predisclosure", "provisional", "proposed_definitive", "definitive"]),
        f("stage_date", "date", "Date of the stage", required=True),
        f("rate_pct", "number", "Duty rate (empty: not stated)", "percent of CIF import price", minimum=0, maximum=100),
        f("source", "string", "Publications and URLs", required=True),
        f("notes", "string", "Notes"),
    ], "primaryKey": ["company", "stage"], "missingValues": [""]})

evtrade = dict(common,
    name="eu_ev_trade", path="eu_ev_trade.csv",
    title="Extra-EU trade in full electric cars, 2023 (Eurostat), by partner",
    description=("Values in EUR billion and partner shares of extra-EU imports or exports of full electric cars, as reported "
                 "from Eurostat Comext DS-045409 releases of October 2024. Two published totals for 2023 imports exist "
                 "(EUR 20.2bn in the news item, about EUR 23bn in the Statistics Explained article); both are kept."),
    sources=[
        {"title": "Eurostat news item 2024-10-30 on trade in electric and hybrid cars (ds-045409), via Public", "path": "https://publicnow.com/view/B9D83D7AC66E57EEC94E98C1774181CE069EEBD5", "description": f"Read {READ}."},
        {"title": "Eurostat Statistics Explained, 'Trade and production of hybrid and electric cars' (data extracted 30 Oct 2024), mirror copy", "path": "https://ec.europa.eu/eurostat/statistics-explained/index.php?title=Trade_and_production_of_hybrid_and_electric_cars", "description": f"Read {READ} (stored mirror)."},
        {"title": "GEA agency, 'Auto, nel 2023 Ue ha importato il 48% di mezzi elettrici da Cina' (citing Eurostat)", "path": "https://geagency.it/auto-nel-2023-ue-ha-importato-il-48-di-mezzi-elettrici-da-cina", "description": f"Read {READ}."},
    ],
    licenses=[{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Eurostat data: CC BY 4.0 (Eurostat copyright notice); news publishers keep copyright of their text (facts cited only)"}],
    schema={"fields": [
        f("year", "integer", "Calendar year", required=True, minimum=2017, maximum=2026),
        f("flow", "string", "imports or exports (extra-EU)", required=True, enum=["imports", "exports"]),
        f("partner", "string", "Partner country or extra_EU total", required=True),
        f("value_eur_bn", "number", "Trade value", "EUR billion (current)", required=True, minimum=0, maximum=1000),
        f("share_of_extra_eu_pct", "number", "Partner share of the extra-EU flow as published", "percent", minimum=0, maximum=100),
        f("source_key", "string", "Short source key", required=True, pattern="[a-z0-9_]+"),
        f("source", "string", "Publication and URL", required=True),
        f("notes", "string", "Notes"),
    ], "primaryKey": ["year", "flow", "partner", "source_key"], "missingValues": [""]})

for res in (monthly, annual, actions, bown, hist, cvd, evtrade):
    try:
        data.upsert_resource(res)
        print("ok", res["name"])
    except data.DataError as e:
        print(e)
