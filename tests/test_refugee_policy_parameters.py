"""Structure of data/refugee_policy_parameters.csv: cited policy values behind claims REF-01 ... REF-24.

The table (one cited value per row) is checked for what the Table Schema cannot express: claim ids that exist in
the claims register, provenance on every value, date-valued rows that carry a date, empty values that say what
was looked for, and agreement with the other cited refugee tables where they overlap.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from analysis.core import data

NAME = "refugee_policy_parameters"
# Claims the table was built for (brief of 2026-11-28); each needs at least one row.
TARGET_CLAIMS = {"REF-01", "REF-05", "REF-06", "REF-10", "REF-15", "REF-17", "REF-18", "REF-19", "REF-20",
                 "REF-21", "REF-22", "REF-23", "REF-24"}
PROVENANCE = ["source_title", "publisher", "url", "quote_or_locator", "source_kind"]


# ------------------------------------------------------------------------------------------------ helpers
def split_claims(cell) -> list[str]:
    """Claim ids in a ';'-separated cell (empty list for an empty cell)."""
    if cell is None or pd.isna(cell):
        return []
    return [c.strip() for c in str(cell).split(";") if c.strip()]


def unknown_claims(frame: pd.DataFrame, known: set[str]) -> list[str]:
    """'parameter_id: claim' for every claim id not in the register."""
    return [f"{pid}: {c}" for pid, cell in zip(frame["parameter_id"], frame["claim_ids"])
            for c in split_claims(cell) if c not in known]


def missing_provenance(frame: pd.DataFrame) -> list[str]:
    """'parameter_id: column' where a row with a value or a date lacks a provenance field."""
    has_content = frame["value"].notna() | frame["date"].notna()
    out = []
    for _, row in frame[has_content].iterrows():
        for col in PROVENANCE:
            if pd.isna(row[col]) or not str(row[col]).strip():
                out.append(f"{row['parameter_id']}: {col}")
    return out


def unexplained_gaps(frame: pd.DataFrame) -> list[str]:
    """Rows with no value (and, for date-valued rows, no date) whose note does not say what was not found."""
    is_date = frame["unit"] == "date"
    gap = (~is_date & frame["value"].isna()) | (is_date & frame["date"].isna())
    note = frame["note"].fillna("")
    return frame.loc[gap & ~note.str.contains("NOT FOUND"), "parameter_id"].tolist()


def parse_date(text: str) -> pd.Timestamp:
    """A YYYY-MM-DD or YYYY-MM string as a Timestamp (first of the month for YYYY-MM); ValueError otherwise."""
    fmt = "%Y-%m-%d" if len(text) == 10 else "%Y-%m"
    return pd.to_datetime(text, format=fmt)


# ------------------------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return data.load(NAME)


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return data.load("claims")


def row(table: pd.DataFrame, pid: str) -> pd.Series:
    hit = table[table["parameter_id"] == pid]
    assert len(hit) == 1, f"{NAME}: expected one row {pid!r}, found {len(hit)}"
    return hit.iloc[0]


# ------------------------------------------------------------------------------------------------ tests
def test_loads_with_rows(table):
    assert len(table) >= len(TARGET_CLAIMS)
    assert table["parameter_id"].is_unique


def test_every_claim_id_is_in_the_register(table, claims):
    bad = unknown_claims(table, set(claims["claim_id"]))
    assert not bad, f"{NAME}: claim ids not in data/claims.csv: {bad}"


def test_claims_are_refugee_claims_and_all_targets_covered(table, claims):
    used = {c for cell in table["claim_ids"] for c in split_claims(cell)}
    topic = claims.set_index("claim_id")["topic"]
    assert {c for c in used if topic[c] != "refugees"} == set()
    assert TARGET_CLAIMS - used == set(), f"{NAME}: no row for {sorted(TARGET_CLAIMS - used)}"


def test_every_value_and_date_has_provenance(table):
    assert missing_provenance(table) == []


def test_urls_are_web_addresses_for_every_value(table):
    with_value = table[table["value"].notna()]
    assert with_value["url"].str.match(r"https?://\S+$").all()


def test_date_rows_have_no_value(table):
    date_rows = table[table["unit"] == "date"]
    assert len(date_rows) > 0
    assert date_rows["value"].isna().all(), date_rows.loc[date_rows["value"].notna(), "parameter_id"].tolist()


def test_gaps_say_what_was_looked_for(table):
    assert unexplained_gaps(table) == []


def test_dates_are_real_and_within_the_policy_period(table):
    dates = table["date"].dropna().map(parse_date)
    assert dates.min() >= pd.Timestamp("2017-01-01")
    assert dates.max() <= pd.Timestamp("2021-12-31")
    assert (table["date_read"] >= dates.max()).all()


def test_ceilings_agree_with_the_ceilings_table(table):
    ceilings = data.load("refugee_ceilings_admissions").set_index("fiscal_year")
    assert row(table, "fy2019_determination_signed")["value"] == ceilings.at[2019, "ceiling_initial"]
    assert row(table, "fy2021_determination_signed")["value"] == ceilings.at[2021, "ceiling_initial"]


def test_guatemala_application_outcomes_add_up(table):
    applied = row(table, "aca_guatemala_applied_sfrc")["value"]
    outcomes = row(table, "aca_guatemala_abandoned")["value"] + row(table, "aca_guatemala_undecided")["value"]
    assert outcomes == applied
    assert applied <= row(table, "aca_guatemala_transferred_sfrc")["value"]


def test_determination_dates_in_order(table):
    """Proposal to Congress, then signature, then Federal Register publication."""
    for fy, proposed in (("fy2019", "fy2019_report_submitted"), ("fy2021", "fy2021_proposed_ceiling_submitted")):
        steps = [row(table, p)["date"] for p in (proposed, f"{fy}_determination_signed", f"{fy}_determination_published")]
        assert [parse_date(s) for s in steps] == sorted(parse_date(s) for s in steps), f"{fy}: {steps}"


# ----------------------------------------------------------------------------- the checks can fail
def test_helpers_catch_bad_rows():
    bad = pd.DataFrame({
        "parameter_id": ["a", "b", "c"],
        "claim_ids": ["REF-01;REF-99", "REF-05", "REF-06"],
        "value": [1.0, None, None],
        "unit": ["days", "persons", "date"],
        "date": ["2017-01-27", None, None],
        "source_title": ["t", "t", "t"], "publisher": ["p", "p", "p"],
        "url": [None, "https://x", "https://x"], "quote_or_locator": ["s", "s", "s"],
        "source_kind": ["primary"] * 3, "note": ["", "", "looked everywhere"],
    })
    assert unknown_claims(bad, {"REF-01", "REF-05", "REF-06"}) == ["a: REF-99"]
    assert missing_provenance(bad) == ["a: url"]
    assert unexplained_gaps(bad) == ["b", "c"]
    with pytest.raises(ValueError):
        parse_date("2017-13-01")


def test_descriptor_rejects_a_malformed_copy(tmp_path):
    res = data.resource(NAME)
    src = data.paths.DATA / res["path"]
    copy = tmp_path / res["path"]
    shutil.copy(src, copy)
    text = copy.read_text(encoding="utf-8").replace(",REF-01,", ",REF-1,", 1).replace(",2017-03-16,", ",16/03/2017,", 1)
    copy.write_text(text, encoding="utf-8")
    spec = {k: v for k, v in res.items() if k not in ("hash", "bytes")}
    problems = data.validate_file(copy, spec)
    columns = {p.column for p in problems}
    assert {"claim_ids", "date"} <= columns, [str(p) for p in problems]


def test_every_value_carries_a_note(table):
    """A consumer that records a 'differs' verdict needs a reason; each value row says its caveats."""
    with_value = table[table["value"].notna()]
    empty = with_value.loc[with_value["note"].fillna("").str.strip() == "", "parameter_id"].tolist()
    assert empty == []
