# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Every claim and its verdict
#
# **Start here.** Five policy documents — Chinese translations and compilations of pieces by PIIE, VoxDev,
# VoxEU/CEPR, Bruegel, CSIS and MERICS, and two Chinese journal articles — make the quantitative claims this
# collection checks. Each claim is registered once (`data/claims.csv`: where it is said, what it states) and
# judged by exactly one notebook, which compares it with public data under a declared tolerance and records a
# verdict under one standard (the project's `docs/verdict_standard.md`): the evidence must cover the same quantity,
# period, scope and attribution as the claim, or the verdict says how it differs.
#
# * **reproduced** — public data or a primary text give the stated number, on the claim's own basis;
# * **differs** — they do not — another number, or the same number for another year, scope or source — and the
#   reason is given;
# * **attributed** — the named source does say it, but its own data are not public (a market-research firm's survey,
#   a company's internal figures): neither confirmed nor refuted;
# * **replicated_simulated** — the study's design recovers the stated magnitude on *simulated* data, because its
#   microdata are confidential (the Mexican customs records; the Bundesbank survey panels); this says the design
#   works, not that the real-data estimate is right;
# * **not_checkable** — no public evidence can settle it; the verdict names the category (a forecast, an opinion, a
#   counterfactual, confidential or proprietary data, or no public record after a named search).
#
# This page gathers the verdicts the other notebooks wrote (`build/verdicts/`) into the scoreboard, lists every
# claim that differs, and gives a table of all claims to search. It runs after the others.

# %% tags=["parameters"]
fast = False  # nothing here depends on it; every notebook takes the same parameters

# %%
import html

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display

from analysis.core import claims, figures, paths

figures.use_style()
report = claims.write_report()
board = claims.scoreboard(report)
print(f"{len(report)} claims; written to {paths.CLAIMS_REPORT.relative_to(paths.CLAIMS_REPORT.parents[1])}")
board["overall"]

# %% [markdown]
# ## What stands behind the verdicts
#
# Per topic, how many claims were checked against public data, how many are only attributed to their source, how
# many were replicated on simulated data and how many no public evidence can settle. A replication on simulated
# data is not evidence about the real number.

# %%
board["evidence"]

# %% [markdown]
# The claims left *not checkable*, by category:

# %%
report.loc[report["verdict"] == "not_checkable"].groupby("category")["claim_id"].agg(
    claims=len, ids=", ".join).rename(index=claims.NOT_CHECKABLE_CATEGORIES)

# %% [markdown]
# ## The scoreboard by topic and by document

# %%
board["topic"]

# %%
first_article = report.drop_duplicates("document").set_index("document")["article"].str.slice(0, 90)
board["document"].join(first_article.rename("first article cited"))

# %%
order = list(claims.VERDICTS) + [claims.UNCHECKED]
# a pale grey for not checkable: the palette's mid grey merges with green and purple for a deuteranope
colours = {"reproduced": figures.PALETTE["green"], "differs": figures.PALETTE["red"],
           "attributed": figures.PALETTE["purple"], "replicated_simulated": figures.PALETTE["sky"], "not_checkable": "#CCCCCC",
           "unchecked": figures.PALETTE["yellow"]}
by_topic = board["topic"][order].sort_values("reproduced")
fig, ax = plt.subplots(figsize=(figures.REPORT_WIDTH_IN, 4))
left = pd.Series(0, index=by_topic.index)
for verdict in order:
    ax.barh(by_topic.index, by_topic[verdict], left=left, color=colours[verdict], label=verdict.replace("_", " "))
    left += by_topic[verdict]
ax.set_xlabel("claims")
ax.set_title("Verdicts on the documents' quantitative claims, by topic", pad=36)
ax.legend(ncol=3, loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=8)  # above the bars, not over them
ax.grid(axis="y", visible=False)
figures.save(fig, "00_claims_scoreboard",
             caption="Number of quantitative claims in the five documents by topic and verdict. 'attributed' "
                     "claims are stated by their named source, whose own data are not public. 'replicated "
                     "simulated' claims were checked by rebuilding the study's design on simulated data calibrated "
                     "to the published magnitudes (the real microdata are confidential).",
             source="Claims register data/claims.csv; verdicts recorded by notebooks 01-07 (build/claims_report.csv).")

# %% [markdown]
# ## Every claim that differs from the public record
#
# Stated value, the value rebuilt from public data, and why they differ.

# %%
differs = report.loc[report["verdict"] == "differs",
                     ["claim_id", "claim", "stated_value", "computed_value", "reason", "notebook"]]
with pd.option_context("display.max_colwidth", 400):
    display(differs.style.hide(axis="index").set_properties(subset=["reason", "claim"],
                                                             **{"text-align": "left", "white-space": "normal"}))

# %% [markdown]
# ## All claims
#
# Each row links to the notebook that judges the claim. To search, call `claims_table("words")` in a new cell (it
# matches ids, claim text, verdicts, reasons and notebooks); in the rendered collection, the *claims table* page
# filters as you type.

# %%
def claims_table(query: str = "") -> pd.DataFrame:
    """The report rows whose id, claim, verdict, reason or notebook contain `query` (case-insensitive)."""
    cols = ["claim_id", "topic", "claim", "stated_value", "computed_value", "verdict", "reason", "notebook",
            "document", "line"]
    table = report[cols]
    if query.strip():
        text = table[["claim_id", "claim", "verdict", "reason", "notebook", "topic"]].agg(" ".join, axis=1)
        table = table[text.str.contains(query.strip(), case=False, regex=False)]
    return table


def as_html(table: pd.DataFrame) -> HTML:
    """The table as HTML, each notebook name linking to its page in the rendered collection."""
    safe = table.astype(str).map(html.escape)
    safe["notebook"] = [f'<a href="{nb}.html">{nb}</a>' if nb else "" for nb in safe["notebook"]]
    return HTML(safe.to_html(index=False, escape=False))


# %%
as_html(claims_table())
