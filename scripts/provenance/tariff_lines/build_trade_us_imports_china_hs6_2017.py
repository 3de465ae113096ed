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

Reading an .rds file needs ``pyreadr`` (0.5.8 used), which is not a project dependency: install it apart, e.g.
``pip install --target /tmp/pylib pyreadr==0.5.8`` and run with ``PYTHONPATH=/tmp/pylib:src``::

    python scripts/provenance/tariff_lines/build_trade_us_imports_china_hs6_2017.py --rds FILE \
        --out data/trade_us_imports_china_hs6_2017.csv
"""
from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import pandas as pd

SOURCE = "comtrade_usa_chn_2017_hs6"
SHA256 = "e78aa3420c7692cd5f9188ed789902721a17c01897a3bbd2d7e8c56faa23e2b7"


def build(rds: Path) -> pd.DataFrame:
    digest = hashlib.sha256(rds.read_bytes()).hexdigest()
    if digest != SHA256:
        raise ValueError(f"{rds}: sha256 {digest} is not the file of record {SHA256}")
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


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rds", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path("data/trade_us_imports_china_hs6_2017.csv"))
    args = ap.parse_args()
    table = build(args.rds)
    table.to_csv(args.out, index=False, lineterminator="\n")
    print(f"{len(table)} rows; imports ${table['imports_usd'].sum() / 1e9:,.2f}bn")
