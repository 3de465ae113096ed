"""Build data/ai_models.csv: Epoch AI's models database as of 2024-06-03 (the snapshot behind Cottier et al. 2024).

Input: Epoch AI's 'All ML Systems - full view' table (CC BY 4.0), saved as epoch_ai_models_db_2024-06-03_cottier2024.csv.
Columns renamed to snake_case; rows without a system name dropped; values otherwise unchanged.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/ai/build_ai_models.py --input FOLDER`` (or set EPOCH_AI_FILES).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _ai_descriptions import LICENSES_CC_BY_4_0  # noqa: E402

INPUTS = [
    Input("epoch_ai_models_db_2024-06-03_cottier2024.csv", "github.com/epoch-research/training-cost-trends @ "
          "312c7ed5322351f74c308700329a62ef01f33221, data/All ML Systems - full view.csv",
          "8d7aa1105f556d5ae6eaea2e46da385e001e38089de9b9f1fc6d5f76f718b1c1"),
]


def build(folder: Path) -> pd.DataFrame:
    d = pd.read_csv(folder / "epoch_ai_models_db_2024-06-03_cottier2024.csv").dropna(subset=["System"])
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
    return m.sort_values(["publication_date", "model"]).reset_index(drop=True)

RESOURCE = {
    "name": "ai_models",
    "path": "ai_models.csv",
    "title": "Epoch AI models database, snapshot used by Cottier et al. (2024): compute, dates, access, notability",
    "description": ("One row per model (1,524 rows) of Epoch AI's 'All ML Systems - full view' table as of 2024-06-03, "
     "the snapshot behind Cottier et al. (2024), 'The rising costs of training frontier AI models', "
     "arXiv:2405.21015. Columns renamed to snake_case; rows without a system name dropped; values "
     "otherwise unchanged. Every column comes from "
     "github:epoch-research/training-cost-trends@312c7ed5322351f74c308700329a62ef01f33221:data/All ML "
     "Systems - full view.csv (sha256 of the upstream file 8d7aa110...b1c1); column origin given per "
     "field. Read 2026-11-28."),
    "sources": [
        {
            "title": "Epoch AI, 'Data on AI Models' (All ML Systems, full view), snapshot 2024-06-03",
            "path": ("https://github.com/epoch-research/training-cost-trends/blob/312c7ed5322351f74c308700329a62ef01f33221/data/All%20ML%20Systems%20-%20full%20view.csv"),
            "description": ("github:epoch-research/training-cost-trends@312c7ed5322351f74c308700329a62ef01f33221:data/All "
             "ML Systems - full view.csv. Read 2026-11-28."),
        },
    ],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "primaryKey": ["model"],
        "missingValues": [""],
        "fields": [
            field("model", "string", "Epoch column 'System'", required=True, unique=True),
            field("organization", "string", "Epoch column 'Organization' (comma-separated when several)"),
            field("publication_date", "date", "Epoch column 'Publication date'", "ISO date", required=True),
            field("domain", "string", "Epoch column 'Domain' (comma-separated)"),
            field("training_compute_flop", "number", "Epoch column 'Training compute (FLOP)'", "FLOP",
              minimum=0),
            field("training_dataset_size_datapoints", "number",
              ("Epoch column 'Training dataset size (datapoints)'; for language models Epoch counts "
                   "words/tokens"), 
              "datapoints", minimum=0),
            field("hardware_quantity_chips", "integer",
              "Epoch column 'Hardware quantity': accelerators used in the training run", "chips",
              minimum=1),
            field("model_accessibility", "string", "Epoch column 'Model accessibility'",
              enum=[
                    "Unreleased",
                    "Open source",
                    "Open access (non-commercial)",
                    "Open access (restricted use)",
                    "API access",
                    "Hosted access (no API)",
                ]),
            field("notability_criteria", "string",
              "Epoch column 'Notability criteria' (empty: not a notable model)"),
            field("notable", "boolean",
              "Derived: notability_criteria is not empty (Epoch's 'notable' models)", required=True),
            field("foundation_model", "boolean", "Derived: Epoch column 'Foundation model' == 'checked'",
              required=True),
        ],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="EPOCH_AI_FILES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
    print(len(table), "rows")
