"""German inflation from public data: HICP year-on-year rates, the 2021-23 peak, electricity prices and firms'
expectations (the aggregate facts the energy study starts from)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.core import data


def hicp_yoy() -> pd.Series:
    """Germany's HICP all items, y/y % by month (``YYYY-MM``), from the index (resource energy_de_hicp_fred_long).

    Computed from the rounded index and rounded to one decimal, so within ±0.1 pp of the official rates.
    """
    hicp = data.load("energy_de_hicp_fred_long").rename(columns={"CP0000DEM086NEST": "index"})
    hicp["month"] = hicp["observation_date"].dt.strftime("%Y-%m")
    hicp["yoy_pct"] = (100 * (hicp["index"] / hicp["index"].shift(12) - 1)).round(1)
    return hicp.dropna(subset=["yoy_pct"]).set_index("month")["yoy_pct"]


@dataclass(frozen=True)
class Peak:
    """The 2021-23 peak of y/y inflation and the highest rate from the series' first month to 2020."""

    month: str
    value: float
    prior_month: str
    prior_value: float
    first_month: str

    def as_dict(self) -> dict:
        """The numbers the results file keeps."""
        return {"peak_yoy_pct": self.value, "peak_month": self.month, "max_yoy_1997_2020_pct": self.prior_value}


def inflation_peak(yoy: pd.Series) -> Peak:
    """The peak of `yoy` in 2021-2023 against its maximum up to 2020.

    The peak must equal the headline table's rate for that month (resource energy_de_hicp_headline_monthly);
    if the two tables disagree, a ValueError names both and the month.
    """
    month = yoy.loc["2021-01":"2023-12"].idxmax()
    before = yoy.loc[:"2020-12"]
    peak = Peak(month, float(yoy.loc[month]), before.idxmax(), float(before.max()), before.index[0])
    headline = data.load("energy_de_hicp_headline_monthly").set_index("month")
    if not np.isclose(headline.loc[month, "yoy_pct_derived_from_index"], peak.value):
        raise ValueError(f"two HICP tables disagree in {month}: energy_de_hicp_fred_long gives {peak.value}, "
                         f"energy_de_hicp_headline_monthly {headline.loc[month, 'yoy_pct_derived_from_index']}")
    return peak


def electricity_yoy() -> pd.Series:
    """HICP electricity (COICOP CP0451) for Germany, y/y % by month (energy_de_hicp_energy_components_monthly)."""
    comp = data.load("energy_de_hicp_energy_components_monthly")
    return comp.loc[comp["coicop"] == "CP0451"].set_index("month")["yoy_pct_derived_from_index"].dropna()


def firm_expectations_mean() -> pd.Series:
    """Bundesbank BOP-F firms' mean 12-month inflation expectation, by month
    (energy_de_firm_inflation_expectations_monthly)."""
    firm_exp = data.load("energy_de_firm_inflation_expectations_monthly")
    return firm_exp.loc[firm_exp["statistic"] == "mean"].set_index("month")["value"]
