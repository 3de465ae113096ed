"""The energy design's estimates on one panel (simulated or a user's), released under a minimum-count rule.

Households and firms are estimated by BJS imputation with the respondent's % price increase as dose
(:mod:`analysis.estimators.did_imputation`); every estimate resting on fewer respondents than the release minimum
is withheld with its reason (:class:`Released`), and what the design plan (:func:`analysis.studies.energy.
plan_energy`) rules out is never estimated.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.core import release
from analysis.core.release import Plan
from analysis.estimators import did_imputation as di
from analysis.studies.energy import LEADS, naive_before_after
from analysis.studies.energy.simulate import MONTHS

OUTCOME = "expected_inflation_pct"
DOSE = "price_increase_pct"
HORIZONS = range(0, 19)
"""Months since the increase shown in the event-study and dose-response figures."""
REFERENCE_LEAD = -4
"""Placebo leads are reported relative to four months before the increase, as the column's figures."""
HOUSEHOLD_AUX_BY = ["horizon", "income_group", "inflation_knowledge"]
"""Cells of the households' auxiliary (variance) model: event time × income × knowledge."""
VALUES = ["estimate", "se", "ci_low", "ci_high"]


class Released:
    """Estimates behind which at least `minimum` respondents stand (``est``), and those withheld (``withheld``:
    name → reason). ``get`` hands a released estimate to a claim check, or raises
    :class:`analysis.core.release.Unavailable` (the claim becomes not checkable) with the reason."""

    def __init__(self, plan: Plan, minimum: int):
        self.plan, self.minimum = plan, int(minimum)
        self.est: dict = {}
        self.withheld: dict[str, str] = {}

    def keep(self, name: str, e: di.Estimate) -> di.Estimate | None:
        """Record `e` if at least `minimum` respondents are behind it; else note it as withheld."""
        if e.n_units is not None and e.n_units < self.minimum:
            self.withheld[name] = f"{e.label or name} {release.withheld_note('respondents', self.minimum)}"
        else:
            self.est[name] = e
        return self.est.get(name)

    def get(self, name: str, *requirements: str) -> di.Estimate:
        """A released estimate for a verdict, if the plan allows every one of `requirements`; else Unavailable with
        the first reason."""
        self.plan.need(*requirements)
        if name not in self.est:
            raise release.Unavailable(self.withheld.get(name, f"{name} was not estimated"))
        return self.est[name]

    def check_within_ci(self, ledger, claim_id: str, name: str, *requirements: str, scale: float | None = None,
                        **kwargs) -> None:
        """Check `claim_id` against the released estimate `name` (times `scale`, if given) with a tolerance of
        1.96 SE, i.e. its 95% interval contains the stated value; if the plan or the release rule rules the
        estimate out, the claim is recorded not checkable with the reason. `kwargs` go to ``ledger.check``."""
        with release.guard(ledger, claim_id):
            e = self.get(name, *requirements)
            e = e if scale is None else e.scaled(scale)
            ledger.check(claim_id, e.estimate, abs_tol=1.96 * e.se, **kwargs)

    def share(self, shares: dict, name: str, what: str) -> float:
        """The released share of `name` never hit in the window (:func:`exposure`, a fraction), or Unavailable
        saying why the share of `what` without an increase is missing (planned out, or withheld)."""
        if name not in shares:
            why = self.plan.reason(name) or release.withheld_note("respondents", self.minimum)
            raise release.Unavailable(f"the share of {what} without an increase: {why}")
        return shares[name]

    def headline(self) -> str:
        """The households' BJS per-1% effect with its 95% CI beside the naive before/after slope ('' if withheld)."""
        if "households" not in self.est:
            return ""
        e = self.est["households"]
        return (f"BJS imputation: {e.estimate:.2f} bp per 1% (95% CI {e.ci_low:.2f} to {e.ci_high:.2f}); "
                f"naive before/after: {self.est['naive_before_after']:.2f} bp per 1%")

    def suppress(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Rows of a table resting on too few respondents (``n_units``), withheld: values NaN, with a note."""
        return release.suppress(frame, "n_units", self.minimum, VALUES, "respondents")

    def table(self) -> pd.DataFrame:
        """Every released estimate (one row each), then every withheld one with its note."""
        return pd.DataFrame([e.as_dict() if hasattr(e, "as_dict") else {"label": k, "estimate": e}
                             for k, e in self.est.items()] + [{"label": k, "note": why}
                                                              for k, why in self.withheld.items()])

    def as_results(self) -> dict:
        """The estimates, the withheld ones and the design plan, for the results file."""
        return {"estimates": {k: (v.as_dict() if hasattr(v, "as_dict") else float(v)) for k, v in self.est.items()},
                "withheld": self.withheld, "design": self.plan.as_dict()}


# ------------------------------------------------------------------------------------------ exposure
def exposure_share(frame: pd.DataFrame, minimum: int) -> tuple[pd.Series, float]:
    """Share of respondents whose own energy price has risen by each month, June 2021 to June 2022
    (cumulative), and the share never hit in the treatment window (:data:`.simulate.MONTHS`).

    A share whose count of respondents hit, or not hit, is between 1 and `minimum` - 1 is withheld (NaN).
    """
    units = frame.groupby("unit_id").agg(tp=("treatment_period", "first"))
    tp = units["tp"].fillna("").astype(str)
    months = pd.period_range("2021-06", "2022-06", freq="M").strftime("%Y-%m")
    hit = pd.Series([int(((tp != "") & (tp <= m)).sum()) for m in months], index=months)

    def share(k):
        small = (0 < k < minimum) or (0 < len(tp) - k < minimum)
        return np.nan if small else k / len(tp)

    in_window = int(((tp >= MONTHS[0]) & (tp <= MONTHS[-1])).sum())
    return hit.map(share), 1 - share(in_window)


def exposure(panels: dict[str, pd.DataFrame], minimum: int) -> tuple[dict, dict]:
    """For each non-empty panel (name → rows): its exposure curve and never-hit share
    (:func:`exposure_share`), and the never-hit shares that are released (finite)."""
    curves = {name: exposure_share(frame, minimum) for name, frame in panels.items() if len(frame)}
    return curves, {name: never for name, (_, never) in curves.items() if np.isfinite(never)}


# ------------------------------------------------------------------------------------------ estimates
def fit_households(hh: pd.DataFrame, rel: Released) -> di.ImputationFit:
    """BJS imputation on the households, dose = % price increase; keeps the pooled per-1% effect (bp) and the
    naive before/after slope (bp) for contrast."""
    hfit = di.imputation_fit(hh, OUTCOME, "unit", "t", "g", intensity=DOSE, aux_by=HOUSEHOLD_AUX_BY)
    rel.keep("households", hfit.slope().scaled(100, "households, bp per 1%"))
    rel.est["naive_before_after"] = 100 * naive_before_after(hh)
    return hfit


def fit_firms(fi: pd.DataFrame, rel: Released) -> di.ImputationFit:
    """BJS imputation on the firms' expectations (keeps the per-1% effect, bp) and, if the plan allows, the
    pass-through to their own output prices (pp per 1%)."""
    ffit = di.imputation_fit(fi, OUTCOME, "unit", "t", "g", intensity=DOSE)
    rel.keep("firms", ffit.slope().scaled(100, "firms, bp per 1%"))
    if rel.plan.can("firms: pass-through"):
        pfit = di.imputation_fit(fi.dropna(subset=["output_price_change_pct"]), "output_price_change_pct", "unit",
                                 "t", "g", intensity=DOSE)
        rel.keep("firms_passthrough", pfit.slope(label="firms, pp output-price change per 1%"))
    return ffit


def dynamics(frame: pd.DataFrame, fit: di.ImputationFit, name: str, rel: Released) -> tuple[pd.DataFrame, dict]:
    """Per-1% effect (bp) by month since the increase, and — if the plan allows the pre-trend test — the placebo
    leads relative to month -4 with their joint Wald test (else None). Rows on too few respondents withheld."""
    post = fit.by_horizon("slope", horizons=HORIZONS)
    pre, wald = (di.pretrend_test(frame, OUTCOME, "unit", "t", "g", leads=LEADS, reference=REFERENCE_LEAD,
                                  intensity=DOSE)
                 if rel.plan.can(f"{name}: pre-trend test") else (post.iloc[:0], None))
    both = pd.concat([pre.assign(part="pre-trend (vs month -4)"), post.assign(part="effect")], ignore_index=True)
    for c in VALUES:
        both[c] = 100 * both[c]
    return rel.suppress(both), wald


def dose_response(hfit: di.ImputationFit, rel: Released, threshold_pct: float) -> dict[str, pd.DataFrame]:
    """Households' per-1% effect by month since the increase, separately for increases below and at or above
    `threshold_pct` (sides the plan allows; tables in pp); keeps each side's slope over months 3-12 (bp)."""
    large = hfit.dose >= threshold_pct
    sides = ((f"increase < {threshold_pct:.0f}%", ~large, "households: small increases"),
             (f"increase >= {threshold_pct:.0f}%", large, "households: large increases"))
    tables = {lab: rel.suppress(hfit.by_horizon("slope", horizons=HORIZONS, mask=m).assign(group=lab))
              for lab, m, need in sides if rel.plan.can(need)}
    mid = (hfit.horizon >= 3) & (hfit.horizon <= 12)
    if rel.plan.can("households: small increases"):
        rel.keep("small_h3_12", hfit.slope(mask=~large & mid).scaled(100, "small increases, months 3-12"))
    if rel.plan.can("households: large increases"):
        rel.keep("large_h3_12", hfit.slope(mask=large & mid).scaled(100, "large increases, months 3-12"))
    return tables


def heterogeneity(hh: pd.DataFrame, hfit: di.ImputationFit, rel: Released) -> pd.DataFrame:
    """Households' per-1% slopes (bp) by income group, by knowledge of past inflation and for two combinations
    (rows on too few respondents withheld); keeps the contrasts low - high income and uninformed - informed
    (released only if both groups are) and the high-income, informed group's slope."""
    tr = hh.loc[hfit.treated_index]
    inc = tr["income_group"].astype("string").to_numpy()
    know = tr["inflation_knowledge"].astype("string").to_numpy()
    groups = [("low income", inc == "low"), ("middle income", inc == "middle"), ("high income", inc == "high"),
              ("uninformed", know == "uninformed"), ("informed", know == "informed"),
              ("high income & informed", (inc == "high") & (know == "informed")),
              ("low income & uninformed", (inc == "low") & (know == "uninformed"))]
    het = rel.suppress(pd.DataFrame([hfit.slope(mask=m).scaled(100, lab).as_dict() for lab, m in groups]))
    ok = dict(zip(het["label"], het["released"]))
    for name, e, pair, label in (
            ("diff_income", hfit.contrast(inc == "low", inc == "high"), ("low income", "high income"),
             "low - high income"),
            ("diff_knowledge", hfit.contrast(know == "uninformed", know == "informed"), ("uninformed", "informed"),
             "uninformed - informed")):
        if all(ok[g] for g in pair):
            rel.keep(name, e.scaled(100, label))
        else:
            rel.withheld[name] = f"{' - '.join(pair)}: a group {release.withheld_note('respondents', rel.minimum)}"
    rel.keep("high_informed", hfit.slope(mask=(inc == "high") & (know == "informed")).scaled(100, "high & informed"))
    return het
