"""The ledger in the fact-checking ecosystem's format: every verdict as a schema.org ``ClaimReview``.

Fact-checking tools (search engines' fact-check markup, the Duke Reporters' Lab database, ClaimBuster) read
``ClaimReview`` JSON-LD: the claim reviewed, who made it and where (``itemReviewed``, a ``Claim``), and the verdict
(``reviewRating.alternateName``). One review per claim, built from the claims report; :func:`validate` checks the
structure that those tools require, so a malformed review never leaves the project.

Reference: https://schema.org/ClaimReview and the fact-check markup guidelines built on it.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from analysis.core import claims

COLLECTION = {"@type": "Organization", "name": "Policy claims, rebuilt from public data"}
# The rating scale: how far public evidence supports the stated number (5 best). A simulated replication and an
# attribution are not support for the number itself; not_checkable has no rating value, only its name.
RATING = {"reproduced": 5, "attributed": 3, "replicated_simulated": 3, "differs": 1}
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


class ClaimReviewError(ValueError):
    """A review lacks what the ClaimReview format requires."""


def article_parts(article: str) -> dict:
    """Author, title and (when given to the day) date of publication from the register's ``article`` text,
    e.g. ``Megan Hogan, PIIE, 24 Jun 2024, 'Title' (Chinese compilation by ...)``."""
    text = str(article)
    author = re.split(r",| \(", text, maxsplit=1)[0].strip()
    title = m[1] if (m := re.search(r"'([^']+)'", text)) else ""
    published = ""
    if m := re.search(r"\b(\d{1,2}) ([A-Z][a-z]{2})[a-z]* (\d{4})\b", text):
        month = _MONTHS.get(m[2].lower())
        if month:
            published = date(int(m[3]), month, int(m[1])).isoformat()
    return {"author": author, "title": title, "published": published}


def review(row: pd.Series | dict, url: str = "") -> dict:
    """One claim's ``ClaimReview`` (a dict ready for ``json.dumps``)."""
    row = dict(row)
    verdict = row["verdict"]
    article = article_parts(row["article"])
    appearance = {"@type": "CreativeWork", "name": article["title"] or row["article"],
                  "description": f"{row['article']}; Chinese text: document {row['document']}, line {row['line']}"}
    if article["published"]:
        appearance["datePublished"] = article["published"]
    claim = {
        "@type": "Claim",
        "author": {"@type": "Organization" if re.search(r"compiler|editor|note", article["author"], re.I)
                   else "Person", "name": article["author"]},
        "appearance": appearance,
        "text": row.get("quote", ""),
    }
    if article["published"]:
        claim["datePublished"] = article["published"]
    rating = {"@type": "Rating", "alternateName": verdict,
              "ratingExplanation": " ".join(filter(None, [row.get("reason", ""), row.get("basis_note", "")]))}
    if verdict in RATING:
        rating.update(ratingValue=RATING[verdict], bestRating=5, worstRating=1)
    out = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": row["claim_id"],
        "claimReviewed": row["claim"],
        "itemReviewed": claim,
        "reviewRating": rating,
        "author": COLLECTION,
    }
    if url:
        out["url"] = url
    return out


def reviews(rep: pd.DataFrame | None = None, base_url: str = "") -> list[dict]:
    """A review of every claim that has a verdict, in claim order; `base_url` (e.g. the site's claims page) gives
    each an anchor. A claim no notebook has judged yet has no review."""
    rep = claims.report() if rep is None else rep
    judged = rep[rep["verdict"] != claims.UNCHECKED]
    out = [review(r, f"{base_url}#{r['claim_id']}" if base_url else "") for _, r in judged.iterrows()]
    for item in out:
        validate(item)
    return out


def validate(item: dict) -> None:
    """Raise ClaimReviewError unless `item` has what ClaimReview consumers require."""
    cid = item.get("identifier", "?")

    def need(cond: bool, what: str) -> None:
        if not cond:
            raise ClaimReviewError(f"ClaimReview for {cid}: {what}")

    need(item.get("@context") == "https://schema.org", "@context must be https://schema.org")
    need(item.get("@type") == "ClaimReview", "@type must be ClaimReview")
    need(isinstance(item.get("claimReviewed"), str) and item["claimReviewed"].strip(), "claimReviewed is empty")
    claim = item.get("itemReviewed") or {}
    need(claim.get("@type") == "Claim", "itemReviewed must be a Claim")
    need((claim.get("author") or {}).get("name", "").strip() != "", "itemReviewed.author.name is empty")
    need((claim.get("appearance") or {}).get("@type") == "CreativeWork", "itemReviewed.appearance is missing")
    if "datePublished" in claim:
        date.fromisoformat(claim["datePublished"])  # ISO 8601 or ValueError
    rating = item.get("reviewRating") or {}
    need(rating.get("@type") == "Rating", "reviewRating must be a Rating")
    need(rating.get("alternateName") in claims.VERDICTS, f"reviewRating.alternateName {rating.get('alternateName')!r}"
         " is not a verdict")
    if "ratingValue" in rating:
        need(rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"], "ratingValue out of range")
    need((item.get("author") or {}).get("name", "").strip() != "", "author.name is empty")
