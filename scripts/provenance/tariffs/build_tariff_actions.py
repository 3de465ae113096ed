"""Build data/tariff_actions.csv: dated US tariff actions 2018-2026 (Section 201, 232, 301), one row per action.

Input: the tariff-actions table of the earlier trade compilation; adds action_id, group_id (ties rate changes to
their product group) and status, and splits the rate into a number and a note.

The committed CSV was edited by hand after this build (commit fb5cb1b: sources re-attributed, values added from
later reading); a re-run reproduces the build, not those edits, so review the diff before keeping one.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_tariff_actions.py --input FOLDER``
(or set TRADE_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _tariffs_descriptions import LICENSES_PUBLIC_DOMAIN_US_GOV  # noqa: E402

INPUTS = [
    Input("tariff_actions.csv", "earlier trade compilation made for the project (not published); each row names its publication and URL",
          "43a4c7874f1115e1d7a7c8ad54a61a2327ff2e59bbfbb026243f58b4b8046067"),
]


def build(SH: Path) -> pd.DataFrame:
    t = pd.read_csv(SH / 'tariff_actions.csv', dtype=str, keep_default_na=False)
    groups = ['201_solar_washers', '232_steel', '232_aluminum', '232_exemptions_end', '301_list1', '232_turkey_steel',
              '301_list2', '301_list3', '301_list3', '232_ca_mx_exempt', '301_list4a', '301_list4b', '301_list4a',
              '301_review_2024', '301_2024_evs', '301_2024_solar_cells', '301_2024_ev_batteries', '301_2024_steel_aluminum',
              '301_2024_cranes', '301_2024_minerals_masks', '301_2024_syringes', '301_2025_semiconductors',
              '301_2025_gloves', '301_2026_batteries_graphite_magnets']
    assert len(groups) == len(t)
    status = ['imposed'] * len(t)
    t['group_id'] = groups
    rate_num, rate_note = [], []
    for r, g in zip(t['rate_pct'], groups):
        try:
            rate_num.append(str(float(r)).rstrip('0').rstrip('.')); rate_note.append('')
        except ValueError:
            rate_num.append(''); rate_note.append(r)
    t['rate_pct_num'] = rate_num
    t['rate_note'] = rate_note
    st = []
    for g, a_ in zip(groups, t['action']):
        if g == '301_list4b': st.append('suspended')
        elif g == '232_ca_mx_exempt': st.append('exemption')
        elif g == '232_exemptions_end': st.append('exemption_ended')
        elif g == '301_review_2024': st.append('announced')
        elif g == '301_list4a' and 'cut' in a_: st.append('rate_change')
        elif g == '301_list3' and 'raised' in a_: st.append('rate_change')
        else: st.append('imposed')
    t['status'] = st
    t['action_id'] = [f'A{i+1:02d}' for i in range(len(t))]
    t = t.rename(columns={'date': 'date_effective', 'covered_imports_usd_billions': 'covered_imports_usd_bn'})
    t = t[['action_id', 'date_effective', 'group_id', 'status', 'action', 'authority', 'covered_imports_usd_bn',
           'rate_pct_num', 'rate_note', 'source', 'notes']].rename(columns={'rate_pct_num': 'rate_pct'})
    return t


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "tariff_actions",
    "path": "tariff_actions.csv",
    "title": ("US tariff actions affecting imports from China, 2018-2026: date, group of products, covered "
     "imports, rate"),
    "description": ("One row per dated action. group_id ties rate changes to the product group they apply to (e.g. "
     "301_list3 imposed at 10% then raised to 25%). covered_imports_usd_bn is the announced annual import "
     "value of the group ($ billion; USTR announcement values, not Census weights); rate_pct the "
     "additional ad valorem rate in percent (empty when not a single number, see rate_note). status: "
     "imposed, rate_change, suspended, exemption, exemption_ended, announced. Empty cells: no source read "
     "gives the value."),
    "sources": [
        {
            "title": ("USTR notices (Federal Register) and White House fact sheets, as read in the Federal "
             "Register and in reports by law firms and trade press; each row names its URLs"),
            "path": "https://www.federalregister.gov/documents/2024/09/18/2024-21217",
            "description": ("Compiled for this project from the public sources named in each row's source column; read "
             "2026-11-28 (rows revised 2026-12-03)."),
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("action_id", "string", "Row id", required=True, unique=True, pattern="A[0-9]{2}"),
            field("date_effective", "date",
              "Date the action took effect (announcement date for status=announced)", required=True),
            field("group_id", "string", "Product group the action applies to", required=True,
              pattern="[0-9a-z_]+"),
            field("status", "string", "Kind of action", required=True,
              enum=["imposed", "rate_change", "suspended", "exemption", "exemption_ended", "announced"]),
            field("action", "string", "What was done", required=True),
            field("authority", "string", "Legal authority", required=True),
            field("covered_imports_usd_bn", "number", "Announced annual imports covered", "USD billion",
              minimum=0, maximum=600),
            field("rate_pct", "number", "Additional ad valorem tariff rate from this date", "percent",
              minimum=0, maximum=200),
            field("rate_note", "string", "Rate when not one number"),
            field("source", "string", "Publications and URLs", required=True),
            field("notes", "string", "Notes, incl. PIIE (Bown) step sizes"),
        ],
        "primaryKey": ["action_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="TRADE_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
