"""The growth estimator (analysis.estimators.growth): known rates on synthetic data, Cottier et al. on the shared data,
Epoch's frontier rule, and refusal of malformed cost files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.core import data
from analysis.estimators import growth
from analysis.studies import ai

FIXTURES = Path(__file__).parent / "fixtures" / "ai"

# Cottier et al. (2024), arXiv:2405.21015: growth per year, its 95% CI and the number of frontier models, as the
# public record holds them (data/ai_public_record.csv).
_COTTIER = ai.published_estimate(data.load("ai_public_record").set_index("fact_id"))
COTTIER_FACTOR, COTTIER_LOW, COTTIER_HIGH, COTTIER_N = (_COTTIER[k] for k in ("estimate", "low", "high", "n"))


def simulate_costs(n: int, ooms_per_year: float, *, sd: float = 0.4, seed: int = 0):
    """DGP: log10 cost = 5 + b (t - 2016) + N(0, sd^2) noise (heteroskedastic: sd doubles over the window),
    publication years uniform on 2016-2024."""
    rng = np.random.default_rng(seed)
    t = np.sort(rng.uniform(2016, 2024, n))
    scale = sd * (0.67 + 0.67 * (t - 2016) / 8)
    return t, 10 ** (5 + ooms_per_year * (t - 2016) + rng.normal(0, scale))


# ------------------------------------------------------------------------------------ synthetic recovery
def test_recovers_a_known_rate_on_synthetic_data():
    t, cost = simulate_costs(400, 0.38, seed=1)
    fit = growth.fit_growth(t, cost, n_boot=1000, seed=2)
    assert fit.n == 400
    assert abs(fit.slope - 0.38) < 3.5 * fit.se_robust  # coverage itself is checked by the Monte Carlo below
    assert fit.se_robust < 0.015
    assert fit.ci_robust[0.95][0] < fit.slope < fit.ci_robust[0.95][1]
    assert fit.ci_boot[0.95][0] < fit.slope < fit.ci_boot[0.95][1]
    boot_width = fit.ci_boot[0.95][1] - fit.ci_boot[0.95][0]
    hc_width = fit.ci_robust[0.95][1] - fit.ci_robust[0.95][0]
    assert 0.8 < boot_width / hc_width < 1.25  # two routes to the same uncertainty
    # the 90% interval sits inside the 95% one
    assert fit.ci_robust[0.95][0] < fit.ci_robust[0.90][0] < fit.ci_robust[0.90][1] < fit.ci_robust[0.95][1]
    # unit conversions
    assert fit.factor_per_year == pytest.approx(10**fit.slope)
    assert fit.doubling_time_years == pytest.approx(np.log10(2) / fit.slope)
    lo, hi = fit.doubling_ci(0.95)
    assert lo < fit.doubling_time_years < hi


def test_interval_coverage_is_close_to_nominal():
    """Monte Carlo: 300 small samples (n=40); the 95% HC3 and bootstrap intervals cover the truth ~95% of the time."""
    truth, hits_hc, hits_boot = 0.38, 0, 0
    reps = 300
    for r in range(reps):
        t, cost = simulate_costs(40, truth, seed=100 + r)
        fit = growth.fit_growth(t, cost, n_boot=300, seed=r)
        hits_hc += fit.ci_robust[0.95][0] <= truth <= fit.ci_robust[0.95][1]
        hits_boot += fit.ci_boot[0.95][0] <= truth <= fit.ci_boot[0.95][1]
    assert 0.90 <= hits_hc / reps <= 0.99
    assert 0.88 <= hits_boot / reps <= 0.99


def test_year_reaching_inverts_the_line_and_brackets_it():
    rng = np.random.default_rng(3)
    t = np.linspace(2016, 2024, 80)
    cost = 10 ** (0.5 * (t - 2020) + 6 + rng.normal(0, 0.05, t.size))  # $1bn exactly at 2026.0 on the line
    fit = growth.fit_growth(t, cost, n_boot=200, seed=0)
    when = fit.year_reaching(1e9, level=0.9)
    assert when["year"] == pytest.approx(2026.0, abs=0.1)
    assert when["earliest"] < when["year"] < when["latest"]
    ci = fit.year_reaching(1e9, level=0.9, band="ci")
    assert when["earliest"] <= ci["earliest"] and ci["latest"] <= when["latest"]  # CI band is inside the PI
    shifted = fit.year_reaching(1e9, level=0.9, offset=0.5)  # half an OOM above trend: ~one year earlier
    assert shifted["year"] == pytest.approx(when["year"] - 0.5 / fit.slope, abs=1e-9)
    assert shifted["earliest"] == pytest.approx(when["earliest"] - 0.5 / fit.slope, abs=0.05)
    flat = growth.fit_growth(t, 10 ** (6 + rng.normal(0, 0.05, t.size)) / 10 ** (0.01 * (t - 2016)), n_boot=50)
    assert flat.year_reaching(1e9)["year"] == np.inf


def test_bootstrap_is_reproducible_with_its_seed():
    t, cost = simulate_costs(50, 0.3, seed=4)
    a = growth.fit_growth(t, cost, n_boot=400, seed=7)
    b = growth.fit_growth(t, cost, n_boot=400, seed=7)
    c = growth.fit_growth(t, cost, n_boot=400, seed=8)
    assert a.ci_boot == b.ci_boot and a.ci_boot != c.ci_boot


@pytest.mark.parametrize("bad", [0.0, -5.0, np.nan, np.inf])
def test_refuses_values_a_log_cannot_take(bad):
    t = np.array([2016.0, 2018.0, 2020.0, 2022.0])
    cost = np.array([1e4, 1e5, bad, 1e7])
    with pytest.raises(ValueError, match="position 2"):
        growth.fit_growth(t, cost)


def test_decimal_year_follows_epochs_convention():
    years = growth.decimal_year(pd.to_datetime(["2020-01-01", "2020-03-01", "2023-12-06"]))
    assert years.tolist() == pytest.approx([2020.0, 2020 + 2 / 12, 2023 + 11 / 12 + 5 / 365])


def test_curvature_test_sees_slowing_growth():
    rng = np.random.default_rng(5)
    t = np.linspace(2016, 2024, 60)
    concave = 5 + 0.8 * (t - 2016) - 0.08 * (t - 2016) ** 2 + rng.normal(0, 0.1, t.size)
    assert growth.curvature_test(t, 10**concave)["p_concave"] < 0.01
    straight = 5 + 0.4 * (t - 2016) + rng.normal(0, 0.1, t.size)
    assert growth.curvature_test(t, 10**straight)["p_concave"] > 0.01


# ---------------------------------------------------------------------------------- shared Epoch data
def test_amortized_frontier_fit_lands_inside_cottier_published_ci():
    costs = data.load("ai_training_costs")
    frontier = costs[costs["cost_method"] == "amortized_cottier2024"]
    fit = growth.fit_growth(growth.decimal_year(frontier["publication_date"]), frontier["training_cost_usd"],
                            n_boot=2000, seed=20240718)
    assert fit.n == COTTIER_N
    assert COTTIER_LOW <= fit.factor_per_year <= COTTIER_HIGH
    assert round(fit.factor_per_year, 1) == COTTIER_FACTOR
    # our intervals bracket the published one's endpoints to within 0.25x (theirs: 2.0-3.1)
    blo, bhi = fit.factor_ci(0.95, "bootstrap")
    assert abs(blo - COTTIER_LOW) < 0.25 and abs(bhi - COTTIER_HIGH) < 0.25


def test_frontier_rule_reproduces_epochs_top10_list():
    epoch = json.loads((FIXTURES / "epoch_frontier_systems_top_n.json").read_text(encoding="utf-8"))
    published = {name for rank in range(1, 11) for name in epoch[str(rank)]}
    models = data.load("ai_models")
    ours = ai.frontier_top_n(models[models["notable"]], n=10, start="2015-09-01", end="2023-12-31")
    assert len(published) == 65
    assert len(published & set(ours.index)) >= 64
    assert len(set(ours.index) - published) <= 1
    # every model of Cottier et al.'s costed sample is frontier by the rule
    costs = data.load("ai_training_costs")
    assert costs.loc[costs["cost_method"] == "amortized_cottier2024", "model"].isin(ours.index).all()


def test_frontier_rule_on_a_toy_table():
    toy = pd.DataFrame({"model": list("abcde"),
                        "publication_date": pd.to_datetime(["2016-01-01", "2017-01-01", "2018-01-01",
                                                             "2019-01-01", "2019-01-01"]),
                        "training_compute_flop": [10.0, 5.0, 20.0, 1.0, 15.0]})
    ranks = ai.frontier_top_n(toy, n=2, start=None, end=None)
    assert ranks.to_dict() == {"a": 1, "b": 2, "c": 1, "e": 2}


# ------------------------------------------------------------------------------------ malformed input
def _descriptor_rules_only():
    """The resource's schema without its hash/size, so a fixture is judged on content alone."""
    res = dict(data.resource("ai_training_costs"))
    res.pop("hash", None)
    res.pop("bytes", None)
    return res


def test_valid_excerpt_of_the_cost_file_passes():
    assert data.validate_file(FIXTURES / "valid_training_costs_excerpt.csv", _descriptor_rules_only()) == []


def test_loader_refuses_a_malformed_cost_file():
    problems = data.validate_file(FIXTURES / "malformed_training_costs.csv", _descriptor_rules_only())
    found = {(p.row, p.column, p.rule) for p in problems}
    assert (1, "training_cost_usd", "constraint-error") in found  # negative cost
    assert (2, "training_cost_usd", "constraint-error") in found  # required cost missing
    assert (3, "cost_method", "constraint-error") in found  # unknown method
    assert any(p.row == 4 and p.rule in ("primary-key", "type-error") for p in problems)  # duplicate key / "191,400,000"
    assert all("malformed_training_costs.csv" in p.file for p in problems)


def test_data_load_raises_naming_file_row_and_column(data_copy):
    path = data_copy / "ai_training_costs.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[4, "training_cost_usd"] = "-1"
    frame.to_csv(path, index=False, lineterminator="\n")
    data.rehash(["ai_training_costs"])  # in the private copy: the content rules, not the hash, must catch it
    with pytest.raises(data.DataError, match=r"ai_training_costs\.csv, row 5 \(line 6\), column 'training_cost_usd'"):
        data.load("ai_training_costs")


# ------------------------------------------------------------------------ pinned to statsmodels and scipy.stats
@pytest.mark.parametrize("cov_type", ["HC0", "HC1", "HC2", "HC3"])
def test_ols_hc_equals_statsmodels(cov_type):
    """The written-out OLS with HC covariance gives statsmodels' numbers (coefficients, robust covariance, residual
    variance), on a linear and on a quadratic design."""
    import statsmodels.api as sm

    t, cost = simulate_costs(40, 0.5, seed=3)
    y = np.log10(cost)
    for X in (sm.add_constant(t), sm.add_constant(np.column_stack([t - t.mean(), (t - t.mean()) ** 2]))):
        ref = sm.OLS(y, X).fit(cov_type=cov_type)
        params, cov, resid_var = growth.ols_hc(X, y, cov_type)
        np.testing.assert_allclose(params, ref.params, rtol=1e-10)
        np.testing.assert_allclose(cov, ref.cov_params(), rtol=1e-10)
        assert resid_var == pytest.approx(ref.mse_resid, rel=1e-12)


def test_fit_and_curvature_use_the_t_distribution_as_scipy_stats_does():
    from scipy import stats

    t, cost = simulate_costs(30, 0.4, seed=5)
    fit = growth.fit_growth(t, cost, n_boot=10)
    crit = stats.t.ppf(0.975, fit.n - 2)
    assert fit.ci_robust[0.95] == pytest.approx((fit.slope - crit * fit.se_robust, fit.slope + crit * fit.se_robust),
                                                rel=1e-13)
    curve = growth.curvature_test(t, cost)
    assert curve["p_concave"] == pytest.approx(stats.t.cdf(curve["quadratic"] / curve["se"], curve["n"] - 3),
                                               rel=1e-12)
    with pytest.raises(ValueError, match="cov_type"):
        growth.ols_hc(np.ones((5, 1)), np.arange(5.0), "HC9")
