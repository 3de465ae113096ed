"""From customs declaration lines to the GVC firm-year panel, out of core with DuckDB.

A researcher with the Mexican customs microdata holds one row per declaration line (schema
``data/schemas/gvc_transactions.schema.json``: firm, date, 8-digit tariff fraction, flow, partner country, US dollar
value), hundreds of millions of them, plus the IMMEX register (``gvc_immex.schema.json``) and a firm register with
each firm's main activity (``gvc_firms.schema.json``). :func:`build_panel` turns them, with a table of product-level
US tariff changes on China (``gvc_tariff_changes.schema.json``), into the firm-year panel of
``gvc_panel.schema.json`` that notebook 03 and :mod:`analysis.studies.gvc` read:

- **outcomes** by firm and calendar year of the declaration date: ``ln`` of exports to the US, of imports from the
  US and of total exports (empty when zero), and ``asinh`` of net exports (total exports − total imports);
- **GVC status**: 1 if the firm's IMMEX registration was in force on some day of the base year 2017;
- **sector** (NAICS 3-digit) from the firm register, and ``manufacturing`` = sector 31x–33x;
- **tariff exposure** ``Σ_p s_ip · Δτ_p``: ``s_ip`` the share of HS6 product *p* (first 6 digits of the fraction)
  in firm *i*'s 2017 exports to the US (``export_basis="us"``, the measure
  :func:`analysis.studies.gvc.firm_exposure` describes; ``"all"`` for all destinations), ``Δτ_p`` the
  product's US tariff change on China, in pp;
- **input exposure**: the same sum over the firm's 2017 imports from China (0 for a firm with none).

The panel holds every year of the input for every firm with 2017 exports on the chosen basis (the exposure is not
defined for the others; they are counted in the summary). It is balanced: a year without trade has empty logs and
``asinh_net_exports`` = 0.

How it runs: DuckDB reads the files where they are (a glob of many Parquet or CSV files), with a memory limit and a
spill directory, so the input never has to fit in memory; the same SQL runs on a bigger machine unchanged. One scan
of the transactions checks every row against the schema (types, required values, ranges, enums, patterns) **and**
aggregates them to firm × year (× HS6 product in 2017); if any row fails, nothing is written and a second query
finds the first offending rows (file, row within that file, column, value). The output Parquet is validated against
the panel schema with the same loader notebook 03 uses (:func:`analysis.studies.gvc.load_panel`).
``benchmarks/bench_gvc_panel.py`` times it on 10–100 million lines beside :func:`reference_panel_pandas`, the same
build in pandas (in memory), which is also what the tests compare it with cell for cell.
"""

from __future__ import annotations

import glob as globlib
import json
import shutil
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from analysis.core import data, io, paths
from analysis.studies import gvc as study

BASE_YEAR = 2017
SCHEMAS = ("gvc_transactions", "gvc_immex", "gvc_firms", "gvc_tariff_changes", "gvc_panel")
MAX_ROWS_SHOWN = 20  # offending rows looked up and listed when a table fails validation
_SQL_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE", "boolean": "BOOLEAN"}
_NUMERIC = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
            "UHUGEINT", "FLOAT", "DOUBLE", "REAL"}
PANEL_COLUMNS = ("firm_id", "year", "gvc", "manufacturing", "sector", study.EXPOSURE, study.INPUT_EXPOSURE,
                 *study.OUTCOMES)


def schema(name: str) -> dict:
    """A Table Schema of ``data/schemas/`` as a dict (``gvc_transactions``, ``gvc_immex``, ``gvc_firms``,
    ``gvc_tariff_changes``, ``gvc_panel``)."""
    return json.loads((paths.DATA / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------------ results
@dataclass
class BuildSummary:
    """What a build read, kept and left out, and how long each stage took (printed by the CLI, written beside
    the output as ``<out>.build.json``)."""

    transaction_files: int
    transaction_rows: int
    years: list[int]
    base_year: int
    export_basis: str
    firms_in_transactions: int
    firms_in_panel: int
    firms_without_base_year_exports: int
    firms_without_register_row: int
    gvc_firms: int
    panel_rows: int
    unknown_products: int
    unknown_products_export_share: float
    unknown_products_import_share: float
    memory_limit: str
    threads: int
    seconds: dict = field(default_factory=dict)

    def lines(self) -> list[str]:
        return [
            f"read {self.transaction_rows:,} transaction lines from {self.transaction_files} file(s), "
            f"years {self.years[0]}–{self.years[-1]}",
            f"firms: {self.firms_in_transactions:,} in the transactions, {self.firms_in_panel:,} in the panel "
            f"({self.gvc_firms:,} GVC); left out: {self.firms_without_base_year_exports:,} without "
            f"{self.base_year} exports ({'to the US' if self.export_basis == 'us' else 'any destination'}), "
            f"{self.firms_without_register_row:,} without a row in the firm register",
            f"panel: {self.panel_rows:,} firm-years" + (
                f"; {self.unknown_products} HS6 product(s) without a tariff change treated as 0 "
                f"({self.unknown_products_export_share:.2%} of {self.base_year} exports, "
                f"{self.unknown_products_import_share:.2%} of imports from China)" if self.unknown_products else ""),
            "time: " + ", ".join(f"{k} {v:.1f} s" for k, v in self.seconds.items()),
        ]


@dataclass
class PanelBuild:
    """Result of :func:`build`: the panel (a DataFrame, validated), where it was written (or None) and a summary."""

    panel: pd.DataFrame | None
    path: Path | None
    summary: BuildSummary


# ------------------------------------------------------------------------------------------ input tables
@dataclass
class _Source:
    """One input table: files (CSV or Parquet, same format) or a registered DataFrame."""

    label: str
    files: list[Path] = field(default_factory=list)
    fmt: str = ""  # "parquet" | "csv" | "frame"
    frame_name: str = ""


def _resolve(spec, what: str) -> _Source:
    """A path, a glob, a list of paths or a DataFrame -> _Source; DataError if nothing matches."""
    if isinstance(spec, pd.DataFrame):
        return _Source(label=f"{what} (DataFrame)", fmt="frame")
    items = [spec] if isinstance(spec, (str, Path)) else list(spec)
    files: list[Path] = []
    for item in items:
        text = str(item)
        if any(ch in text for ch in "*?["):
            hits = sorted(globlib.glob(text, recursive=True))
            if not hits:
                raise data.DataError([data.Problem(text, "missing-file", f"no {what} file matches this pattern")])
            files += [Path(h) for h in hits if Path(h).is_file()]
        else:
            path = Path(text)
            if path.is_dir():
                files += sorted(p for p in path.iterdir() if p.suffix.lower() in (".parquet", ".pq", ".csv"))
            elif not path.is_file():
                raise data.DataError([data.Problem(data.file_label(path), "missing-file", "file not found")])
            else:
                files.append(path)
    if not files:
        raise data.DataError([data.Problem(str(spec), "missing-file", f"no {what} files found")])
    kinds = {"parquet" if f.suffix.lower() in (".parquet", ".pq") else "csv" if f.suffix.lower() == ".csv"
             else f.suffix for f in files}
    bad = [k for k in kinds if k not in ("parquet", "csv")]
    if bad or len(kinds) > 1:
        raise data.DataError([data.Problem(data.file_label(files[0]), "format",
                                           f"{what} files must all be .parquet or all .csv; found {sorted(kinds)}")])
    label = data.file_label(files[0]) if len(files) == 1 else f"{what} ({len(files)} files, e.g. {files[0].name})"
    return _Source(label=label, files=files, fmt=kinds.pop())


def _sql_list(items) -> str:
    return "[" + ", ".join(_quote(str(i)) for i in items) + "]"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _reader(src: _Source, files: Sequence[Path] | None = None) -> str:
    """SQL table function reading the source raw, with the file name and (Parquet) the row within the file."""
    files = src.files if files is None else files
    if src.fmt == "parquet":
        return (f"read_parquet({_sql_list(files)}, filename = true, file_row_number = true, "
                f"union_by_name = true)")
    if src.fmt == "csv":
        return (f"read_csv({_sql_list(files)}, header = true, all_varchar = true, filename = true, "
                f"union_by_name = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"')")
    return src.frame_name


def _header_problems(con, src: _Source, sch: dict) -> list[data.Problem]:
    """Missing or extra columns, file by file."""
    expected = [f["name"] for f in sch["fields"]]
    per_file: dict[str, list[str]] = {}
    if src.fmt == "parquet":
        try:
            rows = con.execute(f"SELECT file_name, name FROM parquet_schema({_sql_list(src.files)}) "
                               "WHERE num_children IS NULL OR num_children = 0").fetchall()
        except Exception as err:  # noqa: BLE001 — duckdb raises several kinds for unreadable files
            raise data.DataError([data.Problem(src.label, "format", f"not a readable Parquet file: {_short(err)}")])
        for fname, col in rows:
            per_file.setdefault(fname, []).append(col)
    elif src.fmt == "csv":
        import csv

        for f in src.files:
            problems = _csv_start_problems(f)
            if problems:
                return problems
            with open(f, encoding="utf-8", newline="") as handle:
                per_file[str(f)] = next(csv.reader(handle), [])
    else:
        per_file[src.label] = [c for c in con.execute(f"DESCRIBE {src.frame_name}").df()["column_name"]
                               if c != "__row"]
    problems = []
    for fname, cols in per_file.items():
        label = data.file_label(Path(fname)) if src.fmt != "frame" else src.label
        problems += [data.Problem(label, "missing-column", "column required by the schema is absent", None, c)
                     for c in expected if c not in cols]
        problems += [data.Problem(label, "extra-column", "column not in the schema", None, c)
                     for c in cols if c not in expected]
    return problems


def _csv_start_problems(path: Path) -> list[data.Problem]:
    """Empty file, byte-order mark or non-UTF-8 bytes at the start (the rest is decoded by DuckDB)."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    label = data.file_label(path)
    if not head.strip():
        return [data.Problem(label, "empty-file", "file is empty")]
    if head.startswith(b"\xef\xbb\xbf"):
        return [data.Problem(label, "encoding", "file starts with a UTF-8 byte-order mark; save it without BOM")]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 4:  # not just a character cut at the end of the block
            line = head[: err.start].count(b"\n") + 1
            return [data.Problem(label, "encoding", f"not valid UTF-8 at byte {err.start} (line {line})")]
    return []


def _short(err: Exception) -> str:
    return str(err).strip().splitlines()[0][:300]


# ------------------------------------------------------------------------------------- typed view + checks
@dataclass
class _Check:
    rule: str
    column: str
    condition: str  # SQL on the raw columns, true for an offending row
    message: str  # what is wrong; the value is appended
    mode: str = "row"  # how it is detected: "distinct" | "extreme" | "row" (see _violations)
    aggregate: str = ""  # "extreme" mode: SQL over min_/max_/n_ aggregates, true if some row fails


def _typed_columns(con, relation: str, sch: dict, label: str) -> tuple[dict[str, str], list[_Check]]:
    """For each schema field: the SQL expression of its typed value, and the row checks of its constraints."""
    raw_types = {r[0]: r[1].upper() for r in con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()}
    exprs, checks, problems = {}, [], []
    for f in sch["fields"]:
        name, ftype, cons = f["name"], f["type"], f.get("constraints", {})
        col = _ident(name)
        target = _SQL_TYPES.get(ftype, "VARCHAR")
        raw = raw_types.get(name, "VARCHAR")
        base_raw = raw.split("(")[0]
        exact = base_raw == target
        if exact:
            expr = col
        elif ftype == "string":
            expr = f"CAST({col} AS VARCHAR)"
        elif ftype == "date" and base_raw.startswith("TIMESTAMP"):
            expr = f"CAST({col} AS DATE)"
        elif ftype in ("number", "integer") and (base_raw in _NUMERIC or base_raw.startswith("DECIMAL")):
            expr = f"CAST({col} AS {target})" if ftype == "number" else f"TRY_CAST({col} AS {target})"
        elif base_raw == "VARCHAR":
            expr = f"TRY_CAST(trim({col}) AS {target})"
        else:
            problems.append(data.Problem(label, "type-error", f"column is stored as {raw}; the schema wants "
                                         f"{ftype} ({target}, or text in that format)", None, name))
            continue
        exprs[name] = expr
        is_text = base_raw == "VARCHAR"
        # string fields: checks depend on the value alone -> evaluated once per distinct value; exact-typed
        # numbers and dates: min, max and counts tell whether any row fails; text to be parsed: row by row
        mode = "distinct" if ftype == "string" else "row" if "TRY_CAST" in expr else "extreme"
        first = len(checks)
        if expr.startswith("TRY_CAST"):
            nonempty = f"trim({col}) <> ''" if is_text else "TRUE"
            checks.append(_Check("type-error", name, f"{col} IS NOT NULL AND {nonempty} AND {expr} IS NULL",
                                 f"value is not of type {ftype}"))
        if cons.get("required"):
            empty = f"{col} IS NULL" + (f" OR trim({col}) = ''" if is_text else "")
            checks.append(_Check("missing-value", name, empty, "required value is missing"))
        lit = (lambda v: f"DATE {_quote(str(v))}") if ftype == "date" else (lambda v: repr(float(v)))
        if "minimum" in cons:
            checks.append(_Check("constraint-error", name, f"{expr} < {lit(cons['minimum'])}",
                                 f"value is below the minimum {cons['minimum']}"))
        if "maximum" in cons:
            checks.append(_Check("constraint-error", name, f"{expr} > {lit(cons['maximum'])}",
                                 f"value is above the maximum {cons['maximum']}"))
        if "enum" in cons:
            allowed = ", ".join(_quote(str(v)) if ftype == "string" else repr(v) for v in cons["enum"])
            checks.append(_Check("constraint-error", name, f"{expr} NOT IN ({allowed})",
                                 f"value is not one of {cons['enum']}"))
        if "pattern" in cons:
            checks.append(_Check("constraint-error", name,
                                 f"NOT regexp_full_match({expr}, {_quote(cons['pattern'])})",
                                 f"value does not match the pattern {cons['pattern']}"
                                 + (" (a code stored as a number loses its leading zeros)" if not is_text else "")))
        if ftype == "number":
            checks.append(_Check("non-finite", name, f"NOT isfinite({expr})", "value is not a finite number"))
        i = len(exprs) - 1
        for c in checks[first:]:
            c.mode = mode
            if mode != "extreme":
                continue
            if c.rule == "missing-value":
                c.aggregate = f"n_{i} < n_rows"
            elif c.rule == "non-finite":  # DuckDB orders NaN above +inf, so max catches it
                c.aggregate = f"NOT isfinite(min_{i}) OR NOT isfinite(max_{i})"
            elif c.condition.startswith(f"{expr} < "):
                c.aggregate = f"min_{i}" + c.condition[len(expr):]
            elif c.condition.startswith(f"{expr} > "):
                c.aggregate = f"max_{i}" + c.condition[len(expr):]
            else:  # e.g. an enum on a number: row by row
                c.mode = "row"
    if problems:
        raise data.DataError(problems)
    return exprs, checks


def _count_sql(checks: list[_Check]) -> str:
    return ", ".join(f"count(*) FILTER (WHERE {c.condition}) AS bad_{i}" for i, c in enumerate(checks))


def _violations(con, stages: "_Stages", relation: str, exprs: dict[str, str], checks: list[_Check],
                what: str) -> tuple[int, list[bool]]:
    """Whether any row fails each check, without evaluating every check on every row.

    A string field's checks read only its value, so they run on its distinct values (one light GROUP BY each;
    codes, countries, flows and firms have few distinct values next to the rows). For numbers and dates stored
    with their type, ``min``, ``max`` and ``count`` decide the range, finiteness and missing-value checks.
    Only text that must be parsed (a CSV's dates and numbers) is checked row by row. Returns the row count and
    one flag per check; exact counts are taken only when something fails.
    """
    names = list(exprs)
    aggs = ["count(*) AS n_rows"]
    for i, name in enumerate(names):
        if any(c.mode == "extreme" and c.column == name for c in checks):
            aggs += [f"count({_ident(name)}) AS n_{i}", f"min({exprs[name]}) AS min_{i}",
                     f"max({exprs[name]}) AS max_{i}"]
    row_checks = [(j, c) for j, c in enumerate(checks) if c.mode == "row"]
    aggs += [f"count(*) FILTER (WHERE {c.condition}) AS r_{j}" for j, c in row_checks]
    ext = [(j, c) for j, c in enumerate(checks) if c.mode == "extreme" and c.aggregate]
    flags_sql = ", ".join(["n_rows"] + [f"coalesce({c.aggregate}, FALSE)" for _, c in ext]
                          + [f"r_{j} > 0" for j, _ in row_checks])
    got = stages.run(f"check {what}: numbers, dates",
                     f"SELECT {flags_sql} FROM (SELECT {', '.join(aggs)} FROM {relation})", fetch=True)[0]
    flags = [False] * len(checks)
    for k, (j, _) in enumerate(ext + row_checks):
        flags[j] = bool(got[1 + k])
    for name in names:
        mine = [(j, c) for j, c in enumerate(checks) if c.mode == "distinct" and c.column == name]
        if not mine:
            continue
        col = _ident(name)
        conds = ", ".join(f"count(*) FILTER (WHERE coalesce({c.condition}, FALSE)) > 0" for _, c in mine)
        hit = stages.run(f"check {what}: {name}",
                         f"SELECT {conds} FROM (SELECT {col} FROM {relation} GROUP BY {col})", fetch=True)[0]
        for (j, _), h in zip(mine, hit):
            flags[j] = bool(h)
    return int(got[0]), flags


def _raise_row_problems(con, src: _Source, sch: dict, checks: list[_Check], counts: Sequence[int] | None = None,
                        flags: Sequence[bool] | None = None) -> None:
    """Look up the first offending rows (file, row within the file, column, value) and raise DataError.

    Give exact `counts` per check, or `flags` (any row fails) — the counts are then taken here, in one scan.
    """
    if counts is None:
        flagged = [c for c, f in zip(checks, flags) if f]
        if not flagged:
            return
        got = con.execute(f"SELECT {_count_sql(flagged)} FROM {_reader(src)}").fetchone()
        failing = [(c, int(n)) for c, n in zip(flagged, got) if n]
        if not failing:  # the quick checks and the row checks must agree; never let a flagged table through
            raise data.DataError([data.Problem(src.label, "validation", "a check failed on the whole table but no "
                                               f"row was found: {[f'{c.column} {c.rule}' for c in flagged]}")])
    else:
        failing = [(c, int(n)) for c, n in zip(checks, counts) if n]
    if not failing:
        return
    any_bad = " OR ".join(f"coalesce({c.condition}, FALSE)" for c, _ in failing)
    flags = ", ".join(f"coalesce({c.condition}, FALSE) AS f_{i}" for i, (c, _) in enumerate(failing))
    values = ", ".join(f"CAST({_ident(c.column)} AS VARCHAR) AS v_{i}" for i, (c, _) in enumerate(failing))
    rows: list[tuple[str, int, tuple, tuple]] = []
    if src.fmt == "parquet":
        got = con.execute(f"SELECT filename, file_row_number, {flags}, {values} FROM {_reader(src)} "
                          f"WHERE {any_bad} ORDER BY filename, file_row_number LIMIT {MAX_ROWS_SHOWN}").fetchall()
        k = len(failing)
        rows = [(g[0], int(g[1]) + 1, g[2:2 + k], g[2 + k:]) for g in got]
    elif src.fmt == "csv":
        bad_files = [r[0] for r in con.execute(f"SELECT DISTINCT filename FROM {_reader(src)} WHERE {any_bad} "
                                                "ORDER BY filename LIMIT 5").fetchall()]
        threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
        con.execute("SET threads = 1")  # one thread: the window below numbers rows in file order
        try:
            for fname in bad_files:
                got = con.execute(f"SELECT * FROM (SELECT row_number() OVER () AS rn, {flags}, {values} "
                                  f"FROM {_reader(src, [Path(fname)])}) WHERE "
                                  + " OR ".join(f"f_{i}" for i in range(len(failing)))
                                  + f" ORDER BY rn LIMIT {MAX_ROWS_SHOWN}").fetchall()
                k = len(failing)
                rows += [(fname, int(g[0]), g[1:1 + k], g[1 + k:]) for g in got]
        finally:
            con.execute(f"SET threads = {int(threads)}")
    else:
        got = con.execute(f"SELECT __row, {flags}, {values} FROM {src.frame_name} WHERE {any_bad} "
                          f"ORDER BY __row LIMIT {MAX_ROWS_SHOWN}").fetchall()
        k = len(failing)
        rows = [(src.label, int(g[0]) + 1, g[1:1 + k], g[1 + k:]) for g in got]
    problems = []
    for fname, row, flags_row, vals in rows[:MAX_ROWS_SHOWN]:
        label = data.file_label(Path(fname)) if src.fmt in ("parquet", "csv") else src.label
        for (c, _), hit, val in zip(failing, flags_row, vals):
            if hit:
                shown = "" if c.rule == "missing-value" else f": {val!r}"
                problems.append(data.Problem(label, c.rule, c.message + shown, row, c.column))
    total = sum(n for _, n in failing)
    summary = "; ".join(f"{c.column} {c.rule} ({c.message}): {n:,} row(s)" for c, n in failing)
    problems.append(data.Problem(src.label, "summary", f"{total:,} failing check(s) in all: {summary}"))
    raise data.DataError(problems)


# -------------------------------------------------------------------------------------------- connection
def _connect(memory_limit: str, temp_directory: Path, threads: int | None):
    import duckdb

    con = duckdb.connect(config={"memory_limit": memory_limit, "temp_directory": str(temp_directory),
                                 "preserve_insertion_order": False})
    con.execute("SET enable_progress_bar = false")  # our own bar reads query_progress()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    return con


class _Stages:
    """Runs the build's SQL one stage at a time, timing each; with `progress`, one tqdm bar over the stages whose
    fraction within the running stage comes from DuckDB's own query progress (``query_progress()``)."""

    def __init__(self, con, progress: bool, total: int):
        self.con, self.seconds, self.done, self.bar = con, {}, 0, None
        if progress:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, unit="stage", bar_format="{desc:<40}{percentage:3.0f}%|{bar}| {elapsed}")

    def run(self, stage: str, sql: str, fetch: bool = False):
        start = time.perf_counter()
        if self.bar is None:
            result = self.con.execute(sql)
            out = result.fetchall() if fetch else None
        else:
            out = self._watched(stage, sql, fetch)
        self._finish(stage, start)
        return out

    def step(self, stage: str, fn):
        """A stage done in Python (e.g. the panel's validation)."""
        start = time.perf_counter()
        if self.bar is not None:
            self.bar.set_description_str(stage)
        out = fn()
        self._finish(stage, start)
        return out

    def close(self) -> None:
        if self.bar is not None:
            self.bar.n = self.bar.total
            self.bar.set_description_str("done")
            self.bar.close()

    def _finish(self, stage: str, start: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start
        self.done += 1
        if self.bar is not None:
            self.bar.n = min(self.done, self.bar.total)
            self.bar.refresh()

    def _watched(self, stage: str, sql: str, fetch: bool):
        box: dict = {}

        def work():
            try:
                res = self.con.execute(sql)
                box["out"] = res.fetchall() if fetch else None
            except BaseException as err:  # noqa: BLE001 — re-raised in the calling thread
                box["err"] = err

        self.bar.set_description_str(stage)
        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        while thread.is_alive():
            thread.join(0.25)
            try:
                pct = float(self.con.query_progress())
            except Exception:  # noqa: BLE001 — no query running at this instant
                pct = -1
            if pct >= 0:
                self.bar.n = min(self.done + min(pct, 100.0) / 100, self.bar.total)
                self.bar.refresh()
        if "err" in box:
            raise box["err"]
        return box.get("out")


def _register(con, src: _Source, spec, name: str) -> _Source:
    if src.fmt == "frame":
        frame = spec.copy()
        frame["__row"] = np.arange(len(frame), dtype=np.int64)
        con.register(name, frame)
        src.frame_name = name
    return src


def _load_table(con, stages: _Stages, spec, what: str, sch: dict, view: str) -> _Source:
    """Validate a small input table (IMMEX, firms, tariffs) and create a typed view `view` of it."""
    src = _register(con, _resolve(spec, what), spec, f"{view}_frame")
    if problems := _header_problems(con, src, sch):
        raise data.DataError(problems)
    relation = _reader(src)
    exprs, checks = _typed_columns(con, relation, sch, src.label)
    counts = stages.run(f"check {what}", f"SELECT count(*), {_count_sql(checks)} FROM {relation}", fetch=True)[0]
    if counts[0] == 0:
        raise data.DataError([data.Problem(src.label, "empty-file", "no data rows")])
    _raise_row_problems(con, src, sch, checks, counts=counts[1:])
    cols = ", ".join(f"{exprs[f['name']]} AS {_ident(f['name'])}" for f in sch["fields"])
    con.execute(f"CREATE TEMP TABLE {view} AS SELECT {cols} FROM {relation}")
    key = sch.get("primaryKey")
    if key:
        k = ", ".join(_ident(c) for c in key)
        dup = con.execute(f"SELECT {k}, count(*) FROM {view} GROUP BY ALL HAVING count(*) > 1 LIMIT 5").fetchall()
        if dup:
            raise data.DataError([data.Problem(src.label, "duplicate-key", f"key value {d[:-1]!r} appears {d[-1]} "
                                               "times", None, ",".join(key)) for d in dup])
    return src


# ------------------------------------------------------------------------------------------------- build
def build(transactions, immex, firms, tariffs, out: str | Path | None = None, *, base_year: int = BASE_YEAR,
          export_basis: str = "us", us: str = "USA", china: str = "CHN", years: Sequence[int] | None = None,
          unknown_products: str = "error", missing_firms: str = "error", memory_limit: str = "1GB",
          temp_directory: str | Path | None = None, threads: int | None = None,
          progress: bool = False) -> PanelBuild:
    """Build and validate the GVC firm-year panel from customs transactions (see the module docstring).

    Parameters
    ----------
    transactions : a path, a glob (``'customs/*.parquet'``), a folder, a list of paths (all Parquet or all CSV)
        or a DataFrame, in the schema ``gvc_transactions``.
    immex, firms, tariffs : the IMMEX register (``gvc_immex``), the firm register (``gvc_firms``) and the HS6
        tariff changes (``gvc_tariff_changes``): a CSV or Parquet path, or a DataFrame with those columns.
    out : Parquet file to write (atomically, after validation); None keeps the panel in memory only.
    base_year : year of the pre-war shares and of the GVC status (2017).
    export_basis : ``"us"`` (shares of 2017 exports to the US) or ``"all"`` (of 2017 exports to all destinations).
    us, china : partner codes of the United States and China in the transactions.
    years : panel years (default: every year from the first to the last in the transactions).
    unknown_products : ``"error"`` (default) if a 2017 HS6 product is missing from `tariffs`, or ``"zero"`` to
        treat it as untouched (the summary reports its share of 2017 trade).
    missing_firms : ``"error"`` (default) if a firm with 2017 exports has no row in `firms`, or ``"drop"``.
    memory_limit, temp_directory, threads : DuckDB's memory ceiling (it spills to `temp_directory`, by default a
        fresh temporary folder removed afterwards), and threads (default: all cores).
    progress : show a progress bar per stage (DuckDB's query progress).

    Returns
    -------
    PanelBuild
        ``panel`` (validated, typed as :func:`analysis.studies.gvc.load_panel` returns it), ``path``,
        ``summary`` (:class:`BuildSummary`).

    Raises
    ------
    analysis.core.data.DataError
        Naming file, row (within that file), column and value of the first offending rows of any input, or the
        firms and products that cannot be matched; nothing is written then.
    """
    if export_basis not in ("us", "all"):
        raise ValueError(f"export_basis must be 'us' or 'all', not {export_basis!r}")
    if unknown_products not in ("error", "zero"):
        raise ValueError(f"unknown_products must be 'error' or 'zero', not {unknown_products!r}")
    if missing_firms not in ("error", "drop"):
        raise ValueError(f"missing_firms must be 'error' or 'drop', not {missing_firms!r}")
    own_tmp = temp_directory is None
    spill = Path(tempfile.mkdtemp(prefix="gvc_panel_spill_")) if own_tmp else Path(temp_directory)
    spill.mkdir(parents=True, exist_ok=True)
    con = _connect(memory_limit, spill, threads)
    # stages: 3 small tables, numbers/dates + one per string column of the transactions, aggregate, write, validate
    n_strings = sum(f["type"] == "string" for f in schema("gvc_transactions")["fields"])
    stages = _Stages(con, progress, total=3 + 1 + n_strings + 3)
    try:
        return _build(con, stages, transactions, immex, firms, tariffs, out, base_year=base_year,
                      export_basis=export_basis, us=us, china=china, years=years,
                      unknown_products=unknown_products, missing_firms=missing_firms, memory_limit=memory_limit)
    finally:
        stages.close()
        con.close()
        if own_tmp:
            shutil.rmtree(spill, ignore_errors=True)


def build_panel(transactions, immex, firms, tariffs, out: str | Path | None = None, **options):
    """The one call for notebook 03: the validated firm-year panel as a DataFrame, or its path if `out` is given.

    Same arguments as :func:`build`. Example::

        panel = gvc_panel.build_panel("customs/*.parquet", "immex.csv", "firms.csv", "tariffs.csv")
    """
    result = build(transactions, immex, firms, tariffs, out, **options)
    return result.path if out is not None else result.panel


def _build(con, stages: _Stages, transactions, immex, firms, tariffs, out, *, base_year, export_basis, us, china,
           years, unknown_products, missing_firms, memory_limit) -> PanelBuild:
    # small tables first: a wrong register fails in a second, before the long scan
    _load_table(con, stages, immex, "IMMEX register", schema("gvc_immex"), "immex")
    _load_table(con, stages, firms, "firm register", schema("gvc_firms"), "firms")
    tar_src = _load_table(con, stages, tariffs, "tariff changes", schema("gvc_tariff_changes"), "tariffs")

    sch = schema("gvc_transactions")
    src = _register(con, _resolve(transactions, "transactions"), transactions, "transactions_frame")
    if problems := _header_problems(con, src, sch):
        raise data.DataError(problems)
    relation = _reader(src)
    try:
        exprs, checks = _typed_columns(con, relation, sch, src.label)
    except data.DataError:
        raise
    except Exception as err:  # noqa: BLE001
        raise data.DataError([data.Problem(src.label, "format", f"cannot read: {_short(err)}")]) from None
    try:
        n_rows, flags = _violations(con, stages, relation, exprs, checks, "transactions")
        if n_rows == 0:
            raise data.DataError([data.Problem(src.label, "empty-file", "no data rows")])
        if any(flags):
            _raise_row_problems(con, src, sch, checks, flags=flags)
    except data.DataError:
        raise
    except Exception as err:  # noqa: BLE001 — unreadable file, bad UTF-8, out of disk: name the input
        raise data.DataError([data.Problem(src.label, "format", f"cannot read: {_short(err)}")]) from None

    x = {name: f"({e})" for name, e in exprs.items()}
    yr = f"year({x['date']})"
    is_x, is_m = f"{x['flow']} = 'export'", f"{x['flow']} = 'import'"
    to_us, to_cn = f"{x['partner_country']} = {_quote(us)}", f"{x['partner_country']} = {_quote(china)}"
    # One scan: firm × year totals by flow and partner, with the HS6 product kept only in the base year (the
    # shares' year), so the table stays a few rows per firm-year.
    stages.run("aggregate transactions", f"""
        CREATE TEMP TABLE cells AS
        SELECT {x['firm_id']} AS firm_id, {yr} AS year,
               CASE WHEN {yr} = {int(base_year)} THEN substr({x['tariff_fraction']}, 1, 6) END AS hs6,
               sum({x['value_usd']}) FILTER (WHERE {is_x} AND {to_us}) AS x_us,
               sum({x['value_usd']}) FILTER (WHERE {is_x}) AS x_all,
               sum({x['value_usd']}) FILTER (WHERE {is_m} AND {to_us}) AS m_us,
               sum({x['value_usd']}) FILTER (WHERE {is_m}) AS m_all,
               sum({x['value_usd']}) FILTER (WHERE {is_m} AND {to_cn}) AS m_cn
        FROM {relation}
        GROUP BY ALL""")
    firms_in_tx = int(con.execute("SELECT count(DISTINCT firm_id) FROM cells").fetchone()[0])

    if years is None:
        lo, hi = con.execute("SELECT min(year), max(year) FROM cells").fetchone()
        years = list(range(int(lo), int(hi) + 1))
    years = sorted(int(y) for y in years)
    if base_year not in years:
        raise data.DataError([data.Problem(src.label, "no-base-year",
                                           f"no transactions in the base year {base_year}", None, "date")])
    basis = "x_us" if export_basis == "us" else "x_all"

    # products of the base year without a tariff change
    unknown = con.execute(f"""
        SELECT c.hs6, sum(c.{basis}) AS v_x, sum(c.m_cn) AS v_m
        FROM cells c ANTI JOIN tariffs t ON c.hs6 = t.hs6
        WHERE c.hs6 IS NOT NULL AND (coalesce(c.{basis}, 0) > 0 OR coalesce(c.m_cn, 0) > 0)
        GROUP BY c.hs6 ORDER BY coalesce(v_x, 0) + coalesce(v_m, 0) DESC""").fetchall()
    base_tot = con.execute(f"SELECT sum({basis}), sum(m_cn) FROM cells WHERE hs6 IS NOT NULL").fetchone()
    share_x = sum(u[1] or 0 for u in unknown) / base_tot[0] if unknown and base_tot[0] else 0.0
    share_m = sum(u[2] or 0 for u in unknown) / base_tot[1] if unknown and base_tot[1] else 0.0
    if unknown and unknown_products == "error":
        problems = [data.Problem(tar_src.label, "unknown-product",
                                 f"HS6 product {u[0]!r} traded in {base_year} (exports {u[1] or 0:,.0f} USD, "
                                 f"imports from China {u[2] or 0:,.0f} USD) has no tariff change; list it (0 if "
                                 "untouched) or pass unknown_products='zero'", None, "hs6") for u in unknown[:10]]
        problems.append(data.Problem(tar_src.label, "unknown-product",
                                     f"{len(unknown)} product(s) in all, {share_x:.2%} of {base_year} exports and "
                                     f"{share_m:.2%} of imports from China"))
        raise data.DataError(problems)

    # firm-level columns: exposures from the base-year mix, GVC status, sector
    con.execute(f"""
        CREATE TEMP TABLE firm_level AS
        WITH mix AS (
            SELECT c.firm_id, c.{basis} AS v_x, c.m_cn AS v_m, coalesce(t.tariff_change_pp, 0) AS dt
            FROM cells c LEFT JOIN tariffs t ON c.hs6 = t.hs6 WHERE c.hs6 IS NOT NULL),
        exposure AS (
            SELECT firm_id,
                   sum(v_x * dt) FILTER (WHERE v_x > 0) / sum(v_x) FILTER (WHERE v_x > 0) AS exposure,
                   coalesce(sum(v_m * dt) FILTER (WHERE v_m > 0) / sum(v_m) FILTER (WHERE v_m > 0), 0) AS input_exposure
            FROM mix GROUP BY firm_id),
        registered AS (
            SELECT DISTINCT firm_id FROM immex
            WHERE program_start <= DATE '{int(base_year)}-12-31'
              AND (program_end IS NULL OR program_end >= DATE '{int(base_year)}-01-01'))
        SELECT e.firm_id, CAST(r.firm_id IS NOT NULL AS BIGINT) AS gvc,
               CAST(f.sector[1:2] IN ('31', '32', '33') AS BIGINT) AS manufacturing, f.sector,
               e.exposure, e.input_exposure, f.firm_id IS NOT NULL AS in_register
        FROM exposure e LEFT JOIN firms f ON e.firm_id = f.firm_id LEFT JOIN registered r ON e.firm_id = r.firm_id
        WHERE e.exposure IS NOT NULL""")
    with_exports, missing = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE NOT in_register) FROM firm_level").fetchone()
    if missing and missing_firms == "error":
        ids = [r[0] for r in con.execute("SELECT firm_id FROM firm_level WHERE NOT in_register ORDER BY firm_id "
                                         "LIMIT 10").fetchall()]
        raise data.DataError([data.Problem("firm register", "unknown-firm",
                                           f"{missing:,} firm(s) with {base_year} exports have no row in the firm "
                                           f"register (no sector), e.g. {ids}; add them or pass "
                                           "missing_firms='drop'", None, "firm_id")])

    year_list = ", ".join(str(y) for y in years)
    panel_sql = f"""
        WITH fy AS (SELECT firm_id, year, sum(x_us) AS x_us, sum(x_all) AS x_all, sum(m_us) AS m_us,
                           sum(m_all) AS m_all FROM cells GROUP BY firm_id, year),
             grid AS (SELECT f.*, y.year FROM firm_level f CROSS JOIN (SELECT unnest([{year_list}]) AS year) y
                      WHERE f.in_register)
        SELECT g.firm_id, CAST(g.year AS BIGINT) AS year, g.gvc, g.manufacturing, g.sector,
               g.exposure AS {study.EXPOSURE}, g.input_exposure AS {study.INPUT_EXPOSURE},
               CASE WHEN fy.x_us > 0 THEN ln(fy.x_us) END AS ln_exports_us,
               CASE WHEN fy.m_us > 0 THEN ln(fy.m_us) END AS ln_imports_us,
               CASE WHEN fy.x_all > 0 THEN ln(fy.x_all) END AS ln_exports_total,
               asinh(coalesce(fy.x_all, 0) - coalesce(fy.m_all, 0)) AS asinh_net_exports
        FROM grid g LEFT JOIN fy ON g.firm_id = fy.firm_id AND g.year = fy.year
        ORDER BY g.firm_id, g.year"""
    final = Path(out) if out is not None else None
    tmp_dir = Path(tempfile.mkdtemp(prefix="gvc_panel_out_")) if final is None else None
    try:
        with (io.atomic_path(final) if final is not None else _nullpath(tmp_dir / "panel.parquet")) as target:
            stages.run("write panel", f"COPY ({panel_sql}) TO {_quote(str(target))} (FORMAT parquet)")
            panel = stages.step("validate panel", lambda: _validated(target, final))
    finally:
        if tmp_dir is not None:
            shutil.rmtree(tmp_dir, ignore_errors=True)
    threads_used = int(con.execute("SELECT current_setting('threads')").fetchone()[0])
    summary = BuildSummary(
        transaction_files=len(src.files) or 1, transaction_rows=n_rows, years=years, base_year=base_year,
        export_basis=export_basis, firms_in_transactions=firms_in_tx, firms_in_panel=int(panel["firm_id"].nunique()),
        firms_without_base_year_exports=firms_in_tx - int(with_exports), firms_without_register_row=int(missing),
        gvc_firms=int(panel.drop_duplicates("firm_id")["gvc"].sum()), panel_rows=len(panel),
        unknown_products=len(unknown), unknown_products_export_share=float(share_x),
        unknown_products_import_share=float(share_m), memory_limit=memory_limit, threads=threads_used,
        seconds={k: round(v, 3) for k, v in stages.seconds.items()})
    if final is not None:
        io.write_json(final.with_name(final.name + ".build.json"), asdict(summary))
    return PanelBuild(panel=panel, path=final, summary=summary)


class _nullpath:
    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc) -> None:
        return None


def _validated(written: Path, final: Path | None) -> pd.DataFrame:
    """The written panel through notebook 03's loader; problems are named against the final file name."""
    try:
        return study.load_panel(written, schema("gvc_panel"))
    except data.DataError as err:
        label = data.file_label(final) if final is not None else "built panel"
        raise data.DataError([data.Problem(label, p.rule, p.message, p.row, p.column) for p in err.problems]) from None


# ------------------------------------------------------------------------------------- pandas reference
def reference_panel_pandas(transactions: pd.DataFrame, immex: pd.DataFrame, firms: pd.DataFrame,
                           tariffs: pd.DataFrame, *, base_year: int = BASE_YEAR, export_basis: str = "us",
                           us: str = "USA", china: str = "CHN") -> pd.DataFrame:
    """The same build in pandas, in memory, without validation: the tests' cross-check of the DuckDB SQL and the
    benchmark's baseline. Inputs are DataFrames already typed (date as datetime64, value_usd as float); tariff
    changes must cover every base-year product; every firm with base-year exports must be in `firms`."""
    tx = transactions
    year = tx["date"].dt.year.to_numpy()
    value = tx["value_usd"].to_numpy(float)
    is_x = (tx["flow"] == "export").to_numpy()
    partner = tx["partner_country"]
    to_us = (partner == us).to_numpy()
    flows = pd.DataFrame({"firm_id": tx["firm_id"].to_numpy(), "year": year,
                          "x_us": np.where(is_x & to_us, value, 0.0), "x_all": np.where(is_x, value, 0.0),
                          "m_us": np.where(~is_x & to_us, value, 0.0), "m_all": np.where(~is_x, value, 0.0)})
    fy = flows.groupby(["firm_id", "year"], sort=True, observed=True).sum()
    del flows
    base = year == base_year
    basis_mask = is_x & (to_us if export_basis == "us" else True)
    hs6 = tx["tariff_fraction"].astype(str).str.slice(0, 6).to_numpy()[base]
    mix = pd.DataFrame({"firm_id": tx["firm_id"].to_numpy()[base], "hs6": hs6,
                        "v_x": np.where(basis_mask[base], value[base], 0.0),
                        "v_m": np.where(~is_x[base] & (partner.to_numpy()[base] == china), value[base], 0.0)})
    mix = mix.groupby(["firm_id", "hs6"], sort=True, observed=True).sum().reset_index()
    mix["dt"] = mix["hs6"].map(tariffs.set_index(tariffs["hs6"].astype(str))["tariff_change_pp"]).astype(float)
    if mix["dt"].isna().any():
        raise KeyError(f"products without a tariff change: {sorted(mix.loc[mix['dt'].isna(), 'hs6'].unique())[:10]}")
    g = mix.assign(wx=mix["v_x"] * mix["dt"], wm=mix["v_m"] * mix["dt"]).groupby("firm_id", observed=True)
    sums = g[["v_x", "v_m", "wx", "wm"]].sum()
    sums = sums[sums["v_x"] > 0]
    firm_level = pd.DataFrame({study.EXPOSURE: sums["wx"] / sums["v_x"],
                               study.INPUT_EXPOSURE: np.where(sums["v_m"] > 0, sums["wm"] / sums["v_m"].where(
                                   sums["v_m"] > 0, 1.0), 0.0)}, index=sums.index.astype(str))
    start = pd.to_datetime(immex["program_start"])
    end = pd.to_datetime(immex["program_end"])
    active = (start <= pd.Timestamp(f"{base_year}-12-31")) & (end.isna() | (end >= pd.Timestamp(f"{base_year}-01-01")))
    registered = set(immex.loc[active, "firm_id"].astype(str))
    reg = firms.assign(firm_id=firms["firm_id"].astype(str), sector=firms["sector"].astype(str)).set_index("firm_id")
    firm_level = firm_level[firm_level.index.isin(reg.index)]
    firm_level["gvc"] = firm_level.index.isin(registered).astype(np.int64)
    firm_level["sector"] = reg.loc[firm_level.index, "sector"].to_numpy()
    firm_level["manufacturing"] = firm_level["sector"].str[:2].isin(["31", "32", "33"]).astype(np.int64)
    years = np.arange(int(year.min()), int(year.max()) + 1)
    grid = pd.MultiIndex.from_product([firm_level.index.sort_values(), years], names=["firm_id", "year"])
    fy.index = fy.index.set_levels(fy.index.levels[0].astype(str), level=0)
    fy = fy.reindex(grid)
    with np.errstate(divide="ignore"):
        out = pd.DataFrame({
            "firm_id": grid.get_level_values(0).astype(str), "year": grid.get_level_values(1).astype(np.int64),
            **{c: firm_level[c].reindex(grid.get_level_values(0)).to_numpy()
               for c in ("gvc", "manufacturing", "sector", study.EXPOSURE, study.INPUT_EXPOSURE)},
            "ln_exports_us": np.where(fy["x_us"] > 0, np.log(fy["x_us"]), np.nan),
            "ln_imports_us": np.where(fy["m_us"] > 0, np.log(fy["m_us"]), np.nan),
            "ln_exports_total": np.where(fy["x_all"] > 0, np.log(fy["x_all"]), np.nan),
            "asinh_net_exports": np.arcsinh(fy["x_all"].fillna(0).to_numpy() - fy["m_all"].fillna(0).to_numpy()),
        })
    return out[list(PANEL_COLUMNS)]


# ---------------------------------------------------------------------------------------------------- CLI
def cli(args) -> int:
    """``python -m analysis gvc-panel``: build, print the summary; a DataError goes to stderr with exit code 2."""
    import sys

    try:
        result = build(args.transactions, args.immex, args.firms, args.tariffs, args.out, base_year=args.base_year,
                       export_basis=args.export_basis, unknown_products=args.unknown_products,
                       missing_firms=args.missing_firms, memory_limit=args.memory_limit,
                       temp_directory=args.temp_directory, threads=args.threads, progress=not args.no_progress)
    except data.DataError as err:
        print(err, file=sys.stderr)
        return 2
    print("\n".join(result.summary.lines()))
    print(f"written: {result.path} (+ {result.path.name}.build.json); validated against "
          "data/schemas/gvc_panel.schema.json")
    return 0
