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
            field("fiscal_year", "integer", None, "US federal fiscal year", minimum=2000, maximum=2025,
              required=True),
            field("fiscal_month", "integer", "1 = October ... 12 = September", minimum=1, maximum=12,
              required=True),
            field("calendar_year", "integer", minimum=1999, maximum=2025, required=True),
            field("calendar_month", "integer", minimum=1, maximum=12, required=True),
            *FIELDS_REGION_TO_ENCOUNTER_TYPE,
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
