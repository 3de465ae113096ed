"""Build data/exp_entity_list_prc.csv: Entity List additions and counts for the PRC.

Input: the compilation's Entity List table, plus rows read with the search tool.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_exp_entity_list_prc.py --input FOLDER`` (or set
CHIPS_COMPILATION to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _chips_descriptions import (  # noqa: E402
    LICENSES_CC_BY_4_0,
    SOURCE_EARLIER_COMPILATION_OF_PUBLIC_SOURCES,
    SOURCE_PUBLIC_PAGES_READ_WITH_THE_2,
)
from _chips import READ  # noqa: E402

INPUTS = [
    Input("exp_entity_list_prc.csv", "earlier compilation of public sources for the CHIP and EXP claims, made for the project (not "
          "published; publisher and URL per row; docs/sources/chips_exp.md)",
          "4e7f213048f3ae988cb1e2158429a302b3ce10bfff712787302aec7c940412e9"),
]


def build(SRC: Path) -> pd.DataFrame:
    el = pd.read_csv(SRC / "exp_entity_list_prc.csv", keep_default_na=False).rename(
        columns={"as_of_or_rule_date": "date_or_period", "source": "source_page"})
    extra = pd.DataFrame([
        dict(date_or_period="2020-12-18", scope="entities of all countries added in one rule (incl. SMIC and 10 affiliates)",
             measure="additions", value=77, unit="entities",
             source_page="Thompson Hine SmarTrade, 'Commerce publishes additions to Entity List including China's SMIC', 2020-12",
             source_url="https://www.thompsonhinesmartrade.com/2020/12/commerce-publishes-additions-to-entity-list-including-chinas-smic-and-entities-supporting-chinas-human-rights-abuses-and-territorial-claims-to-the-south-china-sea/",
             note="effective 18 Dec 2020, Federal Register notice 22 Dec 2020"),
        dict(date_or_period="2020-12-18", scope="China-based entities added in one rule (incl. SMIC)", measure="additions",
             value=61, unit="entities", source_page="Telecoms.com, 'China's biggest chipmaker added to Entity List', 2020-12-22",
             source_url="https://www.telecoms.com/wireless-networking/china-s-biggest-chipmaker-added-to-entity-list",
             note="sixty-one of the 77 additions from China"),
    ])
    el = pd.concat([el, extra], ignore_index=True)
    el["found_by"] = ["earlier_compilation"] * (len(el) - 2) + ["search_tool"] * 2
    el["date_read"] = READ
    el = el[["date_or_period", "scope", "measure", "value", "unit", "source_page", "source_url", "found_by", "date_read", "note"]]
    return el


RESOURCE = {
    "name": "exp_entity_list_prc",
    "path": "exp_entity_list_prc.csv",
    "title": "BIS Entity List: PRC additions per rule, cumulative counts and stock",
    "description": ("measure = additions (one rule), cumulative count (additions since Jan 2021) or stock (entities on "
     "the list). Figures from BIS releases and testimony as reported; several are lower bounds (see "
     "note)."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [SOURCE_EARLIER_COMPILATION_OF_PUBLIC_SOURCES, SOURCE_PUBLIC_PAGES_READ_WITH_THE_2],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "fields": [
            field("date_or_period", "string", "Rule date or as-of date/period", required=True),
            field("scope", "string", "What is counted", required=True),
            field("measure", "string", "Kind of count", required=True,
              enum=["additions", "cumulative count", "stock"]),
            field("value", "integer", "Count", required=True, minimum=0),
            field("unit", "string", "Unit", required=True, enum=["entities", "entries"]),
            field("source_page", "string", "Source read", required=True),
            field("source_url", "string", "URL", required=True, pattern="https?://.+"),
            field("found_by", "string",
              ("How obtained: earlier_compilation = from an earlier compilation of public sources "
                   "(docs/sources/chips_exp.md)"), 
              required=True, enum=["earlier_compilation", "search_tool"]),
            field("date_read", "date", "Date read", required=True),
            field("note", "string", "Caveat (lower bound, secondary repost, ...)"),
        ],
        "primaryKey": ["date_or_period", "scope", "measure"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(input_folder(INPUTS, env="CHIPS_COMPILATION")), RESOURCE)
    describe(RESOURCE)
