"""Event-study triple difference for firm-year panels (the design of Utar, Cebreros & Torres on Mexican GVC firms).

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
firm-clustered (CRV1) covariance, with pyfixest's small-sample correction, in numpy. It gives the same numbers
(pinned to 1e-8 in the tests) with about half the memory and time on millions of rows (``benchmarks/bench_gvc.py``)
and much less per-call overhead on small panels (the Monte Carlo).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from . import data

FIRM, YEAR, GROUP, SECTOR = "firm_id", "year", "gvc", "sector"
EXPOSURE, INPUT_EXPOSURE = "exposure_us_tariff_pp", "input_exposure_pp"
OUTCOMES = {  # column -> (label, transformation) — the four outcomes of the column's Figure 2
    "ln_exports_us": ("Exports to the US", "log"),
    "ln_imports_us": ("Imports from the US", "log"),
    "ln_exports_total": ("Total exports", "log"),
    "asinh_net_exports": ("Net exports (exports − imports)", "asinh"),
}
BASE_YEAR = 2017
FIRM_LEVEL = ("gvc", "manufacturing", "sector", EXPOSURE, INPUT_EXPOSURE)  # constant within a firm


# ------------------------------------------------------------------------------------------------ exposure
def firm_exposure(shares: pd.DataFrame, tariff_changes: pd.DataFrame, *, firm: str = FIRM, product: str = "hs6",
                  share: str = "share", tariff: str = "delta_tariff_pp", tol: float = 1e-6,
                  label: str = "firm-product shares") -> pd.Series:
    """Firm tariff exposure: the mean tariff increase on the firm's pre-war export bundle.

    ``exposure_i = Σ_p s_ip,2017 · Δτ_p``, where ``s_ip,2017`` is the share of product ``p`` in firm ``i``'s 2017
    exports (to the US, in the study's measure) and ``Δτ_p`` the 2018–19 increase in the US tariff on imports of
    ``p`` from China, in percentage points.

    Parameters
    ----------
    shares : one row per firm and product, with columns `firm`, `product` and `share` (each firm's shares in
        [0, 1], summing to 1).
    tariff_changes : one row per product, with columns `product` and `tariff` (percentage points). Every product
        in `shares` must appear here; a product with no tariff increase has 0, not a missing row.

    Returns
    -------
    pandas.Series
        Exposure in percentage points, indexed by firm (sorted), named ``exposure_pp``.

    Raises
    ------
    data.DataError
        Naming the table, row and column of the first problems: shares outside [0, 1] or not summing to 1,
        duplicate firm-product rows, products without a tariff change, missing values.

    Examples
    --------
    >>> s = pd.DataFrame({"firm_id": ["a", "a", "b"], "hs6": ["1", "2", "2"], "share": [0.5, 0.5, 1.0]})
    >>> t = pd.DataFrame({"hs6": ["1", "2"], "delta_tariff_pp": [25.0, 0.0]})
    >>> firm_exposure(s, t).to_dict()
    {'a': 12.5, 'b': 0.0}
    """
    problems: list[data.Problem] = []
    for col in (firm, product, share):
        if col not in shares.columns:
            problems.append(data.Problem(label, "missing-column", "required column is missing", None, col))
    for col in (product, tariff):
        if col not in tariff_changes.columns:
            problems.append(data.Problem("product tariff changes", "missing-column", "required column is missing",
                                         None, col))
    if problems:
        raise data.DataError(problems)
    s = shares[[firm, product, share]].reset_index(drop=True)
    t = tariff_changes[[product, tariff]].reset_index(drop=True)

    def rows(mask) -> list[int]:
        return (np.flatnonzero(np.asarray(mask)) + 1).tolist()

    for col in (firm, product, share):
        problems += [data.Problem(label, "missing-value", "value is missing", r, col) for r in rows(s[col].isna())[:5]]
    bad = ~s[share].between(0, 1) & s[share].notna()
    problems += [data.Problem(label, "constraint-error", f"share {s.at[r - 1, share]!r} is outside [0, 1]", r, share)
                 for r in rows(bad)[:5]]
    dup = s.duplicated([firm, product], keep="first")
    problems += [data.Problem(label, "duplicate-key", f"firm-product pair repeated ({s.at[r - 1, firm]}, "
                              f"{s.at[r - 1, product]})", r, f"{firm},{product}") for r in rows(dup)[:5]]
    tdup = t.duplicated(product)
    problems += [data.Problem("product tariff changes", "duplicate-key", f"product {t.at[r - 1, product]!r} repeated",
                              r, product) for r in rows(tdup)[:5]]
    problems += [data.Problem("product tariff changes", "missing-value", "tariff change is missing", r, tariff)
                 for r in rows(t[tariff].isna())[:5]]
    unknown = ~s[product].isin(t[product])
    problems += [data.Problem(label, "unknown-product", f"product {s.at[r - 1, product]!r} has no tariff change "
                              "(give 0 for an untouched product)", r, product) for r in rows(unknown)[:5]]
    if problems:
        raise data.DataError(problems)
    total = s.groupby(firm, sort=True)[share].sum()
    off = total[(total - 1).abs() > tol]
    if len(off):
        first_row = {f: int(np.flatnonzero((s[firm] == f).to_numpy())[0]) + 1 for f in off.index[:5]}
        raise data.DataError([data.Problem(label, "shares-sum", f"shares of firm {f!r} sum to {off[f]:.6g}, not 1",
                                           first_row[f], share) for f in off.index[:5]])
    merged = s.merge(t, on=product, how="left", validate="many_to_one")
    contrib = merged[share].to_numpy(float) * merged[tariff].to_numpy(float)
    out = pd.Series(contrib, index=merged[firm]).groupby(level=0, sort=True).sum()
    out.index.name = firm
    return out.rename("exposure_pp")


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
        from . import release

        self.minimum = int(minimum)
        self.table = release.suppress(self.table, "n_firms_cell", self.minimum,
                                      ["coef", "estimate", "se", "ci_low", "ci_high", "pvalue"])
        return self

    def effect(self, year: int, group: str | None = None, outcome: str | None = None,
               exposure: str | None = None) -> pd.Series:
        """The row of one year (first group/outcome/exposure unless given)."""
        from .release import Unavailable

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

        Raises :class:`analysis.release.Unavailable` if a year has no estimate, or (after :meth:`release`) if
        fewer than the minimum firms are behind the average.
        """
        from .release import Unavailable, withheld_note

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
        se = float(np.sqrt(w @ fit._vcov @ w)) * scale
        crit = _critical(fit, level)
        from scipy import stats

        p = float(2 * stats.t.sf(abs(b / se), df=_df(fit))) if se > 0 else float("nan")
        return {"outcome": out, "group": grp, "exposure": exp_col, "years": f"{min(years)}-{max(years)}",
                "estimate": b, "se": se, "ci_low": b - crit * se, "ci_high": b + crit * se, "pvalue": p,
                "n_obs": int(fit._N), "n_firms": int(_n_clusters(fit)), "n_firms_cell": n_cell}

    def _select(self, group, outcome, exposure) -> pd.DataFrame:
        from .release import Unavailable

        t = self.table
        for col, val in (("group", group), ("outcome", outcome), ("exposure", exposure)):
            val = t[col].iat[0] if val is None else val
            t = t[t[col] == val]
            if t.empty:
                raise Unavailable(f"no rows with {col} = {val!r}; have {sorted(self.table[col].unique())}")
        return t


def _df(fit) -> int:
    return max(int(_n_clusters(fit)) - 1, 1)


def _n_clusters(fit) -> int:
    g = getattr(fit, "_G", None)
    return int(min(g)) if g is not None else int(fit._N)


def _critical(fit, level: float) -> float:
    from scipy import stats

    return float(stats.t.ppf(0.5 + level / 2, df=_df(fit)))


# ------------------------------------------------------------------------------------------- lean engine
class _LeanFit:
    """OLS with absorbed fixed effects and firm-clustered (CRV1) SEs for very large panels.

    The fixed effects are swept out by pyfixest's own demeaning kernel (``pyfixest.core.demean``, alternating
    projections); the rest is a k×k solve and cluster sums with ``numpy.bincount``, so memory stays near two copies
    of the regressor matrix instead of the several that ``feols`` keeps. The small-sample correction is pyfixest's
    default for CRV1 (``ssc(k_adj=True, k_fixef="nonnested", G_adj=True)``): ``(G/(G−1))·(N−1)/(N−df_k)`` with
    fixed effects nested in the firm clusters not counted in ``df_k``. Exposes the parts of the pyfixest model
    interface used here (``coef, se, tidy, _vcov, _N, _G``).
    """

    def __init__(self, names, beta, vcov, n, g):
        self._names, self._beta, self._vcov, self._N, self._G = list(names), beta, vcov, int(n), [int(g)]

    def coef(self) -> pd.Series:
        return pd.Series(self._beta, index=self._names, name="Estimate")

    def se(self) -> pd.Series:
        return pd.Series(np.sqrt(np.diag(self._vcov)), index=self._names, name="Std. Error")

    def tidy(self, alpha: float = 0.05) -> pd.DataFrame:
        from scipy import stats

        b, se = self.coef(), self.se()
        df = max(self._G[0] - 1, 1)
        crit = stats.t.ppf(1 - alpha / 2, df)
        t = b / se
        return pd.DataFrame({"Estimate": b, "Std. Error": se, "t value": t,
                             "Pr(>|t|)": 2 * stats.t.sf(np.abs(t), df),
                             f"{100 * alpha / 2:g}%": b - crit * se, f"{100 * (1 - alpha / 2):g}%": b + crit * se})

    @classmethod
    def fit(cls, frame: pd.DataFrame, outcome: str, xcols: list[str], fe_terms: list[str], cluster: str,
            make_column, tol: float = 1e-8) -> "_LeanFit":
        """`make_column(name, out)` writes regressor `name` (all rows of `frame`) into the float64 array `out`."""
        from pyfixest.core.demean import demean

        y = frame[outcome].to_numpy(float)
        keep = np.isfinite(y)
        codes, clus = [], None
        for term in fe_terms:
            code = None
            for part in term.split("^"):  # interacted fixed effects: combine the factor codes
                c, uniq = pd.factorize(frame[part].to_numpy())
                code = c.astype(np.int64) if code is None else code * len(uniq) + c
            codes.append(pd.factorize(code)[0].astype(np.uint64))
            if term == cluster:
                clus = codes[-1].view(np.int64)  # same codes, no copy
        if clus is None:
            clus = pd.factorize(frame[cluster].to_numpy())[0]
        # drop singletons of every fixed effect, repeatedly, as feols does by default
        while True:
            drop = np.zeros(len(y), bool)
            for c in codes:
                counts = np.bincount(c[keep].astype(np.int64), minlength=int(c.max()) + 1)
                drop |= keep & (counts[c.astype(np.int64)] == 1)
            if not drop.any():
                break
            keep &= ~drop
        idx = np.flatnonzero(keep) if not keep.all() else None
        k = len(xcols)
        yx = np.empty((int(keep.sum()), k + 1), order="F")  # column-major: contiguous column writes
        yx[:, 0] = y if idx is None else y[idx]
        tmp = None if idx is None else np.empty(len(y))
        for j, c in enumerate(xcols):
            if idx is None:
                make_column(c, yx[:, j + 1])  # written in place: no temporary copy of the column
            else:
                make_column(c, tmp)
                yx[:, j + 1] = tmp[idx]
        del tmp
        if idx is None:
            flist = np.column_stack(codes)
        else:  # re-code the levels left after dropping rows
            flist = np.column_stack([pd.factorize(c[idx])[0] for c in codes]).astype(np.uint64)
        del codes
        dm, ok = demean(yx, flist, np.ones(len(yx)), tol=tol, maxiter=100_000)
        del yx
        if not ok:
            raise RuntimeError("demeaning did not converge")
        # dm = [ỹ, X̃] (row-major); BLAS reads it in place: Gram of [ỹ, X̃] gives X̃'X̃ and X̃'ỹ at once
        gram = dm.T @ dm
        xtx, xty = gram[1:, 1:], gram[1:, 0]
        bread = np.linalg.inv(xtx)
        beta = bread @ xty
        u = dm @ np.concatenate([[1.0], -beta])
        # cluster codes are already dense (0..G-1) from factorize unless rows were dropped
        g_codes = clus if idx is None else pd.factorize(clus[idx])[0]
        G = int(g_codes.max()) + 1
        scores = np.zeros((G, k), order="F")
        step = 1 << 20  # rows per chunk: transpose a block once instead of striding through dm per column
        for a in range(0, len(u), step):
            block = np.ascontiguousarray((dm[a:a + step, 1:] * u[a:a + step, None]).T)
            gc = g_codes[a:a + step]
            lo, hi = int(gc.min()), int(gc.max()) + 1  # firm-sorted panels: a chunk spans few clusters
            for j in range(k):
                scores[lo:hi, j] += np.bincount(gc - lo, weights=block[j], minlength=hi - lo)
        meat = scores.T @ scores
        n = len(u)
        del dm
        # degrees of freedom as pyfixest's get_ssc(k_fixef="nonnested"): regressors plus fixed-effect levels
        # (one per additional fixed effect absorbed), less levels nested in the clusters, plus one per nested FE
        levels = [int(flist[:, j].max()) + 1 for j in range(flist.shape[1])]
        nested = []
        for j, lv in enumerate(levels):  # nested: every level of the fixed effect lies within one cluster
            f = flist[:, j].astype(np.int64)
            first = np.empty(lv, np.int64)
            first[f] = g_codes
            nested.append(bool((first[f] == g_codes).all()))
        k_fe_adj = sum(levels) - (len(levels) - 1 if len(levels) > 1 else 0)
        df_k = k + k_fe_adj
        if any(nested):
            df_k += -sum(lv for lv, nst in zip(levels, nested) if nst) + sum(nested)
        ssc = (G / (G - 1)) * (n - 1) / (n - df_k)
        vcov = ssc * bread @ meat @ bread
        return cls(xcols, beta, vcov, n, G)


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

        fit_list = [_LeanFit.fit(panel, out, order, fe_terms, firm, make) for out in outcomes]
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
        n_obs, n_firms = int(fit._N), _n_clusters(fit)
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
    engine : ``"pyfixest"`` (``pyfixest.feols``) or ``"lean"`` (pyfixest's demeaning kernel, then OLS and the
        same CRV1 small-sample correction in numpy, for panels of millions of rows; pinned to feols in the tests).

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


def sector_effects(panel: pd.DataFrame, sectors: dict[str, Sequence[str]], *, outcome: str = "ln_exports_us",
                   exposures: str | Sequence[str] = EXPOSURE, years: Sequence[int] = (2018, 2019, 2020, 2021),
                   iqr: dict[str, float] | None = None, base_year: int = BASE_YEAR,
                   min_firms: int = 10) -> pd.DataFrame:
    """Average effect over `years` estimated separately for each sector group (the column's Figure 3).

    `sectors` maps a label to the sector codes it pools (e.g. ``{"Textiles, apparel, footwear": ["313", "314",
    "315", "316"]}``); each group is fitted with :func:`difference_in_differences` on its own firms. A group with
    fewer than `min_firms` firms, or whose average cannot be formed, is not fitted: its row has NaN values, its
    firm count (``n_firms``) and the reason (``note``).
    """
    from .release import Unavailable, withheld_note

    exposures = [exposures] if isinstance(exposures, str) else list(exposures)
    rows = []
    for label, codes in sectors.items():
        sub = panel[panel[SECTOR].astype(str).isin([str(c) for c in codes])]
        n = int(sub[FIRM].nunique())
        empty = {"sector": label, "estimate": np.nan, "se": np.nan, "ci_low": np.nan, "ci_high": np.nan,
                 "pvalue": np.nan, "n_obs": int(len(sub)), "n_firms": n}
        if n < min_firms:
            rows.append({**empty, "note": withheld_note("firms", min_firms)})
            continue
        es = difference_in_differences(sub, outcome, exposures, label=label, iqr=iqr, base_year=base_year)
        try:
            rows.append({"sector": label, **es.average(years, exposure=exposures[0]), "note": ""})
        except Unavailable as why:
            rows.append({**empty, "note": str(why)})
    columns = ["sector", "outcome", "group", "exposure", "years", "estimate", "se", "ci_low", "ci_high", "pvalue",
               "n_obs", "n_firms", "n_firms_cell", "note"]
    return pd.DataFrame(rows, columns=columns)


# -------------------------------------------------------------------------------------- bring your own data
def validate_panel(panel: pd.DataFrame, label: str = "panel", *, base_year: int = BASE_YEAR,
                   firm: str = FIRM, year: str = YEAR) -> pd.DataFrame:
    """Checks a Table Schema cannot express; raises DataError naming file, row and column.

    Firm-level columns (GVC status, manufacturing flag, sector, exposures) must be constant within a firm; the
    base year must be present; the four outcomes cannot all be empty. Returns `panel` unchanged.
    """
    problems: list[data.Problem] = []
    first = panel.groupby(firm, sort=False).transform("first")
    for col in FIRM_LEVEL:
        if col not in panel.columns:
            continue
        a, b = panel[col], first[col]
        differ = ~((a == b) | (a.isna() & b.isna())).fillna(False).to_numpy(bool)
        for r in np.flatnonzero(differ)[:5]:
            problems.append(data.Problem(label, "not-firm-constant",
                                         f"{col} = {_show(a.iat[r])} but {_show(b.iat[r])} in this firm's first row "
                                         f"(firm {_show(panel[firm].iat[r])}); it must be constant within a firm",
                                         int(r) + 1, col))
    if base_year not in set(panel[year].astype(int)):
        problems.append(data.Problem(label, "no-base-year", f"no rows in base year {base_year}", None, year))
    present = [c for c in OUTCOMES if c in panel.columns]
    if present and panel[present].isna().all().all():
        problems.append(data.Problem(label, "no-outcome", "all outcome columns are empty", None, ",".join(present)))
    if EXPOSURE in panel.columns:
        for r in np.flatnonzero(panel[EXPOSURE].isna().to_numpy())[:5]:
            problems.append(data.Problem(label, "missing-value", "exposure is missing", int(r) + 1, EXPOSURE))
    if problems:
        raise data.DataError(problems)
    return panel


def load_panel(path, schema: dict | None = None) -> pd.DataFrame:
    """Read and validate a user's firm-year panel (CSV or Parquet) against ``data/schemas/gvc_panel.schema.json``.

    Goes through :func:`analysis.data.read_user_table` (types, required values, ranges, unique firm-year key)
    and :func:`validate_panel` (firm-constant columns, base year). Raises DataError naming file, row, column.
    """
    import json

    from . import paths

    if schema is None:
        schema = json.loads((paths.DATA / "schemas" / "gvc_panel.schema.json").read_text(encoding="utf-8"))
    frame = data.read_user_table(path, schema)
    return validate_panel(frame.reset_index(drop=True), data._label(path))


DDD, DID = "triple difference", "manufacturing-GVC difference-in-differences"
REPORT_YEARS = (2018, 2019, 2020, 2021)


def plan_estimates(panel: pd.DataFrame, sector_groups: dict[str, Sequence[str]], *, min_firms: int = 10,
                   base_year: int = BASE_YEAR, report_years: Sequence[int] = REPORT_YEARS, firm: str = FIRM,
                   year: str = YEAR):
    """The design's requirements, checked on `panel` before anything is estimated (an :class:`analysis.release.Plan`).

    What each estimate needs, each at least ``max(min_firms, 2)`` firms (fewer could not be released anyway):

    * every estimate: firms whose export exposure differs, and p25 < p75 (the reported contrast is p75 − p25);
    * the triple difference: GVC and non-GVC firms, with exposure varying within each group, and exports to the
      US observed in the base year and another year;
    * the manufacturing-GVC difference-in-differences: such firms, with exposure varying among them;
    * each outcome of it, and each sector group: enough of those firms with the outcome / in the sector;
    * the input channel: an input exposure column with p25 < p75.

    The years the panel has and the report years it lacks (``report_years``), and sector codes in no group, are
    noted. Raises :class:`analysis.release.DesignError` when nothing at all can be estimated, naming why.
    """
    from .release import DesignError, Plan

    need = max(int(min_firms), 2)
    plan = Plan("the firm-year panel", minimum=int(min_firms))
    firms = panel.drop_duplicates(firm)
    n = len(firms)
    if n < need:
        raise DesignError(f"the firm-year panel has fewer than {need} firms; every estimate needs at least {need} "
                          f"(min_firms = {min_firms}, the release minimum)")
    x = firms[EXPOSURE].to_numpy(float)
    if np.unique(x).size < 2:
        raise DesignError(f"export exposure ({EXPOSURE}) is the same for every firm: the design compares firms "
                          "with different exposure, so nothing can be estimated")
    q = exposure_quartiles(panel, EXPOSURE, firm)
    if not q["iqr"] > 0:
        raise DesignError(f"export exposure has p25 = p75 (= {q['p25']:.4g}): the study's p75-vs-p25 contrast is "
                          "zero by construction, so nothing can be reported")
    years = sorted(int(y) for y in pd.unique(panel[year]))
    plan.notes.append(f"years in the panel: {', '.join(map(str, years))}; base year {base_year}")
    lacking = [y for y in report_years if y not in years]
    if lacking:
        plan.notes.append(f"report years missing (estimates and claims for them are skipped): "
                          f"{', '.join(map(str, lacking))}")
    if len(years) < 2:
        raise DesignError(f"the panel has one year only ({years[0]}); the event study compares years with "
                          f"the base year {base_year}")

    def varies(frame) -> bool:
        return frame[EXPOSURE].nunique() >= 2

    def firms_with(frame, outcome) -> int:
        return int(frame.loc[frame[outcome].notna(), firm].nunique())

    gvc_firms, non_firms = firms[firms[GROUP] == 1], firms[firms[GROUP] == 0]
    ddd_why = ("fewer than {need} GVC firms".format(need=need) if len(gvc_firms) < need else
               f"fewer than {need} non-GVC firms" if len(non_firms) < need else
               "export exposure does not vary among GVC firms" if not varies(gvc_firms) else
               "export exposure does not vary among non-GVC firms" if not varies(non_firms) else
               f"exports to the US observed for fewer than {need} firms" if firms_with(panel, "ln_exports_us") < need
               else "")
    plan.add(DDD, not ddd_why, ddd_why)
    mfg = panel[(panel[GROUP] == 1) & (panel["manufacturing"] == 1)]
    mfg_firms = mfg.drop_duplicates(firm)
    did_why = (f"fewer than {need} manufacturing GVC firms" if len(mfg_firms) < need else
               "export exposure does not vary among manufacturing GVC firms" if not varies(mfg_firms) else "")
    plan.add(DID, not did_why, did_why)
    for o, (label, _) in OUTCOMES.items():
        k = firms_with(mfg, o) if len(mfg) else 0
        plan.add(f"{DID}: {label}", plan.can(DID) and k >= need,
                 did_why or f"{label} observed for fewer than {need} manufacturing GVC firms")
    has_input = INPUT_EXPOSURE in panel.columns and panel[INPUT_EXPOSURE].notna().any()
    iq = exposure_quartiles(panel, INPUT_EXPOSURE, firm) if has_input else {"iqr": 0.0}
    plan.add("input exposure", has_input and iq["iqr"] > 0,
             "the panel has no input exposure" if not has_input else "input exposure has p25 = p75")
    grouped = set()
    for label, codes in sector_groups.items():
        codes = [str(c) for c in codes]
        grouped |= set(codes)
        sub = mfg_firms[mfg_firms[SECTOR].astype(str).isin(codes)]
        why = ("" if len(sub) >= need and varies(sub) else
               f"no manufacturing GVC firm in sector codes {', '.join(codes)}" if len(sub) == 0 else
               f"fewer than {need} manufacturing GVC firms in the group" if len(sub) < need else
               "export exposure does not vary within the group")
        plan.add(f"sector: {label}", plan.can(DID) and not why, did_why or why)
    stray = sorted(set(mfg_firms[SECTOR].astype(str)) - grouped)
    if stray:
        plan.notes.append(f"sector codes of manufacturing GVC firms in no sector group: {', '.join(stray[:10])}"
                          + (" ..." if len(stray) > 10 else ""))
    plan.require_any([DDD, DID])
    return plan


def results_json(*studies: EventStudy, extra: dict | None = None) -> dict:
    """Estimates of several event studies as a JSON-ready dict (coefficient, SE, CI by outcome, group, year)."""
    rows = []
    for es in studies:
        for r in es.table.itertuples(index=False):
            row = {"model": r.model, "outcome": r.outcome, "group": r.group, "exposure": r.exposure,
                   "year": int(r.year), "coef_per_pp": _num(r.coef), "estimate_p75_p25": _num(r.estimate),
                   "se": _num(r.se), "ci95_low": _num(r.ci_low), "ci95_high": _num(r.ci_high),
                   "pvalue": _num(r.pvalue), "n_obs": int(r.n_obs), "n_firms": int(r.n_firms),
                   "n_firms_behind": _num(r.n_firms_cell)}
            if hasattr(r, "released"):
                row.update(released=bool(r.released), note=r.note)
            rows.append(row)
    out = {"estimates": rows, "iqr": {k: v for es in studies for k, v in es.iqr.items()}}
    if extra:
        out.update(extra)
    return out


def _show(v) -> str:
    return repr(v.item() if hasattr(v, "item") else v)


def _num(x) -> float | None:
    x = float(x)
    return x if np.isfinite(x) else None


# ------------------------------------------------------------------------------------------------- figures
def pct(log_points):
    """Log points to percent: ``100 · (exp(x) − 1)``."""
    return 100 * (np.exp(np.asarray(log_points, float)) - 1)


def _truth_lookup(truth: pd.DataFrame | None, outcome: str, group: str, exposure: str) -> pd.Series | None:
    if truth is None:
        return None
    t = truth[(truth["outcome"] == outcome) & (truth["group"] == group) & (truth["exposure"] == exposure)]
    return t.set_index("year")["truth"] if len(t) else None


def _band(ax, t: pd.DataFrame, color: str, label: str, offset: float = 0.0, truth: pd.Series | None = None,
          truth_label: str = "planted"):
    t = t.sort_values("year")
    x = t["year"].to_numpy() + offset
    ax.fill_between(x, t["ci_low"], t["ci_high"], color=color, alpha=0.18, linewidth=0)
    ax.plot(x, t["estimate"], "o-", color=color, label=label, markersize=4)
    if truth is not None:
        ax.plot(truth.index.to_numpy() + offset, truth.to_numpy(), linestyle="none", marker="_", markersize=14,
                color=color, markeredgewidth=2, label=truth_label)


def plot_event_study(es: EventStudy, outcome: str = "ln_exports_us", exposure: str = EXPOSURE,
                     truth: pd.DataFrame | None = None, base_year: int = BASE_YEAR):
    """The column's Figure 1: yearly effect on non-GVC firms and the GVC differential, with 95% CIs."""
    import matplotlib.pyplot as plt

    from .figures import PALETTE

    fig, ax = plt.subplots(figsize=(8, 4.6))
    t = es.table[(es.table["outcome"] == outcome) & (es.table["exposure"] == exposure)]
    for grp, color, label, short, off in (
            ("non_gvc", PALETTE["blue"], "Non-GVC firms", "non-GVC", -0.06),
            ("gvc_differential", PALETTE["purple"], "GVC firms: additional effect", "GVC additional", 0.06)):
        _band(ax, t[t["group"] == grp], color, label, off, _truth_lookup(truth, outcome, grp, exposure),
              f"planted, {short}")
    _event_axes(ax, base_year, OUTCOMES.get(outcome, (outcome,))[0])
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title("US tariffs on China and Mexican firms' exports to the US")
    return fig


def _event_axes(ax, base_year: int, ylabel: str):
    ax.axhline(0, color="#555555", linewidth=0.8)
    ax.axvline(base_year + 0.5, color="#999999", linestyle="--", linewidth=0.8)
    ax.set_xlabel("Year (base year %d)" % base_year)
    ax.set_ylabel(f"{ylabel}: p75 vs p25 exposure\n(log points)")


def plot_outcomes(es: EventStudy, exposure: str = EXPOSURE, truth: pd.DataFrame | None = None,
                  group: str = "manufacturing_gvc", base_year: int = BASE_YEAR):
    """The column's Figure 2: yearly DiD effects on the four outcomes (manufacturing GVC firms), 95% CIs."""
    import matplotlib.pyplot as plt

    from .figures import PALETTE

    outcomes = [o for o in OUTCOMES if o in set(es.table["outcome"])]
    fig, axes = plt.subplots(2, 2, figsize=(9, 6.2), sharex=True)
    for ax, out in zip(axes.ravel(), outcomes):
        t = es.table[(es.table["outcome"] == out) & (es.table["exposure"] == exposure)]
        _band(ax, t, PALETTE["purple"], "Estimate, 95% CI", 0.0, _truth_lookup(truth, out, group, exposure))
        ax.axhline(0, color="#555555", linewidth=0.8)
        ax.axvline(base_year + 0.5, color="#999999", linestyle="--", linewidth=0.8)
        label, scale = OUTCOMES[out]
        ax.set_title(f"{label} ({'log' if scale == 'log' else 'asinh'})", fontsize=10)
    for ax in axes.ravel()[len(outcomes):]:
        ax.set_visible(False)
    axes[0, 0].legend(fontsize=7, loc="upper left")
    fig.supylabel("p75 vs p25 exposure (log points)", fontsize=9)
    return fig


def plot_sectors(effects: pd.DataFrame, truth: pd.DataFrame | None = None):
    """The column's Figure 3: average 2018–2021 effect on exports to the US by sector group, 95% CIs."""
    import matplotlib.pyplot as plt

    from .figures import PALETTE

    e = effects.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 4.4))
    y = np.arange(len(e))
    colors = [PALETTE["grey"] if s.startswith("All") else PALETTE["purple"] for s in e["sector"]]
    ax.barh(y, e["estimate"], color=colors, alpha=0.75, height=0.6)
    ax.errorbar(e["estimate"], y, xerr=[e["estimate"] - e["ci_low"], e["ci_high"] - e["estimate"]], fmt="none",
                ecolor="#333333", capsize=3, linewidth=1)
    if truth is not None:
        tv = e["sector"].map(truth.set_index("sector")["truth"])
        ax.plot(tv, y, "D", color=PALETTE["orange"], markersize=5, label="planted")
        ax.legend(fontsize=8, loc="lower right")
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.set_yticks(y, e["sector"])
    ax.set_xlabel("Average 2018–21 effect on exports to the US,\np75 vs p25 exposure (log points)")
    ax.set_title("Manufacturing GVC firms by sector")
    return fig


def plot_monte_carlo(draws: pd.DataFrame, year: int = 2019):
    """Distribution of the replications' estimates (planted and placebo) against the planted value."""
    import matplotlib.pyplot as plt

    from .figures import PALETTE

    d = draws[(draws["year"] == year) & (draws["group"] == "manufacturing_gvc") & (draws["exposure"] == EXPOSURE)]
    fig, ax = plt.subplots(figsize=(8, 4.2))
    for out, color, label in (("ln_exports_us", PALETTE["purple"], "planted effect"),
                              ("placebo", PALETTE["grey"], "placebo (no effect)")):
        x = d.loc[d["outcome"] == out, "estimate"]
        ax.hist(x, bins=25, color=color, alpha=0.6, label=f"{label}: {len(x)} replications")
        ax.axvline(d.loc[d["outcome"] == out, "truth"].mean(), color=color, linestyle="--", linewidth=1.5)
    ax.set_xlabel(f"Estimated {year} effect, manufacturing GVC firms, p75 vs p25 exposure (log points)")
    ax.set_ylabel("replications")
    ax.legend(fontsize=8)
    ax.set_title("Monte Carlo: estimates around the planted value")
    return fig
