"""The model tables of the AI training-cost study and the sets of models it fits (notebook 05).

The frontier selection :func:`frontier_top_n` follows Epoch's "top-n at the time of publication" rule: a model is
frontier if fewer than ``n`` models published on or before its date had more training compute.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core import data
from analysis.estimators import growth

# Names in the AI Index 2024 cost file that Epoch's database later changed (same publication dates; checked by
# cloud_costs).
ALIASES = {"Gemini Ultra": "Gemini 1.0 Ultra", "Falcon 180B": "Falcon-180B", "HyperCLOVA": "HyperCLOVA 82B",
           "Transformer (Adaptive Input Embeddings)": "Transformer (Adaptive Input Embeddings) WT103"}
# Epoch access types with released weights: the AI Index's "open"; only the first is open in the brief's sense.
OPEN_WEIGHTS = ["Open source", "Open access (non-commercial)", "Open access (restricted use)"]


def load_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Epoch's training costs, models and hardware prices; costs and models get ``year`` (decimal publication year)."""
    costs, models = data.load("ai_training_costs"), data.load("ai_models")
    for frame in (costs, models):
        frame["year"] = growth.decimal_year(frame["publication_date"])
    return costs, models, data.load("ai_hardware_prices")


def by_method(costs: pd.DataFrame, method: str) -> pd.DataFrame:
    """The rows of `costs` priced by one ``cost_method``."""
    return costs[costs["cost_method"] == method]


def amortized_gap(costs: pd.DataFrame) -> pd.Series:
    """Relative gap, per model, between Cottier et al.'s amortized cost and Epoch's July-2024 download (where both)."""
    amort = costs.pivot_table(index="model", columns="cost_method", values="training_cost_usd")
    both = amort[["amortized_cottier2024", "amortized_epoch_notable_2024_07"]].dropna()
    return (both["amortized_cottier2024"] / both["amortized_epoch_notable_2024_07"] - 1).abs()


def cloud_costs(costs: pd.DataFrame, models: pd.DataFrame) -> pd.DataFrame:
    """AI Index cloud-rental costs with ``db_model``, the model's name in Epoch's database (:data:`ALIASES`).

    Raises ValueError if a model is missing from `models`, matches more than once or its publication date differs.
    """
    cloud = by_method(costs, "cloud_aiindex2024").copy()
    cloud["db_model"] = cloud["model"].replace(ALIASES)
    check = cloud.merge(models[["model", "publication_date"]], left_on="db_model", right_on="model",
                        suffixes=("", "_db"))
    unmatched = sorted(set(cloud["model"]) - set(check["model"]))
    wrong = check.loc[check["publication_date"] != check["publication_date_db"], "model"].tolist()
    if unmatched or wrong or len(check) != len(cloud):
        raise ValueError(f"ai_training_costs (cloud_aiindex2024), column model: not in ai_models {unmatched}, "
                         f"publication_date differs {wrong}, {len(check)} matches for {len(cloud)} rows")
    return cloud


@dataclass(frozen=True)
class ModelSet:
    """A set of models to fit: its label, decimal publication years, values (USD or FLOP) and model names."""

    label: str
    years: np.ndarray
    values: np.ndarray
    names: list


def model_set(label: str, frame: pd.DataFrame, mask, value: str = "training_cost_usd") -> ModelSet:
    """The rows of `frame` selected by boolean `mask` as a :class:`ModelSet` of column `value`."""
    part = frame[mask]
    return ModelSet(label, part["year"].to_numpy(), part[value].to_numpy(), part["model"].tolist())


def model_sets(costs: pd.DataFrame, cloud: pd.DataFrame, models: pd.DataFrame, frontier: pd.Series,
               end: str) -> dict[str, ModelSet]:
    """The seven sets of notebook 05: (a) the brief's chart, (b) the AI Index, (c) the frontier three ways, (d) compute.

    `cloud` comes from :func:`cloud_costs`, `frontier` from :func:`frontier_top_n` (its index: model names);
    `end` closes the window of notable models in (d).
    """
    cottier = by_method(costs, "amortized_cottier2024")
    notable = by_method(costs, "amortized_epoch_notable_2024_07")
    compute = models.dropna(subset=["training_compute_flop"])
    flop = "training_compute_flop"
    return {
        "a_chart10_cloud": model_set("(a) brief's chart: 10 models, cloud", cloud, cloud["aiindex2024_chart"]),
        "b_aiindex_cloud": model_set("(b) AI Index, all with cost, cloud", cloud, cloud["training_cost_usd"] > 0),
        "c_frontier_amortized_cottier": model_set("(c) frontier, amortized (Cottier data)", cottier,
                                                  cottier["model"] != ""),
        "c_frontier_amortized_rebuilt": model_set("(c) frontier rebuilt, amortized (Epoch Jul-2024)", notable,
                                                  notable["model"].isin(frontier.index)),
        "c_frontier_cloud": model_set("(c) frontier, cloud (AI Index)", cloud, cloud["db_model"].isin(frontier.index)),
        "d_frontier_compute": model_set("(d) frontier, training compute", compute,
                                        compute["model"].isin(frontier.index), flop),
        "d_notable_compute": model_set("(d) notable since 2010, training compute", compute,
                                       compute["notable"] & compute["publication_date"].between("2010-01-01", end),
                                       flop),
    }


def access_shares(frame: pd.DataFrame) -> pd.Series:
    """Models in `frame`, those with a known access type, and the open-source and open-weights shares among those."""
    known = frame.dropna(subset=["model_accessibility"])
    return pd.Series({"models": len(frame), "access_known": len(known),
                      "open_source_share": (known["model_accessibility"] == "Open source").mean(),
                      "open_weights_share": known["model_accessibility"].isin(OPEN_WEIGHTS).mean()})


def access_table(models: pd.DataFrame, end: str = "2023-12-31", years=(2021, 2022, 2023)) -> pd.DataFrame:
    """:func:`access_shares` of foundation models by year and in all, and of notable models by year, up to `end`."""
    upto = models["publication_date"] <= end
    fm = models[models["foundation_model"] & upto]
    nm = models[models["notable"] & (models["publication_date"] >= f"{years[0]}-01-01") & upto]
    return pd.concat({
        **{f"foundation {y}": access_shares(fm[fm["publication_date"].dt.year == y]) for y in years},
        "foundation, all to 2023": access_shares(fm),
        **{f"notable {y}": access_shares(nm[nm["publication_date"].dt.year == y]) for y in years},
    }, axis=1).T


def recent_purchase_prices(prices: pd.DataFrame, hardware: str = "H100", since: str = "2023-01-01") -> pd.DataFrame:
    """Purchase-price quotes of the accelerators whose name contains `hardware`, dated on or after `since`."""
    purchase = prices[prices["hardware_model"].str.contains(hardware)].dropna(subset=["purchase_price_usd"])
    return purchase[purchase["price_date"] >= since]


def largest_data_and_runs(models: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The Transformer (2017) and the language model with the most training data; the run with the most chips."""
    lang = models[models["domain"].fillna("").str.contains("Language")].dropna(
        subset=["training_dataset_size_datapoints"])
    transformer = lang.loc[lang["model"] == "Transformer"].iloc[0]
    largest_data = lang.sort_values("training_dataset_size_datapoints").iloc[-1]
    biggest_run = models.dropna(subset=["hardware_quantity_chips"]).sort_values("hardware_quantity_chips").iloc[-1]
    return transformer, largest_data, biggest_run


def frontier_top_n(models: pd.DataFrame, *, n: int = 10, start: str | None = "2015-09-01",
                   end: str | None = "2023-12-31", date_col: str = "publication_date",
                   compute_col: str = "training_compute_flop", key: str = "model") -> pd.Series:
    """Epoch's frontier rule: models in the running top-`n` by training compute at their publication date.

    A model is frontier when fewer than `n` models of `models` published on or before its date had more
    training compute. The ranking uses every model with a known compute and date (also those before `start`);
    `start`/`end` then limit which models can be selected. Epoch's list for Cottier et al. (2024)
    (``data/frontier_systems_by_top_n.json`` in epoch-research/training-cost-trends) is reproduced with the
    notable models of the 2024-06-03 database, ``start="2015-09-01"``, ``end="2023-12-31"`` (64 of 65 names
    agree; see tests).

    Returns
    -------
    pandas.Series of int, indexed by `key`: the rank at publication (1 = largest so far) of each selected model.
    """
    pool = models.dropna(subset=[date_col, compute_col])
    dates = pd.to_datetime(pool[date_col]).to_numpy()
    comp = pool[compute_col].to_numpy(dtype=float)
    # rank_i = 1 + #{j : date_j <= date_i and compute_j > compute_i}
    earlier = dates[None, :] <= dates[:, None]
    larger = comp[None, :] > comp[:, None]
    rank = 1 + (earlier & larger).sum(axis=1)
    keep = rank <= n
    if start is not None:
        keep &= dates >= np.datetime64(pd.Timestamp(start))
    if end is not None:
        keep &= dates <= np.datetime64(pd.Timestamp(end))
    return pd.Series(rank[keep], index=pool[key].to_numpy()[keep], name=f"rank_top{n}")


def cloud_and_amortized(cloud: pd.DataFrame, costs: pd.DataFrame) -> pd.DataFrame:
    """Models with both an AI Index cloud-rental cost (`cloud`, from :func:`cloud_costs`) and Cottier et al.'s
    amortized cost: columns of each with suffixes ``_cloud`` and ``_amort``, and their ratio
    ``cloud_over_amortized``."""
    common = cloud.merge(by_method(costs, "amortized_cottier2024"), left_on="db_model", right_on="model",
                         suffixes=("_cloud", "_amort"))
    common["cloud_over_amortized"] = common["training_cost_usd_cloud"] / common["training_cost_usd_amort"]
    return common
