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
BRIEF_YEAR = 2024.54  # the brief is dated 18 July 2024 (register)

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
# The slope by hand is $b = \sum (t_i-\bar t)(y_i-\bar y) / \sum (t_i-\bar t)^2$; it equals the library fit:

# %%
cottier = ai.by_method(costs, "amortized_cottier2024")
t, y = cottier["year"].to_numpy(), np.log10(cottier["training_cost_usd"].to_numpy())
b_hand = ((t - t.mean()) * (y - y.mean())).sum() / ((t - t.mean()) ** 2).sum()
fit_c = growth.fit_growth(t, 10**y, label="check", n_boot=10, seed=seed)
print(f"by hand: {b_hand:.6f} OOM/yr; statsmodels: {fit_c.slope:.6f} OOM/yr -> {10 ** b_hand:.3f}x per year")

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

# %%
S_COST, S_MODELS, S_HW = "ai_training_costs", "ai_models", "ai_hardware_prices"
S_REC, S_LLAMA = "ai_public_record", "ai_llama31_benchmarks"
fc_bend = bend["c_frontier_amortized_cottier"]
fact, fact_date, part = partial(ai.fact, rec), partial(ai.fact_date, rec), ai.part  # a figure or date on record
ledger.not_checkable("AI-01", (
    "A forecast about the future. What the data show is the past: frontier training cost grew "
    f"{flat.factor_per_year:.1f}x per year 2016-2023 (95% CI {fmt(flat.factor_ci(0.95))}, {flat.n} models) with no "
    "detectable slowing (AI-11); nothing in the data says how long that lasts."), category="forecast")
for cid in ("AI-02", "AI-03", "AI-04"):
    ledger.not_checkable(cid, (
        "The brief cites Madiega and Ilnicki's EPRS note 'AI investment: EU and global indicators' (4 Apr 2024). The "
        "note is public, but the 2022-2023 figures are drawn in its Figure 2 (venture capital in generative AI, "
        "PitchBook data, which are sold); the values could not be read in any stored copy, and no public series "
        "measures the same aggregate (big-tech generative-AI investment plus AI start-up VC, US and EU)."),
        category="no_public_record",
        searched="EPRS blog post (epthinktank.eu, 2024-04-04; copy read up to the Figure 2 caption); EPRS 'at a "
                 "glance' PDF (not found); Dealroom, Accel, Air Street and State of European Tech AI-VC figures "
                 "(other definitions and periods); re-searched 2026-12-03: stored pages for the note's title, 'venture capital "
                 "investment in generative AI' with PitchBook and EPRS, Madiega/Ilnicki 2022-2023 EU/US figures (only "
                 "the text before Figure 2 is stored; Dealroom's and PitchBook-via-eMarketer generative-AI VC totals "
                 "use other definitions); third search 2026-12-03: the note's mirror copy (tristarbruise.netlify.app of "
                 "epthinktank.eu; again stored only to the Figure 2 caption), 'venture capital investment in generative "
                 "AI' 2022-2023 US/EU with Mistral/Aleph Alpha (McKinsey, Dealroom and Accel reports: other definitions)")
ledger.check("AI-05", claims.Computed(n_notable, "notable models (non-empty notability criteria) published to "
                                                 "2023-12-31, Epoch database of 2024-06-03"), sources=[S_MODELS],
             evidence_period="published to 2023-12-31 (Epoch database of 2024-06-03)",
             evidence_scope="notable models in Epoch AI's database",
             immaterial={"period": "the same span; the snapshot is seven weeks after the AI Index, and late additions "
                                   "cannot close a gap of several hundred models",
                         "scope": "the AI Index 2024's notable models are Epoch AI's notable-model list"})
ledger.check("AI-06", fact("aiindex_fm_released_2023"), sources=[S_REC, S_MODELS],
             evidence_period="2023", evidence_scope="foundation models released in 2023, AI Index 2024 count "
                                                    "(Stanford CRFM Ecosystem Graphs)",
             immaterial={"period": "one year of the claim's span already exceeds 100; earlier years only add",
                         "scope": "same counting source; the evidence counts one year of the claim's span"},
             note=f"Epoch's own foundation-model flag, a narrower list, marks {n_foundation} models to end-2023.")
ledger.not_checkable("AI-07", (
    "The brief names no source for 159,000 GPTs at the end of April 2024, and no public count for that date was found: "
    f"OpenAI said over {int(rec.at['openai_gpts_created', 'value']):,} GPTs had been created by January 2024 (public "
    "and private), and researchers later collected over "
    f"{int(rec.at['gptstore_mining_dataset', 'value']):,} listed GPTs (collection date not stated); third-party "
    "store trackers publish changing counts without an archive."), category="no_public_record",
    searched="OpenAI GPT Store announcements (as reported); Su et al., GPT Store Mining and Analysis; Zhang et al., "
             "A First Look at GPT Apps (arXiv:2402.15105); Zhao et al., GPTs Window Shopping (arXiv:2405.10547); "
             "re-searched 2026-12-03: '159,000' with GPT Store / GPTs and April 2024 in stored pages and code "
             "(no hit), Wikipedia and Wikimili 'GPTs'/'GPT Store' articles (January 2024 figure only)")
fm23, nm23 = access.loc["foundation 2023"], access.loc["notable 2023"]
aix_open = rec.loc["aiindex_fm_open_share_2023"]
ledger.check("AI-08", claims.Computed(fm23["open_source_share"],
                                      f"'Open source' / access known among Epoch-flagged foundation models of 2023 "
                                      f"({int(fm23['access_known'])} of {int(fm23['models'])} with access known)"),
             abs_tol=0.05, sources=[S_MODELS, S_REC], evidence_period="2023",
             evidence_scope="share of 2023 foundation models (Epoch flag) released 'Open source': open weights under a "
                            "licence free for commercial and non-commercial use",
             if_differs=(
    f"The brief's two-thirds is the AI Index's {aix_open['value']:g}% of 2023 foundation-model releases with 'open' "
    "access, which counts every release of weights, whatever the licence. Read as the brief reads it (fully open, "
    f"free for commercial and non-commercial use), Epoch's data give {fm23['open_source_share']:.0%} of 2023 "
    f"foundation models with known access; counting all weight releases, {fm23['open_weights_share']:.0%} (all "
    f"notable 2023 models: {nm23['open_weights_share']:.0%}). The number is the AI Index's; the gloss is wrong."))
gap = rec.loc["aiindex_closed_open_median_advantage"]
ledger.check("AI-09", fact("aiindex_closed_open_median_advantage"), stated="<10", sources=[S_REC],
             evidence_period="2023", evidence_scope="median performance advantage of closed over open models on 10 "
                                                    "selected benchmarks, AI Index 2024 ch. 2",
             if_differs=(
    "Restated: 'slightly lower' read as a gap under 10%. The AI Index reports that closed models outperform open "
    f"ones with a median advantage of {gap['value']:g}% (from {gap['low']:g}% on GSM8K to {gap['high']:g}% on "
    "AgentBench) and calls the gap significant; the direction is right, 'slightly' is not."),
             note="Context: the seven most compute-intensive models in Epoch's data to mid-2024 (Gemini 1.0 Ultra, "
                  "GPT-4, ...) are all closed, in line with the brief's 'the best models are not released openly'.")
ledger.check("AI-10", claims.Computed(float(transformer["training_dataset_size_datapoints"]),
                                      "Epoch 'Training dataset size (datapoints)' of the Transformer (2017-06)"),
             stated="<1e9", sources=[S_MODELS], evidence_period="2017 (Transformer) to 2024 (Epoch database of 2024-06-03)",
             evidence_scope="training dataset size (Epoch datapoints: words or tokens) of language models",
             if_differs=(
    f"Restated as the start point: 'millions' of tokens for the 2017 Transformer. Epoch records "
    f"{transformer['training_dataset_size_datapoints']:.1e} datapoints (billions) for it. The end point holds: "
    f"{largest_data['model']} ({largest_data['publication_date']:%Y}) used "
    f"{largest_data['training_dataset_size_datapoints']:.1e} (trillions). The growth is about "
    f"{math.log10(largest_data['training_dataset_size_datapoints'] / transformer['training_dataset_size_datapoints']):.1f} "
    "orders of magnitude, not six."))
ledger.check("AI-11", claims.Computed(fc_bend["p_concave"], (
    f"one-sided p-value of a negative squared-time term (HC3) in log10 cost on year, Cottier et al.'s "
    f"{fc_bend['n']} frontier models; quadratic {fc_bend['quadratic']:+.3f} OOM/yr^2")), stated=">0.05",
             sources=[S_COST], evidence_period="2016-2023 (frontier models, Cottier et al.)",
             evidence_scope="test for bending (negative squared-time term) of log10 amortized training cost of "
                            "frontier models on publication date",
             immaterial={"period": "the brief's chart runs 2017-2023; the frontier sample covers it and adds 2016",
                         "scope": "a direct test of 'no sign of diminishing returns' on the frontier models; the "
                                  "AI Index set and frontier compute give the same answer (curvature table)"},
             reason="Restated as: no significant bending of the log-linear trend (p > 0.05 for slowing growth).")
meta_fleet = fact("meta_h100_end_2024")
ai12_run = claims.check("AI-12", claims.Computed(int(biggest_run["hardware_quantity_chips"]),
                                                 f"max Epoch 'Hardware quantity' ({biggest_run['model']})"),
                        sources=[S_MODELS], evidence_period="training runs published to 2024-06 (Epoch)",
                        evidence_scope="accelerators used in the largest training run",
                        immaterial={"period": "the claim is about 2024; Epoch's database runs to June 2024", **part(
                            "AI-12", "the processors needed to train the biggest model")},
                        if_differs=(
    f"Training the biggest models used tens of thousands of chips, not hundreds of thousands: the largest run in "
    f"Epoch's data ({biggest_run['model']}) used {int(biggest_run['hardware_quantity_chips']):,}, and Meta trains "
    f"Llama 3 on clusters of {int(rec.at['meta_training_cluster_size', 'value']):,} GPUs."))
ai12_fleet = claims.check("AI-12", meta_fleet, sources=[S_REC], attributed=(
    "Meta does not publish its GPU inventory; the figure is its own stated plan for its whole AI fleet"),
                          evidence_period="end-2024 (stated 2024-03-12)",
                          evidence_scope="Meta's planned H100 fleet for all its AI training and serving",
                          immaterial={"period": "the claim is about 2024", **part(
                              "AI-12", "fleets that train and run the models")})
ledger.combine("AI-12", [ai12_run, ai12_fleet])
ledger.attributed("AI-13", meta_fleet, sources=[S_REC], not_public_because=(
    "Meta does not publish its GPU inventory; 350,000 H100s by end-2024 is its own stated plan (Engineering at "
    "Meta, 12 Mar 2024)"), evidence_period="end-2024 (stated 2024-03-12)",
                  evidence_scope="Meta's stated build-out plan for its whole AI fleet",
                  immaterial={"period": "the claim's 2024 is Meta's end-2024 target",
                              "scope": "the brief's 'reportedly' refers to this plan; Meta is the primary source"})
ledger.not_checkable("AI-14", (
    f"Nvidia publishes no price for the H100 chip. Epoch's public price data hold only server prices per GPU (one "
    f"eighth of a DGX/HGX server), ${recent['purchase_price_usd'].min():,.0f}-${recent['purchase_price_usd'].max():,.0f} "
    f"in 2023-24 (median ${h100_median:,.0f}); these include each GPU's share of CPUs, memory and networking, so "
    f"they bound the chip price from above (${BRIEF_PRICE:,.0f} is below the bound) but cannot confirm it."),
    category="no_public_record",
    searched="Epoch hardware-price database (ai_hardware_prices); Nvidia results releases (no unit prices); "
             "re-searched 2026-12-03 (group nc3): press reports of Meta's 350,000-H100 plan (CNBC, 19 Jan 2024, as "
             "reposted: about $25,000 a GPU, nearly $9bn; Sherwood News, Jul 2024: estimates of $20,000-$40,000), "
             "which give differing estimates, none from Nvidia or Meta")
low_px, high_px = recent["purchase_price_usd"].min(), recent["purchase_price_usd"].max()
ai15_cost = claims.check("AI-15", claims.Computed(META_GPUS * low_px / 1e9, (
    f"{META_GPUS:,.0f} H100 x lowest Epoch per-GPU server price 2023-24 ${low_px:,.0f} (highest ${high_px:,.0f} "
    f"gives ${META_GPUS * high_px / 1e9:.1f}bn; the brief's own {META_GPUS:,.0f} x ${BRIEF_PRICE:,.0f} = "
    f"${float(meta_brief):.1f}bn)")),
                         sources=[S_HW], evidence_period="2023-24 prices",
                         evidence_scope=f"cost of {META_GPUS:,.0f} H100 GPUs at public per-GPU server prices "
                                        "(DGX/HGX), USD bn",
                         immaterial={"period": "the prices of the years in which the system was bought", **part(
                             "AI-15", "the total cost at public prices")})
ai15_count = claims.check("AI-15", meta_fleet, stated=claims.format_number(META_GPUS), sources=[S_REC], attributed=(
    "Meta does not publish its GPU inventory; the count is its own stated plan"),
                          evidence_period="end-2024 (stated 2024-03-12)", evidence_scope="Meta's stated H100 plan",
                          immaterial={"period": "the system the claim prices is the end-2024 plan", **part(
                              "AI-15", "the number of GPUs the total multiplies")})
ledger.combine("AI-15", [ai15_cost, ai15_count], stated_value=">10")
ledger.check("AI-16", claims.Computed(when("a_chart10_cloud", "1tn", "trend_year"), (
    "year the trend fitted to the ten models of the brief's Figure 2 (AI Index 2024 chart, cloud-rental cost) "
    "reaches $1tn (2023 USD)")), sources=[S_COST],
             evidence_period="trend of 2017-2023 models, extended",
             evidence_scope="Year by which the brief's Figure 2 trend line (AI Index 2024 training-cost chart), "
                            "extended, reaches USD 1 trillion: a few years after mid-2024",
             immaterial={"period": "the claim's period is the extrapolation horizon; the evidence is that "
                                   "extrapolation"},
             reason="Restated 'a few years ahead' (from mid-2024) as before 2030. The arithmetic the brief did holds: "
                    f"its ten-model line reaches $1tn around {when('a_chart10_cloud', '1tn', 'trend_year'):.0f} ("
                    f"{PL} band {yfmt(band('a_chart10_cloud', '1tn', 'trend_pi90'))}).",
             note=("This checks the extrapolation, not whether it will happen (a forecast). The line is steep because "
                   "of which models were picked and because cloud prices exceed ownership costs: on Epoch's frontier "
                   f"estimate ({flat.factor_per_year:.1f}x/yr) the largest run reaches $1tn only around "
                   f"{when('c_frontier_amortized_cottier', '1tn'):.0f} ({PL} band "
                   f"{yfmt(band('c_frontier_amortized_cottier', '1tn'))}). The brief's 'processing farms' (hardware "
                   "bought) are also not the cost of one run."))
hq, lq = rec.loc["epoch_stock_hq_language"], rec.loc["epoch_stock_lq_language"]
EPOCH_PROJ = {"period": "a projection published in 2022 of years to come: the claim's years are those projected"}
ai17_hq = claims.check("AI-17", fact("epoch_stock_hq_language"), stated=f"<{BRIEF_YEAR}", sources=[S_REC],
                       evidence_period="projection made 2022",
                       evidence_scope="median year the stock of high-quality language data is exhausted, Epoch AI "
                                      "projection (historical-trend method)",
                       immaterial={**EPOCH_PROJ, **part("AI-17", "'high-quality text is already exhausted' (median "
                                                                 "exhaustion year before the brief's date)")},
                       note=f"90% interval {hq['low']:g}-{hq['high']:g}.")
ai17_lq = claims.check("AI-17", fact("epoch_stock_lq_language"), sources=[S_REC], evidence_period="projection made 2022",
                       evidence_scope="median year the stock of low-quality language data is exhausted, Epoch AI "
                                      "projection (historical-trend method)",
                       immaterial={**EPOCH_PROJ, **part("AI-17", "'low-quality text lasts into the early 2030s'")},
                       note=f"90% interval {lq['low']:g}-{lq['high']:g}; Epoch's compute-based projection is later.")
ledger.combine("AI-17", [ai17_hq, ai17_lq], stated_value="<2024.54; 2030-2034")
img = rec.loc["epoch_stock_image"]
ai18_img = claims.check("AI-18", claims.difference(float(img["value"]), 2024, "Epoch median exhaustion year of image "
                                                   "data", "2024"), abs_tol=5, sources=[S_REC],
                        evidence_period="projection made 2022", evidence_scope="years from 2024 until the stock of "
                                                                               "image data is exhausted, Epoch AI median projection",
                        immaterial={**EPOCH_PROJ, **part("AI-18", "image data")},
                        reason="'Twenty years' read with the rounding of a round number (±5 years).",
                        note=f"90% interval {img['low']:g}-{img['high']:g}.")
ai18_audio = claims.not_checkable("AI-18", (
    "Audio: Epoch's projections, the brief's source via the AI Index, cover language and image data only; no public "
    "projection of the stock of audio training data was found."), category="no_public_record",
    searched="Epoch 'Will we run out of ML data?' (2022) and its 2024 update; AI Index 2024 summary (reports)")
ledger.combine("AI-18", [ai18_img, ai18_audio])
OPENAI_WAU = dict(not_public_because="OpenAI does not publish usage data; the figure is its CEO's statement at DevDay",
                  evidence_period="2023-11-06", evidence_scope="ChatGPT weekly active users stated by OpenAI")
ledger.attributed("AI-19", fact("openai_chatgpt_weekly_users"), stated="100", sources=[S_REC],
                  immaterial={"period": "6 Nov 2023 is within the first year after the 30 Nov 2022 launch",
                              "scope": "weekly active users are a lower bound for users reached in the year"},
                  reason="'More than 100 million users': OpenAI's 100 million weekly active users is a lower bound.",
                  **OPENAI_WAU)
ledger.check("AI-20", fact("gptstore_mining_dataset"), sources=[S_REC],
             evidence_period="2024 (collection date not stated; arXiv version of May 2024)",
             evidence_scope="GPTs listed in the GPT Store, collected by Su et al. from the store's search API",
             immaterial={"period": "both are 2024", "scope": "the same quantity, counted by independent researchers"},
             note=f"OpenAI said users had created over {int(rec.at['openai_gpts_created', 'value']):,} GPTs by "
                  "January 2024 (public and private).")
designated = {f: int(rec.at[f"dma_gatekeeper_{f}", "value"]) for f in ("alphabet", "amazon", "apple", "meta",
                                                                        "microsoft")}
nvidia_designated = int(rec.at["dma_gatekeeper_nvidia", "value"])
ledger.check("AI-21", claims.total(designated), sources=[S_REC],
             evidence_period="as of mid-2024 (designations of 6 Sep 2023, 29 Apr 2024, 13 May 2024)",
             evidence_scope="Number of GAMMAN firms other than Nvidia (Alphabet, Amazon, Microsoft, Meta, Apple) "
                            "designated DMA gatekeepers by the European Commission; Nvidia not designated",
             immaterial={"period": "all five designations date from 6 Sep 2023, within the claim's 2023-2024"},
             reason=f"Nvidia designated: {'yes' if nvidia_designated else 'no'} (not among the Commission's "
                    "gatekeepers).")
ledger.attributed("AI-22", fact("openai_chatgpt_weekly_users"), stated="100", sources=[S_REC],
                  immaterial={"period": "the latest OpenAI figure before the brief (July 2024)",
                              "scope": "weekly active users are a lower bound for users"},
                  note="The DMA's user threshold counts monthly active end users in the EU, which OpenAI did not "
                       "report; worldwide users alone do not show how close ChatGPT is to it.", **OPENAI_WAU)
ledger.attributed("AI-23", fact("openai_tender_valuation"), stated="80", sources=[S_REC], not_public_because=(
    "OpenAI is private; the valuation is implied by a private tender offer whose terms were reported by the New York "
    "Times ('more than $80bn'), not published"), evidence_period="2024-02",
                  evidence_scope="OpenAI valuation implied by the early-2024 tender offer, as reported",
                  immaterial={"period": "the latest valuation before the brief (July 2024)",
                              "scope": "the only valuation on record for 2024 before the brief"},
                  reason="Both say 'more than $80bn'.")
ledger.not_checkable("AI-24", (
    "No public count of business users building GPTs exists: OpenAI reports GPTs created (over 3 million by January "
    "2024) and researchers count listed GPTs (over 700,000), neither of which counts business users."),
    category="no_public_record", searched="OpenAI GPT Store announcements (as reported); Su et al., GPT Store Mining "
                                          "and Analysis (arXiv:2405.10210); Zhang et al., A First Look at GPT Apps")
llama = data.load(S_LLAMA)
wins = int((llama["llama31_405b_instruct"] > llama["gpt4_0125"]).sum())
ties = int((llama["llama31_405b_instruct"] == llama["gpt4_0125"]).sum())
ledger.attributed("AI-25", claims.ratio(wins, len(llama), "benchmarks where Llama 3.1 405B scores higher",
                                        "benchmarks reported"), sources=[S_LLAMA], not_public_because=(
    "the scores are Meta's own evaluation of its model against GPT-4 (0125); independent comparisons differ by "
    "benchmark"), evidence_period="2024-07",
                  evidence_scope="Meta's reported scores, Llama 3.1 405B (instruct) vs GPT-4 (0125), 15 benchmarks",
                  immaterial={"scope": "GPT-4 (0125) is the January 2024 GPT-4 Turbo preview, the model the claim names"},
                  note=f"{ties} tie; GPT-4 (0125) higher on {len(llama) - wins - ties}.")
wipo = {c: int(rec.at[f"wipo_genai_families_{c}", "value"]) for c in ("china", "states", "korea", "japan", "india")}
korea_rank = 1 + sum(v > wipo["korea"] for v in wipo.values())
ledger.check("AI-26", claims.Computed(korea_rank, "rank of the Republic of Korea by GenAI patent families "
                                                  "(inventor location), 2014-2023: " + ", ".join(
                                                      f"{k} {v:,}" for k, v in wipo.items())),
             sources=[S_REC], evidence_period="2014-2023",
             evidence_scope="rank by generative-AI patent families (inventor location), WIPO",
             if_differs=("Right about a narrower quantity: Korea is third in generative-AI patents (WIPO 2024), but "
                         "the claim says AI patents in general, for which no ranking by a primary publisher was found; "
                         "rankings of all AI patents depend on the definition (per capita, Korea leads; a 2021 "
                         "Clarivate/KAIST count put it fourth)."))
NDA = dict(not_public_because="the National Data Administration does not publish the patent data or method behind "
                              "its count", evidence_period="2024")
ledger.attributed("AI-27", fact("nda_genai_patents_world_2024"), sources=[S_REC],
                  evidence_scope="Generative-AI patents newly published worldwide in 2024, per the National Data "
                                 "Administration's Digital China Development Report (2024)",
                  note=f"WIPO's landscape (2014-2023, patent families by inventor location; China "
                       f"{wipo['china']:,}) uses another window and unit.", **NDA)
lo_share = 100 * 26_500 / 45_500
hi_share = 100 * 27_500 / 44_500
ledger.attributed("AI-28", fact("nda_genai_patents_china_share_2024"), sources=[S_REC],
                  evidence_scope="China's share of generative-AI patents newly published worldwide in 2024, per the "
                                 "National Data Administration's Digital China Development Report (2024)",
                  note=f"The report's rounded counts (2.7 and 4.5 ten-thousands) allow shares of {lo_share:.1f}%-"
                       f"{hi_share:.1f}%, so 61.5% is consistent with them.", **NDA)
INQUIRY = ["adlc_autosaisine_genai", "adc_issues_paper_genai", "gvh_market_analysis_ai", "cma_itc_ai_partnerships",
           "ftc_6b_genai_partnerships"]
ai29_n = claims.check("AI-29", claims.total({rec.at[f, "quantity"].split(":")[0]: rec.at[f, "value"]
                                             for f in INQUIRY}), stated="5", sources=[S_REC],
                      evidence_period="2023-11 to 2024-04",
                      evidence_scope="competition authorities of France, Portugal, Hungary, the UK and the US with an "
                                     "inquiry, market study or opinion on generative AI covering big-tech arrangements",
                      immaterial={"period": "all opened before the brief (July 2024)", **part(
                          "AI-29", "the five jurisdictions (Portugal's issues paper and Hungary's market analysis are "
                                   "sector studies rather than cases on specific agreements)")})
ai29_doj = claims.check("AI-29", fact_date("doj_kanter_urgent_ai"), stated="2024-06", sources=[S_REC],
                        evidence_period="2024-06-06", evidence_scope="DOJ antitrust chief's statement in an FT interview "
                                                                     "(as reported)",
                        immaterial={"period": "the month the claim gives", **part("AI-29", "the DOJ's 'urgent' review")})
ledger.combine("AI-29", [ai29_n, ai29_doj], stated_value="5; 2024-06")
ai30_date = claims.check("AI-30", fact_date("microsoft_hires_inflection_founders"),
                         stated=claims.Stated("range", date(2024, 1, 1), date(2024, 4, 30), "early 2024"),
                         sources=[S_REC], evidence_period="2024-03-19",
                         evidence_scope="Microsoft's announcement that Inflection AI's co-founders and staff join it",
                         immaterial={"period": "19 March is early 2024", **part("AI-30", "the date of the hiring")})
ai30_merger = claims.check("AI-30", fact("cma_itc_ai_partnerships"), stated="1", sources=[S_REC],
                           evidence_period="2024-04-24",
                           evidence_scope="CMA invitation to comment on whether Microsoft's hiring of Inflection staff "
                                          "falls within UK merger rules",
                           immaterial={"period": "the review of the early-2024 hiring", **part(
                               "AI-30", "that the hiring was seen as a way round merger rules")})
ledger.combine("AI-30", [ai30_date, ai30_merger], stated_value="early 2024; reviewed under merger rules")
rivals = rec.loc["amd_data_center_revenue_2023", "value"] + rec.loc["intel_dcai_revenue_2023", "value"]
nv = rec.loc["nvidia_data_center_revenue_fy2024", "value"]
ai31_nv = claims.check("AI-31", claims.ratio(nv, rivals, "NVIDIA Data Center revenue FY2024",
                                             "AMD Data Center + Intel DCAI revenue 2023"), stated=">1", sources=[S_REC],
                       evidence_period="FY2024 (Nvidia, to 2024-01-28); calendar 2023 (AMD, Intel)",
                       evidence_scope="data-centre segment revenue of Nvidia vs its two merchant rivals, company results",
                       immaterial={"period": "the latest full years before the brief",
                                   "scope": "this part checks Nvidia's lead; even counting all of AMD's and Intel's "
                                            "data-centre revenue (mostly server CPUs) as AI processors, Nvidia's is "
                                            "larger; in-house chips such as Google's TPUs are not sold"})
litho = {f: rec.at[f"lithography_share_{f}_2023", "value"] for f in ("asml", "nikon", "canon")}
ai31_asml = claims.check("AI-31", claims.Computed(1 + sum(v > litho["asml"] for v in litho.values()),
                                                  "ASML rank by share of lithography shipments 2023: " + ", ".join(
                                                      f"{k} {v:g}%" for k, v in litho.items())),
                         sources=[S_REC], attributed="Morgan Stanley's shipment data behind the shares are not public",
                         evidence_period="2023", evidence_scope="lithography equipment shipment shares (Morgan Stanley "
                                                                "data, as reported by JBpress)",
                         immaterial={"period": "the latest year before the brief", **part("AI-31", "ASML's lead")})
ledger.combine("AI-31", [ai31_nv, ai31_asml])
ai32_date = claims.check("AI-32", fact_date("eu_ai_act_council_adoption"), sources=[S_REC],
                         evidence_period="2024-05-21", evidence_scope="Council's final approval of the AI Act",
                         immaterial={"period": "the final step of adoption, in the month the claim gives", **part(
                             "AI-32", "the month the Act was finalised (political agreement Dec 2023, Parliament "
                                      "vote Mar 2024, Council May 2024)")})
ai32_copy = claims.check("AI-32", fact("eu_ai_act_art53_copyright"), stated="1", sources=[S_REC],
                         evidence_period="2024 (adopted text)", evidence_scope="Article 53(1)(c) of Regulation (EU) "
                                                                               "2024/1689",
                         immaterial={"period": "the adopted Act", **part(
                             "AI-32", "the copyright obligation (providers of general-purpose AI models, with "
                                      "reference to Article 4(3) of Directive (EU) 2019/790)")})
ledger.combine("AI-32", [ai32_date, ai32_copy], stated_value="2024-05; copyright obligation")
licences = {"New York Times": rec.at["openai_licence_nyt", "value"], "Reddit": rec.at["openai_licence_reddit", "value"]}
ledger.check("AI-33", claims.total(licences), sources=[S_REC], evidence_period="2023-12 to 2024-05",
             evidence_scope="licensing agreements on record between OpenAI and the named publishers",
             immaterial={"period": "the record up to the brief (July 2024)"},
             if_differs=("At most two of the three: the New York Times did not license its archive to OpenAI but "
                         "sued it for copyright infringement (S.D.N.Y. No. 1:23-cv-11195, filed 27 Dec 2023); Reddit "
                         "did sign (May 2024); no agreement with Bertelsmann was found, while the German publisher "
                         "that did sign is Axel Springer (Dec 2023)."))
cps = [f for f in rec.index if f.startswith("dma_cps_")]
ledger.check("AI-34", claims.total({rec.at[f, "quantity"].split(" designated")[0]: rec.at[f, "value"] for f in cps}),
             sources=[S_REC], evidence_period="2023-09-06",
             evidence_scope="Number of the named services designated DMA core platform services: Windows, iOS and "
                            "Android (operating systems) and Google Search",
             immaterial={"period": "the designation decisions of 6 Sep 2023, within the claim's 2023-2024"})

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
