"""The BJS imputation helpers pinned to public reference outputs, plus recovery checks on simulated panels.

References (data/did_reference/, described in data/datapackage.json):
* R didimputation README on df_het (31,000 rows): static 2.262952 (0.03139684), event study -5..20;
* did2s vignette cache on df_het (46,500 rows): BJS rows (didimputation) for every post-treatment horizon;
* R did 2.5.0 (analytical SEs) on mpdta: Callaway-Sant'Anna simple ATT.
Tolerances: estimates 1e-6 absolute, SEs 1e-4 relative (the README prints 7-8 significant digits).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.core import data
from analysis.estimators import did_imputation as di
from analysis.studies import energy
from analysis.studies.energy import montecarlo as en_mc
from analysis.studies.energy import simulate as en

EST_ATOL = 1e-6
SE_RTOL = 1e-4


@pytest.fixture(scope="module")
def df_het_31000():
    return data.load("did_reference_df_het_31000")


@pytest.fixture(scope="module")
def readme():
    return data.load("did_reference_didimputation_readme")


@pytest.fixture(scope="module")
def result_31000(df_het_31000):
    return di.imputation_did(df_het_31000, "dep_var", "unit", "year", "g", event_study=True, pretrends=5,
                             pretrend_vcov="iid")


# ------------------------------------------------------------------------------------- reference pins
def test_static_att_equals_r_didimputation(result_31000, readme):
    ref = readme.set_index("term").loc["overall"]
    assert result_31000.overall.estimate == pytest.approx(2.262952, abs=EST_ATOL)
    assert result_31000.overall.estimate == pytest.approx(ref["estimate"], abs=EST_ATOL)
    assert result_31000.overall.se == pytest.approx(0.03139684, rel=SE_RTOL)
    assert result_31000.overall.se == pytest.approx(ref["std_error"], rel=SE_RTOL)
    assert result_31000.n_obs == 31_000


def test_event_study_horizons_0_to_20_equal_readme(result_31000, readme):
    ref = readme.loc[readme["kind"] == "horizon"].assign(horizon=lambda d: d["term"].astype(int))
    got = result_31000.event_study.merge(ref, on="horizon", how="right", suffixes=("", "_ref"))
    assert len(ref) == 21 and got["estimate"].notna().all(), "a README horizon is missing from the event study"
    np.testing.assert_allclose(got["estimate"], got["estimate_ref"], atol=EST_ATOL, rtol=0)
    np.testing.assert_allclose(got["se"], got["std_error"], rtol=SE_RTOL)


def test_pretrends_minus5_to_minus1_equal_readme(result_31000, readme):
    # R didimputation's pre-trend rows came from fixest's default (iid) SEs, hence pretrend_vcov="iid" here.
    ref = readme.loc[readme["kind"] == "pretrend"].assign(horizon=lambda d: d["term"].astype(int))
    got = result_31000.pretrends.merge(ref, on="horizon", suffixes=("", "_ref"))
    assert sorted(got["horizon"]) == [-5, -4, -3, -2, -1]
    np.testing.assert_allclose(got["estimate"], got["estimate_ref"], atol=EST_ATOL, rtol=0)
    np.testing.assert_allclose(got["se"], got["std_error"], rtol=SE_RTOL)


def test_46500_post_period_equals_bjs_rows_of_did2s_vignette():
    panel = data.load("did_reference_df_het_46500")
    vig = data.load("did_reference_did2s_vignette")
    bjs = vig.loc[vig["estimator"].str.startswith("Borusyak") & (vig["term"] >= 0)]
    res = di.imputation_did(panel, "dep_var", "unit", "year", "g", event_study=True)
    got = bjs.assign(horizon=bjs["term"].astype(int)).merge(res.event_study, on="horizon", how="left")
    assert len(bjs) == 21 and got["estimate_y"].notna().all()
    np.testing.assert_allclose(got["estimate_y"], got["estimate_x"], atol=EST_ATOL, rtol=0)
    np.testing.assert_allclose(got["se"], got["std_error"], rtol=SE_RTOL)
    assert got.loc[got["horizon"] == 0, "estimate_y"].item() == pytest.approx(1.373078, abs=1e-6)


def test_callaway_santanna_on_mpdta_equals_r_did():
    mp = data.load("did_reference_mpdta")
    ref = data.load("did_reference_r_did_aggte")
    row = ref.loc[(ref["scenario"] == "mpdta_nev_dr") & (ref["type"] == "simple")].iloc[0]
    cs = di.callaway_santanna(mp, "lemp", "countyreal", "year", "first.treat")["simple"]
    assert cs.estimate == pytest.approx(row["overall_att"], abs=1e-8)
    assert cs.se == pytest.approx(row["overall_se"], rel=1e-4)


def test_naive_twfe_is_biased_where_bjs_is_not(df_het_31000, result_31000):
    truth = (df_het_31000["te"] + df_het_31000["te_dynamic"])[df_het_31000["treat"].astype(bool)].mean()
    static, _ = di.twfe(df_het_31000, "dep_var", "unit", "year", "g")
    assert truth == pytest.approx(2.2384912, abs=1e-6)
    assert abs(result_31000.overall.estimate - truth) < 2 * result_31000.overall.se
    assert abs(static.estimate - truth) > 5 * static.se  # heterogeneous staggered effects bias TWFE


# ------------------------------------------------------------------------ our continuous-intensity code
def test_intensity_one_reduces_to_binary_bjs(df_het_31000, result_31000):
    d = df_het_31000.assign(one=1.0)
    fit = di.imputation_fit(d, "dep_var", "unit", "year", "g", intensity="one")
    slope = fit.slope()
    assert slope.estimate == pytest.approx(result_31000.overall.estimate, abs=1e-9)
    assert slope.se == pytest.approx(result_31000.overall.se, rel=1e-9)
    by_h = fit.by_horizon("slope").merge(result_31000.event_study, on="horizon")
    assert len(by_h) >= 21
    np.testing.assert_allclose(by_h["estimate_x"], by_h["estimate_y"], atol=1e-9)
    np.testing.assert_allclose(by_h["se_x"], by_h["se_y"], rtol=1e-8)


def test_planted_dose_effect_is_added_exactly(df_het_31000):
    rng = np.random.default_rng(7)
    d = df_het_31000.copy()
    dose_unit = pd.Series(rng.uniform(5, 80, d["unit"].nunique()), index=np.sort(d["unit"].unique()))
    d["dose"] = d["unit"].map(dose_unit).astype(float)
    treated = d["treat"].astype(bool).to_numpy()
    base = di.imputation_fit(d, "dep_var", "unit", "year", "g", intensity="dose").slope().estimate
    d["y_plus"] = d["dep_var"] + np.where(treated, 0.03 * d["dose"], 0.0)
    plus = di.imputation_fit(d, "y_plus", "unit", "year", "g", intensity="dose").slope().estimate
    assert plus - base == pytest.approx(0.03, abs=1e-10)


def test_bad_input_is_refused(df_het_31000):
    d = df_het_31000.copy()
    d.loc[d.index[3], "g"] = 1990.0  # unit 1's cohort now varies
    with pytest.raises(ValueError, match="varies within unit"):
        di.imputation_fit(d, "dep_var", "unit", "year", "g")
    with pytest.raises(ValueError, match="more than one row"):
        di.imputation_fit(pd.concat([df_het_31000.head(5), df_het_31000.head(1)]), "dep_var", "unit", "year", "g")


# ------------------------------------------------------------------- fast paths (Monte Carlo) = reference path
def _grid(frame, outcome, unit, time, cohort):
    """A balanced long panel as a periods × units grid (test helper, independent of the study code)."""
    units, u = np.unique(frame[unit].to_numpy(), return_inverse=True)
    periods, t = np.unique(frame[time].to_numpy(), return_inverse=True)
    y = np.zeros((len(periods), len(units)))
    y[t, u] = frame[outcome].to_numpy(float)
    observed = np.zeros(y.shape, bool)
    observed[t, u] = True
    g = np.zeros(len(units))
    g[u] = frame[cohort].to_numpy(float)
    first = np.where(g > 0, np.searchsorted(periods, g), len(periods))
    return y, observed, first, u


def test_grid_slope_with_dose_one_equals_diff_diff_binary(df_het_31000, result_31000):
    # the grid path with dose 1 and cohort x horizon cells is the binary BJS estimator (pinned to R above)
    y, observed, first, _ = _grid(df_het_31000, "dep_var", "unit", "year", "g")
    est = di.slope_on_grid(y, observed, first, np.ones(y.shape[1]), unit_cells=[first])
    assert est.estimate == pytest.approx(result_31000.overall.estimate, rel=1e-10)
    assert est.se == pytest.approx(result_31000.overall.se, rel=1e-10)
    assert est.n_obs == result_31000.overall.n_obs


@pytest.mark.parametrize("seed, effect_bp", [(11, 1.4), (12, 0.0), (13, 3.0)])
def test_grid_path_equals_the_checked_frame_fit(seed, effect_bp):
    a = en.household_arrays(np.random.default_rng(seed), 600, effect_bp, en.aggregate_path())
    panel = en_mc.GridPanel(en.household_grid(np.random.default_rng(seed), 600, effect_bp, en.aggregate_path()))
    frame = en.household_frame(a)
    ref = di.imputation_fit(frame, "y", "unit", "t", "g", intensity="dose", aux_by=en_mc.MC_AUX_BY).slope()
    grid = panel.slope_bp()
    assert grid.estimate == pytest.approx(100 * ref.estimate, rel=1e-9, abs=1e-12)
    assert grid.se == pytest.approx(100 * ref.se, rel=1e-9)
    assert (grid.n_obs, grid.n_units) == (ref.n_obs, ref.n_units)
    assert panel.naive_before_after() == pytest.approx(energy.naive_before_after(frame, "y", "dose"), rel=1e-12)


def test_naive_before_after_equals_group_means():
    fr = energy.estimation_frame(en.simulate_households(5, n_units=400))
    tr = fr.loc[fr["g"] > 0]
    m = tr.assign(post=tr["t"] >= tr["g"]).groupby(["unit", "post"])["expected_inflation_pct"].mean().unstack().dropna()
    p = tr.groupby("unit")["price_increase_pct"].first().reindex(m.index).to_numpy(float)
    d = (m[True] - m[False]).to_numpy()
    assert energy.naive_before_after(fr) == pytest.approx(float(p @ d / (p @ p)), rel=1e-12)


def test_monte_carlo_equals_the_frame_path_replication_by_replication():
    mc = en_mc.monte_carlo(3, seed=77, n_units=500)
    seeds = np.random.SeedSequence(77).spawn(3)
    agg = en.aggregate_path()
    for r in range(3):
        s1, s2 = seeds[r].generate_state(2)
        fr = en.household_frame(en.household_arrays(np.random.default_rng(int(s1)), 500, 1.4, agg))
        pl = en.household_frame(en.household_arrays(np.random.default_rng(int(s2)), 500, 0.0, agg))
        est, pe = (di.imputation_fit(f, "y", "unit", "t", "g", intensity="dose", aux_by=en_mc.MC_AUX_BY)
                   .slope().scaled(100) for f in (fr, pl))
        row = mc.iloc[r]
        assert row["estimate_bp"] == pytest.approx(est.estimate, rel=1e-9)
        assert row["se_bp"] == pytest.approx(est.se, rel=1e-9)
        assert row["placebo_bp"] == pytest.approx(pe.estimate, rel=1e-9, abs=1e-12)
        assert row["placebo_se_bp"] == pytest.approx(pe.se, rel=1e-9)
        assert row["naive_bp"] == pytest.approx(100 * energy.naive_before_after(fr, "y", "dose"), rel=1e-12)


@pytest.mark.filterwarnings("ignore:.*singleton")
@pytest.mark.parametrize("vcov", ["iid", {"CRV1": "unit"}, {"CRV1": "state"}])
def test_fe_ols_equals_pyfixest_feols(df_het_31000, vcov):
    import pyfixest as pf

    d = df_het_31000.assign(unit=df_het_31000["unit"].astype("int64"), year=df_het_31000["year"].astype("int64"),
                            state=df_het_31000["state"].astype("int64"))
    d["x2"] = np.random.default_rng(3).normal(size=len(d))
    d = d.sample(4000, random_state=2)  # unbalanced, with singletons to drop
    d["d"] = ((d["g"] > 0) & (d["year"] >= d["g"])).astype(float)
    m = pf.feols("dep_var ~ d + x2 | unit + year", data=d, vcov=vcov)
    cluster = None if vcov == "iid" else d[vcov["CRV1"]].to_numpy()
    beta, V = di.fe_ols(d["dep_var"].to_numpy(), d[["d", "x2"]].to_numpy(), d["unit"].to_numpy(),
                        d["year"].to_numpy(), cluster=cluster)
    np.testing.assert_allclose(beta, m.coef().to_numpy(), rtol=1e-8)
    # pyfixest demeans iteratively (tolerance 1e-8 on unbalanced panels); ours is an exact solve
    np.testing.assert_allclose(np.sqrt(np.diag(V)), m.se().to_numpy(), rtol=1e-7)


def test_fe_ols_refuses_a_regressor_the_fixed_effects_absorb(df_het_31000):
    d = df_het_31000
    X = np.column_stack([np.random.default_rng(1).normal(size=len(d)), np.zeros(len(d))])  # a lead never observed
    with pytest.raises(ValueError, match="collinear"):
        di.fe_ols(d["dep_var"].to_numpy(float), X, d["unit"].to_numpy(), d["year"].to_numpy())


def test_pretrend_test_and_twfe_equal_pyfixest_on_an_energy_panel():
    import pyfixest as pf

    from analysis.estimators import pyfixest_compat as compat

    fr = energy.estimation_frame(en.simulate_households(21, n_units=800, effect_bp=0.0))
    pre, wald = di.pretrend_test(fr, "expected_inflation_pct", "unit", "t", "g", leads=6, reference=-4,
                                 intensity="price_increase_pct")
    d0 = fr.loc[~((fr["g"] > 0) & (fr["t"] >= fr["g"]))].copy()
    rel = np.where(d0["g"] > 0, d0["t"] - d0["g"], np.nan)
    names = [f"lead{k}" for k in range(6, 0, -1)]  # leads -6 ... -1
    for k, name in zip(range(6, 0, -1), names):
        d0[name] = np.where(rel == -k, d0["price_increase_pct"], 0.0)
    m = pf.feols(f"expected_inflation_pct ~ {' + '.join(names)} | unit + t", data=d0, vcov={"CRV1": "unit"})
    b, V = m.coef()[names].to_numpy(), np.asarray(compat.vcov(m))
    C = np.eye(6)
    C[:, names.index("lead4")] -= 1.0  # relative to lead -4
    np.testing.assert_allclose(pre["estimate"], C @ b, rtol=1e-8, atol=1e-12)
    np.testing.assert_allclose(pre["se"], np.sqrt(np.diag(C @ V @ C.T)), rtol=1e-7, atol=1e-12)
    assert wald["statistic"] == pytest.approx(float(b @ np.linalg.solve(V, b)), rel=1e-7)

    static, es = di.twfe(fr, "expected_inflation_pct", "unit", "t", "g", event_window=(-3, 3))
    fr["D"] = ((fr["g"] > 0) & (fr["t"] >= fr["g"])).astype(float)
    m2 = pf.feols("expected_inflation_pct ~ D | unit + t", data=fr, vcov={"CRV1": "unit"})
    assert static.estimate == pytest.approx(m2.coef()["D"], rel=1e-8)
    assert static.se == pytest.approx(m2.se()["D"], rel=1e-7)
    rel_all = np.where(fr["g"] > 0, np.clip(fr["t"] - fr["g"], -3, 3), -1)
    for h in (-3, -2, 0, 1, 2, 3):
        fr[f"ev{h + 3}"] = (rel_all == h).astype(float)
    m3 = pf.feols("expected_inflation_pct ~ ev0 + ev1 + ev3 + ev4 + ev5 + ev6 | unit + t", data=fr,
                  vcov={"CRV1": "unit"})
    np.testing.assert_allclose(es["estimate"], m3.coef().to_numpy(), rtol=1e-8)
    np.testing.assert_allclose(es["se"], m3.se().to_numpy(), rtol=1e-7)


# -------------------------------------------------------------------------------- simulated design
def test_fast_monte_carlo_recovers_planted_effect():
    mc = en_mc.monte_carlo(24, seed=2024, n_units=1000)
    s = en_mc.summarise_monte_carlo(mc)
    assert abs(s["bias_pct_of_effect"]) < 5
    assert s["coverage_95"] >= 0.8  # 24 replications: the 0.93-0.97 band is checked in the notebook (>= 200)
    assert 0.7 < s["mean_se_bp"] / s["sd_estimate_bp"] < 1.5
    assert s["placebo_rejection_5pct"] <= 0.2
    assert abs(s["placebo_mean_bp"]) < 0.05
    assert s["naive_mean_bp"] > 3 * s["planted_bp"]  # the before/after comparison absorbs aggregate inflation


def test_placebo_panel_shows_no_effect_and_no_pretrend():
    fr = energy.estimation_frame(en.simulate_households(99, n_units=1500, effect_bp=0.0))
    res = di.intensity_did(fr, "expected_inflation_pct", "unit", "t", "g", "price_increase_pct",
                           pretrends=6, pretrend_reference=-4)
    est = res.overall.scaled(100)
    assert est.covers(0.0)
    assert res.wald["p_value"] > 0.01
    assert res.pretrends.set_index("horizon").loc[-4, "estimate"] == 0.0


def test_byo_panel_with_other_planted_effect_is_covered(tmp_path):
    planted = 3.0
    panel = en.simulate_households(4242, n_units=1200, effect_bp=planted)
    path = tmp_path / "my_panel.csv"
    panel[en.SCHEMA_COLUMNS].to_csv(path, index=False)
    frame = energy.estimation_frame(energy.read_energy_panel(path))
    est = di.imputation_fit(frame, "expected_inflation_pct", "unit", "t", "g",
                            intensity="price_increase_pct").slope().scaled(100)
    assert est.covers(planted), est
    assert not est.covers(1.4)


@pytest.mark.parametrize("fixture, row, column", [
    ("malformed_panel_types.csv", 10, "expected_inflation_pct"),
    ("malformed_panel_rules.csv", 5, "period"),
    ("malformed_panel_rules.csv", 27, "price_increase_pct"),
])
def test_malformed_byo_panel_is_refused_with_file_row_column(fixture, row, column):
    path = data.paths.ROOT / "tests" / "fixtures" / "energy" / fixture
    with pytest.raises(data.DataError) as err:
        energy.read_energy_panel(path)
    hits = [p for p in err.value.problems if p.row == row and p.column == column]
    assert hits, str(err.value)
    assert fixture in hits[0].file
