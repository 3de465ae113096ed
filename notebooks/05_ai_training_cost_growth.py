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
# # How fast does the cost of training AI models grow, and how sure can we be?
#
# **The question.** Bertin Martens's Bruegel policy brief *Why artificial intelligence is creating fundamental
# challenges for competition policy* (July 2024; Chinese compilation in document `000`, lines 3040–3560)
# argues that training costs are a fixed cost and the main barrier to entry in AI. It reproduces the Stanford AI
# Index 2024 chart of the estimated training cost of selected models on a log scale, reads it as a straight line
# with no sign of diminishing returns, and says that extending the line a few years implies AI processing farms
# worth a trillion dollars. It also cites Meta's 350,000 H100 chips at about \$30,000 each, the number of
# "notable" models, the share of open foundation models and the size of OpenAI's GPT store.
#
# This notebook rebuilds the trend from Epoch AI's public data, measures its growth rate with confidence
# intervals, shows how much the answer depends on *which* models are fitted, and extrapolates with prediction
# intervals rather than a bare line. It gives a verdict on every claim with an `AI-` id (**AI-01 … AI-34**;
# AI-25 comes from document `001`, AI-26 from `002`, AI-27 and AI-28 from Wei Hongbo's essay in document `003`).
#
# **Data credit.** Epoch AI, 'Data on AI Models'. Published online at epoch.ai. Retrieved from
# https://epoch.ai/data/ai-models (CC BY 4.0); Cottier, Rahman, Fattorini, Maslej, Besiroglu & Owen (2024),
# *The rising costs of training frontier AI models*, arXiv:2405.21015.

# %% tags=["parameters"]
fast = False  # True: fewer bootstrap draws (same code)
seed = 20240718  # seed of every bootstrap (local numpy Generator)
n_boot = 0  # bootstrap draws; 0 = default: 10,000 (500 when fast)
frontier_n = 10  # Epoch's frontier rule: running top-n by training compute at publication
frontier_start, frontier_end = "2015-09-01", "2023-12-31"  # window reproducing Epoch's list for Cottier et al.
pi_level = 0.90  # in [0.5, 0.999]: level of the prediction intervals (a fraction: 0.9 = 90%)
horizon = 2040.0  # end of the extrapolation charts

# %%
import math
from datetime import date
from functools import partial

import numpy as np
import pandas as pd

from analysis.core import claims, data, figures, io, paths
from analysis.estimators import growth
from analysis.studies import ai

md, fmt = ai.show_markdown, ai.ci_text  # computed prose; an interval as text
figures.use_style()
ledger = claims.Ledger("05_ai_training_cost_growth")
n_boot = n_boot or (500 if fast else 10_000)
PL = f"{round(100 * pi_level)}%"  # label of the prediction-interval level
# Published reference values and the brief's own figures, read from the public record and the claims register:
rec = data.load("ai_public_record").set_index("fact_id")
COTTIER = ai.published_estimate(rec)  # Cottier et al. (2024), arXiv:2405.21015: growth per year, 95% CI, models
COTTIER_1BN_BY = int(rec.at["cottier2024_largest_run_1bn_year", "value"])  # their year of the first $1bn run
META_GPUS, BRIEF_PRICE = ai.stated_number("AI-13"), ai.stated_number("AI-14")  # the brief's 350,000 x $30,000

# %% [markdown]
# ## The data
#
# Three tables, all from Epoch AI (each column's origin is in `data/datapackage.json`):
#
# * `ai_training_costs` — training cost in 2023 US dollars under two methods. **Cloud rental** (`cloud_aiindex2024`):
#   the estimate Epoch made for the AI Index 2024, cloud price per chip-hour × chip-hours; the ten models of the
#   AI Index chart reproduced by the brief are flagged. **Amortized hardware + energy** (`amortized_cottier2024`):
#   Cottier et al.'s cost of the final training run for their frontier sample; the same method for the notable
#   models costed in Epoch's public download of July 2024 (`amortized_epoch_notable_2024_07`). Counts below.
# * `ai_models` — Epoch's database as of 3 June 2024 (the snapshot Cottier et al. used): publication date,
#   training compute, dataset size, chips used, access type, notability and Epoch's foundation-model flag.
# * `ai_hardware_prices` — Epoch's accelerator purchase and cloud rental prices.

# %%
costs, models, prices = ai.load_tables()
costs.groupby("cost_method").agg(models=("model", "size"), first=("publication_date", "min"),
                                 last=("publication_date", "max"), median_cost_usd=("training_cost_usd", "median"))

# %% [markdown]
# **A check before trusting the numbers.** Cottier et al.'s amortized costs and the amortized costs of Epoch's
# public July-2024 download come from two different places; where both give a model they should agree.

# %%
gap = ai.amortized_gap(costs)
print(f"{len(gap)} models in both; largest relative gap {gap.max():.1e} (values rounded to cents)")
assert gap.max() < 1e-3

# %% [markdown]
# The AI Index file predates some renamings in Epoch's database. Four names differ; the publication dates
# confirm they are the same models (`ai.ALIASES`; `ai.cloud_costs` checks them).

# %%
cloud = ai.cloud_costs(costs, models)
cloud[cloud["aiindex2024_chart"]][["model", "publication_date", "training_cost_usd"]]

# %% [markdown]
# ## Method
#
# For each set of models we fit, by ordinary least squares,
#
# $$\log_{10}(\text{cost}_i) = a + b\,t_i + \varepsilon_i ,$$
#
# with $t_i$ the publication date as a decimal year (Epoch's convention: year + (month−1)/12 + (day−1)/365).
# The slope $b$ is the growth in **orders of magnitude (OOMs) per year**; $10^b$ the **growth factor per year**;
# $\log_{10}2 / b$ the **doubling time**. Uncertainty about $b$ is measured twice: with heteroskedasticity-robust
# (HC3) standard errors and a $t_{n-2}$ critical value, and with a bootstrap that resamples *models* (so it also
# shows how much a few influential models drive the slope). The interval endpoints map directly to factors and
# doubling times. For extrapolation we use the **prediction interval** of a new model's log cost — the line's
# uncertainty plus the scatter of models around it — and invert it into a range of years.
#
# The slope by hand is $b = \sum (t_i-\bar t)(y_i-\bar y) / \sum (t_i-\bar t)^2$; it equals the package's fit
# (`growth.fit_growth`, whose HC3 errors the tests hold to statsmodels):

# %%
cottier = ai.by_method(costs, "amortized_cottier2024")
t, y = cottier["year"].to_numpy(), np.log10(cottier["training_cost_usd"].to_numpy())
b_hand = ((t - t.mean()) * (y - y.mean())).sum() / ((t - t.mean()) ** 2).sum()
fit_c = growth.fit_growth(t, 10**y, label="check", n_boot=10, seed=seed)
print(f"by hand: {b_hand:.6f} OOM/yr; growth.fit_growth: {fit_c.slope:.6f} OOM/yr -> {10 ** b_hand:.3f}x per year")

# %% [markdown]
# ## Which models are "the frontier"?
#
# Epoch calls a model *frontier* if, when it was published, fewer than ten models had used more training
# compute (running top-10). `ai.frontier_top_n` implements the rule on the notable models of the June-2024
# database; with the window set in the parameters cell it reproduces the list Epoch used for Cottier et al. (all
# names but one; `tests/test_growth.py` checks this). Every model of Cottier et al.'s costed sample is among them.

# %%
frontier = ai.frontier_top_n(models[models["notable"]], n=frontier_n, start=frontier_start, end=frontier_end)
in_cottier = cottier["model"].isin(frontier.index)
print(f"frontier models selected: {len(frontier)}; Cottier et al.'s {len(cottier)} models among them: "
      f"{in_cottier.sum()}")

# %% [markdown]
# ## The fits, side by side
#
# * **(a) The brief's chart** — the ten models of the AI Index chart, cloud-rental cost.
# * **(b) All AI Index models** with a cloud-rental cost.
# * **(c) The frontier**: Cottier et al.'s sample, amortized cost (compared with their published estimate below);
#   the same rule applied here to Epoch's July-2024 amortized costs; and the frontier models that have an AI
#   Index cloud-rental cost.
# * **(d) Training compute** (FLOP) of the frontier models and of all notable models since 2010.
#
# (`ai.model_sets` selects them, `ai.fit_sets` fits each with `growth.fit_growth`.)

# %%
sets = ai.model_sets(costs, cloud, models, frontier, end=frontier_end)
fits = ai.fit_sets(sets, n_boot=n_boot, seed=seed)
colors = ai.fit_colors(fits)  # one colour per fit in every figure
table = ai.fit_table(fits)
shown = ai.summary_table(table)
shown.round(2)

# %%
fig = ai.growth_table_figure(ai.comparison_table(table, rec))
figures.save(fig, "05_ai_growth_table",
             caption="Growth factor per year, its 95% (HC3-robust and bootstrap-over-models) and 90% (HC3) "
                     "confidence intervals and the doubling time for each choice of models and cost method; "
                     "last row: Cottier et al. (2024) as published (point estimate and 95% CI).",
             source="Epoch AI, 'Data on AI Models' (CC BY 4.0), AI Index 2024 cost estimates and Cottier et al. "
                    "(2024) amortized costs; data/ai_training_costs.csv, data/ai_models.csv; own estimates.")

# %%
fc = fits["c_frontier_amortized_cottier"]
lo, hi = fc.factor_ci(0.95, "robust")
blo, bhi = fc.factor_ci(0.95, "bootstrap")
md((
    f"**Frontier, amortized method — this notebook vs Cottier et al.:** {fc.factor_per_year:.2f}× per year "
    f"(95% CI {lo:.2f}–{hi:.2f} HC3, {blo:.2f}–{bhi:.2f} bootstrap over models, {n_boot:,} draws), {fc.n} models, "
    f"doubling every {12 * fc.doubling_time_years:.1f} months. Published: {COTTIER['estimate']}× per year (95% CI "
    f"{COTTIER['low']}–{COTTIER['high']}), {COTTIER['n']} models. The point estimate "
    f"{'agrees' if round(fc.factor_per_year, 1) == COTTIER['estimate'] else 'does not agree'} to the published "
    f"rounding; our HC3 interval is {hi - lo:.2f} wide and the bootstrap one {bhi - blo:.2f}, against "
    f"{COTTIER['high'] - COTTIER['low']:.2f} published."))

# %%
fig = ai.forest_plot(list(fits.values()), level=0.95, reference=COTTIER, colors=list(colors.values()))
figures.save(fig, "05_ai_growth_forest",
             caption="Growth factor per year of AI training cost (a–c) and training compute (d) under each choice "
                     "of models and cost method, with 95% confidence intervals from HC3-robust standard errors "
                     "(solid) and from a bootstrap over models (dashed); black: Cottier et al. (2024) as published.",
             source="Epoch AI, 'Data on AI Models' (CC BY 4.0), AI Index 2024 cost estimates and Cottier et al. "
                    "(2024) amortized costs; data/ai_training_costs.csv, data/ai_models.csv.")

# %% [markdown]
# ### How much does the answer depend on the models fitted?

# %%
steep, flat = fits["a_chart10_cloud"], fits["c_frontier_amortized_cottier"]
common = ai.cloud_and_amortized(cloud, costs)  # the models costed both ways
ratio_fit = growth.fit_growth(common["year_cloud"], common["cloud_over_amortized"], label="cloud/amortized",
                              n_boot=n_boot, seed=seed)
first_chart = cloud[cloud["aiindex2024_chart"]].sort_values("year").iloc[0]
frontier_first = fits["c_frontier_cloud"]
cost_range = [fits[k].factor_per_year for k in ai.COST_KEYS]
md((
    f"Across the five cost fits the growth factor runs from **{min(cost_range):.1f}× to {max(cost_range):.1f}× per "
    f"year**. The brief's chart is the steepest ({steep.factor_per_year:.1f}×/yr, 95% CI "
    f"{fmt(steep.factor_ci(0.95))}) for two reasons. *Selection:* its first model, the {first_chart['model']} of "
    f"{first_chart['publication_date']:%Y}, cost about ${first_chart['training_cost_usd']:,.0f} — a research model far "
    f"below the frontier of its day — while its last, Gemini Ultra, is the most expensive model in the data; a "
    f"line through a cheap start and a record end is steep. Restricted to frontier models, the same cloud prices "
    f"give {frontier_first.factor_per_year:.1f}×/yr. *Method:* for the {len(common)} models costed both ways, "
    f"cloud rental exceeds amortized ownership by a median factor of {common['cloud_over_amortized'].median():.1f}, "
    f"and the gap widens by {ratio_fit.factor_per_year:.2f}× per year (95% CI {fmt(ratio_fit.factor_ci(0.95))}), "
    f"so cloud-priced trends are steeper. With ten points, the chart's own 95% interval "
    f"({fmt(steep.factor_ci(0.95))}) is so wide that it overlaps the frontier estimate "
    f"({fmt(flat.factor_ci(0.95))}): the picture is steeper, but the data cannot tell the two rates apart with "
    f"confidence. Compute of frontier models grows at {fits['d_frontier_compute'].factor_per_year:.1f}×/yr — faster "
    f"than their cost, because hardware price-performance improves."))

# %% [markdown]
# ## The log-scale cost chart

# %%
fig = ai.cost_trend_figure(fits, sets, colors, level=0.90)
figures.save(fig, "05_ai_cost_trends",
             caption="Estimated training cost of AI models (2023 USD, log scale) with each fitted log-linear trend "
                     f"and its 90% confidence band: the {steep.n} models of the AI Index 2024 chart the brief "
                     f"reproduces (cloud rental), all {fits['b_aiindex_cloud'].n} AI Index models with a cost (cloud "
                     f"rental), and Cottier et al.'s {flat.n} frontier models (amortized hardware and energy).",
             source="Epoch AI, 'Data on AI Models' (CC BY 4.0): AI Index 2024 cost estimates; Cottier et al. "
                    "(2024), arXiv:2405.21015; data/ai_training_costs.csv.")

# %% [markdown]
# ### Still a straight line? A test for bending
#
# "No sign of diminishing returns" can be tested: add a squared term in time. A significantly negative
# coefficient would mean the growth is slowing.

# %%
bend = {key: growth.curvature_test(sets[key].years, sets[key].values) for key in ai.BEND_KEYS}
pd.DataFrame(bend).T.round(3)

# %% [markdown]
# ## Extrapolations with honest uncertainty
#
# When does the trend reach \$1bn, \$10bn, \$100bn and \$1tn (2023 dollars)? Two readings for each fit:
#
# * **trend** — the fitted line (a typical model of the set) with the prediction interval (level `pi_level`)
#   inverted into years
#   (earliest: a model as far above trend as the data allow; latest: as far below);
# * **largest run** — the line shifted up to pass through the costliest model so far (its lead over the trend
#   persists), with the confidence band of the line at the same level (slope uncertainty only).

# %%
proj = ai.project(fits, sets, ai.COST_KEYS, pi_level)  # ai.TARGETS: $1bn, $10bn, $100bn, $1tn
when, band, yfmt = proj.year, proj.band, ai.year_range
proj.shown()

# %%
md((
    f"**$1tn.** Extending the brief's ten-model line, the largest training run would cost $1tn around "
    f"{when('a_chart10_cloud', '1tn'):.0f} ({PL} band {yfmt(band('a_chart10_cloud', '1tn'))}) — a few years after "
    f"the brief, as it says. On Epoch's frontier estimate (amortized cost, {flat.factor_per_year:.1f}×/yr) the "
    f"largest run reaches $1tn only around {when('c_frontier_amortized_cottier', '1tn'):.0f} "
    f"({PL} band {yfmt(band('c_frontier_amortized_cottier', '1tn'))}), and a typical frontier model around "
    f"{when('c_frontier_amortized_cottier', '1tn', 'trend_year'):.0f}. Note also that the brief speaks of "
    f"trillion-dollar *processing farms* (hardware bought), while these are costs of one training run.\n\n"
    f"**$1bn.** Cottier et al. expect the largest runs to pass $1bn by {COTTIER_1BN_BY}; the frontier line through "
    f"the costliest model gives {when('c_frontier_amortized_cottier', '1bn'):.1f} ({PL} band "
    f"{yfmt(band('c_frontier_amortized_cottier', '1bn'))}), consistent with their statement."))

# %%
fig = ai.fan_chart(ai.fan_panels(fits, sets, ai.FAN_KEYS, colors, proj.offsets), start=2024.0, end=horizon,
                   levels=(0.5, 0.8, 0.95))
figures.save(fig, "05_ai_extrapolation_fan",
             caption="Extrapolated training cost (2023 USD, log scale) under four fits: the trend line with 50%, 80% "
                     "and 95% prediction intervals for a new model, and (dashed) the line through the costliest "
                     "model so far; dotted lines mark $1bn, $10bn, $100bn and $1tn.",
             source="Epoch AI, 'Data on AI Models' (CC BY 4.0): AI Index 2024 cost estimates; Cottier et al. "
                    "(2024), arXiv:2405.21015; data/ai_training_costs.csv; own extrapolation.")

# %% [markdown]
# ### Explore: choose the fits, the cost method and the horizon
#
# In JupyterLab, the controls below redraw the extrapolation fan and show the fit summary and the projected
# years for the model sets you pick (the five cost fits above; the compute fits are in FLOP, not dollars), keep
# only the fits priced by one cost method if you choose one (cloud rental, or amortized hardware and energy), and
# extend the chart to the end year you set. They show the fits estimated above (`growth.fit_growth`) and draw
# them with the same helper (`ai.fan_chart`); nothing is re-estimated. The rendered site shows the default
# view (the fan chart above).

# %% tags=["remove-output"]
from analysis.build import interactive

growth_panel = interactive.panel(
    ai.growth_view(fits, sets, proj, shown, colors),
    title="Extrapolating AI training cost: choose the fits, the cost method and the horizon",
    **ai.growth_controls(sets, horizon),
)
growth_panel

# %% [markdown]
# ## The brief's other numbers
#
# **Meta's cluster.** 350,000 H100s at \$30,000 each is the brief's own arithmetic. Epoch's hardware-price data
# hold purchase prices for H100 SXM5 GPUs, recorded per GPU as one-eighth of an 8-GPU server (DGX/HGX) price, so
# they include each GPU's share of the server's CPUs, memory and networking.

# %%
h100 = prices[prices["hardware_model"].str.contains("H100")]
h100[["price_date", "hardware_model", "vendor", "price_per_chip_hour_on_demand_usd",
      "price_per_chip_hour_1yr_cud_usd", "purchase_price_usd", "notes"]]

# %%
recent = ai.recent_purchase_prices(prices, "H100", since="2023-01-01")
h100_median = float(recent["purchase_price_usd"].median())
meta_brief = claims.convert(META_GPUS, BRIEF_PRICE / 1e9, "H100s", f"USD bn per H100 (brief: ${BRIEF_PRICE:,.0f})")
meta_epoch = META_GPUS * h100_median / 1e9
print(f"H100 SXM5 per-GPU server price, {len(recent)} quotes 2023-24: median ${h100_median:,.0f} "
      f"(range ${recent['purchase_price_usd'].min():,.0f}–${recent['purchase_price_usd'].max():,.0f})")
print(f"{META_GPUS:,.0f} x ${BRIEF_PRICE:,.0f} = ${float(meta_brief):.1f}bn; at Epoch's median price: "
      f"${meta_epoch:.1f}bn")

# %% [markdown]
# **Notable and foundation models, and how open they are.** The AI Index counts Epoch's notable models; its
# count of *foundation* models and their access types comes from Stanford CRFM's Ecosystem Graphs, which are not
# among our sources. Epoch's own database flags far fewer foundation models. Access categories also need care:
# the AI Index calls a model *open* when its weights are released, whatever the licence; the brief paraphrases
# this as "fully open, free for commercial and non-commercial use". In Epoch's terms, the strict reading is
# *Open source*; the AI Index reading adds *Open access (non-commercial)* and *(restricted use)*.

# %%
upto2023 = models["publication_date"] <= "2023-12-31"
n_notable = int((models["notable"] & upto2023).sum())
n_foundation = int((models["foundation_model"] & upto2023).sum())
access = ai.access_table(models, end="2023-12-31")
print(f"notable models to end-2023: {n_notable}; flagged foundation models to end-2023: {n_foundation}")
access.round(2)

# %% [markdown]
# **Tokens and chips.** The brief says tokens grew from millions (the first Transformer) to trillions, and that
# the largest models need hundreds of thousands of processors.

# %%
transformer, largest_data, biggest_run = ai.largest_data_and_runs(models)
print(f"Transformer ({transformer['publication_date']:%Y}): {transformer['training_dataset_size_datapoints']:.2e} "
      f"datapoints; largest: {largest_data['model']} ({largest_data['publication_date']:%Y}) "
      f"{largest_data['training_dataset_size_datapoints']:.2e}")
print(f"most chips in one training run: {biggest_run['model']}, {int(biggest_run['hardware_quantity_chips']):,}")

# %% [markdown]
# ## Results file

# %%
results = ai.results(fits, proj, COTTIER, seed=seed, n_boot=n_boot, pi_level=pi_level)
io.write_json(paths.RESULTS / "05_ai.json", results)
print(f"written {paths.RESULTS / '05_ai.json'}")

# %% [markdown]
# ## Checking the claims
#
# Each verdict follows `docs/verdict_standard.md`: the evidence's period and scope are written next to the claim's,
# and any difference is either explained as immaterial or makes the verdict *differs*. Besides Epoch's data, the
# checks use `ai_public_record` (one row per public statement or figure, with the primary publisher, the page whose
# text was read, and the kind of source) and `ai_llama31_benchmarks`. A company's statement of its own figure is
# *attributed* (it shows what the company says); a number a public record settles is *reproduced* or *differs*.
#
# How each claim is checked is declared in `ai_claim_checks` (shown below), written before the answer is known: where
# the compared value comes from (`method`: a figure of the public record, its date, a sum of several, a value
# computed in this notebook, or *not checkable* with what was searched), the restated value and tolerance, the
# evidence's period and scope, why a difference of basis does not matter, and the reasons recorded with a verdict.
# A claim checked in parts has one row per part; `ai.judge` combines them (`claims.combine`).

# %%
checks = ai.claim_checks()  # one row per check: method, restated value, evidence period and scope, reasons
judge = partial(ai.judge, ledger, checks, rec)  # a claim's verdict from its rows (+ the value computed here)
checks[["claim_id", "part", "method", "facts", "stated", "abs_tol", "evidence_period", "evidence_scope"]]

# %% [markdown]
# The checks that rest on this notebook's own estimates and tables — the fits, the curvature test, the
# projections, Epoch's model and price tables — are computed here; the table's texts are filled with these numbers.

# %%
judge("AI-01", flat=flat, flat_ci=fmt(flat.factor_ci(0.95)))  # a forecast: what the past trend says
judge("AI-05", n_notable)
judge("AI-06", n_foundation=n_foundation)  # the AI Index count, with Epoch's narrower flag as context
fm23, nm23 = access.loc["foundation 2023"], access.loc["notable 2023"]
judge("AI-08", fm23["open_source_share"], fm23=fm23, nm23=nm23)
size = "training_dataset_size_datapoints"
judge("AI-10", float(transformer[size]), transformer=transformer, largest=largest_data,
      ooms=math.log10(largest_data[size] / transformer[size]))
judge("AI-11", bend["c_frontier_amortized_cottier"]["p_concave"], bend=bend["c_frontier_amortized_cottier"])
judge("AI-12", int(biggest_run["hardware_quantity_chips"]), run=biggest_run)  # + Meta's fleet, on record
low_px, high_px = recent["purchase_price_usd"].min(), recent["purchase_price_usd"].max()
hw = dict(gpus=META_GPUS, price=BRIEF_PRICE, low_px=low_px, high_px=high_px, median=h100_median,
          high_bn=META_GPUS * high_px / 1e9, brief_bn=float(meta_brief))
judge("AI-14", **hw)
judge("AI-15", META_GPUS * low_px / 1e9, **hw)  # + Meta's count, on record
chart_1tn, frontier_1tn = ("a_chart10_cloud", "1tn"), ("c_frontier_amortized_cottier", "1tn")
chart_year = when(*chart_1tn, "trend_year")  # the brief's line, extended to $1tn
judge("AI-16", chart_year, flat=flat, pl=PL, chart_year=chart_year, chart_band=yfmt(band(*chart_1tn, "trend_pi90")),
      frontier_year=when(*frontier_1tn), frontier_band=yfmt(band(*frontier_1tn)))

# %% [markdown]
# Claims that need a little arithmetic on the public record or on Meta's benchmark table:

# %%
judge("AI-18", claims.difference(float(rec.at["epoch_stock_image", "value"]), 2024,
                                 "Epoch median exhaustion year of image data", "2024"))  # + audio: not checkable
llama = data.load("ai_llama31_benchmarks")
wins = int((llama["llama31_405b_instruct"] > llama["gpt4_0125"]).sum())
ties = int((llama["llama31_405b_instruct"] == llama["gpt4_0125"]).sum())
judge("AI-25", claims.ratio(wins, len(llama), "benchmarks where Llama 3.1 405B scores higher", "benchmarks reported"),
      ties=ties, losses=len(llama) - wins - ties)
wipo = {c: int(rec.at[f"wipo_genai_families_{c}", "value"]) for c in ("china", "states", "korea", "japan", "india")}
judge("AI-26", ai.rank_of(wipo, "korea", "rank of the Republic of Korea by GenAI patent families (inventor "
                                         "location), 2014-2023"))
china, world = rec.at["nda_genai_patents_china_2024", "value"], rec.at["nda_genai_patents_world_2024", "value"]
# the report gives 2.7 and 4.5 ten-thousands: each count is known to within ±500
judge("AI-28", lo_share=100 * (china - 500) / (world + 500), hi_share=100 * (china + 500) / (world - 500))
judge("AI-30", stated={1: claims.Stated("range", date(2024, 1, 1), date(2024, 4, 30), "early 2024")})
rivals = rec.at["amd_data_center_revenue_2023", "value"] + rec.at["intel_dcai_revenue_2023", "value"]
litho = {f: rec.at[f"lithography_share_{f}_2023", "value"] for f in ("asml", "nikon", "canon")}
judge("AI-31", claims.ratio(rec.at["nvidia_data_center_revenue_fy2024", "value"], rivals,
                            "NVIDIA Data Center revenue FY2024", "AMD Data Center + Intel DCAI revenue 2023"),
      ai.rank_of(litho, "asml", "ASML rank by share of lithography shipments 2023", "{} {:g}%"))
judged = ai.judge_record(ledger, checks, rec)  # the rest: figures on the public record, or not checkable
print(f"judged from the record alone: {', '.join(judged)}")

# %% [markdown]
# ## Verdicts

# %%
ledger.write()
verdicts = ledger.table()
print(verdicts["verdict"].value_counts().to_string())
verdicts

# %% [markdown]
# ## Caveats
#
# * **Costs are estimates, not invoices.** Both methods multiply estimated chip-hours by a price (a cloud rate, or
#   the hardware's purchase price amortized over its life plus energy). Chip counts and training times are often
#   Epoch's inferences; Cottier et al. discuss how uncertain each model's estimate is.
# * **Selection drives the slope.** Ten hand-picked models give a steep and very uncertain line; frontier
#   selection is a rule, but it still depends on the window (set in the parameters cell to reproduce Epoch's
#   list) and on a database that is revised over time (the frontier rebuilt from the July-2024 download has
#   fewer costed models than Cottier et al.'s sample; its growth rate is nearly the same).
# * **Extrapolation assumes the past rate continues.** The prediction intervals show the uncertainty of the
#   trend and of a model's scatter around it, not the risk that the trend breaks (energy, chip supply, money).
# * **Largest run vs trend.** The "largest run" line assumes the costliest model keeps its lead over the trend;
#   its band reflects only the slope's uncertainty.
# * **No simulated data** are used in this notebook. Bootstrap draws: parameter `n_boot` (its default depends on
#   `fast`), seeded with parameter `seed`.
