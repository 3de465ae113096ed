"""Tests for analysis.studies.tariffs and the trade/tariff/EU-EV data files (notebook 02)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.core import data
from analysis.studies import tariffs

FIXTURES = Path(__file__).parent / "fixtures" / "trade"


# ------------------------------------------------------------------------- average-tariff rebuild by hand
def _toy_actions() -> pd.DataFrame:
    return pd.DataFrame([
        # group A: $20bn at 25% from 2018-07-06
        dict(date_effective="2018-07-06", group_id="A", status="imposed", covered_imports_usd_bn=20.0, rate_pct=25.0),
        # group B: $30bn at 10% from 2018-09-24, raised to 20% on 2019-05-10
        dict(date_effective="2018-09-24", group_id="B", status="imposed", covered_imports_usd_bn=30.0, rate_pct=10.0),
        dict(date_effective="2019-05-10", group_id="B", status="rate_change", covered_imports_usd_bn=30.0, rate_pct=20.0),
        # group C: suspended, never in force
        dict(date_effective="2019-12-15", group_id="C", status="suspended", covered_imports_usd_bn=50.0, rate_pct=15.0),
        # group D: a rate but no covered value -> cannot be weighted, must be reported as excluded
        dict(date_effective="2018-03-23", group_id="D", status="imposed", covered_imports_usd_bn=None, rate_pct=25.0),
    ])


def test_rebuild_matches_hand_computation():
    # M = 100, base 3%:
    #   after A: 3 + 20*25/100 = 8.0, covered 20%
    #   after B: 8 + 30*10/100 = 11.0, covered 50%
    #   B raised: 3 + (20*25 + 30*20)/100 = 14.0, covered 50%
    r = tariffs.rebuild_average_tariff(_toy_actions(), weights_total_usd_bn=100.0, base_rate_pct=3.0)
    path = r.path.set_index("date")
    assert path["average_pct"].tolist() == pytest.approx([3.0, 8.0, 11.0, 14.0])
    assert path["covered_share_pct"].tolist() == pytest.approx([0.0, 20.0, 50.0, 50.0])
    assert r.at("2019-01-01")["average_pct"] == pytest.approx(11.0)
    assert r.at("2024-01-01")["average_pct"] == pytest.approx(14.0)
    assert r.excluded == ["D"]
    assert "C" not in ";".join(path["groups_in_force"])


def test_rebuild_rate_cut_lowers_average():
    acts = _toy_actions().iloc[:3]
    cut = pd.DataFrame([dict(date_effective="2020-02-14", group_id="A", status="rate_change",
                             covered_imports_usd_bn=20.0, rate_pct=7.5)])
    r = tariffs.rebuild_average_tariff(pd.concat([acts, cut]), 100.0, 3.0)
    # 3 + (20*7.5 + 30*20)/100 = 10.5
    assert r.path["average_pct"].iloc[-1] == pytest.approx(10.5)


def test_rebuild_refuses_bad_inputs():
    with pytest.raises(ValueError, match="positive"):
        tariffs.rebuild_average_tariff(_toy_actions(), 0.0, 3.0)
    with pytest.raises(ValueError, match="non-negative"):
        tariffs.rebuild_average_tariff(_toy_actions(), 100.0, -1.0)
    with pytest.raises(ValueError, match="overlap"):
        tariffs.rebuild_average_tariff(_toy_actions(), 40.0, 3.0)
    with pytest.raises(ValueError, match="lacks columns"):
        tariffs.rebuild_average_tariff(_toy_actions().drop(columns="status"), 100.0, 3.0)


def test_rebuild_on_project_data_final_first_term_state():
    """The Phase One state rebuilt from the data equals the formula written out with the table's own numbers."""
    acts = data.load("tariff_actions")
    monthly = data.load("trade_us_imports_monthly")
    china_2017 = monthly[(monthly["series_id"] == "IMPCH") & (monthly["month"].dt.year == 2017)]["imports_usd_mn"].sum() / 1000
    r = tariffs.rebuild_average_tariff(acts, china_2017, 3.0, end="2020-12-31")
    expected = 3.0 + (34 * 25 + 16 * 25 + 200 * 25 + 120 * 7.5) / china_2017
    assert r.at("2020-06-30")["average_pct"] == pytest.approx(expected, rel=1e-12)
    assert r.at("2020-06-30")["covered_usd_bn"] == pytest.approx(370.0)


# ------------------------------------------------------------------------------- scenario calculator
def test_scenario_two_partners_static():
    r = tariffs.scenario({"China": 60, "Rest": 10}, {"China": 100, "Rest": 900})
    # (100*60 + 900*10)/1000 = 15%; revenue 60 + 90 = 150
    assert r.average_tariff_pct == pytest.approx(15.0)
    assert r.revenue_usd_bn == pytest.approx(150.0)
    assert r.imports_usd_bn == pytest.approx(1000.0)


def test_scenario_pe_two_partners_elasticity_one():
    r = tariffs.scenario_pe({"China": 60, "Rest": 10}, {"China": 100, "Rest": 900}, elasticity=1.0)
    china, rest = 100 / 1.6, 900 / 1.1           # M' = M (1 + t)^-1
    revenue = china * 0.6 + rest * 0.1
    assert r.revenue_usd_bn == pytest.approx(revenue)
    assert r.average_tariff_pct == pytest.approx(100 * revenue / (china + rest))
    assert r.average_tariff_pct < 15.0            # demand shifts towards the lower-tariff partner


def test_scenario_pe_zero_elasticity_is_static_and_current_rates_matter():
    args = ({"China": 60, "Rest": 10}, {"China": 100, "Rest": 900})
    assert tariffs.scenario_pe(*args, elasticity=0).revenue_usd_bn == pytest.approx(
        tariffs.scenario(*args).revenue_usd_bn)
    # With a 60% tariff already in force on China, China's imports do not move.
    r = tariffs.scenario_pe(*args, elasticity=2.0, current_rates={"China": 60, "Rest": 0})
    assert r.table.loc["China", "imports_usd_bn"] == pytest.approx(100.0)
    assert r.table.loc["Rest", "imports_usd_bn"] == pytest.approx(900 / 1.1 ** 2)


def test_scenario_refuses_bad_inputs():
    with pytest.raises(ValueError, match="no tariff rate"):
        tariffs.scenario({"China": 60}, {"China": 100, "Rest": 900})
    with pytest.raises(ValueError, match="no import base"):
        tariffs.scenario({"China": 60, "Mars": 5}, {"China": 100})
    with pytest.raises(ValueError, match=">= 0"):
        tariffs.scenario({"China": -5}, {"China": 100})
    with pytest.raises(ValueError, match="elasticity"):
        tariffs.scenario_pe({"China": 60}, {"China": 100}, elasticity=-1)


def test_scenario_range_grid():
    grid = tariffs.scenario_range({"a": {"X": 10}, "b": {"X": 20}}, {"X": 100}, [0, 1, 2])
    assert len(grid) == 6
    assert grid.loc[(grid.reading == "b") & (grid.elasticity == 0), "revenue_usd_bn"].item() == pytest.approx(20)
    assert "revenue_change_usd_bn" not in grid
    with_change = tariffs.scenario_range({"a": {"X": 10}}, {"X": 100}, [0], baseline_revenue_usd_bn=4)
    assert with_change["revenue_change_usd_bn"].item() == pytest.approx(10 - 4)


def test_proposal_readings_replace_or_add():
    r = tariffs.proposal_readings({"China": 60, "Rest of world": 10}, {"China": 19.3, "Rest of world": 3.1})
    assert r == {"60/10 replace current rates": {"China": 60.0, "Rest of world": 10.0},
                 "60/10 on top of current rates": {"China": pytest.approx(79.3), "Rest of world": pytest.approx(13.1)}}
    assert list(tariffs.proposal_readings({"China": 37.5, "Rest of world": 0}, {"China": 0, "Rest of world": 0})) == [
        "37.5/0 replace current rates", "37.5/0 on top of current rates"]
    with pytest.raises(ValueError, match="same partners"):
        tariffs.proposal_readings({"China": 60}, {"China": 19.3, "Rest of world": 3.1})


# ---------------------------------------------------------------------------------- import shares
def test_annual_imports_keeps_bases_apart_and_one_preferred():
    imp = tariffs.annual_imports(data.load("trade_us_imports_monthly"), data.load("trade_us_imports_annual"))
    pref = imp[imp["preferred"]]
    assert not pref.duplicated(["year", "partner", "basis"]).any()
    census = tariffs.preferred_series(imp, "census_goods")
    w2023 = imp[(imp["partner"] == "World") & (imp["year"] == 2023)].set_index("basis")
    # the goods-and-services total is kept under its own basis and never becomes the Census goods total
    assert "bop_goods_and_services" in w2023.index and "census_goods" in w2023.index
    gs = w2023.loc["bop_goods_and_services", "imports_usd_bn"]
    assert float(gs if pd.api.types.is_scalar(gs) else gs.iloc[0]) > 3800
    assert census.loc[2023, "World"] < 3200


def test_fred_world_2017_sum_equals_census_annual_total():
    """IMP0004 (seasonally adjusted) sums to the Census NSA annual total c0015 for 2017 (reference value)."""
    imp = tariffs.annual_imports(data.load("trade_us_imports_monthly"), data.load("trade_us_imports_annual"))
    w = imp[(imp["partner"] == "World") & (imp["year"] == 2017) & (imp["basis"] == "census_goods")]
    fred = w.loc[w["source_key"] == "fred_imp0004_kagan01", "imports_usd_bn"].item()
    census = w.loc[w["source_key"] == "census_c5700_c0015_ouliu", "imports_usd_bn"].item()
    assert fred == pytest.approx(census, abs=0.001)


def test_import_shares_and_crossover():
    wide = pd.DataFrame({"China": [10.0, 30.0], "Mexico": [20.0, 25.0], "World": [100.0, 100.0]}, index=[2001, 2002])
    s = tariffs.import_shares(wide, partners=("China", "Mexico"))
    assert s.loc[2002, "China"] == pytest.approx(30.0)
    assert s["top_source"].tolist() == ["Mexico", "China"]
    assert tariffs.first_year_above(wide, "China", "Mexico") == 2002
    assert tariffs.first_year_above(wide, "Mexico", "China", start=2002) is None


def test_annual_imports_refuses_unknown_basis():
    bad = data.load("trade_us_imports_annual").assign(basis="census")
    with pytest.raises(ValueError, match="unknown basis"):
        tariffs.annual_imports(data.load("trade_us_imports_monthly"), bad)


# ------------------------------------------------------------------------------------ data validation
NEW_RESOURCES = ["trade_us_imports_monthly", "trade_us_imports_annual", "tariff_actions", "tariff_bown_us_china",
                 "tariff_us_average_history", "eu_ev_cvd_rates", "eu_ev_trade", "tariff_context_us_unrate_monthly",
                 "trade_us_chip_imports", "tariff_policy_dates", "tariff_context_us_unemployment_hsus_annual",
                 "tariff_campaign_statements", "tariff_history_events", "eu_ev_context", "eu_ev_price_comparison"]


@pytest.mark.parametrize("name", NEW_RESOURCES)
def test_new_resources_load_and_cite_sources(name):
    frame = data.load(name)
    res = data.resource(name)
    assert len(frame) > 0
    assert res.get("sources") and all(s.get("title") for s in res["sources"])
    assert res.get("licenses")


def _schema_only(name: str) -> dict:
    """The resource descriptor without hash/bytes, so a fixture is judged on its content only."""
    return {k: v for k, v in data.resource(name).items() if k not in ("hash", "bytes")}


MALFORMED = [
    ("annual_bad_basis.csv", "trade_us_imports_annual", "basis", "constraint-error"),
    ("monthly_negative.csv", "trade_us_imports_monthly", "imports_usd_mn", "constraint-error"),
    ("monthly_duplicate_month.csv", "trade_us_imports_monthly", "series_id,month", "primary-key"),
    ("actions_rate_text.csv", "tariff_actions", "rate_pct", "type-error"),
    ("actions_bad_date.csv", "tariff_actions", "date_effective", "type-error"),
    ("cvd_duplicate_key.csv", "eu_ev_cvd_rates", "company,stage", "primary-key"),
    ("cvd_rate_over_100.csv", "eu_ev_cvd_rates", "rate_pct", "constraint-error"),
    ("bown_missing_value.csv", "tariff_bown_us_china", "us_tariff_on_china_pct", "constraint-error"),
    ("evtrade_nan.csv", "eu_ev_trade", "value_eur_bn", "constraint-error"),
    ("chips_bad_period.csv", "trade_us_chip_imports", "period", "constraint-error"),
]


@pytest.mark.parametrize("fixture,name,column,rule", MALFORMED)
def test_malformed_fixture_refused_with_file_row_column(fixture, name, column, rule):
    problems = data.validate_file(FIXTURES / fixture, _schema_only(name))
    assert problems, f"{fixture} should be refused"
    hits = [p for p in problems if p.column == column and p.rule == rule]
    assert hits, f"expected {rule} in {column}; got {[str(p) for p in problems]}"
    assert hits[0].row is not None and fixture in hits[0].file


@pytest.mark.parametrize("name", NEW_RESOURCES)
def test_valid_head_of_each_resource_passes(name, tmp_path):
    """The same check passes on a well-formed file: the fixtures fail for their defect, not for being fixtures."""
    res = _schema_only(name)
    src = data.paths.DATA / res["path"]
    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
    frame = pd.read_csv(src, dtype=str, keep_default_na=False).head(3)
    target = tmp_path / src.name
    frame.to_csv(target, index=False, lineterminator="\n")
    assert lines[0].strip() == target.read_text(encoding="utf-8").splitlines()[0].strip()
    assert data.validate_file(target, res) == []


# ------------------------------------------------------------- helpers for the EU EV and tariff-history claims
def test_rating_scales_map_moodys_onto_sp():
    assert tariffs.rating_rank("Baa3") == tariffs.rating_rank("BBB-")
    assert tariffs.notches_above("BBB-") == 5          # BBB-, BB+, BB, BB-, B+ above B
    assert tariffs.notches_above("B") == 0 and tariffs.notches_above("B2") == 0
    assert tariffs.notches_above("CCC") < 0
    with pytest.raises(ValueError, match="unknown rating"):
        tariffs.rating_rank("B++")


def test_price_premium_by_hand_and_refuses_zero_price():
    toy = pd.DataFrame({"model": ["a", "b"], "price_eu": [150.0, 200.0], "price_china": [100.0, 100.0],
                        "currency": ["EUR", "EUR"]})
    out = tariffs.price_premium(toy)
    assert out["premium_pct"].tolist() == pytest.approx([50.0, 100.0])
    with pytest.raises(ValueError, match="non-positive"):
        tariffs.price_premium(toy.assign(price_china=[0.0, 100.0]))


def test_retaliations_window_keeps_first_measure_per_economy():
    ev = pd.DataFrame({"economy": ["A", "A", "B", "C", "D"],
                       "date": pd.to_datetime(["2018-06-05", "2018-06-20", "2018-07-01", "2018-09-01", "2018-05-01"]),
                       "rate_role": ["retaliatory", "retaliatory", "retaliatory", "retaliatory", "retaliatory"]})
    r = tariffs.retaliations(ev, "2018-06-01", days=31)
    assert r["economy"].tolist() == ["A", "B"] and r["lag_days"].tolist() == [4, 30]


def test_project_data_2018_retaliation_and_1931_ceiling():
    events = data.load("tariff_history_events")
    quick = tariffs.retaliations(events, "2018-06-01", days=31)
    assert set(quick["economy"]) == {"European Union", "Mexico", "Canada"}
    uk = events.set_index("event_id")
    assert uk.at["uk_aia_1931_ceiling", "rate_pct"] == 100 and uk.at["uk_aia_1931_order1", "rate_pct"] == 50


def test_no_tariff_or_ev_row_cites_the_documents():
    from analysis.core import claims
    for name in NEW_RESOURCES:
        assert claims.self_citations(name) == [], name
