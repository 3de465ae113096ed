"""The Mexico GVC study (Utar, Cebreros & Torres): its constants, the firm exposure, the checks of a user's panel,
the release plan and the results record.

The estimator is :mod:`analysis.estimators.triple_difference`; the figures are in :mod:`.plots`, the simulated panel
in :mod:`.simulate` (pure data-generating process), its Monte Carlo in :mod:`.montecarlo`, simulated customs
transactions in :mod:`.customs` and the out-of-core build of the panel from transaction files in
:mod:`.transactions`.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from analysis.core import data
from analysis.estimators.triple_difference import (BASE_YEAR, EXPOSURE, FIRM, GROUP, INPUT_EXPOSURE, SECTOR, YEAR,
                                                   EventStudy, difference_in_differences, exposure_quartiles)

OUTCOMES = {  # column -> (label, transformation) — the four outcomes of the column's Figure 2
    "ln_exports_us": ("Exports to the US", "log"),
    "ln_imports_us": ("Imports from the US", "log"),
    "ln_exports_total": ("Total exports", "log"),
    "asinh_net_exports": ("Net exports (exports − imports)", "asinh"),
}
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


def sector_effects(panel: pd.DataFrame, sectors: dict[str, Sequence[str]], *, outcome: str = "ln_exports_us",
                   exposures: str | Sequence[str] = EXPOSURE, years: Sequence[int] = (2018, 2019, 2020, 2021),
                   iqr: dict[str, float] | None = None, base_year: int = BASE_YEAR,
                   min_firms: int = 10, engine: str = "pyfixest") -> pd.DataFrame:
    """Average effect over `years` estimated separately for each sector group (the column's Figure 3).

    `sectors` maps a label to the sector codes it pools (e.g. ``{"Textiles, apparel, footwear": ["313", "314",
    "315", "316"]}``); each group is fitted with :func:`difference_in_differences` on its own firms. A group with
    fewer than `min_firms` firms, or whose average cannot be formed, is not fitted: its row has NaN values, its
    firm count (``n_firms``) and the reason (``note``). `engine` as in :func:`difference_in_differences`.
    """
    from analysis.core.release import Unavailable, withheld_note

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
        es = difference_in_differences(sub, outcome, exposures, label=label, iqr=iqr, base_year=base_year,
                                        engine=engine)
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

    Goes through :func:`analysis.core.data.read_user_table` (types, required values, ranges, unique firm-year key)
    and :func:`validate_panel` (firm-constant columns, base year). Raises DataError naming file, row, column.
    """
    import json

    from analysis.core import paths

    if schema is None:
        schema = json.loads((paths.DATA / "schemas" / "gvc_panel.schema.json").read_text(encoding="utf-8"))
    frame = data.read_user_table(path, schema)
    return validate_panel(frame.reset_index(drop=True), data.file_label(path))


DDD, DID = "triple difference", "manufacturing-GVC difference-in-differences"
REPORT_YEARS = (2018, 2019, 2020, 2021)


def plan_estimates(panel: pd.DataFrame, sector_groups: dict[str, Sequence[str]], *, min_firms: int = 10,
                   base_year: int = BASE_YEAR, report_years: Sequence[int] = REPORT_YEARS, firm: str = FIRM,
                   year: str = YEAR):
    """The design's requirements, checked on `panel` before anything is estimated (an :class:`analysis.core.release.Plan`).

    What each estimate needs, each at least ``max(min_firms, 2)`` firms (fewer could not be released anyway):

    * every estimate: firms whose export exposure differs, and p25 < p75 (the reported contrast is p75 − p25);
    * the triple difference: GVC and non-GVC firms, with exposure varying within each group, and exports to the
      US observed in the base year and another year;
    * the manufacturing-GVC difference-in-differences: such firms, with exposure varying among them;
    * each outcome of it, and each sector group: enough of those firms with the outcome / in the sector;
    * the input channel: an input exposure column with p25 < p75.

    The years the panel has and the report years it lacks (``report_years``), and sector codes in no group, are
    noted. Raises :class:`analysis.core.release.DesignError` when nothing at all can be estimated, naming why.
    """
    from analysis.core.release import DesignError, Plan

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

