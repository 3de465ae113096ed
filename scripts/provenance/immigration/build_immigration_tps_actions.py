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
        {
            "title": ("Source keys of the immigration and border tables (citation, URL, kind and date read of "
             "every key)"),
            "path": "immigration_sources.csv",
        },
        {
            "title": "Source keys of every row, expanded (publication, table, URL, date read)",
            "path": "immigration_sources.csv",
        },
        {
            "title": "USCIS/DHS Temporary Protected Status notices, Federal Register (per row)",
            "path": "https://www.federalregister.gov/",
            "description": "Read 2026-11-28.",
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
