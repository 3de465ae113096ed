"""One-off derivation of data/ai_*.csv from Epoch AI data files (CC BY 4.0).

Input folder: environment variable EPOCH_AI_FILES (or first argument), holding the Epoch AI files: epoch_ai_models_db_2024-06-03_cottier2024.csv and epoch_hardware_prices_2024-06-03.csv (github:epoch-research/training-cost-trends@312c7ed5322351f74c308700329a62ef01f33221, data/All ML Systems - full view.csv and data/Hardware prices.csv), aiindex2024_training_cost_estimates_epoch.csv (same repository @8bf74d40e67c042c67ae67a5ef771c9ba8e57776, identify foundation models/price dataset with FM indicator.csv), epoch_notable_ai_models_2024-07.csv (github:IyngkarranKumar/compute_thresholds_public@f243d04f129850aec765130aa75a19c80b8efc06, data/notable_ai_models.csv), each saved under the name given here.
Every file name the script reads is listed in its read_csv calls below.
"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _paths import DATA, SRC as SRC_CODE, input_dir  # noqa: E402
import csv
import pandas as pd
import numpy as np

SRC = str(input_dir("EPOCH_AI_FILES", "the Epoch AI CSV files named in the docstring")) + "/"
OUT = str(DATA) + "/"

# 1. models (Epoch DB snapshot used by Cottier et al. 2024)
d = pd.read_csv(SRC + "epoch_ai_models_db_2024-06-03_cottier2024.csv").dropna(subset=["System"])
m = pd.DataFrame({
    "model": d["System"].str.strip(),
    "organization": d["Organization"],
    "publication_date": pd.to_datetime(d["Publication date"]).dt.strftime("%Y-%m-%d"),
    "domain": d["Domain"],
    "training_compute_flop": d["Training compute (FLOP)"],
    "training_dataset_size_datapoints": d["Training dataset size (datapoints)"],
    "hardware_quantity_chips": d["Hardware quantity"].astype("Int64"),
    "model_accessibility": d["Model accessibility"],
    "notability_criteria": d["Notability criteria"],
    "notable": d["Notability criteria"].notna(),
    "foundation_model": d["Foundation model"].eq("checked"),
})
assert m.model.is_unique
m = m.sort_values(["publication_date", "model"]).reset_index(drop=True)
m.to_csv(OUT + "ai_models.csv", index=False, lineterminator="\n")

# 2. training costs (long: one row per model x cost method)
c = pd.read_csv(SRC + "ai_training_costs_compiled.csv")
method = {
    "AI Index 2024": "cloud_aiindex2024",
    "Cottier et al. 2024": "amortized_cottier2024",
    "Epoch 2023 USD (Notable AI Models CSV": "amortized_epoch_notable_2024_07",
}
c["cost_method"] = None
for k, v in method.items():
    c.loc[c.cost_basis.str.startswith(k), "cost_method"] = v
c = c.dropna(subset=["cost_method"])
chart = ["Transformer", "BERT-Large", "RoBERTa Large", "GPT-3 175B (davinci)", "Megatron-Turing NLG 530B",
         "LaMDA", "PaLM (540B)", "GPT-4", "Llama 2-70B", "Gemini Ultra"]
c["aiindex2024_chart"] = c.cost_method.eq("cloud_aiindex2024") & c.model.isin(chart)
assert c.aiindex2024_chart.sum() == 10, c.loc[c.cost_method.eq("cloud_aiindex2024"), "model"].tolist()
out = pd.DataFrame({
    "model": c.model, "cost_method": c.cost_method, "organization": c.organization,
    "publication_date": c.publication_date, "training_compute_flop": c.training_compute_flop,
    "training_cost_usd": c.training_cost_usd, "price_year": 2023, "aiindex2024_chart": c.aiindex2024_chart,
    "source": c.source,
}).sort_values(["cost_method", "publication_date", "model"])
assert not out.duplicated(["model", "cost_method"]).any()
out.to_csv(OUT + "ai_training_costs.csv", index=False, lineterminator="\n")

# 3. hardware prices
h = pd.read_csv(SRC + "epoch_hardware_prices_2024-06-03.csv")
hp = pd.DataFrame({
    "price_id": np.arange(1, len(h) + 1),
    "price_date": h["Price date"], "hardware_model": h["Hardware model"], "manufacturer": h["Manufacturer (from Hardware model)"],
    "vendor": h["Vendor"], "location": h["Location"],
    "price_per_chip_hour_on_demand_usd": h["Price per chip-hour (on-demand)"],
    "price_per_chip_hour_1yr_cud_usd": h["Price per chip-hour (1-year CUD)"],
    "price_per_chip_hour_3yr_cud_usd": h["Price per chip-hour (3-year CUD)"],
    "purchase_price_usd": h["Price (hardware purchase)"],
    "price_source": h["Price source"], "notes": h["Notes"],
})
hp.to_csv(OUT + "ai_hardware_prices.csv", index=False, lineterminator="\n")
print(len(m), len(out), len(hp))
