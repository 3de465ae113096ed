"""One-off derivation of data/ai_*.csv from /work/shared/sources/ai (kept outside the repo; see report)."""
import csv
import pandas as pd
import numpy as np

SRC = "/work/shared/sources/ai/"
OUT = "/work/main/data/"

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
