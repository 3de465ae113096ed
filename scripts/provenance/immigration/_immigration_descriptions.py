"""Parts of the descriptions that several immigration resources share (sources, licences, runs of fields)."""

from _common import field


SOURCE_SOURCE_KEYS_OF_THE_IMMIGRATION = {
    "title": "Source keys of the immigration and border tables (citation, URL, kind and date read of every key)",
    "path": "immigration_sources.csv",
}

SOURCE_SOURCE_KEYS_OF_EVERY_ROW = {
    "title": "Source keys of every row, expanded (publication, table, URL, date read)",
    "path": "immigration_sources.csv",
}

LICENSES_PUBLIC_DOMAIN_US_GOV = [
    {
        "name": "public-domain-us-gov",
        "title": "US government works (17 U.S.C. 105); facts from other publishers cited with attribution",
    },
]

SOURCE_CBP_U_S_BORDER_PATROL = {
    "title": "CBP, U.S. Border Patrol Monthly Encounters (FY 2000 - FY 2020), by sector and month",
    "path": "https://www.cbp.gov/document/stats/us-border-patrol-monthly-encounters-fy-2000-fy-2020",
    "description": ("Table: Southwest border sectors total by month. Read 2026-11-28 (a third-party byte copy of the "
     "published file was read)."),
}

SOURCE_U_S_BORDER_PATROL_SOUTHWEST = {
    "title": ("U.S. Border Patrol, Southwest Border Sectors total illegal alien apprehensions by fiscal year, "
     "FY1960-FY2019"),
    "path": "https://www.cbp.gov/newsroom/media-resources/stats",
    "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
}

SOURCE_CBP_SOUTHWEST_LAND_BORDER_ENCOUNTERS = {
    "title": ("CBP, Southwest Land Border Encounters dashboard (official update of 13 Oct 2022), FY2019-FY2021 by "
     "month, component and title of authority"),
    "path": "https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters",
    "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
}

SOURCE_CBP_FY22_FY25_FYTD_SOUTHWEST = {
    "title": "CBP, FY22-FY25 (FYTD) Southwest Land Border Encounters - August (sbo-encounters-fy22-fy25-aug.csv)",
    "path": "https://www.cbp.gov/document/stats/southwest-land-border-encounters",
    "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
}

SOURCE_CBP_NATIONWIDE_ENCOUNTERS_FY20_FY23 = {
    "title": "CBP, Nationwide Encounters FY20-FY23 by state (November 2023 release)",
    "path": ("https://www.cbp.gov/sites/default/files/assets/documents/2023-Nov/nationwide-encounters-fy20-fy23-state.csv"),
    "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
}

SOURCE_DHS_OHSS_KNOWLEDGE_HUB_CBP = {
    "title": "DHS OHSS Knowledge Hub, CBP Encounters, USBP workbook fy25m11 (cross-check, rounded to 10)",
    "path": "https://ohss.dhs.gov/khsm/cbp-encounters",
    "description": "Read 2026-11-28 (a third-party byte copy of the published file was read).",
}

FIELDS_STATUS_TO_NOTE = [
    field("status", "string", required=True),
    field("source", "string", "Source key(s), ';'-separated, expanded in immigration_sources.csv",
      pattern="[a-z0-9_]+(;[a-z0-9_]+)*", required=True),
    field("note", "string"),
]

FIELDS_REGION_TO_ENCOUNTER_TYPE = [
    field("region", "string", "Southwest Land Border, or Nationwide (all CBP)",
      enum=["Southwest Land Border", "Nationwide"], required=True),
    field("component", "string",
      "U.S. Border Patrol (between ports), Office of Field Operations (at ports) or their sum",
      enum=["U.S. Border Patrol", "Office of Field Operations", "CBP total (USBP + OFO)"],
      required=True),
    field("title_of_authority", "string",
      ("Title 8 (immigration law) or Title 42 (public-health expulsions, 21 Mar 2020 - 11 May 2023); "
           "'All' rows are totals, never add them to the others"), 
      enum=["Title 8", "Title 42", "All (Title 8 + Title 42)"], required=True),
    field("encounter_type", "string",
      "Title 8 USBP = apprehensions, Title 8 OFO = inadmissibles, Title 42 = expulsions",
      enum=["apprehensions", "inadmissibles", "apprehensions + inadmissibles", "expulsions", "encounters"],
      required=True),
]
