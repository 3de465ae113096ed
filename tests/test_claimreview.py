"""The ledger as schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import json

import pytest

from analysis.build import claimreview
from analysis.core import claims
from analysis.build.cli import main


def _report_row(**changes):
    row = claims.report().iloc[0].to_dict()
    row.update(verdict="reproduced", reason="matches", **changes)
    return row


def test_article_parts_reads_author_title_and_day():
    parts = claimreview.article_parts("Megan Hogan, PIIE, 24 Jun 2024, 'Trump vs. Biden' (Chinese compilation)")
    assert parts == {"author": "Megan Hogan", "title": "Trump vs. Biden", "published": "2024-06-24"}
    assert claimreview.article_parts("Someone, Journal, 2023 no. 5")["published"] == ""


def _judge_two():
    ledger = claims.Ledger("01_refugee_ceilings")
    ledger.check("REF-09", 45000, sources="refugee_ceilings_admissions")
    ledger.not_checkable("REF-17", "not public", category="opinion")
    ledger.write()


def test_every_judged_claim_becomes_a_valid_review(output_dir):
    _judge_two()
    items = claimreview.reviews(claims.report())
    assert [i["identifier"] for i in items] == ["REF-09", "REF-17"]
    assert items[0]["reviewRating"]["ratingValue"] == 5 and "ratingValue" not in items[1]["reviewRating"]
    for item in items:
        assert item["itemReviewed"]["@type"] == "Claim" and item["reviewRating"]["alternateName"]
    json.dumps(items)  # serialisable as it is


@pytest.mark.parametrize("breakage, message", [
    (lambda r: r.update({"@type": "Review"}), "ClaimReview"),
    (lambda r: r.update({"claimReviewed": " "}), "claimReviewed"),
    (lambda r: r["itemReviewed"]["author"].update({"name": ""}), "author.name"),
    (lambda r: r["reviewRating"].update({"alternateName": "true-ish"}), "not a verdict"),
    (lambda r: r["reviewRating"].update({"ratingValue": 9}), "out of range"),
])
def test_validate_refuses_what_consumers_cannot_read(breakage, message):
    item = claimreview.review(_report_row())
    claimreview.validate(item)
    breakage(item)
    with pytest.raises(claimreview.ClaimReviewError, match=message):
        claimreview.validate(item)


def test_cli_writes_claimreview(tmp_path, output_dir, capsys):
    _judge_two()
    out = tmp_path / "reviews.json"
    assert main(["claims", "--format", "claimreview", "--out", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2
