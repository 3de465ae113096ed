"""Build data/trade_us_imports_monthly.csv: US goods imports by partner, monthly, from FRED series (Census basis, $ million).

Inputs: FRED IMPCH as copied verbatim in the earlier trade compilation, and transcriptions of the stored GitHub copies
of IMPMX, IMPCA and IMP0004 made with the read_file tool (their sha256 was not recorded when they were made, so
they are not checked; the IMPMX annual sums were checked against a second compilation for 2015-2024).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_trade_us_imports_monthly.py --input FOLDER``
(or set TRADE_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402

INPUTS = [
    Input("fred_IMPCH_monthly_vintage_2026-03.csv", "FRED IMPCH (https://fred.stlouisfed.org/series/IMPCH), copy in "
          "github.com/kwang101-cb/Timeseries-FinalProject @ 0ec739741cbd797f242d8a69082e5ea571efa633, IMPCH.csv",
          "f6b61436d15e0cf2112537f557702f336014e5a78d6b6c8a261e09cf82d4da17"),
    Input("IMPMX_1995_2005.txt", "FRED IMPMX (https://fred.stlouisfed.org/series/IMPMX), transcribed (year and 12 "
          "monthly values a line) from github.com/ClaudiaToto30/supply-chain-forecasting @ "
          "6f22c469b5c284344afcf7fad2070d2eff4e702f, IMPMX.csv", None),
    Input("IMPCA_2015_2022.txt", "FRED IMPCA (https://fred.stlouisfed.org/series/IMPCA), transcribed (year and 12 "
          "monthly values a line) from github.com/open-datahub/canada @ 67b0236b1d905b138bdbdd9f35f7b5acb994b5ee, "
          "IMPCA.csv", None),
    Input("IMP0004_2015_2024.csv", "FRED IMP0004 (https://fred.stlouisfed.org/series/IMP0004), transcribed from "
          "github.com/kagan01/Time-Series-Analysis @ 12d48d4f23695e06c7b7a64b57fc48261114a3f6, IMP0004.csv", None),
]


def build(SH: Path) -> pd.DataFrame:
    rows = []
    ch = pd.read_csv(SH / 'fred_IMPCH_monthly_vintage_2026-03.csv')
    for d, v in zip(ch['observation_date'], ch['IMPCH']):
        rows.append(('IMPCH', 'China', d, v, 'fred_impch_kwang101'))
    def wide(path, series, partner, src):
        for line in open(path):
            p = line.split()
            y = int(p[0])
            for m, v in enumerate(p[1:], start=1):
                rows.append((series, partner, f'{y}-{m:02d}-01', float(v), src))
    wide(SH / 'IMPMX_1995_2005.txt', 'IMPMX', 'Mexico', 'fred_impmx_claudiatoto30')
    wide(SH / 'IMPCA_2015_2022.txt', 'IMPCA', 'Canada', 'fred_impca_opendatahub')
    w = pd.read_csv(SH / 'IMP0004_2015_2024.csv')
    for d, v in zip(w['DATE'], w['IMP0004']):
        rows.append(('IMP0004', 'World', d, v, 'fred_imp0004_kagan01'))
    m = pd.DataFrame(rows, columns=['series_id', 'partner', 'month', 'imports_usd_mn', 'source_key'])
    m = m.sort_values(['series_id', 'month']).reset_index(drop=True)
    assert not m.duplicated(['series_id', 'month']).any()
    return m


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "trade_us_imports_monthly",
    "path": "trade_us_imports_monthly.csv",
    "title": "US goods imports by partner, monthly, Census basis (customs value), FRED series, $ million",
    "description": ("One row per FRED series and month. IMPCH (China, NSA, 1985-01 to 2025-12), IMPMX (Mexico, NSA; "
     "1995-2005 and 2015-2024), IMPCA (Canada, NSA; 2015-2022), IMP0004 (World, seasonally adjusted; "
     "2015-01 to 2024-06). Annual totals are 12-month sums computed in analysis.studies.tariffs. The "
     "seasonally adjusted IMP0004 sums to the NSA annual total: its 2017 sum equals Census c0015 "
     "(2,339,591.3 $mn) to $0.1mn. Transcribed from the stored copies named in source_key; the IMPMX "
     "transcription was checked against the annual sums of a second compilation for 2015-2024."),
    "sources": [
        {
            "title": ("FRED IMPCH, U.S. Imports of Goods by Customs Basis from China (Census), vintage downloaded "
             "2026-02 - copy in github:kwang101-cb/Timeseries-FinalProject IMPCH.csv "
             "@0ec739741cbd797f242d8a69082e5ea571efa633"),
            "path": "https://fred.stlouisfed.org/series/IMPCH",
            "description": "source_key fred_impch_kwang101. Read 2026-11-28.",
        },
        {
            "title": ("FRED IMPMX, U.S. Imports of Goods by Customs Basis from Mexico - copy in "
             "github:ClaudiaToto30/supply-chain-forecasting IMPMX.csv "
             "@6f22c469b5c284344afcf7fad2070d2eff4e702f (read with the read_file tool)"),
            "path": "https://fred.stlouisfed.org/series/IMPMX",
            "description": "source_key fred_impmx_claudiatoto30. Read 2026-11-28.",
        },
        {
            "title": ("FRED IMPCA, U.S. Imports of Goods by Customs Basis from Canada - copy in "
             "github:open-datahub/canada IMPCA.csv @67b0236b1d905b138bdbdd9f35f7b5acb994b5ee (read with "
             "the read_file tool; copy ends 2023-10)"),
            "path": "https://fred.stlouisfed.org/series/IMPCA",
            "description": "source_key fred_impca_opendatahub. Read 2026-11-28.",
        },
        {
            "title": ("FRED IMP0004, U.S. Imports of Goods by Customs Basis from World (seasonally adjusted) - "
             "copy in github:kagan01/Time-Series-Analysis IMP0004.csv "
             "@12d48d4f23695e06c7b7a64b57fc48261114a3f6 (read with the read_file tool; copy ends 2024-06)"),
            "path": "https://fred.stlouisfed.org/series/IMP0004",
            "description": "source_key fred_imp0004_kagan01. Read 2026-11-28.",
        },
    ],
    "licenses": [
        {
            "name": "other-attribution",
            "title": ("Source repositories carry no licence file; the values are U.S. Census Bureau statistics "
             "(U.S. government work, public domain, 17 U.S.C. 105) redistributed by FRED"),
        },
    ],
    "schema": {
        "fields": [
            field("series_id", "string", "FRED series id", required=True,
              enum=["IMPCH", "IMPMX", "IMPCA", "IMP0004"]),
            field("partner", "string", "Partner the series covers", required=True,
              enum=["China", "Mexico", "Canada", "World"]),
            field("month", "date", "First day of the month", required=True),
            field("imports_usd_mn", "number", "US general imports of goods, customs value, Census basis",
              "USD million (current)", required=True, minimum=0, maximum=400000),
            field("source_key", "string", "Which stored copy (see sources)", required=True,
              enum=[
                    "fred_impch_kwang101",
                    "fred_impmx_claudiatoto30",
                    "fred_impca_opendatahub",
                    "fred_imp0004_kagan01",
                ]),
        ],
        "primaryKey": ["series_id", "month"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="TRADE_SOURCES"))
    write_csv(table, RESOURCE, float_format="%.6f")
    describe(RESOURCE)
