"""Build data/chips_value_chain_shares.csv: shares of the semiconductor value chain by region (sales by HQ, capacity).

Inputs: the compilation's sales-share and wafer-capacity tables, plus values read with the search tool.

The committed CSV was edited by hand after this build (commit 5560c93, 1492cd4: SIA 2020 shares, a flag on the 2032 projection); a re-run reproduces the build, not
those edits, so review the diff before keeping one.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_chips_value_chain_shares.py --input FOLDER`` (or set
CHIPS_COMPILATION to the folder).
"""
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
    Input("semiconductor_sales_share_by_company_hq.csv", "earlier compilation of public sources for the CHIP and EXP claims, made for the project (not "
          "published; publisher and URL per row; docs/sources/chips_exp.md)",
          "421b77f12a98cf71323f862a39cab571125225c07d650f9836e154e91141da44"),
    Input("wafer_capacity_share_by_region_node.csv", "earlier compilation of public sources for the CHIP and EXP claims, made for the project (not "
          "published; publisher and URL per row; docs/sources/chips_exp.md)",
          "f831d48309dd8c822b539834aa540d1f29b326b817305ea8a9aca7c8fd6c8cc6"),
]


def build(SRC: Path) -> pd.DataFrame:
    rows = []
    hq = pd.read_csv(SRC / "semiconductor_sales_share_by_company_hq.csv")
    for r in hq.itertuples():
        pub, url = split_source(r.source)
        if r.publisher_of_estimate == "SIA":
            scope = "all semiconductors"
        elif r.publisher_of_estimate == "IC Insights":
            scope = "integrated circuits, IDM and fabless, foundries excluded"
        else:
            scope = "all semiconductors, by brand headquarters"
        rows.append(dict(year=r.year, scenario="actual", measure="sales_by_company_hq", scope=scope, region=r.hq_region,
                         share_pct=r.share_pct, qualifier="", publisher=r.publisher_of_estimate, source_page=pub,
                         source_url=url, found_by="earlier_compilation", date_read=READ, note=r.metric))
    # IC Insights 2021: Taiwan and Japan shares, from The Register (read with the search tool).
    for region, share in (("Taiwan", 9), ("Japan", 6)):
        rows.append(dict(year=2021, scenario="actual", measure="sales_by_company_hq",
                         scope="integrated circuits, IDM and fabless, foundries excluded", region=region, share_pct=share,
                         qualifier="", publisher="IC Insights",
                         source_page="The Register, 'China finished 2021 with 4% global semiconductor market share', 2022-04-06",
                         source_url="https://www.theregister.com/2022/04/06/2021_national_semiconductor_market_share/",
                         found_by="search_tool", date_read=READ, note="share of worldwide IC sales by company HQ"))
    cap = pd.read_csv(SRC / "wafer_capacity_share_by_region_node.csv")
    for r in cap.itertuples():
        pub, url = split_source(r.source)
        rows.append(dict(year=r.year, scenario=r.scenario, measure="wafer_capacity_by_location", scope=r.node_class,
                         region=r.region, share_pct=r.capacity_share_pct, qualifier="", publisher=r.publisher_of_estimate,
                         source_page=pub, source_url=url, found_by="earlier_compilation", date_read=READ, note=""))
    rows.append(dict(year=2021, scenario="actual", measure="dram_capacity_by_location", scope="DRAM", region="South Korea",
                     share_pct=50, qualifier="about", publisher="CSET (Hunt 2022)",
                     source_page="ITIF Fact of the Week, 'Nearly 93 Percent of DRAM Chips Are Produced in South Korea, China, and Taiwan', 2022-04-01",
                     source_url="https://itif.org/publications/2022/04/01/nearly-93-percent-of-dram-chips-are-produced-in-south-korea-china-and-taiwan",
                     found_by="earlier_compilation", date_read=READ, note="'about half' of DRAM capacity located in Korea (CSET, Jan 2022)"))
    rows.append(dict(year=2021, scenario="actual", measure="atp_market_by_location", scope="assembly, test and packaging",
                     region="Southeast Asia", share_pct=27, qualifier="", publisher="DIGITIMES",
                     source_page="DIGITIMES, 'Importance of Southeast Asia semiconductor industry highlighted by COVID-19', 2022-01-10",
                     source_url="https://www.digitimes.com/news/a20211221PD218.html", found_by="earlier_compilation",
                     date_read=READ, note="year of measurement not stated; article of Dec 2021/Jan 2022"))
    shares = pd.DataFrame(rows)
    return shares


RESOURCE = {
    "name": "chips_value_chain_shares",
    "path": "chips_value_chain_shares.csv",
    "title": "Shares of the semiconductor value chain by region, with the measure and scope as columns",
    "description": ("One row per (year, scenario, measure, scope, region, publisher). Measures are kept apart: sales by "
     "company headquarters (SIA all-semiconductor shares vs IC Insights IC-only shares excluding "
     "foundries vs DIGITIMES brand-HQ shares), wafer capacity by location and node class (SIA/BCG), DRAM "
     "capacity by location (CSET) and the assembly-test-packaging market (DIGITIMES). Values are as "
     "published (rounded by the publisher); shares of different measures or scopes must not be added or "
     "compared as if alike."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [
        SOURCE_PUBLIC_PAGES_READ_WITH_THE,
        {
            "title": ("SIA/BCG, 'Strengthening the Global Semiconductor Supply Chain in an Uncertain Era' (Apr "
             "2021) and 'Emerging Resilience in the Semiconductor Supply Chain' (May 2024)"),
            "path": ("https://semiconductors.org/strengthening-the-global-semiconductor-supply-chain-in-an-uncertain-era"),
        },
        {
            "title": ("IC Insights, McClean Report 2021/2022 regional market shares (via DIGITIMES, The Register, "
             "Business Insider)"),
            "path": "https://www.digitimes.com/news/a20210414PR202.html",
        },
        {
            "title": ("SIA, 'China's Share of Global Chip Sales Now Surpasses Taiwan's, Closing in on Europe's and "
             "Japan's' (blog, 2022-01-10; reprint read)"),
            "path": ("https://iconnect007.com/index.php/article/130444/chinas-share-of-global-chip-sales-now-surpasses-taiwans-closing-in-on-europes-and-japans/130447/?skin=ein"),
        },
    ],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "fields": [
            field("year", "integer", "Year the share refers to", required=True, minimum=1990, maximum=2040),
            field("scenario", "string",
              "actual, estimate (publisher estimate for a past year) or projection", required=True,
              enum=["actual", "estimate", "projection"]),
            field("measure", "string", "What is shared out", required=True,
              enum=[
                    "sales_by_company_hq",
                    "wafer_capacity_by_location",
                    "dram_capacity_by_location",
                    "atp_market_by_location",
                ]),
            field("scope", "string",
              "Product or node scope of the measure (e.g. 'all semiconductors', 'below 10nm')",
              required=True),
            field("region", "string", "Region (of company headquarters or of location, per measure)",
              required=True),
            field("share_pct", "number", "Share of the world total", "percent", required=True, minimum=0,
              maximum=100),
            field("qualifier", "string",
              "'about' where the publisher gives an approximate figure; empty otherwise",
              enum=["about"]),
            *FIELDS_PUBLISHER_TO_NOTE,
        ],
        "primaryKey": ["year", "scenario", "measure", "scope", "region", "publisher"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(input_folder(INPUTS, env="CHIPS_COMPILATION")), RESOURCE)
    describe(RESOURCE)
