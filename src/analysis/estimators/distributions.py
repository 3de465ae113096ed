"""The reference distributions of the estimators' inference, from ``scipy.special``: the kernels ``scipy.stats``
calls for these (bit for bit the same values), without importing ``scipy.stats``, which costs a kernel ~0.7 s."""

from __future__ import annotations

import numpy as np
from scipy import special


def t_quantile(p, df):
    """The `p` quantile of Student's t with `df` degrees of freedom (``scipy.stats.t.ppf``)."""
    return special.stdtrit(df, p)


def t_cdf(x, df):
    """Student's t distribution function (``scipy.stats.t.cdf``)."""
    return special.stdtr(df, x)


def t_two_sided(coef, se, df, alpha: float = 0.05):
    """Two-sided t confidence bounds at level ``1 - alpha`` and p-values, elementwise: ``(low, high, pvalue)``."""
    crit = special.stdtrit(df, 1 - alpha / 2)
    return coef - crit * se, coef + crit * se, 2 * special.stdtr(df, -np.abs(coef / se))


def normal_quantile(p):
    """The `p` quantile of the standard normal (``scipy.stats.norm.ppf``)."""
    return special.ndtri(p)


def chi2_sf(x, df):
    """Upper tail of the chi-squared distribution with `df` degrees of freedom (``scipy.stats.chi2.sf``)."""
    return special.chdtrc(df, x)
