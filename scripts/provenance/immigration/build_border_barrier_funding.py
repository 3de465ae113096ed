"""Build data/border_barrier_funding.csv: border-barrier money by source and authority, USD bn.

Input: the compilation's barrier-funding table; adds record_id.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_border_barrier_funding.py --input FOLDER``
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
    Input("border_barrier_funding.csv", "earlier compilation of the immigration sources made for the project (not published; its README gives "
          "the public origin of every file; source keys expanded in data/immigration_sources.csv)",
          "04236a25924e6f71da56fbfa490852ac5d6179a8020bd98251fb6f4a8f64d741"),
]


def build(SRC: Path) -> pd.DataFrame:
    bf = pd.read_csv(SRC / "border_barrier_funding.csv", dtype=str, keep_default_na=False)
    bf.insert(0, "record_id", [f"BF{i+1:02d}" for i in range(len(bf))])
    return bf


RESOURCE = {
    "name": "border_barrier_funding",
    "path": "border_barrier_funding.csv",
    "title": "Border-barrier money: DHS appropriations and funds redirected from DoD and Treasury, USD bn",
    "description": ("One row per published amount (record_id), with period, funding source, legal authority and status "
     "(appropriated / redirected / planned). Amounts overlap across rows (totals and their parts): never "
     "sum the column blindly."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
        SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
        {
            "title": "CRS R45888, DHS Border Barrier Funding Through FY2021 (updated 4 Mar 2024)",
            "path": "https://www.capitollabsllc.com/crs/product/R45888",
            "description": "Read 2026-11-28.",
        },
        {
            "title": "CRS R45937, Military Funding for Southwest Border Barriers (23 Sep 2019)",
            "path": "https://www.everycrsreport.com/reports/R45937.html",
            "description": "Read 2026-11-28.",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("record_id", "string", unique=True, pattern="BF[0-9]{2}", required=True),
            field("period", "string", required=True),
            field("funding_source", "string", required=True),
            field("legal_authority", "string"),
            field("amount_usd_billion", "number", None, "USD billion (nominal)", minimum=0, maximum=50,
              required=True),
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
