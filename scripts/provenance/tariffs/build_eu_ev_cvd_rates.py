"""Build data/eu_ev_cvd_rates.csv: EU countervailing duties on battery electric vehicles from China, by company and stage.

Input: the EU CVD table of the earlier trade compilation, turned to long form (one row per company group and stage),
with the pre-disclosure (dpa-AFX) and August 2024 proposal (Automotive World) sources named per row.

The committed CSV was edited by hand after this build (commit fb5cb1b: sources re-attributed, values added from
later reading); a re-run reproduces the build, not those edits, so review the diff before keeping one.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_eu_ev_cvd_rates.py --input FOLDER``
(or set TRADE_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402

INPUTS = [
    Input("eu_ev_cvd.csv", "earlier trade compilation made for the project (not published); each row names its publication and URL",
          "9d8fc56a5b5dd60214f89269cd1cc5c85c306ee2acc89010c64a6f324d5a813b"),
]


def build(SH: Path) -> pd.DataFrame:
    e = pd.read_csv(SH / 'eu_ev_cvd.csv', dtype=str, keep_default_na=False)
    stages = {'predisclosure_2024_06_12_pct': ('predisclosure', '2024-06-12'), 'provisional_pct': ('provisional', '2024-07-05'),
              'proposed_2024_08_20_pct': ('proposed_definitive', '2024-08-20'), 'definitive_pct': ('definitive', '2024-10-30')}
    long = []
    for _, r in e.iterrows():
        mfn = r['company'].startswith('EU MFN')
        for col, (stage, date) in stages.items():
            src = r['source'] if stage in ('provisional', 'definitive') or mfn else r['notes']
            if stage in ('predisclosure', 'proposed_definitive') and not mfn:
                src = ('Pre-disclosure 2024-06-12: dpa-AFX via https://www.finanznachrichten.de/nachrichten-2024-06/62484626-eu-imposes-import-duty-on-chinese-battery-electric-vehicles-020.htm; https://taxspoc.4wp.dev/?p=2513'
                       if stage == 'predisclosure' else
                       'Revised definitive proposal 2024-08-20: Automotive World https://www.automotiveworld.com/articles/eu-slashes-chinese-ev-tariffs-following-probe/')
            note = r['notes'] if (r['company'].startswith('Tesla') or r['company'].startswith('Other') or r['company'].startswith('All other')) else ''
            if mfn: note = 'EU Common Customs Tariff duty on cars; not a CVD; applies on top of the CVD'
            long.append(dict(company=('MFN duty (all exporters)' if mfn else r['company']),
                             duty_type='mfn' if mfn else 'cvd', stage=stage, stage_date=date,
                             rate_pct=r[col], source=src if r[col] else ('no rate stated in the sources read' if not mfn else src),
                             notes=note))
    eu = pd.DataFrame(long)
    return eu


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "eu_ev_cvd_rates",
    "path": "eu_ev_cvd_rates.csv",
    "title": ("EU countervailing duties on battery electric vehicles from China, by company group and stage, and "
     "the 10% MFN duty"),
    "description": ("One row per company group and stage: pre-disclosure (2024-06-12), provisional (Implementing "
     "Regulation (EU) 2024/1866, from 2024-07-05), revised definitive proposal (2024-08-20), definitive "
     "(Implementing Regulation (EU) 2024/2754, from 2024-10-30). rate_pct is the CVD in percent of the "
     "CIF import price, paid on top of the 10% MFN car duty (row duty_type=mfn). Empty rate: not stated "
     "in the sources read (Tesla before the definitive stage)."),
    "sources": [
        {
            "title": ("Commission press releases and Q&A on the BEV anti-subsidy case (republished by the European "
             "Shippers Council, CLECAT, The European Sting), Implementing Regulations (EU) 2024/1866 and "
             "2024/2754 as reported by WiseTech Academy and NCF China; pre-disclosure by dpa-AFX; August "
             "proposal by Automotive World"),
            "path": "https://eur-lex.europa.eu/eli/reg_impl/2024/2754/oj",
            "description": ("Compiled for this project from the public sources named in each row's source column; read "
             "2026-11-28 (rows revised 2026-12-03)."),
        },
    ],
    "licenses": [
        {
            "name": "EU-reuse",
            "title": ("EU legal acts: Commission Decision 2011/833/EU reuse policy; news publishers keep copyright "
             "of their text (facts cited only)"),
        },
    ],
    "schema": {
        "fields": [
            field("company", "string", "Company group (or the MFN duty row)", required=True),
            field("duty_type", "string", "cvd or mfn", required=True, enum=["cvd", "mfn"]),
            field("stage", "string", "Stage of the investigation", required=True,
              enum=["predisclosure", "provisional", "proposed_definitive", "definitive"]),
            field("stage_date", "date", "Date of the stage", required=True),
            field("rate_pct", "number", "Duty rate (empty: not stated)", "percent of CIF import price",
              minimum=0, maximum=100),
            field("source", "string", "Publications and URLs", required=True),
            field("notes", "string", "Notes"),
        ],
        "primaryKey": ["company", "stage"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="TRADE_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
