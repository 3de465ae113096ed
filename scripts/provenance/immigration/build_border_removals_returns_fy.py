"""Build data/border_removals_returns_fy.csv: aliens removed or returned, FY1990-FY2019 (DHS Yearbook 2019, Table 39).

Input: a third-party transcription of the DHS table (FY1892-FY2019; FY1990-FY2019 kept), columns renamed, sorted by year, source key
added.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_border_removals_returns_fy.py --input FOLDER``
(or set IMMIGRATION_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _immigration_descriptions import LICENSES_PUBLIC_DOMAIN_US_GOV, SOURCE_SOURCE_KEYS_OF_EVERY_ROW  # noqa: E402

INPUTS = [
    Input("immigration_deported.csv", "DHS Yearbook 2019 Table 39 (https://www.dhs.gov/immigration-statistics/yearbook/2019/table39) "
          "as transcribed in github.com/ohkaaaaay/Immigration_Nation @ bd86fcce7453080b149b146b54eb5f82f7f3c2b7, "
          "immigration_deported.csv",
          "768773d944f127a3ea3b5299b2ce6b80c9a3537a48017ead58c0bda3dd1af6da"),
]


def build(SRC: Path) -> pd.DataFrame:
    rem = pd.read_csv(SRC / "immigration_deported.csv", dtype=str, keep_default_na=False)
    rem = rem.rename(columns={"Year": "fiscal_year", "Removals": "removals", "Returns": "returns"})
    rem = rem[rem["fiscal_year"].astype(int) >= 1990]  # the years the table covers (FY1990-FY2019)
    rem = rem.sort_values("fiscal_year", key=lambda s: s.astype(int))
    rem["source"] = "ohss_yearbook_2019_t39_quoted"
    return rem


RESOURCE = {
    "name": "border_removals_returns_fy",
    "path": "border_removals_returns_fy.csv",
    "title": "Aliens removed or returned from the United States, FY1990-FY2019 (DHS Yearbook 2019, Table 39)",
    "description": ("Removals: compulsory moves out of the US based on an order of removal; returns: confirmed "
     "departures not based on an order. Nationwide (all DHS components), fiscal years. Values are a "
     "third-party transcription of the DHS table (see source key): to verify against the DHS table before "
     "relying on single values. Title 42 expulsions (from March 2020) are neither removals nor returns; "
     "FY2020 onward is not in this table."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        {
            "title": ("DHS, Yearbook of Immigration Statistics 2019, Table 39: Aliens Removed or Returned: Fiscal "
             "Years 1892 to 2019"),
            "path": "https://www.dhs.gov/immigration-statistics/yearbook/2019/table39",
            "description": ("FY1990-FY2019 as transcribed in github:ohkaaaaay/Immigration_Nation, "
             "immigration_deported.csv, commit bd86fcce7453080b149b146b54eb5f82f7f3c2b7; read 2026-11-28."),
        },
        SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("fiscal_year", "integer", None, "US federal fiscal year", unique=True, minimum=1990,
              maximum=2019, required=True),
            field("removals", "integer", None, "persons removed (events)", minimum=0, maximum=1000000,
              required=True),
            field("returns", "integer", None, "persons returned (events)", minimum=0, maximum=3000000,
              required=True),
            field("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv",
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*", required=True),
        ],
        "primaryKey": ["fiscal_year"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="IMMIGRATION_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
