"""Parts of the descriptions that several chips resources share (sources, licences, runs of fields)."""

from _common import field


SOURCE_PUBLIC_PAGES_READ_WITH_THE = {
    "title": "Public pages read with the project's search tool (URL per row, with the date read)",
    "path": "see source_url column",
}

LICENSES_CC_BY_4_0 = [
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "This compilation: CC BY 4.0 (facts transcribed from the cited publications, with per-row source)",
    },
    {
        "name": "other-at",
        "title": ("Cited publishers (SIA, IC Insights, TrendForce, news outlets, law firms) keep their copyright; "
         "only individual facts are cited, with publisher and URL per row"),
    },
]

SOURCE_PUBLIC_PAGES_READ_WITH_THE_2 = {
    "title": "Public pages read with the project's search tool on 2026-11-28 (URL per row, found_by = search_tool)",
    "path": "see source_url column",
}

SOURCE_WHITE_HOUSE_FACT_SHEETS_STATEMENTS = {
    "title": ("White House fact sheets, statements and transcripts (bidenwhitehouse.archives.gov), read in the "
     "GitHub archive brian14708/wh-briefings at commit 737ca03a271adc205c67766074ec8d0070f7ad95"),
    "path": "https://github.com/brian14708/wh-briefings",
}

SOURCE_EARLIER_COMPILATION_OF_PUBLIC_SOURCES = {
    "title": ("Earlier compilation of public sources for the CHIP and EXP claims (publisher, page, date and URL "
     "given per row; found_by = earlier_compilation)"),
    "path": "docs/sources/chips_exp.md",
    "description": ("Rows re-read from the compilation on 2026-11-28; the public origin of each value is the row's "
     "source_url."),
}

FIELDS_PUBLISHER_TO_SOURCE_URL = [
    field("publisher", "string",
      "Publisher of the figure (the original publisher where known, e.g. SIA, IC Insights)",
      required=True),
    field("source_page", "string",
      ("Page or document the value was read from (title, outlet, date); may be a secondary report of "
           "the publisher's figure"), 
      required=True),
    field("source_url", "string", "URL of the page read", required=True, pattern="https?://.+"),
]

FIELDS_SOURCE_URL_TO_NOTE = [
    field("source_url", "string", "URL", required=True, pattern="https?://.+"),
    field("found_by", "string",
      ("How obtained: earlier_compilation = from an earlier compilation of public sources "
           "(docs/sources/chips_exp.md)"), 
      required=True, enum=["earlier_compilation"]),
    field("date_read", "date", "Date read", required=True),
    field("note", "string", "Caveat"),
]

FIELDS_PUBLISHER_TO_DATE_READ = [
    *FIELDS_PUBLISHER_TO_SOURCE_URL,
    field("found_by", "string",
      ("earlier_compilation = taken, with its publisher and URL, from an earlier compilation of "
           "public sources made for this project (docs/sources/chips_exp.md); search_tool = read by this "
           "notebook's author with the search tool"), 
      required=True, enum=["earlier_compilation", "search_tool"]),
    field("date_read", "date", "Date the value was read", required=True),
]

FIELDS_PUBLISHER_TO_NOTE = [
    *FIELDS_PUBLISHER_TO_DATE_READ,
    field("note", "string", "Publisher's wording or caveat"),
]

FIELDS_PUBLISHER_TO_NOTE_2 = [
    *FIELDS_PUBLISHER_TO_DATE_READ,
    field("note", "string", "Publisher's wording"),
]
