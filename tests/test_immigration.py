"""Immigration and border tables (notebook 06): they add up, they are cited, and bad input is refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.core import data, paths
from analysis.studies import immigration

FIXTURES = Path(__file__).parent / "fixtures" / "immigration"
TABLES = ["border_encounters_fy", "border_encounters_monthly", "border_removals_returns_fy", "border_barrier_miles",
          "border_barrier_funding", "immigration_policy_parameters", "immigration_statistics", "immigration_lpr_fy",
          "immigration_public_opinion_2024", "immigration_executive_actions", "immigration_tps_actions"]


def schema_only(name: str) -> dict:
    """The resource descriptor without the hash and size of the real file (to validate a fixture against it)."""
    return {k: v for k, v in data.resource(name).items() if k not in ("hash", "bytes")}


def read_fixture(name: str, resource: str) -> pd.DataFrame:
    path = FIXTURES / name
    assert not data.validate_file(path, {**schema_only(resource), "path": path.name}), name
    return data.read_typed(path, data.resource(resource)["schema"])


@pytest.fixture(scope="module")
def fy():
    return data.load("border_encounters_fy")


@pytest.fixture(scope="module")
def monthly():
    return data.load("border_encounters_monthly")


# ------------------------------------------------------------------------------------------- the real data
@pytest.mark.parametrize("name", TABLES + ["immigration_sources"])
def test_tables_load_against_their_descriptors(name):
    assert len(data.load(name)) > 0


def test_fiscal_year_totals_equal_the_sum_of_their_months(fy, monthly):
    result = immigration.check_fy_against_months(fy, monthly)
    # FY2000-FY2018 USBP, FY2019-FY2024 by component and title, nationwide FY2020-FY2023
    assert result.n_compared >= 70 and result.n_equal == result.n_compared
    assert set(result.table["fiscal_year"]) >= set(range(2000, 2025))


def test_components_add_up_to_totals(fy, monthly):
    yearly = immigration.check_components(fy)
    by_month = immigration.check_components(monthly, file=immigration.MONTHLY_FILE, by=["fiscal_year", "fiscal_month"])
    assert yearly.n_compared >= 30 and by_month.n_compared >= 400
    assert yearly.n_equal == yearly.n_compared and by_month.n_equal == by_month.n_compared


def test_one_preferred_row_per_key(fy, monthly):
    assert not fy[fy["preferred"] == 1].duplicated(immigration.KEY).any()
    assert not monthly[monthly["preferred"] == 1].duplicated(immigration.KEY + ["fiscal_month"]).any()


def test_calendar_and_fiscal_months_agree(monthly):
    shifted = (monthly["fiscal_month"] + 9 - 1) % 12 + 1
    assert (shifted == monthly["calendar_month"]).all()
    assert ((monthly["calendar_year"] == monthly["fiscal_year"] - (monthly["fiscal_month"] <= 3))).all()


def test_title42_only_while_the_order_was_in_force(monthly):
    t42 = monthly[monthly["title_of_authority"] == "Title 42"]
    months = pd.to_datetime(dict(year=t42["calendar_year"], month=t42["calendar_month"], day=1))
    assert months.min() == pd.Timestamp("2020-03-01") and months.max() == pd.Timestamp("2023-05-01")


def test_calendar_year_totals_need_twelve_months(monthly):
    series = immigration.monthly_series(monthly)["cbp_total"]
    cal = immigration.calendar_year_totals(series)
    assert 2018 not in cal.index  # CBP totals start in October 2018
    assert cal.loc[2022] == series.loc["2022"].sum()


def test_every_source_key_is_expanded():
    keys = set(data.load("immigration_sources")["key"])
    for name in TABLES:
        table = data.load(name)
        used = {k for cell in table["source"] for k in str(cell).split(";")}
        assert used <= keys, (name, used - keys)


def test_tps_windows_are_eighteen_months():
    tps = data.load("immigration_tps_actions")
    windows = tps[tps["action"].isin(["designation", "extension", "extension_redesignation"])]
    assert len(windows) == 10
    for row in windows.itertuples():
        assert abs(immigration.window_months(row.period_start, row.period_end) - row.months_stated) < 0.1, row.country


def test_window_months_counts_inclusive_windows():
    assert immigration.window_months("2022-11-26", "2024-05-25") == pytest.approx(18)
    assert immigration.window_months("2024-04-01", "2025-09-30") == pytest.approx(18)
    assert immigration.window_months("2024-04-01", "2025-08-30") < 17.5


def test_actions_are_dated_in_their_administration():
    actions = data.load("immigration_executive_actions")
    issued = actions[actions["event_type"].isin(["signed", "announced", "published"])]
    assert (issued["administration"] == issued["date"].map(immigration.administration)).all()
    assert immigration.administration("2021-01-19") == "Trump"
    assert immigration.administration("2021-01-20") == "Biden"
    with pytest.raises(ValueError):
        immigration.administration("1992-01-01")


def test_barrier_parts_add_up():
    miles = data.load("border_barrier_miles")
    for (as_of, geo, source), g in miles[miles["measure"] == "primary_barrier"].groupby(["as_of", "geography", "source"]):
        parts = g.set_index("barrier_type")["miles"]
        if {"pedestrian", "vehicle", "total (pedestrian + vehicle)"} <= set(parts.index):
            assert parts["pedestrian"] + parts["vehicle"] == parts["total (pedestrian + vehicle)"], (as_of, geo)


# -------------------------------------------------------------------------------------- malformed input
def test_malformed_fy_table_is_refused_with_row_and_column():
    path = FIXTURES / "encounters_fy_malformed.csv"
    problems = data.validate_file(path, {**schema_only("border_encounters_fy"), "path": path.name})
    where = {(p.row, p.column) for p in problems}
    assert (2, "encounters") in where  # "1,299,437": thousands separator
    assert (3, "title_of_authority") in where  # not in the enum


def test_malformed_monthly_table_is_refused_with_row_and_column():
    path = FIXTURES / "encounters_monthly_malformed.csv"
    problems = data.validate_file(path, {**schema_only("border_encounters_monthly"), "path": path.name})
    rules = {(p.rule, p.row, p.column) for p in problems}
    assert ("constraint-error", 3, "fiscal_month") in rules
    assert any(p.rule == "primary-key" and p.row == 4 for p in problems)


def test_malformed_tps_table_is_refused():
    path = FIXTURES / "tps_malformed.csv"
    problems = data.validate_file(path, {**schema_only("immigration_tps_actions"), "path": path.name})
    assert {(p.row, p.column) for p in problems} >= {(1, "action"), (2, "period_end")}


def test_fy_total_that_is_not_the_sum_of_its_months_is_refused():
    fy = read_fixture("fy_total_mismatch_fy.csv", "border_encounters_fy")
    monthly = read_fixture("fy_total_mismatch_monthly.csv", "border_encounters_monthly")
    with pytest.raises(immigration.ImmigrationDataError) as err:
        immigration.check_fy_against_months(fy, monthly, fy_file="fy_total_mismatch_fy.csv")
    problem = err.value.problems[0]
    assert (problem.file, problem.row, problem.column) == ("fy_total_mismatch_fy.csv", 1, "encounters")
    assert "sum of months" in str(err.value)


def test_parts_that_do_not_add_up_are_refused(fy):
    broken = fy.copy()
    row = broken.index[(broken["fiscal_year"] == 2022) & (broken["preferred"] == 1)
                       & (broken["component"] == "U.S. Border Patrol") & (broken["title_of_authority"] == "Title 42")]
    broken.loc[row, "encounters"] += 1
    with pytest.raises(immigration.ImmigrationDataError) as err:
        immigration.check_components(broken)
    assert {p.column for p in err.value.problems} == {"encounters"}
    assert len(err.value.problems) == 2  # the USBP "All" row and the CBP Title 42 total


def test_the_notebook_judges_every_immigration_and_border_claim():
    text = (paths.NOTEBOOKS / "06_immigration_and_border.py").read_text(encoding="utf-8")
    register = pd.read_csv(paths.CLAIMS_REGISTER, usecols=["claim_id"])["claim_id"]
    ours = [c for c in register if c.startswith(("IMM-", "BOR-"))]
    assert len(ours) == 67
    windows = {f"IMM-{i}" for i in range(25, 35)}  # judged in a loop over immigration_tps_actions
    loop_judged = {"BOR-10", "BOR-11", "IMM-35", "IMM-38", "IMM-39", "IMM-41", "IMM-42"} | windows
    missing = [c for c in ours if f'"{c}"' not in text and c not in loop_judged]
    assert not missing, missing
