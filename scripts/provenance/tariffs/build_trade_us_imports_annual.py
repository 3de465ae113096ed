"""Build data/trade_us_imports_annual.csv: US goods imports by year, partner, basis and source, from releases and reports.

Input: the annual table of the earlier trade compilation (FRED rows dropped: they are recomputed from
trade_us_imports_monthly in analysis.studies.tariffs), with source keys added, and rows read from stored pages with
the search tool on 2026-11-28 (SCMP via Floor Daily; the EU and Canada 2024 gaps recorded as not found).

The committed CSV was edited by hand after this build (commit 0aaeac2: sources re-attributed, values added from
later reading); a re-run reproduces the build, not those edits, so review the diff before keeping one.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_trade_us_imports_annual.py --input FOLDER``
(or set TRADE_SOURCES to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _tariffs_descriptions import LICENSES_PUBLIC_DOMAIN_US_GOV  # noqa: E402

INPUTS = [
    Input("trade_us_imports.csv", "earlier trade compilation made for the project (not published); each row names its publication and URL",
          "077a3de1d40ba87fd8386dbba0957b6719fc051139a9b917498b1988aaa0e948"),
]


def build(SH: Path) -> pd.DataFrame:
    a = pd.read_csv(SH / 'trade_us_imports.csv', dtype=str, keep_default_na=False)
    a = a[~a['source'].str.startswith('FRED series')]           # FRED rows are recomputed from the monthly table
    keymap = {
        'US Census International Trade API': 'census_api_geoffrey313',
        "Census 'Trade in Goods with China'": 'census_c5700_c0015_ouliu',
        'Caixin Global': 'caixin_2019_08_15',
        'Coalition for a Prosperous America': 'cpa_prosperousamerica',
        'Opportimes': 'opportimes_2023',
        'World Trade Month': 'worldtrademonth_2023',
        'Kyodo via Bangkok Post': 'kyodo_bangkokpost_2024_02_08',
        'Daily Management Review': 'dmr_ft_2025_02_07',
        'NYT via convenience.org': 'nyt_ft_2025_02_06',
        'not found': 'not_found',
        'qery.no': 'qery_bea_census_2024_02',
        'AFP via': 'afp_qery_steelorbis_2024_02',
        'CPA (Jeff Ferry': 'cpa_rejectfreetrade_2025',
        'NYT via https://wol.com': 'nyt_wol_2025',
    }
    def key(s):
        for k, v in keymap.items():
            if s.startswith(k):
                return v
        raise KeyError(s)
    basis_map = {'census_general_imports_customs_value': 'census_goods', 'bop_goods': 'bop_goods',
                 'bop_goods_and_services': 'bop_goods_and_services', 'bop_goods_probably': 'goods_basis_unstated'}
    out = pd.DataFrame({
        'year': a['year'].astype(int), 'partner': a['partner'],
        'basis': a['basis'].map(basis_map),
        'imports_usd_bn': a['imports_usd_billions'],
        'source_key': a['source'].map(key), 'source': a['source'],
        'preferred': a['preferred'].map({'1': 'true', '0': 'false'}),
        'notes': a['notes'],
    })
    out.loc[out['source_key'] == 'not_found', 'preferred'] = 'false'
    # Rows added by this notebook's author from stored pages found with the search tool (read 2026-11-28).
    scmp = ('South China Morning Post 2024-02-08 citing US Census Bureau data released 2024-02-07, as quoted by '
            'Floor Daily, https://www.floordaily.net/flooring-news/china-outpaced-as-top-supplier-of-imports-to-us-')
    extra = [
        dict(year=2023, partner='Canada', basis='census_goods', imports_usd_bn='421.1', source_key='scmp_floordaily_2024_02_08',
             source=scmp, preferred='true', notes='first release; SCMP: China (427.2) only slightly above Canada'),
        dict(year=2023, partner='China', basis='census_goods', imports_usd_bn='427.2', source_key='scmp_floordaily_2024_02_08',
             source=scmp, preferred='false', notes='first release, rounded; SCMP: 13.9% of US imports, lowest since 2004; peak 21.6% in 2017; 16.3% in 2022'),
        dict(year=2023, partner='Mexico', basis='census_goods', imports_usd_bn='475.6', source_key='scmp_floordaily_2024_02_08',
             source=scmp, preferred='false', notes='first release, rounded'),
    ]
    for y in range(2015, 2025):
        extra.append(dict(year=y, partner='EU', basis='census_goods', imports_usd_bn='', source_key='not_found',
                          source='not found', preferred='false',
                          notes='no stored source with US goods imports from the EU (FRED IMP0003 / Census c0003) was found with the search tool'))
    for y in (2023, 2024):
        if y == 2024:
            extra.append(dict(year=y, partner='Canada', basis='census_goods', imports_usd_bn='', source_key='not_found',
                              source='not found', preferred='false', notes='IMPCA copy found ends 2023-10; no 2024 total found'))
    out = pd.concat([out, pd.DataFrame(extra)], ignore_index=True)
    out = out.sort_values(['partner', 'year', 'basis', 'source_key']).reset_index(drop=True)
    assert not out.duplicated(['year', 'partner', 'basis', 'source_key']).any(), out[out.duplicated(['year','partner','basis','source_key'],keep=False)]
    return out


RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "trade_us_imports_annual",
    "path": "trade_us_imports_annual.csv",
    "title": "US imports by partner and year from releases and reports, with the statistical basis kept apart",
    "description": ("One row per year, partner, basis and source. basis: census_goods (general imports of goods, customs "
     "value), bop_goods (balance-of-payments goods), bop_goods_and_services, goods_basis_unstated. "
     "preferred = the row to use when several sources give the same year, partner and basis (FRED "
     "12-month sums from trade_us_imports_monthly are added by analysis.studies.tariffs.annual_imports). "
     "Empty imports_usd_bn: no stored source gives the value (EU before 2023; Canada 2024; World "
     "2015-2016 and 2018-2021 are filled from FRED IMP0004 in code, World 2024 is empty). Each row names "
     "the publication it was taken from."),
    "sources": [
        {
            "title": ("Census releases and reports of them (Census c5700/c0015 transcriptions, Census API, news "
             "reports of Census/BEA releases); each row names its publication and URL"),
            "path": "https://www.census.gov/foreign-trade/balance/c5700.html",
            "description": ("Compiled for this project from the public sources named in each row's source column; read "
             "2026-11-28 (rows revised 2026-12-03)."),
        },
        {
            "title": ("South China Morning Post, 2024-02-08, quoted by Floor Daily 'China Outpaced as Top Supplier "
             "of Imports to U.S.' (US Census Bureau 2023 annual data)"),
            "path": "https://www.floordaily.net/flooring-news/china-outpaced-as-top-supplier-of-imports-to-us-",
            "description": "Canada 2023 and rounded China/Mexico 2023 values. Read 2026-11-28.",
        },
    ],
    "licenses": LICENSES_PUBLIC_DOMAIN_US_GOV,
    "schema": {
        "fields": [
            field("year", "integer", "Calendar year", required=True, minimum=1985, maximum=2026),
            field("partner", "string", "Partner", required=True,
              enum=["China", "Mexico", "Canada", "EU", "World"]),
            field("basis", "string", "Statistical basis of the value", required=True,
              enum=["census_goods", "bop_goods", "bop_goods_and_services", "goods_basis_unstated"]),
            field("imports_usd_bn", "number", "Imports in the year (empty: not found)",
              "USD billion (current)", minimum=0, maximum=10000),
            field("source_key", "string", "Short key of the source (not_found for gap rows)",
              required=True, pattern="[a-z0-9_]+"),
            field("source", "string", "Publication, table and URL", required=True),
            field("preferred", "boolean",
              "Use this row when several give the same year, partner and basis", required=True),
            field("notes", "string", "Vintage and caveats"),
        ],
        "primaryKey": ["year", "partner", "basis", "source_key"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    table = build(input_folder(INPUTS, env="TRADE_SOURCES"))
    write_csv(table, RESOURCE)
    describe(RESOURCE)
