"""The simulated energy-price panels have the documented design (SIMULATED DATA; analysis.studies.energy.simulate)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.studies.energy import simulate as en
from analysis.studies import energy


@pytest.fixture(scope="module")
def agg():
    return en.aggregate_path()


@pytest.fixture(scope="module")
def households(agg):
    return en.simulate_households(31, n_units=3000, aggregate=agg)


@pytest.fixture(scope="module")
def firms(agg):
    return en.simulate_firms(32, n_units=3000, aggregate=agg)


def test_seeded_and_reproducible(agg):
    a = en.simulate_households(5, n_units=200, aggregate=agg)
    b = en.simulate_households(5, n_units=200, aggregate=agg)
    c = en.simulate_households(6, n_units=200, aggregate=agg)
    pd.testing.assert_frame_equal(a, b)
    assert not a["expected_inflation_pct"].equals(c["expected_inflation_pct"])


def test_aggregate_path_is_german_hicp(agg):
    assert list(agg.index[[0, -1]]) == ["2019-01", "2023-12"] and len(agg) == 60
    assert agg.idxmax() == "2022-10" and agg.max() == pytest.approx(11.6)


def test_household_timing_and_shares(households):
    units = households.groupby("unit_id").first()
    treated = units["treatment_period"] != ""
    assert treated.mean() == pytest.approx(0.5, abs=0.03)
    assert set(units.loc[treated, "treatment_period"]) <= set(en.MONTHS)
    counts = units.loc[treated, "treatment_period"].value_counts()
    assert counts["2022-01"] > 2 * counts.drop("2022-01").mean()  # extra mass in January
    assert households["period"].min() == "2019-01" and households["period"].max() == "2023-12"
    assert households.groupby("unit_id").size().mean() == pytest.approx(60 * 0.85, rel=0.03)  # unbalanced


def test_planted_pooled_effect_is_exact_and_shaped(households):
    fr = energy.estimation_frame(households)
    post = (fr["g"] > 0) & (fr["t"] >= fr["g"])
    p, tau = fr.loc[post, "price_increase_pct"], fr.loc[post, "true_effect_pp"]
    assert 100 * (p * tau).sum() / (p * p).sum() == pytest.approx(1.4, rel=1e-10)
    assert (fr.loc[~post, "true_effect_pp"] == 0).all()
    null = post & (fr["income_group"] == "high") & (fr["inflation_knowledge"] == "informed")
    assert (fr.loc[null, "true_effect_pp"] == 0).all()
    small_late = post & ~fr["large_increase"] & (fr["h"] >= 6)
    large_late = post & fr["large_increase"] & (fr["h"] >= 6)
    per_pct = fr["true_effect_pp"] / fr["price_increase_pct"]
    assert per_pct[small_late].mean() < 0.05 * per_pct[large_late].mean()  # small increases fade


def test_price_increase_distribution(households):
    dose = households.groupby("unit_id")["price_increase_pct"].first().dropna()
    assert dose.mean() == pytest.approx(38.8, rel=0.06)
    assert dose.min() >= 1 and dose.quantile(0.9) > 2 * dose.median()  # right-skewed


def test_firms_quarterly_rising_exposure_and_passthrough(firms):
    units = firms.groupby("unit_id").first()
    treated = units["treatment_period"] != ""
    assert treated.mean() == pytest.approx(0.7, abs=0.03)
    months = units.loc[treated, "treatment_period"].value_counts().sort_index()
    assert months.iloc[-1] > 3 * months.iloc[0]  # exposure rises over the window
    q = pd.PeriodIndex(firms["period"], freq="M").asfreq("Q")
    assert not pd.Series(list(zip(firms["unit_id"], q))).duplicated().any()  # one answer per quarter
    assert (firms["true_effect_pp"] == 0).all()
    fr = energy.estimation_frame(firms)
    post = (fr["g"] > 0) & (fr["t"] >= fr["g"])
    np.testing.assert_allclose(fr.loc[post, "true_passthrough_pp"], 0.7 * fr.loc[post, "price_increase_pct"])


def test_every_parameter_has_an_origin():
    table = en.parameter_table()
    assert set(table["origin"]) <= {"study", "public", "assumption"}
    assert table["note"].str.len().min() > 10


@pytest.mark.parametrize("parameter, claim_id, scale", [
    ("household_effect_bp_per_pct", "NRG-07", 1),   # 1.4 bp per 1%
    ("household_never_share", "NRG-04", 100),       # about half of households not hit
    ("firm_never_share", "NRG-05", 100),            # about 30% of firms not hit
    ("firm_passthrough", "NRG-14", 100),            # about 70% pass-through
    ("firm_effect_bp_per_pct", "NRG-15", 1),        # firms do not extrapolate
])
def test_planted_magnitudes_are_the_registers_stated_values(parameter, claim_id, scale):
    """The simulation plants what the claims state: a parameter of origin 'study' that drifts from data/claims.csv
    would make every replicated_simulated verdict rest on a magnitude the claim does not state."""
    from analysis.core import claims

    reg = claims.register().set_index("claim_id")
    stated = claims.parse_stated(reg.at[claim_id, "stated_value"])
    assert en.PARAMETERS[parameter].origin == "study" and claim_id in en.PARAMETERS[parameter].note
    assert stated.kind == "value" and scale * en.parameter_value(parameter) == pytest.approx(stated.low)


def test_simulated_households_per_wave_are_the_published_panel_size():
    from analysis.core import data

    pub = data.load("energy_wehrhoefer_published").set_index("estimate_name")
    assert en.parameter_value("n_households") == float(pub.at["bop_hh_monthly_respondents_approx", "value"])


@pytest.mark.parametrize("seed, effect_bp", [(1, 1.4), (2, 0.0), (3, -2.0)])
def test_household_grid_is_the_rows_panel_bit_for_bit(agg, seed, effect_bp):
    # the Monte Carlo's grid and the table's rows come from the same draws: same cells, same outcomes, same doses
    rows = en.household_arrays(np.random.default_rng(seed), 300, effect_bp, agg)
    grid = en.household_grid(np.random.default_rng(seed), 300, effect_bp, agg)
    answered = np.zeros((len(agg), 300), bool)
    answered[rows["tix"], rows["uid"]] = True
    assert np.array_equal(grid["answered"], answered)
    assert np.array_equal(grid["y"][rows["tix"], rows["uid"]], rows["y"])  # exact, not approximate
    assert np.array_equal(grid["dose"][rows["uid"]], rows["dose"], equal_nan=True)
    assert np.array_equal(grid["cohort"][rows["uid"]], rows["g"])
    assert np.array_equal(grid["income"][rows["uid"]], rows["income"])
    assert np.array_equal(grid["informed"][rows["uid"]], rows["informed"])
