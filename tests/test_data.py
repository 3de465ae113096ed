"""The one loader: every resource loads typed; every malformed file is refused with file, row, column, rule."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.core import data, paths

REFUGEES = "refugee_ceilings_admissions"


def test_every_resource_in_the_descriptor_validates():
    assert data.verify_all() == []


def test_load_types_columns_from_the_schema():
    table = data.load(REFUGEES)
    assert str(table["fiscal_year"].dtype) == "Int64"
    assert str(table["admitted"].dtype) == "Int64"
    assert table["fiscal_year"].is_unique
    assert table["admitted"].isna().sum() == 2  # FY2025 and FY2026 have no full-year count
    assert list(table.columns) == [f["name"] for f in data.resource(REFUGEES)["schema"]["fields"]]


def test_unknown_resource_names_the_known_ones():
    with pytest.raises(KeyError, match="refugee_ceilings_admissions"):
        data.load("no_such_table")


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _set_cell(path, row, column, value):
    """Replace one cell (row 1 = first data row) through pandas, keeping everything else as text."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row - 1, column] = value
    frame.to_csv(path, index=False, lineterminator="\n")


# Each case: how to break the refugee table, then the (rule, row, column) the loader must report.
# Rows count data rows (1 = first after the header); None means the rule has no row or column.
MALFORMED = {
    "wrong_type": (lambda p: _set_cell(p, 5, "admitted", "seventy"), ("type-error", 5, "admitted")),
    "thousands_separator": (lambda p: _set_cell(p, 3, "admitted", "98,096"), ("type-error", 3, "admitted")),
    "decimal_in_integer": (lambda p: _set_cell(p, 4, "ceiling_final", "90000.5"), ("type-error", 4, "ceiling_final")),
    "out_of_range": (lambda p: _set_cell(p, 7, "ceiling_final", "-5"), ("constraint-error", 7, "ceiling_final")),
    "above_maximum": (lambda p: _set_cell(p, 7, "admitted", "9999999"), ("constraint-error", 7, "admitted")),
    "missing_required": (lambda p: _set_cell(p, 10, "ceiling_final", ""), ("constraint-error", 10, "ceiling_final")),
    "enum_violation": (lambda p: _set_cell(p, 2, "administration", "Lincoln"), ("constraint-error", 2, "administration")),
    "duplicate_key": (lambda p: _set_cell(p, 2, "fiscal_year", "1980"), ("primary-key", 2, "fiscal_year")),
    "extra_column": (
        lambda p: p.write_text("".join(l.rstrip("\n") + ",x\n" for l in _lines(p)), encoding="utf-8"),
        ("unknown-column", None, "x"),
    ),
    "missing_column": (
        lambda p: pd.read_csv(p, dtype=str, keep_default_na=False).drop(columns="admitted")
        .to_csv(p, index=False, lineterminator="\n"),
        ("missing-column", None, "admitted"),
    ),
    "renamed_column": (
        lambda p: p.write_text(p.read_text(encoding="utf-8").replace("admitted,", "admissions,", 1), encoding="utf-8"),
        ("missing-column", None, "admitted"),
    ),
    "truncated_file": (
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2].rsplit(b",", 3)[0]),
        ("hash-count", None, None),
    ),
    "empty_file": (lambda p: p.write_text("", encoding="utf-8"), ("empty-file", None, None)),
    "byte_order_mark": (lambda p: p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes()), ("encoding", None, None)),
    "latin1_encoding": (
        lambda p: p.write_bytes(p.read_bytes().replace(b"Reagan", "Réagan".encode("latin-1"), 1)),
        ("encoding", None, None),
    ),
    "reordered_columns": (
        lambda p: pd.read_csv(p, dtype=str, keep_default_na=False).iloc[:, ::-1]
        .to_csv(p, index=False, lineterminator="\n"),
        ("column-order", None, None),
    ),
    "schema_valid_but_changed": (lambda p: _set_cell(p, 20, "admitted", "1"), ("hash-count", None, None)),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_refugee_file_is_refused(case, data_copy):
    breaker, (rule, row, column) = MALFORMED[case]
    path = data_copy / data.resource(REFUGEES)["path"]
    breaker(path)
    with pytest.raises(data.DataError) as caught:
        data.load(REFUGEES)
    problems = caught.value.problems
    hit = [p for p in problems if p.rule == rule and p.row == row and (column is None or p.column == column)]
    assert hit, f"expected {rule} at row {row}, column {column}; got:\n{caught.value}"
    message = str(caught.value)
    assert "refugee_ceilings_admissions.csv" in message
    if row is not None:
        assert f"row {row}" in message and repr(column) in message


@pytest.mark.parametrize("value", ["inf", "-inf", "NaN", "nan"])
def test_non_finite_numbers_are_refused(tmp_path, value):
    path = tmp_path / "rates.csv"
    path.write_text(f"partner,rate_pct\nChina,19.3\nMexico,{value}\n", encoding="utf-8")
    res = {"name": "rates", "path": "rates.csv", "hash": "sha256:" + data.sha256(path),
           "schema": {"fields": [{"name": "partner", "type": "string"}, {"name": "rate_pct", "type": "number"}],
                      "primaryKey": ["partner"], "missingValues": [""]}}
    problems = data.validate_file(path, res)
    assert [(p.rule, p.row, p.column) for p in problems] == [("non-finite", 2, "rate_pct")]


def test_mixed_date_formats_are_refused(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("event,date\na,2017-01-27\nb,03/06/2017\nc,2017-10-24\n", encoding="utf-8")
    res = {"name": "events", "path": "events.csv",
           "schema": {"fields": [{"name": "event", "type": "string"}, {"name": "date", "type": "date"}],
                      "primaryKey": ["event"], "missingValues": [""]}}
    problems = data.validate_file(path, res)
    assert [(p.rule, p.row, p.column) for p in problems] == [("type-error", 2, "date")]


def test_csv_not_in_the_descriptor_is_flagged(data_copy):
    before = {str(p) for p in data.verify_all(full=False)}
    (data_copy / "stray.csv").write_text("a\n1\n", encoding="utf-8")
    new = [p for p in data.verify_all(full=False) if str(p) not in before]
    assert [(p.rule, p.file.endswith("stray.csv")) for p in new] == [("undescribed", True)]


def test_upsert_resource_records_hash_and_refuses_an_invalid_file(data_copy):
    path = data_copy / "toy.csv"
    path.write_text("id,value\n1,2.5\n2,3.5\n", encoding="utf-8")
    res = {"name": "toy", "path": "toy.csv", "title": "toy", "sources": [{"title": "test"}],
           "schema": {"fields": [{"name": "id", "type": "integer"}, {"name": "value", "type": "number"}],
                      "primaryKey": ["id"], "missingValues": [""]}}
    data.upsert_resource(res)
    assert data.load("toy")["value"].tolist() == [2.5, 3.5]
    described = json.loads((data_copy / "datapackage.json").read_text())
    assert described["resources"][-1]["hash"] == "sha256:" + data.sha256(path)
    path.write_text("id,value\n1,2.5\n1,3.5\n", encoding="utf-8")
    with pytest.raises(data.DataError, match="primary-key"):
        data.upsert_resource(res)


USER_SCHEMA = {
    "fields": [
        {"name": "unit_id", "type": "integer", "constraints": {"required": True}},
        {"name": "year", "type": "integer", "constraints": {"required": True, "minimum": 2015, "maximum": 2021}},
        {"name": "outcome", "type": "number"},
        {"name": "group", "type": "string", "constraints": {"required": True, "enum": ["a", "b"]}},
    ],
    "primaryKey": ["unit_id", "year"],
}


@pytest.mark.parametrize("body, rule, row, column", [
    ("unit_id,year,outcome,group\n1,2015,1.0,a\n1,2015,2.0,a\n", "duplicate-key", 2, None),
    ("unit_id,year,outcome,group\n1,2015,abc,a\n", "type-error", 1, "outcome"),
    ("unit_id,year,outcome,group\n1,2014,1.0,a\n", "constraint-error", 1, "year"),
    ("unit_id,year,outcome,group\n1,2015,inf,a\n", "constraint-error", 1, "outcome"),
    ("unit_id,year,outcome,group\n1,2015,1.0,c\n", "constraint-error", 1, "group"),
    ("unit_id,year,outcome\n1,2015,1.0\n", "missing-column", None, "group"),
    ("unit_id,year,outcome,group,extra\n1,2015,1.0,a,9\n", "extra-column", None, "extra"),
    ("", "empty-file", None, None),
])
def test_user_table_is_validated(tmp_path, body, rule, row, column):
    path = tmp_path / "panel.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(data.DataError) as caught:
        data.read_user_table(path, USER_SCHEMA)
    hits = [p for p in caught.value.problems if p.rule == rule and p.row == row
            and (column is None or p.column == column)]
    assert hits, str(caught.value)
    assert "panel.csv" in str(caught.value)


def test_user_table_parquet_round_trip(tmp_path):
    frame = pd.DataFrame({"unit_id": [1, 1], "year": [2015, 2016], "outcome": [0.5, None], "group": ["a", "a"]})
    path = tmp_path / "panel.parquet"
    frame.to_parquet(path)
    out = data.read_user_table(path, USER_SCHEMA)
    assert out["outcome"].isna().sum() == 1 and len(out) == 2


def test_repository_data_folder_is_the_default():
    assert paths.DATA.name == "data" and paths.DESCRIPTOR.is_file()


# ------------------------------------------------------------------- the validation ledger (data/validated.json)
def test_a_recorded_entry_is_served_without_revalidating(data_copy, output_dir, monkeypatch):
    """A fresh machine (no build/ stamps) loads a committed, recorded file without frictionless's row-by-row pass."""
    name = "refugee_ceilings_admissions"
    assert data.validated_ledger()[name] == data.entry_key(data.resource(name))
    monkeypatch.setattr(data, "validate_file", lambda *a: pytest.fail("a recorded entry was validated again"))
    assert len(data.load(name)) > 0


def test_an_edited_file_is_validated_in_full_whatever_the_ledger_says(data_copy, output_dir):
    name = "refugee_ceilings_admissions"
    path = data_copy / data.resource(name)["path"]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[3, "admitted"] = "many"  # not an integer
    frame.to_csv(path, index=False, lineterminator="\n")
    data.rehash([name])  # the bytes now match the descriptor again, but they never passed validation
    assert name not in data.validated_ledger()
    with pytest.raises(data.DataError, match="admitted"):
        data.load(name)


def test_a_schema_change_without_a_ledger_update_is_validated_and_flagged(data_copy, output_dir, monkeypatch):
    name = "refugee_ceilings_admissions"
    package = data.descriptor()
    entry = next(r for r in package["resources"] if r["name"] == name)
    field = next(f for f in entry["schema"]["fields"] if f["name"] == "admitted")
    field.setdefault("constraints", {})["maximum"] = 10  # every real year breaks it
    (data_copy / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    with pytest.raises(data.DataError, match="maximum"):
        data.load(name)
    assert any(p.rule == "constraint-error" or "maximum" in p.message for p in data.verify_all(full=False))
    field["constraints"]["maximum"] = 10**9  # valid again, but not recorded
    (data_copy / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    assert [p.rule for p in data.verify_all(full=False)] == ["validation-unrecorded"]


def test_quick_verify_skips_only_recorded_bytes(data_copy, monkeypatch):
    """verify_all(full=False) re-validates exactly the files whose bytes or entry the ledger does not record."""
    validated = []
    real = data.validate_file
    monkeypatch.setattr(data, "validate_file", lambda path, res: validated.append(res["name"]) or real(path, res))
    assert data.verify_all(full=False) == [] and validated == []
    path = data_copy / data.resource(REFUGEES)["path"]
    path.write_text(path.read_text(encoding="utf-8").replace("\n", "\r\n", 1), encoding="utf-8")  # bytes drift
    problems = data.verify_all(full=False)
    assert validated == [REFUGEES] and any(p.rule == "hash-count" for p in problems), problems
