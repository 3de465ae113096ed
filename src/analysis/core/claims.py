"""The claims ledger: every quantitative claim in the documents, and one verdict for each.

The register, ``data/claims.csv``, lists each claim once (its id, where it is said, what is stated).
A notebook opens a :class:`Ledger`, records a verdict per claim it checks, and writes the verdicts to
``build/verdicts/<notebook>.csv``. :func:`report` merges the register with every notebook's verdicts into
``build/claims_report.csv``; a claim that no notebook has judged shows as ``unchecked``.

Verdicts (the standard behind them is written down in ``docs/verdict_standard.md``)
--------
``reproduced``            public data or a primary text give the same quantity, for the same period and scope,
                          within the declared tolerance
``differs``               they do not — a different number, or the same number for another period, scope, unit or
                          attribution — and ``reason`` says how
``attributed``            the named source does say it, but the source's own data are not public (a briefing built
                          on proprietary data): neither confirmed nor refuted by public data
``replicated_simulated``  the study's design recovers the stated magnitude on simulated data (the real data are
                          confidential); says nothing about the real data
``not_checkable``         no public evidence can settle it; ``category`` says which kind (a forecast, an opinion,
                          confidential or proprietary data, no public record after a named search)
``unchecked``             no notebook has looked at it yet (only ever in the report, never recorded)

Every verdict resting on evidence records the evidence's period and scope beside the claim's (the register's
``period`` and ``scope``). They must match — the same text, after case and spacing — or the verdict names the
dimension that differs and why the difference is immaterial (``immaterial={"period": "..."}``); otherwise the
verdict is ``differs`` however close the numbers are.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from analysis.core import io, paths

VERDICTS = ("reproduced", "differs", "attributed", "replicated_simulated", "not_checkable")
UNCHECKED = "unchecked"
# What kind of evidence stands behind each verdict (the scoreboard counts these, so that a replication on simulated
# data is never read as a check against real data).
EVIDENCE_KIND = {
    "reproduced": "public data", "differs": "public data", "attributed": "attributed only",
    "replicated_simulated": "simulated data", "not_checkable": "not checkable", UNCHECKED: "not yet looked at",
}
NOT_CHECKABLE_CATEGORIES = {
    "forecast": "a projection, target or expectation about a time not yet observed",
    "opinion": "a judgement, characterisation or motive, not a measurable quantity",
    "counterfactual": "what would have happened otherwise; no data observe it",
    "confidential_microdata": "rests on confidential microdata (customs, central-bank or survey records)",
    "proprietary_data": "rests on a private firm's data that are sold, not published, and the source is not named",
    "no_public_record": "a search of public material found nothing that settles it (searched= says what)",
}
# The dimensions on which evidence must match the claim before numbers are compared.
BASIS = ("period", "scope")
REPORT_COLUMNS = [
    "claim_id", "topic", "document", "line", "article", "quote", "claim", "stated_value", "unit", "period",
    "scope", "verdict", "evidence_kind", "computed_value", "comparison", "evidence_period", "evidence_scope",
    "basis_note", "reason", "category", "searched", "notebook", "sources", "computation",
]


class ClaimError(ValueError):
    """A claim check was asked for in a way that cannot give an honest verdict."""


# ----------------------------------------------------------------------------------------------- register
def register() -> pd.DataFrame:
    """The claims register (``data/claims.csv``), validated by the data loader."""
    from analysis.core.data import load  # the one loader; imported here to keep module import order simple

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
            "value": f"= {format_number(self.low)}",
            "range": f"in [{format_number(self.low)}, {format_number(self.high)}]",
            "above": f"> {format_number(self.low)}",
            "below": f"< {format_number(self.high)}",
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


def format_number(x) -> str:
    """A value as the ledger shows it: whole numbers without decimals, others to 6 significant digits, dates ISO."""
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
    evidence_period: str = ""
    evidence_scope: str = ""
    basis_note: str = ""      # how the evidence's period/scope differ from the claim's, and whether that matters
    category: str = ""        # not_checkable only: a key of NOT_CHECKABLE_CATEGORIES
    searched: str = ""        # not_checkable only: what public material was searched

    def as_row(self) -> dict:
        return {k: getattr(self, k) for k in Verdict.__annotations__}

    def _repr_html_(self) -> str:
        """A cell ending in a check shows the verdict as a small table of its filled fields, every text in full
        (the dataclass repr stays the plain-text form)."""
        import html

        rows = "".join(f"<tr><th>{html.escape(k.replace('_', ' '))}</th><td>{html.escape(str(v))}</td></tr>"
                       for k, v in self.as_row().items() if str(v).strip())
        return f'<table class="verdict-record"><tbody>{rows}</tbody></table>'


def check(
    claim_id: str,
    computed,
    *,
    stated: str | float | Stated | None = None,
    abs_tol: float = 0.0,
    rel_tol: float = 0.0,
    reason: str = "",
    if_differs: str = "",
    note: str = "",
    sources: str | list[str] | tuple[str, ...] = (),
    computation: str = "",
    evidence_period: str = "",
    evidence_scope: str = "",
    immaterial: dict[str, str] | None = None,
    simulated: bool = False,
    attributed: str = "",
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
        Context recorded with any verdict; also the explanation when the verdict is ``differs``.
    if_differs : str
        The explanation to record only if the verdict turns out ``differs`` (a check written before the answer is
        known). A ``differs`` verdict needs `reason` or `if_differs`.
    note : str
        Context recorded after the reason whatever the verdict; it does not count as explaining a ``differs``.
    sources : data resources (names in ``data/datapackage.json``) the computation used.
    computation : one line saying how `computed` was obtained.
    evidence_period, evidence_scope : str
        The period, and the scope (quantity, coverage, unit basis, who says it), of the evidence. Compared with
        the register's ``period`` and ``scope`` for the claim; write the register's text when they are the same.
    immaterial : dict
        For a dimension (``"period"``, ``"scope"``) on which the evidence differs from the claim: why that
        difference does not change the comparison. A dimension that differs and is not explained here makes the
        verdict ``differs``.
    simulated : the computation ran on simulated data; agreement gives ``replicated_simulated``.
    attributed : str
        Set when `computed` is what the named source itself states and the source's own data are not public:
        say why they are not. Agreement gives ``attributed``.

    Returns
    -------
    Verdict
        ``reproduced`` / ``attributed`` / ``replicated_simulated`` on agreement of the numbers and the basis,
        ``differs`` otherwise.

    Raises
    ------
    ClaimError
        The claim is unknown, the computed value is missing or not finite, it differs without a reason, or an
        `immaterial` entry names a dimension that does not differ.
    """
    row = _claim_row(claim_id)
    if stated is None:
        target = parse_stated(row["stated_value"])
    elif isinstance(stated, Stated):
        target = stated
    elif isinstance(stated, str):
        target = parse_stated(stated)
    else:
        target = Stated("value", stated, stated, format_number(stated))

    if isinstance(computed, tuple):
        agrees, comparison, shown = _range_agrees(claim_id, computed, target, abs_tol)
    else:
        if computed is None or (isinstance(computed, float) and not math.isfinite(computed)):
            raise ClaimError(f"claim {claim_id}: computed value is {computed!r}; record not_checkable instead")
        if isinstance(target.low or target.high, date) != isinstance(computed, date):
            raise ClaimError(f"claim {claim_id}: cannot compare {computed!r} with stated {target.text!r}")
        agrees, shown = _agrees(computed, target, abs_tol, rel_tol), format_number(computed)
        comparison = target.describe()
        if target.kind == "value" and (abs_tol or rel_tol):
            comparison += f" within ±{format_number(abs_tol)}" if abs_tol else f" within ±{rel_tol:.3g} (relative)"
    if isinstance(sources, str):
        sources = [sources]
    if isinstance(computed, Computed) and not computation:
        computation = computed.how
    if simulated and attributed:
        raise ClaimError(f"claim {claim_id}: a check is either simulated or attributed, not both")
    # Simulated evidence never has the claim's basis (it is a simulation of the design): it is recorded, not
    # compared, and the verdict says "simulated".
    basis_ok, basis_note = (True, "") if simulated else _basis(claim_id, row, evidence_period, evidence_scope,
                                                                immaterial or {})
    if agrees and basis_ok:
        verdict = "replicated_simulated" if simulated else "attributed" if attributed else "reproduced"
        reason = reason.strip()
    else:
        verdict = "differs"
        reason = " ".join(filter(None, [reason.strip(), if_differs.strip()]))
        if not reason:
            what = "the numbers" if not agrees else "the basis (" + basis_note + ")"
            raise ClaimError(
                f"claim {claim_id} differs in {what} (stated {target.text!r}, computed {shown}): "
                "a differs verdict needs reason= or if_differs= saying why"
            )
    if verdict == "attributed":
        reason = " ".join(filter(None, [reason, f"The source's own data are not public: {attributed.strip()}"]))
    reason = " ".join(filter(None, [reason, note.strip()]))
    return Verdict(
        claim_id=claim_id,
        verdict=verdict,
        stated_value=str(row["stated_value"]) if stated is None else target.text,
        computed_value=shown,
        comparison=comparison,
        reason=reason,
        sources=";".join(sources),
        computation=computation.strip(),
        evidence_period=evidence_period.strip(),
        evidence_scope=evidence_scope.strip(),
        basis_note=basis_note,
    )


def _normal(text) -> str:
    return " ".join(str(text).split()).casefold()


def _basis(claim_id, row, evidence_period: str, evidence_scope: str, immaterial: dict) -> tuple[bool, str]:
    """Compare the evidence's period and scope with the claim's. Return (matches, note for the record).

    Evidence not described (no period or scope given) is recorded as such; :func:`audit` refuses it for every
    verdict that rests on evidence, so a check cannot pass silently without saying what its evidence covers.
    """
    evidence = {"period": evidence_period, "scope": evidence_scope}
    unknown = set(immaterial) - set(BASIS)
    if unknown:
        raise ClaimError(f"claim {claim_id}: immaterial= takes {', '.join(BASIS)}, not {sorted(unknown)}")
    notes, ok = [], True
    for dim in BASIS:
        claim_side = "" if pd.isna(row.get(dim)) else str(row.get(dim))
        evidence_side = evidence[dim]
        if not evidence_side.strip():
            continue
        same = _normal(claim_side) == _normal(evidence_side)
        why = str(immaterial.get(dim, "")).strip()
        if same and dim in immaterial:
            raise ClaimError(f"claim {claim_id}: the evidence's {dim} is the claim's; drop immaterial[{dim!r}]")
        if same:
            continue
        if why:
            notes.append(f"{dim} differs, immaterial: {why} (claim: {claim_side or 'not stated'}; "
                         f"evidence: {evidence_side.strip()})")
        else:
            ok = False
            notes.append(f"{dim} differs (claim: {claim_side or 'not stated'}; evidence: {evidence_side.strip()})")
    return ok, "; ".join(notes)


def _range_agrees(claim_id, computed, target, abs_tol) -> tuple[bool, str, str]:
    """A computed range (low, high) against a stated range: agreement when both ends are within abs_tol."""
    low, high = (float(x) for x in computed)
    if target.kind != "range" or not all(math.isfinite(x) for x in (low, high)):
        raise ClaimError(f"claim {claim_id}: a computed range needs a stated range and finite ends")
    agrees = max(abs(low - float(target.low)), abs(high - float(target.high))) <= abs_tol
    return agrees, f"range ends within ±{format_number(abs_tol)}", f"{format_number(low)}-{format_number(high)}"


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


def not_checkable(claim_id: str, reason: str, *, category: str = "", searched: str = "") -> Verdict:
    """A claim no public evidence can settle.

    `category` is a key of :data:`NOT_CHECKABLE_CATEGORIES` (a forecast, an opinion, a counterfactual,
    confidential microdata, proprietary data, or no public record); `reason` says why in this case; `searched`
    says what public material was searched (required for ``no_public_record``).
    """
    if not reason.strip():
        raise ClaimError(f"claim {claim_id}: not_checkable needs a reason")
    if category and category not in NOT_CHECKABLE_CATEGORIES:
        raise ClaimError(f"claim {claim_id}: category {category!r} is not one of "
                         f"{', '.join(NOT_CHECKABLE_CATEGORIES)}")
    if category == "no_public_record" and not searched.strip():
        raise ClaimError(f"claim {claim_id}: no_public_record needs searched= naming what was searched")
    row = _claim_row(claim_id)
    return Verdict(claim_id=claim_id, verdict="not_checkable", stated_value=str(row["stated_value"]),
                   reason=reason.strip(), category=category, searched=searched.strip())


def combine(claim_id: str, parts: list[Verdict], *, stated_value: str = "") -> Verdict:
    """One verdict for a claim with several parts ("twice the workload, with funding unchanged"), each checked
    on its own with :func:`check` / :func:`not_checkable` (``stated=`` the part's value).

    The claim holds only as far as its weakest part: any part that ``differs`` makes it ``differs``; otherwise
    the verdict is the weakest of the parts (reproduced > replicated_simulated > attributed > not_checkable).
    Every part's value, basis and reason are kept, numbered.
    """
    if len(parts) < 2 or any(p.claim_id != claim_id for p in parts):
        raise ClaimError(f"claim {claim_id}: combine takes two or more parts of this claim")
    strength = ["not_checkable", "attributed", "replicated_simulated", "reproduced"]
    verdicts = [p.verdict for p in parts]
    verdict = "differs" if "differs" in verdicts else min(verdicts, key=strength.index)

    def joined(attr: str, sep: str = " | ") -> str:
        values = [getattr(p, attr) for p in parts]
        if not any(values):
            return ""
        return sep.join(f"({i}) {v or '—'}" for i, v in enumerate(values, 1))

    reasons = joined("reason", " ")
    if verdict == "not_checkable":
        reasons = " ".join(f"({i}) {p.verdict}: {p.reason}" for i, p in enumerate(parts, 1))
    weakest = next(p for p in parts if p.verdict == verdict)
    return Verdict(
        claim_id=claim_id, verdict=verdict,
        stated_value=stated_value or joined("stated_value", "; "),
        computed_value=joined("computed_value", "; "), comparison=joined("comparison", "; "),
        reason=reasons, sources=";".join(dict.fromkeys(s for p in parts for s in p.sources.split(";") if s)),
        computation=joined("computation"), evidence_period=joined("evidence_period"),
        evidence_scope=joined("evidence_scope"), basis_note=joined("basis_note"),
        category=weakest.category if verdict == "not_checkable" else "",
        searched=weakest.searched if verdict == "not_checkable" else "",
    )


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

    def attributed(self, claim_id: str, computed, *, not_public_because: str, **kwargs) -> Verdict:
        """:func:`check` with ``attributed=not_public_because``: `computed` is what the named source states
        (held in a data resource with its URL), and the source's own data are not public."""
        return self.record(check(claim_id, computed, attributed=not_public_because, **kwargs))

    def not_checkable(self, claim_id: str, reason: str, *, category: str = "", searched: str = "") -> Verdict:
        """:func:`not_checkable`, recorded in this ledger."""
        return self.record(not_checkable(claim_id, reason, category=category, searched=searched))

    def combine(self, claim_id: str, parts: list[Verdict], **kwargs) -> Verdict:
        """:func:`combine`, recorded in this ledger."""
        return self.record(combine(claim_id, parts, **kwargs))

    def table(self) -> VerdictTable:
        """The verdicts recorded so far, joined to the claim text, for display in the notebook (every reason in
        full: see :class:`VerdictTable`)."""
        rows = pd.DataFrame([v.as_row() for v in self.verdicts.values()], columns=list(Verdict.__annotations__))
        reg = register()[["claim_id", "claim"]]
        return VerdictTable(reg.merge(rows, on="claim_id", how="inner")[
            ["claim_id", "claim", "stated_value", "computed_value", "comparison", "verdict", "reason"]
        ].sort_values("claim_id", key=_claim_sort_key, ignore_index=True))

    def write(self) -> pd.DataFrame:
        """Write ``build/verdicts/<notebook>.csv`` (atomically) and return the table written."""
        frame = pd.DataFrame([v.as_row() for v in self.verdicts.values()], columns=list(Verdict.__annotations__))
        frame.insert(len(frame.columns), "notebook", self.notebook)
        frame = frame.sort_values("claim_id", key=_claim_sort_key, ignore_index=True)
        io.write_csv(paths.VERDICTS / f"{self.notebook}.csv", frame)
        return frame


class VerdictTable(pd.DataFrame):
    """A table of verdicts (what :meth:`Ledger.table` returns): a DataFrame that shows every row and every text in
    full in a notebook, whatever ``display.max_colwidth`` / ``display.max_rows`` say, because a reason cut at 90
    characters is a reason a reader cannot check. Selections of it (``.loc``) stay verdict tables."""

    @property
    def _constructor(self):
        return VerdictTable

    def _repr_html_(self) -> str:
        import html

        def text(x) -> str:
            return "" if x is None or (not isinstance(x, str) and pd.isna(x)) else html.escape(str(x))

        # headers that can wrap; each cell names its column (data-label), so a narrow page can show rows as cards
        labels = [html.escape(str(c).replace("_", " ")) for c in self.columns]
        head = "".join(f"<th>{label}</th>" for label in labels)
        body = "".join("<tr>" + "".join(f'<td data-label="{label}">{text(v)}</td>' for label, v in zip(labels, row))
                       + "</tr>" for row in self.itertuples(index=False))
        return (f'<table class="dataframe verdict-table"><thead><tr>{head}</tr></thead>'
                f"<tbody>{body}</tbody></table>")


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
    out = out.reindex(columns=list(dict.fromkeys([*out.columns, *cols, "stated_value_checked"])))
    out = out.fillna({c: "" for c in [*cols, "stated_value_checked", "scope", "quote"]})
    # A check may restate the claim (e.g. "< 0.5" for "less than half"); show what was compared.
    out["stated_value"] = out["stated_value_checked"].where(out["stated_value_checked"] != "", out["stated_value"])
    out["verdict"] = out["verdict"].replace("", UNCHECKED)
    out["evidence_kind"] = out["verdict"].map(EVIDENCE_KIND)
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
    kinds = list(dict.fromkeys(EVIDENCE_KIND[v] for v in order))
    evidence = pd.crosstab(rep["topic"], rep["verdict"].map(EVIDENCE_KIND)).reindex(columns=kinds, fill_value=0)
    evidence = evidence.loc[:, (evidence.sum() > 0) | (evidence.columns != EVIDENCE_KIND[UNCHECKED])]
    evidence.columns.name = "evidence"
    evidence["total"] = evidence.sum(axis=1)
    return {"overall": overall, "topic": counts("topic"), "document": counts("document"), "evidence": evidence}


# -------------------------------------------------------------------------------------------------- audit
# Words that show a data row or a resource citing the documents under check (which cannot confirm themselves).
_SELF_CITATION = re.compile(
    r"shared/documents|\b00[0-4]_[0-9a-f]{16}\b|claims_inventory|translated document|the document itself|"
    r"this document|本文|译文|编译",
    re.IGNORECASE,
)


def self_citations(resource: str) -> list[str]:
    """Places where data resource `resource` cites the documents themselves as a source: its descriptor's
    ``sources`` and every text cell of a column whose name mentions a source, publisher, citation or URL."""
    from analysis.core.data import load
    from analysis.core.data import resource as resource_descriptor

    found = []
    for i, src in enumerate(resource_descriptor(resource).get("sources", [])):
        for key, value in src.items():
            if _SELF_CITATION.search(str(value)):
                found.append(f"{resource}: descriptor sources[{i}].{key} = {value!r}")
    frame = load(resource)
    for col in frame.columns:
        if not re.search(r"source|publisher|cite|citation|url|found_by|reference", col, re.IGNORECASE):
            continue
        for row, value in frame[col].dropna().astype(str).items():
            if _SELF_CITATION.search(value):
                found.append(f"{resource}: row {row + 2}, column {col} = {value!r}")
    return found


def audit(rep: pd.DataFrame | None = None) -> list[str]:
    """Every way the report breaks the verdict standard (``docs/verdict_standard.md``); empty when it holds.

    Checked from the report itself, so a verdict file edited by hand is held to the same rules as one the
    checker wrote.
    """
    from analysis.core.data import descriptor

    rep = report() if rep is None else rep
    known = {r["name"] for r in descriptor()["resources"]}
    problems: list[str] = []
    cited: set[str] = set()
    for r in rep.itertuples(index=False):
        cid, v = r.claim_id, r.verdict
        if v not in VERDICTS:
            problems.append(f"{cid}: no verdict ({v})")
            continue
        if not str(r.scope).strip():
            problems.append(f"{cid}: the register gives no scope for the claim")
        if not str(r.quote).strip():
            problems.append(f"{cid}: the register gives no quotation of the claim's sentence")
        if v in ("reproduced", "differs", "attributed"):
            sources = [s for s in str(r.sources).split(";") if s]
            if not sources:
                problems.append(f"{cid}: {v} rests on no data resource (sources is empty)")
            for s in sources:
                if s not in known:
                    problems.append(f"{cid}: source {s!r} is not a resource in datapackage.json")
                cited.add(s)
            for dim in BASIS:
                if not str(getattr(r, f"evidence_{dim}")).strip():
                    problems.append(f"{cid}: {v} does not say the {dim} of its evidence")
        if v in ("reproduced", "attributed") and "differs (claim:" in str(r.basis_note):
            problems.append(f"{cid}: {v} although its basis differs: {r.basis_note}")
        if v == "differs" and not str(r.reason).strip():
            problems.append(f"{cid}: differs without a reason")
        if v == "not_checkable":
            if r.category not in NOT_CHECKABLE_CATEGORIES:
                problems.append(f"{cid}: not_checkable without a category ({r.category!r})")
            elif r.category == "no_public_record" and not str(r.searched).strip():
                problems.append(f"{cid}: no_public_record without saying what was searched")
    for s in sorted(cited & known):
        problems.extend(self_citations(s))
    return problems


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
    return Computed(numerator / denominator, f"{num_label} / {den_label} = {format_number(numerator)} / {format_number(denominator)}")


def share(part: float, whole: float, part_label: str = "part", whole_label: str = "whole") -> Computed:
    """100 × part / whole, in percent."""
    return Computed(100 * part / whole, f"100 × {part_label} / {whole_label} = 100 × {format_number(part)} / {format_number(whole)}")


def total(values: dict[str, float]) -> Computed:
    """The sum of labelled values (e.g. shares that should add up to 100)."""
    terms = " + ".join(f"{format_number(v)} ({k})" for k, v in values.items())
    return Computed(sum(values.values()), f"sum = {terms}")


def difference(new: float, old: float, new_label: str = "new", old_label: str = "old") -> Computed:
    """new − old."""
    return Computed(new - old, f"{new_label} − {old_label} = {format_number(new)} − {format_number(old)}")


def change_pct(new: float, old: float, new_label: str = "new", old_label: str = "old") -> Computed:
    """Percentage change from old to new ("doubled" is +100)."""
    return Computed(100 * (new / old - 1), f"100 × ({new_label} / {old_label} − 1) = 100 × ({format_number(new)} / {format_number(old)} − 1)")


def convert(amount: float, rate: float, from_unit: str, to_unit: str) -> Computed:
    """amount × rate (a currency or unit conversion at a stated rate, `rate` = to_unit per from_unit)."""
    return Computed(amount * rate, f"{format_number(amount)} {from_unit} × {format_number(rate)} {to_unit}/{from_unit}")


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
