"""The one loader: ``load(name)`` returns a typed DataFrame of a resource in ``data/datapackage.json``.

The descriptor (Frictionless data-package format) is the contract: columns with types, units and constraints,
primary key, sources, licence, byte size and sha256. Each load validates the file against it with
frictionless-py, plus two rules the Table Schema standard leaves out (no byte-order mark; numbers finite), and
refuses a bad file with a :class:`DataError` naming the file, row, column and rule — never a silently wrong
frame.

Validation is row by row and takes seconds for the larger tables, so a file is validated in full only when its
exact bytes have not passed its exact descriptor entry before. Two records say that they have: the committed
ledger ``data/validated.json`` (written by ``python -m analysis data rehash`` and :func:`upsert_resource` after a
full validation, kept current by ``data verify`` and the tests, which re-validate everything) and a stamp under
``build/cache/validated/`` for entries validated on this machine. Both are keyed on the descriptor entry, which
holds the file's sha256, and apply only when the file's bytes match that sha256: an edited file is always
validated in full.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.core import io, paths

MAX_LISTED = 20  # problems listed in one error message; the count says how many more


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file. ``row`` is the data row (1 = first row after the header)."""

    file: str
    rule: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row} (line {self.row + 1})")
        if self.column:
            where.append(f"column {self.column!r}")
        return f"{', '.join(where)}: [{self.rule}] {self.message}"


class DataError(ValueError):
    """A data file does not match its descriptor. ``problems`` lists each violation."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n  ".join(str(p) for p in problems[:MAX_LISTED])
        more = f"\n  ... and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        super().__init__(f"{len(problems)} problem(s) in {problems[0].file}:\n  {shown}{more}")


# --------------------------------------------------------------------------------------------- descriptor
def descriptor(path: Path | None = None) -> dict:
    """The data-package descriptor as a dict (a fresh copy: the caller may change it)."""
    path = path or paths.DESCRIPTOR
    return json.loads(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _resources_by_name(text: str) -> dict[str, str]:
    # Parsed once per content of the file (every claim check loads the register: parsing 300 KB of JSON each time
    # was most of a check's cost). Kept as JSON text, so each caller gets its own copy to change.
    return {r["name"]: json.dumps(r) for r in json.loads(text)["resources"]}


def resource(name: str, package: dict | None = None) -> dict:
    """The descriptor of one resource; KeyError naming the known ones if absent."""
    if package is None:
        found = _resources_by_name(paths.DESCRIPTOR.read_text(encoding="utf-8"))
        if name in found:
            return json.loads(found[name])
        package = {"resources": [json.loads(r) for r in found.values()]}
    for res in package["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(sorted(r["name"] for r in package["resources"]))
    raise KeyError(f"no resource {name!r} in {paths.DESCRIPTOR}; known: {known}")


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ------------------------------------------------------------------------------------------- validation
def validate_file(path: Path, res: dict) -> list[Problem]:
    """Every problem of `path` against resource descriptor `res` (empty list when the file is valid)."""
    from frictionless import Resource  # imported lazily: it is slow to import and only needed here

    path = Path(path)
    label = file_label(path)
    if not path.is_file():
        return [Problem(label, "missing-file", "file not found")]
    if problems := validate_encoding(path):
        return problems

    if problems := _header_problems(path, res["schema"]):
        return problems  # row-level errors would only repeat the misaligned header
    spec = {k: v for k, v in res.items() if k not in ("sources", "licenses", "description", "title")}
    spec.update(path=path.name, encoding="utf-8", format="csv", dialect={"delimiter": ","})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = Resource.from_descriptor(spec, basepath=str(path.parent)).validate(limit_errors=1000)
    problems = []
    key = ",".join(res["schema"].get("primaryKey", []))
    names = [f["name"] for f in res["schema"]["fields"]]
    for row, field, rule, note, msg, cell, cells in report.flatten(["rowNumber", "fieldName", "type", "note",
                                                                    "message", "cell", "cells"]):
        if rule == "primary-key":
            field = key
            if cells:  # name the repeated key, not only its position
                values = dict(zip(names, cells))
                note = f"key ({', '.join(repr(values.get(k)) for k in key.split(','))}) repeated: {note or msg}"
        if cell is not None and rule in ("type-error", "constraint-error", "unique-error"):
            note = f"value {cell!r}: {note or msg}"  # the offending value, as written in the file
        if rule == "hash-count":
            note = "sha256 does not match the descriptor (the file changed after it was described); " + note
        if rule == "byte-count":
            note = "size does not match the descriptor (the file changed after it was described); " + note
        problems.append(Problem(label, rule, note or msg, None if row is None else row - 1, field))
    if not problems:
        problems += _nonfinite(path, res)
    return problems


def _header_problems(path: Path, schema: dict) -> list[Problem]:
    """Missing, unknown or reordered columns, named (Table Schema matches columns by position)."""
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    expected = [f["name"] for f in schema["fields"]]
    if header == expected:
        return []
    label = file_label(path)
    problems = [Problem(label, "missing-column", "column required by the schema is absent", None, c)
                for c in expected if c not in header]
    problems += [Problem(label, "unknown-column", "column not in the schema", None, c)
                 for c in header if c not in expected]
    if not problems:
        problems.append(Problem(label, "column-order", f"columns must be in the order {expected}; found {header}"))
    return problems


def _nonfinite(path: Path, res: dict) -> list[Problem]:
    """Table Schema lets a number be NaN or INF; here a measured value is finite or missing (empty)."""
    numbers = [f["name"] for f in res["schema"]["fields"] if f["type"] == "number"]
    if not numbers:
        return []
    frame = pd.read_csv(path, usecols=numbers, dtype=str, keep_default_na=False)
    problems = []
    for col in numbers:
        values = pd.to_numeric(frame[col].replace("", None), errors="coerce")
        bad = pd.Series(np.isinf(values.to_numpy(dtype=float)), index=frame.index)  # NaN here is an empty cell
        bad |= frame[col].str.strip().str.lower().isin(["nan", "na", "null"])
        for idx in frame.index[bad]:
            problems.append(Problem(file_label(path), "non-finite", f"value {frame.at[idx, col]!r} is not a finite number "
                                    "(leave the cell empty for a missing value)", int(idx) + 1, col))
    return problems


def file_label(path: Path) -> str:
    """How error messages name a file: its path inside the repository, else the path as given."""
    try:
        return str(Path(path).resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(path)


# ------------------------------------------------------------------------------------------------ loading
_PANDAS_TYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "string", "year": "Int64"}


def load(name: str) -> pd.DataFrame:
    """Validate ``data/<file>`` of resource `name` against the descriptor and return it, typed.

    Integer columns are nullable ``Int64``, numbers ``float64``, dates ``datetime64``, strings ``string``.
    Raises DataError (file, row, column, rule) for any violation — including a descriptor entry without its
    sha256 ``hash`` — and KeyError for an unknown name.
    """
    res = resource(name)
    path = paths.DATA / res["path"]
    if problems := _descriptor_problems(path, res):
        raise DataError(problems)
    # The in-memory cache is keyed on the file's bytes (their sha256), read on every call: a file edited while
    # a kernel runs is validated again (and refused if it no longer matches its hash), never served stale.
    digest = sha256(path) if path.is_file() else ""
    record_input(path, digest, name)
    return _load_checked(str(path), digest, json.dumps(res, sort_keys=True)).copy()


def record_input(path: Path, digest: str = "", resource: str = "") -> None:
    """Under the runner, add a file this kernel read to the run record in its staging folder: the runner keys the
    notebook's cached execution on the files listed there (``analysis.build.run``). Does nothing otherwise."""
    if paths.STAGING is not None:
        with open(paths.STAGING / paths.INPUTS_RECORD, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"path": str(Path(path).resolve()), "sha256": digest, "resource": resource}) + "\n")


def _descriptor_problems(path: Path, res: dict) -> list[Problem]:
    """A resource must record its sha256 and byte size: without them a changed file would pass unnoticed."""
    problems = []
    if not str(res.get("hash", "")).startswith("sha256:"):
        problems.append(Problem(file_label(path), "missing-hash", f"descriptor entry {res.get('name')!r} has no sha256 "
                                "hash; record it with `python -m analysis data rehash NAME` after reviewing the file"))
    if not isinstance(res.get("bytes"), int):
        problems.append(Problem(file_label(path), "missing-bytes", f"descriptor entry {res.get('name')!r} has no byte "
                                "size; record it with `python -m analysis data rehash NAME`"))
    return problems


@lru_cache(maxsize=64)
def _load_checked(path: str, digest: str, res_json: str) -> pd.DataFrame:
    # Cached in memory on (path, sha256 of the bytes, descriptor entry).
    res = json.loads(res_json)
    path = Path(path)
    stamp = _validation_stamp(path, digest, res_json)
    if stamp is None or not (recorded_valid(res, digest) or stamp.is_file()):
        problems = validate_file(path, res)
        if problems:
            raise DataError(problems)
        if stamp is not None:
            io.write_text(stamp, "valid\n", stage=False)
    return read_typed(path, res["schema"])


VALIDATED = "validated.json"
"""The committed ledger of descriptor entries whose file passed full validation (see the module docstring)."""


def entry_key(res: dict | str) -> str:
    """The sha256 of a descriptor entry (canonical JSON): what the validation ledger records for a resource."""
    text = res if isinstance(res, str) else json.dumps(res, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validated_ledger() -> dict[str, str]:
    """``{resource name: entry_key}`` from ``data/validated.json`` ({} if the file is absent)."""
    path = paths.DATA / VALIDATED
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8")).get("resources", {}))


def recorded_valid(res: dict, digest: str, ledger: dict[str, str] | None = None) -> bool:
    """True if the file's bytes (their sha256, `digest`) are the ones descriptor entry `res` records and
    ``data/validated.json`` (or `ledger`, read from it) records that entry as validated in full."""
    if not digest or res.get("hash") != "sha256:" + digest:
        return False
    ledger = validated_ledger() if ledger is None else ledger
    return ledger.get(res["name"]) == entry_key(res)


def _record_validated(results: dict[str, bool]) -> None:
    """Set (valid) or drop (invalid) the ledger entries of the named resources, from the current descriptor."""
    entries = {r["name"]: r for r in descriptor()["resources"]}
    ledger = validated_ledger()
    for name, valid in results.items():
        ledger.pop(name, None)
        if valid and name in entries:
            ledger[name] = entry_key(entries[name])
    io.write_json(paths.DATA / VALIDATED, {
        "about": "Descriptor entries (sha256 of their canonical JSON, which includes the file's sha256) whose file "
                 "passed full validation; the loader skips re-validating exactly these bytes against exactly this "
                 "entry. Written by `python -m analysis data rehash`; `data verify` re-validates all and checks it.",
        "resources": dict(sorted(ledger.items())),
    })


def _validation_stamp(path: Path, digest: str, res_json: str) -> Path | None:
    """A marker that these exact bytes passed this exact descriptor, so other processes skip re-validating.

    Keyed on the file's sha256 and the descriptor entry: any change to either means a full validation. Returns
    None (always validate) when the file's bytes do not match the descriptor's hash, so a drifted file is
    always reported in full.
    """
    if not digest or "sha256:" + digest != json.loads(res_json).get("hash"):
        return None
    key = hashlib.sha256((digest + res_json).encode()).hexdigest()[:32]
    return paths.BUILD / "cache" / "validated" / key


def read_typed(path: Path, schema: dict) -> pd.DataFrame:
    """Read a CSV already validated against `schema`, with pandas dtypes from its field types."""
    fields = schema["fields"]
    dtypes = {f["name"]: _PANDAS_TYPES.get(f["type"], "string") for f in fields}
    dates = [f["name"] for f in fields if f["type"] in ("date", "datetime")]
    for d in dates:
        dtypes[d] = "string"
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""],
                        true_values=["true", "True", "TRUE", "yes"], false_values=["false", "False", "FALSE", "no"])
    for d in dates:
        frame[d] = pd.to_datetime(frame[d], format="ISO8601")
    return frame[[f["name"] for f in fields]]


# ------------------------------------------------------------------------------------ descriptor upkeep
def verify_all(full: bool = True) -> list[Problem]:
    """Validate every resource in the descriptor (and flag CSVs in data/ that it does not describe).

    ``full=False`` skips the row-by-row validation of the files whose exact bytes and descriptor entry are recorded
    in ``data/validated.json`` (what the loader skips too); every other check is the same. ``python -m analysis
    data verify`` and the test of the data package validate in full, which is what keeps that record honest.
    """
    package = descriptor()
    ledger = validated_ledger()
    problems = []
    described = set()
    for res in package["resources"]:
        described.add(res["path"])
        path = paths.DATA / res["path"]
        problems += _descriptor_problems(path, res)
        if not full and path.is_file() and recorded_valid(res, sha256(path), ledger):
            continue
        found = validate_file(path, res)
        problems += found
        if not found and ledger.get(res["name"]) != entry_key(res):
            problems.append(Problem(file_label(paths.DATA / VALIDATED), "validation-unrecorded",
                                    f"{res['name']!r} is valid but data/{VALIDATED} does not record this descriptor "
                                    f"entry (every kernel would validate it again); record it with "
                                    f"`python -m analysis data rehash {res['name']}`"))
    for csv in sorted(paths.DATA.rglob("*.csv")):
        rel = csv.relative_to(paths.DATA).as_posix()
        if rel not in described and "fixtures" not in csv.parts:
            problems.append(Problem(file_label(csv), "undescribed", "CSV in data/ not described in datapackage.json"))
    return problems


def rehash(names: list[str] | None = None) -> list[str]:
    """Record the current sha256 and byte size of resources (all, or `names`) in the descriptor, validate them,
    and record in ``data/validated.json`` those that pass (an invalid one is still refused by every load).

    Only for a deliberate change of a data file, after reviewing it: the hash is what catches accidental drift.
    Returns the names whose hash changed.
    """
    package = descriptor()
    changed = []
    for res in package["resources"]:
        if names and res["name"] not in names:
            continue
        path = paths.DATA / res["path"]
        digest = "sha256:" + sha256(path)
        if res.get("hash") != digest:
            changed.append(res["name"])
        res["hash"], res["bytes"] = digest, path.stat().st_size
    io.write_text(paths.DESCRIPTOR, json.dumps(package, indent=2, ensure_ascii=False) + "\n")
    _record_validated({res["name"]: not validate_file(paths.DATA / res["path"], res)
                       for res in package["resources"] if not names or res["name"] in names})
    return changed


# ------------------------------------------------------------------------------- users' own tables (BYO)
_PANDERA_TYPES = {"integer": "int64", "number": "float64", "boolean": "bool", "string": "str", "year": "int64"}


def schema_to_pandera(schema: dict):
    """A pandera DataFrameSchema built from a Table Schema dict (types, required, min/max, enum, primaryKey).

    Used for tables a user brings (e.g. confidential microdata, millions of rows), where frictionless's
    row-by-row validation would take minutes; pandera checks whole columns at once.
    """
    import numpy as np
    import pandera.pandas as pa

    columns = {}
    for f in schema["fields"]:
        c = f.get("constraints", {})
        checks = []
        if "minimum" in c or "maximum" in c:
            checks.append(pa.Check.in_range(c.get("minimum", -np.inf), c.get("maximum", np.inf)))
        if "enum" in c:
            checks.append(pa.Check.isin(c["enum"]))
        if f["type"] == "number":
            checks.append(pa.Check(lambda s: ~np.isinf(pd.to_numeric(s, errors="coerce")), name="finite"))
        dtype = _PANDERA_TYPES.get(f["type"], "str")
        required = c.get("required", False)
        if dtype == "int64" and not required:
            dtype = "Int64"
        columns[f["name"]] = pa.Column(dtype, checks=checks, nullable=not required,
                                       unique=c.get("unique", False), coerce=True, required=True)
    return pa.DataFrameSchema(columns, unique=schema.get("primaryKey") or None, strict=True, coerce=True)


def read_user_table(path: str | Path, schema: dict) -> pd.DataFrame:
    """Read a user's CSV or Parquet file and validate it against a Table Schema dict.

    Returns the typed frame, or raises DataError naming file, row, column and rule — before any output is
    written, so a wrong schema never yields an estimate.
    """
    import pandera.errors

    path = Path(path)
    label = file_label(path)
    if not path.is_file():
        raise DataError([Problem(label, "missing-file", "file not found")])
    record_input(path)
    # Columns the schema declares as text are read as text: "09999" and "9999" stay two different ids.
    text = [f["name"] for f in schema["fields"] if f["type"] == "string"]
    if path.suffix.lower() in (".parquet", ".pq"):
        try:
            frame = pd.read_parquet(path)
        except Exception as err:  # pyarrow raises several types for a file that is not Parquet
            raise DataError([Problem(label, "format", f"not a readable Parquet file: {err}")]) from None
        for col in (c for c in text if c in frame.columns):
            frame[col] = _as_text(frame[col])
    elif path.suffix.lower() == ".csv":
        problems = validate_encoding(path)
        if problems:
            raise DataError(problems)
        try:
            frame = pd.read_csv(path, keep_default_na=False, na_values=[""], dtype={c: str for c in text})
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
            raise DataError([Problem(label, "format", f"not a readable CSV: {err}")]) from None
    else:
        raise DataError([Problem(label, "format", "expected a .csv or .parquet file")])
    if frame.empty:
        raise DataError([Problem(label, "empty-file", "no data rows")])
    try:
        return schema_to_pandera(schema).validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as err:
        raise DataError(_pandera_problems(label, err.failure_cases)) from None


def _as_text(column: pd.Series) -> pd.Series:
    """A Parquet column the schema declares as text, as text: whole floats (a code stored as 334.0) lose the
    ``.0`` they never had in the source, integers keep their digits, missing stays missing."""
    if pd.api.types.is_bool_dtype(column) or not pd.api.types.is_numeric_dtype(column):
        return column.astype("object").where(column.notna(), None)
    values = column.astype("float64")
    whole = values.notna() & (values == values.round())
    out = column.astype("object").where(column.notna(), None)
    out[whole] = values[whole].astype("int64").astype(str)
    out[values.notna() & ~whole] = values[values.notna() & ~whole].map(repr)
    return out


def _pandera_problems(label: str, cases: pd.DataFrame) -> list[Problem]:
    problems = []
    for case in cases.head(MAX_LISTED * 5).itertuples(index=False):
        row = None if pd.isna(case.index) else int(case.index) + 1
        column = None if pd.isna(case.column) else str(case.column)
        check = str(case.check)
        if check == "column_in_dataframe":
            column, rule, msg = str(case.failure_case), "missing-column", "required column is missing"
        elif check == "column_in_schema":
            column, rule, msg = str(case.failure_case), "extra-column", "column not in the schema"
        elif check.startswith("coerce_dtype") or check.startswith("dtype"):
            rule, msg = "type-error", f"value {case.failure_case!r} is not of type {check.split('(')[-1].rstrip(')')}"
        elif check == "not_nullable":
            rule, msg = "missing-value", "required value is missing"
        elif "duplicate" in check or check == "field_uniqueness" or check == "multiple_fields_uniqueness":
            rule, msg = "duplicate-key", f"duplicate key value {case.failure_case!r}"
        else:
            rule, msg = "constraint-error", f"value {case.failure_case!r} fails {check}"
        problem = Problem(label, rule, msg, row, column)
        if problem not in problems:
            problems.append(problem)
    # A value that could not be converted also fails every later check of its column; report it once.
    bad_types = {(p.row, p.column) for p in problems if p.rule == "type-error"}
    problems = [p for p in problems if p.rule == "type-error" or (p.row, p.column) not in bad_types
                and not (p.rule == "constraint-error" and "Error(" in p.message)]
    if len(cases) > len(problems):
        problems.append(Problem(label, "more", f"{len(cases) - len(problems)} further failures not listed"))
    return problems


def validate_encoding(path: Path) -> list[Problem]:
    """UTF-8 without byte-order mark, and not empty."""
    raw = Path(path).read_bytes()
    label = file_label(path)
    if not raw.strip():
        return [Problem(label, "empty-file", "file is empty")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return [Problem(label, "encoding", "file starts with a UTF-8 byte-order mark; save it without BOM")]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [Problem(label, "encoding", f"not valid UTF-8 at byte {err.start} (line {line})")]
    return []


def upsert_resource(res: dict) -> dict:
    """Add resource `res` to the descriptor, or replace the one with its name, recording its hash and size.

    Holds an exclusive lock on the descriptor while it reads and writes, so helpers adding resources at the
    same time do not lose each other's entries. Validates the file against `res` first: a resource whose file
    does not match its own schema is never described.
    """
    import fcntl

    res = dict(res)
    path = paths.DATA / res["path"]
    digest = "sha256:" + sha256(path)
    res.update(hash=digest, bytes=path.stat().st_size)
    problems = validate_file(path, res)
    if problems:
        raise DataError(problems)
    with open(paths.DESCRIPTOR.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        package = descriptor()
        names = [r["name"] for r in package["resources"]]
        if res["name"] in names:
            package["resources"][names.index(res["name"])] = res
        else:
            package["resources"].append(res)
        io.write_text(paths.DESCRIPTOR, json.dumps(package, indent=2, ensure_ascii=False) + "\n")
        _record_validated({res["name"]: True})
    return res
