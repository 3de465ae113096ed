"""Build data/immigration_statistics.csv: single published immigration and border figures.

Input: the compilation's single-statistics table, plus the OIS 2020 flow report's LPR reduction (key
dhs_lpr_flow_2020); adds record_id.

The committed CSV was edited by hand after this build (commit 05e03cc: Strauss Center May 2020 metering count,
ST22); a re-run reproduces the build, not that edit, so review the diff before keeping one.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/immigration/build_immigration_statistics.py --input FOLDER``
(or set IMMIGRATION_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _immigration_descriptions import (  # noqa: E402
    LICENSES_PUBLIC_DOMAIN_US_GOV,
    SOURCE_SOURCE_KEYS_OF_EVERY_ROW,
    SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION,
)

INPUTS = [
    Input("us_immigration_single_statistics.csv", "earlier compilation of the immigration sources made for the project (not published; its README gives "
          "the public origin of every file; source keys expanded in data/immigration_sources.csv)",
          "a61e10a918e9a4b42fc76f90c5d969010354d5f0ddec2306c64b4fc48f4adc31"),
]


def build(SRC: Path) -> pd.DataFrame:
    st = pd.read_csv(SRC / "us_immigration_single_statistics.csv", dtype=str, keep_default_na=False)
    extra = pd.DataFrame([{
        "statistic": "reduction in grants of LPR status, FY2020 vs FY2019", "geography": "United States",
        "period_start": "2019-10-01", "period_end": "2020-09-30", "value": "31", "unit": "percent",
        "count_basis": "persons obtaining LPR status", "source": "dhs_lpr_flow_2020",
        "note": "OIS annual flow report: 'a 31 percent reduction in U.S. grants of LPR status compared to 2019'"}])
    st = pd.concat([st, extra], ignore_index=True)
    st.insert(0, "record_id", [f"ST{i+1:02d}" for i in range(len(st))])
    return st


RESOURCE = {
    "name": "immigration_statistics",
    "path": "immigration_statistics.csv",
    "title": ("Single published immigration and border figures (detentions, metering lists, separations, MPP, "
     "Title 42 totals)"),
    "description": ("One row per published figure (record_id): statistic, geography, period, value and what is counted. "
     "Derived rows (Title 42 totals) are sums of border_encounters_monthly and say so in note."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION, SOURCE_SOURCE_KEYS_OF_EVERY_ROW],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("record_id", "string", unique=True, pattern="ST[0-9]{2}", required=True),
            field("statistic", "string", required=True),
            field("geography", "string", required=True),
            field("period_start", "date", format="default", required=True),
            field("period_end", "date", format="default", required=True),
            field("value", "number", minimum=0, required=True),
            field("unit", "string", required=True),
            field("count_basis", "string", required=True),
            field("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv",
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*", required=True),
            field("note", "string"),
        ],
        "primaryKey": ["record_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="IMMIGRATION_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
