"""The energy study's pieces behind notebook 04: public inflation facts, panels and plan, the release of estimates
(minimum counts, claims not checkable with the reason), exposure shares, Monte Carlo criteria and the figures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.core import claims, release  # noqa: E402
from analysis.estimators.did_imputation import Estimate  # noqa: E402
from analysis.studies import energy  # noqa: E402
from analysis.studies.energy import estimates, inflation, montecarlo, plots, simulate  # noqa: E402


# ------------------------------------------------------------------------------------------ public inflation data
def test_german_inflation_peaked_in_the_surge_above_every_earlier_rate():
    yoy = inflation.hicp_yoy()
    peak = inflation.inflation_peak(yoy)
    assert "2021-01" <= peak.month <= "2023-12" and peak.prior_month <= "2020-12"
    assert peak.value > peak.prior_value and peak.first_month == yoy.index[0]
    assert peak.as_dict() == {"peak_yoy_pct": peak.value, "peak_month": peak.month,
                              "max_yoy_1997_2020_pct": peak.prior_value}


def test_a_peak_the_headline_table_does_not_show_is_refused():
    yoy = inflation.hicp_yoy().copy()
    yoy.loc["2022-10"] += 5.0  # now the peak, and 5 pp above the headline table's rate for that month
    with pytest.raises(ValueError, match="disagree in 2022-10"):
        inflation.inflation_peak(yoy)


def test_electricity_and_firm_expectation_series_are_monthly():
    for s in (inflation.electricity_yoy(), inflation.firm_expectations_mean()):
        assert s.index.str.fullmatch(r"\d{4}-\d{2}").all() and len(s) > 12


# ------------------------------------------------------------------------------------------ panels and plan
@pytest.fixture(scope="module")
def small_panels():
    hh, fi, note = energy.simulated_panels(11, 300, 200)
    return hh, fi, note


def test_simulated_panels_are_seeded_and_labelled(small_panels):
    hh, fi, note = small_panels
    assert set(hh["respondent"]) == {"household"} and set(fi["respondent"]) == {"firm"}
    assert "seeds 11 and 12" in note
    again, _, _ = energy.simulated_panels(11, 300, 200)
    pd.testing.assert_frame_equal(hh, again)


def test_split_respondents_inverts_a_concatenated_panel(small_panels):
    hh, fi, _ = small_panels
    h2, f2 = energy.split_respondents(pd.concat([fi, hh], ignore_index=True))
    pd.testing.assert_frame_equal(h2[list(hh.columns)], hh, check_dtype=False)  # concat adds the other's columns
    pd.testing.assert_frame_equal(f2[list(fi.columns)], fi, check_dtype=False)


def test_plan_panels_drops_a_group_the_plan_rules_out(small_panels):
    hh, fi, _ = small_panels
    h, f, plan = energy.plan_panels(hh, fi.iloc[:0], min_count=10, large_threshold_pct=25.0)
    assert h is not None and {"t", "g", "unit"} <= set(h.columns)
    assert f is None and not plan.can("firms") and "no firms" in plan.reason("firms")


# ------------------------------------------------------------------------------------------ release of estimates
def _estimate(n_units, value=1.0, se=0.5, label="x"):
    return Estimate.from_se(value, se, n_obs=100, label=label, n_units=n_units)


@pytest.fixture
def rel():
    plan = release.Plan("test panel", minimum=10)
    plan.add("households", True)
    plan.add("firms", False, "the panel has no firms")
    return estimates.Released(plan, 10)


def test_an_estimate_on_too_few_respondents_is_withheld_with_the_reason(rel):
    assert rel.keep("big", _estimate(50)) is not None
    assert rel.keep("small", _estimate(9, label="small group")) is None
    assert "small" not in rel.est and "fewer than 10 respondents" in rel.withheld["small"]
    with pytest.raises(release.Unavailable, match="small group withheld"):
        rel.get("small", "households")
    with pytest.raises(release.Unavailable, match="the panel has no firms"):
        rel.get("big", "households", "firms")
    table = rel.table()
    assert list(table["label"]) == ["x", "small"] and table["note"].iloc[1].startswith("small group")
    out = rel.as_results()
    assert set(out) == {"estimates", "withheld", "design"} and "small" in out["withheld"]


def test_check_within_ci_gives_a_verdict_or_says_why_not(rel):
    ledger = claims.Ledger("test_energy_study")
    rel.keep("firms_effect", _estimate(50, value=0.3, se=0.2))   # 95% CI contains 0 (NRG-15 states 0)
    rel.keep("far", _estimate(50, value=3.0, se=0.2))             # does not
    rel.check_within_ci(ledger, "NRG-15", "firms_effect", "households", simulated=True, computation="test")
    rel.check_within_ci(ledger, "NRG-16", "far", "households", simulated=True, computation="test",
                        if_differs="a test estimate planted far from the stated zero")
    rel.check_within_ci(ledger, "NRG-14", "firms_effect", "firms", scale=100, simulated=True, computation="test")
    v = ledger.table().set_index("claim_id")
    assert v.at["NRG-15", "verdict"] == "replicated_simulated"
    assert v.at["NRG-16", "verdict"] == "differs"
    assert v.at["NRG-14", "verdict"] == "not_checkable" and "no firms" in v.at["NRG-14", "reason"]


def test_share_and_headline(rel):
    assert rel.share({"households": 0.5}, "households", "households") == 0.5
    with pytest.raises(release.Unavailable, match="share of firms without an increase: the panel has no firms"):
        rel.share({}, "firms", "firms")
    with pytest.raises(release.Unavailable, match="fewer than 10 respondents"):
        rel.share({}, "households", "households")
    assert rel.headline() == ""
    rel.keep("households", _estimate(50, value=1.4, se=0.1))
    rel.est["naive_before_after"] = 9.0
    assert rel.headline().startswith("BJS imputation: 1.40 bp per 1%") and "naive before/after: 9.00" in rel.headline()


# ------------------------------------------------------------------------------------------ exposure shares
def _exposure_panel(periods: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"unit_id": [f"u{i}" for i in range(len(periods))], "treatment_period": periods})


def test_exposure_share_counts_and_withholds_small_counts():
    panel = _exposure_panel(["2021-10"] * 20 + ["2022-02"] * 20 + [""] * 40 + ["2023-01"] * 20)
    cum, never = estimates.exposure_share(panel, minimum=10)
    assert cum["2021-09"] == 0 and cum["2021-10"] == pytest.approx(0.2) and cum["2022-06"] == pytest.approx(0.4)
    assert never == pytest.approx(0.6)  # the 2023 increases fall after the window
    few = _exposure_panel(["2021-10"] * 5 + [""] * 95)
    cum, never = estimates.exposure_share(few, minimum=10)
    assert np.isnan(cum["2021-10"]) and np.isnan(never) and cum["2021-09"] == 0


def test_exposure_releases_only_finite_never_shares():
    curves, shares = estimates.exposure({"households": _exposure_panel(["2021-10"] * 5 + [""] * 95),
                                         "firms": _exposure_panel(["2021-12"] * 60 + [""] * 40),
                                         "empty": _exposure_panel([])}, minimum=10)
    assert list(curves) == ["households", "firms"] and shares == {"firms": pytest.approx(0.4)}


# ------------------------------------------------------------------------------------------ Monte Carlo criteria
@pytest.mark.parametrize("bias, coverage, placebo, expected", [
    (1.0, 0.95, 0.05, [True, True, True]),
    (-5.0, 0.95, 0.05, [False, True, True]),
    (0.0, 0.92, 0.05, [True, False, True]),
    (0.0, 0.97, 0.09, [True, True, False]),
])
def test_monte_carlo_criteria(bias, coverage, placebo, expected):
    out = montecarlo.criteria({"bias_pct_of_effect": bias, "coverage_95": coverage, "placebo_rejection_5pct": placebo})
    assert list(out.values()) == expected


# ------------------------------------------------------------------------------------------ figures
def test_heterogeneity_figure_marks_the_pooled_effect_it_is_given():
    het = pd.DataFrame({"label": ["low income", "high income"], "estimate": [2.0, 0.1], "se": [0.3, 0.2]})
    planted = simulate.parameter_value("household_effect_bp_per_pct")
    fig = plots.heterogeneity(het, planted)
    assert fig.axes[0].get_legend().get_texts()[0].get_text() == f"pooled effect ({planted:g} bp)"
    assert plots.heterogeneity(het).axes[0].get_legend() is None  # a user's panel: no planted value to show
    matplotlib.pyplot.close("all")


def test_event_study_figure_draws_only_the_groups_estimated():
    d = pd.DataFrame({"horizon": [0, 1], "estimate": [1.0, 1.2], "ci_low": [0.5, 0.6], "ci_high": [1.5, 1.8]})
    fig = plots.event_study({"households": d})
    households, firms = fig.axes
    assert len(households.lines) > len(firms.lines) and firms.get_title() == "firms"
    matplotlib.pyplot.close("all")
