"""The claims ledger: every quantitative claim in the documents, and one verdict for each.

The register, ``data/claims.csv``, lists each claim once (its id, where it is said, what is stated).
A notebook opens a :class:`Ledger`, records a verdict per claim it checks, and writes the verdicts to
``build/verdicts/<notebook>.csv``. :func:`report` merges the register with every notebook's verdicts into
``build/claims_report.csv``; a claim that no notebook has judged shows as ``unchecked``.

Verdicts
--------
``reproduced``            the computed value agrees with the stated one within the declared tolerance
``differs``               it does not, and ``reason`` says why (a different basis, a different year, an error)
``replicated_simulated``  the study's design recovers the stated magnitude on simulated data (the real data are
                          confidential); says nothing about the real data
``not_checkable``         no public data can check it; ``reason`` says why
``unchecked``             no notebook has looked at it yet (only ever in the report, never recorded)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from . import io, paths

VERDICTS = ("reproduced", "differs", "replicated_simulated", "not_checkable")
UNCHECKED = "unchecked"
REPORT_COLUMNS = [
    "claim_id", "topic", "document", "line", "article", "claim", "stated_value", "unit", "period",
    "verdict", "computed_value", "comparison", "reason", "notebook", "sources", "computation",
]


class ClaimError(ValueError):
    """A claim check was asked for in a way that cannot give an honest verdict."""


# ----------------------------------------------------------------------------------------------- register
def register() -> pd.DataFrame:
    """The claims register (``data/claims.csv``), validated by the data loader."""
    from .data import load  # the one loader; imported here to keep module import order simple

    return load("claims")


def _claim_row(claim_id: str) -> pd.Series:
    reg = register()
    hit = reg.loc[reg["claim_id"] == claim_id]
    if hit.empty:
        raise ClaimError(f"claim {claim_id!r} is not in {paths.CLAIMS_REGISTER.name}")
    return hit.iloc[0]


# ----------------------------------------------------------------------------------------- stated values
@dataclass(frozen=True)
class Stated:
    """What a claim states, as something a number can be compared with.

    ``kind`` is ``value`` (a number, compared within a tolerance), ``range`` (``low``–``high``, inclusive),
    ``above`` (> ``low``) or ``below`` (< ``high``). A date is compared as a date.
    """

    kind: str
    low: float | date | None = None
    high: float | date | None = None
    text: str = ""

    def describe(self) -> str:
        return {
            "value": f"= {_fmt(self.low)}",
            "range": f"in [{_fmt(self.low)}, {_fmt(self.high)}]",
            "above": f"> {_fmt(self.low)}",
            "below": f"< {_fmt(self.high)}",
        }[self.kind]


_NUMBER = r"-?\d+(?:\.\d+)?(?:e-?\d+)?"


def parse_stated(text: str) -> Stated:
    """Read a stated value as written in the register: ``1933``, ``4-8``, ``>50``, ``<0.5``, ``2018-03-05``,
    ``2025-04`` (a month: any date in it).

    Raises ClaimError for anything else (e.g. "record high (no number)"): such a claim needs ``stated=``.
    """
    s = str(text).strip().replace(",", "")
    if re.fullmatch(_NUMBER, s):
        return Stated("value", float(s), float(s), text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        d = date.fromisoformat(s)
        return Stated("value", d, d, text)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", s):  # a month: any day in it
        first = date(int(m[1]), int(m[2]), 1)
        last = (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()
        return Stated("range", first, last, text)
    if m := re.fullmatch(rf"({_NUMBER})\s*[-–]\s*({_NUMBER})", s):
        return Stated("range", float(m[1]), float(m[2]), text)
    if m := re.fullmatch(rf">\s*({_NUMBER})", s):
        return Stated("above", low=float(m[1]), text=text)
    if m := re.fullmatch(rf"<\s*({_NUMBER})", s):
        return Stated("below", high=float(m[1]), text=text)
    raise ClaimError(f"stated value {text!r} is not a number, range (a-b) or bound (>a, <b); pass stated=")


def _fmt(x) -> str:
    if x is None:
        return ""
    if isinstance(x, date):
        return x.isoformat()
    if isinstance(x, (bool,)):
        return str(x)
    x = float(x)
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.6g}"


# ------------------------------------------------------------------------------------------------ verdict
@dataclass(frozen=True)
class Verdict:
    claim_id: str
    verdict: str
    stated_value: str = ""
    computed_value: str = ""
    comparison: str = ""
    reason: str = ""
    sources: str = ""
    computation: str = ""

    def as_row(self) -> dict:
        return {k: getattr(self, k) for k in
                ("claim_id", "verdict", "stated_value", "computed_value", "comparison", "reason",
                 "sources", "computation")}


def check(
    claim_id: str,
    computed,
    *,
    stated: str | float | Stated | None = None,
    abs_tol: float = 0.0,
    rel_tol: float = 0.0,
    reason: str = "",
    sources: str | list[str] | tuple[str, ...] = (),
    computation: str = "",
    simulated: bool = False,
) -> Verdict:
    """Compare a computed value with what claim `claim_id` states, and return its verdict.

    Parameters
    ----------
    computed : number, datetime.date, or a (low, high) tuple
        The value rebuilt from data (never typed in by hand). A tuple is a range, compared end by end with a
        stated range.
    stated : optional
        What the claim states, when the register's ``stated_value`` cannot be used as it is (e.g. a comparative
        claim). A number, a string in the register's notation, or a :class:`Stated`.
    abs_tol, rel_tol : float
        The declared tolerance for a stated number: agreement when ``|computed - stated| <= max(abs_tol,
        rel_tol * |stated|)``. Default exact. For a rounded statement ("about 19%") declare the rounding.
        Ranges and bounds are widened by ``abs_tol``.
    reason : str
        Why the numbers differ, if they do — required then. Optional context otherwise.
    sources : data resources (names in ``data/datapackage.json``) the computation used.
    computation : one line saying how `computed` was obtained.
    simulated : the computation ran on simulated data; agreement gives ``replicated_simulated``.

    Returns
    -------
    Verdict
        ``reproduced`` / ``replicated_simulated`` on agreement, ``differs`` otherwise.

    Raises
    ------
    ClaimError
        The claim is unknown, the computed value is missing or not finite, or it differs without a reason.
    """
    row = _claim_row(claim_id)
    if stated is None:
        target = parse_stated(row["stated_value"])
    elif isinstance(stated, Stated):
        target = stated
    elif isinstance(stated, str):
        target = parse_stated(stated)
    else:
        target = Stated("value", stated, stated, _fmt(stated))

    if isinstance(computed, tuple):
        agrees, comparison, shown = _range_agrees(claim_id, computed, target, abs_tol)
    else:
        if computed is None or (isinstance(computed, float) and not math.isfinite(computed)):
            raise ClaimError(f"claim {claim_id}: computed value is {computed!r}; record not_checkable instead")
        if isinstance(target.low or target.high, date) != isinstance(computed, date):
            raise ClaimError(f"claim {claim_id}: cannot compare {computed!r} with stated {target.text!r}")
        agrees, shown = _agrees(computed, target, abs_tol, rel_tol), _fmt(computed)
        comparison = target.describe()
        if target.kind == "value" and (abs_tol or rel_tol):
            comparison += f" within ±{_fmt(abs_tol)}" if abs_tol else f" within ±{rel_tol:.3g} (relative)"
    if isinstance(sources, str):
        sources = [sources]
    if isinstance(computed, Computed) and not computation:
        computation = computed.how
    if agrees:
        verdict = "replicated_simulated" if simulated else "reproduced"
    else:
        verdict = "differs"
        if not reason.strip():
            raise ClaimError(
                f"claim {claim_id} differs (stated {target.text!r}, computed {shown}): "
                "a differs verdict needs reason= saying why"
            )
    return Verdict(
        claim_id=claim_id,
        verdict=verdict,
        stated_value=str(row["stated_value"]) if stated is None else target.text,
        computed_value=shown,
        comparison=comparison,
        reason=reason.strip(),
        sources=";".join(sources),
        computation=computation.strip(),
    )


def _range_agrees(claim_id, computed, target, abs_tol) -> tuple[bool, str, str]:
    """A computed range (low, high) against a stated range: agreement when both ends are within abs_tol."""
    low, high = (float(x) for x in computed)
    if target.kind != "range" or not all(math.isfinite(x) for x in (low, high)):
        raise ClaimError(f"claim {claim_id}: a computed range needs a stated range and finite ends")
    agrees = max(abs(low - float(target.low)), abs(high - float(target.high))) <= abs_tol
    return agrees, f"range ends within ±{_fmt(abs_tol)}", f"{_fmt(low)}-{_fmt(high)}"


def _agrees(computed, target: Stated, abs_tol: float, rel_tol: float) -> bool:
    if isinstance(computed, date):
        tol = pd.Timedelta(days=abs_tol)
        lo = target.low and pd.Timestamp(target.low) - tol
        hi = target.high and pd.Timestamp(target.high) + tol
        c = pd.Timestamp(computed)
    else:
        c = float(computed)
        tol = max(abs_tol, rel_tol * abs(float(target.low if target.low is not None else target.high)))
        lo = None if target.low is None else float(target.low) - tol
        hi = None if target.high is None else float(target.high) + tol
    if target.kind in ("value", "range"):
        return lo <= c <= hi
    if target.kind == "above":
        return c > lo
    return c < hi


def not_checkable(claim_id: str, reason: str) -> Verdict:
    """A claim no public data can check; `reason` says why (confidential data, a forecast, an opinion...)."""
    if not reason.strip():
        raise ClaimError(f"claim {claim_id}: not_checkable needs a reason")
    row = _claim_row(claim_id)
    return Verdict(claim_id=claim_id, verdict="not_checkable", stated_value=str(row["stated_value"]),
                   reason=reason.strip())


# ------------------------------------------------------------------------------------------------- ledger
@dataclass
class Ledger:
    """The verdicts one notebook records. ``write()`` saves them; nothing is written before.

    >>> ledger = Ledger("01_refugee_ceilings")          # doctest: +SKIP
    >>> ledger.check("REF-09", 45000, sources="refugee_ceilings")  # doctest: +SKIP
    >>> ledger.write()                                   # doctest: +SKIP
    """

    notebook: str
    verdicts: dict[str, Verdict] = field(default_factory=dict)

    def record(self, verdict: Verdict) -> Verdict:
        if verdict.claim_id in self.verdicts:
            raise ClaimError(f"claim {verdict.claim_id} already has a verdict in notebook {self.notebook}")
        self.verdicts[verdict.claim_id] = verdict
        return verdict

    def check(self, claim_id: str, computed, **kwargs) -> Verdict:
        """:func:`check`, recorded in this ledger."""
        return self.record(check(claim_id, computed, **kwargs))

    def not_checkable(self, claim_id: str, reason: str) -> Verdict:
        """:func:`not_checkable`, recorded in this ledger."""
        return self.record(not_checkable(claim_id, reason))

    def table(self) -> pd.DataFrame:
        """The verdicts recorded so far, joined to the claim text, for display in the notebook."""
        rows = pd.DataFrame([v.as_row() for v in self.verdicts.values()], columns=list(Verdict.__annotations__))
        reg = register()[["claim_id", "claim"]]
        return reg.merge(rows, on="claim_id", how="inner")[
            ["claim_id", "claim", "stated_value", "computed_value", "comparison", "verdict", "reason"]
        ].sort_values("claim_id", key=_claim_sort_key, ignore_index=True)

    def write(self) -> pd.DataFrame:
        """Write ``build/verdicts/<notebook>.csv`` (atomically) and return the table written."""
        frame = pd.DataFrame([v.as_row() for v in self.verdicts.values()], columns=list(Verdict.__annotations__))
        frame.insert(len(frame.columns), "notebook", self.notebook)
        frame = frame.sort_values("claim_id", key=_claim_sort_key, ignore_index=True)
        io.write_csv(paths.VERDICTS / f"{self.notebook}.csv", frame)
        return frame


def _claim_sort_key(ids: pd.Series) -> pd.Series:
    """REF-2 before REF-10."""
    return ids.map(lambda s: (s.split("-")[0], int(s.split("-")[1]) if s.split("-")[1].isdigit() else 0))


# ------------------------------------------------------------------------------------------------- report
def report() -> pd.DataFrame:
    """The register joined with every notebook's verdicts; claims without one are ``unchecked``.

    Only verdict files of notebooks that exist in ``notebooks/`` count, so a renamed notebook leaves no ghost.
    Two notebooks judging the same claim is an error: each claim has one writer.
    """
    reg = register()
    notebooks = {p.stem for p in paths.NOTEBOOKS.glob("*") if p.suffix in (".py", ".md", ".ipynb")}
    frames = []
    for f in sorted(paths.VERDICTS.glob("*.csv")):
        if f.stem in notebooks:
            frames.append(pd.read_csv(f, dtype=str, keep_default_na=False))
    cols = list(Verdict.__annotations__) + ["notebook"]
    verdicts = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
    dup = verdicts[verdicts["claim_id"].duplicated(keep=False)]
    if not dup.empty:
        pairs = dup.groupby("claim_id")["notebook"].apply(lambda s: " and ".join(s)).to_dict()
        raise ClaimError(f"claims judged by more than one notebook: {pairs}")
    unknown = set(verdicts["claim_id"]) - set(reg["claim_id"])
    if unknown:
        raise ClaimError(f"verdicts for claims not in the register: {sorted(unknown)}")
    out = reg.merge(verdicts, on="claim_id", how="left", suffixes=("", "_checked"))
    out = out.fillna({c: "" for c in cols + ["stated_value_checked"]})
    # A check may restate the claim (e.g. "< 0.5" for "less than half"); show what was compared.
    out["stated_value"] = out["stated_value_checked"].where(out["stated_value_checked"] != "", out["stated_value"])
    out["verdict"] = out["verdict"].replace("", UNCHECKED)
    return out[REPORT_COLUMNS].sort_values("claim_id", key=_claim_sort_key, ignore_index=True)


def write_report() -> pd.DataFrame:
    """Write ``build/claims_report.csv`` (atomically) and return it."""
    rep = report()
    io.write_csv(paths.CLAIMS_REPORT, rep)
    return rep


def scoreboard(rep: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Counts of verdicts overall, by topic and by document."""
    rep = report() if rep is None else rep
    order = list(VERDICTS) + [UNCHECKED]
    def counts(by):
        t = pd.crosstab(rep[by], rep["verdict"]).reindex(columns=order, fill_value=0)
        t["total"] = t.sum(axis=1)
        return t
    overall = rep["verdict"].value_counts().reindex(order, fill_value=0).rename("claims").to_frame()
    return {"overall": overall, "topic": counts("topic"), "document": counts("document")}


# ------------------------------------------------------------------------- internal-arithmetic vocabulary
class Computed(float):
    """A number that carries how it was computed; :func:`check` records ``how`` as the computation.

    >>> r = ratio(50_000, 110_000, "FY2017 cap", "FY2017 determination")
    >>> round(r, 3), r.how
    (0.455, 'FY2017 cap / FY2017 determination = 50000 / 110000')
    """

    how: str

    def __new__(cls, value: float, how: str):
        obj = super().__new__(cls, value)
        obj.how = how
        return obj


def ratio(numerator: float, denominator: float, num_label: str = "a", den_label: str = "b") -> Computed:
    """numerator / denominator (e.g. "less than half": check with stated="<0.5")."""
    return Computed(numerator / denominator, f"{num_label} / {den_label} = {_fmt(numerator)} / {_fmt(denominator)}")


def share(part: float, whole: float, part_label: str = "part", whole_label: str = "whole") -> Computed:
    """100 × part / whole, in percent."""
    return Computed(100 * part / whole, f"100 × {part_label} / {whole_label} = 100 × {_fmt(part)} / {_fmt(whole)}")


def total(values: dict[str, float]) -> Computed:
    """The sum of labelled values (e.g. shares that should add up to 100)."""
    terms = " + ".join(f"{_fmt(v)} ({k})" for k, v in values.items())
    return Computed(sum(values.values()), f"sum = {terms}")


def difference(new: float, old: float, new_label: str = "new", old_label: str = "old") -> Computed:
    """new − old."""
    return Computed(new - old, f"{new_label} − {old_label} = {_fmt(new)} − {_fmt(old)}")


def change_pct(new: float, old: float, new_label: str = "new", old_label: str = "old") -> Computed:
    """Percentage change from old to new ("doubled" is +100)."""
    return Computed(100 * (new / old - 1), f"100 × ({new_label} / {old_label} − 1) = 100 × ({_fmt(new)} / {_fmt(old)} − 1)")


def convert(amount: float, rate: float, from_unit: str, to_unit: str) -> Computed:
    """amount × rate (a currency or unit conversion at a stated rate, `rate` = to_unit per from_unit)."""
    return Computed(amount * rate, f"{_fmt(amount)} {from_unit} × {_fmt(rate)} {to_unit}/{from_unit}")


def span(start: date | str, end: date | str, unit: str = "months") -> Computed:
    """Length of the window from start to end in days, whole months or years (e.g. "a window of 18 months")."""
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    if unit == "days":
        value = (e - s).days
    elif unit == "months":
        value = (e.year - s.year) * 12 + (e.month - s.month) + (e.day - s.day) / 31
    elif unit == "years":
        value = (e - s).days / 365.25
    else:
        raise ValueError(f"unit must be days, months or years, not {unit!r}")
    return Computed(value, f"{unit} from {s.date()} to {e.date()}")
