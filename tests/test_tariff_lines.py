"""Product-level Section 301 tables: the lists match what USTR announced, and the line-by-line average is right."""
import numpy as np
import pandas as pd
import pytest

from analysis.core import data
from analysis.studies.tariffs import lines as tl
from analysis.studies import tariffs


@pytest.fixture(scope="module")
def lines():
    return data.load("tariff_us_china_hs8")


@pytest.fixture(scope="module")
def rates():
    return data.load("tariff_us_china_rates")


@pytest.fixture(scope="module")
def imports():
    return data.load("trade_us_imports_china_hs10_2024")


# ------------------------------------------------------------------------------------------- the data
def test_line_counts_match_ustr_announcements(lines):
    """Each list's 8-digit lines, as published, number exactly what USTR announced (counts are exact integers)."""
    announced = data.load("tariff_us_china_lists").dropna(subset=["lines_announced"]).set_index("list_id")
    assert len(announced) >= 3, "expected announced line counts for Lists 1-3"
    counts = tl.line_counts(lines, "annex")
    for list_id, row in announced.iterrows():
        assert counts[list_id] == row["lines_announced"], (
            f"{list_id}: {counts[list_id]} lines in the annex edition, USTR announced {row['lines_announced']} "
            f"({row['source_id']})")


def test_every_source_key_resolves(lines, rates, imports):
    keys = set(data.load("tariff_us_china_sources")["source_id"])
    actions = set("tariff_actions_" + data.load("tariff_actions")["action_id"])
    used = (set(lines["list_source"]) | set(rates["source_id"]) | set(imports["source_id"])
            | set(data.load("tariff_us_china_lists")["source_id"]))
    unknown = sorted(u for u in used if u not in keys and u not in actions)
    assert not unknown, f"source keys with no entry in tariff_us_china_sources or tariff_actions: {unknown}"


def test_current_edition_keeps_the_published_lists(lines, imports):
    """A line of Lists 1-4A in USTR's annex that is still traded under the same code is in the hts2026 edition
    under the same list (up to 1% of the list's trade: codes the HTS split or retired since)."""
    traded = set(imports["hs8"])
    cur = set(zip(lines.loc[lines["edition"] == "hts2026", "list_id"], lines.loc[lines["edition"] == "hts2026", "hs8"]))
    value = imports.groupby("hs8")["imports_usd"].sum()
    for list_id in ["list1", "list2", "list3", "list4a"]:
        annex = set(lines.loc[(lines["edition"] == "annex") & (lines["list_id"] == list_id), "hs8"]) & traded
        lost = [h for h in annex if (list_id, h) not in cur]
        assert value[lost].sum() <= 0.01 * value[sorted(annex)].sum(), (list_id, sorted(lost)[:10])


def test_imports_total_close_to_census_total(imports):
    """Imports for consumption from China in 2024 are within 5% of (and below) Census general imports."""
    census = tariffs.preferred_series(tariffs.annual_imports(data.load("trade_us_imports_monthly"),
                                                             data.load("trade_us_imports_annual")))
    general = float(census.loc[2024, "China"])
    consumption = imports["imports_usd"].sum() / 1e9
    assert 0.95 * general <= consumption <= general, (consumption, general)


def test_2017_hs6_imports_total_close_to_census_total():
    """Comtrade's 2017 US imports from China (US-reported, CIF) exceed Census general imports at customs value by the
    freight and insurance margin only: between 0% and 6%."""
    census = tariffs.preferred_series(tariffs.annual_imports(data.load("trade_us_imports_monthly"),
                                                             data.load("trade_us_imports_annual")))
    general = float(census.loc[2017, "China"])
    cif = data.load("trade_us_imports_china_hs6_2017")["imports_usd"].sum() / 1e9
    assert general <= cif <= 1.06 * general, (cif, general)


def test_2017_list_values_bracket_ustr_announcements(lines, imports):
    """Each list's 2017 imports, bracketed at HS6 (HS6 codes wholly in the list .. codes the list touches), contain
    USTR's announced value, widened by the half-billion its round figure may hide. 2017 imports exist at HS6 only,
    so the exact 8-digit sum cannot be formed; see tariff_lines.list_values_hs6."""
    announced = data.load("tariff_us_china_lists").set_index("list_id")["value_announced_usd_bn"]
    b = tl.list_values_hs6(lines, imports, data.load("trade_us_imports_china_hs6_2017")).set_index("list_id")
    for list_id in ["list1", "list2", "list3", "list4a", "list4b"]:
        lo, hi, v = b.at[list_id, "lower_usd_bn"], b.at[list_id, "upper_usd_bn"], announced[list_id]
        assert lo <= b.at[list_id, "split_usd_bn"] <= hi
        assert lo - 0.5 <= v <= hi + 0.5, f"{list_id}: announced ${v}bn outside 2017 HS6 bracket [{lo:.1f}, {hi:.1f}]"


def test_review_rates_are_increases(lines, rates, imports):
    """Where a line moved to the 2024 review, its review rate is at least its earlier list rate (so 'highest rate
    wins' is the same as 'the review rate replaces the list rate')."""
    w = tl.duty_windows(tl.match_lines(lines, imports), rates)
    first_review = w[w["list_id"] == "review2024"].groupby("hs10")["rate_pct"].min()
    earlier = w[w["list_id"] != "review2024"].groupby("hs10")["rate_pct"].max()
    both = first_review.index.intersection(earlier.index)
    assert len(both) > 0
    assert (first_review[both] >= earlier[both]).all()


# ----------------------------------------------------------------------------------- the computation
def _toy():
    lines = pd.DataFrame([
        # edition, list, heading, hs8, scope, hs10, from, to
        ("e", "list1", "H1", "11111111", "all", "", "2018-07-06", None),
        ("e", "list3", "H3", "22222222", "except", "2222222299", "2018-09-24", None),
        ("e", "list4b", "H4B", "33333333", "all", "", "2019-12-15", None),
        ("e", "review2024", "HR", "11111111", "only", "1111111101", "2024-09-27", None),
        ("e", "list3", "H3", "44444444", "all", "", "2018-09-24", "2019-12-31"),
    ], columns=["edition", "list_id", "heading", "hs8", "scope", "hs10", "member_from", "member_to"])
    rates = pd.DataFrame([
        ("H1", "list1", "2018-07-06", None, 25.0, "in_force"),
        ("H3", "list3", "2018-09-24", "2019-05-09", 10.0, "in_force"),
        ("H3", "list3", "2019-05-10", None, 25.0, "in_force"),
        ("H4B", "list4b", "2019-12-15", None, 15.0, "suspended"),
        ("HR", "review2024", "2024-09-27", None, 100.0, "in_force"),
    ], columns=["heading", "list_id", "effective_date", "end_date", "additional_duty_pct", "status"])
    imports = pd.DataFrame({"hs10": ["1111111101", "1111111199", "2222222201", "2222222299", "3333333301",
                                     "4444444401", "5555555501"],
                            "imports_usd": [10.0, 10.0, 20.0, 20.0, 20.0, 10.0, 10.0]})
    imports["hs8"] = imports["hs10"].str[:8]
    return lines, rates, imports


def test_average_by_date_by_hand():
    lines, rates, imports = _toy()
    avg = tl.average_by_date(lines, rates, imports, ["2018-07-05", "2018-07-06", "2018-09-24", "2019-05-10",
                                                     "2020-01-01", "2024-09-27"], edition="e", base_pct=3.0)
    total = 100.0
    expect_add = [0.0,
                  20 * 25 / total,                          # List 1: both lines of 11111111
                  (20 * 25 + 20 * 10 + 10 * 10) / total,    # + List 3 at 10% (not the excepted 2222222299)
                  (20 * 25 + 20 * 25 + 10 * 25) / total,    # List 3 at 25%
                  (20 * 25 + 20 * 25) / total,              # 44444444 left List 3 at end-2019; 4B never in force
                  (10 * 100 + 10 * 25 + 20 * 25) / total]   # the review line replaces List 1 on 1111111101 only
    assert np.allclose(avg["additional_pp"], expect_add)
    assert np.allclose(avg["average_pct"], 3.0 + np.array(expect_add))
    assert np.allclose(avg["covered_share_pct"], [0, 20, 50, 50, 40, 40])


def test_decomposition_adds_up_and_attributes_the_binding_list():
    lines, rates, imports = _toy()
    dates = ["2019-05-10", "2024-09-27"]
    avg = tl.average_by_date(lines, rates, imports, dates, edition="e")
    dec = tl.decompose_by_list(lines, rates, imports, dates, edition="e")
    sums = dec.groupby("date")["contribution_pp"].sum().to_numpy()
    assert np.allclose(sums, avg["additional_pp"])
    last = dec[dec["date"] == pd.Timestamp("2024-09-27")].set_index("list_id")
    assert last.at["review2024", "contribution_pp"] == pytest.approx(10.0)
    assert last.at["list1", "covered_usd_bn"] == pytest.approx(10.0 / 1e9)


def test_line_counts_and_list_values():
    lines, _, imports = _toy()
    counts = tl.line_counts(lines, "e")
    assert counts.to_dict() == {"list1": 1, "list3": 2, "list4b": 1, "review2024": 1}
    vals = tl.list_values(lines, imports, edition="e").set_index("list_id")
    assert vals.at["list3", "imports_usd_bn"] == pytest.approx(30.0 / 1e9)   # 2222222201 + 4444444401
    assert vals.at["review2024", "imports_usd_bn"] == pytest.approx(10.0 / 1e9)


def test_bad_input_is_named():
    lines, rates, imports = _toy()
    bad = imports.copy()
    bad.loc[2, "imports_usd"] = -5.0
    with pytest.raises(ValueError, match="row 2, column imports_usd"):
        tl.average_by_date(lines, rates, bad, ["2019-01-01"], edition="e")
    bad = imports.copy()
    bad.loc[0, "hs8"] = "99999999"
    with pytest.raises(ValueError, match="row 0, columns hs10/hs8"):
        tl.match_lines(lines, bad, "e")
    with pytest.raises(ValueError, match="lacks columns"):
        tl.average_by_date(lines.drop(columns="scope"), rates, imports, edition="e")
    with pytest.raises(ValueError, match="no lines of edition"):
        tl.line_counts(lines, "annex")
    with pytest.raises(ValueError, match="base_pct"):
        tl.average_by_date(lines, rates, imports, edition="e", base_pct=float("nan"))
    with pytest.raises(ValueError, match="hs6_weights table, row 1"):
        tl.average_by_date(lines, rates, imports, ["2019-01-01"], edition="e",
                           hs6_weights=pd.DataFrame({"hs6": ["111111", "22222"], "imports_usd": [1.0, 1.0]}))


_TOY_HS6 = pd.DataFrame({"hs6": ["111111", "222222", "333333", "444444", "666666"],
                         "imports_usd": [40.0, 10.0, 0.0, 30.0, 20.0]})


def test_hs6_weights_by_hand():
    """Another year's HS6 values, split by the HTS10 table's shares; an HS6 code with no HTS10 line stays in the
    total at no duty."""
    lines, rates, imports = _toy()
    avg = tl.average_by_date(lines, rates, imports, ["2019-05-10", "2024-09-27"], edition="e", hs6_weights=_TOY_HS6)
    assert np.allclose(avg["additional_pp"], [(40 * 25 + 5 * 25 + 30 * 25) / 100,      # 222222 split 20:20
                                              (20 * 100 + 20 * 25 + 5 * 25) / 100])    # review on half of 111111
    assert np.allclose(avg["covered_share_pct"], [75, 45])
    dec = tl.decompose_by_list(lines, rates, imports, ["2019-05-10"], edition="e", hs6_weights=_TOY_HS6)
    assert dec["contribution_pp"].sum() == pytest.approx(avg["additional_pp"].iloc[0])


def test_list_values_hs6_by_hand():
    lines, _, imports = _toy()
    b = tl.list_values_hs6(lines, imports, _TOY_HS6, edition="e").set_index("list_id") * 1e9
    assert b.loc["list1"].tolist() == pytest.approx([40, 40, 40])
    assert b.loc["list3"].tolist() == pytest.approx([30, 35, 40])      # 444444 whole, half of 222222, all of 222222
    assert b.loc["review2024"].tolist() == pytest.approx([0, 20, 40])
