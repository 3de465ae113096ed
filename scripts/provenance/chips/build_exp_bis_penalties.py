"""Build data/exp_bis_penalties.csv: BIS penalties in the chip cases the documents cite.

Input: the compilation's BIS penalty table.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_exp_bis_penalties.py --input FOLDER`` (or set
CHIPS_COMPILATION to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _chips_descriptions import (  # noqa: E402
    FIELDS_SOURCE_URL_TO_NOTE,
    LICENSES_CC_BY_4_0,
    SOURCE_EARLIER_COMPILATION_OF_PUBLIC_SOURCES,
)
from _chips import READ  # noqa: E402

INPUTS = [
    Input("exp_bis_penalties.csv", "earlier compilation of public sources for the CHIP and EXP claims, made for the project (not "
          "published; publisher and URL per row; docs/sources/chips_exp.md)",
          "78dd601740aef287ce7920425f1e8719d8c4cbe2f257e6de8628e665d497de13"),
]


def build(SRC: Path) -> pd.DataFrame:
    pen = pd.read_csv(SRC / "exp_bis_penalties.csv", keep_default_na=False).rename(columns={"source": "source_page"})
    pen = pen[~pen["measure"].str.startswith("penalty as share")]  # a derived value: the notebook computes it
    pen["found_by"] = "earlier_compilation"
    pen["date_read"] = READ
    pen = pen[["case", "respondent", "order_date", "measure", "value", "unit", "source_page", "source_url", "found_by",
               "date_read", "note"]]
    return pen


RESOURCE = {
    "name": "exp_bis_penalties",
    "path": "exp_bis_penalties.csv",
    "title": "BIS administrative penalties in the chip cases cited (Seagate 2023, GlobalFoundries 2024)",
    "description": ("Penalty, value of the shipments and number of violations per case, from BIS orders and press "
     "releases as reported. Only the cases the documents cite; not an enforcement history. No allied "
     "(Dutch, Japanese, German) penalty in a comparable chip case was found in the stored sources."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_EARLIER_COMPILATION_OF_PUBLIC_SOURCES,
        {
            "title": "BIS press release, GlobalFoundries penalty, 1 Nov 2024",
            "path": "https://bis.gov/node/7429",
        },
    ],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "fields": [
            field("case", "string", "Case", required=True),
            field("respondent", "string", "Respondent(s)", required=True),
            field("order_date", "date", "Date of the BIS order", required=True),
            field("measure", "string", "Quantity", required=True,
              enum=[
                    "civil penalty",
                    "value of shipments",
                    "violations",
                    "quarterly instalment",
                    "violations (shipments)",
                ]),
            field("value", "number", "Value (unit in the unit column)", required=True, minimum=0),
            field("unit", "string", "Unit", required=True, enum=["USD_million", "USD_billion", "count"]),
            field("source_page", "string", "Source read", required=True),
            *FIELDS_SOURCE_URL_TO_NOTE,
        ],
        "primaryKey": ["case", "measure"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(input_folder(INPUTS, env="CHIPS_COMPILATION")), RESOURCE)
    describe(RESOURCE)
