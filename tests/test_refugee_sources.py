"""Every source key used in the refugee tables is expanded in refugee_sources.csv, and only those keys are.

Keys are read from ceiling_source/admitted_source (refugee_ceilings_admissions.csv) and source_a/source_b
(refugee_cross_check.csv). A cell looks like ``initial:KEY;revised:KEY+KEY;final:KEY``: split on ``;``, drop a
``label:`` prefix, split on ``+``.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.core import data

KEY_COLUMNS = {
    "refugee_ceilings_admissions": ["ceiling_source", "admitted_source"],
    "refugee_cross_check": ["source_a", "source_b"],
}
LABELS = {"initial", "revised", "final"}


def split_keys(cell: str) -> set[str]:
    """The source keys in one cell; ValueError for an unknown label or an empty key."""
    keys = set()
    if cell is None or pd.isna(cell) or not str(cell).strip():
        return keys
    for part in str(cell).split(";"):
        if ":" in part:
            label, part = part.split(":", 1)
            if label.strip() not in LABELS:
                raise ValueError(f"unknown label {label!r} in {cell!r}")
        for key in part.split("+"):
            if not key.strip():
                raise ValueError(f"empty key in {cell!r}")
            keys.add(key.strip())
    return keys


def keys_used(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """Map each key to the places (table, row, column) that use it."""
    used: dict[str, list[str]] = {}
    for name, frame in tables.items():
        for col in KEY_COLUMNS[name]:
            for row, cell in enumerate(frame[col].tolist(), start=1):
                for key in split_keys(cell):
                    used.setdefault(key, []).append(f"{name} row {row} column {col}")
    return used


def missing_keys(used: dict[str, list[str]], sources: pd.DataFrame) -> dict[str, list[str]]:
    known = set(sources["key"].astype(str))
    return {k: where for k, where in used.items() if k not in known}


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {name: data.load(name) for name in KEY_COLUMNS}


@pytest.fixture(scope="module")
def sources() -> pd.DataFrame:
    return data.load("refugee_sources")


def test_split_keys():
    assert split_keys("initial:PD-2016-09-28;revised:EO13769+EO13780;final:EO13769+EO13780+MPI2025") == {
        "PD-2016-09-28", "EO13769", "EO13780", "MPI2025"}
    assert split_keys("UPI1989+IRAP2021") == {"UPI1989", "IRAP2021"}
    assert split_keys("") == set()
    with pytest.raises(ValueError, match="empty key"):
        split_keys("final:MPI2025+")
    with pytest.raises(ValueError, match="unknown label"):
        split_keys("ceiling:MPI2025")


def test_tables_use_keys(tables):
    used = keys_used(tables)
    # the key columns are filled: every row of the main table names a ceiling source
    assert len(used) > 10
    assert "WRAPS2024" in used and "MPI2025" in used


def test_every_used_key_is_expanded(tables, sources):
    missing = missing_keys(keys_used(tables), sources)
    assert not missing, "keys used but not in refugee_sources.csv: " + "; ".join(
        f"{k} (first at {where[0]})" for k, where in sorted(missing.items()))


def test_only_used_keys_are_listed(tables, sources):
    extra = set(sources["key"]) - set(keys_used(tables))
    assert not extra, f"keys in refugee_sources.csv that no refugee table uses: {sorted(extra)}"


def test_a_missing_key_is_caught(tables, sources):
    """Mutated copies: drop one source row, or add an unknown key to a table; both must be reported."""
    used = keys_used(tables)
    dropped = sources[sources["key"] != "PD-2016-09-28"]
    assert set(missing_keys(used, dropped)) == {"PD-2016-09-28"}

    mutated = {name: frame.copy() for name, frame in tables.items()}
    main = mutated["refugee_ceilings_admissions"]
    main.loc[main.index[0], "admitted_source"] = "WRAPS2024+NOSUCH1999"
    missing = missing_keys(keys_used(mutated), sources)
    assert list(missing) == ["NOSUCH1999"]
    assert missing["NOSUCH1999"] == ["refugee_ceilings_admissions row 1 column admitted_source"]


def test_kinds_dates_and_urls(sources):
    assert set(sources["kind"]) <= {"primary", "official_statistics", "crs", "compilation", "news"}
    # a Presidential Determination key carries its signing date, which must equal the date column
    for row in sources.itertuples():
        m = re.fullmatch(r"PD-(\d{4}-\d{2}-\d{2})", row.key)
        if m:
            assert row.kind == "primary", row.key
            assert str(row.date.date()) == m.group(1), row.key
    urls = sources["url"].dropna()
    assert urls.str.match(r"https?://").all()
