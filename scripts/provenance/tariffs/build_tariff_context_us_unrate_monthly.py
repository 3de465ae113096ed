"""Describe data/tariff_context_us_unrate_monthly.csv in data/datapackage.json.

The CSV was transcribed from the stored copy of FRED UNRATE named in its source (read with the read_file tool);
this script only records its description (the committed CSV is the input of record). It was first described as
us_unrate_monthly and renamed; git history keeps those one-off steps.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_tariff_context_us_unrate_monthly.py``
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field  # noqa: E402

RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "tariff_context_us_unrate_monthly",
    "path": "tariff_context_us_unrate_monthly.csv",
    "title": ("US civilian unemployment rate, monthly, seasonally adjusted (BLS CPS; FRED UNRATE), 2023-01 to "
     "2025-03"),
    "description": ("Transcribed from a stored copy of FRED UNRATE. The copy runs to 2025-03, so it is a later vintage "
     "than the one Wolff could read in May 2024 and its values may differ from the first releases."),
    "sources": [
        {
            "title": ("FRED UNRATE (BLS Current Population Survey) - copy in "
             "github:haschwalth00/dynamic-credit-spread-regime-modeling UNRATE.csv "
             "@75bc285676363537842f12bd98c06aded0b444a4 (read with the read_file tool)"),
            "path": "https://fred.stlouisfed.org/series/UNRATE",
            "description": "Read 2026-11-28.",
        },
    ],
    "licenses": [
        {
            "name": "public-domain-us-gov",
            "title": "BLS statistics, US government work (17 U.S.C. 105); the GitHub copy carries no licence file",
        },
    ],
    "schema": {
        "fields": [
            field("month", "date", "First day of the month", required=True, unique=True),
            {
                "name": "unemployment_rate_pct",
                "type": "number",
                "unit": "percent of the civilian labour force",
                "description": "Unemployment rate, SA",
                "constraints": {"required": True, "minimum": 0, "maximum": 30},
            },
        ],
        "primaryKey": ["month"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    describe(RESOURCE)
