"""Build data/chips_dram_revenue.csv: DRAM revenue and market share by company (TrendForce).

Input: the compilation's TrendForce DRAM table.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_chips_dram_revenue.py --input FOLDER`` (or set
CHIPS_COMPILATION to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _chips_descriptions import (  # noqa: E402
    FIELDS_PUBLISHER_TO_SOURCE_URL,
    LICENSES_CC_BY_4_0,
    SOURCE_PUBLIC_PAGES_READ_WITH_THE,
)
from _chips import READ, split_source  # noqa: E402

INPUTS = [
    Input("dram_revenue_share_trendforce_2021.csv", "earlier compilation of public sources for the CHIP and EXP claims, made for the project (not "
          "published; publisher and URL per row; docs/sources/chips_exp.md)",
          "f092b5b9e6ca0ff3dd117336141ca1ee86b38a562f9e0e76753d30600c72516a"),
]


def build(SRC: Path) -> pd.DataFrame:
    dram = pd.read_csv(SRC / "dram_revenue_share_trendforce_2021.csv")
    d = []
    for r in dram.itertuples():
        pub, url = split_source(r.source)
        d.append(dict(quarter=r.quarter, company=r.company, hq_country="" if pd.isna(r.hq_country) else r.hq_country,
                      dram_revenue_usd_million=r.dram_revenue_usd_million, market_share_pct=r.market_share_pct,
                      publisher="TrendForce", source_page=pub, source_url=url, found_by="earlier_compilation", date_read=READ))
    return pd.DataFrame(d)


RESOURCE = {
    "name": "chips_dram_revenue",
    "path": "chips_dram_revenue.csv",
    "title": "DRAM revenue and market share by company, 2021Q3-2021Q4 (TrendForce)",
    "description": ("TrendForce quarterly DRAM revenue ranking as reported by Evertiq; one row per quarter and company, "
     "with 'Others' and 'Total' rows."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_PUBLIC_PAGES_READ_WITH_THE,
        {"title": "TrendForce DRAM revenue rankings via Evertiq", "path": "https://evertiq.com/news/51411"},
    ],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "fields": [
            field("quarter", "string", "Calendar quarter", required=True, pattern="\\d{4}Q[1-4]"),
            field("company", "string", "Company (or Others / Total)", required=True),
            field("hq_country", "string", "Headquarters country (empty for Others/Total)"),
            field("dram_revenue_usd_million", "number", "DRAM revenue in the quarter", "USD million",
              required=True, minimum=0),
            field("market_share_pct", "number", "Share of DRAM revenue", "percent", required=True,
              minimum=0, maximum=100),
            *FIELDS_PUBLISHER_TO_SOURCE_URL,
            field("found_by", "string",
              ("earlier_compilation = taken, with its publisher and URL, from an earlier compilation "
                   "of public sources made for this project (docs/sources/chips_exp.md); search_tool = "
                   "read by this notebook's author with the search tool"), 
              required=True, enum=["earlier_compilation"]),
            field("date_read", "date", "Date the value was read", required=True),
        ],
        "primaryKey": ["quarter", "company"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(input_folder(INPUTS, env="CHIPS_COMPILATION")), RESOURCE)
    describe(RESOURCE)
