"""Build data/immigration_lpr_fy.csv: persons obtaining lawful permanent resident status, selected fiscal years.

Input: the compilation's LPR table; the unit column is dropped.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_immigration_lpr_fy.py --input FOLDER``
(or set IMMIGRATION_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _immigration_descriptions import (  # noqa: E402
    LICENSES_PUBLIC_DOMAIN_US_GOV,
    SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
    SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
)

INPUTS = [
    Input("us_lawful_permanent_residents_fy.csv", "earlier compilation of the immigration sources made for the project (not published; its README gives "
          "the public origin of every file; source keys expanded in data/immigration_sources.csv)",
          "d606fda9a8c0116bf16f5acc5c478a7e8453aa38542beefd68e43bb328fe9901"),
]


def build(SRC: Path) -> pd.DataFrame:
    lpr = pd.read_csv(SRC / "us_lawful_permanent_residents_fy.csv", dtype=str, keep_default_na=False).drop(columns=["unit"])
    return lpr


RESOURCE = {
    "name": "immigration_lpr_fy",
    "path": "immigration_lpr_fy.csv",
    "title": "Persons obtaining lawful permanent resident status, selected fiscal years",
    "description": ("Green cards granted in the fiscal year (new arrivals plus adjustments of status). Transcriptions of "
     "DHS Yearbook tables found in public code (key dhs_yearbook_lpr_quoted), consistent with the OIS "
     "2020 flow report's '31 percent reduction' from FY2019 to FY2020 (immigration_statistics)."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
        SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
        {
            "title": "DHS OHSS, Yearbook of Immigration Statistics, Tables 1 and 9",
            "path": "https://ohss.dhs.gov/topics/immigration/yearbook",
            "description": "Read 2026-11-28 (via transcriptions).",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("fiscal_year", "integer", None, "US federal fiscal year", unique=True, minimum=2000,
              maximum=2024, required=True),
            field("persons_obtaining_lpr_status", "integer", None, "persons", minimum=0, maximum=3000000,
              required=True),
            field("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv",
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*", required=True),
            field("note", "string"),
        ],
        "primaryKey": ["fiscal_year"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="IMMIGRATION_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
