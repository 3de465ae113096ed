"""Describe the immigration/border tables in data/datapackage.json through data.upsert_resource."""
from analysis.core import data

READ = "2026-11-28"
GOV_LICENSE = [{"name": "public-domain-us-gov",
                "title": "US government works (17 U.S.C. 105); facts from other publishers cited with attribution"}]
COMPILATION = {"title": "Earlier compilation of the immigration sources (README: origin, licence, sha256 of every file; "
                   "source keys expanded in immigration_sources.csv)",
          "path": "immigration_sources.csv",
          "description": f"Copied from the compilation; read {READ}."}
KEYS = {"title": "Source keys of every row, expanded (publication, table, URL, date read)",
        "path": "immigration_sources.csv"}

def S(name, type_, desc="", unit=None, required=False, **c):
    f = {"name": name, "type": type_}
    if type_ == "date":
        f["format"] = "default"
    if desc:
        f["description"] = desc
    if unit:
        f["unit"] = unit
    cons = dict(c)
    if required:
        cons["required"] = True
    if cons:
        f["constraints"] = cons
    return f

SRC_FIELD = S("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv", required=True,
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*")
COMPONENTS = ["U.S. Border Patrol", "Office of Field Operations", "CBP total (USBP + OFO)"]
TITLES = ["Title 8", "Title 42", "All (Title 8 + Title 42)"]
TYPES = ["apprehensions", "inadmissibles", "apprehensions + inadmissibles", "expulsions", "encounters"]

def res(name, title, description, fields, pk, sources, licenses=GOV_LICENSE):
    return {"name": name, "path": f"{name}.csv", "title": title, "description": description,
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "sources": sources, "licenses": licenses,
            "schema": {"fields": fields, "primaryKey": pk, "missingValues": [""]}}

CBP_SOURCES = [
    {"title": "CBP, U.S. Border Patrol Monthly Encounters (FY 2000 - FY 2020), by sector and month",
     "path": "https://www.cbp.gov/document/stats/us-border-patrol-monthly-encounters-fy-2000-fy-2020",
     "description": f"Table: Southwest border sectors total by month. Read {READ} (a byte copy was kept with the compilation)."},
    {"title": "U.S. Border Patrol, Southwest Border Sectors total illegal alien apprehensions by fiscal year, FY1960-FY2019",
     "path": "https://www.cbp.gov/newsroom/media-resources/stats", "description": f"Read {READ} (a byte copy was kept with the compilation)."},
    {"title": "CBP, Southwest Land Border Encounters dashboard (official update of 13 Oct 2022), FY2019-FY2021 by month, component and title of authority",
     "path": "https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters", "description": f"Read {READ} (a byte copy was kept with the compilation)."},
    {"title": "CBP, FY22-FY25 (FYTD) Southwest Land Border Encounters - August (sbo-encounters-fy22-fy25-aug.csv)",
     "path": "https://www.cbp.gov/document/stats/southwest-land-border-encounters", "description": f"Read {READ} (a byte copy was kept with the compilation)."},
    {"title": "CBP, Nationwide Encounters FY20-FY23 by state (November 2023 release)",
     "path": "https://www.cbp.gov/sites/default/files/assets/documents/2023-Nov/nationwide-encounters-fy20-fy23-state.csv",
     "description": f"Read {READ} (a byte copy was kept with the compilation)."},
    {"title": "DHS OHSS Knowledge Hub, CBP Encounters, USBP workbook fy25m11 (cross-check, rounded to 10)",
     "path": "https://ohss.dhs.gov/khsm/cbp-encounters", "description": f"Read {READ} (a byte copy was kept with the compilation)."},
    COMPILATION, KEYS]

common_enc = [
    S("region", "string", "Southwest Land Border, or Nationwide (all CBP)", required=True, enum=["Southwest Land Border", "Nationwide"]),
    S("component", "string", "U.S. Border Patrol (between ports), Office of Field Operations (at ports) or their sum", required=True, enum=COMPONENTS),
    S("title_of_authority", "string", "Title 8 (immigration law) or Title 42 (public-health expulsions, 21 Mar 2020 - 11 May 2023); 'All' rows are totals, never add them to the others", required=True, enum=TITLES),
    S("encounter_type", "string", "Title 8 USBP = apprehensions, Title 8 OFO = inadmissibles, Title 42 = expulsions", required=True, enum=TYPES),
]

def main():
    data.upsert_resource(res(
        "border_encounters_fy", "Southwest border (and nationwide) encounters by fiscal year, by component and title of authority",
        "One row per fiscal year x region x component x title x source. USBP Southwest apprehensions FY1960-FY2019 "
        "(Title 8 only before March 2020); USBP/OFO x Title 8/Title 42 from FY2019; nationwide CBP totals FY2020-FY2023. "
        "Several sources per year are kept as cross-checks; preferred == 1 marks the one row to use per "
        "(fiscal_year, region, component, title_of_authority). derived == 1: a sum of rows of the cited raw file. "
        "Encounters count events, not people. Fiscal year = 1 Oct - 30 Sep.",
        [S("fiscal_year", "integer", unit="US federal fiscal year (1 Oct-30 Sep)", required=True, minimum=1960, maximum=2025),
         *common_enc,
         S("encounters", "integer", "Encounter events in the fiscal year", unit="events", required=True, minimum=0, maximum=5000000),
         S("months_covered", "integer", unit="months", required=True, minimum=1, maximum=12),
         S("derived", "integer", "1 = sum of rows of the raw file, 0 = printed in the source", required=True, enum=[0, 1]),
         S("preferred", "integer", "1 = the row to use for this fiscal year, region, component and title", required=True, enum=[0, 1]),
         SRC_FIELD, S("note", "string")],
        ["fiscal_year", "region", "component", "title_of_authority", "source"], CBP_SOURCES))

    data.upsert_resource(res(
        "border_encounters_monthly", "Southwest border (and nationwide) encounters by month, by component and title of authority",
        "One row per fiscal month x region x component x title x source, Oct 1999 (FY2000 month 1) - Sep 2024. "
        "fiscal_month 1 = October. USBP Title 8 apprehensions from the USBP monthly PDF FY2000-FY2018; CBP dashboard "
        "extract FY2019-FY2021; CBP sbo-encounters release FY2022-FY2024; nationwide totals FY2020-FY2023. "
        "preferred == 1 marks the row to use; other rows are cross-checks. Title 42 months exist only March 2020 - May 2023.",
        [S("fiscal_year", "integer", unit="US federal fiscal year", required=True, minimum=2000, maximum=2025),
         S("fiscal_month", "integer", "1 = October ... 12 = September", required=True, minimum=1, maximum=12),
         S("calendar_year", "integer", required=True, minimum=1999, maximum=2025),
         S("calendar_month", "integer", required=True, minimum=1, maximum=12),
         *common_enc,
         S("encounters", "integer", "Encounter events in the month", unit="events", required=True, minimum=0, maximum=500000),
         S("derived", "integer", required=True, enum=[0, 1]),
         S("preferred", "integer", required=True, enum=[0, 1]),
         SRC_FIELD],
        ["fiscal_year", "fiscal_month", "region", "component", "title_of_authority", "source"], CBP_SOURCES))

    data.upsert_resource(res(
        "border_removals_returns_fy", "Aliens removed or returned from the United States, FY1990-FY2019 (DHS Yearbook 2019, Table 39)",
        "Removals: compulsory moves out of the US based on an order of removal; returns: confirmed departures not "
        "based on an order. Nationwide (all DHS components), fiscal years. Values are a third-party transcription "
        "of the DHS table (see source key): to verify against the DHS table before relying on single values. "
        "Title 42 expulsions (from March 2020) are neither removals nor returns; FY2020 onward is not in this table.",
        [S("fiscal_year", "integer", unit="US federal fiscal year", required=True, unique=True, minimum=1990, maximum=2019),
         S("removals", "integer", unit="persons removed (events)", required=True, minimum=0, maximum=1000000),
         S("returns", "integer", unit="persons returned (events)", required=True, minimum=0, maximum=3000000),
         SRC_FIELD],
        ["fiscal_year"],
        [{"title": "DHS, Yearbook of Immigration Statistics 2019, Table 39: Aliens Removed or Returned: Fiscal Years 1892 to 2019",
          "path": "https://www.dhs.gov/immigration-statistics/yearbook/2019/table39",
          "description": f"FY1990-FY2019 as transcribed in github:ohkaaaaay/Immigration_Nation, immigration_deported.csv, commit bd86fcce7453080b149b146b54eb5f82f7f3c2b7; read {READ}."}, KEYS]))

    data.upsert_resource(res(
        "border_barrier_miles", "US-Mexico border length and barrier miles by measuring convention, date and barrier type",
        "One row per published figure (record_id). measure: border_length (basis = whose convention), primary/"
        "secondary/tertiary barrier (pre-2017 stock, USBP table of 30 Sep 2019 by state), border_wall_system_built_since_2017 "
        "(CBP's dated counts, new + replacement), border_wall_system_funded, planned_new_barrier. as_of is an ISO date, "
        "a month (YYYY-MM) or a fiscal year (FYyyyy), as the source gives it.",
        [S("record_id", "string", required=True, unique=True, pattern="BM[0-9]{2}"),
         S("as_of", "string", "Date, month or fiscal year of the figure", required=True, pattern="(\\d{4}-\\d{2}(-\\d{2})?|FY\\d{4})"),
         S("geography", "string", required=True),
         S("measure", "string", required=True, enum=["border_length", "primary_barrier", "secondary_barrier", "tertiary_barrier",
                                                     "border_wall_system_built_since_2017", "border_wall_system_funded", "planned_new_barrier"]),
         S("barrier_type", "string"),
         S("basis", "string", "Measuring convention (border length only)"),
         S("miles", "number", unit="miles", required=True, minimum=0, maximum=2000),
         S("status", "string", required=True), SRC_FIELD, S("note", "string")],
        ["record_id"], [COMPILATION, KEYS,
                        {"title": "U.S. Border Patrol, Mileage of Pedestrian and Vehicle Barrier by State, data current as of 30 Sep 2019",
                         "path": "https://www.cbp.gov/newsroom/media-resources/stats", "description": f"Read {READ} (a byte copy was kept with the compilation)."},
                        {"title": "GAO-18-614, Southwest Border Security (July 2018)", "path": "https://www.gao.gov/products/GAO-18-614",
                         "description": "Quoted figures; see key gao_18_614."}]))

    data.upsert_resource(res(
        "border_barrier_funding", "Border-barrier money: DHS appropriations and funds redirected from DoD and Treasury, USD bn",
        "One row per published amount (record_id), with period, funding source, legal authority and status "
        "(appropriated / redirected / planned). Amounts overlap across rows (totals and their parts): never sum the column blindly.",
        [S("record_id", "string", required=True, unique=True, pattern="BF[0-9]{2}"),
         S("period", "string", required=True),
         S("funding_source", "string", required=True), S("legal_authority", "string"),
         S("amount_usd_billion", "number", unit="USD billion (nominal)", required=True, minimum=0, maximum=50),
         S("status", "string", required=True), SRC_FIELD, S("note", "string")],
        ["record_id"], [COMPILATION, KEYS,
                        {"title": "CRS R45888, DHS Border Barrier Funding Through FY2021 (updated 4 Mar 2024)",
                         "path": "https://www.capitollabsllc.com/crs/product/R45888", "description": f"Read {READ}."},
                        {"title": "CRS R45937, Military Funding for Southwest Border Barriers (23 Sep 2019)",
                         "path": "https://www.everycrsreport.com/reports/R45937.html", "description": f"Read {READ}."}]))

    data.upsert_resource(res(
        "immigration_policy_parameters", "Numeric parameters of immigration legal instruments (countries, days, months, caps)",
        "One row per parameter of an executive order, proclamation, rule, notice or memo, with its Federal Register "
        "citation where there is one; claim_ids names the claims it checks. countries lists the countries covered.",
        [S("record_id", "string", required=True, unique=True, pattern="PP[0-9]{2}"),
         S("claim_ids", "string", "Claims this row checks (';'-separated)", pattern="((IMM|BOR)-[0-9]{2})(;(IMM|BOR)-[0-9]{2})*"),
         S("instrument", "string", required=True), S("instrument_type", "string", required=True),
         S("signed_or_announced", "string", "ISO date, or year(s) when the source gives no day", required=True),
         S("fr_citation", "string"), S("fr_document_number", "string"),
         S("fr_publication_date", "date"),
         S("parameter", "string", required=True),
         S("value", "number", required=True, minimum=0),
         S("unit", "string", required=True),
         S("period_start", "date"), S("period_end", "date"),
         S("countries", "string", "Countries covered, ';'-separated"),
         SRC_FIELD, S("note", "string")],
        ["record_id"], [COMPILATION, KEYS,
                        {"title": "Federal Register (executive orders, proclamations, rules and notices cited per row)",
                         "path": "https://www.federalregister.gov/", "description": f"Citations per row; read {READ}."}]))

    data.upsert_resource(res(
        "immigration_statistics", "Single published immigration and border figures (detentions, metering lists, separations, MPP, Title 42 totals)",
        "One row per published figure (record_id): statistic, geography, period, value and what is counted. "
        "Derived rows (Title 42 totals) are sums of border_encounters_monthly and say so in note.",
        [S("record_id", "string", required=True, unique=True, pattern="ST[0-9]{2}"),
         S("statistic", "string", required=True), S("geography", "string", required=True),
         S("period_start", "date", required=True), S("period_end", "date", required=True),
         S("value", "number", required=True, minimum=0), S("unit", "string", required=True),
         S("count_basis", "string", required=True), SRC_FIELD, S("note", "string")],
        ["record_id"], [COMPILATION, KEYS]))

    data.upsert_resource(res(
        "immigration_lpr_fy", "Persons obtaining lawful permanent resident status, selected fiscal years",
        "Green cards granted in the fiscal year (new arrivals plus adjustments of status). Transcriptions of DHS "
        "Yearbook tables found in public code (key dhs_yearbook_lpr_quoted), consistent with the OIS 2020 flow "
        "report's '31 percent reduction' from FY2019 to FY2020 (immigration_statistics).",
        [S("fiscal_year", "integer", unit="US federal fiscal year", required=True, unique=True, minimum=2000, maximum=2024),
         S("persons_obtaining_lpr_status", "integer", unit="persons", required=True, minimum=0, maximum=3000000),
         SRC_FIELD, S("note", "string")],
        ["fiscal_year"], [COMPILATION, KEYS,
                          {"title": "DHS OHSS, Yearbook of Immigration Statistics, Tables 1 and 9",
                           "path": "https://ohss.dhs.gov/topics/immigration/yearbook", "description": f"Read {READ} (via transcriptions)."}]))

    data.upsert_resource(res(
        "immigration_public_opinion_2024", "2024 polls on immigration: Pew (Jan 2024) and Harris Poll for Axios (Mar-Apr 2024)",
        "One row per poll item and group: share of US adults (not voters) agreeing. Question wording abbreviated in item.",
        [S("pollster", "string", required=True), S("field_start", "date", required=True), S("field_end", "date", required=True),
         S("sample_size", "integer", unit="respondents", required=True, minimum=1),
         S("population", "string", required=True), S("item", "string", required=True), S("group", "string", required=True),
         S("pct", "number", unit="percent of respondents", required=True, minimum=0, maximum=100),
         SRC_FIELD, S("note", "string")],
        ["pollster", "item", "group"], [COMPILATION, KEYS],
        licenses=[{"name": "cited-facts", "title": "Poll results are facts cited with attribution; publishers keep their copyright"}]))

    data.upsert_resource(res(
        "immigration_executive_actions", "Dated immigration and border actions, 2004-2024: orders, proclamations, rules, memos, court rulings",
        "One row per dated event of an instrument (signed, announced, published, effective, implemented, expiry, ended, "
        "court_ruling). administration: the administration whose instrument it is (for signed, announced and published events, the president in office on that date). description paraphrases the action.",
        [S("event_id", "string", required=True, unique=True, pattern="EA[0-9]{2}"),
         S("date", "date", required=True),
         S("event_type", "string", required=True, enum=["signed", "announced", "published", "effective", "implemented",
                                                       "expiry", "ended", "court_ruling"]),
         S("administration", "string", required=True, enum=["Bush", "Obama", "Trump", "Biden"]),
         S("instrument", "string", required=True), S("description", "string", required=True),
         S("fr_citation", "string"),
         S("claim_ids", "string", pattern="((IMM|BOR)-[0-9]{2})(;(IMM|BOR)-[0-9]{2})*"),
         SRC_FIELD],
        ["event_id"], [COMPILATION, KEYS,
                       {"title": "Federal Register, court opinions, agency memoranda and statements (per row)",
                        "path": "https://www.federalregister.gov/", "description": f"Read {READ}."}]))

    data.upsert_resource(res(
        "immigration_tps_actions", "Temporary Protected Status actions: terminations 2017-18, court-ordered continuations, designations 2022-24",
        "One row per TPS action: country (or the six Ramos/Bhattarai countries), action, DHS announcement date, "
        "Federal Register citation and publication date, the window it sets (period_start - period_end; for a "
        "termination, period_end is the effective date), and the months the notice states.",
        [S("country", "string", required=True),
         S("action", "string", required=True, enum=["termination", "designation", "extension", "extension_redesignation",
                                                   "continuation_of_documentation"]),
         S("date_announced", "date"), S("fr_citation", "string"), S("fr_published", "date"),
         S("period_start", "date"), S("period_end", "date", required=True),
         S("months_stated", "integer", unit="months", minimum=1, maximum=24),
         S("claim_id", "string", required=True, pattern="IMM-[0-9]{2}"),
         SRC_FIELD],
        ["country", "action", "period_end"], [COMPILATION, KEYS,
                                             {"title": "USCIS/DHS Temporary Protected Status notices, Federal Register (per row)",
                                              "path": "https://www.federalregister.gov/", "description": f"Read {READ}."}]))

    data.upsert_resource(res(
        "immigration_sources", "Source keys of the immigration and border tables",
        "One row per source key used in the immigration_* and border_* tables: citation (publication, table, date), "
        "URL, kind (government = a government document or statistic; government_transcribed = a government table "
        "read through a third-party transcription; secondary = a research centre, poll, news or practitioner report), "
        "where the key was compiled and the date read. Keys from the compilation's README are copied verbatim.",
        [S("key", "string", required=True, unique=True, pattern="[a-z0-9_]+"),
         S("citation", "string", required=True),
         S("url", "string", pattern="https?://\\S+"),
         S("kind", "string", required=True, enum=["government", "government_transcribed", "secondary"]),
         S("origin", "string", required=True),
         S("date_read", "date", required=True)],
        ["key"], [COMPILATION,
                  {"title": "Searches of stored public pages (Federal Register copies, court opinions, agency pages) for keys not in the compilation's README",
                   "path": "immigration_sources.csv", "description": f"Read {READ}."}],
        licenses=[{"name": "CC-BY-4.0", "title": "Compilation of citations"}]))

if __name__ == "__main__":
    main()
    print("registered")
