"""Build data/tariff_bown_us_china.csv: Bown's (PIIE) US-China average tariff series, two vintages.

Input: the Bown/PIIE table of the earlier trade compilation (transcribed from the GitHub copies named in each row);
copied with a vintage_id column added.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_tariff_bown_us_china.py --input FOLDER``
(or set TRADE_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402

INPUTS = [
    Input("bown_us_china_tariffs.csv", "earlier trade compilation made for the project (not published); each row names its publication and URL",
          "f3d2d8811ad52c5396b20ff481a106b57ef85ede3afa4b4b344935416593852c"),
]


def build(SH: Path) -> pd.DataFrame:
    b = pd.read_csv(SH / 'bown_us_china_tariffs.csv', dtype=str, keep_default_na=False)
    b['vintage_id'] = b['vintage'].map(lambda s: 'piie_2025_11_full' if 'full precision' in s else 'piie_2025_05_1dp')
    b = b[['date', 'vintage_id', 'vintage'] + [c for c in b.columns if c not in ('date', 'vintage', 'vintage_id')]]
    return b


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "tariff_bown_us_china",
    "path": "tariff_bown_us_china.csv",
    "title": ("PIIE (Chad P. Bown) US-China trade war tariffs: trade-weighted average tariffs and coverage at each "
     "dated action"),
    "description": ("Two vintages of Bown's chart data: full precision (through 2025-11-14, with Panel b coverage "
     "shares) and the 1-decimal CSV download (through 2025-05-14, no coverage). Averages are "
     "trade-weighted with PIIE's pre-war import weights; percent. Transcribed from the GitHub copies "
     "named in the source (encoding converted to UTF-8)."),
    "sources": [
        {
            "title": ("Chad P. Bown, 'US-China Trade War Tariffs: An Up-to-Date Chart', PIIE - workbook Panels a-b "
             "as parsed in github:Geoffrey313/weaker-dollar-rebalance-trade "
             "@89840b0212554215e2a3706ef1c117e6077de0e7, and the chart CSV in github:ngernyi/WIF3009 "
             "@5d8684cb283f965414bdd8f4d53c9ac0d4a2e489"),
            "path": "https://www.piie.com/research/piie-charts/2019/us-china-trade-war-tariffs-date-chart",
            "description": "Read 2026-11-28.",
        },
    ],
    "licenses": [
        {
            "name": "PIIE-terms",
            "title": "PIIE data; PIIE's terms of use apply (the GitHub copies carry no licence file)",
        },
    ],
    "schema": {
        "fields": [
            field("date", "date", "Date of the tariff action", required=True),
            field("vintage_id", "string", "Short vintage id", required=True,
              enum=["piie_2025_11_full", "piie_2025_05_1dp"]),
            field("vintage", "string", "Vintage as described by the compiler", required=True),
            field("tariff_action", "string", "PIIE's label of the action", required=True),
            field("us_tariff_on_china_pct", "number", "US average tariff on imports from China", "percent",
              required=True, minimum=0, maximum=200),
            field("us_tariff_on_row_pct", "number",
              "US average tariff on imports from the rest of the world", "percent", required=True,
              minimum=0, maximum=200),
            field("china_tariff_on_us_pct", "number", "China's average tariff on imports from the US",
              "percent", required=True, minimum=0, maximum=200),
            field("china_tariff_on_row_pct", "number",
              "China's average tariff on imports from the rest of the world", "percent", required=True,
              minimum=0, maximum=200),
            field("share_of_us_imports_from_china_covered_pct", "number",
              "Share of US imports from China covered by the special tariffs (Panel b)", "percent",
              minimum=0, maximum=100),
            field("share_of_china_imports_from_us_covered_pct", "number",
              "Share of China's imports from the US covered by retaliation (Panel b)", "percent",
              minimum=0, maximum=100),
            field("source", "string", "Where the row was read", required=True),
        ],
        "primaryKey": ["date", "vintage_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="TRADE_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
