"""The imputation estimator proven on public reference data before it is used on the energy question.

``df_het`` (31,000 rows, from R ``didimputation``'s README, known effects) against R ``didimputation``'s published
output; ``mpdta`` against R ``did``'s Callaway-Sant'Anna aggregate; and the naive two-way fixed-effects
regression for contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core import data
from analysis.estimators import did_imputation as di


@dataclass
class DfHet:
    """The estimators on ``df_het``: BJS (binary, with event study and 5 pre-trend leads), the dose version with a
    dose of 1, and the static and dynamic TWFE regressions; ``compared`` holds ours beside R's, term by term."""

    panel: pd.DataFrame
    bjs: di.ImputationResult
    compared: pd.DataFrame
    dose_one: di.Estimate
    twfe_static: di.Estimate
    twfe_es: pd.DataFrame

    @property
    def truth(self) -> float:
        """The true average effect on treated observations (te + te_dynamic)."""
        p = self.panel
        return float((p["te"] + p["te_dynamic"])[p["treat"].astype(bool)].mean())

    def agreement(self) -> str:
        """One line: how many terms were compared with R and the largest differences in estimate and SE."""
        c = self.compared
        return (f"R didimputation vs ours on df_het (31,000 rows): {len(c)} rows (static, -5..20); "
                f"max |Δ estimate| {c['abs_diff_estimate'].max():.1e}, max relative Δ SE {c['rel_diff_se'].max():.1e}")

    def true_event_study(self) -> pd.Series:
        """The true average effect by event time (years since treatment), treated observations only."""
        p = self.panel
        return (p.assign(tt=p["te"] + p["te_dynamic"], h=p["year"] - p["g"])
                .loc[lambda d: d["treat"].astype(bool)].groupby("h")["tt"].mean())


def df_het_reference() -> DfHet:
    """Run the estimators on ``df_het`` and set BJS beside R didimputation's published estimates and SEs."""
    ref = data.load("did_reference_didimputation_readme")
    df_het = data.load("did_reference_df_het_31000")
    bjs = di.imputation_did(df_het, "dep_var", "unit", "year", "g", event_study=True, pretrends=5,
                            pretrend_vcov="iid")
    ours = bjs.tidy()
    ours["term"] = ours["term"].where(ours["kind"] != "overall", "overall")
    compared = ref.merge(ours[["term", "estimate", "se"]], on="term", suffixes=("_r", "_ours"))
    compared["abs_diff_estimate"] = (compared["estimate_r"] - compared["estimate_ours"]).abs()
    compared["rel_diff_se"] = (compared["se"] / compared["std_error"] - 1).abs()
    df_het["one"] = 1.0
    dose_one = di.imputation_fit(df_het, "dep_var", "unit", "year", "g", intensity="one").slope()
    twfe_static, twfe_es = di.twfe(df_het, "dep_var", "unit", "year", "g", event_window=(-5, 20))
    return DfHet(df_het, bjs, compared, dose_one, twfe_static, twfe_es)


@dataclass
class Mpdta:
    """Callaway-Sant'Anna (diff-diff) and BJS on ``mpdta``, with R did's simple aggregate (``r_simple``)."""

    cs_simple: di.Estimate
    r_simple: pd.Series
    bjs: di.ImputationResult


def mpdta_reference() -> Mpdta:
    """Run Callaway-Sant'Anna and BJS on ``mpdta`` and fetch R did's simple aggregate (never-treated, DR)."""
    mp = data.load("did_reference_mpdta")
    cs = di.callaway_santanna(mp, "lemp", "countyreal", "year", "first.treat")
    r_did = data.load("did_reference_r_did_aggte")
    r_simple = r_did.loc[(r_did["scenario"] == "mpdta_nev_dr") & (r_did["type"] == "simple")].iloc[0]
    return Mpdta(cs["simple"], r_simple, di.imputation_did(mp, "lemp", "countyreal", "year", "first.treat"))


def reference_checks(het: DfHet, mp: Mpdta) -> dict:
    """The agreement with R kept in the results file: largest differences on df_het, CS beside R on mpdta."""
    return {
        "df_het_31000_rows_compared": int(len(het.compared)),
        "df_het_31000_max_abs_diff_estimate": float(het.compared["abs_diff_estimate"].max()),
        "df_het_31000_max_rel_diff_se": float(het.compared["rel_diff_se"].max()),
        "dose_version_with_dose_1_minus_binary": float(het.dose_one.estimate - het.bjs.overall.estimate),
        "cs_mpdta_simple": mp.cs_simple.estimate, "cs_mpdta_simple_r": float(mp.r_simple["overall_att"]),
        "cs_mpdta_se": mp.cs_simple.se, "cs_mpdta_se_r": float(mp.r_simple["overall_se"]),
    }


def comparison_table(het: DfHet, mp: Mpdta) -> pd.DataFrame:
    """Truth, BJS and naive TWFE on df_het; Callaway-Sant'Anna and BJS on mpdta (estimate, SE)."""
    rows = [("df_het 31,000", "true average effect (te + te_dynamic)", het.truth, np.nan),
            ("df_het 31,000", "BJS imputation (diff-diff)", het.bjs.overall.estimate, het.bjs.overall.se),
            ("df_het 31,000", "naive TWFE y ~ D | unit + year", het.twfe_static.estimate, het.twfe_static.se),
            ("mpdta", "Callaway-Sant'Anna simple (R did: %.6f)" % mp.r_simple["overall_att"],
             mp.cs_simple.estimate, mp.cs_simple.se),
            ("mpdta", "BJS imputation (no published reference)", mp.bjs.overall.estimate, mp.bjs.overall.se)]
    return pd.DataFrame([dict(zip(("data", "estimator", "estimate", "se"), r)) for r in rows])
