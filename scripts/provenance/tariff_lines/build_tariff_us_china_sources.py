"""Build data/tariff_us_china_sources.csv: the sources the product-level tariff tables cite by key.

No input files: every source below (title, original URL, the copy actually read, what was taken from it) was read on
the date in READ; nothing is typed from memory.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariff_lines/build_tariff_us_china_sources.py``
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field, write_csv  # noqa: E402

READ = "2026-12-03"
SOURCES = [
    # source_id, kind, title, url, copy_read, note
    ("ustr_83fr28710_annex", "legal_text",
     "USTR, Notice of Action and Request for Public Comment Concerning Proposed Determination of Action Pursuant to "
     "Section 301, 83 FR 28710 (June 20, 2018), FR Doc. 2018-13248: Annex A/B (List 1) and Annex C (proposed List 2)",
     "https://ustr.gov/sites/default/files/2018-13248.pdf",
     "github.com/mitsuoxv/us-tariffs-on-china @ edf02e95914a657d894a85797fad5c8a5e42c208, data/2018-13248.pdf",
     "Notice text: 818 tariff subheadings, approximate annual trade value $34 billion; Annex C: 284 subheadings, $16 billion."),
    ("ustr_list2_final", "legal_text",
     "USTR, final second-tranche list of HTS subheadings (the 279 subheadings of 83 FR 40823, August 16, 2018)",
     "https://ustr.gov/issue-areas/enforcement/section-301-investigations/tariff-actions",
     "github.com/mitsuoxv/us-tariffs-on-china @ edf02e95914a657d894a85797fad5c8a5e42c208, data/Final Second Tranche.pdf",
     "One subheading a line with its description."),
    ("ustr_list3_annex", "legal_text",
     "USTR, Tariff List - September 17, 2018 (annex to 83 FR 47974, September 21, 2018): Part 1 full 8-digit "
     "subheadings, Part 2 subheadings covered except named 10-digit numbers",
     "https://ustr.gov/issue-areas/enforcement/section-301-investigations/tariff-actions",
     "github.com/mitsuoxv/us-tariffs-on-china @ edf02e95914a657d894a85797fad5c8a5e42c208, data/Tariff List-09.17.18.pdf",
     "The list before the technical corrections of 83 FR 49153."),
    ("usitc_china_tariffs_2020", "official_statistic",
     "USITC, China Tariffs (Last Updated January 1, 2020): HTS 8-digit subheadings and the chapter 99 heading "
     "(9903.88.01-.04, .15, .16) providing their additional tariff",
     "https://hts.usitc.gov/view/China%20Tariffs?release=2020HTSABasicB",
     "github.com/mwaugh0328/tradewar-tracker @ fbe786ef31d7199cfcb3e2bb0e81ebbd4162317f, data/China-Tariffs.xlsx "
     "(the USITC PDF converted to Excel)",
     "Used for Lists 4A (9903.88.15) and 4B (9903.88.16); 9903.88.16 marked suspended (84 FR 243 per the table)."),
    ("usitc_hts2026r6_ch99", "legal_text",
     "USITC, Harmonized Tariff Schedule of the United States (2026) Revision 6, chapter 99: U.S. notes 20 and 31 to "
     "subchapter III and headings 9903.88.01-.16, 9903.91.01-.11, 9903.92.10",
     "https://hts.usitc.gov/",
     "github.com/Budget-Lab-Yale/tariff-rate-tracker @ 394ca809f78682752e00bbbb468a5e17ed7939f6, "
     "data/us_notes/chapter99_2026_rev_6.txt (text extracted from the USITC PDF)",
     "Note 31(b) items (1)-(4) deleted by the compiler (89 FR 76581); rates read from the heading texts."),
    ("fr_84fr43304_repost", "legal_text",
     "USTR, Notice of Modification of Section 301 Action, 84 FR 43304 (August 20, 2019), page 43304 (repost)",
     "https://docslib.org/doc/1172219/federal-register-vol-84-no-161-tuesday-august-20-2019",
     "repost of the Federal Register page on docslib.org (also on scribd.com)",
     "Tranche 1: 818 subheadings, $34bn; tranche 2: 279, $16bn; tranche 3: 5,733 subheadings, $200bn."),
    ("lexology_83fr47974", "secondary_report",
     "Lexology summary of USTR's notice of modification, 83 FR 47974 (September 21, 2018)",
     "https://www.lexology.com/library/detail.aspx?g=84517525-cbf6-4d25-b57a-5e07c3c5f664",
     "", "List 3 reduced from 6,031 to 5,745 full and partial tariff subheadings, approximate annual trade value $200 billion."),
    ("census_api_hs10_2024_twt", "official_statistic",
     "US Census Bureau international trade API, imports by HS10, country 5700 (China), December 2024 year to date: "
     "CON_VAL_YR (imports for consumption, customs value) and CAL_DUT_YR (calculated duty)",
     "https://api.census.gov/data/timeseries/intltrade/imports/hs",
     "github.com/tradewartracker/trade-war-redux-2025 @ e38e38d8c572efca8ec8d4b2182105a9c79b1995, "
     "data/2024-hs10-imports5700.parquet (downloaded from the Census API by the Trade War Tracker project)",
     "Imports for consumption, not general imports."),
    ("comtrade_usa_chn_2017_hs6", "official_statistic",
     "UN Comtrade, reporter USA, partner China, imports, annual 2017, HS (H5) 6-digit: the US Census Bureau's "
     "statistics as reported by the United States to the UN (valued CIF)",
     "https://comtradeplus.un.org/",
     "github.com/nikhilm2009/us-china-tariff-disruption @ 8a0f0ad9639e0d45c565ca92aa070ef58761f934, "
     "data_raw/us_china.rds (pulled from the Comtrade API with the comtradr R package 1.0.5; sha256 "
     "e78aa3420c7692cd5f9188ed789902721a17c01897a3bbd2d7e8c56faa23e2b7)",
     "2017 imports by HS6 (4,539 codes, $525.76bn CIF, 4.1% above Census's customs-value total of general imports)."),
    ("tariff_actions", "secondary_report",
     "This project's data/tariff_actions.csv (rows A05-A23 name their own URLs: USTR notices as reported by law firms "
     "and trade press; White House fact sheet of 2024-05-14 via NPR)", "", "data/tariff_actions.csv",
     "Rate steps of 2018-2020, and the 2024 items whose HTS entry was later deleted (EV batteries A17, gloves A23)."),
]


def build() -> pd.DataFrame:
    sources = pd.DataFrame(SOURCES, columns=["source_id", "kind", "title", "url", "copy_read", "note"])
    sources["read_on"] = READ
    return sources


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "tariff_us_china_sources",
    "path": "tariff_us_china_sources.csv",
    "title": ("Sources of the product-level tariff tables (keys used by tariff_us_china_hs8, _rates, _lists and "
     "trade_us_imports_china_hs10_2024, trade_us_imports_china_hs6_2017)"),
    "description": ("One row per source: kind, title, original URL, the copy actually read (repository and commit) and "
     "what was taken from it."),
    "sources": [
        {
            "title": "Compiled for this project",
            "path": "scripts/provenance/tariff_lines/build_tariff_us_china_sources.py",
            "description": "Read 2026-12-03.",
        },
    ],
    "licenses": [{"name": "CC0-1.0", "title": "Bibliographic references"}],
    "schema": {
        "fields": [
            field("source_id", "string", "Key", required=True, unique=True, pattern="[a-z0-9_]+"),
            field("kind", "string", "Kind of source", required=True,
              enum=["legal_text", "official_statistic", "secondary_report"]),
            field("title", "string", "Publication", required=True),
            field("url", "string", "Original location"),
            field("copy_read", "string", "The copy read (repository @ commit, path)"),
            field("note", "string", "What was taken from it"),
            field("read_on", "date", "Date read", required=True),
        ],
        "primaryKey": ["source_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(), RESOURCE)
    describe(RESOURCE)
