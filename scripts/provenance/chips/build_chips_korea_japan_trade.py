"""Build data/chips_korea_japan_trade.csv: Korea's and Japan's chip trade with China.

Input: the compilation's Korean export table, plus rows read from the pages named.

The committed CSV was edited by hand after this build (commit defaadd: the ZDNet Korea row re-sourced); a re-run reproduces the build, not
those edits, so review the diff before keeping one.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_chips_korea_japan_trade.py --input FOLDER`` (or set
CHIPS_COMPILATION to the folder).
"""
import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _chips_descriptions import (  # noqa: E402
    FIELDS_PUBLISHER_TO_NOTE,
    LICENSES_CC_BY_4_0,
    SOURCE_PUBLIC_PAGES_READ_WITH_THE,
)
from _chips import READ, split_source  # noqa: E402

INPUTS = [
    Input("korea_semiconductor_exports_by_destination.csv", "earlier compilation of public sources for the CHIP and EXP claims, made for the project (not "
          "published; publisher and URL per row; docs/sources/chips_exp.md)",
          "e45d7001ddbe80d2e7d9d5b7e32c7f6f0ebe12a1ba9d1a33908df11325a235ad"),
]


def build(SRC: Path) -> pd.DataFrame:
    t = []
    kor = pd.read_csv(SRC / "korea_semiconductor_exports_by_destination.csv")
    for r in kor.itertuples():
        pub, url = split_source(r.source)
        product = "all ICT products" if "ICT exports" in r.measure else "semiconductors"
        t.append(dict(reporter="South Korea", partner=r.destination, flow="exports", period=r.period, product=product,
                      measure="value" if r.unit == "USD_billion" else "share_of_reporter_exports",
                      value=r.value, unit=r.unit, publisher=re.sub(r"^.*\((.*)\)$", r"\1", r.measure) if "(" in r.measure else r.measure,
                      source_page=pub, source_url=url, found_by="earlier_compilation", date_read=READ, note=r.measure))
    t.append(dict(reporter="South Korea", partner="China", flow="exports", period="2023", product="all goods",
                  measure="value", value=124.8, unit="USD_billion", publisher="MOTIE",
                  source_page="Korea JoongAng Daily, 'U.S. overtakes China as top export partner for first time in 20 years', 2024-01-01",
                  source_url="https://koreajoongangdaily.joins.com/news/2024-01-01/business/industry/US-overtakes-China-as-top-export-partner-for-first-time-in-20-years-/1948547",
                  found_by="earlier_compilation", date_read=READ,
                  note="full-year 2023: China stayed Korea's largest export market; the US led only in monthly data (Dec 2023, first time since Jun 2003)"))
    t.append(dict(reporter="China", partner="South Korea", flow="imports", period="year reported as 'last year' (likely 2023)",
                  product="semiconductors", measure="value", value=65.64, unit="USD_billion", publisher="China customs",
                  source_page="ZDNet Korea on China customs data (per the compilation's claim_sources_chip.csv, CHIP-24)",
                  source_url="https://search.zdnet.co.kr/", found_by="earlier_compilation", date_read=READ,
                  note="import-side measure, down 22.4%; year not explicit in the stored text"))
    t.append(dict(reporter="Japan", partner="China", flow="exports", period="2024-Q1",
                  product="equipment for producing chips and LCD panels, and components", measure="value", value=3.32,
                  unit="USD_billion", publisher="Japanese trade statistics (Nikkei Asia)",
                  source_page="davesipaq.com summarising Nikkei Asia, 'For the third consecutive quarter, half of Japan's chip-making equipment is exported to China', 2024-05",
                  source_url="https://davesipaq.com/for-the-third-consecutive-quarter-half-of-japans-chip-making-equipment-is-exported-to-china",
                  found_by="earlier_compilation", date_read=READ, note="up 82%; about half of Japan's exports of such equipment, third quarter in a row"))
    trade = pd.DataFrame(t)
    trade["publisher"] = trade["publisher"].replace({"KITA": "KITA", "KCCI": "KCCI", "ICT trade statistics": "Ministry of Science and ICT"})
    trade.loc[trade["note"].str.contains("ICT exports", na=False), "publisher"] = "Ministry of Science and ICT"
    return trade


RESOURCE = {
    "name": "chips_korea_japan_trade",
    "path": "chips_korea_japan_trade.csv",
    "title": "Korea's and Japan's chip trade with China",
    "description": ("Korea's semiconductor exports by destination (KITA, Jan-Sep 2022; KCCI shares; Ministry of Science "
     "and ICT totals), Korea's total exports to China in 2023 (MOTIE), China's customs imports of Korean "
     "chips, and Japan's exports of chip-making equipment to China (Japanese trade statistics via "
     "Nikkei). Product and measure are columns: ICT-wide and semiconductor rows must not be mixed."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [SOURCE_PUBLIC_PAGES_READ_WITH_THE],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "fields": [
            field("reporter", "string", "Reporting country", required=True),
            field("partner", "string", "Partner (destination for exports, origin for imports)",
              required=True),
            field("flow", "string", "exports or imports", required=True, enum=["exports", "imports"]),
            field("period", "string", "Period covered (e.g. '2022-01..2022-09', '2023', '2024-Q1')",
              required=True),
            field("product", "string", "Product scope", required=True),
            field("measure", "string", "value or share of the reporter's exports of the product",
              required=True, enum=["value", "share_of_reporter_exports"]),
            field("value", "number", "Value (unit in the unit column)", required=True, minimum=0),
            field("unit", "string", "Unit", required=True,
              enum=["USD_billion", "pct_of_korea_chip_exports"]),
            *FIELDS_PUBLISHER_TO_NOTE,
        ],
        "primaryKey": ["reporter", "partner", "flow", "period", "product", "measure", "publisher"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(input_folder(INPUTS, env="CHIPS_COMPILATION")), RESOURCE)
    describe(RESOURCE)
