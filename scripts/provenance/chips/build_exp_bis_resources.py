"""Build data/exp_bis_resources.csv: BIS appropriations, funding growth and licence workload.

No input files: every value below was read from the page named on its row.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_exp_bis_resources.py``
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field, write_csv  # noqa: E402
from _chips_descriptions import (  # noqa: E402
    FIELDS_PUBLISHER_TO_NOTE_2,
    SOURCE_EARLIER_COMPILATION_OF_PUBLIC_SOURCES,
    SOURCE_PUBLIC_PAGES_READ_WITH_THE_2,
)
from _chips import READ  # noqa: E402

ECD = "http://stage.exportcompliancedaily.com/article/2024/03/05/government-funding-deal-denies-bis-boost-adds-usda-to-cfius-2403040061"
GAO = "https://files.gao.gov/reports/GAO-25-107431/index.html"
FCW = "https://fcw.com/digital-government/2024/03/export-control-agency-lacks-funding-and-tech-manage-its-workload-official-says/395132/"


def build() -> pd.DataFrame:
    bis = [
        dict(period="FY2023", measure="appropriation_enacted", value=191, unit="USD_million", qualifier="",
             publisher="Export Compliance Daily (Warren News)", source_page="'Government Funding Deal Denies BIS Boost, Adds USDA to CFIUS', 2024-03-05",
             source_url=ECD, found_by="earlier_compilation", note="FY2024 deal keeps BIS at the FY2023 enacted level"),
        dict(period="FY2024", measure="appropriation_enacted", value=191, unit="USD_million", qualifier="",
             publisher="Export Compliance Daily (Warren News)", source_page="'Government Funding Deal Denies BIS Boost, Adds USDA to CFIUS', 2024-03-05",
             source_url=ECD, found_by="earlier_compilation", note="$191 million for BIS in FY2024"),
        dict(period="FY2024", measure="enacted_below_request", value=31, unit="USD_million", qualifier="",
             publisher="Export Compliance Daily (Warren News)", source_page="'Government Funding Deal Denies BIS Boost, Adds USDA to CFIUS', 2024-03-05",
             source_url=ECD, found_by="earlier_compilation", note="enacted level is $31 million below the administration's request"),
        dict(period="FY2013-FY2024", measure="funding_growth", value=97, unit="USD_million", qualifier="",
             publisher="GAO", source_page="GAO-25-107431, 'Export Controls: Commerce Should Improve Workforce Planning and Information Sharing', 2025-06",
             source_url=GAO, found_by="earlier_compilation", note="BIS funding grew by $97 million and roughly doubled, FY2013-FY2024"),
        dict(period="FY2013", measure="positions", value=403, unit="positions", qualifier="",
             publisher="GAO", source_page="GAO-25-107431, 2025-06", source_url=GAO, found_by="earlier_compilation", note=""),
        dict(period="FY2024", measure="positions", value=585, unit="positions", qualifier="",
             publisher="GAO", source_page="GAO-25-107431, 2025-06", source_url=GAO, found_by="earlier_compilation", note=""),
        dict(period="FY2026", measure="requested_increase", value=122, unit="USD_million", qualifier="",
             publisher="ExportPrac", source_page="'President Trump's FY2026 Budget Proposal', 2025-05",
             source_url="https://exportprac.com/stories/president-trumps-fy2026-budget-proposal,13747", found_by="earlier_compilation",
             note="additional $122 million for BIS, more than 50%"),
        dict(period="FY2026", measure="requested_increase_vs_fy2025_base", value=132, unit="USD_million", qualifier="",
             publisher="Export Compliance Daily (Warren News)", source_page="news digest, 2025-05",
             source_url="https://exportcompliancedaily.com/category/220?BC=bc_680c75f5e5ea2&p=1&search_id=13384",
             found_by="earlier_compilation", note="+$132m (77%) against the reduced FY2025 base"),
        dict(period="2012", measure="licence_applications_per_year", value=20000, unit="applications", qualifier="about",
             publisher="BIS (Under Secretary Estevez, House Foreign Affairs Committee testimony, Mar 2024)",
             source_page="FCW, 'Export control agency lacks funding and tech to manage its workload, official says', 2024-03",
             source_url=FCW, found_by="search_tool", note="roughly 20,000 per year in 2012"),
        dict(period="2023", measure="licence_applications_per_year", value=40000, unit="applications", qualifier="more than",
             publisher="BIS (Under Secretary Estevez, House Foreign Affairs Committee testimony, Mar 2024)",
             source_page="FCW, 'Export control agency lacks funding and tech to manage its workload, official says', 2024-03",
             source_url=FCW, found_by="search_tool", note="more than 40,000 per year 'now' (testimony of March 2024)"),
    ]
    bis = pd.DataFrame(bis).assign(date_read=READ)
    bis = bis[[c for c in bis.columns if c != "note"] + ["note"]]
    return bis


RESOURCE = {
    "name": "exp_bis_resources",
    "path": "exp_bis_resources.csv",
    "title": "BIS budget, staffing and licensing workload",
    "description": ("Enacted appropriations (FY2023-FY2024), the gap to the FY2024 request, GAO's FY2013-FY2024 funding "
     "growth and positions, the FY2026 requested increase, and licence applications a year (2012 vs 2023, "
     "BIS testimony). Derived amounts (FY2024 request, FY2013 level) are computed in notebook 07, not "
     "stored."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [SOURCE_EARLIER_COMPILATION_OF_PUBLIC_SOURCES, SOURCE_PUBLIC_PAGES_READ_WITH_THE_2],
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": ("This compilation: CC BY 4.0 (facts transcribed from the cited publications, with per-row "
             "source)"),
        },
        {
            "name": "other-at",
            "title": ("Cited publishers (SIA, IC Insights, TrendForce, news outlets, law firms) keep their "
             "copyright; only individual facts are cited, with publisher and URL per row"),
        },
        {
            "name": "public-domain-us-gov",
            "title": ("US government works (Federal Reserve, BIS, GAO, Federal Register) are public domain (17 "
             "U.S.C. 105)"),
        },
    ],
    "schema": {
        "fields": [
            field("period", "string", "Fiscal or calendar year or span", required=True),
            field("measure", "string", "Quantity", required=True,
              enum=[
                    "appropriation_enacted",
                    "enacted_below_request",
                    "funding_growth",
                    "positions",
                    "requested_increase",
                    "requested_increase_vs_fy2025_base",
                    "licence_applications_per_year",
                ]),
            field("value", "number", "Value", required=True, minimum=0),
            field("unit", "string", "Unit", required=True,
              enum=["USD_million", "positions", "applications"]),
            field("qualifier", "string",
              "'about' / 'more than' where the source gives an approximation or bound",
              enum=["about", "more than"]),
            *FIELDS_PUBLISHER_TO_NOTE_2,
        ],
        "primaryKey": ["period", "measure", "publisher"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(), RESOURCE)
    describe(RESOURCE)
