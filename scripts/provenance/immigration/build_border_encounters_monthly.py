"""Build data/border_encounters_monthly.csv: Southwest border (and nationwide) encounters by month.

Input: the compilation's monthly encounters table; the unit column is dropped (the descriptor gives it).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_border_encounters_monthly.py --input FOLDER``
(or set IMMIGRATION_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402

INPUTS = [
    Input("us_southwest_border_encounters_monthly.csv", "earlier compilation of the immigration sources made for the project (not published; its README gives "
          "the public origin of every file; source keys expanded in data/immigration_sources.csv)",
          "761870a92db03896c626bb83a3892a59fcf3355037bd3e3c04833832af7c3807"),
]


def build(SRC: Path) -> pd.DataFrame:
    m = pd.read_csv(SRC / "us_southwest_border_encounters_monthly.csv", dtype=str, keep_default_na=False)
    m = m.drop(columns=["unit"])
    return m


RESOURCE = {
    "name": "border_encounters_monthly",
    "path": "border_encounters_monthly.csv",
    "title": "Southwest border (and nationwide) encounters by month, by component and title of authority",
    "description": ("One row per fiscal month x region x component x title x source, Oct 1999 (FY2000 month 1) - Sep "
     "2024. fiscal_month 1 = October. USBP Title 8 apprehensions from the USBP monthly PDF FY2000-FY2018; "
     "CBP dashboard extract FY2019-FY2021; CBP sbo-encounters release FY2022-FY2024; nationwide totals "
     "FY2020-FY2023. preferred == 1 marks the row to use; other rows are cross-checks. Title 42 months "
     "exist only March 2020 - May 2023."),
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
            field("fiscal_year", "integer", None, "US federal fiscal year", minimum=2000, maximum=2025,
              required=True),
            field("fiscal_month", "integer", "1 = October ... 12 = September", minimum=1, maximum=12,
              required=True),
            field("calendar_year", "integer", minimum=1999, maximum=2025, required=True),
            field("calendar_month", "integer", minimum=1, maximum=12, required=True),
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
            field("encounters", "integer", "Encounter events in the month", "events", minimum=0,
              maximum=500000, required=True),
            field("derived", "integer", enum=[0, 1], required=True),
            field("preferred", "integer", enum=[0, 1], required=True),
            field("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv",
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*", required=True),
        ],
        "primaryKey": ["fiscal_year", "fiscal_month", "region", "component", "title_of_authority", "source"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="IMMIGRATION_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
