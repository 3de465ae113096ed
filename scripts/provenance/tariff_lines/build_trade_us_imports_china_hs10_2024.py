"""Build data/trade_us_imports_china_hs10_2024.csv: US imports from China in 2024 by 10-digit HTS number.

Provenance script (not run by the build; the committed CSV is the input of record).

Source: US Census Bureau international trade API, endpoint timeseries/intltrade/imports/hs, COMM_LVL=HS10,
CTY_CODE=5700 (China), time=2024-12, variables CON_VAL_YR (imports for consumption, customs value, year to date) and
CAL_DUT_YR (calculated duty, year to date), as downloaded and committed by the Trade War Tracker project:
github.com/tradewartracker/trade-war-redux-2025, commit e38e38d8c572efca8ec8d4b2182105a9c79b1995,
data/2024-hs10-imports5700.parquet (``git show e38e38d:data/2024-hs10-imports5700.parquet > file``).

No 2017 (pre-war) product-level table of imports from China was found in any stored public repository (see the
resource description); this 2024 table is the only product-level weight set available to the project.

Run from the repository root (the project environment has pyarrow), with the file in FOLDER::

    PYTHONPATH=src python scripts/provenance/tariff_lines/build_trade_us_imports_china_hs10_2024.py --input FOLDER
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _tariff_lines_descriptions import LICENSES_PUBLIC_DOMAIN_US_GOV  # noqa: E402

SOURCE = "census_api_hs10_2024_twt"

INPUTS = [Input("2024-hs10-imports5700.parquet", "github.com/tradewartracker/trade-war-redux-2025 @ "
                "e38e38d8c572efca8ec8d4b2182105a9c79b1995, data/2024-hs10-imports5700.parquet (original: "
                "https://api.census.gov/data/timeseries/intltrade/imports/hs)",
                "309f805ea69453fbdf5011cef9c63f391da46fcd7d565d763c3d386a7bf2f623")]


def build(parquet: Path) -> pd.DataFrame:
    raw = pd.read_parquet(parquet)
    if set(raw["CTY_CODE"]) != {"5700"} or set(raw["COMM_LVL"]) != {"HS10"}:
        raise ValueError(f"{parquet}: expected only CTY_CODE 5700 at HS10, got {set(raw['CTY_CODE'])}, "
                         f"{set(raw['COMM_LVL'])}")
    if len(set(raw["time"].astype(str))) != 1 or not str(raw["time"].iloc[0]).startswith("2024-12"):
        raise ValueError(f"{parquet}: expected the December 2024 year-to-date extract, got {set(raw['time'])}")
    out = pd.DataFrame({
        "hs10": raw["I_COMMODITY"].astype(str).str.zfill(10),
        "description": raw["I_COMMODITY_SDESC"].astype(str).str.strip(),
        "imports_usd": raw["CON_VAL_YR"].astype("int64"),
        "calculated_duty_usd": raw["CAL_DUT_YR"].astype("int64"),
    })
    out.insert(1, "hs8", out["hs10"].str[:8])
    out.insert(2, "hs6", out["hs10"].str[:6])
    out["source_id"] = SOURCE
    if out["hs10"].duplicated().any():
        raise ValueError("duplicate HS10 rows")
    return out.sort_values("hs10", ignore_index=True)


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "trade_us_imports_china_hs10_2024",
    "path": "trade_us_imports_china_hs10_2024.csv",
    "title": "US imports from China in 2024 by 10-digit HTS number: customs value and calculated duty",
    "description": ("Census imports for consumption (CON_VAL_YR, customs value, US dollars) and calculated duty "
     "(CAL_DUT_YR) for country 5700 (China), calendar 2024, one row per HTS10. Imports for consumption "
     "total less than general imports (goods entering bonded warehouses and foreign-trade zones count "
     "when withdrawn). No 2017 (pre-war) HS8/HS10 table was found in any stored public repository "
     "(searched: Census/DataWeb extracts, Schott's files, the Fajgelbaum et al., Amiti-Redding-Weinstein "
     "and PIIE replication data, tariff-tracker projects, Mitsuo Shiota's Section 301 checks (which query "
     "the Census API but store no data), GitHub code for Census API and DataWeb pulls of 2017; Kim Ruhl's "
     "monthly HS10 files and the Trade War Tracker's 2013- monthly HS10 China file exist but their data "
     "files are not stored). 2017 imports from China are available at HS6 only "
     "(trade_us_imports_china_hs6_2017, UN Comtrade as reported by the US); within an HS6 code this 2024 "
     "table supplies the split across HTS10 lines."),
    "sources": [
        {
            "title": ("US Census Bureau international trade API (timeseries/intltrade/imports/hs, HS10, CTY_CODE "
             "5700, 2024-12 year to date), as downloaded and committed by the Trade War Tracker project "
             "(github.com/tradewartracker/trade-war-redux-2025 @ "
             "e38e38d8c572efca8ec8d4b2182105a9c79b1995, data/2024-hs10-imports5700.parquet)"),
            "path": "https://api.census.gov/data/timeseries/intltrade/imports/hs",
            "description": "Read 2026-12-03.",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("hs10", "string", "HTS 10-digit statistical number", required=True, unique=True,
              pattern="[0-9]{10}"),
            field("hs8", "string", "HTS 8-digit subheading", required=True, pattern="[0-9]{8}"),
            field("hs6", "string", "HS 6-digit subheading", required=True, pattern="[0-9]{6}"),
            field("description", "string", "Census short description", required=True),
            field("imports_usd", "integer", "Imports for consumption, customs value, 2024", "USD",
              required=True, minimum=0),
            field("calculated_duty_usd", "integer", "Calculated duty on those imports, 2024", "USD",
              required=True, minimum=0),
            field("source_id", "string", "Source key (tariff_us_china_sources)", required=True,
              enum=["census_api_hs10_2024_twt"]),
        ],
        "primaryKey": ["hs10"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    folder = input_folder(INPUTS, env="CENSUS_HS10_2024")
    table = build(folder / "2024-hs10-imports5700.parquet")
    write_csv(table, RESOURCE)
    describe(RESOURCE)
    print(f"{len(table)} rows; imports ${table['imports_usd'].sum() / 1e9:,.2f}bn; "
          f"calculated duty ${table['calculated_duty_usd'].sum() / 1e9:,.2f}bn")
