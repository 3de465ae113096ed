from analysis.core import data
res = {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
  "name": "us_unrate_monthly", "path": "us_unrate_monthly.csv",
  "title": "US civilian unemployment rate, monthly, seasonally adjusted (BLS CPS; FRED UNRATE), 2023-01 to 2025-03",
  "description": "Transcribed from a stored copy of FRED UNRATE. The copy runs to 2025-03, so it is a later vintage than the one Wolff could read in May 2024 and its values may differ from the first releases.",
  "sources": [{"title": "FRED UNRATE (BLS Current Population Survey) - copy in github:haschwalth00/dynamic-credit-spread-regime-modeling UNRATE.csv @75bc285676363537842f12bd98c06aded0b444a4 (read with the read_file tool)", "path": "https://fred.stlouisfed.org/series/UNRATE", "description": "Read 2026-11-28."}],
  "licenses": [{"name": "public-domain-us-gov", "title": "BLS statistics, US government work (17 U.S.C. 105); the GitHub copy carries no licence file"}],
  "schema": {"fields": [
     {"name": "month", "type": "date", "description": "First day of the month", "constraints": {"required": True, "unique": True}},
     {"name": "unemployment_rate_pct", "type": "number", "unit": "percent of the civilian labour force", "description": "Unemployment rate, SA", "constraints": {"required": True, "minimum": 0, "maximum": 30}}],
     "primaryKey": ["month"], "missingValues": [""]}}
data.upsert_resource(res); print("ok")
