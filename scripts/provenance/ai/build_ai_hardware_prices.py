"""Build data/ai_hardware_prices.csv: Epoch AI's hardware prices table, snapshot 2024-06-03.

Input: Epoch AI's 'Hardware prices' table (CC BY 4.0), saved as epoch_hardware_prices_2024-06-03.csv. price_id is the
row number in the upstream file (the upstream table has no key); columns renamed, values unchanged.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/ai/build_ai_hardware_prices.py --input FOLDER`` (or set EPOCH_AI_FILES).
"""
import numpy as np
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _ai_descriptions import LICENSES_CC_BY_4_0  # noqa: E402

INPUTS = [
    Input("epoch_hardware_prices_2024-06-03.csv", "github.com/epoch-research/training-cost-trends @ "
          "312c7ed5322351f74c308700329a62ef01f33221, data/Hardware prices.csv",
          "84199c523be7805e3e5e948d6825bb29fed599344a6fd8028ad3d1a0c266c05b"),
]


def build(folder: Path) -> pd.DataFrame:
    h = pd.read_csv(folder / "epoch_hardware_prices_2024-06-03.csv")
    return pd.DataFrame({
        "price_id": np.arange(1, len(h) + 1),
        "price_date": h["Price date"], "hardware_model": h["Hardware model"],
        "manufacturer": h["Manufacturer (from Hardware model)"], "vendor": h["Vendor"], "location": h["Location"],
        "price_per_chip_hour_on_demand_usd": h["Price per chip-hour (on-demand)"],
        "price_per_chip_hour_1yr_cud_usd": h["Price per chip-hour (1-year CUD)"],
        "price_per_chip_hour_3yr_cud_usd": h["Price per chip-hour (3-year CUD)"],
        "purchase_price_usd": h["Price (hardware purchase)"],
        "price_source": h["Price source"], "notes": h["Notes"],
    })

RESOURCE = {
    "name": "ai_hardware_prices",
    "path": "ai_hardware_prices.csv",
    "title": ("Epoch AI hardware prices: accelerator purchase prices and cloud rental prices per chip-hour "
     "(snapshot 2024-06-03)"),
    "description": ("One row per price observation (142) of Epoch's 'Hardware prices' table, snapshot 2024-06-03 "
     "(github:epoch-research/training-cost-trends@312c7ed5322351f74c308700329a62ef01f33221:data/Hardware "
     "prices.csv). price_id = row number in the upstream file (added: the upstream table has no key). "
     "Purchase prices of 8-GPU servers (DGX/HGX) are stored by Epoch per GPU, i.e. server price / 8, as "
     "the notes say. Read 2026-11-28."),
    "sources": [
        {
            "title": "Epoch AI hardware price database (used by Cottier et al. 2024)",
            "path": ("https://github.com/epoch-research/training-cost-trends/blob/312c7ed5322351f74c308700329a62ef01f33221/data/Hardware%20prices.csv"),
            "description": "Each row's own source is in price_source. Read 2026-11-28.",
        },
    ],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "primaryKey": ["price_id"],
        "missingValues": [""],
        "fields": [
            field("price_id", "integer", "Row number in the upstream file", required=True, unique=True,
              minimum=1),
            field("price_date", "date", "Epoch column 'Price date'", "ISO date", required=True),
            field("hardware_model", "string", "Epoch column 'Hardware model'", required=True),
            field("manufacturer", "string", "Epoch column 'Manufacturer (from Hardware model)'"),
            field("vendor", "string", "Epoch column 'Vendor' (cloud provider or reseller)"),
            field("location", "string", "Epoch column 'Location'"),
            field("price_per_chip_hour_on_demand_usd", "number",
              "Epoch column 'Price per chip-hour (on-demand)'", "USD per chip-hour", minimum=0),
            field("price_per_chip_hour_1yr_cud_usd", "number",
              "Epoch column 'Price per chip-hour (1-year CUD)'", "USD per chip-hour", minimum=0),
            field("price_per_chip_hour_3yr_cud_usd", "number",
              "Epoch column 'Price per chip-hour (3-year CUD)'", "USD per chip-hour", minimum=0),
            field("purchase_price_usd", "number", "Epoch column 'Price (hardware purchase)', per chip",
              "USD per chip (nominal)", minimum=0),
            field("price_source", "string", "Epoch column 'Price source' (URL)", required=True),
            field("notes", "string", "Epoch column 'Notes'"),
        ],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="EPOCH_AI_FILES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
    print(len(table), "rows")
