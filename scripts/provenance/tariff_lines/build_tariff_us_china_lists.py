"""Build data/tariff_us_china_lists.csv: what USTR announced for each Section 301 list (lines and trade value).

No input files: every number below was read in the source named on its row (keys of data/tariff_us_china_sources.csv)
on 2026-12-03; nothing is typed from memory. tests/test_tariff_lines.py compares the announced line counts with the
annex edition of data/tariff_us_china_hs8.csv.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariff_lines/build_tariff_us_china_lists.py``
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field, write_csv  # noqa: E402
from _tariff_lines_descriptions import LICENSES_PUBLIC_DOMAIN_US_GOV  # noqa: E402

# list_id, name, chapter-99 headings, lines announced, value announced ($bn), value basis, source of each
LISTS = [
    ("list1", "List 1 ($34 billion)", "9903.88.01", 818, 34.0, "approximate annual trade value (USTR estimate)",
     "ustr_83fr28710_annex"),
    ("list2", "List 2 ($16 billion)", "9903.88.02", 279, 16.0, "approximate annual trade value (USTR estimate)",
     "fr_84fr43304_repost"),
    ("list3", "List 3 ($200 billion)", "9903.88.03;9903.88.04", 5745, 200.0,
     "approximate annual trade value (USTR estimate); 5,745 full and partial subheadings as announced in September "
     "2018 (84 FR 43304 later counts 5,733 subheadings)", "lexology_83fr47974"),
    ("list4a", "List 4A", "9903.88.15", None, 120.0, "value as reported (no USTR line count found)",
     "tariff_actions"),
    ("list4b", "List 4B (suspended)", "9903.88.16", None, 160.0, "value as reported (no USTR line count found)",
     "tariff_actions"),
    ("review2024", "Four-year review increases (2024)", "9903.91.01-9903.91.11;9903.92.10", None, 18.0,
     "trade covered, White House fact sheet 2024-05-14", "tariff_actions"),
]


def build() -> pd.DataFrame:
    lists = pd.DataFrame(LISTS, columns=["list_id", "name", "headings", "lines_announced",
                                         "value_announced_usd_bn", "value_basis", "source_id"])
    lists["lines_announced"] = lists["lines_announced"].astype("Int64")
    return lists


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "tariff_us_china_lists",
    "path": "tariff_us_china_lists.csv",
    "title": "What USTR announced for each Section 301 list: number of tariff lines and trade value",
    "description": ("The announced line counts are what tests/test_tariff_lines.py compares the annex edition of "
     "tariff_us_china_hs8 with. Announced values are USTR's estimates of annual trade (not 2017 Census "
     "values); empty: no announcement found in the sources read."),
    "sources": [
        {
            "title": ("83 FR 28710 (USTR PDF); 84 FR 43304 (repost); Lexology summary of 83 FR 47974; "
             "data/tariff_actions.csv (List 4 values, 2024 package)"),
            "path": "scripts/provenance/tariff_lines/build_tariff_us_china_lists.py",
            "description": "Read 2026-12-03.",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("list_id", "string", "Section 301 list", required=True, unique=True,
              enum=["list1", "list2", "list3", "list4a", "list4b", "review2024"]),
            field("name", "string", "Common name", required=True),
            field("headings", "string", "Chapter 99 headings", required=True),
            field("lines_announced", "integer", "Tariff subheadings announced", "lines", minimum=1,
              maximum=20000),
            field("value_announced_usd_bn", "number", "Annual trade value announced", "USD billion",
              minimum=0, maximum=600),
            field("value_basis", "string", "What the value measures", required=True),
            field("source_id", "string", "Source key (tariff_us_china_sources)", required=True,
              pattern="[a-z0-9_]+"),
        ],
        "primaryKey": ["list_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(), RESOURCE)
    describe(RESOURCE)
