"""Build data/immigration_policy_parameters.csv: numeric parameters of immigration legal instruments.

Input: the compilation's policy-parameter table; adds record_id.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_immigration_policy_parameters.py --input FOLDER``
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
    Input("immigration_policy_parameters.csv", "earlier compilation of the immigration sources made for the project (not published; its README gives "
          "the public origin of every file; source keys expanded in data/immigration_sources.csv)",
          "30fa054c725ce9274e7df0cf0291f5afa022ba4fcb61aa2de804ed42119ee4f9"),
]


def build(SRC: Path) -> pd.DataFrame:
    pp = pd.read_csv(SRC / "immigration_policy_parameters.csv", dtype=str, keep_default_na=False)
    pp.insert(0, "record_id", [f"PP{i+1:02d}" for i in range(len(pp))])
    return pp


RESOURCE = {
    "name": "immigration_policy_parameters",
    "path": "immigration_policy_parameters.csv",
    "title": "Numeric parameters of immigration legal instruments (countries, days, months, caps)",
    "description": ("One row per parameter of an executive order, proclamation, rule, notice or memo, with its Federal "
     "Register citation where there is one; claim_ids names the claims it checks. countries lists the "
     "countries covered."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
        SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
        {
            "title": "Federal Register (executive orders, proclamations, rules and notices cited per row)",
            "path": "https://www.federalregister.gov/",
            "description": "Citations per row; read 2026-11-28.",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("record_id", "string", unique=True, pattern="PP[0-9]{2}", required=True),
            field("claim_ids", "string", "Claims this row checks (';'-separated)",
              pattern="((IMM|BOR)-[0-9]{2})(;(IMM|BOR)-[0-9]{2})*"),
            field("instrument", "string", required=True),
            field("instrument_type", "string", required=True),
            field("signed_or_announced", "string", "ISO date, or year(s) when the source gives no day",
              required=True),
            field("fr_citation", "string"),
            field("fr_document_number", "string"),
            field("fr_publication_date", "date", format="default"),
            field("parameter", "string", required=True),
            field("value", "number", minimum=0, required=True),
            field("unit", "string", required=True),
            field("period_start", "date", format="default"),
            field("period_end", "date", format="default"),
            field("countries", "string", "Countries covered, ';'-separated"),
            field("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv",
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*", required=True),
            field("note", "string"),
        ],
        "primaryKey": ["record_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="IMMIGRATION_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
