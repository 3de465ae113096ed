"""Event-study triple difference for firm-year panels (the estimator of the Mexico GVC study).

The design, as described in the VoxDev column of April 2024 and the study's abstracts (see ``docs/designs.md``,
section A): a firm's exposure to the 2018–19 US tariffs on Chinese goods is the mean tariff increase on its pre-war
(2017) export bundle; its yearly outcome is regressed on exposure × year, exposure × year × GVC (IMMEX) status, with
firm fixed effects and year-by-GVC fixed effects (sector-by-year optional) and standard errors clustered by firm:

.. math::

    y_{it} = \\alpha_i + \\delta_{g(i),t} [+ \\mu_{s(i),t}]
             + \\sum_{k \\ne 2017} \\big(\\beta_k\\, x_i + \\gamma_k\\, x_i\\, g_i\\big)\\, 1[t = k] + \\varepsilon_{it}

``beta_k`` is the effect on non-GVC firms (the column's blue line), ``gamma_k`` the differential effect for GVC
firms (the purple line). The yearly difference-in-differences within one group (e.g. manufacturing GVC firms) is
the same regression on that group alone, with firm and year fixed effects. As in the study, effects are reported
as the contrast between a firm at the 75th and one at the 25th percentile of exposure: ``coef × (p75 − p25)``.

The exact equation of the paper is not public; this is the specification its public descriptions imply. Fixed
effects are absorbed by pyfixest (never dummy variables): ``engine="pyfixest"`` (default) calls ``pyfixest.feols``;
``engine="lean"`` sweeps the fixed effects out with pyfixest's own demeaning kernel and does the OLS and the
firm-clustered (CRV1) covariance, with pyfixest's small-sample correction, in numpy; on a balanced panel (every
firm observed every year, no sector-by-year effects) it uses the exact closed form of :func:`balanced_fit` instead
of iterating. It gives the same numbers (pinned to 1e-8 in the tests) with about half the memory and time on
millions of rows (``benchmarks/bench_gvc.py``) and much less per-call overhead on small panels. The Monte Carlo
calls :func:`balanced_fit` on arrays directly.

Default column names follow the firm-year panel schema (``data/schemas/gvc_panel.schema.json``). The study's own
constants (outcome labels, report years, sector groups), its checks of a user's panel, its plots and its Monte Carlo
live in :mod:`analysis.studies.gvc`; everything that reads pyfixest's model internals is in
:mod:`analysis.estimators.pyfixest_compat`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.estimators import distributions
from analysis.estimators import pyfixest_compat as compat
from analysis.estimators.pyfixest_compat import LeanFit

FIRM, YEAR, GROUP, SECTOR = "firm_id", "year", "gvc", "sector"
EXPOSURE, INPUT_EXPOSURE = "exposure_us_tariff_pp", "input_exposure_pp"
BASE_YEAR = 2017  # the panel schema's base year (pre-war export shares)


def exposure_quartiles(panel: pd.DataFrame, column: str = EXPOSURE, firm: str = FIRM) -> dict[str, float]:
    """25th and 75th percentile of a firm-level exposure over the panel's firms, and their difference ``iqr``."""
    per_firm = panel.drop_duplicates(firm)[column].dropna().to_numpy(float)
    if per_firm.size == 0:
        raise ValueError(f"column {column!r} has no values")
    p25, p75 = np.percentile(per_firm, [25, 75])
    return {"p25": float(p25), "p75": float(p75), "iqr": float(p75 - p25)}


# ------------------------------------------------------------------------------------------------- results
@dataclass
class EventStudy:
    """Yearly effects from one fit, as p75–p25 exposure contrasts.

    ``table`` has one row per outcome, group, exposure and year (the base year with 0 and no SE), with columns
    ``outcome, model, group, exposure, year, coef`` (per percentage point of exposure), ``estimate`` (the
    p75–p25 contrast, log points for log outcomes), ``se, ci_low, ci_high, pvalue, n_obs, n_firms`` and
    ``n_firms_cell``: the firms behind that row — firms of the row's group with the outcome observed in that
    year (for the GVC differential, the smaller of the GVC and non-GVC counts). ``iqr`` maps each exposure column
    to the p75−p25 difference used. ``fits`` keeps the pyfixest models. After :meth:`release`, rows resting on
    too few firms are withheld (values NaN, ``released`` False) and :meth:`effect` / :meth:`average` refuse them.
    """

    table: pd.DataFrame
    iqr: dict[str, float]
    formula: str
    model: str
    fits: dict[str, Any] = field(default_factory=dict, repr=False)
    _names: dict = field(default_factory=dict, repr=False)
    _cells: dict = field(default_factory=dict, repr=False)  # (outcome, group) -> firms by year, for averages
    minimum: int | None = None

    def release(self, minimum: int) -> "EventStudy":
        """Withhold every row resting on fewer than `minimum` firms (research-data-centre rule); returns self."""
        from analysis.core import release

        self.minimum = int(minimum)
        self.table = release.suppress(self.table, "n_firms_cell", self.minimum,
                                      ["coef", "estimate", "se", "ci_low", "ci_high", "pvalue"])
        return self

    def effect(self, year: int, group: str | None = None, outcome: str | None = None,
               exposure: str | None = None) -> pd.Series:
        """The row of one year (first group/outcome/exposure unless given)."""
        from analysis.core.release import Unavailable

        t = self._select(group, outcome, exposure)
        hit = t[t["year"] == year]
        if hit.empty:
            raise Unavailable(f"no estimate for year {year} (the panel's years: "
                              f"{', '.join(map(str, sorted(t['year'].unique())))})")
        row = hit.iloc[0]
        if "released" in row and not row["released"]:
            raise Unavailable(f"the {year} estimate ({row['group']}, {row['outcome']}) is {row['note']}")
        if not np.isfinite(row["estimate"]):
            raise Unavailable(f"the {year} estimate ({row['group']}, {row['outcome']}) is not identified on this panel")
        return row

    def average(self, years: Sequence[int], group: str | None = None, outcome: str | None = None,
                exposure: str | None = None, level: float = 0.95) -> dict:
        """Mean of the yearly contrasts over `years` (e.g. 2018–2021), with its SE from the clustered vcov.

        Raises :class:`analysis.core.release.Unavailable` if a year has no estimate, or (after :meth:`release`) if
        fewer than the minimum firms are behind the average.
        """
        from analysis.core.release import Unavailable, withheld_note

        t = self._select(group, outcome, exposure)
        out, grp, exp_col = t["outcome"].iat[0], t["group"].iat[0], t["exposure"].iat[0]
        fit = self.fits[out]
        names = list(fit.coef().index)
        base = self.table.attrs.get("base_year", BASE_YEAR)
        missing = [y for y in years if y != base and self._names.get((grp, exp_col, y)) not in names]
        if missing:
            raise Unavailable(f"no estimate for year(s) {', '.join(map(str, missing))} ({grp}, {out})")
        w = np.zeros(len(names))
        for y in years:
            if y == base:
                continue
            w[names.index(self._names[(grp, exp_col, y)])] += 1.0 / len(years)
        by_year = self._cells.get((out, grp), {})
        n_cell = int(max((by_year.get(y, 0) for y in years), default=0))
        if self.minimum is not None and n_cell < self.minimum:
            raise Unavailable(f"the {min(years)}-{max(years)} average ({grp}, {out}) is "
                              f"{withheld_note('firms', self.minimum)}")
        scale = self.iqr[exp_col]  # the base year contributes 0 to the mean
        b = float(w @ fit.coef().to_numpy()) * scale
        se = float(np.sqrt(w @ compat.vcov(fit) @ w)) * scale
        crit = compat.critical(fit, level)
        p = float(2 * distributions.t_cdf(-abs(b / se), compat.dof(fit))) if se > 0 else float("nan")
        return {"outcome": out, "group": grp, "exposure": exp_col, "years": f"{min(years)}-{max(years)}",
                "estimate": b, "se": se, "ci_low": b - crit * se, "ci_high": b + crit * se, "pvalue": p,
                "n_obs": compat.n_obs(fit), "n_firms": int(compat.n_clusters(fit)), "n_firms_cell": n_cell}

    def _select(self, group, outcome, exposure) -> pd.DataFrame:
        from analysis.core.release import Unavailable

        t = self.table
        for col, val in (("group", group), ("outcome", outcome), ("exposure", exposure)):
            val = t[col].iat[0] if val is None else val
            t = t[t[col] == val]
            if t.empty:
                raise Unavailable(f"no rows with {col} = {val!r}; have {sorted(self.table[col].unique())}")
        return t


# ----------------------------------------------------------------------------------------------- estimator
def _check_columns(panel: pd.DataFrame, cols: Iterable[str]) -> None:
    missing = [c for c in cols if c not in panel.columns]
    if missing:
        raise KeyError(f"panel lacks column(s) {missing}; has {list(panel.columns)}")


def _event_columns(panel: pd.DataFrame, exposures: Sequence[str], years: Sequence[int], base_year: int,
                   group: str | None, year: str) -> tuple[dict, dict, list[str]]:
    """Specs of the exposure × 1[year = k] (and × group) columns for every k ≠ base year.

    Returns ``(specs, names, order)``: ``specs[name] = (exposure, k, with_group)``, ``names[(group, exposure, k)]
    = name``; :func:`_make_column` turns a spec into a float64 array (made one at a time, to spare memory).
    """
    specs, names, order = {}, {}, []
    for e_i, e in enumerate(exposures):
        for k in years:
            if k == base_year:
                continue
            name = f"x{e_i}_{k}"
            specs[name] = (e, k, False)
            names[("all" if group is not None else "group", e, k)] = name
            order.append(name)
            if group is not None:
                name = f"x{e_i}_g_{k}"
                specs[name] = (e, k, True)
                names[("gvc_differential", e, k)] = name
                order.append(name)
    return specs, names, order


def _make_column(panel: pd.DataFrame, spec: tuple, group: str | None, year: str) -> np.ndarray:
    e, k, with_group = spec
    col = panel[e].to_numpy(float) * (panel[year].to_numpy() == k)
    if with_group:
        col *= panel[group].to_numpy(float)
    return col


def _fit(panel: pd.DataFrame, outcomes: Sequence[str], exposures: Sequence[str], *, group: str | None,
         fixef: str, base_year: int, firm: str, year: str, iqr: dict[str, float] | None, model: str,
         group_label: str, level: float, engine: str = "pyfixest") -> EventStudy:
    import pyfixest as pf

    if engine not in ("pyfixest", "lean"):
        raise ValueError(f"engine must be 'pyfixest' or 'lean', not {engine!r}")

    outcomes = [outcomes] if isinstance(outcomes, str) else list(outcomes)
    exposures = [exposures] if isinstance(exposures, str) else list(exposures)
    need = [firm, year, *outcomes, *exposures] + ([group] if group else [])
    _check_columns(panel, need)
    years = sorted(int(v) for v in pd.unique(panel[year]))
    if base_year not in years:
        raise ValueError(f"base year {base_year} is not in the panel's years {years}")
    if iqr is None:
        iqr = {e: exposure_quartiles(panel, e, firm)["iqr"] for e in exposures}
    specs, names, order = _event_columns(panel, exposures, years, base_year, group, year)
    fe_cols = [c for c in {firm, year, group, SECTOR} if c and c in panel.columns and c in fixef]
    keep = dict.fromkeys([*fe_cols, *outcomes] + ([group] if group else []))
    lhs = " + ".join(outcomes)
    formula = f"{lhs} ~ {' + '.join(order)} | {fixef}"
    if engine == "lean":
        fe_terms = [t.strip() for t in fixef.split("+")]
        cache = {e: panel[e].to_numpy(float) for e in exposures}
        cache[year] = panel[year].to_numpy()
        if group:
            cache[group] = panel[group].to_numpy()

        def make(name: str, out: np.ndarray) -> None:
            e, k, with_group = specs[name]
            np.multiply(cache[e], cache[year] == k, out=out)
            if with_group:
                out *= cache[group]

        # a balanced panel without sector-by-year effects has a closed form; anything else is demeaned
        closed = fe_terms in ([firm, year], [firm, f"{year}^{group}"])
        fit_list = _balanced_fits(panel, outcomes, exposures, specs, order, years, base_year, firm, year,
                                  group) if closed else None
        if fit_list is None:
            fit_list = [LeanFit.fit(panel, out, order, fe_terms, firm, make) for out in outcomes]
        del cache
    else:
        # one frame of plain arrays, built without copying the panel's columns (memory matters at 8M rows)
        frame = pd.DataFrame({**{c: panel[c].to_numpy() for c in keep},
                              **{n: _make_column(panel, specs[n], group, year) for n in order}}, copy=False)
        fits = pf.feols(formula, data=frame, vcov={"CRV1": firm}, lean=True, copy_data=False, store_data=False)
        fit_list = fits.to_list() if hasattr(fits, "to_list") else [fits]
    by_outcome = {}
    rows = []
    cells = _firms_by_year(panel, outcomes, group, firm, year, group_label)
    for out, fit in zip(outcomes, fit_list):
        by_outcome[out] = fit
        coef, se = fit.coef(), fit.se()
        tidy = fit.tidy(alpha=1 - level)
        lo_col, hi_col = tidy.columns[-2], tidy.columns[-1]
        n_obs, n_firms = compat.n_obs(fit), compat.n_clusters(fit)
        for (grp, e, k), name in names.items():
            grp = group_label if grp == "group" else ("non_gvc" if grp == "all" else grp)
            s = iqr[e]
            n_cell = int(cells[(out, grp)].get(k, 0))
            if name not in coef.index:  # dropped by pyfixest (collinear, e.g. no firm observed that year)
                rows.append({"outcome": out, "model": model, "group": grp, "exposure": e, "year": k,
                             "coef": np.nan, "estimate": np.nan, "se": np.nan, "ci_low": np.nan, "ci_high": np.nan,
                             "pvalue": np.nan, "n_obs": n_obs, "n_firms": n_firms, "n_firms_cell": n_cell})
                continue
            rows.append({"outcome": out, "model": model, "group": grp, "exposure": e, "year": k,
                         "coef": float(coef[name]), "estimate": float(coef[name]) * s, "se": float(se[name]) * s,
                         "ci_low": float(tidy.at[name, lo_col]) * s, "ci_high": float(tidy.at[name, hi_col]) * s,
                         "pvalue": float(tidy.at[name, "Pr(>|t|)"]), "n_obs": n_obs, "n_firms": n_firms,
                         "n_firms_cell": n_cell})
        for grp in {r["group"] for r in rows if r["outcome"] == out}:
            for e in exposures:
                rows.append({"outcome": out, "model": model, "group": grp, "exposure": e, "year": base_year,
                             "coef": 0.0, "estimate": 0.0, "se": 0.0, "ci_low": 0.0, "ci_high": 0.0,
                             "pvalue": float("nan"), "n_obs": n_obs, "n_firms": n_firms,
                             "n_firms_cell": int(cells[(out, grp)].get(base_year, 0))})
    table = pd.DataFrame(rows).sort_values(["outcome", "group", "exposure", "year"], ignore_index=True)
    table.attrs["base_year"] = base_year
    internal = {(("non_gvc" if g == "all" else group_label if g == "group" else g), e, k): n
                for (g, e, k), n in names.items()}
    return EventStudy(table=table, iqr=dict(iqr), formula=formula, model=model, fits=by_outcome, _names=internal,
                      _cells=cells)


def _balanced_fits(panel: pd.DataFrame, outcomes: Sequence[str], exposures: Sequence[str], specs: dict,
                   order: list[str], years: list[int], base_year: int, firm: str, year: str,
                   group: str | None) -> list[LeanFit] | None:
    """The lean engine's fits from :func:`balanced_fit` when the panel allows it, else None.

    It allows it when every firm has exactly one row in every year, every outcome is observed, exposures (and the
    group) are constant within firms, every group has two firms or more and no regressor is collinear: then the
    closed form is the same regression as :meth:`LeanFit.fit` (no singletons to drop, no iterations).
    """
    T, n_rows = len(years), len(panel)
    f_codes, f_levels = pd.factorize(panel[firm].to_numpy())
    n = len(f_levels)
    if T < 2 or n * T != n_rows or (f_codes < 0).any():
        return None
    cell = f_codes * T + np.searchsorted(years, panel[year].to_numpy())
    if np.bincount(cell, minlength=n * T).max() != 1:
        return None
    row = np.empty(n_rows, np.int64)
    row[cell] = np.arange(n_rows)  # the panel's row of each firm-year, firm-major

    def grid(col: str) -> np.ndarray:
        return panel[col].to_numpy(float)[row].reshape(n, T)

    def firm_level(col: str) -> np.ndarray | None:
        v = grid(col)
        return v[:, 0] if np.isfinite(v).all() and (v == v[:, :1]).all() else None

    y = np.stack([grid(o) for o in outcomes])
    cols = [firm_level(e) for e in exposures]
    g = firm_level(group) if group else None
    if not np.isfinite(y).all() or any(c is None for c in cols) or (group and g is None):
        return None
    z, where = [], {}  # regressor columns, and (exposure, with_group) -> column index
    for e, x in zip(exposures, cols):
        where[(e, False)] = len(z)
        z.append(x)
        if group:
            where[(e, True)] = len(z)
            z.append(x * g)
    try:
        fit = balanced_fit(y, np.column_stack(z), group=None if g is None else pd.factorize(g)[0],
                           base=years.index(base_year))
    except (ValueError, np.linalg.LinAlgError):
        return None
    post = [k for k in years if k != base_year]
    idx = [where[(e, with_group)] * len(post) + post.index(k) for e, k, with_group in (specs[c] for c in order)]
    return [LeanFit(order, fit.coef[o].ravel()[idx], fit.vcov[o][np.ix_(idx, idx)], fit.n_obs, fit.n_clusters)
            for o in range(len(outcomes))]


def _firms_by_year(panel: pd.DataFrame, outcomes: Sequence[str], group: str | None, firm: str, year: str,
                   group_label: str) -> dict:
    """Firms with the outcome observed, by year, for each outcome and reported group: ``{(outcome, group):
    {year: n}}``. The GVC differential rests on both groups, so it gets the smaller of the two counts."""
    out = {}
    for o in outcomes:
        seen = panel.loc[panel[o].notna()]
        if group is None:
            out[(o, group_label)] = seen.groupby(year)[firm].nunique().to_dict()
            continue
        by = seen.groupby([year, group])[firm].nunique().unstack(fill_value=0)
        non = by[0] if 0 in by.columns else pd.Series(0, index=by.index)
        yes = by[1] if 1 in by.columns else pd.Series(0, index=by.index)
        out[(o, "non_gvc")] = non.astype(int).to_dict()
        out[(o, "gvc_differential")] = np.minimum(non, yes).astype(int).to_dict()
    return {k: {int(y): int(n) for y, n in v.items()} for k, v in out.items()}


# ------------------------------------------------------------------------------------ balanced-panel fit
@dataclass
class BalancedFit:
    """Coefficients and firm-clustered covariances of :func:`balanced_fit`, as arrays.

    ``coef[o, j, k]``: outcome ``o``, firm-level regressor ``j`` (column of `z`), ``k``-th non-base year;
    ``vcov[o]``: covariance of ``coef[o].ravel()`` (regressor-major). ``n_obs`` firm-years, ``n_clusters`` firms.
    """

    coef: np.ndarray
    vcov: np.ndarray
    n_obs: int
    n_clusters: int

    def se(self) -> np.ndarray:
        """Clustered standard errors, shaped as ``coef``."""
        return np.sqrt(np.diagonal(self.vcov, axis1=1, axis2=2)).reshape(self.coef.shape)

    @property
    def dof(self) -> int:
        """Degrees of freedom of the t reference distribution, clusters − 1 (as :func:`compat.dof`)."""
        return max(self.n_clusters - 1, 1)


def balanced_fit(y: np.ndarray, z: np.ndarray, *, group: np.ndarray | None = None, base: int = 0) -> BalancedFit:
    """The event-study regression of :func:`_fit` on a balanced panel, in closed form.

    ``y``: outcomes, ``(n_outcomes, n_firms, n_years)`` or ``(n_firms, n_years)``, every value finite (every firm
    observed every year). ``z``: ``(n_firms, p)`` firm-level regressors, each entering as ``z_j × 1[t = k]`` for
    every year ``k`` but the base column `base` (for the triple difference ``z = [x, x·g]``). Fixed effects: firm
    and year × `group` (firm-level codes 0..G−1; ``None``: firm and year). Standard errors clustered by firm,
    with the CRV1 small-sample correction of :class:`analysis.estimators.pyfixest_compat.LeanFit`.

    With every firm seen every year, sweeping out the fixed effects is exact in one pass: a regressor
    ``z_ij 1[t=k]`` becomes ``(z_ij − z̄_{g(i)j})(1[t=k] − 1/T)``, so ``X̃ = Z̃ ⊗ D`` and the normal equations,
    residuals and cluster scores are small matrix products (no ``n·T × p·(T−1)`` design matrix, no iterations).
    Equal to ``pyfixest.feols`` to 1e-8 (``tests/test_triple_difference.py``); the Monte Carlo uses it.
    """
    y = np.asarray(y, float)
    y = y[None] if y.ndim == 2 else y
    z = np.asarray(z, float)
    m, n, T = y.shape
    if z.ndim != 2 or z.shape[0] != n:
        raise ValueError(f"z must be (n_firms={n}, p); got {z.shape}")
    if not (np.isfinite(y).all() and np.isfinite(z).all()):
        raise ValueError("balanced_fit needs every outcome and regressor finite (a balanced panel)")
    g = np.zeros(n, np.int64) if group is None else np.asarray(group, np.int64)
    counts = np.bincount(g)
    if (counts[counts > 0] < 2).any():
        raise ValueError("balanced_fit needs at least two firms in every group")
    onehot = (g[:, None] == np.arange(len(counts))).astype(float) / np.maximum(counts, 1)  # n × G, mean weights
    # fixed effects swept out: firm means, then group-year means of what is left
    w = y - y.mean(axis=2, keepdims=True)
    yt = w - (onehot.T @ w)[:, g]  # (m, G, T) group-year means, back on firms
    zt = z - (onehot.T @ z)[g]
    D = np.delete(np.eye(T), base, axis=1) - 1.0 / T  # T × (T−1): the year dummies net of their firm mean
    p, K = z.shape[1], T - 1
    ztz = zt.T @ zt
    if np.linalg.matrix_rank(ztz) < p:  # feols would drop a regressor; this closed form does not
        raise np.linalg.LinAlgError("balanced_fit: the regressors are collinear once the fixed effects are out")
    bread = np.linalg.inv(np.kron(ztz, D.T @ D))
    rhs = (zt.T @ yt @ D).reshape(m, p * K)  # X̃'ỹ for each outcome
    beta = rhs @ bread.T  # (m, pK)
    u = yt - zt @ beta.reshape(m, p, K) @ D.T  # residuals, (m, n, T)
    scores = (zt[None, :, :, None] * (u @ D)[:, :, None, :]).reshape(m, n, p * K)
    meat = np.swapaxes(scores, 1, 2) @ scores
    n_obs = n * T
    # CRV1 small-sample factor as LeanFit / pyfixest: firm FE nested in the firm clusters, year × group not
    df_k = p * K + int((counts > 0).sum()) * T
    ssc = (n / (n - 1)) * (n_obs - 1) / (n_obs - df_k)
    vcov = ssc * bread @ meat @ bread
    return BalancedFit(coef=beta.reshape(m, p, K), vcov=vcov, n_obs=n_obs, n_clusters=n)


def triple_difference(panel: pd.DataFrame, outcomes: str | Sequence[str] = "ln_exports_us",
                      exposures: str | Sequence[str] = EXPOSURE, *, group: str = GROUP,
                      sector_by_year: bool = False, base_year: int = BASE_YEAR, firm: str = FIRM,
                      year: str = YEAR, iqr: dict[str, float] | None = None, level: float = 0.95,
                      engine: str = "pyfixest") -> EventStudy:
    """Event-study triple difference: exposure × year × GVC status, firm and year-by-GVC fixed effects.

    Parameters
    ----------
    panel : firm-year panel (one row per firm and year), e.g. :func:`load_panel` or the simulated panel.
    outcomes : one outcome column or several (fitted in one pyfixest call, same sample rules per outcome).
    exposures : firm-level exposure column(s); each gets its own yearly and yearly × GVC coefficients.
    group : 0/1 column marking GVC (IMMEX) firms.
    sector_by_year : add sector-by-year fixed effects (column ``sector``).
    iqr : p75−p25 of each exposure used for the contrast; default: over the firms in `panel`.
    engine : ``"pyfixest"`` (``pyfixest.feols``) or ``"lean"`` (pyfixest's demeaning kernel, or the closed form
        on a balanced panel, then OLS and the same CRV1 small-sample correction in numpy, for panels of millions of
        rows; pinned to feols in the tests).

    Returns
    -------
    EventStudy
        Groups ``non_gvc`` (β_k, the effect on non-GVC firms) and ``gvc_differential`` (γ_k, the extra effect for
        GVC firms), for every exposure and year; the base year is 0. Standard errors clustered by firm.
    """
    _check_columns(panel, [group])
    fixef = f"{firm} + {year}^{group}" + (f" + {SECTOR}^{year}" if sector_by_year else "")
    return _fit(panel, outcomes, exposures, group=group, fixef=fixef, base_year=base_year, firm=firm, year=year,
                iqr=iqr, model="triple_difference", group_label="", level=level, engine=engine)


def difference_in_differences(panel: pd.DataFrame, outcomes: str | Sequence[str] = "ln_exports_us",
                              exposures: str | Sequence[str] = EXPOSURE, *, label: str = "sample",
                              sector_by_year: bool = False, base_year: int = BASE_YEAR, firm: str = FIRM,
                              year: str = YEAR, iqr: dict[str, float] | None = None,
                              level: float = 0.95, engine: str = "pyfixest") -> EventStudy:
    """Yearly difference-in-differences within one group of firms (e.g. manufacturing GVC firms).

    ``y_it = α_i + δ_t [+ μ_{s,t}] + Σ_{k≠base} β_k · x_i · 1[t=k] + ε_it``, SEs clustered by firm. Pass the
    subsample as `panel` and the full panel's quartiles as `iqr` so the contrast uses the study-wide p25/p75.
    The rows of the result carry ``group = label``.
    """
    fixef = f"{firm} + {year}" if not sector_by_year else f"{firm} + {SECTOR}^{year}"
    return _fit(panel, outcomes, exposures, group=None, fixef=fixef, base_year=base_year, firm=firm, year=year,
                iqr=iqr, model="difference_in_differences", group_label=label, level=level, engine=engine)

