"""Build data/trade_us_imports_china_hs6_2017.csv: US imports from China in 2017 by HS 6-digit code (UN Comtrade).

Provenance script (not run by the build; the committed CSV is the input of record).

Source: UN Comtrade, reporter USA (842), partner China (156), flow Import, annual 2017, classification HS (H5, the
2017 edition), all 6-digit codes, as reported by the United States (the values are the US Census Bureau's, carried by
Comtrade at CIF value: general imports' customs value plus freight and insurance). The copy read is the comtradr
pull committed by github.com/nikhilm2009/us-china-tariff-disruption, commit
8a0f0ad9639e0d45c565ca92aa070ef58761f934, data_raw/us_china.rds
(``git show 8a0f0ad:data_raw/us_china.rds > file``; sha256
e78aa3420c7692cd5f9188ed789902721a17c01897a3bbd2d7e8c56faa23e2b7). The file holds 2015-2021, both flows, at HS
levels 0/2/4/6; this script keeps 2017 imports at level 6.

No 2017 table at HS8 or HS10 was found in any stored public copy (see the resource description in
data/datapackage.json); HS6 is the finest 2017 breakdown of imports from China available to the project.

Reading an .rds file needs ``pyreadr`` (0.5.8 used), which is not a project dependency: install it apart,
``pip install --target DIR pyreadr==0.5.8``, and run from the repository root, with the file in FOLDER::

    PYTHONPATH=DIR:src python scripts/provenance/tariff_lines/build_trade_us_imports_china_hs6_2017.py --input FOLDER
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402

SOURCE = "comtrade_usa_chn_2017_hs6"
SHA256 = "e78aa3420c7692cd5f9188ed789902721a17c01897a3bbd2d7e8c56faa23e2b7"

INPUTS = [Input("us_china.rds", "github.com/nikhilm2009/us-china-tariff-disruption @ "
                "8a0f0ad9639e0d45c565ca92aa070ef58761f934, data_raw/us_china.rds (original: https://comtradeplus.un.org/)",
                SHA256)]


def build(rds: Path) -> pd.DataFrame:
    import pyreadr  # not a project dependency (see the module docstring)

    raw = pyreadr.read_r(rds)[None]
    sub = raw[(raw["flow_desc"] == "Import") & (raw["ref_year"] == 2017) & (raw["aggr_level"] == 6)]
    if set(sub["reporter_iso"]) != {"USA"} or set(sub["partner_iso"]) != {"CHN"} or set(sub["freq_code"]) != {"A"}:
        raise ValueError(f"{rds}: expected annual USA imports from CHN only")
    if set(sub["classification_code"]) != {"H5"}:
        raise ValueError(f"{rds}: expected HS 2017 (H5) codes, got {set(sub['classification_code'])}")
    total = raw[(raw["flow_desc"] == "Import") & (raw["ref_year"] == 2017) & (raw["aggr_level"] == 0)]
    if len(total) != 1 or abs(float(total["primary_value"].iloc[0]) - float(sub["primary_value"].sum())) > 1:
        raise ValueError(f"{rds}: the 6-digit rows do not add up to the reported 2017 total")
    out = pd.DataFrame({
        "hs6": sub["cmd_code"].astype(str),
        "description": sub["cmd_desc"].astype(str).str.strip(),
        "imports_usd": sub["primary_value"].round().astype("int64"),
    })
    out["source_id"] = SOURCE
    if out["hs6"].duplicated().any() or not out["hs6"].str.fullmatch(r"\d{6}").all():
        raise ValueError("HS6 codes must be unique 6-digit strings")
    return out.sort_values("hs6", ignore_index=True)


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "trade_us_imports_china_hs6_2017",
    "path": "trade_us_imports_china_hs6_2017.csv",
    "title": "US imports from China in 2017 by HS 6-digit code (UN Comtrade, as reported by the United States)",
    "description": ("UN Comtrade annual 2017 imports of the United States (reporter 842) from China (partner 156), HS "
     "2017 (H5) 6-digit codes, US dollars. The figures are the US Census Bureau's, valued CIF (customs "
     "value plus freight and insurance): the total, $525.76bn, is 4.1% above Census's 2017 general "
     "imports from China at customs value ($505.17bn, trade_us_imports_annual). Code 999999 (commodities "
     "not specified according to kind, $7.1bn) is kept so the rows add up to the reported total. This is "
     "the pre-war weight set closest to Bown's (2017 imports by product); no 2017 table at HS8/HS10 was "
     "found (see trade_us_imports_china_hs10_2024). Rebuilt by "
     "scripts/provenance/tariff_lines/build_trade_us_imports_china_hs6_2017.py from the stored file "
     "(sha256 e78aa3420c7692cd5f9188ed789902721a17c01897a3bbd2d7e8c56faa23e2b7)."),
    "sources": [
        {
            "title": ("UN Comtrade (comtradeplus.un.org), USA imports from China 2017 by HS6, as pulled with the "
             "comtradr R package and committed in github.com/nikhilm2009/us-china-tariff-disruption @ "
             "8a0f0ad9639e0d45c565ca92aa070ef58761f934, data_raw/us_china.rds"),
            "path": "https://comtradeplus.un.org/",
            "description": "Read 2026-12-03.",
        },
    ],
    "licenses": [
        {
            "name": "other-attribution",
            "title": ("UN Comtrade data (US Census Bureau statistics, 17 U.S.C. 105); UN Comtrade terms of use "
             "apply; the compiler's copy is used as transport only"),
        },
    ],
    "schema": {
        "fields": [
            field("hs6", "string", "HS 2017 6-digit code (999999: not specified according to kind)",
              required=True, unique=True, pattern="[0-9]{6}"),
            field("description", "string", "Comtrade description", required=True),
            field("imports_usd", "integer", "Imports, CIF value, 2017", "USD", required=True, minimum=0),
            field("source_id", "string", "Source key (tariff_us_china_sources)", required=True,
              enum=["comtrade_usa_chn_2017_hs6"]),
        ],
        "primaryKey": ["hs6"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    folder = input_folder(INPUTS, env="COMTRADE_US_CHINA")
    table = build(folder / "us_china.rds")
    write_csv(table, RESOURCE)
    describe(RESOURCE)
    print(f"{len(table)} rows; imports ${table['imports_usd'].sum() / 1e9:,.2f}bn")
