"""Build data/ai_training_costs.csv: training cost of AI models under three cost methods, one row per model and method.

Input: ai_training_costs_compiled.csv, a tidy compilation made for the project (not published) from Epoch AI's files:
every row names its upstream repository, commit, path and column in `source` (the resource's sources list them).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/ai/build_ai_training_costs.py --input FOLDER`` (or set EPOCH_AI_FILES).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _ai_descriptions import LICENSES_CC_BY_4_0  # noqa: E402

INPUTS = [
    Input("ai_training_costs_compiled.csv", "earlier compilation made for the project (not published); every row names "
          "its Epoch AI repository, commit, path and column in `source`",
          "24f304b5784e716e6abe14e7425fe2397f7bf18916127234dd75e58a185a9e65"),
]
METHOD = {
    "AI Index 2024": "cloud_aiindex2024",
    "Cottier et al. 2024": "amortized_cottier2024",
    "Epoch 2023 USD (Notable AI Models CSV": "amortized_epoch_notable_2024_07",
}
# The ten models of the AI Index 2024 chart of estimated training cost that the Bruegel brief reproduces.
CHART = ["Transformer", "BERT-Large", "RoBERTa Large", "GPT-3 175B (davinci)", "Megatron-Turing NLG 530B",
         "LaMDA", "PaLM (540B)", "GPT-4", "Llama 2-70B", "Gemini Ultra"]


def build(folder: Path) -> pd.DataFrame:
    c = pd.read_csv(folder / "ai_training_costs_compiled.csv")
    c["cost_method"] = None
    for k, v in METHOD.items():
        c.loc[c.cost_basis.str.startswith(k), "cost_method"] = v
    c = c.dropna(subset=["cost_method"])
    c["aiindex2024_chart"] = c.cost_method.eq("cloud_aiindex2024") & c.model.isin(CHART)
    assert c.aiindex2024_chart.sum() == 10, c.loc[c.cost_method.eq("cloud_aiindex2024"), "model"].tolist()
    out = pd.DataFrame({
        "model": c.model, "cost_method": c.cost_method, "organization": c.organization,
        "publication_date": c.publication_date, "training_compute_flop": c.training_compute_flop,
        "training_cost_usd": c.training_cost_usd, "price_year": 2023, "aiindex2024_chart": c.aiindex2024_chart,
        "source": c.source,
    }).sort_values(["cost_method", "publication_date", "model"])
    assert not out.duplicated(["model", "cost_method"]).any()
    return out

RESOURCE = {
    "name": "ai_training_costs",
    "path": "ai_training_costs.csv",
    "title": ("Training cost of AI models under two methods (cloud rental, AI Index 2024; amortized hardware + "
     "energy, Epoch/Cottier et al. 2024), 2023 USD"),
    "description": ("One row per model and cost method, compiled from the Epoch AI repositories below (a tidy "
     "compilation with the upstream repository, commit, path and column of every row in `source`). "
     "cost_method: cloud_aiindex2024 = Epoch's estimate for the Stanford AI Index 2024 (cloud price per "
     "chip-hour, 3-year committed-use price preferred, x chip-hours; Dec-2023 USD via the PPI series "
     "PCU518210518210), 48 models; amortized_cottier2024 = Cottier et al. (2024) amortized hardware capex "
     "+ energy of the final training run for their top-10 frontier sample, 45 models; "
     "amortized_epoch_notable_2024_07 = Epoch's public 'Notable AI Models' download of about July 2024, "
     "column 'Training compute cost (2023 USD)' (same method as Cottier et al.), 157 models. Checked on "
     "2026-11-28: the 48 cloud values equal column 'Cost (inflation-adjusted)' of Epoch's AI Index 2024 "
     "cost file (training-cost-trends@8bf74d40, 'identify foundation models/price dataset with FM "
     "indicator.csv') (largest relative gap 7e-6, rounding); the 157 notable values equal the Notable CSV "
     "(gap < 8e-4, rounding to cents); 40 of the 45 Cottier models also have a notable-CSV value and "
     "agree to rounding (re-checked in notebook 05). aiindex2024_chart marks the ten models of the AI "
     "Index 2024 chart of estimated training cost of select models that the Bruegel brief reproduces "
     "(list and values: the AI Index 2024 chart, Transformer to Gemini Ultra). Read 2026-11-28."),
    "sources": [
        {
            "title": "Epoch AI training-cost dataset for the AI Index 2024",
            "path": ("https://github.com/epoch-research/training-cost-trends/blob/8bf74d40e67c042c67ae67a5ef771c9ba8e57776/identify%20foundation%20models/price%20dataset%20with%20FM%20indicator.csv"),
            "description": ("training-cost-trends@8bf74d40 (branch bc/ai-index-final), column 'Cost "
             "(inflation-adjusted)'. Read 2026-11-28."),
        },
        {
            "title": ("Cottier, Rahman, Fattorini, Maslej, Besiroglu & Owen (2024), The rising costs of training "
             "frontier AI models, arXiv:2405.21015; code and outputs"),
            "path": ("https://github.com/epoch-research/training-cost-trends/blob/312c7ed5322351f74c308700329a62ef01f33221/cost_analysis.ipynb"),
            "description": ("training-cost-trends@312c7ed5, cost_analysis.ipynb cell 22 output (7 significant figures). "
             "Read 2026-11-28."),
        },
        {
            "title": "Epoch AI, Notable AI Models download (about July 2024)",
            "path": ("https://github.com/IyngkarranKumar/compute_thresholds_public/blob/f243d04f129850aec765130aa75a19c80b8efc06/data/notable_ai_models.csv"),
            "description": "column 'Training compute cost (2023 USD)'. Read 2026-11-28.",
        },
    ],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "primaryKey": ["model", "cost_method"],
        "missingValues": [""],
        "fields": [
            field("model", "string", "Model name as spelled by the upstream file", required=True),
            field("cost_method", "string", "Costing method and vintage (see resource description)",
              required=True,
              enum=["cloud_aiindex2024", "amortized_cottier2024", "amortized_epoch_notable_2024_07"]),
            field("organization", "string", "Developer(s), from the upstream file"),
            field("publication_date", "date", "Publication date, from the upstream file", "ISO date",
              required=True),
            field("training_compute_flop", "number", "Training compute, from the upstream file", "FLOP",
              minimum=0),
            field("training_cost_usd", "number", "Estimated cost of the final training run",
              "USD of price_year", required=True, minimum=0, maximum=10000000000000.0),
            field("price_year", "integer", "Year of the US dollars (2023 for all three methods)", "year",
              required=True, minimum=2015, maximum=2025),
            field("aiindex2024_chart", "boolean",
              "Model is one of the ten in the AI Index 2024 cost chart reproduced by the brief",
              required=True),
            field("source", "string", "Upstream repository@commit:path [column] of the row", required=True),
        ],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="EPOCH_AI_FILES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
    print(len(table), "rows")
