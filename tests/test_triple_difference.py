"""The GVC triple difference (analysis.estimators.triple_difference) and its simulated DGP (analysis.studies.gvc.simulate).

Recovery is checked against the planted truth of a seeded simulation with tolerances derived from the Monte Carlo
standard error; the exposure builder against a hand computation; the bring-your-own path with a panel drawn with a
*different* planted effect and saved to CSV and Parquet; malformed panels from tests/fixtures/gvc/.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.core import data
from analysis.estimators import triple_difference as td
from analysis.studies import gvc
from analysis.studies.gvc import montecarlo as gvc_mc, simulate as gvc_sim

FIXTURES = Path(__file__).parent / "fixtures" / "gvc"


# ------------------------------------------------------------------------------------------------ exposure
def test_exposure_matches_hand_computation():
    # Firm A: half List-3 product (+25 pp), half untouched (0) -> 12.5. Firm B: 0.2 x 15 + 0.8 x 25 = 23.
    shares = pd.DataFrame({"firm_id": ["A", "A", "B", "B"], "hs6": ["p1", "p3", "p2", "p1"],
                           "share": [0.5, 0.5, 0.2, 0.8]})
    tariffs = pd.DataFrame({"hs6": ["p1", "p2", "p3"], "delta_tariff_pp": [25.0, 15.0, 0.0]})
    got = gvc.firm_exposure(shares, tariffs)
    assert got.to_dict() == pytest.approx({"A": 12.5, "B": 23.0}, abs=1e-12)


def test_exposure_refuses_shares_not_summing_to_one_and_unknown_products():
    tariffs = pd.DataFrame({"hs6": ["p1", "p2"], "delta_tariff_pp": [25.0, 0.0]})
    bad_sum = pd.DataFrame({"firm_id": ["A", "A", "B"], "hs6": ["p1", "p2", "p1"], "share": [0.5, 0.4, 1.0]})
    with pytest.raises(data.DataError) as err:
        gvc.firm_exposure(bad_sum, tariffs)
    p = err.value.problems[0]
    assert (p.rule, p.row, p.column) == ("shares-sum", 1, "share")
    unknown = pd.DataFrame({"firm_id": ["A", "B"], "hs6": ["p1", "p9"], "share": [1.0, 1.0]})
    with pytest.raises(data.DataError) as err:
        gvc.firm_exposure(unknown, tariffs)
    p = err.value.problems[0]
    assert (p.rule, p.row, p.column) == ("unknown-product", 2, "hs6")


def test_exposure_quartiles_of_firms_not_rows():
    panel = pd.DataFrame({"firm_id": np.repeat([1, 2, 3, 4, 5], [1, 1, 1, 1, 50]),
                          "x": np.repeat([0.0, 10.0, 20.0, 30.0, 40.0], [1, 1, 1, 1, 50])})
    q = td.exposure_quartiles(panel, "x")
    assert (q["p25"], q["p75"], q["iqr"]) == (10.0, 30.0, 20.0)


# ---------------------------------------------------------------------------------------------- Monte Carlo
@pytest.fixture(scope="module")
def mc():
    return gvc_mc.monte_carlo(replications=24, n_firms=2_000, seed=11)


def _row(summary, model, group, outcome, year=2019):
    s = summary[(summary["model"] == model) & (summary["group"] == group) & (summary["outcome"] == outcome)
                & (summary["exposure"] == td.EXPOSURE) & (summary["year"] == year)]
    assert len(s) == 1
    return s.iloc[0]


def test_monte_carlo_recovers_planted_2019_effect(mc):
    s = mc.summary()
    planted = math.log(1.2)
    for model, group, truth in (("difference_in_differences", "manufacturing_gvc", planted),
                                ("triple_difference", "gvc_differential",
                                 planted * gvc_sim.GVCParams().gvc_mean_multiplier()),
                                ("triple_difference", "non_gvc", 0.0)):
        r = _row(s, model, group, "ln_exports_us")
        assert r["truth"] == pytest.approx(truth)
        # Unbiased within 5% of the planted effect or 4 Monte Carlo standard errors, whichever is wider.
        assert abs(r["bias"]) < max(0.05 * planted, 4 * r["bias_mcse"]), (model, group, r["bias"])
        # The clustered SE matches the spread of the estimates (ratio within 0.6-1.6 with 24 replications).
        assert 0.6 < r["mean_se"] / r["sd"] < 1.6, (model, group)
        assert r["coverage"] >= 0.8, (model, group, r["coverage"])


def test_placebo_rejects_about_five_percent(mc):
    s = mc.summary()
    placebo = _row(s, "difference_in_differences", "manufacturing_gvc", "placebo")
    # P(Binomial(24, 0.05) >= 5) < 0.01: more rejections means the SEs are too small or the design is biased.
    assert placebo["rejection_rate"] * placebo["replications"] <= 4
    # The planted effect, in contrast, is detected far more often (power is about 0.7 at this small size).
    assert _row(s, "difference_in_differences", "manufacturing_gvc", "ln_exports_us")["rejection_rate"] >= 0.5


def test_pre_period_coefficients_are_zero_on_average(mc):
    s = mc.summary()
    d = mc.draws
    assert set(d["year"]) == {2018, 2019, 2020, 2021}
    pre = gvc_sim.simulate_gvc_panel(n_firms=3_000, seed=5)
    es = td.triple_difference(pre.panel, "ln_exports_us", [td.EXPOSURE])
    t = es.table[es.table["year"].isin([2015, 2016])]
    assert (t["estimate"].abs() < 4 * t["se"]).all()
    assert not s.empty


# -------------------------------------------------------------------------------------- bring your own data
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_byo_panel_with_a_different_planted_effect_is_covered(tmp_path, suffix):
    path_2019 = {2018: 0.10, 2019: 0.35, 2020: 0.30, 2021: 0.25}
    sim = gvc_sim.simulate_gvc_panel(n_firms=6_000, seed=99, effect_path=path_2019, nonmanufacturing_gvc_scale=1.0)
    file = tmp_path / f"someone_elses_panel{suffix}"
    panel = sim.panel.assign(firm_id=lambda p: "F" + p["firm_id"].astype(str))
    panel.to_csv(file, index=False) if suffix == ".csv" else panel.to_parquet(file, index=False)

    loaded = gvc.load_panel(file)
    assert len(loaded) == len(panel)
    exps = [td.EXPOSURE, td.INPUT_EXPOSURE]
    iqr = {e: td.exposure_quartiles(loaded, e)["iqr"] for e in exps}
    mfg = loaded[(loaded["gvc"] == 1) & (loaded["manufacturing"] == 1)]
    did = td.difference_in_differences(mfg, "ln_exports_us", exps, label="manufacturing_gvc", iqr=iqr)
    r = did.effect(2019, exposure=td.EXPOSURE)
    assert r["ci_low"] <= 0.35 <= r["ci_high"], r
    assert r["ci_low"] > math.log(1.2) or r["ci_high"] < 0.35 + 1e-9  # distinguishable from the default plant
    ddd = td.triple_difference(loaded, "ln_exports_us", exps, iqr=iqr)
    g = ddd.effect(2019, group="gvc_differential", exposure=td.EXPOSURE)
    assert g["ci_low"] <= 0.35 <= g["ci_high"], g
    n = ddd.effect(2019, group="non_gvc", exposure=td.EXPOSURE)
    assert n["ci_low"] <= 0.0 <= n["ci_high"], n

    out = gvc.results_json(ddd, did)
    hit = [e for e in out["estimates"] if e["model"] == "difference_in_differences" and e["year"] == 2019
           and e["exposure"] == td.EXPOSURE]
    assert hit and hit[0]["ci95_low"] <= 0.35 <= hit[0]["ci95_high"]


def test_valid_fixture_loads():
    panel = gvc.load_panel(FIXTURES / "valid_panel.csv")
    assert panel.shape == (21, 11)
    assert panel["firm_id"].iloc[0] == "RFC000"


@pytest.mark.parametrize("name, rule, row, column", [
    ("bad_type.csv", "type-error", 9, "ln_exports_us"),
    ("missing_column.csv", "missing-column", None, "gvc"),
    ("gvc_not_constant.csv", "not-firm-constant", 12, "gvc"),
    ("duplicate_firm_year.csv", "duplicate-key", 20, "firm_id"),
    ("out_of_range.csv", "constraint-error", 3, "year"),
    ("out_of_range.csv", "constraint-error", 5, "exposure_us_tariff_pp"),
])
def test_malformed_panel_refused_with_file_row_column(name, rule, row, column):
    with pytest.raises(data.DataError) as err:
        gvc.load_panel(FIXTURES / name)
    problems = err.value.problems
    assert any(p.rule == rule and p.row == row and p.column == column for p in problems), problems
    assert all(p.file.endswith(name) for p in problems)
    assert name in str(err.value)


def test_panel_without_base_year_refused():
    panel = gvc.load_panel(FIXTURES / "valid_panel.csv")
    with pytest.raises(data.DataError, match="base year 2017"):
        gvc.validate_panel(panel[panel["year"] != 2017], "panel.csv")


def test_estimator_needs_base_year_and_columns():
    sim = gvc_sim.simulate_gvc_panel(n_firms=300, seed=3)
    with pytest.raises(ValueError, match="base year"):
        td.triple_difference(sim.panel, base_year=2014)
    with pytest.raises(KeyError, match="lacks column"):
        td.difference_in_differences(sim.panel.drop(columns=["ln_exports_us"]))


@pytest.mark.parametrize("sector_by_year", [False, True])
def test_lean_engine_matches_pyfixest_feols(sector_by_year):
    # Unbalanced (5% missing outcomes) with a singleton firm: coefficients and clustered SEs equal feols's.
    sim = gvc_sim.simulate_gvc_panel(n_firms=1_500, seed=4)
    panel = sim.panel.copy()
    panel.loc[panel.sample(frac=0.05, random_state=1).index, "ln_exports_us"] = np.nan
    panel.loc[(panel["firm_id"] == 0) & (panel["year"] != 2017), "ln_exports_us"] = np.nan
    exps = [td.EXPOSURE, td.INPUT_EXPOSURE]
    for fn in (td.triple_difference, td.difference_in_differences):
        a = fn(panel, "ln_exports_us", exps, sector_by_year=sector_by_year).table
        b = fn(panel, "ln_exports_us", exps, sector_by_year=sector_by_year, engine="lean").table
        assert (a["n_obs"] == b["n_obs"]).all() and (a["n_firms"] == b["n_firms"]).all()
        np.testing.assert_allclose(b["coef"], a["coef"], rtol=1e-7, atol=1e-10)
        np.testing.assert_allclose(b["se"], a["se"], rtol=1e-6, atol=1e-12)
        np.testing.assert_allclose(b["ci_low"], a["ci_low"], rtol=1e-6, atol=1e-10)


# ------------------------------------------------------------------------------- balanced closed form (fast path)
def _balanced_arrays(sim):
    """Outcomes as firms × years and the firm-level columns of a simulated (balanced) panel."""
    p = sim.panel
    firms = p.drop_duplicates("firm_id")
    years = sorted(p["year"].unique())
    y = p["ln_exports_us"].to_numpy().reshape(len(firms), len(years))
    return y, firms, years


@pytest.mark.parametrize("seed,n_firms", [(4, 600), (21, 1_500)])
def test_balanced_fit_matches_pyfixest_feols(seed, n_firms):
    # The closed form the Monte Carlo uses, against feols itself: coefficients, the whole clustered covariance.
    sim = gvc_sim.simulate_gvc_panel(n_firms=n_firms, seed=seed)
    y, firms, years = _balanced_arrays(sim)
    x, xi, g = (firms[c].to_numpy(float) for c in (td.EXPOSURE, td.INPUT_EXPOSURE, "gvc"))
    post = [k for k in years if k != td.BASE_YEAR]
    exps = [td.EXPOSURE, td.INPUT_EXPOSURE]
    unit = {e: 1.0 for e in exps}
    cases = [(td.triple_difference(sim.panel, "ln_exports_us", exps, iqr=unit),
              td.balanced_fit(y, np.column_stack([x, xi, x * g, xi * g]), group=g, base=years.index(td.BASE_YEAR)),
              [("non_gvc", e) for e in exps] + [("gvc_differential", e) for e in exps])]
    mfg = (firms["gvc"] == 1).to_numpy() & (firms["manufacturing"] == 1).to_numpy()
    sub = sim.panel[sim.panel["firm_id"].isin(firms["firm_id"][mfg])]
    cases.append((td.difference_in_differences(sub, "ln_exports_us", exps, label="m", iqr=unit),
                  td.balanced_fit(y[mfg], np.column_stack([x[mfg], xi[mfg]]), base=years.index(td.BASE_YEAR)),
                  [("m", e) for e in exps]))
    for es, fast, regressors in cases:
        fit = es.fits["ln_exports_us"]
        names = [es._names[(grp, e, k)] for grp, e in regressors for k in post]
        pos = [list(fit.coef().index).index(n) for n in names]
        np.testing.assert_allclose(fast.coef[0].ravel(), fit.coef()[names].to_numpy(), rtol=1e-8, atol=0)
        np.testing.assert_allclose(fast.vcov[0], fit._vcov[np.ix_(pos, pos)], rtol=1e-8, atol=1e-16)
        assert (fast.n_obs, fast.n_clusters) == (int(fit._N), int(fit._G[0]))


def test_balanced_fit_refuses_gaps_and_lonely_groups():
    y = np.random.default_rng(0).normal(size=(20, 7))
    z = np.arange(20.0)[:, None]
    with pytest.raises(ValueError, match="finite"):
        td.balanced_fit(np.where(np.eye(20, 7) > 0, np.nan, y), z, base=2)
    with pytest.raises(ValueError, match="two firms"):
        td.balanced_fit(y, z, group=(np.arange(20) == 0).astype(int), base=2)
    with pytest.raises(ValueError, match="z must be"):
        td.balanced_fit(y, z[:5], base=2)


def test_t_inference_is_scipy_stats_t():
    from scipy import stats

    from analysis.estimators import distributions

    rng = np.random.default_rng(3)
    coef, se = rng.normal(0, 2, 500), rng.uniform(0.1, 1, 500)
    dof = rng.integers(1, 2_000_000, 500)
    lo, hi, p = distributions.t_two_sided(coef, se, dof, 1 - 0.95)
    crit = stats.t.ppf(0.975, dof)
    np.testing.assert_allclose(lo, coef - crit * se, rtol=1e-14)
    np.testing.assert_allclose(hi, coef + crit * se, rtol=1e-14)
    np.testing.assert_allclose(p, 2 * stats.t.sf(np.abs(coef / se), dof), rtol=1e-12)


def test_the_other_reference_distributions_are_scipy_stats_bit_for_bit():
    from scipy import stats

    from analysis.estimators import distributions

    q, x = np.array([0.5, 0.9, 0.95, 0.975, 0.995]), np.linspace(-30, 30, 401)
    for df in (1, 3, 12, 250):
        assert np.array_equal(distributions.t_quantile(q, df), stats.t.ppf(q, df))
        assert np.array_equal(distributions.t_cdf(x, df), stats.t.cdf(x, df))
        assert np.array_equal(distributions.chi2_sf(np.abs(x), df), stats.chi2.sf(np.abs(x), df))
    assert np.array_equal(distributions.normal_quantile(q), stats.norm.ppf(q))


def test_simulated_exposures_are_the_exposure_builder_on_the_drawn_bundles():
    # The array draws skip re-validating bundles that are valid by construction; the validated builder agrees.
    design = gvc_sim.simulate_design(2_000, 8)
    for bundles, col in ((design.export_bundles, td.EXPOSURE), (design.input_bundles, td.INPUT_EXPOSURE)):
        built = gvc.firm_exposure(bundles, design.tariffs)
        np.testing.assert_allclose(design.firms[col].to_numpy(), built.reindex(design.firms["firm_id"]).to_numpy(),
                                   rtol=1e-12)


def test_balanced_monte_carlo_equals_frame_by_frame_feols_replications():
    # Same seeds, same draws, same rows in the same order; estimates as feols's to 1e-8.
    fast = gvc_mc.monte_carlo(replications=3, n_firms=800, seed=17)
    ref = gvc_mc.monte_carlo(replications=3, n_firms=800, seed=17, engine="pyfixest")
    assert list(fast.draws.columns) == list(ref.draws.columns) and len(fast.draws) == len(ref.draws) == 3 * 24
    for c in ("replication", "model", "group", "outcome", "exposure", "year", "truth"):
        assert (fast.draws[c].to_numpy() == ref.draws[c].to_numpy()).all(), c
    for c in ("estimate", "se", "ci_low", "ci_high", "pvalue"):
        np.testing.assert_allclose(fast.draws[c], ref.draws[c], rtol=1e-8, atol=1e-14, err_msg=c)
    pd.testing.assert_frame_equal(fast.summary(), ref.summary(), rtol=1e-8)


def test_lean_engine_takes_the_closed_form_on_a_balanced_panel_and_matches_feols(monkeypatch):
    # Rows shuffled, two outcomes: the lean engine finds the panel balanced and never demeans iteratively.
    sim = gvc_sim.simulate_gvc_panel(n_firms=1_200, seed=6)
    panel = sim.panel.sample(frac=1.0, random_state=2)
    exps = [td.EXPOSURE, td.INPUT_EXPOSURE]
    outs = ["ln_exports_us", "asinh_net_exports"]
    ref = [fn(panel, outs, exps).table for fn in (td.triple_difference, td.difference_in_differences)]

    def no_demeaning(*args, **kwargs):
        raise AssertionError("LeanFit.fit called on a balanced panel")

    monkeypatch.setattr(td.LeanFit, "fit", no_demeaning)
    for a, fn in zip(ref, (td.triple_difference, td.difference_in_differences)):
        b = fn(panel, outs, exps, engine="lean").table
        assert (a["n_obs"] == b["n_obs"]).all() and (a["n_firms"] == b["n_firms"]).all()
        for c in ("coef", "se", "ci_low", "ci_high"):
            np.testing.assert_allclose(b[c], a[c], rtol=1e-8, atol=1e-12, err_msg=c)
        np.testing.assert_allclose(b["pvalue"], a["pvalue"], rtol=1e-6, atol=1e-14)
    # a gap sends it back to the demeaning kernel
    gap = panel.copy()
    gap.iloc[0, gap.columns.get_loc("ln_exports_us")] = np.nan
    with pytest.raises(AssertionError, match="LeanFit.fit called"):
        td.triple_difference(gap, outs, exps, engine="lean")
