from analysis.core import data
READ = "2026-11-28"
EPOCH_LIC = [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
              "title": "Epoch AI data: CC BY 4.0. Cite: Epoch AI, 'Data on AI Models'. Published online at epoch.ai. "
                       "Retrieved from https://epoch.ai/data/ai-models"}]
DB = ("github:epoch-research/training-cost-trends@312c7ed5322351f74c308700329a62ef01f33221:"
      "data/All ML Systems - full view.csv")

def f(name, type_, desc, unit=None, **cons):
    d = {"name": name, "type": type_, "description": desc}
    if unit:
        d["unit"] = unit
    if cons:
        d["constraints"] = cons
    return d

models = {
    "name": "ai_models",
    "path": "ai_models.csv",
    "title": "Epoch AI models database, snapshot used by Cottier et al. (2024): compute, dates, access, notability",
    "description": (
        "One row per model (1,524 rows) of Epoch AI's 'All ML Systems - full view' table as of 2024-06-03, the snapshot "
        "behind Cottier et al. (2024), 'The rising costs of training frontier AI models', arXiv:2405.21015. Columns "
        "renamed to snake_case; rows without a system name dropped; values otherwise unchanged. Every column comes from "
        f"{DB} (copied byte for byte as epoch_ai_models_db_2024-06-03_cottier2024.csv, sha256 "
        "8d7aa110...b1c1); column origin given per field. Read " + READ + "."),
    "sources": [{"title": "Epoch AI, 'Data on AI Models' (All ML Systems, full view), snapshot 2024-06-03",
                 "path": "https://github.com/epoch-research/training-cost-trends/blob/312c7ed5322351f74c308700329a62ef01f33221/data/All%20ML%20Systems%20-%20full%20view.csv",
                 "description": f"{DB}; Epoch AI data, CC BY 4.0. Read {READ}."}],
    "licenses": EPOCH_LIC,

    "schema": {"primaryKey": ["model"], "missingValues": [""], "fields": [
        f("model", "string", "Epoch column 'System'", required=True, unique=True),
        f("organization", "string", "Epoch column 'Organization' (comma-separated when several)"),
        f("publication_date", "date", "Epoch column 'Publication date'", "ISO date", required=True),
        f("domain", "string", "Epoch column 'Domain' (comma-separated)"),
        f("training_compute_flop", "number", "Epoch column 'Training compute (FLOP)'", "FLOP", minimum=0),
        f("training_dataset_size_datapoints", "number",
          "Epoch column 'Training dataset size (datapoints)'; for language models Epoch counts words/tokens",
          "datapoints", minimum=0),
        f("hardware_quantity_chips", "integer", "Epoch column 'Hardware quantity': accelerators used in the training run",
          "chips", minimum=1),
        f("model_accessibility", "string", "Epoch column 'Model accessibility'",
          enum=["Unreleased", "Open source", "Open access (non-commercial)", "Open access (restricted use)",
                "API access", "Hosted access (no API)"]),
        f("notability_criteria", "string", "Epoch column 'Notability criteria' (empty: not a notable model)"),
        f("notable", "boolean", "Derived: notability_criteria is not empty (Epoch's 'notable' models)", required=True),
        f("foundation_model", "boolean", "Derived: Epoch column 'Foundation model' == 'checked'", required=True),
    ]},
}

costs = {
    "name": "ai_training_costs",
    "path": "ai_training_costs.csv",
    "title": "Training cost of AI models under two methods (cloud rental, AI Index 2024; amortized hardware + energy, Epoch/Cottier et al. 2024), 2023 USD",
    "description": (
        "One row per model and cost method, from ai_training_costs_compiled.csv (a tidy compilation "
        "with the upstream repository, commit, path and column of every row in `source`). cost_method: "
        "cloud_aiindex2024 = Epoch's estimate for the Stanford AI Index 2024 (cloud price per chip-hour, 3-year "
        "committed-use price preferred, x chip-hours; Dec-2023 USD via the PPI series PCU518210518210), 48 models; "
        "amortized_cottier2024 = Cottier et al. (2024) amortized hardware capex + energy of the final training run "
        "for their top-10 frontier sample, 45 models; amortized_epoch_notable_2024_07 = Epoch's public 'Notable AI "
        "Models' download of about July 2024, column 'Training compute cost (2023 USD)' (same method as Cottier et "
        "al.), 157 models. Checked on 2026-11-28: the 48 cloud values equal column 'Cost (inflation-adjusted)' of "
        "aiindex2024_training_cost_estimates_epoch.csv (largest relative gap 7e-6, rounding); the "
        "157 notable values equal the Notable CSV (gap < 8e-4, rounding to cents); 40 of the 45 Cottier models also "
        "have a notable-CSV value and agree to rounding (re-checked in notebook 05). aiindex2024_chart marks the ten models of the AI Index 2024 chart of estimated "
        "training cost of select models that the Bruegel brief reproduces (list and values in the AI Index 2024 report). "
        "Read " + READ + "."),
    "sources": [
        {"title": "Epoch AI training-cost dataset for the AI Index 2024",
         "path": "https://github.com/epoch-research/training-cost-trends/blob/8bf74d40e67c042c67ae67a5ef771c9ba8e57776/identify%20foundation%20models/price%20dataset%20with%20FM%20indicator.csv",
         "description": "training-cost-trends@8bf74d40 (branch bc/ai-index-final), column 'Cost (inflation-adjusted)'. Read " + READ + "."},
        {"title": "Cottier, Rahman, Fattorini, Maslej, Besiroglu & Owen (2024), The rising costs of training frontier AI models, arXiv:2405.21015; code and outputs",
         "path": "https://github.com/epoch-research/training-cost-trends/blob/312c7ed5322351f74c308700329a62ef01f33221/cost_analysis.ipynb",
         "description": "training-cost-trends@312c7ed5, cost_analysis.ipynb cell 22 output (7 significant figures). Read " + READ + "."},
        {"title": "Epoch AI, Notable AI Models download (about July 2024)",
         "path": "https://github.com/IyngkarranKumar/compute_thresholds_public/blob/f243d04f129850aec765130aa75a19c80b8efc06/data/notable_ai_models.csv",
         "description": "column 'Training compute cost (2023 USD)'. Read " + READ + "."},
    ],
    "licenses": EPOCH_LIC,

    "schema": {"primaryKey": ["model", "cost_method"], "missingValues": [""], "fields": [
        f("model", "string", "Model name as spelled by the upstream file", required=True),
        f("cost_method", "string", "Costing method and vintage (see resource description)", required=True,
          enum=["cloud_aiindex2024", "amortized_cottier2024", "amortized_epoch_notable_2024_07"]),
        f("organization", "string", "Developer(s), from the upstream file"),
        f("publication_date", "date", "Publication date, from the upstream file", "ISO date", required=True),
        f("training_compute_flop", "number", "Training compute, from the upstream file", "FLOP", minimum=0),
        f("training_cost_usd", "number", "Estimated cost of the final training run", "USD of price_year",
          required=True, minimum=0, maximum=1e13),
        f("price_year", "integer", "Year of the US dollars (2023 for all three methods)", "year", required=True,
          minimum=2015, maximum=2025),
        f("aiindex2024_chart", "boolean", "Model is one of the ten in the AI Index 2024 cost chart reproduced by the brief",
          required=True),
        f("source", "string", "Upstream repository@commit:path [column] of the row", required=True),
    ]},
}

hw = {
    "name": "ai_hardware_prices",
    "path": "ai_hardware_prices.csv",
    "title": "Epoch AI hardware prices: accelerator purchase prices and cloud rental prices per chip-hour (snapshot 2024-06-03)",
    "description": (
        "One row per price observation (142) of Epoch's 'Hardware prices' table, snapshot 2024-06-03 "
        "(github:epoch-research/training-cost-trends@312c7ed5322351f74c308700329a62ef01f33221:data/Hardware prices.csv; "
        "copied to epoch_hardware_prices_2024-06-03.csv). price_id = row number in the upstream file "
        "(added: the upstream table has no key). Purchase prices of 8-GPU servers (DGX/HGX) are stored by Epoch per GPU, "
        "i.e. server price / 8, as the notes say. Read " + READ + "."),
    "sources": [{"title": "Epoch AI hardware price database (used by Cottier et al. 2024)",
                 "path": "https://github.com/epoch-research/training-cost-trends/blob/312c7ed5322351f74c308700329a62ef01f33221/data/Hardware%20prices.csv",
                 "description": "Each row's own source is in price_source. Read " + READ + "."}],
    "licenses": EPOCH_LIC,

    "schema": {"primaryKey": ["price_id"], "missingValues": [""], "fields": [
        f("price_id", "integer", "Row number in the upstream file", required=True, unique=True, minimum=1),
        f("price_date", "date", "Epoch column 'Price date'", "ISO date", required=True),
        f("hardware_model", "string", "Epoch column 'Hardware model'", required=True),
        f("manufacturer", "string", "Epoch column 'Manufacturer (from Hardware model)'"),
        f("vendor", "string", "Epoch column 'Vendor' (cloud provider or reseller)"),
        f("location", "string", "Epoch column 'Location'"),
        f("price_per_chip_hour_on_demand_usd", "number", "Epoch column 'Price per chip-hour (on-demand)'", "USD per chip-hour", minimum=0),
        f("price_per_chip_hour_1yr_cud_usd", "number", "Epoch column 'Price per chip-hour (1-year CUD)'", "USD per chip-hour", minimum=0),
        f("price_per_chip_hour_3yr_cud_usd", "number", "Epoch column 'Price per chip-hour (3-year CUD)'", "USD per chip-hour", minimum=0),
        f("purchase_price_usd", "number", "Epoch column 'Price (hardware purchase)', per chip", "USD per chip (nominal)", minimum=0),
        f("price_source", "string", "Epoch column 'Price source' (URL)", required=True),
        f("notes", "string", "Epoch column 'Notes'"),
    ]},
}

for res in (models, costs, hw):
    out = data.upsert_resource(res)
    print(out["name"], out["bytes"])
for name in ("ai_models", "ai_training_costs", "ai_hardware_prices"):
    print(name, data.load(name).dtypes.to_dict())
