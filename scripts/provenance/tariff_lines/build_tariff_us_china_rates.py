"""Build data/tariff_us_china_rates.csv: the rate schedule of the Section 301 chapter-99 headings on products of China.

No input files: the rate steps are written out below. Rates and dates of the 2024 four-year review as written in the
headings of USITC HTS 2026 Revision 6, chapter 99 (9903.91.01-.11, 9903.92.10); the 2018-2020 steps as in
data/tariff_actions.csv (rows A05-A13, each naming its USTR notice). build_tariff_us_china_hs8.py reads the schedule
from here (which heading belongs to which list, and from when).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariff_lines/build_tariff_us_china_rates.py``
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field, write_csv  # noqa: E402
from _tariff_lines_descriptions import LICENSES_PUBLIC_DOMAIN_US_GOV  # noqa: E402

HTS = "usitc_hts2026r6_ch99"
# The rate schedule of each chapter-99 heading: (heading, list_id, action, effective_date, end_date, pct, status,
# source_id). Rates of the 2024 review as written in the HTS headings; the 2018-2020 steps as in tariff_actions.
RATES = [
    ("9903.88.01", "list1", "List 1 imposed", "2018-07-06", "", 25.0, "in_force", "tariff_actions_A05"),
    ("9903.88.02", "list2", "List 2 imposed", "2018-08-23", "", 25.0, "in_force", "tariff_actions_A07"),
    ("9903.88.03", "list3", "List 3 imposed", "2018-09-24", "2019-05-09", 10.0, "in_force", "tariff_actions_A08"),
    ("9903.88.03", "list3", "List 3 raised", "2019-05-10", "", 25.0, "in_force", "tariff_actions_A09"),
    ("9903.88.04", "list3", "List 3 imposed (partial lines)", "2018-09-24", "2019-05-09", 10.0, "in_force", "tariff_actions_A08"),
    ("9903.88.04", "list3", "List 3 raised (partial lines)", "2019-05-10", "", 25.0, "in_force", "tariff_actions_A09"),
    ("9903.88.15", "list4a", "List 4A imposed", "2019-09-01", "2020-02-13", 15.0, "in_force", "tariff_actions_A11"),
    ("9903.88.15", "list4a", "List 4A cut (Phase One)", "2020-02-14", "", 7.5, "in_force", "tariff_actions_A13"),
    ("9903.88.16", "list4b", "List 4B scheduled, suspended", "2019-12-15", "", 15.0, "suspended", "tariff_actions_A12"),
    ("9903.91.01", "review2024", "Four-year review +25%", "2024-09-27", "", 25.0, "in_force", HTS),
    ("9903.91.02", "review2024", "Four-year review +50%", "2024-09-27", "", 50.0, "in_force", HTS),
    ("9903.91.03", "review2024", "Four-year review +100%", "2024-09-27", "", 100.0, "in_force", HTS),
    ("9903.91.04", "review2024", "Four-year review +25% (face masks, 2025)", "2025-01-01", "2025-12-31", 25.0, "in_force", HTS),
    ("9903.91.05", "review2024", "Four-year review +50% (2025)", "2025-01-01", "", 50.0, "in_force", HTS),
    ("9903.91.06", "review2024", "Four-year review +25% (2026)", "2026-01-01", "", 25.0, "in_force", HTS),
    ("9903.91.07", "review2024", "Four-year review +50% (2026)", "2026-01-01", "", 50.0, "in_force", HTS),
    ("9903.91.08", "review2024", "Four-year review +100% (2026)", "2026-01-01", "", 100.0, "in_force", HTS),
    ("9903.91.11", "review2024", "Four-year review +25% (tungsten, 2025)", "2025-01-01", "", 25.0, "in_force", HTS),
    ("9903.92.10", "review2024", "Four-year review +25% (ship-to-shore cranes)", "2024-09-27", "", 25.0, "in_force", HTS),
]
RATE_COLUMNS = ["heading", "list_id", "action", "effective_date", "end_date", "additional_duty_pct", "status", "source_id"]


def build() -> pd.DataFrame:
    return pd.DataFrame(RATES, columns=RATE_COLUMNS)


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "tariff_us_china_rates",
    "path": "tariff_us_china_rates.csv",
    "title": "Rate schedule of the Section 301 chapter-99 headings on products of China, 2018-2026",
    "description": ("One row per rate step of a heading: the additional ad valorem duty in percent from effective_date "
     "(to end_date when set). status=suspended: announced but never in force (List 4B). Review rates and "
     "dates as written in the HTS 2026 Rev. 6 headings and note 31; the 2018-2020 steps as in "
     "tariff_actions (List 3 raised for goods exported from 2019-05-10; PIIE dates that step 2019-06-01)."),
    "sources": [
        {
            "title": ("USITC HTS 2026 Rev. 6 chapter 99 headings 9903.91.01-.11 and 9903.92.10; "
             "data/tariff_actions.csv rows A05-A13 (USTR notices as reported, each row names its URL)"),
            "path": "scripts/provenance/tariff_lines/build_tariff_us_china_rates.py",
            "description": "Read 2026-12-03.",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("heading", "string", "Chapter 99 heading", required=True,
              enum=[
                    "9903.88.01",
                    "9903.88.02",
                    "9903.88.03",
                    "9903.88.04",
                    "9903.88.15",
                    "9903.88.16",
                    "9903.91.01",
                    "9903.91.02",
                    "9903.91.03",
                    "9903.91.04",
                    "9903.91.05",
                    "9903.91.06",
                    "9903.91.07",
                    "9903.91.08",
                    "9903.91.11",
                    "9903.92.10",
                ]),
            field("list_id", "string", "Section 301 list", required=True,
              enum=["list1", "list2", "list3", "list4a", "list4b", "review2024"]),
            field("action", "string", "What the step is", required=True),
            field("effective_date", "date", "First day of the rate (entries on or after)", required=True),
            field("end_date", "date", "Last day of the rate (empty: open)"),
            field("additional_duty_pct", "number", "Additional ad valorem duty", "percent", required=True,
              minimum=0, maximum=200),
            field("status", "string", "in_force or suspended", required=True,
              enum=["in_force", "suspended"]),
            field("source_id", "string", "Source key", required=True, pattern="[a-z0-9_A-Z]+"),
        ],
        "primaryKey": ["heading", "effective_date"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(), RESOURCE)
    describe(RESOURCE)
