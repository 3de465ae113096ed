"""Borusyak–Jaravel–Spiess (2024) imputation estimator, binary and continuous-intensity, with the project's conventions.

Three steps (BJS 2024, *Review of Economic Studies* 91(6): 3253–3285; Stata ``did_imputation``; R ``didimputation``):

1. fit unit and period fixed effects on the untreated observations only (never treated, and not yet treated);
2. impute each treated observation's untreated outcome and take ``tau_it = Y_it - Yhat_it(0)``;
3. average the ``tau_it`` with estimand weights ``w_it`` (overall, by event time, by group).

Standard errors are the conservative clustered formula of BJS Theorem 3 (cluster = unit unless told otherwise), with
the auxiliary model averaged within cohort × event time as in the paper and in R ``didimputation``.

What is a library call and what is ours
---------------------------------------
* :func:`imputation_did` (binary treatment) **wraps** ``diff_diff.ImputationDiD``, which reproduces R
  ``didimputation`` to 1e-8 (pinned in ``tests/test_did_imputation.py``). It adds the project's data conventions:
  never-treated units may be coded 0, empty/NaN or ±inf in the cohort column; results come back as small frames.
* :func:`pretrend_test` is the BJS "Test 1" lead regression on untreated observations (unit and period fixed effects
  absorbed), and :func:`twfe` the naive two-way fixed-effects regressions, both through :func:`fe_ols`: the same
  coefficients and covariances as pyfixest ``feols`` with its defaults (pinned to it in the tests), without
  importing pyfixest (about a second) in every notebook that runs them.
* :func:`imputation_fit` / :func:`intensity_did` (continuous treatment intensity, e.g. the effect per 1% energy-price
  increase) are **ours**: no library offers BJS with a per-unit dose. Any estimand that is linear in the imputed
  effects (``sum_it w_it tau_it``) gets the Theorem-3 variance; the per-unit-of-intensity slope is such an estimand
  (``w_it = p_i / sum p_j^2`` for a slope through the origin). The two-way fixed-effects normal equations are solved
  exactly by eliminating the unit block (a diagonal matrix) and factorising the small period × period Schur
  complement: memory O(rows + periods²), no dummy matrices, no dense n × n matrix. With intensity ≡ 1 it reduces to
  the binary estimator and reproduces R ``didimputation`` (a test pins this).

Data conventions
----------------
A long panel, one row per (unit, period): ``period`` an integer index (e.g. months since 2000-01, see
:func:`month_index`), ``cohort`` the first treated period on the same scale (constant within unit; 0, NaN or ±inf =
never treated within the sample). Treatment is absorbing: treated when ``cohort > 0`` and ``period >= cohort``.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.linalg
import scipy.sparse as sp

from analysis.estimators import distributions

__all__ = [
    "Estimate", "ImputationResult", "ImputationFit", "imputation_did", "imputation_fit", "slope_on_grid",
    "intensity_did", "pretrend_test", "twfe", "fe_ols", "callaway_santanna", "month_index", "index_to_month",
]


# ----------------------------------------------------------------------------------------------- results
@dataclass(frozen=True)
class Estimate:
    """One estimate with its clustered standard error and normal 95% (or 1 − alpha) interval.

    ``n_obs`` counts the observations it averages, ``n_units`` the units (respondents, clusters) behind them
    (None where the estimator does not report it), for minimum-count rules before release.
    """

    estimate: float
    se: float
    ci_low: float
    ci_high: float
    n_obs: int
    label: str = ""
    n_units: int | None = None

    @classmethod
    def from_se(cls, estimate: float, se: float, n_obs: int, label: str = "", alpha: float = 0.05,
                n_units: int | None = None) -> "Estimate":
        z = distributions.normal_quantile(1 - alpha / 2)
        return cls(float(estimate), float(se), float(estimate - z * se), float(estimate + z * se), int(n_obs), label,
                   None if n_units is None else int(n_units))

    def covers(self, value: float) -> bool:
        """Whether the interval contains `value`."""
        return self.ci_low <= value <= self.ci_high

    def scaled(self, factor: float, label: str | None = None) -> "Estimate":
        """The same estimate in other units (e.g. percentage points → basis points: ``scaled(100)``)."""
        lo, hi = sorted((self.ci_low * factor, self.ci_high * factor))
        return Estimate(self.estimate * factor, abs(self.se * factor), lo, hi, self.n_obs,
                        self.label if label is None else label, self.n_units)

    def as_dict(self) -> dict:
        return {"estimate": self.estimate, "se": self.se, "ci_low": self.ci_low, "ci_high": self.ci_high,
                "n_obs": self.n_obs, "label": self.label, "n_units": self.n_units}


@dataclass
class ImputationResult:
    """Output of :func:`imputation_did`.

    ``overall`` is the ATT over all treated observations; ``event_study`` has one row per horizon (``horizon``,
    ``estimate``, ``se``, ``ci_low``, ``ci_high``, ``n_obs``); ``pretrends`` the lead coefficients of the BJS
    pre-trend test with ``wald`` its joint test; ``raw`` the diff-diff results object.
    """

    overall: Estimate
    event_study: pd.DataFrame | None = None
    pretrends: pd.DataFrame | None = None
    wald: dict | None = None
    n_obs: int = 0
    n_units: int = 0
    raw: object = field(default=None, repr=False)

    def tidy(self) -> pd.DataFrame:
        """Pre-trends, then the event study, then the overall estimate, in one frame (``term`` column)."""
        parts = []
        if self.pretrends is not None:
            parts.append(self.pretrends.assign(term=self.pretrends["horizon"].astype(str), kind="pretrend"))
        if self.event_study is not None:
            parts.append(self.event_study.assign(term=self.event_study["horizon"].astype(str), kind="horizon"))
        o = self.overall
        parts.append(pd.DataFrame([{"term": "overall", "kind": "overall", "horizon": np.nan, "estimate": o.estimate,
                                    "se": o.se, "ci_low": o.ci_low, "ci_high": o.ci_high, "n_obs": o.n_obs}]))
        cols = ["term", "kind", "horizon", "estimate", "se", "ci_low", "ci_high", "n_obs"]
        return pd.concat(parts, ignore_index=True)[cols]


# -------------------------------------------------------------------------------------------- conventions
def month_index(values) -> np.ndarray:
    """``YYYY-MM`` strings (or datetimes) → integer months since 0000-01 (``year * 12 + month - 1``).

    Raises ValueError for a value that is not a month; parses each distinct value once (fast on long panels).
    """
    s = pd.Series(values)
    codes, uniques = pd.factorize(s, sort=False)
    if (codes < 0).any():
        raise ValueError(f"missing month at position {int(np.flatnonzero(codes < 0)[0])}")
    u = pd.Series(uniques)
    d = u if pd.api.types.is_datetime64_any_dtype(u) else pd.to_datetime(u.astype("string"), format="%Y-%m")
    idx = (d.dt.year * 12 + d.dt.month - 1).to_numpy(dtype=np.int64)
    return idx[codes]


def index_to_month(index) -> list[str]:
    """Inverse of :func:`month_index`: integer months → ``YYYY-MM`` strings."""
    idx = np.asarray(index, dtype=np.int64)
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in idx]


def _never_to_zero(cohort: pd.Series) -> np.ndarray:
    g = pd.to_numeric(cohort, errors="coerce").to_numpy(dtype=float)
    g = np.where(~np.isfinite(g) | (g <= 0), 0.0, g)
    return g


def _check_frame(data: pd.DataFrame, cols: dict[str, str]) -> None:
    missing = [f"{role}={name!r}" for role, name in cols.items() if name is not None and name not in data.columns]
    if missing:
        raise KeyError(f"columns not in the data: {', '.join(missing)}; have {list(data.columns)}")
    for role, name in cols.items():
        if name is None:
            continue
        if role in ("outcome", "unit", "time") and data[name].isna().any():
            row = int(np.flatnonzero(data[name].isna().to_numpy())[0])
            raise ValueError(f"column {name!r} ({role}) has a missing value at row {row + 1}")


def _prepare(data, outcome, unit, time, cohort, extra=()) -> pd.DataFrame:
    """A narrow copy with the cohort coded 0 for never-treated; checks cohort is constant within unit."""
    _check_frame(data, {"outcome": outcome, "unit": unit, "time": time, "cohort": cohort})
    cols = list(dict.fromkeys([outcome, unit, time, cohort, *extra]))
    df = data[cols].copy()
    for c in (unit, time):  # nullable pandas integers (the loader's Int64) -> plain numpy integers
        if isinstance(df[c].dtype, pd.api.extensions.ExtensionDtype) and pd.api.types.is_integer_dtype(df[c].dtype):
            df[c] = df[c].astype("int64")
    if isinstance(df[outcome].dtype, pd.api.extensions.ExtensionDtype):
        df[outcome] = df[outcome].astype("float64")
    g = _never_to_zero(df[cohort])
    df[cohort] = g
    codes = pd.factorize(df[unit], sort=False)[0]
    first = np.zeros(codes.max() + 1 if len(codes) else 0)
    first[codes[::-1]] = g[::-1]  # the last write wins: each unit's first row
    bad = np.flatnonzero(g != first[codes])
    if len(bad):
        raise ValueError(f"cohort column {cohort!r} varies within unit {df[unit].iloc[bad[0]]!r} (row {bad[0] + 1}; "
                         "treatment must be absorbing)")
    return df


# ------------------------------------------------------------------------------ binary: wrap diff-diff
def imputation_did(
    data: pd.DataFrame,
    outcome: str,
    unit: str,
    time: str,
    cohort: str,
    *,
    event_study: bool = False,
    horizons: list[int] | None = None,
    pretrends: int | list[int] | None = None,
    pretrend_reference: int | None = None,
    pretrend_vcov: str = "cluster",
    cluster: str | None = None,
    alpha: float = 0.05,
) -> ImputationResult:
    """BJS imputation estimate of the ATT (and optionally the event study and pre-trend test), binary treatment.

    A thin wrapper over ``diff_diff.ImputationDiD`` (unit + period fixed effects, Theorem-3 clustered SEs).

    Parameters
    ----------
    data : long panel, one row per unit × period.
    outcome, unit, time, cohort : column names. ``cohort`` = first treated period (0 / NaN / ±inf = never).
    event_study : also return the estimates by horizon (event time ≥ 0).
    horizons : keep only these horizons in ``event_study``.
    pretrends : number of leads ``k`` (leads −k…−1) or an explicit list of negative event times for the BJS
        pre-trend test (:func:`pretrend_test`); it never changes the post-treatment estimates.
    pretrend_reference : report lead coefficients relative to this lead (e.g. −4), see :func:`pretrend_test`.
    pretrend_vcov : ``"cluster"`` (by `cluster` or unit, as Stata ``did_imputation``) or ``"iid"`` (what R
        ``didimputation`` printed, through fixest's then default).
    cluster : cluster column for the SEs (default: the unit).
    alpha : 1 − confidence level.

    Returns
    -------
    ImputationResult

    Examples
    --------
    >>> res = imputation_did(df_het, "dep_var", "unit", "year", "g", event_study=True)   # doctest: +SKIP
    >>> res.overall.estimate, res.overall.se                                             # doctest: +SKIP
    (2.26295..., 0.0313968...)
    """
    from diff_diff import ImputationDiD

    df = _prepare(data, outcome, unit, time, cohort, extra=[cluster] if cluster else [])
    est = ImputationDiD(cluster=cluster, alpha=alpha)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=UserWarning)
        res = est.fit(df, outcome=outcome, unit=unit, time=time, first_treat=cohort)
    lo, hi = res.overall_conf_int
    overall = Estimate(float(res.overall_att), float(res.overall_se), float(lo), float(hi),
                       int(res.n_treated_obs), "ATT")
    es = None
    if event_study or horizons is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", category=UserWarning)
            tab = res.aggregate("event_study").to_dataframe()
        tab = tab.loc[(tab["event_time"] >= 0) & ~tab["is_reference"].astype(bool)]
        if horizons is not None:
            tab = tab.loc[tab["event_time"].isin(horizons)]
        es = pd.DataFrame({
            "horizon": tab["event_time"].astype(int).to_numpy(), "estimate": tab["att"].to_numpy(float),
            "se": tab["se"].to_numpy(float), "ci_low": tab["conf_int_lower"].to_numpy(float),
            "ci_high": tab["conf_int_upper"].to_numpy(float), "n_obs": tab["n"].to_numpy(float),
        })
    pre, wald = None, None
    if pretrends is not None:
        pre, wald = pretrend_test(df, outcome, unit, time, cohort, leads=pretrends, reference=pretrend_reference,
                                  vcov=pretrend_vcov, cluster=cluster, alpha=alpha)
    return ImputationResult(overall, es, pre, wald, n_obs=len(df), n_units=df[unit].nunique(), raw=res)


# -------------------------------------------------------------------------------- pre-trend test (Test 1)
def pretrend_test(
    data: pd.DataFrame,
    outcome: str,
    unit: str,
    time: str,
    cohort: str,
    *,
    leads: int | list[int] = 5,
    reference: int | None = None,
    intensity: str | None = None,
    vcov: str = "cluster",
    cluster: str | None = None,
    alpha: float = 0.05,
) -> tuple[pd.DataFrame, dict]:
    """BJS pre-trend test: on untreated observations only, regress the outcome on lead indicators + unit and period FE.

    The reference category is every untreated observation not in a listed lead (never-treated units and periods
    further before treatment), as in Stata ``did_imputation, pretrends(k)`` and R ``didimputation(pretrends=)``.
    With ``intensity``, each lead indicator is multiplied by the unit's dose (a placebo slope per unit of
    intensity). With ``reference=-4``, coefficients are reported relative to lead −4 (``b_h − b_-4``, SEs from the
    full covariance), i.e. "normalised four periods before treatment"; the joint Wald test is on the raw leads.

    Returns
    -------
    (frame with horizon, estimate, se, ci_low, ci_high; dict with wald statistic, df, p_value)

    The regression is :func:`fe_ols` (pyfixest ``feols`` with its defaults, pinned to it in the tests).
    """
    leads = list(range(-int(leads), 0)) if isinstance(leads, (int, np.integer)) else sorted(int(h) for h in leads)
    if any(h >= 0 for h in leads):
        raise ValueError(f"leads must be negative event times, got {leads}")
    if reference is not None and reference not in leads:
        leads = sorted(set(leads) | {int(reference)})
    extra = [c for c in (cluster, intensity) if c]
    df = _prepare(data, outcome, unit, time, cohort, extra=extra)
    g = df[cohort].to_numpy()
    t = df[time].to_numpy()
    treated = (g > 0) & (t >= g)
    d0 = df.loc[~treated].copy()
    rel = np.where(d0[cohort].to_numpy() > 0, d0[time].to_numpy() - d0[cohort].to_numpy(), np.nan)
    dose = d0[intensity].to_numpy(float) if intensity else 1.0
    names = []
    for h in leads:
        name = f"lead_m{-h}"
        d0[name] = np.where(rel == h, dose, 0.0)
        names.append(name)
    X = np.column_stack([d0[n].to_numpy(float) for n in names])
    beta, V = fe_ols(d0[outcome].to_numpy(float), X, d0[unit].to_numpy(), d0[time].to_numpy(),
                     cluster=None if vcov == "iid" else d0[cluster or unit].to_numpy())
    wstat = float(beta @ np.linalg.solve(V, beta))
    wald = {"statistic": wstat, "df": len(names), "p_value": float(distributions.chi2_sf(wstat, len(names)))}
    if reference is not None:
        r = leads.index(int(reference))
        C = np.eye(len(leads))
        C[:, r] -= 1.0
        beta = C @ beta
        V = C @ V @ C.T
    se = np.sqrt(np.clip(np.diag(V), 0, None))
    z = distributions.normal_quantile(1 - alpha / 2)
    n_obs = [int((rel == h).sum()) for h in leads]
    units = d0[unit].to_numpy()
    n_units = [int(pd.unique(units[rel == h]).size) for h in leads]
    out = pd.DataFrame({"horizon": leads, "estimate": beta, "se": se, "ci_low": beta - z * se,
                        "ci_high": beta + z * se, "n_obs": n_obs, "n_units": n_units})
    return out, wald


# ---------------------------------------------------------------- continuous intensity: our own (Theorem 3)
class _TwoWayFE:
    """Exact least squares for ``y_it = a_i + b_t`` on a subset of rows, for any right-hand side.

    The normal equations ``[[D_U, B], [B', D_T]] [a; b] = [c_U; c_T]`` (``D_U``, ``D_T`` diagonal counts, ``B`` the
    unit × period incidence) are solved by eliminating the unit block: ``S = D_T − B' D_U^{-1} B`` is only
    periods × periods and is Cholesky-factorised once; every further solve costs O(units × periods) at most. The
    first period with data is the reference (its effect is 0), so the system is non-singular when the panel is
    connected. ``B`` is a dense array when small (<= 4M cells), else sparse. Build from row codes ``(u, t)`` or,
    with ``grid=``, from a periods × units boolean array of the rows used.
    """

    def __init__(self, u: np.ndarray | None, t: np.ndarray | None, n_units: int, n_times: int, *,
                 grid: np.ndarray | None = None):
        self.n_units, self.n_times = n_units, n_times
        if grid is not None:
            self.n_u = grid.sum(axis=0).astype(float)
            self.n_t = grid.sum(axis=1).astype(float)
        else:
            self.n_u = np.bincount(u, minlength=n_units).astype(float)
            self.n_t = np.bincount(t, minlength=n_times).astype(float)
        present = np.flatnonzero(self.n_t > 0)
        if len(present) == 0:
            raise ValueError("no untreated observations: the fixed effects cannot be estimated")
        self.free = present[1:]  # periods with a free effect (first present period = reference, 0)
        n_free = len(self.free)
        inv_u = np.divide(1.0, self.n_u, out=np.zeros(n_units), where=self.n_u > 0)
        self.inv_u = inv_u
        self.B = self._dense = None
        if grid is not None and n_units * n_free <= 4e6:
            self._dense = grid[self.free].astype(float).T  # units × free periods (Fortran order)
        else:
            col = np.full(n_times, -1, dtype=np.int64)
            col[self.free] = np.arange(n_free)
            if grid is not None:
                t, u = np.nonzero(grid)
            keep = col[t] >= 0
            if n_units * n_free <= 4e6:  # small (<= 32 MB): a dense incidence, kept for BLAS products
                self._dense = np.bincount(u[keep] * n_free + col[t[keep]], minlength=n_units * n_free)
                self._dense = self._dense.reshape(n_units, n_free).astype(float)
            else:
                self.B = sp.csr_matrix((np.ones(int(keep.sum())), (u[keep], col[t[keep]])), shape=(n_units, n_free))
        if self._dense is not None:
            scaled = self._dense * np.sqrt(inv_u)[:, None]
            gram = scaled.T @ scaled
            del scaled
        else:
            scaled = self.B.multiply(np.sqrt(inv_u)[:, None]).tocsc()
            gram = (scaled.T @ scaled).toarray()
        S = np.diag(self.n_t[self.free]) - gram
        try:
            self.chol = scipy.linalg.cho_factor(S, lower=False, check_finite=False)
            self._solve_S = lambda r: scipy.linalg.cho_solve(self.chol, r, check_finite=False)
        except np.linalg.LinAlgError:
            # Not positive definite: the untreated panel is not connected. Least squares (minimum norm) instead;
            # imputations of non-identified combinations are then arbitrary, so warn.
            warnings.warn("untreated panel is not connected: two-way fixed effects not all identified", UserWarning)
            pinv = np.linalg.pinv(S)
            self._solve_S = lambda r: pinv @ r

    def solve(self, c_u: np.ndarray, c_t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Unit and period effects solving the normal equations for right-hand side (c_u, c_t)."""
        inc = self.B if self._dense is None else self._dense
        rhs = c_t[self.free] - inc.T @ (c_u * self.inv_u)
        b_free = self._solve_S(rhs)
        b_t = np.zeros(self.n_times)
        b_t[self.free] = b_free
        a_u = (c_u - inc @ b_free) * self.inv_u
        return a_u, b_t


@dataclass
class ImputationFit:
    """Steps 1–2 of BJS done once; any linear estimand ``sum w_it tau_it`` then comes with its Theorem-3 SE.

    Build with :func:`imputation_fit`. Attributes (treated rows only, in data order): ``tau`` imputed effects (NaN
    where the unit or period has no untreated observation), ``horizon`` event time, ``dose`` intensity (1 for a
    binary treatment), ``treated_index`` their row labels in the input frame.
    """

    tau: np.ndarray
    horizon: np.ndarray
    dose: np.ndarray
    cohort: np.ndarray
    treated_index: pd.Index
    n_obs: int
    n_units: int
    alpha: float
    _fe: _TwoWayFE = field(repr=False)
    _u0: np.ndarray = field(repr=False)
    _t0: np.ndarray = field(repr=False)
    _u1: np.ndarray = field(repr=False)
    _t1: np.ndarray = field(repr=False)
    _resid0: np.ndarray = field(repr=False)
    _cl0: np.ndarray = field(repr=False)
    _cl1: np.ndarray = field(repr=False)
    _n_clusters: int = field(repr=False)
    _group1: np.ndarray = field(repr=False)  # cohort × horizon code of each treated row (auxiliary model)
    # untreated residuals as a units × periods array and each unit's cluster (when small and clusters nest units)
    _resid_grid: np.ndarray | None = field(default=None, repr=False)
    _unit_cluster: np.ndarray | None = field(default=None, repr=False)

    # ---------------------------------------------------------------------------------------- weights
    def _mask(self, mask) -> np.ndarray:
        ok = np.isfinite(self.tau)
        if mask is None:
            return ok
        m = np.asarray(mask, dtype=bool)
        if m.shape != self.tau.shape:
            raise ValueError(f"mask must have one entry per treated row ({len(self.tau)}), got {m.shape}")
        return ok & m

    def weights(self, kind: str = "slope", mask=None, intercept: bool = False) -> np.ndarray:
        """Estimand weights over treated rows: ``att`` (mean effect) or ``slope`` (effect per unit of dose).

        ``slope`` without intercept: ``w = p / sum p^2`` (the least-squares slope of tau on the dose through the
        origin: no dose, no effect); with intercept: ``w = (p − mean p) / sum (p − mean p)^2``.
        """
        m = self._mask(mask)
        w = np.zeros(len(self.tau))
        if not m.any():
            return w
        if kind == "att":
            w[m] = 1.0 / m.sum()
        elif kind == "slope":
            p = self.dose[m]
            if intercept:
                p = p - p.mean()
            denom = float(p @ p)
            if denom <= 0:
                return w
            w[m] = p / denom
        else:
            raise ValueError(f"kind must be 'att' or 'slope', not {kind!r}")
        return w

    # --------------------------------------------------------------------------------------- estimate
    def linear(self, w: np.ndarray, label: str = "") -> Estimate:
        """``sum w_it tau_it`` with the BJS Theorem-3 conservative clustered SE.

        The untreated rows' implicit weights are ``v_0 = −Z_0 (Z_0'Z_0)^{-1} Z_1' w`` (one fixed-effects solve).
        The auxiliary model for the treated residuals is, within each cohort × horizon cell, a v²-weighted
        least-squares fit of tau on (1, dose) — the cell mean when the dose is constant there, which is R
        ``didimputation``'s rule.
        """
        w = np.asarray(w, dtype=float)
        used = w != 0
        n_used = int(used.sum())
        if n_used == 0:
            return Estimate(np.nan, np.nan, np.nan, np.nan, 0, label, 0)
        tau = np.where(np.isfinite(self.tau), self.tau, 0.0)
        est = float(w @ tau)
        fe = self._fe
        c_u = np.bincount(self._u1, weights=w, minlength=fe.n_units)
        c_t = np.bincount(self._t1, weights=w, minlength=fe.n_times)
        a, b = fe.solve(c_u, c_t)
        eps1 = tau - self._aux_fit(w, tau)
        if self._resid_grid is not None:
            # sum over a unit's untreated rows of v0 * resid0, v0 = -(a_i + b_t): the a_i part vanishes (a unit's
            # residuals sum to zero in the fixed-effects fit), the b_t part is one units × periods product
            psi = np.bincount(self._unit_cluster, -(self._resid_grid @ b), self._n_clusters)
        else:
            v0 = -(a[self._u0] + b[self._t0])
            psi = np.bincount(self._cl0, weights=v0 * self._resid0, minlength=self._n_clusters)
        psi += np.bincount(self._cl1, weights=w * eps1, minlength=self._n_clusters)
        se = math.sqrt(float(psi @ psi))
        # clusters (respondents) whose effects it averages
        n_units = int(np.count_nonzero(np.bincount(self._cl1[used], minlength=self._n_clusters)))
        return Estimate.from_se(est, se, n_used, label, self.alpha, n_units)

    def _aux_fit(self, v: np.ndarray, tau: np.ndarray) -> np.ndarray:
        return _aux_fitted(self._group1, v, tau, self.dose)

    # ------------------------------------------------------------------------------------- shortcuts
    def att(self, mask=None, label: str = "ATT") -> Estimate:
        """Average imputed effect over the treated rows in `mask` (all by default)."""
        return self.linear(self.weights("att", mask), label)

    def slope(self, mask=None, intercept: bool = False, label: str = "slope") -> Estimate:
        """Effect per unit of dose over the treated rows in `mask`."""
        return self.linear(self.weights("slope", mask, intercept), label)

    def contrast(self, mask_a, mask_b, kind: str = "slope", label: str = "difference") -> Estimate:
        """Estimand on `mask_a` minus the same estimand on `mask_b`, with the SE of the difference."""
        return self.linear(self.weights(kind, mask_a) - self.weights(kind, mask_b), label)

    def by_horizon(self, kind: str = "slope", horizons=None, mask=None) -> pd.DataFrame:
        """The estimand separately for each event time (``horizon`` column, one row each)."""
        hs = np.unique(self.horizon[self._mask(mask)]) if horizons is None else np.asarray(list(horizons))
        rows = []
        base = np.ones(len(self.tau), bool) if mask is None else np.asarray(mask, bool)
        for h in hs:
            e = self.linear(self.weights(kind, base & (self.horizon == h)), str(h))
            rows.append({"horizon": int(h), **{k: v for k, v in e.as_dict().items() if k != "label"}})
        return pd.DataFrame(rows, columns=["horizon", "estimate", "se", "ci_low", "ci_high", "n_obs", "n_units"])


def imputation_fit(
    data: pd.DataFrame,
    outcome: str,
    unit: str,
    time: str,
    cohort: str,
    *,
    intensity: str | None = None,
    aux_by: list[str] | None = None,
    cluster: str | None = None,
    alpha: float = 0.05,
) -> ImputationFit:
    """Steps 1–2 of BJS (unit + period FE on untreated rows, imputed effects), ready for any linear estimand.

    Parameters
    ----------
    intensity : column with the treatment dose of each unit (e.g. the % energy-price increase), constant within
        unit and finite for treated units; None = binary treatment (dose 1).
    aux_by : cells of the auxiliary model used only for the variance (BJS sec. 4.3, Stata ``avgeffectsby``):
        default ``["cohort", "horizon"]`` (R didimputation's rule); may list ``"cohort"``, ``"horizon"`` and data
        columns (observed characteristics such as an income group). The SE is conservative when effects vary within
        cells, close to exact when the cells capture the heterogeneity; cells too small overfit (SE too small).
    cluster : cluster column (default: unit). Clusters must nest units for the Theorem-3 formula to apply.

    Returns
    -------
    ImputationFit — call ``.slope()``, ``.att()``, ``.by_horizon()``, ``.contrast()`` or ``.linear(w)``.
    """
    extra = [c for c in (cluster, intensity, *(aux_by or [])) if c and c not in ("cohort", "horizon")]
    df = _prepare(data, outcome, unit, time, cohort, extra=extra)
    y = df[outcome].to_numpy(float)
    if not np.isfinite(y).all():
        row = int(np.flatnonzero(~np.isfinite(y))[0])
        raise ValueError(f"outcome {outcome!r} is not finite at row {row + 1}")
    u_codes, u_uniques = pd.factorize(df[unit], sort=False)
    t_vals = df[time].to_numpy()
    t_codes, t_uniques = pd.factorize(t_vals, sort=True)
    key = u_codes.astype(np.int64) * len(t_uniques) + t_codes
    sk = np.sort(key)
    if (sk[1:] == sk[:-1]).any():
        dup = int(np.flatnonzero(pd.Series(key).duplicated().to_numpy())[0])
        raise ValueError(f"more than one row per ({unit}, {time}): row {dup + 1} repeats an earlier one")
    g = df[cohort].to_numpy(float)
    treated = (g > 0) & (t_vals >= g)
    if not treated.any():
        raise ValueError("no treated observations")
    cl_codes = pd.factorize(df[cluster] if cluster else df[unit], sort=False)[0]
    dose = np.ones(len(df)) if intensity is None else df[intensity].to_numpy(float)
    if intensity is not None and not np.isfinite(dose[treated]).all():
        row = int(np.flatnonzero(treated & ~np.isfinite(dose))[0])
        raise ValueError(f"intensity {intensity!r} missing for a treated row (row {row + 1})")

    cells = ["cohort", "horizon"] if aux_by is None else list(aux_by)
    parts = [c if c in ("cohort", "horizon") else pd.factorize(df[c].to_numpy()[treated])[0] for c in cells]
    return _fit_coded(y, u_codes, len(u_uniques), t_vals, t_codes, len(t_uniques), g, treated, dose, cl_codes,
                      parts, df.index[treated], alpha)


def slope_on_grid(
    y: np.ndarray,
    observed: np.ndarray,
    first_treated: np.ndarray,
    dose: np.ndarray,
    *,
    unit_cells: tuple | list = (),
    alpha: float = 0.05,
    label: str = "slope",
) -> Estimate:
    """The pooled per-unit-of-dose slope (``imputation_fit(...).slope()``, through the origin) of a panel held as a
    periods × units grid — the same estimator and Theorem-3 SE, for simulation loops (no checks, no row tables).

    Parameters
    ----------
    y : periods × units outcomes (C order; any finite value where not observed).
    observed : periods × units booleans, True where the unit answered in the period.
    first_treated : per unit, the row (period) of its first treated period (``>= n_periods``: never treated).
    dose : per unit, the treatment intensity (finite for treated units; any value for the others).
    unit_cells : per-unit integer codes (e.g. an income group) that, crossed with the horizon, form the cells of the
        auxiliary (variance) model, as ``aux_by=["horizon", ...]`` in :func:`imputation_fit`.

    Clusters are units. Equal to :func:`imputation_fit` on the same panel up to the order of floating-point sums.
    Periods run down the rows so that numpy's inner loops run along the (many) units.
    """
    y = np.asarray(y, dtype=float)
    n_times, n_units = y.shape
    first = np.asarray(first_treated)
    dose = np.asarray(dose, dtype=float)
    treated = observed & (np.arange(n_times)[:, None] >= first[None, :])
    untreated = observed & ~treated
    fe = _TwoWayFE(None, None, n_units, n_times, grid=untreated)
    # masks enter as 0/1 factors and big temporaries are reused in place: on a scattered mask np.where is several
    # times slower, and every fresh grid-sized array costs page faults; y and e are finite everywhere
    untreated = untreated.astype(float)
    e = y * untreated
    a, b = fe.solve(e.sum(axis=0), e.sum(axis=1))
    np.subtract(y, a[None, :], out=e)
    e -= b[:, None]  # residual where untreated, imputed effect where treated
    # imputable only where the unit and the period have untreated observations
    w = (treated & (fe.n_u > 0)[None, :] & (fe.n_t > 0)[:, None]).astype(float)
    w *= np.where(np.isfinite(dose), dose, 0.0)[None, :]
    denom = float(np.einsum("ij,ij->", w, w))  # no temporary, and no BLAS threads (contended in parallel runs)
    if denom <= 0:
        return Estimate(np.nan, np.nan, np.nan, np.nan, 0, label, 0)
    w /= denom
    est = float(np.einsum("ij,ij->", w, e))  # w is zero off the imputable treated rows: sum w * tau
    a_w, b_w = fe.solve(w.sum(axis=0), w.sum(axis=1))
    # sum over each unit's untreated rows of v0 * residual, v0 = -(a_w + b_w): the a_w part vanishes (a unit's
    # residuals sum to zero), the b_w part is one product with the residual grid
    untreated *= e
    psi = -(b_w @ untreated)
    # treated rows: the auxiliary model within horizon × unit cells
    rows1 = np.flatnonzero(treated)
    col1, unit1 = np.divmod(rows1, n_units)
    key = col1 - first[unit1]
    for c in unit_cells:
        c = np.asarray(c, dtype=np.int64)
        key = key * (int(c.max()) + 1) + c[unit1]
    w1 = w.ravel()[rows1]
    # imputed effects; 0 where not imputable (weight 0 there, as in ImputationFit)
    tau1 = np.where(fe.n_u[unit1] * fe.n_t[col1] > 0, e.ravel()[rows1], 0.0)
    eps1 = tau1 - _aux_fitted(_combine_codes([key]), w1, tau1, dose[unit1])
    psi += np.bincount(unit1, w1 * eps1, n_units)
    se = math.sqrt(float(psi @ psi))
    used = w1 != 0
    n_used_units = int(np.count_nonzero(np.bincount(unit1[used], minlength=n_units)))
    return Estimate.from_se(est, se, int(used.sum()), label, alpha, n_used_units)


def _fit_coded(y, u_codes, n_units, t_vals, t_codes, n_times, g, treated, dose, cl_codes, parts, treated_index,
               alpha) -> ImputationFit:
    """Steps 1-2 of BJS on coded arrays, after :func:`imputation_fit`'s checks.

    `parts`: the auxiliary cells, ``"cohort"``, ``"horizon"`` or integer codes over the treated rows."""
    u0, t0 = u_codes[~treated], t_codes[~treated]
    u1, t1 = u_codes[treated], t_codes[treated]
    fe = _TwoWayFE(u0, t0, n_units, n_times)
    y0 = y[~treated]
    a, b = fe.solve(np.bincount(u0, y0, n_units), np.bincount(t0, y0, n_times))
    resid0 = y0 - a[u0] - b[t0]
    # imputable only where the unit and the period have untreated observations
    ok = (fe.n_u[u1] > 0) & (fe.n_t[t1] > 0)
    tau = np.where(ok, y[treated] - a[u1] - b[t1], np.nan)
    g1 = g[treated]
    horizon = (t_vals[treated] - g1).astype(np.int64)
    codes = [np.zeros(len(g1), dtype=np.int64)]
    for part in parts:
        if isinstance(part, str) and part == "cohort":
            codes.append(pd.factorize(g1)[0])
        elif isinstance(part, str) and part == "horizon":
            codes.append(horizon - horizon.min())
        else:
            codes.append(part)
    resid_grid = unit_cluster = None
    if fe._dense is not None:  # small panel: the Theorem-3 sums over untreated rows become one matrix product
        unit_cluster = np.zeros(n_units, dtype=np.int64)
        unit_cluster[u_codes] = cl_codes
        if (unit_cluster[u_codes] == cl_codes).all():  # clusters nest units
            resid_grid = np.bincount(u0 * n_times + t0, resid0, n_units * n_times).reshape(n_units, n_times)
    return ImputationFit(
        tau=tau, horizon=horizon, dose=dose[treated], cohort=g1, treated_index=treated_index,
        n_obs=len(y), n_units=n_units, alpha=alpha, _fe=fe, _u0=u0, _t0=t0, _u1=u1, _t1=t1,
        _resid0=resid0, _cl0=cl_codes[~treated], _cl1=cl_codes[treated], _n_clusters=int(cl_codes.max()) + 1,
        _group1=_combine_codes(codes), _resid_grid=resid_grid, _unit_cluster=unit_cluster,
    )


def _aux_fitted(g: np.ndarray, v: np.ndarray, tau: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The auxiliary model of BJS Theorem 3 at each treated row: within each cell ``g``, the v²-weighted
    least-squares fit of tau on (1, dose ``p``) — the cell mean when the dose is constant there (R
    ``didimputation``'s rule)."""
    k = int(g.max()) + 1 if len(g) else 0
    v2 = v * v
    s0 = np.bincount(g, v2, k)
    s1 = np.bincount(g, v2 * p, k)
    s2 = np.bincount(g, v2 * p * p, k)
    sy = np.bincount(g, v2 * tau, k)
    spy = np.bincount(g, v2 * p * tau, k)
    det = s0 * s2 - s1 * s1
    # the slope is identified only if the dose varies within the cell (relative to its scale)
    varies = det > 1e-10 * np.maximum(s0 * s2, 1e-300)
    safe0 = np.where(s0 > 0, s0, 1.0)
    slope = np.where(varies, (s0 * spy - s1 * sy) / np.where(varies, det, 1.0), 0.0)
    icpt = np.where(varies, (sy - slope * s1) / safe0, sy / safe0)
    # cells with no weight: their residuals get zero weight anyway; use the plain mean for a finite value
    empty = s0 <= 0
    if empty.any():
        cnt = np.bincount(g, minlength=k).astype(float)
        mean = np.bincount(g, tau, k) / np.where(cnt > 0, cnt, 1.0)
        icpt = np.where(empty, mean, icpt)
    return icpt[g] + slope[g] * p


def _combine_codes(parts: list[np.ndarray]) -> np.ndarray:
    """Dense group codes for the combination of several non-negative integer code arrays (any labelling will do:
    the auxiliary model only sums within groups)."""
    key = np.zeros(len(parts[0]), dtype=np.int64)
    for p in parts:
        p = np.asarray(p, dtype=np.int64)
        key = key * (int(p.max()) + 1 if len(p) else 1) + p
    if len(key) and key.min() >= 0 and key.max() < 4 * len(key) + 1024:  # small key space: compact without hashing
        present = np.bincount(key) > 0
        return (np.cumsum(present) - 1)[key]
    return pd.factorize(key, sort=False)[0]


def intensity_did(
    data: pd.DataFrame,
    outcome: str,
    unit: str,
    time: str,
    cohort: str,
    intensity: str,
    *,
    horizons=None,
    event_study: bool = False,
    intercept: bool = False,
    pretrends: int | list[int] | None = None,
    pretrend_reference: int | None = None,
    aux_by: list[str] | None = None,
    cluster: str | None = None,
    alpha: float = 0.05,
) -> ImputationResult:
    """BJS imputation estimate of the effect **per unit of treatment intensity** (e.g. per 1% price increase).

    The imputed effects ``tau_it`` of treated rows are projected on the unit's dose ``p_i`` (through the origin by
    default): ``beta = sum p_i tau_it / sum p_i^2``. As a linear function of the imputed effects it has the BJS
    Theorem-3 conservative SE (clustered by unit). ``event_study`` gives the slope by horizon; ``pretrends`` runs
    :func:`pretrend_test` with lead × dose regressors (a placebo slope per unit of dose).

    This is one valid implementation of a dose-response imputation DiD, not necessarily the study's.
    """
    fit = imputation_fit(data, outcome, unit, time, cohort, intensity=intensity, aux_by=aux_by, cluster=cluster,
                         alpha=alpha)
    overall = fit.slope(intercept=intercept, label=f"per unit of {intensity}")
    es = None
    if event_study or horizons is not None:
        es = fit.by_horizon("slope", horizons=horizons)
    pre, wald = None, None
    if pretrends is not None:
        pre, wald = pretrend_test(data, outcome, unit, time, cohort, leads=pretrends, reference=pretrend_reference,
                                  intensity=intensity, cluster=cluster, alpha=alpha)
    return ImputationResult(overall, es, pre, wald, n_obs=fit.n_obs, n_units=fit.n_units, raw=fit)


# ---------------------------------------------------------------------------------------- comparisons
def twfe(
    data: pd.DataFrame,
    outcome: str,
    unit: str,
    time: str,
    cohort: str,
    *,
    event_window: tuple[int, int] | None = None,
    cluster: str | None = None,
) -> tuple[Estimate, pd.DataFrame | None]:
    """Naive two-way fixed-effects regression (:func:`fe_ols`, as pyfixest ``feols``): static ``y ~ D | unit +
    time`` and, with `event_window=(lo, hi)`, the dynamic ``y ~ i(event time, ref=-1) | unit + time`` with end bins
    and the never-treated in the reference. Shown to illustrate its bias under heterogeneous staggered effects.
    """
    df = _prepare(data, outcome, unit, time, cohort, extra=[cluster] if cluster else [])
    g = df[cohort].to_numpy()
    t = df[time].to_numpy()
    d = ((g > 0) & (t >= g)).astype(float)
    y, units, times = df[outcome].to_numpy(float), df[unit].to_numpy(), df[time].to_numpy()
    clusters = df[cluster or unit].to_numpy()
    beta, V = fe_ols(y, d[:, None], units, times, cluster=clusters)
    static = Estimate.from_se(beta[0], math.sqrt(V[0, 0]), int(d.sum()), "TWFE static")
    es = None
    if event_window is not None:
        lo, hi = event_window
        rel = np.where(g > 0, np.clip(t - g, lo, hi), -1).astype(int)
        hs = [h for h in range(lo, hi + 1) if h != -1]
        beta, V = fe_ols(y, np.column_stack([(rel == h).astype(float) for h in hs]), units, times, cluster=clusters)
        es = pd.DataFrame({"horizon": hs, "estimate": beta, "se": np.sqrt(np.diag(V))})
        es["ci_low"], es["ci_high"] = es["estimate"] - 1.96 * es["se"], es["estimate"] + 1.96 * es["se"]
    return static, es


def fe_ols(y: np.ndarray, X: np.ndarray, unit, time, *, cluster=None) -> tuple[np.ndarray, np.ndarray]:
    """OLS of `y` on the columns of `X` with unit and period fixed effects absorbed: coefficients and covariance as
    pyfixest ``feols("y ~ X | unit + time", vcov="iid" or {"CRV1": cluster})`` with its defaults (pinned to it in
    the tests).

    Singletons (rows alone in their unit or period) are dropped, repeatedly; the effects are removed by
    Frisch–Waugh–Lovell through the exact two-way solve (:class:`_TwoWayFE`). Small-sample factors as fixest /
    pyfixest: ``iid`` ``u'u / (N − k − n_units − n_periods + 1)``; CRV1 ``G/(G−1) · (N−1)/(N−df)`` with ``df`` =
    ``k`` + the fixed effects not nested in the clusters (+1 for each set of effects fully nested in them).
    Raises ValueError when a column of `X` is collinear with the fixed effects (e.g. a lead with no observation).
    """
    y = np.asarray(y, dtype=float)
    X = np.asarray(X, dtype=float).reshape(len(y), -1)
    u = pd.factorize(np.asarray(unit), sort=False)[0]
    t = pd.factorize(np.asarray(time), sort=False)[0]
    keep = np.ones(len(y), bool)
    while True:  # singletons, as feols(fixef_rm="singleton"): dropping some can make others
        single = keep & ((np.bincount(u, keep)[u] == 1) | (np.bincount(t, keep)[t] == 1))
        if not single.any():
            break
        keep &= ~single
    if not keep.all():
        y, X, u, t = y[keep], X[keep], pd.factorize(u[keep])[0], pd.factorize(t[keep])[0]
        cluster = None if cluster is None else np.asarray(cluster)[keep]
    n_units, n_times = int(u.max()) + 1, int(t.max()) + 1
    fe = _TwoWayFE(u, t, n_units, n_times)

    def within(v):
        a, b = fe.solve(np.bincount(u, v, n_units), np.bincount(t, v, n_times))
        return v - a[u] - b[t]

    Xd = np.column_stack([within(X[:, j]) for j in range(X.shape[1])])
    xtx = Xd.T @ Xd
    scale = np.sqrt(np.diag(xtx))
    if (scale <= 1e-9 * np.sqrt(len(y))).any() or np.linalg.cond(xtx / np.outer(scale, scale)) > 1e12:
        raise ValueError("a regressor is collinear with the fixed effects (or with the other regressors)")
    bread = np.linalg.inv(xtx)
    beta = bread @ (Xd.T @ within(y))
    resid = within(y) - Xd @ beta
    n, k = Xd.shape
    if cluster is None:
        return beta, bread * float(resid @ resid) / (n - (k + n_units + n_times - 1))
    cl = pd.factorize(np.asarray(cluster), sort=False)[0]
    n_clusters = int(cl.max()) + 1
    scores = np.column_stack([np.bincount(cl, Xd[:, j] * resid, n_clusters) for j in range(k)])
    # fixed effects nested in the clusters (each level inside one cluster) are not counted, +1 per nested set
    df_k = k + n_units + n_times - 1
    for codes, levels in ((u, n_units), (t, n_times)):
        first_cluster = np.full(levels, -1)
        first_cluster[codes] = cl
        if (first_cluster[codes] == cl).all():
            df_k += 1 - levels
    factor = n_clusters / (n_clusters - 1) * (n - 1) / (n - df_k)
    return beta, factor * bread @ (scores.T @ scores) @ bread


def callaway_santanna(data: pd.DataFrame, outcome: str, unit: str, time: str, cohort: str,
                      *, control_group: str = "never_treated") -> dict[str, Estimate]:
    """Callaway–Sant'Anna (2021) via ``diff_diff.CallawaySantAnna`` (doubly robust, analytical SEs, no covariates).

    Returns the simple overall ATT (``"simple"``) and the dynamic-aggregation ATT (``"dynamic"``).
    """
    from diff_diff import CallawaySantAnna

    df = _prepare(data, outcome, unit, time, cohort)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = CallawaySantAnna(control_group=control_group, estimation_method="dr").fit(
            df, outcome=outcome, unit=unit, time=time, first_treat=cohort, aggregate="all")
    out = {"simple": Estimate.from_se(res.overall_att, res.overall_se, int(res.n_obs), "CS simple")}
    dyn = getattr(res, "event_study_effects", None)
    if dyn:
        post = [v for k, v in dyn.items() if k >= 0]
        est = float(np.mean([v["effect"] for v in post]))
        out["dynamic_mean_of_horizons"] = Estimate(est, np.nan, np.nan, np.nan, len(post), "CS dynamic (mean)")
    return out
