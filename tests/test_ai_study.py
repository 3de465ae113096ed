"""The AI study's helpers (analysis.studies.ai): model sets, projections, the results file, and the values read
from the public record and the claims register instead of being typed into notebook 05."""

from __future__ import annotations

import json
import math
import string

import numpy as np
import pandas as pd
import pytest

from analysis.core import claims, data
from analysis.estimators import growth
from analysis.studies import ai


def synthetic_set(label: str, ooms_per_year: float, n: int = 40, seed: int = 0) -> ai.ModelSet:
    """DGP: log10 cost = 6 + b (t - 2016) + N(0, 0.3^2), years uniform on 2016-2024; b = `ooms_per_year`."""
    rng = np.random.default_rng(seed)
    t = np.sort(rng.uniform(2016, 2024, n))
    return ai.ModelSet(label, t, 10 ** (6 + ooms_per_year * (t - 2016) + rng.normal(0, 0.3, n)),
                       [f"m{i}" for i in range(n)])


@pytest.fixture(scope="module")
def synthetic():
    sets = {"c_frontier_amortized_cottier": synthetic_set("steady", 0.4, seed=1),
            "d_frontier_compute": synthetic_set("compute", 0.6, seed=2)}
    fits = ai.fit_sets(sets, n_boot=200, seed=3)
    return sets, fits, ai.project(fits, sets, ["c_frontier_amortized_cottier"], 0.9)


# ----------------------------------------------------------------------------------- sets and fits
def test_model_sets_on_the_shared_data():
    costs, models, _ = ai.load_tables()
    cloud = ai.cloud_costs(costs, models)
    frontier = ai.frontier_top_n(models[models["notable"]], n=10, start="2015-09-01", end="2023-12-31")
    sets = ai.model_sets(costs, cloud, models, frontier, end="2023-12-31")
    assert len(sets["a_chart10_cloud"].years) == 10  # the ten models of the AI Index chart
    cottier = sets["c_frontier_amortized_cottier"]
    assert len(cottier.names) == len(ai.by_method(costs, "amortized_cottier2024"))
    assert all(len(s.years) == len(s.values) == len(s.names) > 0 for s in sets.values())
    # every set but the notable one is a subset of the frontier or the AI Index
    assert set(sets["c_frontier_cloud"].names) <= set(sets["b_aiindex_cloud"].names)


def test_cloud_costs_refuses_a_model_missing_from_the_database():
    costs, models, _ = ai.load_tables()
    renamed = models.replace({"model": {"Gemini 1.0 Ultra": "Gemini Ultra 1.0"}})
    with pytest.raises(ValueError, match=r"ai_training_costs.*not in ai_models \['Gemini Ultra'\]"):
        ai.cloud_costs(costs, renamed)


def test_fits_recover_known_rates_and_keep_their_order(synthetic):
    sets, fits, _ = synthetic
    assert list(fits) == list(sets)
    assert fits["c_frontier_amortized_cottier"].slope == pytest.approx(0.4, abs=0.1)
    assert fits["d_frontier_compute"].slope == pytest.approx(0.6, abs=0.1)
    table = ai.fit_table(fits)
    shown = ai.summary_table(table)
    lo, hi = fits["d_frontier_compute"].factor_ci(0.95, "robust")
    assert shown.at["d_frontier_compute", "factor_ci95_hc"] == f"{lo:.2f}–{hi:.2f}"


def test_comparison_table_ends_with_the_published_estimate(synthetic):
    _, fits, _ = synthetic
    rec = data.load("ai_public_record").set_index("fact_id")
    out = ai.comparison_table(ai.fit_table(fits), rec)
    pub = ai.published_estimate(rec)
    assert len(out) == len(fits) + 1
    last = out.iloc[-1]
    assert last["× per year"] == f"{pub['estimate']:.1f}" and last["models"] == pub["n"]
    assert last["95% CI (HC3; published)"] == f"{pub['low']:.1f}–{pub['high']:.1f} (published)"


# ----------------------------------------------------------------------------------- projections
def test_projection_years_agree_with_the_fit(synthetic):
    sets, fits, proj = synthetic
    f = fits["c_frontier_amortized_cottier"]
    assert proj.year("c_frontier_amortized_cottier", "1bn", "trend_year") == pytest.approx(
        f.year_reaching(1e9, 0.9)["year"])
    # the largest-run line passes through the costliest model, so it reaches every target no later than the trend
    for tag in ai.TARGETS:
        assert proj.year("c_frontier_amortized_cottier", tag) <= proj.year("c_frontier_amortized_cottier", tag,
                                                                          "trend_year")
    s = sets["c_frontier_amortized_cottier"]
    top = int(np.argmax(s.values))
    assert proj.offsets["c_frontier_amortized_cottier"] == pytest.approx(f.residual(s.years[top], s.values[top]))
    lo, hi = proj.band("c_frontier_amortized_cottier", "1tn")
    assert lo <= proj.year("c_frontier_amortized_cottier", "1tn") <= hi
    assert len(proj.shown()) == len(ai.TARGETS)


def test_year_range_names_an_end_never_reached():
    assert ai.year_range((2030.04, 2041.26)) == "2030.0–2041.3"
    assert ai.year_range((2030.0, math.inf)) == "2030.0–after 2200"


def test_results_file_is_valid_json_with_years_for_cost_fits_only(synthetic):
    _, fits, proj = synthetic
    out = ai.results(fits, proj, {"estimate": 2.4}, seed=1, n_boot=200, pi_level=0.9)
    text = json.dumps(out, allow_nan=False)  # no NaN or infinity reaches the file
    entry = json.loads(text)["fits"]
    assert "year_1tn_largest_run" in entry["c_frontier_amortized_cottier"]
    assert "year_1tn_largest_run" not in entry["d_frontier_compute"] and entry["d_frontier_compute"]["unit"] == "FLOP"
    assert entry["c_frontier_amortized_cottier"]["factor_per_year"] == round(
        fits["c_frontier_amortized_cottier"].factor_per_year, 4)


# ------------------------------------------------------------------------------------ other tables
def test_access_shares_count_known_access_only():
    toy = pd.DataFrame({"model_accessibility": ["Open source", "Open access (non-commercial)", "API access", None]})
    shares = ai.access_shares(toy)
    assert shares["models"] == 4 and shares["access_known"] == 3
    assert shares["open_source_share"] == pytest.approx(1 / 3)
    assert shares["open_weights_share"] == pytest.approx(2 / 3)


def test_recent_purchase_prices_keep_dated_quotes_of_the_named_chip():
    prices = pd.DataFrame({"hardware_model": ["NVIDIA H100 SXM5", "NVIDIA H100 SXM5", "NVIDIA A100", "NVIDIA H100"],
                           "price_date": pd.to_datetime(["2022-06-01", "2023-06-01", "2023-06-01", "2024-01-01"]),
                           "purchase_price_usd": [30_000.0, 35_000.0, 15_000.0, None]})
    assert ai.recent_purchase_prices(prices, "H100", since="2023-01-01")["purchase_price_usd"].tolist() == [35_000.0]


# ------------------------------------------------------------------ values read, not typed
def test_published_estimate_is_read_from_the_public_record():
    rec = data.load("ai_public_record").set_index("fact_id")
    pub = ai.published_estimate(rec)
    row = rec.loc["cottier2024_cost_growth_factor"]
    assert (pub["estimate"], pub["low"], pub["high"]) == (row["value"], row["low"], row["high"])
    assert pub["low"] < pub["estimate"] < pub["high"]
    assert pub["n"] == rec.at["cottier2024_frontier_models_costed", "value"]
    assert pub["label"].endswith(f"(n={pub['n']})")


def test_stated_number_reads_the_register_and_refuses_a_range():
    register = claims.register().set_index("claim_id")
    assert ai.stated_number("AI-13") == float(register.at["AI-13", "stated_value"])
    with pytest.raises(claims.ClaimError, match="AI-17.*not a number"):
        ai.stated_number("AI-17")  # stated as a range of years


# ------------------------------------------------------------------ the check table (data/ai_claim_checks.csv)
@pytest.fixture(scope="module")
def record_and_checks():
    return data.load("ai_public_record").set_index("fact_id"), ai.claim_checks()


def test_check_table_covers_every_ai_claim_and_names_facts_on_record(record_and_checks):
    rec, checks = record_and_checks
    register = claims.register()
    assert set(checks["claim_id"]) == set(register.loc[register["claim_id"].str.startswith("AI-"), "claim_id"])
    on_record = checks[checks["method"].isin(["fact", "fact_date", "total"])]
    named = {f for facts in on_record["facts"] for f in facts.split(";")}
    assert named <= set(rec.index)
    for _, row in checks.iterrows():  # parts numbered 1..n; texts are format strings that parse
        parts = sorted(checks.loc[checks["claim_id"] == row["claim_id"], "part"])
        assert parts == list(range(1, len(parts) + 1))
        for column in ("reason", "if_differs", "note", "computation", "evidence_scope", "stated"):
            list(string.Formatter().parse(row[column]))


def test_judge_reads_a_fact_and_fills_record_fields(record_and_checks):
    rec, checks = record_and_checks
    ledger = claims.Ledger("test_ai_checks")
    v = ai.judge(ledger, checks, rec, "AI-20")  # a count on record, note filled from another fact
    assert v.computed_value == claims.format_number(rec.at["gptstore_mining_dataset", "value"])
    assert f"{rec.at['openai_gpts_created', 'value']:,.0f} GPTs" in v.reason
    assert "{" not in v.reason and ledger.verdicts["AI-20"] is v


def test_judge_sums_labelled_facts_and_combines_parts(record_and_checks):
    rec, checks = record_and_checks
    ledger = claims.Ledger("test_ai_checks")
    v = ai.judge(ledger, checks, rec, "AI-29")  # five authorities (a total) and a date, combined
    assert v.stated_value == "5; 2024-06"
    assert "(1)" in v.computed_value and "(2)" in v.computed_value
    assert "(France)" in v.computation and "(US)" in v.computation
    v21 = ai.judge(ledger, checks, rec, "AI-21")
    assert v21.reason.startswith("Nvidia designated: no")  # yes_no[] of an indicator fact


def test_judge_needs_the_notebook_values_it_declares(record_and_checks):
    rec, checks = record_and_checks
    ledger = claims.Ledger("test_ai_checks")
    with pytest.raises(claims.ClaimError, match="1 computed part"):
        ai.judge(ledger, checks, rec, "AI-05")  # value not passed
    with pytest.raises(claims.ClaimError, match=r"ai_claim_checks.csv, claim AI-06 part 1, column note.*n_foundation"):
        ai.judge(ledger, checks, rec, "AI-06")  # a text field the notebook must fill
    with pytest.raises(claims.ClaimError, match="no row for claim AI-99"):
        ai.judge(ledger, checks, rec, "AI-99")
    v = ai.judge(ledger, checks, rec, "AI-06", n_foundation=7)
    assert "marks 7 models" in v.reason


def test_judge_record_leaves_computed_claims_to_the_notebook(record_and_checks):
    rec, checks = record_and_checks
    with pytest.raises(claims.ClaimError, match="AI-05"):
        ai.judge_record(claims.Ledger("test_ai_checks"), checks, rec)
    only_record = checks[checks["claim_id"].isin(["AI-09", "AI-17", "AI-24"])]
    ledger = claims.Ledger("test_ai_checks")
    assert ai.judge_record(ledger, only_record, rec) == ["AI-09", "AI-17", "AI-24"]
    assert ledger.verdicts["AI-24"].verdict == "not_checkable"
    assert ledger.verdicts["AI-17"].stated_value == "<2024.54; 2030-2034"


def test_rank_of_counts_larger_values_and_lists_them():
    r = ai.rank_of({"a": 5, "b": 9, "c": 5, "d": 1}, "c", "rank of c")
    assert r == 2 and r.how == "rank of c: a 5, b 9, c 5, d 1"
    assert ai.rank_of({"x": 2.5, "y": 0.5}, "y", "share", "{} {:g}%").how == "share: x 2.5%, y 0.5%"
