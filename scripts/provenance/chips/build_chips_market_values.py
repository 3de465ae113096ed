"""Build data/chips_market_values.csv: China IC market and production, and semiconductor sales, USD bn.

Inputs: the compilation's IC Insights and SIA tables, plus two SIA figures read with the search tool.

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_chips_market_values.py --input FOLDER`` (or set
CHIPS_COMPILATION to the folder).
"""
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import Input, describe, field, input_folder, write_csv  # noqa: E402
from _chips_descriptions import (  # noqa: E402
    FIELDS_PUBLISHER_TO_NOTE_2,
    LICENSES_CC_BY_4_0,
    SOURCE_PUBLIC_PAGES_READ_WITH_THE,
)
from _chips import READ, split_source  # noqa: E402

INPUTS = [
    Input("china_ic_market_vs_domestic_production.csv", "earlier compilation of public sources for the CHIP and EXP claims, made for the project (not "
          "published; publisher and URL per row; docs/sources/chips_exp.md)",
          "d1fc85249a15209cb502a7f868a180a4d632608fc65609f290871eeb04dcbdb2"),
    Input("global_semiconductor_sales_china_share_sia.csv", "earlier compilation of public sources for the CHIP and EXP claims, made for the project (not "
          "published; publisher and URL per row; docs/sources/chips_exp.md)",
          "7b40bf7f4eb46bbb4571d002d243bbaca75727d521220f7cd05f76793a98d54d"),
]


def build(SRC: Path) -> pd.DataFrame:
    m = []
    china = pd.read_csv(SRC / "china_ic_market_vs_domestic_production.csv")
    names = {"China IC market (ICs sold in China)": "china_ic_market",
             "IC production located in China": "ic_production_in_china",
             "IC production by China-headquartered companies": "ic_production_by_china_hq_firms"}
    for r in china.itertuples():
        if r.unit != "USD_billion" or r.measure not in names:
            continue  # shares are computed in the notebook from these values; targets live in the claim table
        pub, url = split_source(r.source)
        m.append(dict(year=r.year, scenario=r.scenario, measure=names[r.measure], region="China", value_usd_billion=r.value,
                      publisher="IC Insights", source_page=pub, source_url=url, found_by="earlier_compilation", date_read=READ,
                      note=r.measure))
    sia = pd.read_csv(SRC / "global_semiconductor_sales_china_share_sia.csv")
    for r in sia.itertuples():
        pub, url = split_source(r.source)
        measure = "world_semiconductor_sales" if r.region == "World" else "semiconductor_sales_into_market"
        m.append(dict(year=r.year, scenario="actual", measure=measure, region=r.region, value_usd_billion=r.sales_usd_billion,
                      publisher="SIA/WSTS", source_page=pub, source_url=url, found_by="earlier_compilation", date_read=READ,
                      note="sales by location of the buyer (market)" if r.region != "World" else "world total"))
    m.append(dict(year=2020, scenario="actual", measure="sales_by_us_hq_firms", region="United States", value_usd_billion=208,
                  publisher="SIA", source_page="Reuters via CNA, 'Chip sales rose globally in 2020 after year-end rush', 2021-02-01",
                  source_url="https://www.channelnewsasia.com/news/business/chip-sales-rose-globally-in-2020-after-year-end-rush-14086856",
                  found_by="search_tool", date_read=READ, note="sales of US-headquartered chipmakers, about US$208bn"))
    m.append(dict(year=2021, scenario="actual", measure="sales_by_us_hq_firms", region="United States", value_usd_billion=258,
                  publisher="SIA", source_page="SIA, 'The 2022 SIA Factbook: Your Source for Semiconductor Industry Data', 2022-05-05",
                  source_url="https://www.semiconductors.org/the-2022-sia-factbook-your-source-for-semiconductor-industry-data/",
                  found_by="search_tool", date_read=READ, note="US semiconductor companies' sales, US$258bn (46% of US$556bn)"))
    mv = pd.DataFrame(m)
    mv = mv.drop_duplicates(subset=["year", "scenario", "measure", "region", "publisher"], keep="first")
    return mv


RESOURCE = {
    "name": "chips_market_values",
    "path": "chips_market_values.csv",
    "title": "Semiconductor market and production values (SIA/WSTS, IC Insights)",
    "description": ("World semiconductor sales and sales into China (SIA/WSTS, by location of the buyer), sales of "
     "US-headquartered firms (SIA), and China's IC market vs IC production located in China and by "
     "China-headquartered firms (IC Insights). Shares are computed from these values in notebook 07, not "
     "stored."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [SOURCE_PUBLIC_PAGES_READ_WITH_THE],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "fields": [
            field("year", "integer", "Year", required=True, minimum=1990, maximum=2040),
            field("scenario", "string", "actual or forecast", required=True, enum=["actual", "forecast"]),
            field("measure", "string", "Quantity", required=True,
              enum=[
                    "china_ic_market",
                    "ic_production_in_china",
                    "ic_production_by_china_hq_firms",
                    "world_semiconductor_sales",
                    "semiconductor_sales_into_market",
                    "sales_by_us_hq_firms",
                ]),
            field("region", "string", "Region the value refers to", required=True),
            field("value_usd_billion", "number", "Value", "USD billion", required=True, minimum=0),
            *FIELDS_PUBLISHER_TO_NOTE_2,
        ],
        "primaryKey": ["year", "scenario", "measure", "region", "publisher"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    write_csv(build(input_folder(INPUTS, env="CHIPS_COMPILATION")), RESOURCE)
    describe(RESOURCE)
