"""Build data/chips_chips_act.csv: appropriations and incentive parameters of the CHIPS Act.

No input files: every amount below was read from the page named on its row.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_chips_chips_act.py``
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
)
from _chips import READ  # noqa: E402


def build() -> pd.DataFrame:
    act = [
        dict(item="chips_act_total_appropriation", description="Appropriations of Division A (CHIPS Act of 2022), over five years",
             value_low=52.7, value_high=52.7, unit="USD_billion", legal_basis="P.L. 117-167 (9 Aug 2022), Division A",
             publisher="Morrison & Foerster (GovCon blog)",
             source_page="'CHIPS and Science Act makes available billions of dollars for the United States science and technology sectors', 2022-08",
             source_url="https://govcon.mofo.com/topics/chips-and-science-act-makes-available-billions-of-dollars-for-the-united-states-science-and-technology-sectors",
             found_by="earlier_compilation"),
        dict(item="manufacturing_incentives", description="Subsidies for semiconductor production (CHIPS for America Fund, incentives)",
             value_low=39, value_high=39, unit="USD_billion", legal_basis="P.L. 117-167, Division A",
             publisher="news wire report (White House statement)", source_page="'White House touts $11 billion US semiconductor R&D', 2023",
             source_url="https://fvbb.com/ns/white-house-touts-11-billion-us/183497", found_by="earlier_compilation"),
        dict(item="research_and_development", description="CHIPS research and development (NSTC, advanced packaging programme, Manufacturing USA, metrology)",
             value_low=11, value_high=11, unit="USD_billion", legal_basis="P.L. 117-167, Division A",
             publisher="news wire report (White House statement)", source_page="'White House touts $11 billion US semiconductor R&D', 2023",
             source_url="https://fvbb.com/ns/white-house-touts-11-billion-us/183497", found_by="earlier_compilation"),
        dict(item="direct_funding_earmark", description="Part of the incentives earmarked for direct funding in the commercial-fabrication NOFO",
             value_low=38.2, value_high=38.2, unit="USD_billion", legal_basis="CHIPS Incentives Program NOFO (Feb 2023)",
             publisher="Moss Adams", source_page="'Overview of Funding Opportunities for the CHIPS Act', 2024-05",
             source_url="https://mossadams.com/articles/2024/05/notice-of-funding-chips-act", found_by="earlier_compilation"),
        dict(item="direct_funding_share_of_capex", description="Expected direct funding as a share of project capital expenditure",
             value_low=5, value_high=15, unit="pct", legal_basis="CHIPS Incentives Program NOFO (Feb 2023)",
             publisher="Moss Adams", source_page="'Overview of Funding Opportunities for the CHIPS Act', 2024-05",
             source_url="https://mossadams.com/articles/2024/05/notice-of-funding-chips-act", found_by="earlier_compilation"),
        dict(item="total_incentives_cap_share_of_capex", description="Cap on total CHIPS incentives as a share of project capital expenditure",
             value_low=35, value_high=35, unit="pct", legal_basis="CHIPS Incentives Program NOFO (Feb 2023)",
             publisher="Moss Adams", source_page="'Overview of Funding Opportunities for the CHIPS Act', 2024-05",
             source_url="https://mossadams.com/articles/2024/05/notice-of-funding-chips-act", found_by="earlier_compilation"),
        dict(item="advanced_manufacturing_investment_credit", description="Investment tax credit for semiconductor manufacturing equipment and facilities",
             value_low=25, value_high=25, unit="pct", legal_basis="P.L. 117-167, Division A (investment tax credit)",
             publisher="Wikipedia (mirror)", source_page="'CHIPS and Science Act' encyclopedia entry, 2024-04 snapshot",
             source_url="https://encyclopedia.datana.cloud/content/wikipedia_en_all_mini_2024-04/A/CHIPS_and_Science_Act",
             found_by="search_tool"),
    ]
    act = pd.DataFrame(act).assign(date_read=READ)
    return act


RESOURCE = {
    "name": "chips_chips_act",
    "path": "chips_chips_act.csv",
    "title": "CHIPS and Science Act amounts and incentive parameters",
    "description": ("Appropriations of Division A of P.L. 117-167 and parameters of the CHIPS Incentives Program NOFO "
     "(Feb 2023), as reported by law firms, the White House and news wires. A range is "
     "value_low-value_high; a single amount has value_low = value_high. The named amounts do not exhaust "
     "the US$52.7bn (the notebook computes the remainder)."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_PUBLIC_PAGES_READ_WITH_THE,
        {
            "title": "CHIPS and Science Act, P.L. 117-167 (9 Aug 2022)",
            "path": "https://www.congress.gov/bill/117th-congress/house-bill/4346",
        },
    ],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "fields": [
            field("item", "string", "Identifier of the amount or parameter", required=True, unique=True,
              pattern="[a-z0-9_]+"),
            field("description", "string", "What the amount is", required=True),
            field("value_low", "number", "Amount, or low end of a range", required=True, minimum=0),
            field("value_high", "number", "Amount, or high end of a range", required=True, minimum=0),
            field("unit", "string", "Unit", required=True, enum=["USD_billion", "pct"]),
            field("legal_basis", "string", "Legal instrument that fixes the amount", required=True),
            *FIELDS_PUBLISHER_TO_DATE_READ,
        ],
        "primaryKey": ["item"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(), RESOURCE)
    describe(RESOURCE)
