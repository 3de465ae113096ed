"""Exponential growth rates of AI training cost and compute: log-linear OLS with honest uncertainty.

The model (as in Epoch AI's training-cost-trends and Cottier et al. 2024) is

    log10(y_i) = a + b * t_i + e_i,

with ``y`` a cost in USD (or compute in FLOP) and ``t`` the publication date as a decimal year. The slope ``b`` is
the growth in orders of magnitude (OOMs) per year; ``10**b`` the growth factor per year; ``log10(2) / b`` the
doubling time in years. Confidence intervals for ``b`` come two ways:

* analytic, from heteroskedasticity-robust (HC) standard errors and a t(n-2) critical value (:func:`ols_hc`, equal to
  statsmodels' ``OLS(...).fit(cov_type="HC3")`` to rounding, tests/test_growth.py);
* a nonparametric bootstrap over models (resample rows with replacement, refit, percentile interval), seeded with a
  local ``numpy.random.default_rng(seed)``.

Each interval on ``b`` maps monotonically to the growth factor and (for ``b > 0``) the doubling time, so the
endpoints are simply transformed. Extrapolations use the *prediction* interval of a new model's log cost (the
uncertainty of the line plus the scatter of models around it), inverted to give the range of years in which a
cost level is reached.

The AI study (:mod:`analysis.studies.ai`) selects the frontier models and draws the figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.estimators import distributions

LOG10_2 = float(np.log10(2.0))


# ------------------------------------------------------------------------------------------------ units
def decimal_year(dates) -> np.ndarray:
    """Publication dates as decimal years, Epoch's convention: ``year + (month - 1) / 12 + (day - 1) / 365``.

    >>> decimal_year(pd.to_datetime(["2020-01-01", "2020-07-01"])).round(3).tolist()
    [2020.0, 2020.5]
    """
    d = pd.DatetimeIndex(pd.to_datetime(dates))
    return np.asarray(d.year + (d.month - 1) / 12 + (d.day - 1) / 365, dtype=float)


def ooms_to_factor_per_year(ooms_per_year):
    """Orders of magnitude per year -> multiplicative growth factor per year (``10**ooms``)."""
    return np.power(10.0, ooms_per_year)


def ooms_to_doubling_time_years(ooms_per_year):
    """Orders of magnitude per year -> doubling time in years (``log10(2) / ooms``; inf when not growing)."""
    ooms = np.asarray(ooms_per_year, dtype=float)
    with np.errstate(divide="ignore"):
        out = np.where(ooms > 0, LOG10_2 / np.where(ooms > 0, ooms, 1.0), np.inf)
    return float(out) if out.ndim == 0 else out


# ------------------------------------------------------------------------------------------ result object
@dataclass(frozen=True)
class GrowthFit:
    """A log10-linear trend fit. Slopes are in OOMs per year; intervals are dicts ``{level: (low, high)}``.

    Attributes
    ----------
    label : what was fitted (shown in tables and figures).
    n : number of models.
    slope, intercept : OLS coefficients of log10(y) on decimal year (intercept at year 0; see ``x_center``).
    se_robust : HC-robust standard error of the slope (``cov_type``).
    ci_robust, ci_boot : slope intervals, analytic (HC, t(n-2)) and bootstrap percentile.
    n_boot, seed : bootstrap draws used and the seed.
    """

    label: str
    n: int
    slope: float
    intercept: float
    se_robust: float
    cov_type: str
    ci_robust: dict
    ci_boot: dict
    n_boot: int
    seed: int
    year_min: float
    year_max: float
    resid_var: float
    cov_robust: np.ndarray = field(repr=False)

    # ---- derived quantities
    @property
    def factor_per_year(self) -> float:
        return float(ooms_to_factor_per_year(self.slope))

    @property
    def doubling_time_years(self) -> float:
        return float(ooms_to_doubling_time_years(self.slope))

    def factor_ci(self, level: float = 0.95, method: str = "robust") -> tuple[float, float]:
        """Interval of the growth factor per year (``method`` = "robust" or "bootstrap")."""
        lo, hi = self._ci(level, method)
        return float(ooms_to_factor_per_year(lo)), float(ooms_to_factor_per_year(hi))

    def doubling_ci(self, level: float = 0.95, method: str = "robust") -> tuple[float, float]:
        """Interval of the doubling time in years (shorter time = faster growth, so the endpoints swap)."""
        lo, hi = self._ci(level, method)
        return float(ooms_to_doubling_time_years(hi)), float(ooms_to_doubling_time_years(lo))

    def _ci(self, level, method):
        table = {"robust": self.ci_robust, "bootstrap": self.ci_boot}[method]
        if level not in table:
            raise KeyError(f"{self.label}: no {method} interval at level {level}; have {sorted(table)}")
        return table[level]

    # ---- prediction
    def predict(self, years, level: float = 0.90, offset: float = 0.0) -> pd.DataFrame:
        """Fitted log10 value at `years` with the confidence band of the line and the prediction interval.

        The line's variance uses the HC-robust covariance; the prediction interval adds the residual variance
        (a new model scatters around the line as the fitted ones do). Critical value from t(n-2). `offset`
        (log10 units) shifts the line and its bands, e.g. to the record holder's distance above the trend.
        """
        x = np.atleast_1d(np.asarray(years, dtype=float))
        X = np.column_stack([np.ones_like(x), x])
        fit = X @ np.array([self.intercept, self.slope]) + offset
        se_mean = np.sqrt(np.einsum("ij,jk,ik->i", X, self.cov_robust, X))
        se_obs = np.sqrt(se_mean**2 + self.resid_var)
        t = float(distributions.t_quantile(0.5 + level / 2, self.n - 2))
        return pd.DataFrame({"year": x, "fit": fit, "ci_low": fit - t * se_mean, "ci_high": fit + t * se_mean,
                             "pi_low": fit - t * se_obs, "pi_high": fit + t * se_obs})

    def year_reaching(self, value: float, level: float = 0.90, horizon: float = 2200.0,
                      offset: float = 0.0, band: str = "pi") -> dict:
        """When the trend reaches `value` (same units as the fitted y), with the interval implied by the PI.

        ``year`` solves fit(t) + offset = log10(value). ``earliest`` is the first year the upper prediction bound
        reaches it (a model that far above trend could cost this much), ``latest`` the first year the lower bound
        does. A bound not reached by `horizon` is ``inf``. For a non-growing trend every entry is ``inf``.
        `offset` (log10 units) shifts line and bands, e.g. ``fit.residual(...)`` of the largest run so far.
        ``band="ci"`` uses the confidence band of the line instead (slope and intercept uncertainty only): the
        right band for a shifted line that already sits at the top of the scatter.
        """
        if band not in ("pi", "ci"):
            raise ValueError(f"band must be 'pi' or 'ci', not {band!r}")
        target = float(np.log10(value))
        if self.slope <= 0:
            return {"year": np.inf, "earliest": np.inf, "latest": np.inf, "level": level, "band": band}
        grid = np.arange(self.year_min, horizon, 0.005)
        pred = self.predict(grid, level, offset)

        def first(col):
            hit = np.flatnonzero(pred[col].to_numpy() >= target)
            return float(grid[hit[0]]) if hit.size else np.inf

        return {"year": (target - offset - self.intercept) / self.slope, "earliest": first(f"{band}_high"),
                "latest": first(f"{band}_low"), "level": level, "band": band}

    def residual(self, year: float, value: float) -> float:
        """log10(value) minus the fitted line at `year`: how far a model lies above (+) or below (-) trend."""
        return float(np.log10(value) - (self.intercept + self.slope * year))

    def tidy(self, levels=(0.90, 0.95)) -> dict:
        """One row of numbers for a comparison table."""
        row = {"fit": self.label, "n_models": self.n, "first_year": round(self.year_min, 2),
               "last_year": round(self.year_max, 2), "ooms_per_year": self.slope,
               "factor_per_year": self.factor_per_year, "doubling_time_months": 12 * self.doubling_time_years}
        for lv in levels:
            pct = int(round(100 * lv))
            row[f"factor_ci{pct}_hc"] = self.factor_ci(lv, "robust")
            row[f"factor_ci{pct}_boot"] = self.factor_ci(lv, "bootstrap")
        return row


# --------------------------------------------------------------------------------------------- estimator
def fit_growth(years, values, *, label: str = "", levels=(0.90, 0.95), cov_type: str = "HC3",
               n_boot: int = 2000, seed: int = 0) -> GrowthFit:
    """Fit log10(values) on years by OLS; growth per year with analytic (HC) and bootstrap intervals.

    Parameters
    ----------
    years : array-like of float
        Decimal years (see :func:`decimal_year`).
    values : array-like of float
        Positive values (cost in USD, compute in FLOP). Zero, negative or missing values raise ValueError.
    levels : confidence levels of the intervals.
    cov_type : statsmodels heteroskedasticity-robust covariance ("HC0"-"HC3"); HC3 by default, the safest
        choice with a few dozen observations.
    n_boot : bootstrap draws (resampling models with replacement). Draws in which every year is the same are
        redrawn out (they cannot identify a slope).
    seed : seed of the local generator used by the bootstrap.

    Returns
    -------
    GrowthFit

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> t = np.linspace(2016, 2024, 60)
    >>> fit = fit_growth(t, 10 ** (0.4 * (t - 2016) + 5 + rng.normal(0, 0.3, t.size)), n_boot=200)
    >>> round(fit.slope, 1)
    0.4
    """
    x = np.asarray(years, dtype=float)
    y_raw = np.asarray(values, dtype=float)
    if x.shape != y_raw.shape or x.ndim != 1:
        raise ValueError(f"{label or 'fit'}: years and values must be 1-d arrays of equal length")
    bad = ~np.isfinite(x) | ~np.isfinite(y_raw) | (y_raw <= 0)
    if bad.any():
        raise ValueError(f"{label or 'fit'}: {bad.sum()} value(s) missing, not finite or not positive "
                         f"(first at position {int(np.flatnonzero(bad)[0])}); filter them before fitting")
    n = x.size
    if n < 3 or np.ptp(x) == 0:
        raise ValueError(f"{label or 'fit'}: need at least 3 models spanning more than one date, got {n}")
    y = np.log10(y_raw)

    params, cov, resid_var = ols_hc(np.column_stack([np.ones_like(x), x]), y, cov_type)
    intercept, slope = (float(v) for v in params)
    se = float(np.sqrt(cov[1, 1]))
    ci_robust = {}
    for lv in levels:
        t = float(distributions.t_quantile(0.5 + lv / 2, n - 2))
        ci_robust[lv] = (slope - t * se, slope + t * se)

    boot = bootstrap_slopes(x, y, n_boot=n_boot, seed=seed)
    ci_boot = {lv: tuple(float(q) for q in np.quantile(boot, [0.5 - lv / 2, 0.5 + lv / 2])) for lv in levels}

    return GrowthFit(label=label, n=n, slope=slope, intercept=intercept, se_robust=se, cov_type=cov_type,
                     ci_robust=ci_robust, ci_boot=ci_boot, n_boot=n_boot, seed=seed, year_min=float(x.min()),
                     year_max=float(x.max()), resid_var=resid_var, cov_robust=cov)


def bootstrap_slopes(x, y, *, n_boot: int = 2000, seed: int = 0, chunk: int = 500) -> np.ndarray:
    """OLS slopes of y on x over `n_boot` resamples of the rows (pairs bootstrap), vectorised in chunks."""
    rng = np.random.default_rng(seed)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = x.size
    out = []
    while sum(len(o) for o in out) < n_boot:
        idx = rng.integers(0, n, size=(chunk, n))
        xs, ys = x[idx], y[idx]
        xc = xs - xs.mean(axis=1, keepdims=True)
        sxx = (xc**2).sum(axis=1)
        ok = sxx > 0
        out.append(((xc * (ys - ys.mean(axis=1, keepdims=True))).sum(axis=1)[ok] / sxx[ok]))
    return np.concatenate(out)[:n_boot]


def curvature_test(years, values, *, cov_type: str = "HC3") -> dict:
    """Is the log-linear trend bending down? OLS of log10(y) on t and t², t centred at its mean.

    Returns the quadratic coefficient (OOMs/yr²), its robust SE and the one-sided p-value for concavity
    (H1: coefficient < 0, i.e. growth slowing: "diminishing returns" in the brief's sense).
    """
    x = np.asarray(years, dtype=float)
    y = np.log10(np.asarray(values, dtype=float))
    xc = x - x.mean()
    params, cov, _ = ols_hc(np.column_stack([np.ones_like(xc), xc, xc**2]), y, cov_type)
    coef, se = float(params[2]), float(np.sqrt(cov[2, 2]))
    return {"quadratic": coef, "se": se, "p_concave": float(distributions.t_cdf(coef / se, x.size - 3)),
            "n": int(x.size)}


def ols_hc(X: np.ndarray, y: np.ndarray, cov_type: str = "HC3") -> tuple[np.ndarray, np.ndarray, float]:
    """OLS coefficients, their heteroskedasticity-robust covariance and the residual variance SSR/(n-k).

    The HC0-HC3 sandwich estimators (MacKinnon & White 1985) as statsmodels computes them for
    ``OLS(y, X).fit(cov_type=...)``: (X'X)^-1 X' diag(w_i e_i^2) X (X'X)^-1 with w = 1 (HC0), n/(n-k) (HC1),
    1/(1-h_i) (HC2) or 1/(1-h_i)^2 (HC3), h_i the leverage. Written out because importing statsmodels costs a
    kernel seconds; tests/test_growth.py holds it to statsmodels itself.
    """
    n, k = X.shape
    pinv = np.linalg.pinv(X)  # as statsmodels solves it (SVD): years near 2020 make X'X ill-conditioned
    params = pinv @ y
    resid = y - X @ params
    leverage = np.einsum("ij,jk,ik->i", X, pinv @ pinv.T, X)
    scales = {"HC0": lambda: resid**2, "HC1": lambda: n / (n - k) * resid**2,
              "HC2": lambda: resid**2 / (1 - leverage), "HC3": lambda: resid**2 / (1 - leverage) ** 2}
    if cov_type not in scales:
        raise ValueError(f"cov_type={cov_type!r}: one of {', '.join(scales)}")
    cov = pinv @ (scales[cov_type]()[:, None] * pinv.T)
    return params, cov, float(np.sum(resid * resid) / (n - k))
