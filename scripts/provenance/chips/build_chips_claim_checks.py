"""Describe data/chips_claim_checks.csv in data/datapackage.json.

The table (one row per CHIP-, EXP- and ICT- claim: how notebook 07 judges it, the public value, its source) is
maintained by hand: since its first version was generated from the per-claim tables of the earlier compilation, rows
have been re-sourced claim by claim and seven columns added as verdicts were re-read (commits 46ba021 to 1f475ec).
That generator no longer reproduces the table and is superseded; git keeps it (scripts/provenance/chips/build_claims.py
at commit 3316219). This script only records the description (the committed CSV is the input of record).

Run from the repository root: ``PYTHONPATH=src python scripts/provenance/chips/build_chips_claim_checks.py``
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import describe, field  # noqa: E402
from _chips_descriptions import (  # noqa: E402
    LICENSES_CC_BY_4_0,
    SOURCE_PUBLIC_PAGES_READ_WITH_THE_2,
    SOURCE_WHITE_HOUSE_FACT_SHEETS_STATEMENTS,
)

RESOURCE = {
    "name": "chips_claim_checks",
    "path": "chips_claim_checks.csv",
    "title": "Per-claim check plan for the CHIP-, EXP- and ICT- claims (notebook 07)",
    "description": ("One row per claim: how notebook 07 judges it (method), the public value it is compared with (or the "
     "tidy table it is computed from), the declared tolerance, the basis of the public value (measure, "
     "year, definition), its source (publisher, page, date, URL, date read; source_kind says whether it "
     "is an official document, the original publisher or a secondary report), the legal instrument where "
     "one fixes the number, and the reasons: a note for any verdict, the reason used if the numbers "
     "differ, or why the claim is not checkable. Verdicts themselves are computed in the notebook, never "
     "stored here."),
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "sources": [SOURCE_PUBLIC_PAGES_READ_WITH_THE_2, SOURCE_WHITE_HOUSE_FACT_SHEETS_STATEMENTS],
    "licenses": LICENSES_CC_BY_4_0,
    "schema": {
        "fields": [
            field("claim_id", "string", "Claim id in data/claims.csv", required=True, unique=True,
              pattern="(CHIP|EXP|ICT)-\\d{2}"),
            field("method", "string", "compare / compare_range / table / internal / not_checkable",
              required=True, enum=["compare", "compare_range", "table", "internal", "not_checkable"]),
            field("public_value", "number", "Public value compared with the claim (method compare)"),
            field("public_low", "number", "Low end of a public range (method compare_range)"),
            field("public_high", "number", "High end of a public range (method compare_range)"),
            field("public_unit", "string", "Unit of the public value"),
            field("stated_as", "string",
              ("Restatement of the claim's stated value used in the check, where the register's "
                   "cannot be used as it is")),
            field("abs_tol", "number", "Declared absolute tolerance (rounding of the stated value)",
              required=True, minimum=0),
            field("rel_tol", "number", "Declared relative tolerance ('about')", required=True, minimum=0,
              maximum=1),
            field("basis", "string", "What the public value measures: definition, scope, year"),
            field("publisher", "string", "Publisher of the public value"),
            field("source_page", "string", "Page or document read"),
            field("source_date", "string", "Publication date of the source"),
            field("source_url", "string", "URL", pattern="https?://.+"),
            field("source_kind", "string", "official / original_publisher / secondary_report / none",
              required=True, enum=["official", "original_publisher", "secondary_report", "none"]),
            field("found_by", "string",
              ("earlier_compilation (docs/sources/chips_exp.md) / search_tool / data_resource (values "
                   "from the named table) / none"), 
              required=True, enum=["earlier_compilation", "search_tool", "data_resource", "none"]),
            field("date_read", "date", "Date the source was read"),
            field("data_resource", "string", "Tidy resource(s) the notebook computes from, ';'-separated",
              pattern="[a-z0-9_]+(;[a-z0-9_]+)*"),
            field("legal_instrument", "string",
              "Statute, rule or order that fixes the number, where one does"),
            field("evidence_period", "string",
              ("Period the evidence covers; compared with the claim register period (same text when "
                   "the same)")),
            field("evidence_scope", "string",
              ("What the evidence measures: quantity, coverage, unit basis, and who states it; "
                   "compared with the register scope")),
            field("immaterial_period", "string",
              ("If evidence_period differs from the claim period: why that does not change the "
                   "comparison (empty: a difference makes the verdict differs)")),
            field("immaterial_scope", "string",
              ("If evidence_scope differs from the claim scope: why that does not change the "
                   "comparison")),
            field("attributed_because", "string",
              ("Set when public_value is what the named source itself states and its own data are not "
                   "public: why not (verdict attributed)")),
            field("note", "string", "Context recorded with any verdict"),
            field("reason_if_differs", "string",
              "Reason recorded if the computed value differs from the stated one"),
            field("not_checkable_reason", "string",
              "Why the claim cannot be checked (method not_checkable)"),
            field("not_checkable_category", "string",
              ("For method not_checkable: forecast, opinion, counterfactual, confidential_microdata, "
                   "proprietary_data or no_public_record"), 
            
              enum=[
                    "forecast",
                    "opinion",
                    "counterfactual",
                    "confidential_microdata",
                    "proprietary_data",
                    "no_public_record",
                ]),
            field("searched", "string", "For no_public_record: what public material was searched"),
        ],
        "primaryKey": ["claim_id"],
        "missingValues": [""],
    },
}

if __name__ == "__main__":
    describe(RESOURCE)
