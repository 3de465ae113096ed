"""Judging the AI- claims from the check table ``data/ai_claim_checks.csv``.

One row per check (a claim checked in parts has one row per part, joined with ``claims.combine``). The row holds
what the check declares before the answer is known: where the compared value comes from (``method``), the restated
value and tolerance, the evidence's period and scope, why a difference of basis is immaterial, and the reasons.
Figures of the public record (methods ``fact``, ``fact_date``, ``total``) are judged here alone
(:func:`judge_record`); a value the notebook computes (method ``computed``) is passed to :func:`judge` inline.

Texts may hold ``{name}`` fields filled when the check runs: ``fact[ID]``, ``low[ID]``, ``high[ID]`` and
``yes_no[ID]`` read fact ``ID`` of the public record; other names are values the notebook passes to :func:`judge`.
So a number computed from data is never typed in the table.
"""

from __future__ import annotations

import pandas as pd

from analysis.core import claims, data
from analysis.studies.ai.record import fact, fact_date, part

CHECKS = "ai_claim_checks"
RECORD_METHODS = ("fact", "fact_date", "total", "not_checkable")


def claim_checks() -> pd.DataFrame:
    """The check table, one row per check, missing texts as ``""``."""
    checks = data.load(CHECKS)
    text = checks.columns.drop(["part", "abs_tol"])
    checks[text] = checks[text].fillna("")
    return checks


def text(row: pd.Series, column: str, values: dict) -> str:
    """Column `column` of a check row with its ``{name}`` fields filled from `values`."""
    try:
        return str(row[column]).format(**values)
    except (KeyError, AttributeError, IndexError) as missing:
        raise claims.ClaimError(f"{CHECKS}.csv, claim {row['claim_id']} part {row['part']}, column {column}: "
                                f"{row[column]!r} needs {missing} (pass it to ai.judge)") from None


def record_values(rec: pd.DataFrame) -> dict:
    """The fields every text may use: the public record's values, ranges, and indicators as yes/no."""
    return {"fact": rec["value"], "low": rec["low"], "high": rec["high"],
            "yes_no": rec["value"].map({1.0: "yes", 0.0: "no"})}


def record_value(row: pd.Series, rec: pd.DataFrame):
    """The value a record-method row compares: one fact, its date, or the labelled sum of several facts."""
    facts = row["facts"].split(";")
    if row["method"] == "fact":
        return fact(rec, facts[0])
    if row["method"] == "fact_date":
        return fact_date(rec, facts[0])
    labels = row["labels"].split(";")
    if len(labels) != len(facts):
        raise claims.ClaimError(f"{CHECKS}.csv, claim {row['claim_id']} part {row['part']}: {len(facts)} facts "
                                f"but {len(labels)} labels")
    return claims.total({label: rec.at[f, "value"] for label, f in zip(labels, facts)})


def check_row(row: pd.Series, rec: pd.DataFrame, computed=None, *, stated=None, **values) -> claims.Verdict:
    """The verdict of one check row (not recorded): `computed` for method ``computed``, else read from `rec`."""
    values = {**record_values(rec), **values}
    cid, method = row["claim_id"], row["method"]
    if method == "not_checkable":
        return claims.not_checkable(cid, text(row, "reason", values), category=row["category"],
                                    searched=row["searched"])
    if method == "computed" and computed is None:
        raise claims.ClaimError(f"{CHECKS}.csv, claim {cid} part {row['part']}: method computed needs the value "
                                "computed in the notebook (ai.judge)")
    value = computed if method == "computed" else record_value(row, rec)
    immaterial = {dim: row[f"immaterial_{dim}"] for dim in claims.BASIS if row[f"immaterial_{dim}"]}
    if row["part_checks"]:
        immaterial.update(part(cid, row["part_checks"]))
    return claims.check(
        cid, value, stated=stated if stated is not None else (text(row, "stated", values) or None),
        abs_tol=0.0 if pd.isna(row["abs_tol"]) else float(row["abs_tol"]), reason=text(row, "reason", values),
        if_differs=text(row, "if_differs", values), note=text(row, "note", values),
        sources=[s for s in row["sources"].split(";") if s], computation=text(row, "computation", values),
        evidence_period=text(row, "evidence_period", values), evidence_scope=text(row, "evidence_scope", values),
        immaterial=immaterial, attributed=row["attributed_because"])


def judge(ledger: claims.Ledger, checks: pd.DataFrame, rec: pd.DataFrame, claim_id: str, *computed,
          stated: dict | None = None, **values) -> claims.Verdict:
    """Record the verdict of claim `claim_id` from its rows of the check table.

    `computed` are the notebook's values for the claim's ``computed`` rows, in part order; `stated` maps a part
    number to a stated value that the table's notation cannot hold (e.g. a ``claims.Stated`` date range); `values`
    fill the ``{name}`` fields of the texts. A claim with several rows is combined (``claims.combine``)."""
    rows = checks[checks["claim_id"] == claim_id].sort_values("part")
    if rows.empty:
        raise claims.ClaimError(f"{CHECKS}.csv has no row for claim {claim_id}")
    n_computed = int((rows["method"] == "computed").sum())
    if len(computed) != n_computed:
        raise claims.ClaimError(f"claim {claim_id}: {n_computed} computed part(s) in {CHECKS}.csv, "
                                f"{len(computed)} value(s) given")
    given, stated = iter(computed), stated or {}
    parts = [check_row(row, rec, next(given) if row["method"] == "computed" else None,
                       stated=stated.get(int(row["part"])), **values) for _, row in rows.iterrows()]
    if len(parts) == 1:
        return ledger.record(parts[0])
    return ledger.combine(claim_id, parts, stated_value=text(rows.iloc[0], "combined_stated", values))


def judge_record(ledger: claims.Ledger, checks: pd.DataFrame, rec: pd.DataFrame) -> list[str]:
    """Judge every claim of the table not yet in the ledger whose checks read only the public record (or are not
    checkable); return their ids. A claim left with a ``computed`` row is an error: the notebook must judge it."""
    todo = [c for c in dict.fromkeys(checks["claim_id"]) if c not in ledger.verdicts]
    left = [c for c in todo if not checks.loc[checks["claim_id"] == c, "method"].isin(RECORD_METHODS).all()]
    if left:
        raise claims.ClaimError(f"claims {', '.join(left)} have values computed in the notebook; judge them there")
    for cid in todo:
        judge(ledger, checks, rec, cid)
    return todo


def rank_of(values: dict[str, float], key: str, label: str, item: str = "{} {:,}") -> claims.Computed:
    """Rank of `key` among `values` (1 = largest), with every value listed in the computation."""
    listed = ", ".join(item.format(k, v) for k, v in values.items())
    return claims.Computed(1 + sum(v > values[key] for v in values.values()), f"{label}: {listed}")
