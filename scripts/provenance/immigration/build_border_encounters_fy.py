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
from _immigration_descriptions import (  # noqa: E402
    FIELDS_REGION_TO_ENCOUNTER_TYPE,
    LICENSES_PUBLIC_DOMAIN_US_GOV,
    SOURCE_CBP_FY22_FY25_FYTD_SOUTHWEST,
    SOURCE_CBP_NATIONWIDE_ENCOUNTERS_FY20_FY23,
    SOURCE_CBP_SOUTHWEST_LAND_BORDER_ENCOUNTERS,
    SOURCE_CBP_U_S_BORDER_PATROL,
    SOURCE_DHS_OHSS_KNOWLEDGE_HUB_CBP,
    SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
    SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
    SOURCE_U_S_BORDER_PATROL_SOUTHWEST,
)

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
        SOURCE_CBP_U_S_BORDER_PATROL,
        SOURCE_U_S_BORDER_PATROL_SOUTHWEST,
        SOURCE_CBP_SOUTHWEST_LAND_BORDER_ENCOUNTERS,
        SOURCE_CBP_FY22_FY25_FYTD_SOUTHWEST,
        SOURCE_CBP_NATIONWIDE_ENCOUNTERS_FY20_FY23,
        SOURCE_DHS_OHSS_KNOWLEDGE_HUB_CBP,
        SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
        SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("fiscal_year", "integer", None, "US federal fiscal year (1 Oct-30 Sep)", minimum=1960,
              maximum=2025, required=True),
            *FIELDS_REGION_TO_ENCOUNTER_TYPE,
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
