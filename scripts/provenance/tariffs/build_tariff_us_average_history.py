"""Build data/tariff_us_average_history.csv: historical US average tariff measures.

Input: the average-tariff history table of the earlier trade compilation; adds measure_id and unit (the 2022 row
is a dollar amount of duties collected, not a rate).

The committed CSV was edited by hand after this build (commit fb5cb1b: sources re-attributed, values added from
later reading); a re-run reproduces the build, not those edits, so review the diff before keeping one.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_tariff_us_average_history.py --input FOLDER``
(or set TRADE_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _tariffs_descriptions import LICENSES_PUBLIC_DOMAIN_US_GOV  # noqa: E402

INPUTS = [
    Input("us_average_tariff_history.csv", "earlier trade compilation made for the project (not published); each row names its publication and URL",
          "1f4d96a9ab822f0705f2c322cf6ce35d28559de1f05229c380618c0f8bf5af85"),
]


def build(SH: Path) -> pd.DataFrame:
    h = pd.read_csv(SH / 'us_average_tariff_history.csv', dtype=str, keep_default_na=False)
    ids = ['dutiable_1830', 'total_1899_max', 'statutory_1922_act_1928_weights', 'statutory_1930_act_1928_weights',
           'statutory_1930_act_constant_prices_eckes', 'dutiable_1932', 'wb_weighted_applied_2016', 'piie_row_2024',
           'duties_collected_2022']
    h['measure_id'] = ids
    h['unit'] = 'pct'
    h.loc[h['measure_id'] == 'duties_collected_2022', ['value_pct', 'unit']] = ['89.82', 'usd_bn']
    h.loc[h['measure_id'] == 'duties_collected_2022', 'notes'] = ('duties collected in 2022, $ billion (the series maximum); '
        'the source states the dollar amount only; a rate needs an import base of the same coverage (imports for consumption)')
    h = h.rename(columns={'year': 'period', 'value_pct': 'value'})
    h = h[['measure_id', 'period', 'measure', 'value', 'unit', 'source', 'notes']]
    return h


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "tariff_us_average_history",
    "path": "tariff_us_average_history.csv",
    "title": ("Historical US average tariff measures (dutiable vs total imports; statutory comparisons; recent "
     "averages)"),
    "description": ("One row per measure. Measures on different bases (ratio of duties to dutiable imports, to total "
     "imports, statutory rates at fixed weights, trade-weighted applied rates) are not comparable with "
     "each other. duties_collected_2022 is a dollar amount (unit usd_bn), the others percent."),
    "sources": [
        {
            "title": ("USITC duties-collected table (via trumptariffstracker.com), US Tariff Commission 1930 "
             "comparison (OCR), Eckes, Pew/World Bank, PIIE; each row names its URL"),
            "path": "https://trumptariffstracker.com/data",
            "description": ("Compiled for this project from the public sources named in each row's source column; read "
             "2026-11-28 (rows revised 2026-12-03)."),
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("measure_id", "string", "Row id", required=True, unique=True, pattern="[a-z0-9_]+"),
            field("period", "string", "Year or weighting period", required=True),
            field("measure", "string", "What is measured", required=True),
            field("value", "number", "Value (empty: not given)", minimum=0, maximum=1000),
            field("unit", "string", "pct or usd_bn", required=True, enum=["pct", "usd_bn"]),
            field("source", "string", "Publication and URL", required=True),
            field("notes", "string", "Caveats"),
        ],
        "primaryKey": ["measure_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="TRADE_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
