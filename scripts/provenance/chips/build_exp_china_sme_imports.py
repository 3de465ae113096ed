"""Build data/exp_china_sme_imports.csv: China's imports of chip-making equipment as reported.

Input: the compilation's SME import table, copied with found_by and date_read added.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_exp_china_sme_imports.py --input FOLDER`` (or set
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
    Input("exp_china_sme_imports.csv", "earlier compilation of public sources for the CHIP and EXP claims, made for the project (not "
          "published; publisher and URL per row; docs/sources/chips_exp.md)",
          "2a4b5dfb6b5d0412202f3d2371229059f68b2d835b20a7baf86c2672ed2b5b61"),
]


def build(SRC: Path) -> pd.DataFrame:
    sme = pd.read_csv(SRC / "exp_china_sme_imports.csv", keep_default_na=False)
    sme = sme.rename(columns={"source": "source_page"})
    sme.insert(sme.columns.get_loc("source_url") + 1, "found_by", "earlier_compilation")
    sme.insert(sme.columns.get_loc("found_by") + 1, "date_read", READ)
    return sme


RESOURCE = {
    "name": "exp_china_sme_imports",
    "path": "exp_china_sme_imports.csv",
    "title": "China's imports of chip-making equipment, by partner and period",
    "description": ("China customs data as reported by the WSJ, FT, Bloomberg, Caixin, DIGITIMES and Nikkei: import "
     "values and lithography-machine units by partner, plus Japan's Q1-2024 exports of such equipment to "
     "China. product_definition differs between rows (chip-making equipment in general, IC-manufacturing "
     "equipment excluding wafer/display tools, lithography only), so rows from different definitions are "
     "not additive or comparable."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [SOURCE_EARLIER_COMPILATION_OF_PUBLIC_SOURCES],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "fields": [
            field("reporter", "string", "Reporting country", required=True),
            field("partner", "string", "Partner country", required=True),
            field("flow", "string", "imports or exports", required=True, enum=["imports", "exports"]),
            field("period", "string", "Period (month, two months, quarter, year, seven months)",
              required=True),
            field("period_type", "string", "Length of the period", required=True,
              enum=["month", "two months", "quarter", "year", "seven months"]),
            field("product_definition", "string", "Product definition of the source", required=True),
            field("measure", "string", "Measure", required=True,
              enum=["import value", "export value", "units", "average import price"]),
            field("value", "number", "Value (unit in the unit column)", required=True, minimum=0),
            field("unit", "string", "Unit", required=True,
              enum=["USD_billion", "USD_million", "machines", "USD_million_per_machine"]),
            field("source_page", "string", "Outlet and date of the report read", required=True),
            *FIELDS_SOURCE_URL_TO_NOTE,
        ],
        "primaryKey": ["reporter", "partner", "flow", "period", "product_definition", "measure", "unit"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(input_folder(INPUTS, env="CHIPS_COMPILATION")), RESOURCE)
    describe(RESOURCE)
