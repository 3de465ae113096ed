"""Describe data/immigration_tps_actions.csv in data/datapackage.json.

The CSV was typed from the instruments and reports named in its source column (keys expanded in
data/immigration_sources.csv); there is no file to rebuild it from, so this script only records its description (the
committed CSV is the input of record).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_immigration_tps_actions.py``
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
    "name": "immigration_tps_actions",
    "path": "immigration_tps_actions.csv",
    "title": ("Temporary Protected Status actions: terminations 2017-18, court-ordered continuations, designations "
     "2022-24"),
    "description": ("One row per TPS action: country (or the six Ramos/Bhattarai countries), action, DHS announcement "
     "date, Federal Register citation and publication date, the window it sets (period_start - "
     "period_end; for a termination, period_end is the effective date), and the months the notice states."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
        SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
        {
            "title": "USCIS/DHS Temporary Protected Status notices, Federal Register (per row)",
            "path": "https://www.federalregister.gov/",
            "description": "Read 2026-11-28.",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("country", "string", required=True),
            field("action", "string",
              enum=[
                    "termination",
                    "designation",
                    "extension",
                    "extension_redesignation",
                    "continuation_of_documentation",
                ], 
              required=True),
            field("date_announced", "date", format="default"),
            field("fr_citation", "string"),
            field("fr_published", "date", format="default"),
            field("period_start", "date", format="default"),
            field("period_end", "date", format="default", required=True),
            field("months_stated", "integer", None, "months", minimum=1, maximum=24),
            field("claim_id", "string", pattern="IMM-[0-9]{2}", required=True),
            field("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv",
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*", required=True),
        ],
        "primaryKey": ["country", "action", "period_end"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    describe(RESOURCE)
