"""Build data/chips_exchange_rates.csv: Federal Reserve exchange rates used for the documents' conversions.

Input: the compilation's Federal Reserve G.5A/G.5 table.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_chips_exchange_rates.py --input FOLDER`` (or set
CHIPS_COMPILATION to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _chips_descriptions import SOURCE_PUBLIC_PAGES_READ_WITH_THE  # noqa: E402
from _chips import READ, split_source  # noqa: E402

INPUTS = [
    Input("exchange_rates_fed_cny_jpy_krw.csv", "earlier compilation of public sources for the CHIP and EXP claims, made for the project (not "
          "published; publisher and URL per row; docs/sources/chips_exp.md)",
          "88a271951a21cc9bda8510c32364ca6887ccf72eef2480d78a60d2d2290ce0f2"),
]


def build(SRC: Path) -> pd.DataFrame:
    fx = pd.read_csv(SRC / "exchange_rates_fed_cny_jpy_krw.csv")
    fx_rows = []
    for r in fx.itertuples():
        pub, url = split_source(r.source)
        fx_rows.append(dict(year=r.year, period=r.period, currency=r.currency, units_per_usd=r.currency_units_per_usd,
                            publisher="Federal Reserve Board", release=pub, source_url=url, found_by="earlier_compilation",
                            date_read=READ))
    return pd.DataFrame(fx_rows)


RESOURCE = {
    "name": "chips_exchange_rates",
    "path": "chips_exchange_rates.csv",
    "title": "CNY, JPY and KRW per US dollar (Federal Reserve G.5A annual, G.5 monthly)",
    "description": ("Annual averages 2012-2015 and 2017-2023 from Federal Reserve G.5A releases and the September 2009 "
     "monthly average from G.5, used for the currency conversions in the documents."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_PUBLIC_PAGES_READ_WITH_THE,
        {
            "title": "Federal Reserve Board, G.5A Foreign Exchange Rates (Annual)",
            "path": "https://www.federalreserve.gov/releases/g5a/",
        },
    ],
    "licenses": [
        {
            "name": "public-domain-us-gov",
            "title": ("US government works (Federal Reserve, BIS, GAO, Federal Register) are public domain (17 "
             "U.S.C. 105)"),
        },
    ],
    "schema": {
        "fields": [
            field("year", "integer", "Year", required=True, minimum=2000, maximum=2030),
            field("period", "string", "annual_average or a monthly average", required=True,
              enum=["annual_average", "2009-09_monthly_average"]),
            field("currency", "string", "ISO currency code", required=True, enum=["CNY", "JPY", "KRW"]),
            field("units_per_usd", "number", "Currency units per US dollar", "currency per USD",
              required=True, minimum=0),
            field("publisher", "string", "Publisher", required=True),
            field("release", "string", "Release read", required=True),
            field("source_url", "string", "URL of the release", required=True, pattern="https?://.+"),
            field("found_by", "string",
              ("How the value was obtained: earlier_compilation = from an earlier compilation of "
                   "public sources (docs/sources/chips_exp.md)"), 
              required=True, enum=["earlier_compilation"]),
            field("date_read", "date", "Date read", required=True),
        ],
        "primaryKey": ["year", "period", "currency"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(input_folder(INPUTS, env="CHIPS_COMPILATION")), RESOURCE)
    describe(RESOURCE)
