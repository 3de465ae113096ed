"""Describe data/tariff_policy_dates.csv in data/datapackage.json.

The CSV was typed from the pages named in its sources (each row names its own); there is no file to rebuild it from,
so this script only records its description (the committed CSV is the input of record).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_tariff_policy_dates.py``
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field  # noqa: E402

RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "tariff_policy_dates",
    "path": "tariff_policy_dates.csv",
    "title": "Dates of the February-March 2025 IEEPA tariff orders on China (signing, effect, amendments)",
    "description": ("One row per dated event of Executive Order 14195 and its amendments, with the rate where the event "
     "sets one."),
    "sources": [
        {
            "title": "Akin Gump, Trump Executive Order Tracker: EO 14195",
            "path": ("https://akingump.com/en/insights/blogs/trump-executive-order-tracker/imposing-duties-to-the-peoples-republic-of-china"),
            "description": "Read 2026-11-28.",
        },
        {
            "title": "LegisTrack, Executive Order 14195",
            "path": "https://legistrack.vercel.app/bills/eo/cmga4xd3p001lvgjo95nzzh7g",
            "description": "Read 2026-11-28.",
        },
        {
            "title": "White House order of 2025-03-03 (reprint, American Focus) and 47-watch.com summary",
            "path": ("https://47-watch.com/executive-orders/2025-03-03-further-amendment-to-duties-addressing-the-synthetic-opioid-supply-chain-in-the-peoples-republic-of-china/"),
            "description": "Read 2026-11-28.",
        },
    ],
    "licenses": [
        {
            "name": "public-domain-us-gov",
            "title": ("Executive orders are US government works; the trackers keep copyright of their text (facts "
             "cited only)"),
        },
    ],
    "schema": {
        "fields": [
            field("event_id", "string", "Row id", required=True, unique=True, pattern="[a-z0-9_]+"),
            field("instrument", "string", "Legal instrument", required=True),
            field("event", "string", "What happened", required=True),
            field("date", "date", "Date of the event", required=True),
            field("rate_pct", "number", "Additional ad valorem rate set (empty: none)", "percent",
              minimum=0, maximum=200),
            field("source", "string", "Publications and URLs", required=True),
            field("notes", "string", "Notes"),
        ],
        "primaryKey": ["event_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    describe(RESOURCE)
