"""Describe data/trade_us_chip_imports.csv in data/datapackage.json.

The CSV was typed from the pages named in its sources (each row names its own); there is no file to rebuild it from,
so this script only records its description (the committed CSV is the input of record).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_trade_us_chip_imports.py``
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field  # noqa: E402

RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "trade_us_chip_imports",
    "path": "trade_us_chip_imports.csv",
    "title": "US imports of chips / semiconductors, all sources and China, on two product definitions (2023-2024)",
    "description": ("Reported aggregates of US imports on two product definitions that differ in scope: 'chips' as "
     "defined by a Bloomberg analysis of US trade data (2023Q1), and Commerce's broader 'semiconductors "
     "and other electronic components' (2023, Jan-Aug 2024). Not Census tables read directly: each row "
     "names the report. period_months gives the length of the period, so monthly or annual rates are "
     "computed, not assumed."),
    "sources": [
        {
            "title": "Bloomberg via SemiMedia, 2023-05-12 (US chip imports 2023Q1)",
            "path": "https://semimedia.cc/14545.html",
            "description": "Read 2026-11-28.",
        },
        {
            "title": ("Opportimes, 'Semiconductor import substitution to the U.S.' (citing U.S. Department of "
             "Commerce)"),
            "path": "https://opportimes.com/semiconductor-import-substitution-to-the-u-s",
            "description": "Read 2026-11-28.",
        },
    ],
    "licenses": [
        {
            "name": "facts-cited",
            "title": ("Statistics of the U.S. Department of Commerce (public domain); the reports keep copyright "
             "of their text (facts cited only)"),
        },
    ],
    "schema": {
        "fields": [
            field("period", "string", "Quarter (YYYYQn), year (YYYY) or month range (YYYY-MM/YYYY-MM)",
              required=True, pattern="\\d{4}(Q[1-4]|-\\d{2}/\\d{4}-\\d{2})?"),
            field("period_months", "integer", "Length of the period", "months", required=True, minimum=1,
              maximum=12),
            field("partner", "string", "World or China", required=True, enum=["World", "China"]),
            field("product_definition", "string", "Product scope of the figure", required=True,
              enum=["chips_bloomberg", "semiconductors_and_other_electronic_components"]),
            field("imports_usd_bn", "number", "US imports in the period", "USD billion", required=True,
              minimum=0, maximum=1000),
            field("source_key", "string", "Short key", required=True, pattern="[a-z0-9_]+"),
            field("source", "string", "Report and URL", required=True),
            field("notes", "string", "Quotation or caveat"),
        ],
        "primaryKey": ["period", "partner", "product_definition"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    describe(RESOURCE)
