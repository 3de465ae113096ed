"""The AI training-cost study (notebook 05): which models, how fast their cost grows, and the brief's numbers.

* :mod:`~analysis.studies.ai.models` — Epoch's tables, the frontier rule (:func:`frontier_top_n`), the sets of
  models fitted, access shares, hardware prices;
* :mod:`~analysis.studies.ai.trends` — the fits side by side, extrapolations, the interactive view, the results file;
* :mod:`~analysis.studies.ai.record` — the public record and the claims register as the claim checks read them;
* :mod:`~analysis.studies.ai.checks` — the check table ``data/ai_claim_checks.csv`` applied to the claims ledger;
* :mod:`~analysis.studies.ai.plots` — the figures.

The growth estimator (log-linear OLS, bootstrap, prediction intervals) is :mod:`analysis.estimators.growth`.
"""

from __future__ import annotations

from analysis.studies.ai.checks import claim_checks, judge, judge_record, rank_of
from analysis.studies.ai.models import (ALIASES, OPEN_WEIGHTS, ModelSet, access_shares, access_table, amortized_gap,
                                        by_method, cloud_and_amortized, cloud_costs, frontier_top_n,
                                        largest_data_and_runs, load_tables, model_set, model_sets,
                                        recent_purchase_prices)
from analysis.studies.ai.plots import (cost_trend_figure, fan_chart, forest_plot, growth_table_figure,
                                       plot_cost_trends, table_figure)
from analysis.studies.ai.record import fact, fact_date, part, published_estimate, stated_number
from analysis.studies.ai.trends import (BEND_KEYS, COST_KEYS, FAN_KEYS, TARGETS, Projections, ci_text,
                                        comparison_table, fan_panels, fit_colors, fit_sets, fit_table, growth_controls,
                                        growth_view, project, results, summary_table, year_range)


def show_markdown(text: str) -> None:
    """Show computed prose as Markdown (dollar signs are currency here, not maths)."""
    from IPython.display import Markdown, display

    display(Markdown(text.replace("$", r"\$")))
