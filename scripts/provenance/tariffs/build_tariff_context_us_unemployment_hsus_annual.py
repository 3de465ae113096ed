"""Describe data/tariff_context_us_unemployment_hsus_annual.csv in data/datapackage.json.

The CSV was transcribed from the secondary transcription of the HSUS tables named in its source; this script only
records its description (the committed CSV is the input of record). It was first described as
us_unemployment_hsus_annual and renamed; git history keeps those one-off steps.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_tariff_context_us_unemployment_hsus_annual.py``
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field  # noqa: E402

RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "tariff_context_us_unemployment_hsus_annual",
    "path": "tariff_context_us_unemployment_hsus_annual.csv",
    "title": ("US unemployment rate, annual, 1928-1943, from two editions of Historical Statistics of the United "
     "States"),
    "description": ("bicentennial_lebergott: Bicentennial Edition (1975), Lebergott's 1964 reconstruction, percent of "
     "the labour force, counting relief workers (WPA, CCC) as unemployed; millennial_weir: Millennial "
     "Edition (2006), Weir's 1992 estimates, percent of the civilian labour force. A secondary "
     "transcription of the printed tables (the HSUS itself is behind a paywall); the Bicentennial 1943 "
     "value is cut off in the copy read and left out."),
    "sources": [
        {
            "title": ("Historical Statistics of the United States, Bicentennial and Millennial editions, "
             "unemployment tables, as transcribed in the blog post 'Unemployment during the Great "
             "Depression' (panglott, 2009-02)"),
            "path": "http://panglott.blogspot.com/2009/02/unemployment-during-great-depression.html",
            "description": "Secondary transcription. Read 2026-11-28.",
        },
    ],
    "licenses": [
        {
            "name": "facts-cited",
            "title": ("Statistical facts from HSUS (US Department of Commerce / Cambridge University Press); the "
             "blog keeps copyright of its text"),
        },
    ],
    "schema": {
        "fields": [
            field("year", "integer", "Calendar year", required=True, minimum=1900, maximum=1950),
            field("edition", "string", "HSUS edition / estimate", required=True,
              enum=["bicentennial_lebergott", "millennial_weir"]),
            field("unemployment_rate_pct", "number", "Unemployment rate", "percent of the labour force",
              required=True, minimum=0, maximum=50),
        ],
        "primaryKey": ["year", "edition"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    describe(RESOURCE)
