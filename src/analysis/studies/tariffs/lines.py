"""The average US tariff on Chinese goods built product by product (Bown's method) instead of list by list.

Three tables feed it (see ``data/datapackage.json``):

* ``tariff_us_china_hs8`` -- which 8-digit HTS lines belong to which chapter-99 heading, and when (``scope``
  narrows a line to, or excludes, named 10-digit numbers);
* ``tariff_us_china_rates`` -- each heading's additional duty over time;
* an import table by 10-digit HTS number (``hs10``, ``hs8``, ``imports_usd``), e.g.
  ``trade_us_imports_china_hs10_2024``;
* optionally, weights of another year by 6-digit code (``hs6``, ``imports_usd``), e.g. the 2017 table
  ``trade_us_imports_china_hs6_2017``: each HS6 code's value is then split across its HTS10 lines in proportion to
  the HTS10 table, so a line's weight is :math:`m_{h}\\, m_i / \\sum_{j \\in h} m_j` (Bown weights by 2017 imports;
  no 2017 table finer than HS6 was found).

The additional duty of an import line on date *t* is the highest rate in force on *t* among the headings the line
belongs to on *t* (a 2024-review rate replaces the line's earlier list rate; lists 1-4A never overlap). With import
weights :math:`m_i`,

.. math:: \\bar a(t) = \\frac{\\sum_i m_i\\, a_i(t)}{\\sum_i m_i}, \\qquad
          \\text{covered}(t) = \\frac{\\sum_{i:\\,a_i(t)>0} m_i}{\\sum_i m_i},

and the contribution of list *L* is the same sum over the lines whose binding rate comes from *L*.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.core.figures import REPORT_WIDTH_IN

LIST_ORDER = ["list1", "list2", "list3", "list4a", "list4b", "review2024"]
LIST_LABELS = {"list1": "List 1", "list2": "List 2", "list3": "List 3", "list4a": "List 4A", "list4b": "List 4B",
               "review2024": "2024 review"}
_NEED = {
    "lines": {"edition", "list_id", "heading", "hs8", "scope", "hs10", "member_from", "member_to"},
    "rates": {"heading", "list_id", "effective_date", "end_date", "additional_duty_pct", "status"},
    "imports": {"hs10", "hs8", "imports_usd"},
    "hs6_weights": {"hs6", "imports_usd"},
}


def _check(frame: pd.DataFrame, kind: str) -> None:
    missing = _NEED[kind] - set(frame.columns)
    if missing:
        raise ValueError(f"{kind} table lacks columns {sorted(missing)}")


def _check_imports(imports: pd.DataFrame) -> None:
    _check(imports, "imports")
    v = pd.to_numeric(imports["imports_usd"], errors="coerce")
    bad = v.isna() | (v < 0) | ~np.isfinite(v.fillna(0))
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise ValueError(f"imports table, row {i}, column imports_usd: {imports['imports_usd'].iloc[i]!r} is not a "
                         "finite number >= 0")
    h10 = imports["hs10"].astype(str)
    wrong = ~h10.str.fullmatch(r"\d{10}") | (h10.str[:8] != imports["hs8"].astype(str))
    if wrong.any():
        i = int(np.flatnonzero(wrong.to_numpy())[0])
        raise ValueError(f"imports table, row {i}, columns hs10/hs8: {imports['hs10'].iloc[i]!r} / "
                         f"{imports['hs8'].iloc[i]!r} is not a 10-digit number starting with its 8-digit line")
    if float(v.sum()) <= 0:
        raise ValueError("imports table: total imports_usd must be positive")


def _check_hs6_weights(weights: pd.DataFrame) -> pd.Series:
    _check(weights, "hs6_weights")
    v = pd.to_numeric(weights["imports_usd"], errors="coerce")
    h6 = weights["hs6"].astype(str)
    bad = v.isna() | (v < 0) | ~np.isfinite(v.fillna(0)) | ~h6.str.fullmatch(r"\d{6}") | h6.duplicated()
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise ValueError(f"hs6_weights table, row {i}, columns hs6/imports_usd: {weights['hs6'].iloc[i]!r} / "
                         f"{weights['imports_usd'].iloc[i]!r} is not a unique 6-digit code with a finite value >= 0")
    if float(v.sum()) <= 0:
        raise ValueError("hs6_weights table: total imports_usd must be positive")
    return pd.Series(v.to_numpy(dtype=float), index=h6.to_numpy())


def line_counts(lines: pd.DataFrame, edition: str = "annex") -> pd.Series:
    """Number of distinct 8-digit lines of each list in one edition (full and partial lines counted once)."""
    _check(lines, "lines")
    sub = lines[lines["edition"] == edition]
    if sub.empty:
        raise ValueError(f"no lines of edition {edition!r}; editions present: {sorted(lines['edition'].unique())}")
    present = set(sub["list_id"].unique())
    return sub.drop_duplicates(["list_id", "hs8"]).groupby("list_id").size().reindex(
        [x for x in LIST_ORDER if x in present]).rename("lines")


def match_lines(lines: pd.DataFrame, imports: pd.DataFrame, edition: str = "hts2026") -> pd.DataFrame:
    """Pair each import line (HS10) with every heading membership that covers it, honouring ``scope``.

    Returns one row per (hs10, heading, membership window): hs10, hs8, list_id, heading, member_from, member_to.
    """
    _check(lines, "lines")
    _check_imports(imports)
    sub = lines[lines["edition"] == edition]
    if sub.empty:
        raise ValueError(f"no lines of edition {edition!r}; editions present: {sorted(lines['edition'].unique())}")
    imp = imports[["hs10", "hs8"]].astype(str).drop_duplicates()
    m = imp.merge(sub[["hs8", "list_id", "heading", "scope", "hs10", "member_from", "member_to"]]
                  .rename(columns={"hs10": "named_hs10"}), on="hs8", how="inner")
    named = m["named_hs10"].fillna("").astype(str)
    # plain object arrays: iterating pandas' Arrow-backed strings costs a microsecond an element
    listed = np.array([h in n.split(";") for h, n in zip(m["hs10"].to_numpy(object), named.to_numpy(object))],
                      dtype=bool)
    keep = (m["scope"] == "all") | ((m["scope"] == "except") & ~listed) | ((m["scope"] == "only") & listed)
    return m.loc[keep, ["hs10", "hs8", "list_id", "heading", "member_from", "member_to"]].reset_index(drop=True)


def duty_windows(matches: pd.DataFrame, rates: pd.DataFrame) -> pd.DataFrame:
    """Windows of additional duty for each matched import line: hs10, list_id, heading, start, end, rate_pct.

    A window is the overlap of the line's membership of a heading with one in-force rate step of that heading
    (suspended steps, List 4B, set nothing).
    """
    _check(rates, "rates")
    r = rates[rates["status"] == "in_force"]
    w = matches.merge(r[["heading", "effective_date", "end_date", "additional_duty_pct"]], on="heading")
    far = pd.Timestamp("2262-01-01")
    start = np.maximum(pd.to_datetime(w["member_from"]), pd.to_datetime(w["effective_date"]))
    end = np.minimum(pd.to_datetime(w["member_to"]).fillna(far), pd.to_datetime(w["end_date"]).fillna(far))
    out = pd.DataFrame({"hs10": w["hs10"], "list_id": w["list_id"], "heading": w["heading"], "start": start,
                        "end": end, "rate_pct": w["additional_duty_pct"].astype(float)})
    return out[out["start"] <= out["end"]].reset_index(drop=True)


def duties_on(windows: pd.DataFrame, date) -> pd.DataFrame:
    """The binding additional duty of each import line on `date`: hs10, rate_pct, list_id (highest rate wins)."""
    d = pd.Timestamp(date)
    live = windows[(windows["start"] <= d) & (windows["end"] >= d)]
    if live.empty:
        return pd.DataFrame({"hs10": pd.Series(dtype=str), "rate_pct": pd.Series(dtype=float),
                             "list_id": pd.Series(dtype=str)})
    order = live.assign(_rank=live["list_id"].map({k: i for i, k in enumerate(LIST_ORDER)}))
    order = order.sort_values(["hs10", "rate_pct", "_rank"], ascending=[True, False, False])
    return order.drop_duplicates("hs10")[["hs10", "rate_pct", "list_id"]].reset_index(drop=True)


def action_dates(rates: pd.DataFrame, lines: pd.DataFrame | None = None) -> pd.DatetimeIndex:
    """Every date on which some heading's rate (or, given `lines`, some line's membership) starts or ends."""
    _check(rates, "rates")
    r = rates[rates["status"] == "in_force"]
    pts = [pd.to_datetime(r["effective_date"]), pd.to_datetime(r["end_date"]).dropna() + pd.Timedelta(days=1)]
    if lines is not None:
        pts += [pd.to_datetime(lines["member_from"]),
                pd.to_datetime(lines["member_to"]).dropna() + pd.Timedelta(days=1)]
    return pd.DatetimeIndex(sorted(set(pd.concat(pts)))).rename("date")


def _weights(imports: pd.DataFrame) -> pd.Series:
    return imports.groupby(imports["hs10"].astype(str))["imports_usd"].sum().astype(float)


def _hs6_reweighted(w: pd.Series, hs6_weights: pd.DataFrame) -> tuple[pd.Series, float]:
    """HTS10 weights carrying another year's HS6 values, split by `w`'s shares within each HS6 (evenly where the
    HS6 has no `w` trade), and the total of those HS6 values (codes absent from `w` stay in it at no duty)."""
    m6 = _check_hs6_weights(hs6_weights)
    h6 = w.index.str[:6]
    g = w.groupby(h6)
    tot6, n6 = g.transform("sum").to_numpy(), g.transform("size").to_numpy()
    share = np.where(tot6 > 0, w.to_numpy() / np.where(tot6 > 0, tot6, 1.0), 1.0 / n6)
    return pd.Series(m6.reindex(h6).fillna(0.0).to_numpy() * share, index=w.index), float(m6.sum())


def average_by_date(lines: pd.DataFrame, rates: pd.DataFrame, imports: pd.DataFrame, dates=None, *,
                    edition: str = "hts2026", base_pct: float = 0.0,
                    hs6_weights: pd.DataFrame | None = None) -> pd.DataFrame:
    """Import-weighted average additional duty on each date, product by product.

    Parameters
    ----------
    lines, rates : the ``tariff_us_china_hs8`` and ``tariff_us_china_rates`` resources.
    imports : imports by HS10 (columns hs10, hs8, imports_usd) -- the weights.
    dates : dates to evaluate (default: every action date in `rates` and `lines`).
    edition : which line membership to use (``hts2026`` matches current trade codes).
    base_pct : a pre-war average to add (e.g. PIIE's MFN average), so ``average_pct`` is comparable to PIIE's level.
    hs6_weights : weights of another year by HS6 (columns hs6, imports_usd), split across HTS10 lines by `imports`
        (see the module docstring); HS6 codes with no line in `imports` count in the total at no additional duty.

    Returns
    -------
    DataFrame with date, covered_usd_bn, covered_share_pct, additional_pp, average_pct.
    """
    if not np.isfinite(base_pct) or base_pct < 0:
        raise ValueError(f"base_pct must be a finite number >= 0, not {base_pct!r}")
    w, total, windows, dates = _weighted_windows(lines, rates, imports, dates, edition, hs6_weights)
    rows = []
    for d in dates:
        on = duties_on(windows, d)
        val = w.reindex(on["hs10"]).fillna(0.0).to_numpy()
        covered = float(val[on["rate_pct"].to_numpy() > 0].sum())
        add = float((val * on["rate_pct"].to_numpy()).sum() / total)
        rows.append({"date": d, "covered_usd_bn": covered / 1e9, "covered_share_pct": 100 * covered / total,
                     "additional_pp": add, "average_pct": base_pct + add})
    return pd.DataFrame(rows)


def _weighted_windows(lines, rates, imports, dates, edition, hs6_weights=None):
    """Import weights by line, their total, each line's duty windows, and the dates to evaluate."""
    w = _weights(imports)
    w, total = (w, float(w.sum())) if hs6_weights is None else _hs6_reweighted(w, hs6_weights)
    windows = duty_windows(match_lines(lines, imports, edition), rates)
    dates = action_dates(rates, lines[lines["edition"] == edition]) if dates is None else pd.DatetimeIndex(
        pd.to_datetime(list(dates)))
    return w, total, windows, dates


def decompose_by_list(lines: pd.DataFrame, rates: pd.DataFrame, imports: pd.DataFrame, dates=None, *,
                      edition: str = "hts2026", hs6_weights: pd.DataFrame | None = None) -> pd.DataFrame:
    """Contribution of each list to the average additional duty on each date.

    Returns a long DataFrame: date, list_id, covered_usd_bn, covered_share_pct, contribution_pp, mean_rate_pct
    (the list's import-weighted rate on the lines it binds). Contributions add up to ``additional_pp`` of
    :func:`average_by_date` (with the same `hs6_weights`).
    """
    w, total, windows, dates = _weighted_windows(lines, rates, imports, dates, edition, hs6_weights)
    out = []
    for d in dates:
        on = duties_on(windows, d)
        on = on.assign(value=w.reindex(on["hs10"]).fillna(0.0).to_numpy())
        on = on[on["rate_pct"] > 0]
        g = on.assign(dv=on["value"] * on["rate_pct"]).groupby("list_id")[["value", "dv"]].sum()
        for lst in [x for x in LIST_ORDER if x in g.index]:
            v, dv = g.at[lst, "value"], g.at[lst, "dv"]
            out.append({"date": d, "list_id": lst, "covered_usd_bn": v / 1e9, "covered_share_pct": 100 * v / total,
                        "contribution_pp": dv / total, "mean_rate_pct": dv / v if v > 0 else np.nan})
    return pd.DataFrame(out, columns=["date", "list_id", "covered_usd_bn", "covered_share_pct", "contribution_pp",
                                      "mean_rate_pct"])


def list_values(lines: pd.DataFrame, imports: pd.DataFrame, *, edition: str = "hts2026") -> pd.DataFrame:
    """Imports covered by each list's lines, whatever the date: list_id, lines, lines_traded, imports_usd_bn.

    A line that belongs to two lists over time (e.g. moved to the 2024 review) counts in both.
    """
    counts = line_counts(lines, edition)
    m = match_lines(lines, imports, edition).drop_duplicates(["list_id", "hs10"])
    w = _weights(imports)
    m = m.assign(value=w.reindex(m["hs10"]).to_numpy())
    g = m.groupby("list_id").agg(lines_traded=("hs8", "nunique"), imports_usd_bn=("value", "sum"))
    g["imports_usd_bn"] /= 1e9
    return counts.to_frame().join(g).fillna({"lines_traded": 0, "imports_usd_bn": 0.0}).reset_index()


def list_values_hs6(lines: pd.DataFrame, imports: pd.DataFrame, hs6_weights: pd.DataFrame, *,
                    edition: str = "hts2026") -> pd.DataFrame:
    """What each list covers of HS6-level imports (e.g. 2017's): list_id, lower_usd_bn, split_usd_bn, upper_usd_bn.

    HS6 values cannot be cut along 8-digit lines, so the list's value is bracketed: ``lower`` sums the HS6 codes all
    of whose HTS10 lines in `imports` belong to the list (`edition` membership), ``upper`` the HS6 codes any line of
    the list falls in (in any edition of `lines`, so codes renumbered since count), and ``split`` divides each HS6
    value in proportion to `imports` (HS6 codes absent from `imports` are left out of it).
    """
    m6 = _check_hs6_weights(hs6_weights)
    w = _weights(imports)
    split_w, _ = _hs6_reweighted(w, hs6_weights)
    m = match_lines(lines, imports, edition).drop_duplicates(["list_id", "hs10"])
    m = m.assign(hs6=m["hs10"].str[:6], split=split_w.reindex(m["hs10"]).to_numpy())
    lines_in_hs6 = w.groupby(w.index.str[:6]).size()
    touched = lines.assign(hs6=lines["hs8"].astype(str).str[:6]).groupby("list_id")["hs6"].agg(set)
    rows = []
    for lst in [x for x in LIST_ORDER if x in touched.index]:
        s = m[m["list_id"] == lst]
        n = s.groupby("hs6").size()
        full = n.index[n.to_numpy() == lines_in_hs6.reindex(n.index).to_numpy()]
        rows.append({"list_id": lst, "lower_usd_bn": m6.reindex(full).fillna(0.0).sum() / 1e9,
                     "split_usd_bn": s["split"].sum() / 1e9,
                     "upper_usd_bn": m6[m6.index.isin(touched[lst])].sum() / 1e9})
    return pd.DataFrame(rows)


def hs6_rates(lines: pd.DataFrame, rates: pd.DataFrame, imports: pd.DataFrame, date, *,
              edition: str = "hts2026") -> pd.DataFrame:
    """The tariff change aggregated to HS6 on `date`: for each HS6, imports, the import-weighted and the simple
    (unweighted, over traded HS10 lines) average additional duty, and the share of its imports covered."""
    w = _weights(imports)
    on = duties_on(duty_windows(match_lines(lines, imports, edition), rates), date).set_index("hs10")["rate_pct"]
    t = pd.DataFrame({"hs10": w.index, "value": w.to_numpy()})
    t["hs6"] = t["hs10"].str[:6]
    t["rate_pct"] = on.reindex(t["hs10"]).fillna(0.0).to_numpy()
    t["dv"] = t["value"] * t["rate_pct"]
    t["cov"] = t["value"] * (t["rate_pct"] > 0)
    g = t.groupby("hs6").agg(imports_usd=("value", "sum"), dv=("dv", "sum"), cov=("cov", "sum"),
                             simple_rate_pct=("rate_pct", "mean"))
    traded = g["imports_usd"].where(g["imports_usd"] > 0)
    g["weighted_rate_pct"] = (g["dv"] / traded).fillna(0.0)
    g["covered_share_pct"] = (100 * g["cov"] / traded).fillna(0.0)
    return g.drop(columns=["dv", "cov"]).reset_index()


def top_lines(lines: pd.DataFrame, rates: pd.DataFrame, imports: pd.DataFrame, date, n: int = 10, *,
              edition: str = "hts2026", by: str = "hs8") -> pd.DataFrame:
    """The `n` tariff lines that add most to the average on `date`: line, list, imports, rate, contribution (pp)."""
    if by not in ("hs8", "hs10"):
        raise ValueError(f"by must be 'hs8' or 'hs10', not {by!r}")
    w = _weights(imports)
    total = float(w.sum())
    on = duties_on(duty_windows(match_lines(lines, imports, edition), rates), date)
    on = on.assign(value=w.reindex(on["hs10"]).to_numpy(), hs8=on["hs10"].str[:8])
    on["dv"] = on["value"] * on["rate_pct"]
    g = on.groupby(by).agg(list_id=("list_id", lambda s: "/".join(sorted(set(s)))), imports_usd=("value", "sum"),
                           dv=("dv", "sum"))
    g["rate_pct"] = g["dv"] / g["imports_usd"]
    g["contribution_pp"] = g["dv"] / total
    return g.drop(columns="dv").sort_values("contribution_pp", ascending=False).head(n).reset_index()


def wave_steps(series: pd.DataFrame, dates, value: str = "average_pct", date_col: str = "date") -> pd.Series:
    """Change of a step series across each of `dates`: value in force on the date minus the day before."""
    s = series[[date_col, value]].dropna().sort_values(date_col)
    t = s[date_col].to_numpy()
    v = s[value].to_numpy()

    def at(d):
        i = np.searchsorted(t, np.datetime64(pd.Timestamp(d)), side="right") - 1
        return v[i] if i >= 0 else np.nan
    idx = pd.DatetimeIndex(pd.to_datetime(list(dates)))
    return pd.Series([at(d) - at(d - pd.Timedelta(days=1)) for d in idx], index=idx, name=value)


def plot_product_level(product: pd.DataFrame, contributions: pd.DataFrame, piie: pd.DataFrame,
                       list_level: pd.DataFrame | None = None, *, base_pct: float = 0.0, end=None, piie_end=None,
                       weight_label: str = "2024 imports"):
    """Top: PIIE's average tariff on China (to `piie_end`), the list-level rebuild and the product-level rebuild
    (base + additional duty). Bottom: the product-level additional duty stacked by list."""
    import matplotlib.pyplot as plt

    end = pd.Timestamp(end) if end is not None else product["date"].max()
    piie_end = pd.Timestamp(piie_end) if piie_end is not None else end
    fig, (ax, ax2) = plt.subplots(2, 1, sharex=True, figsize=(REPORT_WIDTH_IN, 5.3), height_ratios=(3, 2))
    p = piie[piie["date"] <= piie_end].sort_values("date")
    p = pd.concat([p, p.iloc[[-1]].assign(date=piie_end)])
    ax.step(p["date"], p["us_tariff_on_china_pct"], where="post",
            label=f"PIIE (Bown): 2017 weights, all actions (to {piie_end.date()})")
    if list_level is not None:
        r = list_level[list_level["date"] <= piie_end].sort_values("date")
        r = pd.concat([r, r.iloc[[-1]].assign(date=piie_end)])
        ax.step(r["date"], r["average_pct"], where="post", label="list-level rebuild: announced list values")
    q = product[product["date"] <= end].sort_values("date")
    q = pd.concat([q, q.iloc[[-1]].assign(date=end)])
    ax.step(q["date"], q["average_pct"], where="post",
            label=f"product-level rebuild: Section 301 lines, {weight_label}")
    if base_pct:
        ax.axhline(base_pct, color="grey", lw=0.6, ls=":")
    ax.set_ylim(0, None)
    ax.set_ylabel("trade-weighted average, %")
    ax.set_title("Average US tariff on Chinese goods: list by list and product by product")
    ax.legend(fontsize=8, loc="lower right")
    wide = (contributions.pivot_table(index="date", columns="list_id", values="contribution_pp", aggfunc="sum")
            .reindex(columns=[c for c in LIST_ORDER if c in set(contributions["list_id"])]).fillna(0.0))
    wide = wide[wide.index <= end]
    wide = pd.concat([wide, wide.iloc[[-1]].set_axis([end])])
    # opaque: see-through bands wash the palette's colours towards each other (green and purple merge for a
    # deuteranope)
    ax2.stackplot(wide.index, wide.T.to_numpy(), labels=[LIST_LABELS[c] for c in wide.columns], step="post")
    ax2.set_ylabel(f"additional duty, points\n({weight_label})")
    ax2.legend(fontsize=8, ncol=len(wide.columns), loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False)
    return fig
