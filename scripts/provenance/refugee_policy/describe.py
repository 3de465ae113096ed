from analysis.core import data

res = {
    "name": "refugee_policy_parameters",
    "path": "refugee_policy_parameters.csv",
    "title": "Refugee and asylum policy parameters 2017-2021 (suspensions, vetting, determinations, ACAs, PACR/HARP), one cited value per row",
    "description": (
        "Public values needed to check claims REF-01, REF-05, REF-06, REF-10, REF-15, REF-17 to REF-24 (Megan Hogan, PIIE, "
        "24 Jun 2024, 'Trump vs. Biden on immigration: A side-by-side policy comparison'). One row per parameter, each with "
        "its own source, URL, locator and date read. Rows with unit 'date' are date-valued: the value is in the date column "
        "and value is empty. An empty value in any other row means no stored source gave it; the note says what was "
        "looked for. Nothing is filled from memory or computed."),
    "sources": [
        {"title": "Federal Register: EO 13769 (82 FR 8977), EO 13815 (82 FR 50055), PD 2019-01 (83 FR 55091), PD 2021-02 (85 FR 71219), ACA interim final rule (84 FR 63994)",
         "path": "https://www.federalregister.gov/",
         "description": "Presidential documents and rules; exact page and URL per row. Read 2026-11-28."},
        {"title": "State Department TIAS 19-1115 (U.S.-Guatemala agreement, signed 26 Jul 2019, in force 15 Nov 2019); DHS press release of 29 Jan 2018; DHS fact sheet on agreements with Guatemala, Honduras and El Salvador; State Department statements of 17 Sep 2018 and 30 Sep 2020",
         "path": "https://www.dhs.gov/news/2018/01/29/dhs-announces-additional-enhanced-security-procedures-refugees-seeking-resettlement",
         "description": "Agency announcements; URL per row. Read 2026-11-28."},
        {"title": "GAO-21-144 (Jan 2021) on the PACR/HARP pilots; Senate Foreign Relations Committee report S. Prt. 117-13 (18 Jan 2021) on the ACAs",
         "path": "https://www.gao.gov/products/gao-21-144",
         "description": "Oversight reports; URL per row. Read 2026-11-28."},
        {"title": "Secondary: Human Rights Watch / Refugees International, Reuters, AP, Washington Post, VOA, Courthouse News, CQ Roll Call, Miller Mayer, LIRS, Infogalactic, Immigration Policy Tracking Project",
         "path": "https://www.hrw.org/report/2020/05/19/deportation-layover/failure-protection-under-us-guatemala-asylum-cooperative",
         "description": "Used where no primary text was found in the stored sources; source_kind = secondary in those rows. Read 2026-11-28."},
    ],
    "licenses": [
        {"name": "public-domain-us-gov",
         "title": "US government works (17 U.S.C. 105); facts from other publishers cited with attribution, no text reproduced beyond short locators"}
    ],
    "schema": {
        "fields": [
            {"name": "parameter_id", "type": "string", "description": "Unique snake_case key",
             "constraints": {"required": True, "unique": True, "pattern": "[a-z0-9]+(_[a-z0-9]+)*"}},
            {"name": "claim_ids", "type": "string", "description": "Claims (data/claims.csv) the row bears on, ';'-separated",
             "constraints": {"required": True, "pattern": "REF-[0-9]{2}(;REF-[0-9]{2})*"}},
            {"name": "instrument", "type": "string", "description": "Executive order, determination, agreement, programme or announcement",
             "constraints": {"required": True}},
            {"name": "parameter", "type": "string", "description": "What is measured, in words", "constraints": {"required": True}},
            {"name": "value", "type": "number", "description": "The value in `unit`; empty for date-valued rows and where no source gives it",
             "constraints": {"minimum": 0}},
            {"name": "unit", "type": "string", "description": "Unit of value; 'date' marks a date-valued row (value in the date column)",
             "constraints": {"required": True, "enum": ["days", "countries", "persons", "years", "agreements", "indicator", "date"]}},
            {"name": "date", "type": "string",
             "description": "ISO 8601 date (YYYY-MM-DD), or month (YYYY-MM) where the source gives only the month: the date the value refers to, or the instrument's date",
             "constraints": {"pattern": "[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?"}},
            {"name": "source_title", "type": "string", "description": "Title of the source read"},
            {"name": "publisher", "type": "string"},
            {"name": "url", "type": "string", "description": "Address of the copy read", "constraints": {"pattern": "https?://\\S+"}},
            {"name": "date_read", "type": "date", "constraints": {"required": True}},
            {"name": "quote_or_locator", "type": "string", "description": "Section, page or paragraph; short phrase only"},
            {"name": "source_kind", "type": "string",
             "constraints": {"enum": ["primary", "official_statistics", "secondary"]}},
            {"name": "note", "type": "string", "description": "Caveats: approximations, count dates, discrepancies, what was looked for when empty"},
        ],
        "primaryKey": ["parameter_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    out = data.upsert_resource(res)
    print(out["name"], out["hash"], out["bytes"])
