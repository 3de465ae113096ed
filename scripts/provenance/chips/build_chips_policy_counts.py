"""Build data/chips_policy_counts.csv: small sourced counts and amounts that the documents' figures add up.

No input files: every value below was read from the page named on its row.

The committed CSV was edited by hand after this build (commit 5560c93, 46ba021: India 2023 pledges, TSMC N3 node); a re-run reproduces the build, not
those edits, so review the diff before keeping one.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_chips_policy_counts.py``
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field, write_csv  # noqa: E402
from _chips_descriptions import (  # noqa: E402
    FIELDS_PUBLISHER_TO_DATE_READ,
    LICENSES_CC_BY_4_0,
    SOURCE_PUBLIC_PAGES_READ_WITH_THE,
    SOURCE_WHITE_HOUSE_FACT_SHEETS_STATEMENTS,
)
from _chips import READ  # noqa: E402

TH_DEC24 = "https://www.thompsonhinesmartrade.com/2024/12/bis-seeks-to-further-strengthen-export-controls-targeting-chinas-advanced-semiconductor-industry/"

BM = "https://www.globalcompliancenews.com/2023/06/02/https-sanctionsnews-bakermckenzie-com-japanese-government-imposes-additional-controls-on-semiconductor-related-items-_05302023/"
CAS = "https://cassonliving.co.uk/breaking-down-all-of-trumps-day-1-presidential-actions/"
CHR = "https://www.chrobinson.com/en-au/resources/insights-and-advisories/trade-tariff-insights/10-26-2022/"
BLB = "https://www.bloomberg.com/news/articles/2023-08-23/huawei-building-secret-chip-plants-in-china-to-bypass-us-sanctions-group-warns"
AB = "https://americanbazaaronline.com/?p=470362"
SM = "https://www.semimedia.cc/6111.html"
CN = [
    # count_id, group, description, value, unit, qualifier, publisher, source_page, source_url, found_by, note
    ("jp_items_cleaning", "japan_2023_sme_items", "cleaning equipment items", 3, "items", "", "Baker McKenzie", "2023-06-02", BM, "earlier_compilation", ""),
    ("jp_items_deposition", "japan_2023_sme_items", "deposition equipment items", 11, "items", "", "Baker McKenzie", "2023-06-02", BM, "earlier_compilation", ""),
    ("jp_items_annealing", "japan_2023_sme_items", "annealing equipment items", 1, "items", "", "Baker McKenzie", "2023-06-02", BM, "earlier_compilation", ""),
    ("jp_items_lithography", "japan_2023_sme_items", "lithography equipment items", 4, "items", "", "Baker McKenzie", "2023-06-02", BM, "earlier_compilation", ""),
    ("jp_items_etching", "japan_2023_sme_items", "etching equipment items", 3, "items", "", "Baker McKenzie", "2023-06-02", BM, "earlier_compilation", ""),
    ("jp_items_inspection", "japan_2023_sme_items", "inspection equipment items", 1, "items", "", "Baker McKenzie", "2023-06-02", BM, "earlier_compilation", ""),
    ("day1_executive_orders", "trump_day1_2025", "executive orders signed on 20 Jan 2025", 26, "documents", "", "syndicated news article", "'Breaking Down All of Trump's Day 1 Presidential Actions', 2025-01", CAS, "earlier_compilation", ""),
    ("day1_memoranda", "trump_day1_2025", "presidential memoranda signed on 20 Jan 2025", 12, "documents", "", "syndicated news article", "'Breaking Down All of Trump's Day 1 Presidential Actions', 2025-01", CAS, "earlier_compilation", ""),
    ("day1_proclamations", "trump_day1_2025", "proclamations signed on 20 Jan 2025", 4, "documents", "", "syndicated news article", "'Breaking Down All of Trump's Day 1 Presidential Actions', 2025-01", CAS, "earlier_compilation", ""),
    ("day1_actions_posted", "trump_day1_2025_posted", "presidential actions posted on the White House website on 20 Jan 2025 (incl. nominations and other items)", 46, "documents", "", "syndicated news article", "'Breaking Down All of Trump's Day 1 Presidential Actions', 2025-01", CAS, "earlier_compilation", ""),
    ("eccn_new_2022_10_07", "bis_oct2022_new_eccns", "new ECCN effective 7 Oct 2022 (3B090)", 1, "ECCNs", "", "C.H. Robinson", "'BIS Releases the Advanced Computing and Semiconductor Manufacturing Rule', 2022-10-26", CHR, "search_tool", ""),
    ("eccn_new_2022_10_21", "bis_oct2022_new_eccns", "new ECCNs effective 21 Oct 2022 (3A090, 4A090, 4D090)", 3, "ECCNs", "", "C.H. Robinson", "'BIS Releases the Advanced Computing and Semiconductor Manufacturing Rule', 2022-10-26", CHR, "search_tool", ""),
    ("bis_rules_2024_12", "biden_final_rules", "BIS rulemakings issued 2 Dec 2024", 2, "rules", "", "Thompson Hine SmarTrade", "2024-12", TH_DEC24, "earlier_compilation", "Entity List rule and FDP/SME interim final rule"),
    ("bis_rules_2025_01", "biden_final_rules", "BIS rules issued in the second week of Jan 2025 (AI Diffusion IFR, Foundry Due Diligence IFR)", 2, "rules", "", "FR Tracker; WTTL", "90 FR 4544 record; 'Foundry Due Diligence Measures Rule Released', 2025-01-15", "https://www.wttlonline.com/stories/bis-extends-comment-period-on-chips-rule,13342", "earlier_compilation", ""),
    ("huawei_fabs_acquired", "huawei_fabs", "existing fabs acquired by Huawei", 2, "fabs", "at least", "Bloomberg (citing an SIA presentation)", "'Huawei Building Secret Network for Chips, Trade Group Warns', 2023-08-23", BLB, "earlier_compilation", ""),
    ("huawei_fabs_building", "huawei_fabs", "fabs Huawei is building", 3, "fabs", "at least", "Bloomberg (citing an SIA presentation)", "'Huawei Building Secret Network for Chips, Trade Group Warns', 2023-08-23", BLB, "earlier_compilation", ""),
    ("gulf_chips_g42", "gulf_ai_chip_approvals", "Nvidia chips approved for UAE's G42 (GB300 equivalents)", 35000, "chips", "up to", "American Bazaar (based on CNBC)", "report on Commerce statement of 19 Nov 2025", AB, "earlier_compilation", ""),
    ("gulf_chips_humain", "gulf_ai_chip_approvals", "Nvidia chips approved for Saudi Arabia's Humain (GB300 equivalents)", 35000, "chips", "up to", "American Bazaar (based on CNBC)", "report on Commerce statement of 19 Nov 2025", AB, "earlier_compilation", ""),
    ("samsung_xian_phase1", "samsung_xian", "Samsung Xi'an NAND fab, phase I investment", 10.8, "USD_billion", "", "SemiMedia", "'Samsung to invest $8 billion in Xi'an chip plant', 2019-12", SM, "earlier_compilation", ""),
    ("samsung_xian_phase2", "samsung_xian", "Samsung Xi'an NAND fab, phase II total investment (2017-2021)", 15, "USD_billion", "", "SemiMedia", "'Samsung to invest $8 billion in Xi'an chip plant', 2019-12", SM, "earlier_compilation", ""),
    ("huawei_state_funding", "huawei_state_funding", "estimated state funding for Huawei's chip fabs since 2021 (SIA estimate)", 30, "USD_billion", "", "Bloomberg (citing an SIA presentation)", "'Huawei Building Secret Network for Chips, Trade Group Warns', 2023-08-23", BLB, "earlier_compilation", "'an estimated $30 billion in state funding'"),
    ("micron_hiroshima", "micron_japan_investment", "Micron's planned investment in Japan (Hiroshima, EUV 1-gamma DRAM)", 500, "JPY_billion", "up to", "CXOTech (report of Micron/Nikkei announcement)", "'Micron will invest $3.6 billion in Japan for next-generation memory chips', 2023-05", "https://www.cxotech.com/micron-will-invest-3-6-billion-in-japan-for-next-generation-memory-chips/", "earlier_compilation", ""),
    ("smic_subsidy_cny", "smic_subsidy_2022", "SMIC government subsidies 2022, in yuan", 1.95, "CNY_billion", "", "South China Morning Post (Wind compilation of filings)", "'China gave 190 chip firms US$1.75 billion in subsidies in 2022', 2023-05-07", "https://www.scmp.com/tech/tech-war/article/3219697/china-gave-190-chip-firms-us175-billion-subsidies-2022-it-seeks-semiconductor-self-sufficiency", "earlier_compilation", ""),
    ("smic_subsidy_usd", "smic_subsidy_2022_usd", "SMIC government subsidies 2022, in dollars as converted by SCMP", 0.2821, "USD_billion", "", "South China Morning Post (Wind compilation of filings)", "'China gave 190 chip firms US$1.75 billion in subsidies in 2022', 2023-05-07", "https://www.scmp.com/tech/tech-war/article/3219697/china-gave-190-chip-firms-us175-billion-subsidies-2022-it-seeks-semiconductor-self-sufficiency", "earlier_compilation", ""),
]


def build() -> pd.DataFrame:
    cn = pd.DataFrame(CN, columns=["count_id", "group", "description", "value", "unit", "qualifier", "publisher", "source_page",
                                   "source_url", "found_by", "note"])
    cn.insert(len(cn.columns) - 1, "date_read", READ)
    return cn


RESOURCE = {
    "name": "chips_policy_counts",
    "path": "chips_policy_counts.csv",
    "title": "Sourced counts behind notebook 07's internal-arithmetic checks",
    "description": ("Small counts and amounts that the documents' figures are sums of (items per process step in Japan's "
     "2023 controls, Day-1 presidential documents, new ECCNs of Oct 2022, BIS rules of Dec 2024-Jan 2025, "
     "Huawei-linked fabs, Gulf chip approvals, Samsung Xi'an phases). Rows of one group are added up in "
     "the notebook."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_PUBLIC_PAGES_READ_WITH_THE,
        {
            "title": ("Micron and Applied Materials announcements of investments in India, 2023-06-22 (via "
             "Benzinga/Reuters on Yahoo Finance)"),
            "path": "https://finance.yahoo.com/news/micron-braces-semiconductor-assembly-test-152027106.html",
        },
        {
            "title": "TSMC, start of 3 nm volume production, 2022-12-29 (via Evertiq)",
            "path": "https://evertiq.com/design/53066",
        },
        SOURCE_WHITE_HOUSE_FACT_SHEETS_STATEMENTS,
    ],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "fields": [
            field("count_id", "string", "Identifier", required=True, unique=True, pattern="[a-z0-9_]+"),
            field("group", "string", "Rows that are summed together", required=True, pattern="[a-z0-9_]+"),
            field("description", "string", "What is counted", required=True),
            field("value", "number", "Count or amount", required=True, minimum=0),
            field("unit", "string", "Unit", required=True),
            field("qualifier", "string", "'at least' / 'up to' where the source gives a bound",
              enum=["at least", "up to"]),
            *FIELDS_PUBLISHER_TO_DATE_READ,
            field("note", "string", "Caveat"),
        ],
        "primaryKey": ["count_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(), RESOURCE)
    describe(RESOURCE)
