"""Describe data/eu_ev_trade.csv in data/datapackage.json.

The CSV was typed from the pages named in its sources (each row names its own); there is no file to rebuild it from,
so this script only records its description (the committed CSV is the input of record).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/tariffs/build_eu_ev_trade.py``
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field  # noqa: E402

RESOURCE = {
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "name": "eu_ev_trade",
    "path": "eu_ev_trade.csv",
    "title": "Extra-EU trade in full electric cars, 2023 (Eurostat), by partner",
    "description": ("Values in EUR billion and partner shares of extra-EU imports or exports of full electric cars, as "
     "reported from Eurostat Comext DS-045409 releases of October 2024. Two published totals for 2023 "
     "imports exist (EUR 20.2bn in the news item, about EUR 23bn in the Statistics Explained article); "
     "both are kept."),
    "sources": [
        {
            "title": "Eurostat news item 2024-10-30 on trade in electric and hybrid cars (ds-045409), via Public",
            "path": "https://publicnow.com/view/B9D83D7AC66E57EEC94E98C1774181CE069EEBD5",
            "description": "Read 2026-11-28.",
        },
        {
            "title": ("Eurostat Statistics Explained, 'Trade and production of hybrid and electric cars' (data "
             "extracted 30 Oct 2024), mirror copy"),
            "path": ("https://ec.europa.eu/eurostat/statistics-explained/index.php?title=Trade_and_production_of_hybrid_and_electric_cars"),
            "description": "Read 2026-11-28 (stored mirror).",
        },
        {
            "title": ("GEA agency, 'Auto, nel 2023 Ue ha importato il 48% di mezzi elettrici da Cina' (citing "
             "Eurostat)"),
            "path": "https://geagency.it/auto-nel-2023-ue-ha-importato-il-48-di-mezzi-elettrici-da-cina",
            "description": "Read 2026-11-28.",
        },
    ],
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": ("Eurostat data: CC BY 4.0 (Eurostat copyright notice); news publishers keep copyright of "
             "their text (facts cited only)"),
        },
    ],
    "schema": {
        "fields": [
            field("year", "integer", "Calendar year", required=True, minimum=2017, maximum=2026),
            field("flow", "string", "imports or exports (extra-EU)", required=True,
              enum=["imports", "exports"]),
            field("partner", "string", "Partner country or extra_EU total", required=True),
            field("value_eur_bn", "number", "Trade value", "EUR billion (current)", required=True,
              minimum=0, maximum=1000),
            field("share_of_extra_eu_pct", "number", "Partner share of the extra-EU flow as published",
              "percent", minimum=0, maximum=100),
            field("source_key", "string", "Short source key", required=True, pattern="[a-z0-9_]+"),
            field("source", "string", "Publication and URL", required=True),
            field("notes", "string", "Notes"),
        ],
        "primaryKey": ["year", "flow", "partner", "source_key"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    describe(RESOURCE)
