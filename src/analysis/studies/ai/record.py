"""The public record and the claims register as notebook 05 reads them.

``rec`` below is ``data.load("ai_public_record").set_index("fact_id")``: one row per public figure or statement,
with who states it. Published reference values (Cottier et al.'s estimate) and the brief's own numbers are read
from there and from ``data/claims.csv``, never typed.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.core import claims


def fact(rec: pd.DataFrame, fid: str) -> claims.Computed:
    """A figure from the public record, carrying who states it."""
    r = rec.loc[fid]
    return claims.Computed(float(r["value"]), f"{r['quantity']}: {r['value']:g} {r['unit']} ({r['publisher']}, "
                                              f"{r['period']})")


def fact_date(rec: pd.DataFrame, fid: str) -> date:
    """The date of a dated fact of the public record."""
    return pd.Timestamp(rec.at[fid, "date"]).date()


def part(cid: str, what: str) -> dict:
    """`immaterial` for one part of a multi-part claim `cid`, checked against its own evidence (claims.combine)."""
    return {"scope": f"this part checks {what}; the other parts are checked separately and combined"}


def published_estimate(rec: pd.DataFrame) -> dict:
    """Cottier et al. (2024)'s published growth of frontier training cost: label, estimate and 95% CI (x per year),
    number of models."""
    growth = rec.loc["cottier2024_cost_growth_factor"]
    n = int(rec.at["cottier2024_frontier_models_costed", "value"])
    return {"label": f"Cottier et al. 2024, published (n={n})", "estimate": float(growth["value"]),
            "low": float(growth["low"]), "high": float(growth["high"]), "n": n}


def stated_number(claim_id: str) -> float:
    """The number a claim states, from the claims register (``data/claims.csv``, column stated_value)."""
    register = claims.register().set_index("claim_id")
    stated = claims.parse_stated(register.at[claim_id, "stated_value"])
    if stated.kind != "value":
        raise claims.ClaimError(f"claims.csv, claim {claim_id}, column stated_value: {stated.text!r} is not a number")
    return float(stated.low)
