"""The claims checker, ledger and report."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analysis.core import claims, data, paths


def test_register_has_every_claim_once():
    reg = claims.register()  # data/claims.csv is the project's own copy of the inventory of 338 claims
    assert reg["claim_id"].is_unique and len(reg) == 338


@pytest.mark.parametrize("text, kind, low, high", [
    ("1933", "value", 1933, 1933),
    ("1,933", "value", 1933, 1933),
    ("0.5", "value", 0.5, 0.5),
    ("4-8", "range", 4, 8),
    ("17.4-37.6", "range", 17.4, 37.6),
    (">390000", "above", 390000, None),
    ("<0.5", "below", None, 0.5),
    ("2018-03-05", "value", date(2018, 3, 5), date(2018, 3, 5)),
    ("1e6-1e12", "range", 1e6, 1e12),
    ("2025-04", "range", date(2025, 4, 1), date(2025, 4, 30)),
    ("2024-02", "range", date(2024, 2, 1), date(2024, 2, 29)),
])
def test_parse_stated(text, kind, low, high):
    s = claims.parse_stated(text)
    assert (s.kind, s.low, s.high) == (kind, low, high)


@pytest.mark.parametrize("text", ["", "record high (no number)", "B", "6 effective dates"])
def test_unparseable_stated_value_needs_an_explicit_statement(text):
    with pytest.raises(claims.ClaimError, match="stated="):
        claims.parse_stated(text)


def test_exact_match_is_reproduced():
    v = claims.check("REF-09", 45000, sources="refugee_ceilings_admissions", computation="FY2018 ceiling")
    assert v.verdict == "reproduced" and v.computed_value == "45000" and v.stated_value == "45000"


def test_mismatch_without_reason_is_an_error():
    with pytest.raises(claims.ClaimError, match="reason"):
        claims.check("REF-03", 85000)


def test_mismatch_with_reason_differs():
    v = claims.check("REF-03", 85000, reason="FY2016 ceiling was 85,000")
    assert v.verdict == "differs" and v.reason == "FY2016 ceiling was 85,000"


def test_tolerance_is_declared_not_assumed():
    with pytest.raises(claims.ClaimError):
        claims.check("REF-09", 45001)
    assert claims.check("REF-09", 45001, abs_tol=1).verdict == "reproduced"
    assert claims.check("REF-09", 45400, rel_tol=0.01).verdict == "reproduced"
    assert claims.check("REF-09", 45500, rel_tol=0.01, reason="off by 1.1%").verdict == "differs"


def test_bounds_and_ranges():
    assert claims.check("REF-04", 0.45).verdict == "reproduced"          # stated "<0.5"
    assert claims.check("REF-04", 0.59, reason="vs FY2016").verdict == "differs"
    assert claims.check("REF-09", 0.3, stated="<0.5").stated_value == "<0.5"
    assert claims.check("REF-09", 6, stated="4-8").verdict == "reproduced"
    assert claims.check("REF-09", 9, stated="4-8", reason="above").verdict == "differs"


def test_dates_compare_as_dates():
    assert claims.check("REF-10", date(2018, 9, 17), stated="2018-09-17").verdict == "reproduced"
    assert claims.check("REF-10", date(2018, 10, 4), stated="2018-09-17", abs_tol=30).verdict == "reproduced"
    with pytest.raises(claims.ClaimError, match="compare"):
        claims.check("REF-10", 30000, stated="2018-09-17")


def test_computed_range_against_stated_range():
    v = claims.check("REF-09", (17.4, 37.6), stated="17.4-37.6")
    assert v.verdict == "reproduced" and v.computed_value == "17.4-37.6"
    assert claims.check("REF-09", (17.0, 38.1), stated="17.4-37.6", abs_tol=0.5).verdict == "reproduced"
    assert claims.check("REF-09", (15, 38), stated="17.4-37.6", reason="wider").verdict == "differs"
    with pytest.raises(claims.ClaimError):
        claims.check("REF-09", (15, 38), stated="17.4-37.6")
    with pytest.raises(claims.ClaimError, match="stated range"):
        claims.check("REF-09", (1, 2), stated="5")


def test_simulated_agreement_is_labelled_as_such():
    assert claims.check("REF-09", 45000, simulated=True).verdict == "replicated_simulated"


@pytest.mark.parametrize("bad", [None, float("nan"), float("inf")])
def test_missing_computed_value_is_refused(bad):
    with pytest.raises(claims.ClaimError):
        claims.check("REF-09", bad)


def test_unknown_claim_is_refused():
    with pytest.raises(claims.ClaimError, match="not in"):
        claims.check("REF-99", 1)


def test_not_checkable_needs_a_reason():
    with pytest.raises(claims.ClaimError):
        claims.not_checkable("REF-17", "  ")
    assert claims.not_checkable("REF-17", "memo not public").verdict == "not_checkable"


def test_vocabulary_carries_its_computation():
    r = claims.ratio(50_000, 110_000, "cap", "determination")
    assert round(r, 4) == 0.4545 and r.how == "cap / determination = 50000 / 110000"
    v = claims.check("REF-04", r)
    assert v.computation == r.how
    assert claims.share(25, 200) == 12.5
    assert claims.total({"a": 60, "b": 40}) == 100 and "60 (a)" in claims.total({"a": 60, "b": 40}).how
    assert claims.difference(5, 3) == 2
    assert claims.change_pct(200, 100) == 100
    assert claims.convert(10, 7.2, "USD", "CNY") == pytest.approx(72)
    assert claims.span("2023-01-01", "2024-07-01", "months") == 18
    assert claims.span("2017-01-27", "2017-05-27", "days") == 120


def test_ledger_refuses_a_second_verdict_and_writes_atomically(output_dir):
    ledger = claims.Ledger("01_refugee_ceilings")
    ledger.check("REF-09", 45000)
    with pytest.raises(claims.ClaimError, match="already"):
        ledger.check("REF-09", 45000)
    ledger.not_checkable("REF-17", "not public")
    written = ledger.write()
    assert list(written["claim_id"]) == ["REF-09", "REF-17"]
    assert (paths.VERDICTS / "01_refugee_ceilings.csv").is_file()
    assert not list(paths.VERDICTS.glob(".*"))  # no temporary file left behind


def test_report_marks_unjudged_claims_unchecked(output_dir):
    ledger = claims.Ledger("01_refugee_ceilings")
    ledger.check("REF-09", 45000)
    ledger.write()
    rep = claims.write_report()
    assert len(rep) == 338
    assert rep.set_index("claim_id").at["REF-09", "verdict"] == "reproduced"
    assert (rep["verdict"] == "unchecked").sum() == 337
    board = claims.scoreboard(rep)
    assert board["overall"].loc["reproduced", "claims"] == 1
    assert board["topic"].loc["refugees", "total"] == 24


def test_report_refuses_two_notebooks_judging_one_claim(output_dir, monkeypatch):
    monkeypatch.setattr(paths, "NOTEBOOKS", output_dir / "notebooks")
    paths.NOTEBOOKS.mkdir()
    for nb in ("01_first", "02_second"):
        (paths.NOTEBOOKS / f"{nb}.py").write_text("# a notebook\n")
        ledger = claims.Ledger(nb)
        ledger.check("REF-09", 45000)
        ledger.write()
    with pytest.raises(claims.ClaimError, match="more than one notebook"):
        claims.report()


def test_report_ignores_verdicts_of_notebooks_that_no_longer_exist(output_dir):
    ledger = claims.Ledger("99_removed_notebook")
    ledger.check("REF-09", 45000)
    ledger.write()
    assert (claims.report()["verdict"] == "unchecked").all()


def test_register_is_validated_by_the_loader(data_copy):
    path = data_copy / "claims.csv"
    text = path.read_text(encoding="utf-8").replace("REF-09,", "REF-9,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(data.DataError, match="claim_id"):
        claims.register()


# ------------------------------------------------------------------------------- the verdict standard
def _claim_basis(claim_id):
    row = claims.register().set_index("claim_id").loc[claim_id]
    return str(row["period"]), str(row["scope"])


def test_matching_basis_keeps_reproduced_and_records_both_sides(data_copy):
    reg = pd.read_csv(data_copy / "claims.csv", dtype=str, keep_default_na=False)
    reg.loc[reg["claim_id"] == "REF-09", ["period", "scope"]] = ["FY2018", "US refugee admissions ceiling"]
    reg.to_csv(data_copy / "claims.csv", index=False)
    data.rehash(["claims"])
    v = claims.check("REF-09", 45000, sources="refugee_ceilings_admissions",
                     evidence_period="fy2018", evidence_scope="US refugee  admissions ceiling")
    assert v.verdict == "reproduced" and v.evidence_period == "fy2018" and v.basis_note == ""


def test_a_different_period_makes_matching_numbers_differ():
    with pytest.raises(claims.ClaimError, match="basis"):
        claims.check("REF-09", 45000, evidence_period="FY2031", evidence_scope="anything")
    v = claims.check("REF-09", 45000, evidence_period="FY2031", evidence_scope="anything",
                     if_differs="the evidence is for another year")
    assert v.verdict == "differs" and "period differs" in v.basis_note and "another year" in v.reason


def test_an_immaterial_difference_is_said_and_keeps_the_verdict():
    v = claims.check("REF-09", 45000, evidence_period="FY2031", evidence_scope="anything",
                     immaterial={"period": "the cap is the same in both years",
                                 "scope": "test: same quantity"})
    assert v.verdict == "reproduced" and "immaterial: the cap is the same" in v.basis_note
    with pytest.raises(claims.ClaimError, match="drop immaterial"):
        period, _ = _claim_basis("REF-09")
        claims.check("REF-09", 45000, evidence_period=period, immaterial={"period": "no need"})
    with pytest.raises(claims.ClaimError, match="immaterial= takes"):
        claims.check("REF-09", 45000, immaterial={"unit": "x"})


def test_if_differs_is_recorded_only_when_it_differs():
    assert claims.check("REF-09", 45000, if_differs="would explain").reason == ""
    assert claims.check("REF-09", 1, if_differs="would explain").reason == "would explain"


def test_attributed_when_the_source_says_it_but_its_data_are_not_public():
    v = claims.check("REF-09", 45000, attributed="the firm's survey is sold, not published")
    assert v.verdict == "attributed" and "not public" in v.reason
    assert claims.check("REF-09", 1, attributed="x", reason="misquoted").verdict == "differs"
    with pytest.raises(claims.ClaimError, match="either simulated or attributed"):
        claims.check("REF-09", 45000, attributed="x", simulated=True)


def test_not_checkable_categories():
    with pytest.raises(claims.ClaimError, match="category"):
        claims.not_checkable("REF-17", "why", category="not in our data")
    with pytest.raises(claims.ClaimError, match="searched"):
        claims.not_checkable("REF-17", "why", category="no_public_record")
    v = claims.not_checkable("REF-17", "why", category="no_public_record", searched="Federal Register 2017")
    assert (v.category, v.searched) == ("no_public_record", "Federal Register 2017")


def test_combine_holds_only_as_far_as_the_weakest_part():
    ok = claims.check("REF-09", 45000)
    bad = claims.check("REF-09", 1, reason="funding rose")
    nc = claims.not_checkable("REF-09", "no record", category="opinion")
    assert claims.combine("REF-09", [ok, bad]).verdict == "differs"
    both = claims.combine("REF-09", [ok, nc])
    assert both.verdict == "not_checkable" and both.category == "opinion" and "(1) reproduced" in both.reason
    with pytest.raises(claims.ClaimError):
        claims.combine("REF-09", [ok])


def _report_with(output_dir, *verdicts):
    ledger = claims.Ledger("01_refugee_ceilings")
    for v in verdicts:
        ledger.record(v)
    ledger.write()
    rep = claims.report()
    return rep[rep["claim_id"].isin([v.claim_id for v in verdicts])]


def test_audit_refuses_a_reproduced_without_source_or_basis(output_dir):
    problems = claims.audit(_report_with(output_dir, claims.check("REF-09", 45000)))
    assert any("rests on no data resource" in p for p in problems)
    assert any("does not say the period" in p for p in problems)


def test_audit_refuses_a_not_checkable_without_category(output_dir):
    problems = claims.audit(_report_with(output_dir, claims.not_checkable("REF-17", "not public")))
    assert any("without a category" in p for p in problems)


def test_audit_finds_a_data_row_citing_the_documents(data_copy, output_dir):
    path = data_copy / "refugee_cross_check.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "source_a"] = "document 000_6e4e2e3bb25f570e.txt"
    frame.to_csv(path, index=False)
    data.rehash(["refugee_cross_check"])
    assert claims.self_citations("refugee_cross_check")

