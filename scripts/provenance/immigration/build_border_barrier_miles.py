"""Build data/border_barrier_miles.csv: US-Mexico border length and barrier miles.

Input: the compilation's barrier-miles table; adds record_id and the measuring convention of each border length.

The committed CSV was edited by hand after this build (commit 05e03cc: PolitiFact's CBP counts, BM50-BM51); a
re-run reproduces the build, not those edits, so review the diff before keeping one.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_border_barrier_miles.py --input FOLDER``
(or set IMMIGRATION_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _immigration_descriptions import (  # noqa: E402
    FIELDS_STATUS_TO_NOTE,
    LICENSES_PUBLIC_DOMAIN_US_GOV,
    SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
    SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
)

INPUTS = [
    Input("border_barrier_miles.csv", "earlier compilation of the immigration sources made for the project (not published; its README gives "
          "the public origin of every file; source keys expanded in data/immigration_sources.csv)",
          "1fa3a4408fc7a0c2d49a2d2c60130aaafe82c85032fcf443247f5eee058d732b"),
]


def build(SRC: Path) -> pd.DataFrame:
    bm = pd.read_csv(SRC / "border_barrier_miles.csv", dtype=str, keep_default_na=False)
    basis = {"1954": "IBWC land boundary", "1984": "IBWC incl. maritime boundaries", "1933": "CRS and Census Bureau",
             "1900": "CBP round figure", "1991": "GAO (some reports)"}
    bm.insert(4, "basis", [basis[v] if meas == "border_length" else "" for v, meas in zip(bm["miles"], bm["measure"])])
    bm.insert(0, "record_id", [f"BM{i+1:02d}" for i in range(len(bm))])
    return bm


RESOURCE = {
    "name": "border_barrier_miles",
    "path": "border_barrier_miles.csv",
    "title": "US-Mexico border length and barrier miles by measuring convention, date and barrier type",
    "description": ("One row per published figure (record_id). measure: border_length (basis = whose convention), "
     "primary/secondary/tertiary barrier (pre-2017 stock, USBP table of 30 Sep 2019 by state), "
     "border_wall_system_built_since_2017 (CBP's dated counts, new + replacement), "
     "border_wall_system_funded, planned_new_barrier. as_of is an ISO date, a month (YYYY-MM) or a fiscal "
     "year (FYyyyy), as the source gives it."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
        SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
        {
            "title": ("U.S. Border Patrol, Mileage of Pedestrian and Vehicle Barrier by State, data current as of "
             "30 Sep 2019"),
            "path": "https://www.cbp.gov/newsroom/media-resources/stats",
            "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
        },
        {
            "title": "GAO-18-614, Southwest Border Security (July 2018)",
            "path": "https://www.gao.gov/products/GAO-18-614",
            "description": "Quoted figures; see key gao_18_614.",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("record_id", "string", unique=True, pattern="BM[0-9]{2}", required=True),
            field("as_of", "string", "Date, month or fiscal year of the figure",
              pattern="(\\d{4}-\\d{2}(-\\d{2})?|FY\\d{4})", required=True),
            field("geography", "string", required=True),
            field("measure", "string",
              enum=[
                    "border_length",
                    "primary_barrier",
                    "secondary_barrier",
                    "tertiary_barrier",
                    "border_wall_system_built_since_2017",
                    "border_wall_system_funded",
                    "planned_new_barrier",
                ], 
              required=True),
            field("barrier_type", "string"),
            field("basis", "string", "Measuring convention (border length only)"),
            field("miles", "number", None, "miles", minimum=0, maximum=2000, required=True),
            *FIELDS_STATUS_TO_NOTE,
        ],
        "primaryKey": ["record_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="IMMIGRATION_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
