"""One-off: the descriptor of data/refugee_sources.csv (no input files)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "src"))
from analysis.core import data
res = {
  "name": "refugee_sources",
  "path": "refugee_sources.csv",
  "title": "Source keys of the refugee ceilings and admissions tables",
  "description": ("One row per source key used in refugee_ceilings_admissions.csv (ceiling_source, admitted_source) "
                  "and refugee_cross_check.csv (source_a, source_b), and only those. Every fact (publisher, title, "
                  "date, URL) was compiled from the cited public source; "
                  "nothing is filled from memory. An empty date or url means the README gives none."),
  "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
  "sources": [
    {"title": "Source keys of the refugee tables (refugee_sources.csv expands every key)",
     "path": "refugee_sources.csv"},
    {"title": "U.S. Department of State, PRM Refugee Processing Center (WRAPS), Refugee Admissions Report",
     "path": "https://www.wrapsnet.org/admissions-and-arrivals/"},
    {"title": "DHS Office of Homeland Security Statistics, Yearbook of Immigration Statistics",
     "path": "https://ohss.dhs.gov/topics/immigration/yearbook"},
    {"title": "Presidential Determinations on refugee admissions and Executive Orders 13769/13780 (Federal Register)",
     "path": "https://www.federalregister.gov/"},
    {"title": "Congressional Research Service, RL31269 and related reports (via everycrsreport.com)",
     "path": "https://www.everycrsreport.com/reports/RL31269.html"},
    {"title": "Migration Policy Institute, Migration Data Hub",
     "path": "https://www.migrationpolicy.org/programs/data-hub/charts/us-annual-refugee-resettlement-ceilings-and-number-refugees-admitted-united"},
    {"title": "International Refugee Assistance Project, Refugee Reset: Mid-Year Increases to the U.S. Refugee Admissions Target",
     "path": "https://refugeerights.org/news-resources/refugee-reset-mid-year-increases-to-the-u-s-refugee-admissions-target-january-28-2020"},
  ],
  "licenses": [
    {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
     "title": "This bibliographic table: CC BY 4.0 (facts about publications)"},
    {"name": "public-domain-us-gov", "title": "Cited US government works are public domain (17 U.S.C. 105); "
     "MPI, IRAP and news publishers keep their copyright (facts cited only; see licence_note per row)"},
  ],
  "schema": {
    "fields": [
      {"name": "key", "type": "string", "description": "Source key as used in the refugee tables",
       "constraints": {"required": True, "unique": True, "pattern": "[A-Z][A-Z0-9-]*[A-Z0-9]"}},
      {"name": "publisher", "type": "string", "description": "Issuing body or publisher", "constraints": {"required": True}},
      {"name": "title", "type": "string", "description": "Document title and number (e.g. PD 2016-13, 81 FR 70315)",
       "constraints": {"required": True}},
      {"name": "date", "type": "date", "format": "default",
       "description": "ISO date of the document (PDs and EOs: date signed; WRAPS: as-of date; DHS yearbook: file date). "
                      "Empty when the README gives no full date (month-only dates are in note)"},
      {"name": "url", "type": "string", "description": "URL as printed in the README (empty if none)",
       "constraints": {"pattern": "https?://\\S+"}},
      {"name": "kind", "type": "string", "description": "primary = determinations, orders and other government documents; "
       "official_statistics = State Dept/DHS statistical series; crs = Congressional Research Service; "
       "compilation = non-government data compilations (MPI, IRAP); news = news and advocacy reports",
       "constraints": {"required": True, "enum": ["primary", "official_statistics", "crs", "compilation", "news"]}},
      {"name": "licence_note", "type": "string", "description": "Terms under which the source's facts are used",
       "constraints": {"required": True}},
      {"name": "note", "type": "string", "description": "Caveats, copies read, second URLs (from the README)"},
    ],
    "primaryKey": ["key"],
    "missingValues": [""],
  },
}
out = data.upsert_resource(res)
print(out["hash"], out["bytes"])
