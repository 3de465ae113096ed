"""Build data/immigration_public_opinion_2024.csv: 2024 polls on immigration (Pew; Harris Poll for Axios).

Input: the compilation's poll table, copied.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_immigration_public_opinion_2024.py --input FOLDER``
(or set IMMIGRATION_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _immigration_descriptions import (  # noqa: E402
    SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
    SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
)

INPUTS = [
    Input("us_public_opinion_immigration_2024.csv", "earlier compilation of the immigration sources made for the project (not published; its README gives "
          "the public origin of every file; source keys expanded in data/immigration_sources.csv)",
          "85c40db712c0db6ccedd6c40528579619aa7dcd5ed0b0bd2c0f3bba046f9791e"),
]


def build(SRC: Path) -> pd.DataFrame:
    po = pd.read_csv(SRC / "us_public_opinion_immigration_2024.csv", dtype=str, keep_default_na=False)
    return po


RESOURCE = {
    "name": "immigration_public_opinion_2024",
    "path": "immigration_public_opinion_2024.csv",
    "title": "2024 polls on immigration: Pew (Jan 2024) and Harris Poll for Axios (Mar-Apr 2024)",
    "description": ("One row per poll item and group: share of US adults (not voters) agreeing. Question wording "
     "abbreviated in item."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION, SOURCE_SOURCE_KEYS_OF_EVERY_ROW],
    "licenses": [
        {
            "name": "cited-facts",
            "title": "Poll results are facts cited with attribution; publishers keep their copyright",
        },
    ],
    "schema": {
        "fields": [
            field("pollster", "string", required=True),
            field("field_start", "date", format="default", required=True),
            field("field_end", "date", format="default", required=True),
            field("sample_size", "integer", None, "respondents", minimum=1, required=True),
            field("population", "string", required=True),
            field("item", "string", required=True),
            field("group", "string", required=True),
            field("pct", "number", None, "percent of respondents", minimum=0, maximum=100, required=True),
            field("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv",
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*", required=True),
            field("note", "string"),
        ],
        "primaryKey": ["pollster", "item", "group"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="IMMIGRATION_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
