"""Checks before anything is estimated or released, for the studies that run on a user's confidential panel.

Two kinds of rule, in the spirit of a research data centre's output checking:

* **The design's own requirements** (:class:`Plan`): before estimating, a study lists what each estimate needs
  (firms in both groups, variation in exposure, the years it reports, treated and not-yet-treated units, ...).
  What a panel cannot support is *skipped* with a one-line reason shown in the notebook and written to the
  results; a panel that supports nothing stops with :class:`DesignError` naming the missing requirement.
* **Minimum counts** (:func:`suppress`): every reported estimate, table cell or figure point states the number of
  firms or respondents behind it; below a minimum (default :data:`MIN_COUNT`, 10) its values are withheld and the
  output says so (``released = False`` and a note), as statistical offices' output rules require.

A verdict that needs a skipped or withheld estimate is recorded as not checkable with the reason
(:func:`guard`), never computed from a hole.
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import numpy as np
import pandas as pd

MIN_COUNT = 10  # firms or respondents behind a released number (a common research-data-centre minimum)


class DesignError(ValueError):
    """The panel supports none of the study's estimates; the message names what is missing."""


class DesignWarning(UserWarning):
    """The input is valid but probably not what the user meant (e.g. doses given as fractions, not percent)."""


class Unavailable(KeyError):
    """A number a verdict or table needs was skipped (design) or withheld (minimum count); ``str()`` says why."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unavailable"


# ------------------------------------------------------------------------------------------------- plans
@dataclass
class Plan:
    """What can be estimated on one panel and, for the rest, why not.

    ``add(name, ok, reason)`` records a requirement check; ``can(name)`` asks it; ``table()`` lists every
    estimate with ``estimable`` and the reason; ``notes`` holds facts reported to the user (years and groups
    found), ``warnings`` inputs that look wrong but are valid.
    """

    subject: str
    minimum: int = MIN_COUNT
    checks: dict[str, tuple[bool, str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, reason: str = "") -> bool:
        self.checks[name] = (bool(ok), "" if ok else reason)
        return bool(ok)

    def can(self, name: str) -> bool:
        return self.checks.get(name, (False, ""))[0]

    def reason(self, name: str) -> str:
        ok, why = self.checks.get(name, (False, f"{name} was not planned"))
        return why

    def need(self, *names: str) -> None:
        """Raise :class:`Unavailable` with the first reason if any of `names` cannot be estimated."""
        for name in names:
            if not self.can(name):
                raise Unavailable(f"{name}: {self.reason(name)}")

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        warnings.warn(message, DesignWarning, stacklevel=2)

    def skipped(self) -> dict[str, str]:
        return {k: why for k, (ok, why) in self.checks.items() if not ok}

    def require_any(self, names: Iterable[str]) -> None:
        """Stop with :class:`DesignError` if none of `names` can be estimated (naming each missing requirement)."""
        names = list(names)
        if not any(self.can(n) for n in names):
            why = "; ".join(f"{n}: {self.reason(n)}" for n in names)
            raise DesignError(f"{self.subject} supports none of its estimates: {why}")

    def table(self) -> pd.DataFrame:
        return pd.DataFrame([{"estimate": k, "estimable": ok, "reason": why} for k, (ok, why) in self.checks.items()])

    def as_dict(self) -> dict:
        return {"minimum_count": self.minimum, "skipped": self.skipped(), "notes": list(self.notes),
                "warnings": list(self.warnings)}

    def summary(self) -> str:
        """Markdown: what is skipped and why, the notes and warnings (one line each)."""
        lines = [f"- **skipped** {k}: {why}" for k, why in self.skipped().items()]
        lines += [f"- {n}" for n in self.notes] + [f"- **warning**: {w}" for w in self.warnings]
        return "\n".join(lines) if lines else "- every estimate can be computed on this panel"


# ------------------------------------------------------------------------------------------ minimum counts
def withheld_note(count_label: str, minimum: int) -> str:
    return f"withheld: fewer than {minimum} {count_label} behind it"


def suppress(frame: pd.DataFrame, count: str, minimum: int = MIN_COUNT, values: Iterable[str] | None = None,
             count_label: str = "firms") -> pd.DataFrame:
    """A copy of `frame` in which rows resting on fewer than `minimum` units (column `count`) have their `values`
    set to NaN, with ``released`` (bool) and ``note`` columns saying which and why.

    The count itself is withheld too when it is below the minimum but above zero (a small count can identify a
    firm); the note says "fewer than N".
    """
    out = frame.copy()
    values = [c for c in (values if values is not None else out.select_dtypes("number").columns) if c != count]
    n = pd.to_numeric(out[count], errors="coerce")
    low = ~(n >= minimum)
    out.loc[low, values] = np.nan
    out["released"] = ~low
    out["note"] = np.where(low, withheld_note(count_label, minimum), "")
    out[count] = out[count].astype("float").where(~low | (n == 0))
    return out


def released(value: float, n: int, minimum: int = MIN_COUNT, what: str = "estimate",
             count_label: str = "firms") -> float:
    """`value` if at least `minimum` units are behind it; else raise :class:`Unavailable`."""
    if n is None or not n >= minimum:
        raise Unavailable(f"{what} {withheld_note(count_label, minimum)}")
    return value


@contextmanager
def guard(ledger, claim_id: str, category: str = "confidential_microdata") -> Iterator[None]:
    """Run a claim's check; if a number it needs is unavailable, record the claim as not checkable with why.

    The default category: the claim rests on the confidential microdata, which this panel cannot (or, under the
    release rules, may not) answer."""
    try:
        yield
    except Unavailable as why:
        ledger.not_checkable(claim_id, reason=f"Not estimable on this panel: {why}.", category=category)


def panel_summary(panel: pd.DataFrame) -> pd.DataFrame:
    """A user's panel described without any of its values (its rows are confidential): each column's type,
    rows with a value and number of distinct values."""
    return pd.DataFrame({"column": panel.columns, "type": [str(t) for t in panel.dtypes],
                         "rows_with_value": panel.notna().sum().to_numpy(),
                         "distinct_values": panel.nunique().to_numpy()})


def to_json(value):
    """JSON-safe: NaN and infinities become None (the results files forbid NaN), numpy scalars plain numbers."""
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, np.bool_):
        return bool(value)
    return value
