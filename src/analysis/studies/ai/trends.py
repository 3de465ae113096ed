"""The growth fits of notebook 05 side by side, their extrapolations, the interactive view and the results file.

The estimator is :mod:`analysis.estimators.growth`; the sets of models come from :mod:`analysis.studies.ai.models`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core import figures
from analysis.estimators import growth
from analysis.estimators.growth import GrowthFit
from analysis.studies.ai.models import ModelSet
from analysis.studies.ai.plots import fan_chart
from analysis.studies.ai.record import published_estimate

# The fits of training cost in dollars (the others, d_*, are compute in FLOP), those drawn in the fan chart, and
# those tested for bending.
COST_KEYS = ["a_chart10_cloud", "b_aiindex_cloud", "c_frontier_amortized_cottier", "c_frontier_amortized_rebuilt",
             "c_frontier_cloud"]
FAN_KEYS = ["a_chart10_cloud", "b_aiindex_cloud", "c_frontier_amortized_cottier", "c_frontier_cloud"]
BEND_KEYS = ["a_chart10_cloud", "b_aiindex_cloud", "c_frontier_amortized_cottier", "d_frontier_compute"]
TARGETS = {"1bn": 1e9, "10bn": 1e10, "100bn": 1e11, "1tn": 1e12}
# Palette colours of the fits, in the order of models.model_sets (the same colour for a fit in every figure).
COLOR_NAMES = ["red", "orange", "blue", "sky", "green", "purple", "grey"]
FAN_LEVELS = (0.5, 0.8, 0.95)


def fit_colors(keys) -> dict[str, str]:
    """A colour of :data:`analysis.core.figures.PALETTE` for each fit key, in order."""
    return dict(zip(keys, (figures.PALETTE[name] for name in COLOR_NAMES)))


def fit_sets(sets: dict[str, ModelSet], *, n_boot: int, seed: int) -> dict[str, GrowthFit]:
    """:func:`analysis.estimators.growth.fit_growth` of every set, each bootstrap seeded with `seed`."""
    return {key: growth.fit_growth(s.years, s.values, label=s.label, n_boot=n_boot, seed=seed)
            for key, s in sets.items()}


def ci_text(ci) -> str:
    """An interval of growth factors as text, two decimals: ``2.05–3.10``."""
    return f"{ci[0]:.2f}–{ci[1]:.2f}"


def fit_table(fits: dict[str, GrowthFit]) -> pd.DataFrame:
    """One row per fit (indexed by key): :meth:`GrowthFit.tidy`."""
    return pd.DataFrame([f.tidy() for f in fits.values()], index=list(fits))


def summary_table(table: pd.DataFrame) -> pd.DataFrame:
    """The columns of :func:`fit_table` a reader needs, intervals as text."""
    shown = table[["fit", "n_models", "first_year", "last_year", "factor_per_year", "doubling_time_months"]].copy()
    for col in ("factor_ci90_hc", "factor_ci95_hc", "factor_ci95_boot"):
        shown[col] = table[col].map(ci_text)
    return shown


def comparison_table(table: pd.DataFrame, rec: pd.DataFrame) -> pd.DataFrame:
    """The fits as formatted text and, last, Cottier et al.'s published estimate (from the public record `rec`)."""
    out = pd.DataFrame({
        "fit": table["fit"], "models": table["n_models"],
        "years": table["first_year"].map(lambda v: f"{int(v)}") + "–" + table["last_year"].map(lambda v: f"{int(v)}"),
        "× per year": table["factor_per_year"].map("{:.2f}".format),
        "95% CI (HC3; published)": table["factor_ci95_hc"].map(ci_text),
        "95% CI (bootstrap)": table["factor_ci95_boot"].map(ci_text),
        "90% CI (HC3)": table["factor_ci90_hc"].map(ci_text),
        "doubling (months)": table["doubling_time_months"].map("{:.1f}".format),
    })
    pub = published_estimate(rec)
    period = rec.at["cottier2024_cost_growth_factor", "period"].replace("-", "–")
    out.loc[len(out)] = [pub["label"].replace(f" (n={pub['n']})", ""), pub["n"], period, f"{pub['estimate']:.1f}",
                         f"{pub['low']:.1f}–{pub['high']:.1f} (published)", "", "", ""]
    return out


def year_range(p) -> str:
    """A range of years as text; an end never reached (infinite) reads 'after 2200' (the search horizon)."""
    return f"{p[0]:.1f}–{p[1]:.1f}" if all(map(math.isfinite, p)) else f"{p[0]:.1f}–after 2200"


@dataclass(frozen=True)
class Projections:
    """When each cost fit reaches each target: ``table`` (one row per fit and target), the log10 shift of each fit
    through its costliest model (``offsets``) and each fit's label (``labels``, by key)."""

    table: pd.DataFrame
    offsets: dict
    labels: dict

    def value(self, key: str, tag: str, kind: str):
        """Column `kind` of fit `key` for target `tag` ('1bn', ...)."""
        t = self.table
        return t.loc[(t["fit"] == self.labels[key]) & (t["target"] == f"${tag}"), kind].iloc[0]

    def year(self, key: str, tag: str, kind: str = "largest_run_year") -> float:
        """Year fit `key` reaches target `tag`: through its costliest model, or on the trend (``trend_year``)."""
        return float(self.value(key, tag, kind))

    def band(self, key: str, tag: str, kind: str = "largest_run_ci90") -> tuple[float, float]:
        """Earliest and latest year of :meth:`year` (``largest_run_ci90`` or ``trend_pi90``)."""
        return self.value(key, tag, kind)

    def shown(self, keys=None) -> pd.DataFrame:
        """The table (of the fits `keys`, default all) with the year ranges as text, rounded to 0.1 year."""
        t = self.table if keys is None else self.table[self.table["fit"].isin([self.labels[k] for k in keys])]
        return t.assign(trend_pi90=t["trend_pi90"].map(year_range),
                        largest_run_ci90=t["largest_run_ci90"].map(year_range)).round(1)


def project(fits: dict[str, GrowthFit], sets: dict[str, ModelSet], keys, level: float,
            targets: dict = TARGETS) -> Projections:
    """Years each fit in `keys` reaches each target, two readings at `level`.

    *trend*: the fitted line with the prediction interval inverted into years; *largest run*: the line shifted
    through the costliest model so far, with the confidence band of the line (slope uncertainty only).
    """
    rows, offsets = [], {}
    for key in keys:
        f, s = fits[key], sets[key]
        top = int(np.argmax(s.values))
        offsets[key] = f.residual(s.years[top], s.values[top])
        for tag, value in targets.items():
            trend = f.year_reaching(value, level)
            lead = f.year_reaching(value, level, offset=offsets[key], band="ci")
            rows.append({"fit": f.label, "target": f"${tag}", "trend_year": trend["year"],
                         "trend_pi90": (trend["earliest"], trend["latest"]), "largest_run_year": lead["year"],
                         "largest_run_ci90": (lead["earliest"], lead["latest"])})
    return Projections(pd.DataFrame(rows), offsets, {k: fits[k].label for k in keys})


def fan_panels(fits: dict[str, GrowthFit], sets: dict[str, ModelSet], keys, colors: dict,
               offsets: dict) -> list[dict]:
    """Panels for :func:`analysis.studies.ai.plots.fan_chart`: each fit with its models, colour and shift."""
    return [{"fit": fits[k], "years": sets[k].years, "values": sets[k].values, "color": colors[k],
             "offset": offsets[k]} for k in keys]


def growth_view(fits: dict[str, GrowthFit], sets: dict[str, ModelSet], proj: Projections, summary: pd.DataFrame,
                colors: dict):
    """The view of the interactive panel: ``view(model_sets, cost_method, end_year)`` -> fan chart, summary rows
    and projected years of the chosen cost fits priced by `cost_method` ('either', 'cloud', 'amortized')."""
    cost_method_of = {k: "cloud" if k.endswith("_cloud") else "amortized" for k in COST_KEYS}

    def view(model_sets, cost_method, end_year):
        """Fan chart to `end_year`, fit summary and projected years for the chosen fits priced by `cost_method`."""
        keys = [k for k in COST_KEYS if k in model_sets and cost_method in ("either", cost_method_of[k])]
        if not keys:
            return "No fit matches: choose at least one model set priced by the chosen cost method."
        fig = fan_chart(fan_panels(fits, sets, keys, colors, proj.offsets), start=2024.0, end=float(end_year),
                        levels=FAN_LEVELS)
        return fig, summary.loc[keys].round(2), proj.shown(keys)

    return view


def growth_controls(sets: dict[str, ModelSet], horizon: float) -> dict:
    """The widgets of :func:`growth_view`: model sets (default: the fan chart's), cost method, end year."""
    import ipywidgets as widgets

    return dict(
        model_sets=widgets.SelectMultiple(options=[(sets[k].label, k) for k in COST_KEYS], value=tuple(FAN_KEYS),
                                          rows=len(COST_KEYS), description="Model sets"),
        cost_method=widgets.Dropdown(options=[("either method", "either"), ("cloud rental", "cloud"),
                                              ("amortized hardware + energy", "amortized")],
                                     value="either", description="Cost method"),
        end_year=widgets.IntSlider(value=int(horizon), min=2025, max=max(2060, int(horizon)), step=1,
                                   description="End year", continuous_update=False),
    )


def finite(v):
    """A number for JSON: rounded to 4 decimals; None if missing or infinite."""
    return None if v is None or not math.isfinite(v) else round(float(v), 4)


def results(fits: dict[str, GrowthFit], proj: Projections, published: dict, *, seed: int, n_boot: int,
            pi_level: float) -> dict:
    """The results file of notebook 05: settings, the published reference and every fit (with projected years of
    $1bn and $1tn for the cost fits)."""
    out = {"notebook": "05_ai_training_cost_growth", "seed": seed, "n_boot": n_boot, "pi_level": pi_level,
           "cottier_published": published, "fits": {}}
    for key, f in fits.items():
        entry = {"label": f.label, "n_models": f.n, "ooms_per_year": finite(f.slope),
                 "factor_per_year": finite(f.factor_per_year),
                 "factor_ci95_hc3": [finite(v) for v in f.factor_ci(0.95, "robust")],
                 "factor_ci95_bootstrap": [finite(v) for v in f.factor_ci(0.95, "bootstrap")],
                 "factor_ci90_hc3": [finite(v) for v in f.factor_ci(0.90, "robust")],
                 "doubling_time_months": finite(12 * f.doubling_time_years),
                 "doubling_time_months_ci95_hc3": [finite(12 * v) for v in f.doubling_ci(0.95, "robust")],
                 "unit": "FLOP" if key.startswith("d_") else "2023 USD"}
        if key in proj.labels:
            for tag in ("1bn", "1tn"):
                entry[f"year_{tag}_trend"] = finite(proj.year(key, tag, "trend_year"))
                entry[f"year_{tag}_trend_pi90"] = [finite(v) for v in proj.band(key, tag, "trend_pi90")]
                entry[f"year_{tag}_largest_run"] = finite(proj.year(key, tag))
                entry[f"year_{tag}_largest_run_ci90"] = [finite(v) for v in proj.band(key, tag)]
        out["fits"][key] = entry
    return out
