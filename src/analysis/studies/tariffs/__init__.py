"""US import shares, the average US tariff on Chinese goods rebuilt wave by wave, and a tariff scenario calculator.

Three pieces, each returning small frames or result objects that the notebook displays:

* :func:`annual_imports` / :func:`import_shares` — annual US goods imports by partner on one statistical basis at a
  time (Census goods, BoP goods, BoP goods and services are never mixed), from monthly FRED series and annual
  release figures.
* :func:`rebuild_average_tariff` — the trade-weighted average tariff and the share of imports covered, rebuilt from a
  table of dated tariff actions with fixed pre-war (2017) import weights.
* :func:`scenario` and :func:`scenario_pe` — a tariff scenario (rates by partner on an import base) as a
  trade-weighted average tariff and customs revenue, statically or with a constant-elasticity import demand.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np
import pandas as pd

from analysis.core.figures import REPORT_WIDTH_IN

BASES = ("census_goods", "bop_goods", "bop_goods_and_services", "goods_basis_unstated")


# ------------------------------------------------------------------------------------------- import shares
def annual_imports(monthly: pd.DataFrame, annual: pd.DataFrame) -> pd.DataFrame:
    """Annual imports by partner and basis, one row per (year, partner, basis, source), with one preferred row each.

    Parameters
    ----------
    monthly : the ``trade_us_imports_monthly`` resource (FRED series, $ million per month, Census basis).
    annual : the ``trade_us_imports_annual`` resource (release and report figures, $ billion, with ``basis``).

    Returns
    -------
    DataFrame with columns ``year, partner, basis, imports_usd_bn, source_key, preferred, n_months``.
    FRED 12-month sums are added for complete calendar years only (``n_months == 12``) as basis ``census_goods``.
    A FRED sum is the preferred row for its (year, partner, basis) unless the annual table already marks a row
    preferred there (e.g. first-release Census figures for Mexico 2018-2024).
    """
    need_m = {"series_id", "partner", "month", "imports_usd_mn", "source_key"}
    need_a = {"year", "partner", "basis", "imports_usd_bn", "source_key", "preferred"}
    for frame, need, name in ((monthly, need_m, "monthly"), (annual, need_a, "annual")):
        missing = need - set(frame.columns)
        if missing:
            raise ValueError(f"{name} table lacks columns {sorted(missing)}")
    bad = set(annual["basis"]) - set(BASES)
    if bad:
        raise ValueError(f"unknown basis {sorted(bad)}; expected one of {BASES}")

    m = monthly.assign(year=pd.to_datetime(monthly["month"]).dt.year)
    sums = (m.groupby(["series_id", "partner", "source_key", "year"], as_index=False)
             .agg(imports_usd_mn=("imports_usd_mn", "sum"), n_months=("imports_usd_mn", "size")))
    sums = sums[sums["n_months"] == 12]
    fred = pd.DataFrame({
        "year": sums["year"].astype(int), "partner": sums["partner"].astype(str), "basis": "census_goods",
        "imports_usd_bn": sums["imports_usd_mn"] / 1000.0, "source_key": sums["source_key"].astype(str),
        "preferred": False, "n_months": 12,
    })
    ann = annual[list(need_a)].copy()
    ann["year"] = ann["year"].astype(int)
    ann["preferred"] = ann["preferred"].astype(bool)
    ann["imports_usd_bn"] = ann["imports_usd_bn"].astype(float)
    ann["n_months"] = np.nan
    has_pref = set(map(tuple, ann.loc[ann["preferred"] & ann["imports_usd_bn"].notna(),
                                      ["year", "partner", "basis"]].astype(str).values))
    fred["preferred"] = [(str(y), p, b) not in has_pref for y, p, b in
                         zip(fred["year"], fred["partner"], fred["basis"])]
    out = pd.concat([ann.astype({"partner": str, "basis": str, "source_key": str}), fred], ignore_index=True)
    out = out[["year", "partner", "basis", "imports_usd_bn", "source_key", "preferred", "n_months"]]
    dup = out[out["preferred"]].duplicated(["year", "partner", "basis"], keep=False)
    if dup.any():
        rows = out[out["preferred"]][dup][["year", "partner", "basis"]].drop_duplicates().values.tolist()
        raise ValueError(f"more than one preferred value for {rows}")
    return out.sort_values(["partner", "basis", "year", "source_key"], ignore_index=True)


def preferred_series(imports: pd.DataFrame, basis: str = "census_goods") -> pd.DataFrame:
    """Wide table year × partner of the preferred values on one basis ($ billion; NaN where none is sourced)."""
    if basis not in BASES:
        raise ValueError(f"basis must be one of {BASES}, not {basis!r}")
    p = imports[(imports["basis"] == basis) & imports["preferred"] & imports["imports_usd_bn"].notna()]
    return p.pivot(index="year", columns="partner", values="imports_usd_bn").sort_index()


def import_shares(wide: pd.DataFrame, partners=("China", "Mexico", "Canada", "EU"), total: str = "World"
                  ) -> pd.DataFrame:
    """Each partner's share of total imports, percent, by year (NaN where the partner or the total is missing).

    Adds ``top_source`` (largest of the partners with a value that year) — e.g. the year Mexico overtook China.
    """
    if total not in wide.columns:
        raise ValueError(f"the table has no {total!r} column to divide by")
    shares = pd.DataFrame(index=wide.index)
    for p in partners:
        shares[p] = 100 * wide[p] / wide[total] if p in wide.columns else np.nan
    present = [p for p in partners if p in wide.columns]
    levels = wide[present]
    shares["top_source"] = levels.idxmax(axis=1).where(levels.notna().any(axis=1))
    return shares


def first_year_above(wide: pd.DataFrame, a: str, b: str, start: int | None = None) -> int | None:
    """First year (from `start`) in which partner `a`'s imports exceed partner `b`'s; None if never."""
    both = wide[[a, b]].dropna()
    if start is not None:
        both = both[both.index >= start]
    hit = both.index[both[a] > both[b]]
    return int(hit[0]) if len(hit) else None


# ---------------------------------------------------------------------------------- average tariff rebuild
@dataclass
class TariffRebuild:
    """The rebuilt path: one row per date with the covered imports, coverage share and average tariff."""

    path: pd.DataFrame
    groups: pd.DataFrame
    excluded: list[str]
    weights_total_usd_bn: float
    base_rate_pct: float

    def at(self, date) -> pd.Series:
        """The rebuilt state in force on `date` (the last action on or before it)."""
        d = pd.Timestamp(date)
        before = self.path[self.path["date"] <= d]
        if before.empty:
            raise ValueError(f"no action on or before {d.date()}; the path starts {self.path['date'].min().date()}")
        return before.iloc[-1]


def rebuild_average_tariff(actions: pd.DataFrame, weights_total_usd_bn: float, base_rate_pct: float,
                           *, end=None) -> TariffRebuild:
    r"""Trade-weighted average tariff on one partner's goods, rebuilt from dated tariff actions.

    Each product group *g* (``group_id``) carries an announced import value :math:`V_g` and, from each dated action,
    an additional ad valorem rate :math:`a_g(t)` (the latest ``rate_pct`` set on or before *t*). With total pre-war
    imports :math:`M` (2017 weights) and the pre-war trade-weighted MFN average :math:`\bar\tau_0`,

    .. math:: \bar\tau(t) = \bar\tau_0 + \sum_g \frac{V_g}{M}\, a_g(t), \qquad
              \text{covered}(t) = \sum_{g:\,a_g(t)>0} \frac{V_g}{M}.

    This is exact when the additional duties stack on MFN rates and the groups do not overlap; it uses the
    *announced* list values as weights (USTR's, not Census 2017 tariff-line weights).

    Parameters
    ----------
    actions : the ``tariff_actions`` resource (needs ``date_effective, group_id, status, covered_imports_usd_bn,
        rate_pct``). Rows with status ``suspended``, ``announced``, ``exemption`` or ``exemption_ended`` set no rate.
    weights_total_usd_bn : total imports from the partner in the weight year ($ billion, > 0).
    base_rate_pct : trade-weighted average MFN tariff before the actions (percent, >= 0).
    end : optional last date to include.

    Returns
    -------
    TariffRebuild
        ``path`` (date, covered_usd_bn, covered_share_pct, additional_pp, average_pct, groups_in_force),
        ``groups`` (each group's value and rate history), ``excluded`` (groups that set a rate but have no covered
        value, or a value but no rate: they cannot enter a value-weighted average).
    """
    if not np.isfinite(weights_total_usd_bn) or weights_total_usd_bn <= 0:
        raise ValueError(f"weights_total_usd_bn must be a positive number, not {weights_total_usd_bn!r}")
    if not np.isfinite(base_rate_pct) or base_rate_pct < 0:
        raise ValueError(f"base_rate_pct must be a non-negative number, not {base_rate_pct!r}")
    need = {"date_effective", "group_id", "status", "covered_imports_usd_bn", "rate_pct"}
    missing = need - set(actions.columns)
    if missing:
        raise ValueError(f"actions table lacks columns {sorted(missing)}")
    act = actions.copy()
    act["date_effective"] = pd.to_datetime(act["date_effective"])
    if end is not None:
        act = act[act["date_effective"] <= pd.Timestamp(end)]
    setting = act[act["status"].isin(["imposed", "rate_change"])].sort_values("date_effective", kind="stable")

    values = setting.groupby("group_id")["covered_imports_usd_bn"].agg(
        lambda s: s.dropna().iloc[0] if s.notna().any() else np.nan)
    has_rate = setting.groupby("group_id")["rate_pct"].agg(lambda s: s.notna().any())
    usable = [g for g in values.index if pd.notna(values[g]) and has_rate[g]]
    excluded = sorted(set(values.index) - set(usable))
    total_value = float(values[usable].sum()) if usable else 0.0
    if total_value > weights_total_usd_bn * (1 + 1e-9):
        raise ValueError(f"covered values sum to {total_value:g} bn, more than the import base "
                         f"{weights_total_usd_bn:g} bn: the groups overlap or the base is wrong")

    rows, rate = [], {}
    for date, day in setting[setting["group_id"].isin(usable)].groupby("date_effective", sort=True):
        for g, r in zip(day["group_id"], day["rate_pct"]):
            if pd.notna(r):
                rate[g] = float(r)
        in_force = {g: r for g, r in rate.items() if r > 0}
        covered = sum(values[g] for g in in_force)
        additional = sum(values[g] * r for g, r in in_force.items()) / weights_total_usd_bn
        rows.append({"date": date, "covered_usd_bn": covered,
                     "covered_share_pct": 100 * covered / weights_total_usd_bn,
                     "additional_pp": additional, "average_pct": base_rate_pct + additional,
                     "groups_in_force": ";".join(sorted(in_force))})
    start = {"date": pd.NaT, "covered_usd_bn": 0.0, "covered_share_pct": 0.0, "additional_pp": 0.0,
             "average_pct": base_rate_pct, "groups_in_force": ""}
    path = pd.DataFrame([start] + rows)
    if len(setting):
        # the pre-war state holds from the day before the first rate-setting action of any group
        path.loc[0, "date"] = setting["date_effective"].min() - pd.Timedelta(days=1)
    groups = (setting[setting["group_id"].isin(usable)]
              .groupby("group_id")
              .agg(covered_usd_bn=("covered_imports_usd_bn", lambda s: s.dropna().iloc[0]),
                   first_date=("date_effective", "min"),
                   rates=("rate_pct", lambda s: " -> ".join(f"{x:g}" for x in s.dropna())))
              .reset_index().sort_values("first_date", ignore_index=True))
    return TariffRebuild(path=path, groups=groups, excluded=excluded,
                         weights_total_usd_bn=float(weights_total_usd_bn), base_rate_pct=float(base_rate_pct))


def series_at(series: pd.DataFrame, dates, value: str, date_col: str = "date") -> pd.Series:
    """Step-function lookup: the value of `series[value]` in force on each of `dates` (last row on or before)."""
    s = series[[date_col, value]].dropna().sort_values(date_col)
    idx = np.searchsorted(s[date_col].values, pd.to_datetime(pd.Index(dates)).values, side="right") - 1
    out = np.where(idx >= 0, s[value].values[np.clip(idx, 0, None)], np.nan)
    return pd.Series(out, index=pd.Index(dates), name=value)


# ------------------------------------------------------------------------------------ scenario calculator
@dataclass
class ScenarioResult:
    """A tariff scenario: the trade-weighted average tariff and customs revenue on an import base."""

    average_tariff_pct: float
    revenue_usd_bn: float
    imports_usd_bn: float
    table: pd.DataFrame
    assumptions: dict = field(default_factory=dict)


def _check_inputs(rates: Mapping[str, float], imports: Mapping[str, float]) -> None:
    if not imports:
        raise ValueError("imports is empty: give imports by partner in $ billion")
    missing = set(imports) - set(rates)
    if missing:
        raise ValueError(f"no tariff rate for partner(s) {sorted(missing)}")
    extra = set(rates) - set(imports)
    if extra:
        raise ValueError(f"rate given for partner(s) {sorted(extra)} with no import base")
    for k, v in imports.items():
        if not np.isfinite(v) or v < 0:
            raise ValueError(f"imports for {k!r} must be a finite number >= 0, not {v!r}")
    for k, v in rates.items():
        if not np.isfinite(v) or v < 0:
            raise ValueError(f"tariff rate for {k!r} must be a finite percentage >= 0, not {v!r}")
    if sum(imports.values()) <= 0:
        raise ValueError("total imports must be positive")


def scenario(rates: Mapping[str, float], imports: Mapping[str, float]) -> ScenarioResult:
    r"""Static scenario: rates (percent, ad valorem) by partner applied to an unchanged import base.

    .. math:: \bar\tau = \frac{\sum_i M_i \tau_i}{\sum_i M_i}, \qquad R = \sum_i M_i \tau_i / 100

    ``imports`` are customs values ($ billion, tariff-exclusive). No behavioural response: an upper bound on
    revenue for given rates, and the average tariff at pre-scenario weights.
    """
    _check_inputs(rates, imports)
    t = pd.DataFrame({"imports_usd_bn": pd.Series(imports, dtype=float), "rate_pct": pd.Series(rates, dtype=float)})
    t["revenue_usd_bn"] = t["imports_usd_bn"] * t["rate_pct"] / 100
    m = float(t["imports_usd_bn"].sum())
    rev = float(t["revenue_usd_bn"].sum())
    return ScenarioResult(average_tariff_pct=100 * rev / m, revenue_usd_bn=rev, imports_usd_bn=m, table=t,
                          assumptions={"model": "static", "elasticity": 0.0})


def scenario_pe(rates: Mapping[str, float], imports: Mapping[str, float], elasticity: float,
                current_rates: Mapping[str, float] | None = None) -> ScenarioResult:
    r"""Partial-equilibrium scenario with a constant-elasticity import demand, partner by partner.

    Assumptions (stated so they can be argued with):

    1. Foreign supply is perfectly elastic: the tariff-exclusive price is unchanged, so the full tariff is
       passed through to US buyers (the importing country does not improve its terms of trade).
    2. Imports from each partner respond only to their own tariff-inclusive price, with the same elasticity
       :math:`\varepsilon \ge 0` for all partners: no diversion between partners, no retaliation, no exchange-rate or
       income effects.
    3. Import values at the base are at ``current_rates`` (default zero): the change in the tariff-inclusive price
       is :math:`(1+\tau_i)/(1+\tau_i^0)`.

    .. math:: M_i' = M_i \left(\frac{1+\tau_i/100}{1+\tau_i^0/100}\right)^{-\varepsilon}, \qquad
              R = \sum_i M_i'\,\tau_i/100, \qquad \bar\tau = R / \sum_i M_i'

    ``elasticity = 0`` gives :func:`scenario`. Returns the average at the new (post-response) weights.
    """
    if not np.isfinite(elasticity) or elasticity < 0:
        raise ValueError(f"elasticity must be a finite number >= 0 (a demand elasticity in absolute value), "
                         f"not {elasticity!r}")
    _check_inputs(rates, imports)
    current = {k: 0.0 for k in imports} if current_rates is None else dict(current_rates)
    _check_inputs(current, imports)
    t = pd.DataFrame({"imports_base_usd_bn": pd.Series(imports, dtype=float),
                      "current_rate_pct": pd.Series(current, dtype=float),
                      "rate_pct": pd.Series(rates, dtype=float)})
    price_ratio = (1 + t["rate_pct"] / 100) / (1 + t["current_rate_pct"] / 100)
    t["imports_usd_bn"] = t["imports_base_usd_bn"] * price_ratio ** (-elasticity)
    t["revenue_usd_bn"] = t["imports_usd_bn"] * t["rate_pct"] / 100
    m = float(t["imports_usd_bn"].sum())
    rev = float(t["revenue_usd_bn"].sum())
    avg = 100 * rev / m if m > 0 else float("nan")
    return ScenarioResult(average_tariff_pct=avg, revenue_usd_bn=rev, imports_usd_bn=m, table=t,
                          assumptions={"model": "partial equilibrium, constant elasticity, full pass-through",
                                       "elasticity": float(elasticity)})


def proposal_readings(rates: Mapping[str, float], current_rates: Mapping[str, float]) -> dict:
    """The two readings of a proposal: its rates *replace* today's, or come *on top of* them.

    ``rates`` and ``current_rates`` are percent by partner (same keys). The names carry the proposal's rates in
    the order given, e.g. ``{"China": 60, "Rest of world": 10}`` -> ``"60/10 replace current rates"`` and
    ``"60/10 on top of current rates"``.
    """
    missing = set(rates) ^ set(current_rates)
    if missing:
        raise ValueError(f"rates and current_rates must name the same partners; differ in: {sorted(missing)}")
    tag = "/".join(f"{float(v):g}" for v in rates.values())
    return {f"{tag} replace current rates": {k: float(v) for k, v in rates.items()},
            f"{tag} on top of current rates": {k: float(v) + float(current_rates[k]) for k, v in rates.items()}}


def scenario_range(readings: Mapping[str, Mapping[str, float]], imports: Mapping[str, float],
                   elasticities, current_rates: Mapping[str, float] | None = None,
                   baseline_revenue_usd_bn: float | None = None) -> pd.DataFrame:
    """Grid of :func:`scenario_pe` over readings of a proposal (name -> rates) and import-demand elasticities.

    With ``baseline_revenue_usd_bn`` (e.g. the static revenue at today's rates) a column
    ``revenue_change_usd_bn`` gives each scenario's revenue minus that baseline.
    """
    rows = []
    for name, rates in readings.items():
        for e in elasticities:
            r = scenario_pe(rates, imports, e, current_rates)
            rows.append({"reading": name, "elasticity": float(e), "average_tariff_pct": r.average_tariff_pct,
                         "revenue_usd_bn": r.revenue_usd_bn, "imports_usd_bn": r.imports_usd_bn})
    grid = pd.DataFrame(rows)
    if baseline_revenue_usd_bn is not None:
        grid["revenue_change_usd_bn"] = grid["revenue_usd_bn"] - float(baseline_revenue_usd_bn)
    return grid


# ------------------------------------------------------------------------------------------------- figures
def plot_import_shares(shares: pd.DataFrame, partners=("China", "Mexico", "Canada")):
    """Line chart of partner shares of US goods imports (percent)."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    for p in partners:
        s = shares[p].dropna()
        ax.plot(s.index, s.values, marker="o", ms=3, label=p)
    ax.set_ylabel("share of US goods imports, %")
    ax.set_xlabel("")
    ax.set_title("Shares of US goods imports (Census basis)")
    ax.legend()
    return fig


def plot_average_tariff(rebuild: TariffRebuild, piie: pd.DataFrame, end=None):
    """Step plot: rebuilt average tariff on China vs PIIE's published series; coverage on a second panel."""
    import matplotlib.pyplot as plt

    fig, (ax, ax2) = plt.subplots(2, 1, sharex=True, figsize=(REPORT_WIDTH_IN, 4.9), height_ratios=(2, 1))
    p = piie.sort_values("date")
    if end is not None:
        p = p[p["date"] <= pd.Timestamp(end)]
    last = p["date"].max()
    r = rebuild.path.copy()
    r = pd.concat([r, r.iloc[[-1]].assign(date=last)], ignore_index=True) if r["date"].max() < last else r
    ax.step(p["date"], p["us_tariff_on_china_pct"], where="post", label="PIIE (Bown), US tariff on China")
    ax.step(r["date"], r["average_pct"], where="post", label="rebuilt from the actions table (2017 weights)")
    if "us_tariff_on_row_pct" in p:
        ax.step(p["date"], p["us_tariff_on_row_pct"], where="post", ls="--", label="PIIE, US tariff on rest of world")
    ax.set_ylabel("trade-weighted average, %")
    ax.set_title("Average US tariff on Chinese goods, wave by wave")
    ax.legend(fontsize=8)
    cov = p.dropna(subset=["share_of_us_imports_from_china_covered_pct"])
    ax2.step(cov["date"], cov["share_of_us_imports_from_china_covered_pct"], where="post", label="PIIE coverage")
    ax2.step(r["date"], r["covered_share_pct"], where="post", label="rebuilt coverage")
    ax2.set_ylabel("imports covered, %")
    ax2.legend(fontsize=8)
    return fig


def plot_scenario_range(grid: pd.DataFrame, reference: Mapping[str, float] | None = None,
                        title: str = "60% on China, 10% on the rest", elasticity: float | None = None):
    """Average tariff and revenue across elasticities, one line per reading of the proposal.

    ``title`` names the proposal; ``elasticity``, if given, is marked by a vertical line on both panels.
    """
    import matplotlib.pyplot as plt

    fig, (a1, a2) = plt.subplots(1, 2, figsize=(REPORT_WIDTH_IN, 3.6))
    for name, g in grid.groupby("reading", sort=False):
        a1.plot(g["elasticity"], g["average_tariff_pct"], marker="o", ms=3, label=name)
        a2.plot(g["elasticity"], g["revenue_usd_bn"], marker="o", ms=3, label=name)
    for label, v in (reference or {}).items():
        a1.axhline(v, color="grey", lw=0.8, ls=":")
        a1.annotate(label, (grid["elasticity"].min(), v), fontsize=8, va="bottom")
    a1.set_xlabel("import-demand elasticity")
    a1.set_ylabel("trade-weighted average tariff, %")
    a2.set_xlabel("import-demand elasticity")
    a2.set_ylabel("customs revenue, $ billion a year")
    if elasticity is not None:
        for a in (a1, a2):
            a.axvline(elasticity, color="black", lw=0.8, ls="--")
        a2.annotate(f"elasticity {elasticity:g}", (elasticity, 1), xycoords=("data", "axes fraction"),
                    xytext=(3, -10), textcoords="offset points", fontsize=8)
    a1.set_title(title)
    a1.legend(fontsize=8)
    return fig


def plot_eu_duties(cvd: pd.DataFrame, margins: tuple[float, float] | None = None):
    """Grouped bars: CVD by company group and stage, plus the 10% MFN duty stacked; optional margin band."""
    import matplotlib.pyplot as plt

    c = cvd[cvd["duty_type"] == "cvd"]
    mfn = float(cvd.loc[cvd["duty_type"] == "mfn", "rate_pct"].dropna().iloc[0])
    stages = ["provisional", "definitive"]
    companies = list(dict.fromkeys(c["company"]))
    fig, ax = plt.subplots(figsize=(REPORT_WIDTH_IN, 3.8))
    width = 0.38
    x = np.arange(len(companies))
    for k, st in enumerate(stages):
        vals = c[c["stage"] == st].set_index("company")["rate_pct"].reindex(companies)
        pos = x + (k - 0.5) * width
        # mid grey: a pale one could not be told from the pale margin band by a protanope
        ax.bar(pos, np.full(len(x), mfn), width, color="#999999", label="MFN duty (10%)" if k == 0 else None)
        bars = ax.bar(pos, vals.fillna(0).values, width, bottom=mfn, label=f"CVD, {st}")
        for b, v in zip(bars, vals.values):
            ax.annotate("n/a" if pd.isna(v) else f"{mfn + v:.1f}", (b.get_x() + b.get_width() / 2, mfn + (0 if pd.isna(v) else v)),
                        ha="center", va="bottom", fontsize=8)
    if margins:
        ax.axhspan(*margins, color="#D55E00", alpha=0.15, label=f"profit margins cited ({margins[0]:g}-{margins[1]:g}%)")
    names = [textwrap.fill(s.replace(", not sampled", " (not sampled)").replace(" (", "\n("), 14,
                           break_on_hyphens=False, break_long_words=False, replace_whitespace=False) for s in companies]
    ax.set_xticks(x, names, fontsize=8)
    ax.set_ylabel("duty, % of CIF import price")
    ax.set_title("EU duties on battery EVs from China: MFN + countervailing duty", pad=38)
    ax.legend(fontsize=8, ncols=2, loc="lower left", bbox_to_anchor=(0, 1.0))  # above the bars, not over them
    return fig


# ------------------------------------------------------------------------- checks on the EU EV and history claims
# Long-term credit rating scales, best first. Moody's grades map one to one onto the S&P/Fitch grades of the same rank.
SP_SCALE = ("AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-",
            "B+", "B", "B-", "CCC+", "CCC", "CCC-", "CC", "C", "D")
MOODYS_SCALE = ("Aaa", "Aa1", "Aa2", "Aa3", "A1", "A2", "A3", "Baa1", "Baa2", "Baa3", "Ba1", "Ba2", "Ba3",
                "B1", "B2", "B3", "Caa1", "Caa2", "Caa3", "Ca", "C")


def rating_rank(rating: str) -> int:
    """Position of a long-term rating on the S&P/Fitch scale (0 = AAA); Moody's grades map to the same rank.

    >>> rating_rank("BBB-") == rating_rank("Baa3") == 9
    True
    """
    r = str(rating).strip()
    if r in SP_SCALE:
        return SP_SCALE.index(r)
    if r in MOODYS_SCALE:
        return MOODYS_SCALE.index(r)
    raise ValueError(f"unknown rating {rating!r}: expected an S&P/Fitch grade ({SP_SCALE[0]}...{SP_SCALE[-1]}) "
                     f"or a Moody's grade ({MOODYS_SCALE[0]}...{MOODYS_SCALE[-1]})")


def notches_above(rating: str, floor: str = "B") -> int:
    """How many notches `rating` stands above `floor` (negative when below). "B" counts as the middle B grade
    (S&P/Fitch B, Moody's B2)."""
    return rating_rank(floor) - rating_rank(rating)


def price_premium(prices: pd.DataFrame) -> pd.DataFrame:
    """EU list price over China list price for the same model, in percent, one row per model.

    Parameters
    ----------
    prices : the ``eu_ev_price_comparison`` resource (``price_eu`` and ``price_china`` in the same currency).
    """
    need = {"model", "price_eu", "price_china", "currency"}
    missing = need - set(prices.columns)
    if missing:
        raise ValueError(f"price table lacks columns {sorted(missing)}")
    bad = prices[(prices["price_china"] <= 0) | (prices["price_eu"] <= 0)]
    if not bad.empty:
        raise ValueError(f"non-positive price for models {bad['model'].tolist()}")
    out = prices.copy()
    out["premium_pct"] = 100.0 * (out["price_eu"] / out["price_china"] - 1.0)
    return out.sort_values("premium_pct", ignore_index=True)


def retaliations(events: pd.DataFrame, start, days: int) -> pd.DataFrame:
    """Retaliatory measures (``rate_role == "retaliatory"``) that took effect within `days` days of `start`,
    with the lag in days, one row per economy (its first measure)."""
    start = pd.Timestamp(start)
    r = events[events["rate_role"] == "retaliatory"].copy()
    r["lag_days"] = (pd.to_datetime(r["date"]) - start).dt.days
    r = r[(r["lag_days"] >= 0) & (r["lag_days"] <= days)]
    return r.sort_values("date").drop_duplicates("economy", ignore_index=True)
