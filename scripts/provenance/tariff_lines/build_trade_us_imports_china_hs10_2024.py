"""Build data/trade_us_imports_china_hs10_2024.csv: US imports from China in 2024 by 10-digit HTS number.

Provenance script (not run by the build; the committed CSV is the input of record).

Source: US Census Bureau international trade API, endpoint timeseries/intltrade/imports/hs, COMM_LVL=HS10,
CTY_CODE=5700 (China), time=2024-12, variables CON_VAL_YR (imports for consumption, customs value, year to date) and
CAL_DUT_YR (calculated duty, year to date), as downloaded and committed by the Trade War Tracker project:
github.com/tradewartracker/trade-war-redux-2025, commit e38e38d8c572efca8ec8d4b2182105a9c79b1995,
data/2024-hs10-imports5700.parquet (``git show e38e38d:data/2024-hs10-imports5700.parquet > file``).

No 2017 (pre-war) product-level table of imports from China was found in any stored public repository (see the
resource description); this 2024 table is the only product-level weight set available to the project.

Usage (project environment, which has pyarrow)::

    python scripts/provenance/tariff_lines/build_trade_us_imports_china_hs10_2024.py --parquet FILE \
        --out data/trade_us_imports_china_hs10_2024.csv
"""
from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

SOURCE = "census_api_hs10_2024_twt"


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


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parquet", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path("data/trade_us_imports_china_hs10_2024.csv"))
    args = ap.parse_args()
    table = build(args.parquet)
    table.to_csv(args.out, index=False, lineterminator="\n")
    print(f"{len(table)} rows; imports ${table['imports_usd'].sum() / 1e9:,.2f}bn; "
          f"calculated duty ${table['calculated_duty_usd'].sum() / 1e9:,.2f}bn")
