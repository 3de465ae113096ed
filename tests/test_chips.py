"""Notebook 07's tables and helpers: coverage of the claims, shares that add up, conversions that reproduce,
verdict logic, and malformed tables refused with file, row and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis.studies import chips
from analysis.core import claims, data

FIXTURES = Path(__file__).parent / "fixtures" / "chips"
RESOURCES = ["chips_value_chain_shares", "chips_dram_revenue", "chips_market_values", "chips_korea_japan_trade",
             "chips_chips_act", "chips_exchange_rates", "chips_policy_counts", "exp_policy_events",
             "exp_china_sme_imports", "exp_entity_list_prc", "exp_bis_penalties", "exp_bis_resources",
             "chips_claim_checks", "chips_dated_events"]


@pytest.fixture(scope="module")
def checks():
    return data.load("chips_claim_checks")


@pytest.fixture(scope="module")
def ours():
    reg = claims.register()
    return reg[reg["claim_id"].str.match(r"^(CHIP|EXP|ICT)-")]


# ------------------------------------------------------------------------------------------------ the tables
@pytest.mark.parametrize("name", RESOURCES)
def test_table_loads_and_cites_its_sources(name):
    frame = data.load(name)
    assert not frame.empty
    res = data.resource(name)
    assert res["sources"] and res["licenses"] and res["schema"]["primaryKey"]
    url = frame["source_url"].dropna()
    assert url.str.match(r"https?://").all()


def test_check_table_covers_every_chip_exp_ict_claim_once(checks, ours):
    assert sorted(checks["claim_id"]) == sorted(ours["claim_id"])
    assert not checks["claim_id"].duplicated().any()


def test_each_method_has_what_it_needs(checks):
    described = {r["name"] for r in data.descriptor()["resources"]}
    for row in checks.itertuples():
        if row.method == "compare":
            assert pd.notna(row.public_value), row.claim_id
        elif row.method == "compare_range":
            assert pd.notna(row.public_low) and pd.notna(row.public_high), row.claim_id
        elif row.method == "not_checkable":
            assert isinstance(row.not_checkable_reason, str) and len(row.not_checkable_reason) > 40, row.claim_id
        else:  # table / internal: computed in the notebook from named resources
            names = str(row.data_resource).split(";")
            assert pd.notna(row.data_resource) and set(names) <= described, row.claim_id
        if row.found_by == "none":
            assert row.method == "not_checkable", f"{row.claim_id}: a verdict needs a source"


# -------------------------------------------------------------------------------- shares and totals add up
def test_ic_insights_regional_shares_sum_to_100_within_rounding():
    s = data.load("chips_value_chain_shares")
    for year in (2020, 2021):
        ic = s[(s["measure"] == "sales_by_company_hq") & (s["year"] == year) & (s["publisher"] == "IC Insights")]
        assert len(ic) == 6
        # six shares each rounded to a whole percent: the sum is within 6 x 0.5 of 100
        assert abs(float(claims.total(ic.set_index("region")["share_pct"].to_dict())) - 100) <= 3


def test_below_10nm_capacity_shares_sum_to_100():
    s = data.load("chips_value_chain_shares")
    cap = s[(s["measure"] == "wafer_capacity_by_location") & (s["scope"] == "below 10nm") & (s["scenario"] == "actual")]
    for year, group in cap.groupby("year"):
        assert group["share_pct"].sum() == pytest.approx(100, abs=0.5), year


def test_dram_revenues_and_shares_are_consistent():
    d = data.load("chips_dram_revenue")
    for quarter, g in d.groupby("quarter"):
        parts, total = g[g["company"] != "Total"], g[g["company"] == "Total"].iloc[0]
        assert parts["dram_revenue_usd_million"].sum() == pytest.approx(total["dram_revenue_usd_million"], rel=0.01)
        assert parts["market_share_pct"].sum() == pytest.approx(100, abs=0.5)
        share = 100 * parts["dram_revenue_usd_million"] / total["dram_revenue_usd_million"]
        assert (share - parts["market_share_pct"]).abs().max() < 0.2, quarter


def test_korea_jan_sep_2022_shares_match_values():
    t = data.load("chips_korea_japan_trade")
    k = t[(t["period"] == "2022-01..2022-09") & (t["product"] == "semiconductors")]
    v = k[k["measure"] == "value"].set_index("partner")["value"]
    p = k[k["measure"] == "share_of_reporter_exports"].set_index("partner")["value"]
    for partner in ("China", "Hong Kong", "United States", "Japan"):
        assert float(claims.share(v[partner], v["World"])) == pytest.approx(p[partner], abs=0.1), partner


def test_chips_act_named_blocks_fit_inside_the_total():
    a = data.load("chips_chips_act").set_index("item")
    named = a.at["manufacturing_incentives", "value_low"] + a.at["research_and_development", "value_low"]
    assert named < a.at["chips_act_total_appropriation", "value_low"]
    assert (a["value_low"] <= a["value_high"]).all()


# ------------------------------------------------------------------------------------ conversions reproduce
def test_conversions_at_fed_rates_reproduce():
    fx = data.load("chips_exchange_rates").set_index(["year", "period", "currency"])["units_per_usd"]
    # Micron's JPY 500bn at the 2023 average: 500 / 140.5001 = 3.5587 (hand calculation)
    assert float(claims.convert(500, 1 / fx[(2023, "annual_average", "JPY")], "JPY bn", "USD bn")) == pytest.approx(
        3.5587, abs=1e-4)
    # The document's RMB 5bn = US$732m implies 6.83 yuan per dollar, the Fed's September 2009 rate within 0.1%
    implied = float(claims.ratio(5, 0.732))
    assert implied == pytest.approx(fx[(2009, "2009-09_monthly_average", "CNY")], rel=1e-3)
    # SCMP's RMB 1.95bn = US$282.1m lies between the 2022 and 2023 average rates
    scmp = 1.95 / 0.2821
    assert fx[(2022, "annual_average", "CNY")] < scmp < fx[(2023, "annual_average", "CNY")]


def test_penalty_ratio_reproduces_bis_figures():
    pen = chips.penalty_table(data.load("exp_bis_penalties")).set_index("case")
    gf = pen.loc["GlobalFoundries / SJ Semiconductor"]
    assert gf["penalty_pct_of_shipments"] == pytest.approx(100 * 0.5 / 17.1)
    assert pen.loc["Seagate / Huawei FDP rule", "shipments_usd_million"] == pytest.approx(1100)


def test_period_months_and_monthly_averages():
    assert chips.period_months("2024-01/2024-07", "seven months")[2] == 7
    assert chips.period_months("2023", "year")[2] == 12
    monthly = chips.sme_monthly(data.load("exp_china_sme_imports")).set_index("period")
    assert monthly.at["2022-06/2022-07", "usd_bn_per_month"] == pytest.approx(2.9 / 2)


def test_spans_and_dates_from_events():
    ev = data.load("exp_policy_events")
    days = claims.span(chips.event_date(ev, "pafaca_enacted"), chips.event_date(ev, "pafaca_prohibitions"), "days")
    assert float(days) == 270  # P.L. 118-50: 270 days from 24 Apr 2024 is 19 Jan 2025
    assert chips.event_year(ev, "smee_founded") == 2002
    with pytest.raises(chips.ChipsError, match="only to the year"):
        chips.event_date(ev, "huawei_founded")
    with pytest.raises(chips.ChipsError, match="no event"):
        chips.event_year(ev, "no_such_event")


def test_group_total_adds_a_group():
    counts = data.load("chips_policy_counts")
    assert float(chips.group_total(counts, "japan_2023_sme_items")) == 23
    with pytest.raises(chips.ChipsError):
        chips.group_total(counts, "no_such_group")


# ----------------------------------------------------------------------------------------- verdict logic
def _row(checks, cid, **changes):
    row = checks.set_index("claim_id", drop=False).loc[cid].copy()
    for key, value in changes.items():
        row[key] = value
    return row


def test_check_claim_gives_reproduced_differs_or_refuses(checks):
    ledger = claims.Ledger("test_chips")
    row = _row(checks, "CHIP-31", note="context", reason_if_differs="")
    v = chips.check_claim(ledger, row, claims.Computed(5, "five"))
    assert v.verdict == "reproduced" and v.reason == "context"
    with pytest.raises(claims.ClaimError, match="needs reason"):
        chips.check_claim(claims.Ledger("t"), row, claims.Computed(7, "seven"))
    row = _row(checks, "CHIP-31", note="context", reason_if_differs="Different basis.")
    v = chips.check_claim(claims.Ledger("t"), row, claims.Computed(7, "seven"))
    assert v.verdict == "differs" and v.reason.startswith("Different basis.") and "context" in v.reason
    assert "chips_claim_checks" in v.sources.split(";")


def test_month_restatement_compares_dates(checks):
    row = _row(checks, "EXP-47")
    assert chips.check_claim(claims.Ledger("t"), row, date(2025, 4, 9)).verdict == "reproduced"
    row = _row(checks, "EXP-47", reason_if_differs="Wrong month.")
    assert chips.check_claim(claims.Ledger("t"), row, date(2025, 5, 2)).verdict == "differs"


def test_range_claims_compare_both_endpoints(checks):
    row = _row(checks, "CHIP-36")  # Morris Chang's estimate: the range holds, and TSMC's own cost data are not public
    v = chips.judge_row(claims.Ledger("t"), row)
    assert v.verdict == "attributed" and "not public" in v.reason
    assert chips.judge_row(claims.Ledger("t"), _row(checks, "CHIP-36", attributed_because="")).verdict == "reproduced"
    with pytest.raises(claims.ClaimError):
        chips.judge_row(claims.Ledger("t"), _row(checks, "CHIP-36", public_low=10.0, reason_if_differs=""))
    v = chips.judge_row(claims.Ledger("t"), _row(checks, "CHIP-36", public_low=10.0, reason_if_differs="Wider range."))
    assert v.verdict == "differs" and v.computed_value == "10-20"
    with pytest.raises(chips.ChipsError, match="public_low"):
        chips.judge_row(claims.Ledger("t"), _row(checks, "CHIP-36", public_low=float("nan")))


def test_parts_of_a_claim_are_checked_separately_and_combined(checks):
    row = _row(checks, "CHIP-78")
    why = {"period": "this part concerns one year", "scope": "one part of the claim"}
    created = chips.check_part(row, claims.Computed(2015, "created"), stated="2015", evidence_period="2015",
                               evidence_scope="creation year", immaterial=why)
    assert created.verdict == "reproduced"
    # a narrower period that is not explained makes the part differ (and the part needs a reason)
    with pytest.raises(claims.ClaimError, match="needs reason"):
        chips.check_part(row, claims.Computed(2015, "created"), stated="2015", evidence_period="2015",
                         evidence_scope="creation year", immaterial={"scope": "one part"})
    moved = chips.check_part(row, claims.Computed(2020, "moved"), stated="2019", evidence_period="2020",
                             evidence_scope="move year", immaterial=why, if_differs="Moved a year later.")
    assert moved.verdict == "differs"
    combined = claims.Ledger("t").combine("CHIP-78", [created, moved])
    assert combined.verdict == "differs" and "Moved a year later." in combined.reason


def test_sia_2020_shares_are_on_the_all_semiconductor_basis():
    s = data.load("chips_value_chain_shares")
    sia = s[(s["measure"] == "sales_by_company_hq") & (s["year"] == 2020) & (s["publisher"] == "SIA")]
    assert set(sia["scope"]) == {"all semiconductors"}
    assert {"United States", "Japan", "Europe", "China"} <= set(sia["region"])
    # SIA's shares for the regions it gives cannot exceed the whole market
    assert sia["share_pct"].sum() <= 100


def test_every_self_judged_row_gets_a_verdict(checks):
    ledger = claims.Ledger("test_chips")
    judged = chips.judge_remaining(ledger, checks)
    assert len(judged) == checks["method"].isin(chips.SELF_JUDGED).sum()
    assert all(v.verdict in claims.VERDICTS for v in ledger.verdicts.values())
    not_checkable = [v for v in ledger.verdicts.values() if v.verdict == "not_checkable"]
    assert all(len(v.reason) > 40 for v in not_checkable)
    left = chips.unjudged(ledger, checks)
    assert set(left) == set(checks.loc[~checks["method"].isin(chips.SELF_JUDGED), "claim_id"])
    with pytest.raises(chips.ChipsError, match="computed in the notebook"):
        chips.judge_row(claims.Ledger("t"), _row(checks, "CHIP-03"))


# -------------------------------------------------------------------------------- malformed tables refused
def _problems(fixture: str, resource: str):
    res = {k: v for k, v in data.resource(resource).items() if k not in ("hash", "bytes")}
    return data.validate_file(FIXTURES / fixture, res)


@pytest.mark.parametrize("fixture, resource, column, rule", [
    ("value_chain_share_over_100.csv", "chips_value_chain_shares", "share_pct", "constraint-error"),
    ("claim_checks_bad_method.csv", "chips_claim_checks", "method", "constraint-error"),
    ("claim_checks_negative_tolerance.csv", "chips_claim_checks", "abs_tol", "constraint-error"),
    ("claim_checks_duplicate_key.csv", "chips_claim_checks", "claim_id", None),
    ("events_bad_date.csv", "exp_policy_events", "date", "constraint-error"),
    ("trade_missing_url.csv", "chips_korea_japan_trade", "source_url", "constraint-error"),
])
def test_malformed_fixture_is_refused_naming_row_and_column(fixture, resource, column, rule):
    problems = _problems(fixture, resource)
    assert problems, f"{fixture} was accepted"
    hit = [p for p in problems if p.column == column]
    assert hit, [str(p) for p in problems]
    assert hit[0].row is not None and fixture in hit[0].file
    if rule:
        assert hit[0].rule == rule


# ------------------------------------------------------------------ EXP/ICT re-read (verdict standard, issue 14)
EXP_ICT_RESOURCES = ["exp_statements", "exp_japan_sme_exports", "exp_eu_national_controls", "ict_china_postal_tax"]


@pytest.mark.parametrize("name", EXP_ICT_RESOURCES)
def test_exp_ict_tables_load_and_name_their_source_kind(name):
    frame = data.load(name)
    assert not frame.empty
    assert frame["source_url"].str.match(r"https?://").all()
    assert frame["source_kind"].notna().all()


def test_check_part_does_not_record_and_takes_overrides(checks):
    ledger = claims.Ledger("t")
    row = _row(checks, "EXP-45")
    part = chips.check_part(row, claims.Computed(2006, "year"), stated="2006")
    assert part.verdict == "reproduced" and not ledger.verdicts
    other = chips.check_part(row, claims.Computed(2009, "year"), stated="2008", if_differs="Another year.")
    assert other.verdict == "differs"
    assert ledger.combine("EXP-45", [part, other]).verdict == "differs"


def test_postal_tax_waiver_value_is_fifty_over_the_rate():
    tax = data.load("ict_china_postal_tax").set_index("parameter_id")["value"]
    now = tax["tax_waiver_threshold"] / (tax["postal_tax_rate_band1_2019"] / 100)
    before = tax["tax_waiver_threshold"] / (tax["postal_tax_rate_band1_2016"] / 100)
    # The document's RMB 330 is the pre-2019 threshold (50 / 15%), not the one in force in 2025 (50 / 13%).
    assert abs(before - 330) / 330 < 0.02 and abs(now - 330) / 330 > 0.1
    assert tax["parcel_value_limit"] > now


def test_eu_national_lists_in_the_two_years_before_the_report():
    eu = data.load("exp_eu_national_controls")
    dates = pd.to_datetime(eu["date"])
    report = pd.Timestamp("2025-03-14")
    within = eu[(dates > report - pd.DateOffset(years=2)) & (dates <= report)]
    assert set(within["member_state"]) == {"Netherlands", "Spain", "France", "Germany", "Italy"}


def test_no_exp_ict_data_row_cites_the_documents():
    for name in EXP_ICT_RESOURCES + ["exp_policy_events", "exp_bis_resources"]:
        assert claims.self_citations(name) == [], name
