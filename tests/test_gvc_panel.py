"""Customs transactions -> GVC firm-year panel (analysis.studies.gvc.transactions, DuckDB) and its simulated input
(analysis.studies.gvc.customs).

Three kinds of check: a hand computation on the tiny synthetic fixture in tests/fixtures/gvc_transactions/; the
DuckDB build against an independent pandas groupby (:func:`gvc_panel.reference_panel_pandas`), cell for cell, on
a small simulated file with firms that drop out, years without trade and zero lines; and the whole path — simulated
transactions written to many Parquet files → panel → triple difference — recovering a planted effect. Malformed
inputs must be refused naming file, row, column and value. Speed is benchmarked, not tested
(benchmarks/bench_gvc_panel.py).
"""

from __future__ import annotations

import math
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.core import data
from analysis.estimators import triple_difference as td
from analysis.studies import gvc
from analysis.studies.gvc import simulate as gvc_sim, transactions as gvc_panel
from analysis.build.cli import main as cli_main
from analysis.studies.gvc import customs

FIXTURES = Path(__file__).parent / "fixtures" / "gvc_transactions"
TABLES = {"immex": FIXTURES / "immex.csv", "firms": FIXTURES / "firms.csv", "tariffs": FIXTURES / "tariff_changes.csv"}


def _build(transactions, **options):
    return gvc_panel.build(transactions, TABLES["immex"], TABLES["firms"], TABLES["tariffs"], **options)


def _assert_same_cells(got: pd.DataFrame, want: pd.DataFrame, rtol: float = 1e-12, atol: float = 1e-9):
    """Same columns, same rows in the same order, each cell equal (numbers within rtol/atol, missing where
    missing)."""
    assert list(got.columns) == list(want.columns)
    assert len(got) == len(want)
    for col in want.columns:
        a, b = got[col], want[col]
        if col in ("firm_id", "sector"):
            assert (a.astype(str).to_numpy() == b.astype(str).to_numpy()).all(), col
        else:
            a, b = a.to_numpy(float), b.to_numpy(float)
            np.testing.assert_array_equal(np.isnan(a), np.isnan(b), err_msg=col)
            ok = ~np.isnan(a)
            np.testing.assert_allclose(a[ok], b[ok], rtol=rtol, atol=atol, err_msg=col)


# ------------------------------------------------------------------------------------------ hand computation
def test_fixture_panel_matches_hand_computation():
    result = _build(FIXTURES / "transactions.csv")
    p = result.panel.set_index(["firm_id", "year"])
    # D004 exported nothing to the US in 2017: no exposure, left out (export_basis="us")
    assert sorted(result.panel["firm_id"].unique()) == ["A001", "B002", "C003"]
    assert len(p) == 9  # balanced: 3 firms x 2016-2018
    firm = p.groupby(level=0).first()
    # GVC = IMMEX registration in force in 2017: A001 yes; B002 registered in 2019; C003 left in June 2016
    assert firm["gvc"].to_dict() == {"A001": 1, "B002": 0, "C003": 0}
    assert firm["manufacturing"].to_dict() == {"A001": 1, "B002": 0, "C003": 1}  # NAICS 336, 434, 315
    assert firm["sector"].to_dict() == {"A001": "336", "B002": "434", "C003": "315"}
    # exposure: A001 2017 US exports 300 of HS 010121 (+25 pp: two fractions) and 100 of 020110 (0) -> 18.75;
    # B002 800 of 847130 (+25) and 200 of 020110 -> 20; C003 0 + 400 of 030111 (+15) -> 15
    assert firm[td.EXPOSURE].to_dict() == pytest.approx({"A001": 18.75, "B002": 20.0, "C003": 15.0})
    # inputs: 2017 imports from China; A001 030111 (+15); B002 none (Korea only) -> 0; C003 010121 (+25)
    assert firm[td.INPUT_EXPOSURE].to_dict() == pytest.approx({"A001": 15.0, "B002": 0.0, "C003": 25.0})
    nan = float("nan")
    want = {  # (ln exports US, ln imports US, ln total exports, asinh net exports)
        ("A001", 2016): (math.log(100), nan, math.log(100), math.asinh(100 - 40)),
        ("A001", 2017): (math.log(400), math.log(20), math.log(450), math.asinh(450 - 70)),
        ("A001", 2018): (math.log(500), math.log(30), math.log(500), math.asinh(500 - 40)),
        ("B002", 2016): (math.log(1000), nan, math.log(1000), math.asinh(1000)),
        ("B002", 2017): (math.log(1000), nan, math.log(1000), math.asinh(1000 - 100)),
        ("B002", 2018): (nan, nan, nan, 0.0),  # no trade: logs empty, asinh(0)
        ("C003", 2016): (nan, nan, nan, 0.0),
        ("C003", 2017): (math.log(400), nan, math.log(400), math.asinh(400 - 100)),
        ("C003", 2018): (math.log(100), nan, math.log(100), math.asinh(100 - 300)),
    }
    got = p[list(gvc.OUTCOMES)]
    for key, values in want.items():
        np.testing.assert_allclose(got.loc[key].to_numpy(float), values, rtol=1e-12, equal_nan=True, err_msg=key)
    s = result.summary
    assert (s.transaction_rows, s.firms_in_transactions, s.firms_in_panel, s.firms_without_base_year_exports,
            s.gvc_firms, s.years) == (22, 4, 3, 1, 1, [2016, 2017, 2018])


def test_export_basis_all_keeps_firms_exporting_elsewhere():
    p = _build(FIXTURES / "transactions.csv", export_basis="all").panel
    firm = p.groupby("firm_id").first()
    # A001's 2017 exports to Canada (50 of 020110) now dilute its exposure: 300 x 25 / 450; D004 enters (847130)
    assert firm[td.EXPOSURE].to_dict() == pytest.approx({"A001": 300 * 25 / 450, "B002": 20.0, "C003": 15.0,
                                                        "D004": 25.0})
    assert firm.loc["D004", "gvc"] == 0 and firm.loc["D004", "manufacturing"] == 1


def test_build_panel_returns_frame_or_writes_validated_parquet(tmp_path):
    frame = gvc_panel.build_panel(FIXTURES / "transactions.csv", TABLES["immex"], TABLES["firms"], TABLES["tariffs"])
    out = gvc_panel.build_panel(FIXTURES / "transactions.csv", TABLES["immex"], TABLES["firms"], TABLES["tariffs"],
                                out=tmp_path / "panel.parquet")
    assert out == tmp_path / "panel.parquet"
    loaded = gvc.load_panel(out)  # notebook 03's loader
    _assert_same_cells(loaded, frame, rtol=0, atol=0)
    assert (tmp_path / "panel.parquet.build.json").is_file()


# ------------------------------------------------------------------------------ DuckDB against pandas groupby
@pytest.fixture(scope="module")
def small_customs():
    """A small simulated file, edited so the build meets every case: a firm without 2017 exports to the US, a
    firm-year without any trade, a firm without 2017 imports from China, zero-valued lines."""
    sim = customs.simulate_customs(n_firms=120, seed=5, lines_per_firm_year=25)
    tx = sim.transactions()
    year = tx["date"].dt.year
    no_us_2017 = (tx["firm_id"] == "F0000003") & (year == 2017) & (tx["partner_country"] == "USA") & (
        tx["flow"] == "export")
    no_trade_2019 = (tx["firm_id"] == "F0000007") & (year == 2019)
    no_china_2017 = (tx["firm_id"] == "F0000011") & (year == 2017) & (tx["partner_country"] == "CHN")
    tx = tx[~(no_us_2017 | no_trade_2019 | no_china_2017)].reset_index(drop=True)
    tx.loc[::97, "value_usd"] = 0.0
    return sim, tx


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
@pytest.mark.parametrize("basis", ["us", "all"])
def test_duckdb_build_equals_pandas_groupby_cell_for_cell(tmp_path, small_customs, fmt, basis):
    sim, tx = small_customs
    path = tmp_path / f"transactions.{fmt}"
    if fmt == "parquet":
        tx.to_parquet(path, index=False)
    else:
        tx.to_csv(path, index=False, date_format="%Y-%m-%d")
    got = gvc_panel.build(path, sim.immex, sim.firms, sim.tariffs, export_basis=basis)
    want = gvc_panel.reference_panel_pandas(tx, sim.immex, sim.firms, sim.tariffs, export_basis=basis)
    _assert_same_cells(got.panel, want)
    firms = set(got.panel["firm_id"])
    assert ("F0000003" in firms) == (basis == "all")  # no 2017 exports to the US
    p = got.panel.set_index(["firm_id", "year"])
    assert p.loc[("F0000007", 2019), "asinh_net_exports"] == 0.0 and np.isnan(p.loc[("F0000007", 2019),
                                                                                      "ln_exports_us"])
    assert p.loc[("F0000011", 2017), td.INPUT_EXPOSURE] == 0.0
    assert got.summary.transaction_rows == len(tx)


def test_many_files_equal_one_file(tmp_path, small_customs):
    sim, tx = small_customs
    one = tmp_path / "one.parquet"
    tx.to_parquet(one, index=False)
    parts = tmp_path / "parts"
    parts.mkdir()
    for i, chunk in enumerate(np.array_split(np.arange(len(tx)), 7)):
        tx.iloc[chunk].to_parquet(parts / f"part_{i}.parquet", index=False)
    a = gvc_panel.build(one, sim.immex, sim.firms, sim.tariffs)
    b = gvc_panel.build(str(parts / "*.parquet"), sim.immex, sim.firms, sim.tariffs, memory_limit="64MB",
                        temp_directory=tmp_path / "spill", threads=1)
    _assert_same_cells(b.panel, a.panel)
    assert b.summary.transaction_files == 7


# ---------------------------------------------------------------------------------------------- whole path
def test_transactions_to_panel_to_triple_difference_recovers_planted_effect(tmp_path):
    # A planted 2019 effect unlike the default (0.35 log points), GVC services firms as strong as manufacturing
    # ones, so the GVC differential's truth is the planted value itself.
    params = replace(gvc_sim.GVCParams(), effect_path={2018: 0.10, 2019: 0.35, 2020: 0.30, 2021: 0.25},
                     nonmanufacturing_gvc_scale=1.0)
    sim = customs.simulate_customs(n_firms=6_000, seed=99, lines_per_firm_year=25, params=params,
                                   firms_per_block=1_500)
    files = sim.write_parquet(tmp_path / "customs")
    tables = sim.write_tables(tmp_path)
    assert len(files) == 4
    panel = gvc_panel.build_panel(str(tmp_path / "customs" / "*.parquet"), tables["immex"], tables["firms"],
                                  tables["tariffs"])
    # the aggregates are gvc.py's draws: exports and imports to/from the US, both exposures, GVC status, sector
    _assert_same_cells(panel, sim.expected_panel[list(gvc_panel.PANEL_COLUMNS)], rtol=1e-11)
    drawn = sim.sim.panel
    np.testing.assert_allclose(panel["ln_exports_us"], drawn["ln_exports_us"], rtol=1e-12)
    np.testing.assert_allclose(panel[td.EXPOSURE], drawn[td.EXPOSURE], rtol=1e-12, atol=1e-12)
    assert (panel["gvc"].to_numpy() == drawn["gvc"].to_numpy()).all()

    exps = [td.EXPOSURE, td.INPUT_EXPOSURE]
    iqr = {e: td.exposure_quartiles(panel, e)["iqr"] for e in exps}
    ddd = td.triple_difference(panel, "ln_exports_us", exps, iqr=iqr)
    g = ddd.effect(2019, group="gvc_differential", exposure=td.EXPOSURE)
    assert g["ci_low"] <= 0.35 <= g["ci_high"], g
    assert g["ci_low"] > 0  # detected, not merely covered
    n = ddd.effect(2019, group="non_gvc", exposure=td.EXPOSURE)
    assert n["ci_low"] <= 0.0 <= n["ci_high"], n
    mfg = panel[(panel["gvc"] == 1) & (panel["manufacturing"] == 1)]
    did = td.difference_in_differences(mfg, ["ln_exports_us", "ln_imports_us"], exps, label="manufacturing_gvc",
                                       iqr=iqr)
    for outcome, scale in (("ln_exports_us", 1.0), ("ln_imports_us", params.outcome_scale["ln_imports_us"])):
        r = did.effect(2019, outcome=outcome, exposure=td.EXPOSURE)
        assert r["ci_low"] <= 0.35 * scale <= r["ci_high"], (outcome, r)


def test_generator_is_deterministic_and_independent_of_blocks_asked_for():
    a = customs.simulate_customs(n_firms=40, seed=3, lines_per_firm_year=12)
    b = customs.simulate_customs(n_firms=40, seed=3, lines_per_firm_year=12)
    pd.testing.assert_frame_equal(a.transactions(), b.transactions())
    c = customs.simulate_customs(n_firms=40, seed=4, lines_per_firm_year=12)
    assert not a.transactions()["value_usd"].equals(c.transactions()["value_usd"])
    # ~12 lines per firm-year on average (at least one per firm-year-flow-partner-product cell)
    assert 10 < len(a.transactions()) / (40 * 7) < 30


# ---------------------------------------------------------------------------------------- malformed inputs
@pytest.mark.parametrize("name, rule, row, column, value", [
    ("bad_date.csv", "type-error", 5, "date", "2017-02-30"),
    ("negative_value.csv", "constraint-error", 8, "value_usd", "-20"),
    ("bad_flow.csv", "constraint-error", 3, "flow", "Export"),
    ("lost_leading_zero.csv", "constraint-error", 2, "tariff_fraction", "3011101"),
    ("bad_partner.csv", "constraint-error", 4, "partner_country", "US"),
    ("missing_firm.csv", "missing-value", 6, "firm_id", None),
])
def test_malformed_csv_refused_with_file_row_column_value(name, rule, row, column, value):
    with pytest.raises(data.DataError) as err:
        _build(FIXTURES / name)
    problems = err.value.problems
    hit = [p for p in problems if p.rule == rule and p.row == row and p.column == column]
    assert hit, problems
    assert hit[0].file.endswith(name)
    if value is not None:
        assert repr(value) in hit[0].message
    assert problems[-1].rule == "summary" and "1 row(s)" in problems[-1].message


@pytest.mark.parametrize("name, rule, column", [
    ("missing_column.csv", "missing-column", "partner_country"),
    ("extra_column.csv", "extra-column", "customs_office"),
    ("byte_order_mark.csv", "encoding", None),
])
def test_malformed_csv_header_refused(name, rule, column):
    with pytest.raises(data.DataError) as err:
        _build(FIXTURES / name)
    p = err.value.problems[0]
    assert (p.rule, p.column) == (rule, column) and p.file.endswith(name)


def test_bad_row_in_one_parquet_file_of_many_is_located(tmp_path):
    tx = pd.read_csv(FIXTURES / "transactions.csv", dtype=str, keep_default_na=False)
    tx["date"] = pd.to_datetime(tx["date"])
    tx["value_usd"] = tx["value_usd"].astype(float)
    (tmp_path / "tx").mkdir()
    tx.iloc[:10].to_parquet(tmp_path / "tx" / "a.parquet", index=False)
    bad = tx.iloc[10:].reset_index(drop=True)
    bad.loc[3, "value_usd"] = np.inf
    bad.loc[5, "date"] = pd.Timestamp("1985-06-30")
    bad.to_parquet(tmp_path / "tx" / "b.parquet", index=False)
    with pytest.raises(data.DataError) as err:
        _build(str(tmp_path / "tx" / "*.parquet"))
    found = {(Path(p.file).name, p.row, p.column, p.rule) for p in err.value.problems}
    assert ("b.parquet", 4, "value_usd", "non-finite") in found
    assert ("b.parquet", 6, "date", "constraint-error") in found
    assert not any(Path(p.file).name == "a.parquet" for p in err.value.problems)


def test_fraction_stored_as_number_is_refused_naming_the_lost_zero(tmp_path):
    tx = pd.read_csv(FIXTURES / "transactions.csv", dtype={"tariff_fraction": "int64"})
    tx.to_parquet(tmp_path / "numbers.parquet", index=False)
    with pytest.raises(data.DataError) as err:
        _build(tmp_path / "numbers.parquet")
    p = err.value.problems[0]
    assert (p.rule, p.row, p.column) == ("constraint-error", 1, "tariff_fraction")
    assert "'1012101'" in p.message and "leading zeros" in p.message


def test_unknown_products_and_firms_are_named_or_handled_as_asked(tmp_path):
    tariffs = pd.read_csv(TABLES["tariffs"], dtype={"hs6": str})
    short = tariffs[tariffs["hs6"] != "030111"]
    with pytest.raises(data.DataError, match="HS6 product '030111'"):
        gvc_panel.build(FIXTURES / "transactions.csv", TABLES["immex"], TABLES["firms"], short)
    r = gvc_panel.build(FIXTURES / "transactions.csv", TABLES["immex"], TABLES["firms"], short,
                        unknown_products="zero")
    firm = r.panel.groupby("firm_id").first()
    assert firm.loc["C003", td.EXPOSURE] == 0.0 and firm.loc["A001", td.INPUT_EXPOSURE] == 0.0
    assert r.summary.unknown_products == 1 and r.summary.unknown_products_export_share == pytest.approx(400 / 1800)
    firms = pd.read_csv(TABLES["firms"], dtype=str)
    with pytest.raises(data.DataError, match=r"1 firm\(s\).*\['B002'\]"):
        gvc_panel.build(FIXTURES / "transactions.csv", TABLES["immex"], firms[firms["firm_id"] != "B002"],
                        TABLES["tariffs"])
    r = gvc_panel.build(FIXTURES / "transactions.csv", TABLES["immex"], firms[firms["firm_id"] != "B002"],
                        TABLES["tariffs"], missing_firms="drop")
    assert sorted(r.panel["firm_id"].unique()) == ["A001", "C003"] and r.summary.firms_without_register_row == 1


@pytest.mark.parametrize("table, frame, rule, row, column", [
    ("tariffs", pd.DataFrame({"hs6": ["010121", "10121"], "tariff_change_pp": [25.0, 0.0]}),
     "constraint-error", 2, "hs6"),
    ("tariffs", pd.DataFrame({"hs6": ["010121", "020110"], "tariff_change_pp": [25.0, 250.0]}),
     "constraint-error", 2, "tariff_change_pp"),
    ("tariffs", pd.DataFrame({"hs6": ["010121", "010121"], "tariff_change_pp": [25.0, 0.0]}),
     "duplicate-key", None, "hs6"),
    ("firms", pd.DataFrame({"firm_id": ["A001", "B002"], "sector": ["336", "33"]}), "constraint-error", 2, "sector"),
    ("immex", pd.DataFrame({"firm_id": ["A001"], "program_start": ["2010-13-01"], "program_end": [""]}),
     "type-error", 1, "program_start"),
])
def test_malformed_small_tables_refused(table, frame, rule, row, column):
    tables = dict(TABLES)
    tables[table] = frame
    with pytest.raises(data.DataError) as err:
        gvc_panel.build(FIXTURES / "transactions.csv", tables["immex"], tables["firms"], tables["tariffs"])
    assert any(p.rule == rule and p.row == row and p.column == column for p in err.value.problems), \
        err.value.problems


def test_no_matching_files_refused(tmp_path):
    with pytest.raises(data.DataError, match="no transactions file matches"):
        _build(str(tmp_path / "nothing" / "*.parquet"))


# ------------------------------------------------------------------------------------------------------- CLI
def test_cli_writes_panel_and_reports_bad_input(tmp_path, capsys):
    out = tmp_path / "panel.parquet"
    args = ["gvc-panel", "--transactions", str(FIXTURES / "transactions.csv"), "--immex", str(TABLES["immex"]),
            "--firms", str(TABLES["firms"]), "--tariffs", str(TABLES["tariffs"]), "--out", str(out)]
    assert cli_main(args + ["--no-progress"]) == 0
    assert "3 in the panel" in capsys.readouterr().out
    assert len(gvc.load_panel(out)) == 9
    bad = tmp_path / "bad.csv"
    shutil.copy(FIXTURES / "bad_flow.csv", bad)
    args[2] = str(bad)
    assert cli_main(args) == 2
    err = capsys.readouterr().err
    assert "bad.csv, row 3 (line 4), column 'flow'" in err and "'Export'" in err
