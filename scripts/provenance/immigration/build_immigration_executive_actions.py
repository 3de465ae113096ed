"""Describe data/immigration_executive_actions.csv in data/datapackage.json.

The CSV was typed from the instruments and reports named in its source column (keys expanded in
data/immigration_sources.csv); there is no file to rebuild it from, so this script only records its description (the
committed CSV is the input of record).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_immigration_executive_actions.py``
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field  # noqa: E402
from _immigration_descriptions import (  # noqa: E402
    LICENSES_PUBLIC_DOMAIN_US_GOV,
    SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
    SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
)

RESOURCE = {
    "name": "immigration_executive_actions",
    "path": "immigration_executive_actions.csv",
    "title": "Dated immigration and border actions, 2004-2024: orders, proclamations, rules, memos, court rulings",
    "description": ("One row per dated event of an instrument (signed, announced, published, effective, implemented, "
     "expiry, ended, court_ruling). administration: the administration whose instrument it is (for "
     "signed, announced and published events, the president in office on that date). description "
     "paraphrases the action."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
        SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
        {
            "title": "Federal Register, court opinions, agency memoranda and statements (per row)",
            "path": "https://www.federalregister.gov/",
            "description": "Read 2026-11-28.",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("event_id", "string", unique=True, pattern="EA[0-9]{2}", required=True),
            field("date", "date", format="default", required=True),
            field("event_type", "string",
              enum=[
                    "signed",
                    "announced",
                    "published",
                    "effective",
                    "implemented",
                    "expiry",
                    "ended",
                    "court_ruling",
                ], 
              required=True),
            field("administration", "string", enum=["Bush", "Obama", "Trump", "Biden"], required=True),
            field("instrument", "string", required=True),
            field("description", "string", required=True),
            field("fr_citation", "string"),
            field("claim_ids", "string", pattern="((IMM|BOR)-[0-9]{2})(;(IMM|BOR)-[0-9]{2})*"),
            field("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv",
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*", required=True),
        ],
        "primaryKey": ["event_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    describe(RESOURCE)
