"""The one place that knows pyfixest's model internals, and a lean fit with the same interface.

pyfixest's ``Feols`` keeps the clustered covariance, the number of observations and the cluster counts in private
attributes (``_vcov``, ``_N``, ``_G``); the estimators read them only through the functions here, so a pyfixest
release that renames them breaks one module. :class:`LeanFit` exposes the same interface for the numpy fits used on
very large panels (demeaned here, or in closed form by the triple-difference estimator on balanced panels).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.estimators import distributions


def vcov(fit) -> np.ndarray:
    """The fitted coefficients' covariance matrix (clustered when the fit was)."""
    return fit._vcov


def n_obs(fit) -> int:
    """Observations used by the fit (after singletons are dropped)."""
    return int(fit._N)


def n_clusters(fit) -> int:
    """Number of clusters (the smallest, for multi-way clustering); observations when not clustered."""
    g = getattr(fit, "_G", None)
    return int(min(g)) if g is not None else int(fit._N)


def dof(fit) -> int:
    """Degrees of freedom of the t reference distribution for clustered inference: clusters − 1."""
    return max(int(n_clusters(fit)) - 1, 1)


def critical(fit, level: float) -> float:
    """Two-sided critical value of the t distribution with :func:`dof` degrees of freedom."""
    return float(distributions.t_quantile(0.5 + level / 2, dof(fit)))


# ------------------------------------------------------------------------------------------- lean engine
class LeanFit:
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
        b, se = self.coef(), self.se()
        low, high, pvalue = distributions.t_two_sided(b, se, max(self._G[0] - 1, 1), alpha)
        return pd.DataFrame({"Estimate": b, "Std. Error": se, "t value": b / se, "Pr(>|t|)": pvalue,
                             f"{100 * alpha / 2:g}%": low, f"{100 * (1 - alpha / 2):g}%": high})

    @classmethod
    def fit(cls, frame: pd.DataFrame, outcome: str, xcols: list[str], fe_terms: list[str], cluster: str,
            make_column, tol: float = 1e-8) -> "LeanFit":
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

