from analysis.core import data
c = {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8"}
def f(name, t, d, unit=None, **k):
    x = {"name": name, "type": t, "description": d}
    if unit: x["unit"] = unit
    if k: x["constraints"] = k
    return x
chips = dict(c, name="trade_us_chip_imports", path="trade_us_chip_imports.csv",
  title="US imports of chips / semiconductors, all sources and China, on two product definitions (2023-2024)",
  description=("Reported aggregates of US imports on two product definitions that differ in scope: 'chips' as defined by a "
               "Bloomberg analysis of US trade data (2023Q1), and Commerce's broader 'semiconductors and other electronic "
               "components' (2023, Jan-Aug 2024). Not Census tables read directly: each row names the report. "
               "period_months gives the length of the period, so monthly or annual rates are computed, not assumed."),
  sources=[{"title": "Bloomberg via SemiMedia, 2023-05-12 (US chip imports 2023Q1)", "path": "https://semimedia.cc/14545.html", "description": "Read 2026-11-28."},
           {"title": "Opportimes, 'Semiconductor import substitution to the U.S.' (citing U.S. Department of Commerce)", "path": "https://opportimes.com/semiconductor-import-substitution-to-the-u-s", "description": "Read 2026-11-28."}],
  licenses=[{"name": "facts-cited", "title": "Statistics of the U.S. Department of Commerce (public domain); the reports keep copyright of their text (facts cited only)"}],
  schema={"fields": [
    f("period", "string", "Quarter (YYYYQn), year (YYYY) or month range (YYYY-MM/YYYY-MM)", required=True, pattern=r"\d{4}(Q[1-4]|-\d{2}/\d{4}-\d{2})?"),
    f("period_months", "integer", "Length of the period", "months", required=True, minimum=1, maximum=12),
    f("partner", "string", "World or China", required=True, enum=["World", "China"]),
    f("product_definition", "string", "Product scope of the figure", required=True, enum=["chips_bloomberg", "semiconductors_and_other_electronic_components"]),
    f("imports_usd_bn", "number", "US imports in the period", "USD billion", required=True, minimum=0, maximum=1000),
    f("source_key", "string", "Short key", required=True, pattern="[a-z0-9_]+"),
    f("source", "string", "Report and URL", required=True),
    f("notes", "string", "Quotation or caveat")],
    "primaryKey": ["period", "partner", "product_definition"], "missingValues": [""]})
dates = dict(c, name="tariff_policy_dates", path="tariff_policy_dates.csv",
  title="Dates of the February-March 2025 IEEPA tariff orders on China (signing, effect, amendments)",
  description="One row per dated event of Executive Order 14195 and its amendments, with the rate where the event sets one.",
  sources=[{"title": "Akin Gump, Trump Executive Order Tracker: EO 14195", "path": "https://akingump.com/en/insights/blogs/trump-executive-order-tracker/imposing-duties-to-the-peoples-republic-of-china", "description": "Read 2026-11-28."},
           {"title": "LegisTrack, Executive Order 14195", "path": "https://legistrack.vercel.app/bills/eo/cmga4xd3p001lvgjo95nzzh7g", "description": "Read 2026-11-28."},
           {"title": "White House order of 2025-03-03 (reprint, American Focus) and 47-watch.com summary", "path": "https://47-watch.com/executive-orders/2025-03-03-further-amendment-to-duties-addressing-the-synthetic-opioid-supply-chain-in-the-peoples-republic-of-china/", "description": "Read 2026-11-28."}],
  licenses=[{"name": "public-domain-us-gov", "title": "Executive orders are US government works; the trackers keep copyright of their text (facts cited only)"}],
  schema={"fields": [
    f("event_id", "string", "Row id", required=True, unique=True, pattern="[a-z0-9_]+"),
    f("instrument", "string", "Legal instrument", required=True),
    f("event", "string", "What happened", required=True),
    f("date", "date", "Date of the event", required=True),
    f("rate_pct", "number", "Additional ad valorem rate set (empty: none)", "percent", minimum=0, maximum=200),
    f("source", "string", "Publications and URLs", required=True),
    f("notes", "string", "Notes")], "primaryKey": ["event_id"], "missingValues": [""]})
hsus = dict(c, name="us_unemployment_hsus_annual", path="us_unemployment_hsus_annual.csv",
  title="US unemployment rate, annual, 1928-1943, from two editions of Historical Statistics of the United States",
  description=("bicentennial_lebergott: Bicentennial Edition (1975), Lebergott's 1964 reconstruction, percent of the labour "
               "force, counting relief workers (WPA, CCC) as unemployed; millennial_weir: Millennial Edition (2006), Weir's 1992 "
               "estimates, percent of the civilian labour force. A secondary transcription of the printed tables (the HSUS "
               "itself is behind a paywall); the Bicentennial 1943 value is cut off in the copy read and left out."),
  sources=[{"title": "Historical Statistics of the United States, Bicentennial and Millennial editions, unemployment tables, as transcribed in the blog post 'Unemployment during the Great Depression' (panglott, 2009-02)", "path": "http://panglott.blogspot.com/2009/02/unemployment-during-great-depression.html", "description": "Secondary transcription. Read 2026-11-28."}],
  licenses=[{"name": "facts-cited", "title": "Statistical facts from HSUS (US Department of Commerce / Cambridge University Press); the blog keeps copyright of its text"}],
  schema={"fields": [
    f("year", "integer", "Calendar year", required=True, minimum=1900, maximum=1950),
    f("edition", "string", "HSUS edition / estimate", required=True, enum=["bicentennial_lebergott", "millennial_weir"]),
    f("unemployment_rate_pct", "number", "Unemployment rate", "percent of the labour force", required=True, minimum=0, maximum=50)],
    "primaryKey": ["year", "edition"], "missingValues": [""]})
for r in (chips, dates, hsus):
    data.upsert_resource(r); print("ok", r["name"])
