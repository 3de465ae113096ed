"""Build data/border_encounters_fy.csv: Southwest border (and nationwide) encounters by fiscal year.

Input: the compilation's fiscal-year encounters table (sums of the CBP files it names per source key); the unit
column is dropped (the descriptor gives it).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_border_encounters_fy.py --input FOLDER``
(or set IMMIGRATION_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402

INPUTS = [
    Input("us_southwest_border_encounters_fy.csv", "earlier compilation of the immigration sources made for the project (not published; its README gives "
          "the public origin of every file; source keys expanded in data/immigration_sources.csv)",
          "8d0f03a69f2856b4701ce274eb54dfae82bb51994df171f96a1c13b77953fc76"),
]


def build(SRC: Path) -> pd.DataFrame:
    fy = pd.read_csv(SRC / "us_southwest_border_encounters_fy.csv", dtype=str, keep_default_na=False)
    fy = fy.drop(columns=["unit"])
    return fy


RESOURCE = {
    "name": "border_encounters_fy",
    "path": "border_encounters_fy.csv",
    "title": "Southwest border (and nationwide) encounters by fiscal year, by component and title of authority",
    "description": ("One row per fiscal year x region x component x title x source. USBP Southwest apprehensions "
     "FY1960-FY2019 (Title 8 only before March 2020); USBP/OFO x Title 8/Title 42 from FY2019; nationwide "
     "CBP totals FY2020-FY2023. Several sources per year are kept as cross-checks; preferred == 1 marks "
     "the one row to use per (fiscal_year, region, component, title_of_authority). derived == 1: a sum of "
     "rows of the cited raw file. Encounters count events, not people. Fiscal year = 1 Oct - 30 Sep."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        {
            "title": "CBP, U.S. Border Patrol Monthly Encounters (FY 2000 - FY 2020), by sector and month",
            "path": "https://www.cbp.gov/document/stats/us-border-patrol-monthly-encounters-fy-2000-fy-2020",
            "description": ("Table: Southwest border sectors total by month. Read 2026-11-28 (a third-party byte copy of "
             "the published file was read)."),
        },
        {
            "title": ("U.S. Border Patrol, Southwest Border Sectors total illegal alien apprehensions by fiscal "
             "year, FY1960-FY2019"),
            "path": "https://www.cbp.gov/newsroom/media-resources/stats",
            "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
        },
        {
            "title": ("CBP, Southwest Land Border Encounters dashboard (official update of 13 Oct 2022), "
             "FY2019-FY2021 by month, component and title of authority"),
            "path": "https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters",
            "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
        },
        {
            "title": ("CBP, FY22-FY25 (FYTD) Southwest Land Border Encounters - August "
             "(sbo-encounters-fy22-fy25-aug.csv)"),
            "path": "https://www.cbp.gov/document/stats/southwest-land-border-encounters",
            "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
        },
        {
            "title": "CBP, Nationwide Encounters FY20-FY23 by state (November 2023 release)",
            "path": ("https://www.cbp.gov/sites/default/files/assets/documents/2023-Nov/nationwide-encounters-fy20-fy23-state.csv"),
            "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
        },
        {
            "title": "DHS OHSS Knowledge Hub, CBP Encounters, USBP workbook fy25m11 (cross-check, rounded to 10)",
            "path": "https://ohss.dhs.gov/khsm/cbp-encounters",
            "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
        },
        {
            "title": ("Source keys of the immigration and border tables (citation, URL, kind and date read of "
             "every key)"),
            "path": "immigration_sources.csv",
        },
        {
            "title": "Source keys of every row, expanded (publication, table, URL, date read)",
            "path": "immigration_sources.csv",
        },
    ],
    "licenses": [
        {
            "name": "public-domain-us-gov",
            "title": "US government works (17 U.S.C. 105); facts from other publishers cited with attribution",
        },
    ],
    "schema": {
        "fields": [
            field("fiscal_year", "integer", None, "US federal fiscal year (1 Oct-30 Sep)", minimum=1960,
              maximum=2025, required=True),
            field("region", "string", "Southwest Land Border, or Nationwide (all CBP)",
              enum=["Southwest Land Border", "Nationwide"], required=True),
            field("component", "string",
              "U.S. Border Patrol (between ports), Office of Field Operations (at ports) or their sum",
              enum=["U.S. Border Patrol", "Office of Field Operations", "CBP total (USBP + OFO)"],
              required=True),
            field("title_of_authority", "string",
              ("Title 8 (immigration law) or Title 42 (public-health expulsions, 21 Mar 2020 - 11 May "
                   "2023); 'All' rows are totals, never add them to the others"), 
              enum=["Title 8", "Title 42", "All (Title 8 + Title 42)"], required=True),
            field("encounter_type", "string",
              "Title 8 USBP = apprehensions, Title 8 OFO = inadmissibles, Title 42 = expulsions",
              enum=[
                    "apprehensions",
                    "inadmissibles",
                    "apprehensions + inadmissibles",
                    "expulsions",
                    "encounters",
                ], 
              required=True),
            field("encounters", "integer", "Encounter events in the fiscal year", "events", minimum=0,
              maximum=5000000, required=True),
            field("months_covered", "integer", None, "months", minimum=1, maximum=12, required=True),
            field("derived", "integer", "1 = sum of rows of the raw file, 0 = printed in the source",
              enum=[0, 1], required=True),
            field("preferred", "integer",
              "1 = the row to use for this fiscal year, region, component and title", enum=[0, 1],
              required=True),
            field("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv",
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*", required=True),
            field("note", "string"),
        ],
        "primaryKey": ["fiscal_year", "region", "component", "title_of_authority", "source"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="IMMIGRATION_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
