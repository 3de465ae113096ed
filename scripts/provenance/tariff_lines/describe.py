"""Describe the product-level tariff resources in data/datapackage.json (run after the three build scripts).

Usage, from the repository root: ``PYTHONPATH=src python scripts/provenance/tariff_lines/describe.py``
"""
from analysis.core import data

READ = "Read 2026-12-03."
CSV = {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8"}
HTS8 = r"[0-9]{8}"
HTS10_LIST = r"([0-9]{10}(;[0-9]{10})*)?"


def f(name, t, d, unit=None, **k):
    x = {"name": name, "type": t, "description": d}
    if unit:
        x["unit"] = unit
    if k:
        x["constraints"] = k
    return x


US_GOV = [{"name": "public-domain-us-gov",
           "title": "US government works (17 U.S.C. 105); compilers' copies used as transport only"}]
HEADINGS = ["9903.88.01", "9903.88.02", "9903.88.03", "9903.88.04", "9903.88.15", "9903.88.16", "9903.91.01",
            "9903.91.02", "9903.91.03", "9903.91.04", "9903.91.05", "9903.91.06", "9903.91.07", "9903.91.08",
            "9903.91.11", "9903.92.10"]
LISTS = ["list1", "list2", "list3", "list4a", "list4b", "review2024"]

lines = dict(
    CSV, name="tariff_us_china_hs8", path="tariff_us_china_hs8.csv",
    title="Section 301 tariffs on products of China, tariff line by tariff line (HTS 8-digit), Lists 1-4B and the "
          "2024 four-year review",
    description=(
        "One row per (edition, chapter-99 heading, 8-digit HTS subheading, membership window). The heading's rate "
        "schedule is in tariff_us_china_rates; a line's additional duty on a date is the rate of each heading it belongs "
        "to on that date, the highest one where it belongs to several (the review rates replace the earlier list rate: "
        "USTR describes them as increases, e.g. EVs 25% to 100%). scope: all = every product of the subheading; "
        "except = all but the 10-digit numbers in hs10; only = just the 10-digit numbers in hs10. "
        "edition=annex: the lists as USTR published them (Lists 1-3, HTS 2018 codes) and as the USITC 'China Tariffs' "
        "table gave Lists 4A/4B (HTS 2020 codes): the rows the announced line counts are tested against. "
        "edition=hts2026: U.S. notes 20 and 31 of HTS 2026 Rev. 6 chapter 99 (current codes, matching 2024 trade "
        "data); lines the review moved out of note 20 keep their USTR-annex membership until the day before their "
        "review rate. Not included: USTR product exclusions (described by product, not code), the three other 10-digit "
        "items of note 31(b)(1)-(4) that the 2026 HTS deleted (in force 2024-09-27 to 2025-12-31), Section 201 and 232 "
        "duties, the 2026-11-10 chassis and crane headings (9903.91.12, .14). Heading 9903.92.10 covers only "
        "ship-to-shore cranes within 8426.19.00, which trade data cannot separate."),
    sources=[{"title": "USTR annexes to 83 FR 28710 (List 1), the final second tranche (List 2) and the September 17, "
                       "2018 tariff list (List 3); USITC China Tariffs table of January 1, 2020; USITC HTS 2026 Rev. 6 "
                       "chapter 99 notes 20 and 31 (each row's list_source; full references in tariff_us_china_sources)",
              "path": "scripts/provenance/tariff_lines/build_tariff_us_china_hs8.py",
              "description": "Parsed from the copies named in tariff_us_china_sources (PDF and text). " + READ}],
    licenses=US_GOV,
    schema={"fields": [
        f("edition", "string", "Which publication the line membership comes from", required=True,
          enum=["annex", "hts2026"]),
        f("list_id", "string", "Section 301 list", required=True, enum=LISTS),
        f("heading", "string", "Chapter 99 heading providing the additional duty", required=True, enum=HEADINGS),
        f("hs8", "string", "HTS 8-digit subheading", required=True, pattern=HTS8),
        f("hs6", "string", "HS 6-digit subheading (first six digits of hs8)", required=True, pattern="[0-9]{6}"),
        f("scope", "string", "all, except or only the 10-digit numbers in hs10", required=True,
          enum=["all", "except", "only"]),
        f("hs10", "string", "10-digit statistical numbers for scope except/only, separated by ;",
          pattern=HTS10_LIST),
        f("member_from", "date", "First day the line belongs to the heading", required=True),
        f("member_to", "date", "Last day the line belongs to the heading (empty: still does)"),
        f("list_source", "string", "Key of the source of the line's membership (tariff_us_china_sources, or "
                                   "tariff_actions_<action_id>)", required=True, pattern="[a-z0-9_A-Z]+"),
        f("note", "string", "Special cases")],
        "primaryKey": ["edition", "heading", "hs8", "member_from"], "missingValues": [""]})

rates = dict(
    CSV, name="tariff_us_china_rates", path="tariff_us_china_rates.csv",
    title="Rate schedule of the Section 301 chapter-99 headings on products of China, 2018-2026",
    description=("One row per rate step of a heading: the additional ad valorem duty in percent from effective_date "
                 "(to end_date when set). status=suspended: announced but never in force (List 4B). Review rates and "
                 "dates as written in the HTS 2026 Rev. 6 headings and note 31; the 2018-2020 steps as in tariff_actions "
                 "(List 3 raised for goods exported from 2019-05-10; PIIE dates that step 2019-06-01)."),
    sources=[{"title": "USITC HTS 2026 Rev. 6 chapter 99 headings 9903.91.01-.11 and 9903.92.10; data/tariff_actions.csv "
                       "rows A05-A13 (USTR notices as reported, each row names its URL)",
              "path": "scripts/provenance/tariff_lines/build_tariff_us_china_hs8.py", "description": READ}],
    licenses=US_GOV,
    schema={"fields": [
        f("heading", "string", "Chapter 99 heading", required=True, enum=HEADINGS),
        f("list_id", "string", "Section 301 list", required=True, enum=LISTS),
        f("action", "string", "What the step is", required=True),
        f("effective_date", "date", "First day of the rate (entries on or after)", required=True),
        f("end_date", "date", "Last day of the rate (empty: open)"),
        f("additional_duty_pct", "number", "Additional ad valorem duty", "percent", required=True, minimum=0,
          maximum=200),
        f("status", "string", "in_force or suspended", required=True, enum=["in_force", "suspended"]),
        f("source_id", "string", "Source key", required=True, pattern="[a-z0-9_A-Z]+")],
        "primaryKey": ["heading", "effective_date"], "missingValues": [""]})

lists = dict(
    CSV, name="tariff_us_china_lists", path="tariff_us_china_lists.csv",
    title="What USTR announced for each Section 301 list: number of tariff lines and trade value",
    description=("The announced line counts are what tests/test_tariff_lines.py compares the annex edition of "
                 "tariff_us_china_hs8 with. Announced values are USTR's estimates of annual trade (not 2017 Census "
                 "values); empty: no announcement found in the sources read."),
    sources=[{"title": "83 FR 28710 (USTR PDF); 84 FR 43304 (repost); Lexology summary of 83 FR 47974; "
                       "data/tariff_actions.csv (List 4 values, 2024 package)",
              "path": "scripts/provenance/tariff_lines/build_tariff_us_china_lists.py", "description": READ}],
    licenses=US_GOV,
    schema={"fields": [
        f("list_id", "string", "Section 301 list", required=True, unique=True, enum=LISTS),
        f("name", "string", "Common name", required=True),
        f("headings", "string", "Chapter 99 headings", required=True),
        f("lines_announced", "integer", "Tariff subheadings announced", "lines", minimum=1, maximum=20000),
        f("value_announced_usd_bn", "number", "Annual trade value announced", "USD billion", minimum=0,
          maximum=600),
        f("value_basis", "string", "What the value measures", required=True),
        f("source_id", "string", "Source key (tariff_us_china_sources)", required=True, pattern="[a-z0-9_]+")],
        "primaryKey": ["list_id"], "missingValues": [""]})

sources = dict(
    CSV, name="tariff_us_china_sources", path="tariff_us_china_sources.csv",
    title="Sources of the product-level tariff tables (keys used by tariff_us_china_hs8, _rates, _lists and "
          "trade_us_imports_china_hs10_2024, trade_us_imports_china_hs6_2017)",
    description="One row per source: kind, title, original URL, the copy actually read (repository and commit) and "
                "what was taken from it.",
    sources=[{"title": "Compiled for this project", "path": "scripts/provenance/tariff_lines/build_tariff_us_china_lists.py",
              "description": READ}],
    licenses=[{"name": "CC0-1.0", "title": "Bibliographic references"}],
    schema={"fields": [
        f("source_id", "string", "Key", required=True, unique=True, pattern="[a-z0-9_]+"),
        f("kind", "string", "Kind of source", required=True,
          enum=["legal_text", "official_statistic", "secondary_report"]),
        f("title", "string", "Publication", required=True),
        f("url", "string", "Original location"),
        f("copy_read", "string", "The copy read (repository @ commit, path)"),
        f("note", "string", "What was taken from it"),
        f("read_on", "date", "Date read", required=True)],
        "primaryKey": ["source_id"], "missingValues": [""]})

imports = dict(
    CSV, name="trade_us_imports_china_hs10_2024", path="trade_us_imports_china_hs10_2024.csv",
    title="US imports from China in 2024 by 10-digit HTS number: customs value and calculated duty",
    description=(
        "Census imports for consumption (CON_VAL_YR, customs value, US dollars) and calculated duty (CAL_DUT_YR) for "
        "country 5700 (China), calendar 2024, one row per HTS10. Imports for consumption total less than general "
        "imports (goods entering bonded warehouses and foreign-trade zones count when withdrawn). No 2017 "
        "(pre-war) HS8/HS10 table was found in any stored public repository (searched: Census/DataWeb extracts, "
        "Schott's files, the Fajgelbaum et al., Amiti-Redding-Weinstein and PIIE replication data, tariff-tracker "
        "projects, Mitsuo Shiota's Section 301 checks (which query the Census API but store no data), GitHub code "
        "for Census API and DataWeb pulls of 2017; Kim Ruhl's monthly HS10 files and the Trade War Tracker's 2013- "
        "monthly HS10 China file exist but their data files are not stored). 2017 imports from China are available "
        "at HS6 only (trade_us_imports_china_hs6_2017, UN Comtrade as reported by the US); within an HS6 code this "
        "2024 table supplies the split across HTS10 lines."),
    sources=[{"title": "US Census Bureau international trade API (timeseries/intltrade/imports/hs, HS10, CTY_CODE 5700, "
                       "2024-12 year to date), as downloaded and committed by the Trade War Tracker project "
                       "(github.com/tradewartracker/trade-war-redux-2025 @ e38e38d8c572efca8ec8d4b2182105a9c79b1995, "
                       "data/2024-hs10-imports5700.parquet)",
              "path": "https://api.census.gov/data/timeseries/intltrade/imports/hs", "description": READ}],
    licenses=US_GOV,
    schema={"fields": [
        f("hs10", "string", "HTS 10-digit statistical number", required=True, unique=True, pattern="[0-9]{10}"),
        f("hs8", "string", "HTS 8-digit subheading", required=True, pattern=HTS8),
        f("hs6", "string", "HS 6-digit subheading", required=True, pattern="[0-9]{6}"),
        f("description", "string", "Census short description", required=True),
        f("imports_usd", "integer", "Imports for consumption, customs value, 2024", "USD", required=True, minimum=0),
        f("calculated_duty_usd", "integer", "Calculated duty on those imports, 2024", "USD", required=True, minimum=0),
        f("source_id", "string", "Source key (tariff_us_china_sources)", required=True, enum=["census_api_hs10_2024_twt"])],
        "primaryKey": ["hs10"], "missingValues": [""]})

imports_2017 = dict(
    CSV, name="trade_us_imports_china_hs6_2017", path="trade_us_imports_china_hs6_2017.csv",
    title="US imports from China in 2017 by HS 6-digit code (UN Comtrade, as reported by the United States)",
    description=(
        "UN Comtrade annual 2017 imports of the United States (reporter 842) from China (partner 156), HS 2017 (H5) "
        "6-digit codes, US dollars. The figures are the US Census Bureau's, valued CIF (customs value plus freight "
        "and insurance): the total, $525.76bn, is 4.1% above Census's 2017 general imports from China at customs "
        "value ($505.17bn, trade_us_imports_annual). Code 999999 (commodities not specified according to kind, "
        "$7.1bn) is kept so the rows add up to the reported total. This is the pre-war weight set closest to Bown's "
        "(2017 imports by product); no 2017 table at HS8/HS10 was found (see trade_us_imports_china_hs10_2024). "
        "Rebuilt by scripts/provenance/tariff_lines/build_trade_us_imports_china_hs6_2017.py from the stored file "
        "(sha256 e78aa3420c7692cd5f9188ed789902721a17c01897a3bbd2d7e8c56faa23e2b7)."),
    sources=[{"title": "UN Comtrade (comtradeplus.un.org), USA imports from China 2017 by HS6, as pulled with the "
                       "comtradr R package and committed in github.com/nikhilm2009/us-china-tariff-disruption @ "
                       "8a0f0ad9639e0d45c565ca92aa070ef58761f934, data_raw/us_china.rds",
              "path": "https://comtradeplus.un.org/", "description": READ}],
    licenses=[{"name": "other-attribution",
               "title": "UN Comtrade data (US Census Bureau statistics, 17 U.S.C. 105); UN Comtrade terms of use "
                        "apply; the compiler's copy is used as transport only"}],
    schema={"fields": [
        f("hs6", "string", "HS 2017 6-digit code (999999: not specified according to kind)", required=True,
          unique=True, pattern="[0-9]{6}"),
        f("description", "string", "Comtrade description", required=True),
        f("imports_usd", "integer", "Imports, CIF value, 2017", "USD", required=True, minimum=0),
        f("source_id", "string", "Source key (tariff_us_china_sources)", required=True,
          enum=["comtrade_usa_chn_2017_hs6"])],
        "primaryKey": ["hs6"], "missingValues": [""]})

for r in (lines, rates, lists, sources, imports, imports_2017):
    data.upsert_resource(r)
    print("described", r["name"])
