"""Simulated household and firm panels for Wehrhöfer's energy-price / inflation-expectations design (SIMULATED DATA).

The study (N. Wehrhöfer, Bundesbank Discussion Paper 28/2023; JPE Macroeconomics 4(1), 2026; VoxEU column, July
2024) uses the confidential Bundesbank Online Panels of households (asked monthly) and firms (asked quarterly).
These generators produce panels with the same structure and the published magnitudes, so the estimator can be
shown to recover them. They say nothing about the real data.

Every parameter is listed in :data:`PARAMETERS` with its origin:

* ``study`` — stated in the column, research brief or abstracts (``docs/designs.md`` section B);
* ``public`` — from a public series or report cited next to it;
* ``assumption`` — chosen here; the study's value was not found.

Structure of one simulated outcome (percentage points, pp)::

    y_it = level + alpha_i + loading * aggregate_t + tau_it + e_it,     e_it ~ N(0, noise_sd^2)

``aggregate_t`` is German HICP inflation, year on year (public data), which moves everyone's expectations — so a
naive before/after comparison of treated units is badly biased, while the difference-in-differences is not.
``tau_it = kappa * m_i * d(h, p_i) * p_i`` for treated households from their treatment month on (``h`` = months since
the increase, ``p_i`` = % price increase, ``m_i`` the heterogeneity multiplier, ``d`` = 1 for large increases and
``decay**h`` for small ones). ``kappa`` is set so that the panel's pooled per-1% effect (least-squares slope of
``tau`` on ``p`` over treated observations, through the origin) equals the planted value exactly; the truth is kept
in ``true_effect_pp``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.estimators import did_imputation as di

MONTHS = ["2021-09", "2021-10", "2021-11", "2021-12", "2022-01", "2022-02", "2022-03", "2022-04"]
"""Treatment months: the column's window, September 2021 to April 2022 (study)."""

SCHEMA_COLUMNS = [
    "unit_id", "period", "respondent", "expected_inflation_pct", "treatment_period", "price_increase_pct",
    "income_group", "inflation_knowledge", "output_price_change_pct",
]
"""Columns of the bring-your-own panel schema (``data/schemas/energy_panel.schema.json``), in order."""


@dataclass(frozen=True)
class Parameter:
    value: object
    origin: str  # study / public / assumption
    note: str


PARAMETERS: dict[str, Parameter] = {
    # --- sample and timing
    "span": Parameter(("2019-01", "2023-12"), "assumption", "panel span 2019-2023 as the issue asks; the study's "
                      "exact waves were not found (BOP-HH runs since April 2020)"),
    "n_households": Parameter(2000, "public", "about 2,000 respondents per monthly BOP-HH wave (Bundesbank press "
                              "release, Dec 2020; energy_wehrhoefer_published row bop_hh_monthly_respondents_approx); "
                              "the estimation sample size was not found"),
    "n_firms": Parameter(3000, "study", "about 3,000 participating firms in BOP-F (Bundesbank BOP-F page, "
                         "docs/designs.md section B); the estimation sample size was not found"),
    "household_response_rate": Parameter(0.85, "assumption", "share of (household, month) cells answered; the "
                                         "panel is unbalanced, the rate was not found"),
    "firm_interval_months": Parameter(3, "study", "each firm is asked once a quarter (rotating BOP-F design); the "
                                      "month within each quarter is drawn at random (assumption)"),
    "household_never_share": Parameter(0.5, "study", "about half of households saw no increase Sep 2021-Apr 2022 "
                                       "(column, Fig. 1; NRG-04)"),
    "household_january_weight": Parameter(3.0, "assumption", "increases spread evenly over months except January "
                                          "(study, qualitative); January's relative weight 3 is assumed"),
    "firm_never_share": Parameter(0.3, "study", "only about 30% of firms saw no increase (column, Fig. 1; NRG-05)"),
    "firm_month_weights": Parameter(tuple(range(1, 9)), "assumption", "the treated share of firms rises markedly "
                                    "over time (study, qualitative); linearly rising monthly weights 1..8 assumed"),
    # --- dose
    "price_increase_mean_pct": Parameter(38.8, "public", "Verivox: average household electricity price +38.8% "
                                         "Jan 2021 to Jan 2022 (t-online report, docs/designs.md section B); mean of "
                                         "the simulated increases"),
    "price_increase_log_sd": Parameter(0.9, "assumption", "log-normal spread: about 8% at the 10th and 80% at the "
                                       "90th percentile, in line with reported increases of ~7% (Nov 2021 supplier "
                                       "announcements) to +65%/+103% (Check24, Jan 2022; designs.md B.6)"),
    "large_increase_threshold_pct": Parameter(25.0, "assumption", "large vs small increases (study: effect driven "
                                              "by large increases; threshold not found)"),
    "small_increase_decay": Parameter(0.5, "assumption", "monthly decay of the effect of small increases (study: "
                                      "'quickly return to zero'; speed not found)"),
    # --- effects
    "household_effect_bp_per_pct": Parameter(1.4, "study", "1.4 basis points per 1% electricity price increase "
                                             "(column; NRG-07)"),
    "income_multiplier": Parameter({"low": 1.5, "middle": 1.0, "high": 0.5}, "assumption", "stronger for "
                                   "low-income households (study, sign only; NRG-10); sizes assumed"),
    "knowledge_multiplier": Parameter({"uninformed": 1.5, "informed": 0.5}, "assumption", "stronger for households "
                                      "knowing less about past inflation (study, sign; NRG-10); sizes assumed"),
    "null_group": Parameter(("high", "informed"), "study", "no effect for high-income, well-informed households "
                            "(research brief; NRG-16)"),
    "firm_effect_bp_per_pct": Parameter(0.0, "study", "firms do not change their inflation expectations (NRG-15)"),
    "firm_passthrough": Parameter(0.7, "study", "about 70% pass-through to own output prices (column; NRG-14). "
                                  "Unit assumed: pp of output-price change per 1% energy-price increase (the "
                                  "study's definition was not found)"),
    # --- levels and noise
    "aggregate": Parameter("HICP y/y", "public", "German HICP all items, y/y % (Eurostat via FRED; data resource "
                           "energy_de_hicp_headline_monthly); moves every respondent's expectation"),
    "aggregate_loading": Parameter(1.0, "assumption", "one-for-one response of expectations to realised inflation"),
    "household_level_pp": Parameter(2.0, "assumption", "households expect more inflation than realised (e.g. BOP-HH "
                                    "mean 2.8% in June 2020 with HICP near 1%); offset assumed"),
    "firm_level_pp": Parameter(0.0, "assumption", "firms' BOP-F mean expectation is close to realised HICP in "
                               "mid-2021 (energy_de_firm_inflation_expectations_monthly)"),
    "unit_sd_pp": Parameter(1.5, "assumption", "sd of respondent fixed effects"),
    "household_noise_sd_pp": Parameter(1.5, "assumption", "sd of month-to-month answer noise"),
    "firm_noise_sd_pp": Parameter(1.0, "assumption", "sd of firms' answer noise"),
    "output_price_noise_sd_pp": Parameter(3.0, "assumption", "sd of firms' output-price-change noise"),
    "income_shares": Parameter({"low": 1 / 3, "middle": 1 / 3, "high": 1 / 3}, "assumption", "income terciles"),
    "informed_share": Parameter(0.5, "assumption", "share well informed about past inflation, independent of income"),
}


def parameter_table() -> pd.DataFrame:
    """Every DGP parameter with its value, origin (study / public / assumption) and note."""
    return pd.DataFrame([{"parameter": k, "value": str(p.value), "origin": p.origin, "note": p.note}
                         for k, p in PARAMETERS.items()])


def aggregate_path(start: str = "2019-01", end: str = "2023-12") -> pd.Series:
    """German HICP inflation, y/y %, by month (``YYYY-MM`` index), from the cited public table."""
    from analysis.core import data

    hicp = data.load("energy_de_hicp_headline_monthly")
    s = hicp.set_index("month")["yoy_pct_derived_from_index"].astype(float)
    s.index = s.index.astype(str)
    months = pd.period_range(start, end, freq="M").strftime("%Y-%m")
    missing = [m for m in months if m not in s.index or pd.isna(s.get(m))]
    if missing:
        raise ValueError(f"HICP y/y missing for {missing[:3]}... (energy_de_hicp_headline_monthly)")
    return s.loc[list(months)]


def parameter_value(name):
    """The value of one documented parameter of :data:`PARAMETERS` by name."""
    return PARAMETERS[name].value


def _draw_dose(rng, n):
    mean, sd = parameter_value("price_increase_mean_pct"), parameter_value("price_increase_log_sd")
    mu = np.log(mean) - sd**2 / 2  # log-normal with the stated mean
    return np.round(np.clip(rng.lognormal(mu, sd, n), 1.0, 300.0), 4)  # as written to file: 4 decimals


@functools.lru_cache(maxsize=16)
def month_codes(months: tuple) -> np.ndarray:
    """:func:`analysis.estimators.did_imputation.month_index` of `months` (a tuple of ``YYYY-MM``), parsed once and
    read-only (Monte Carlo loops)."""
    codes = di.month_index(np.array(months))
    codes.setflags(write=False)
    return codes


def _household_units(rng, n: int) -> dict:
    """The household-level draws of the DGP, in the order the generator makes them."""
    inc_levels = np.array(list(parameter_value("income_shares")))
    income = rng.choice(len(inc_levels), n, p=list(parameter_value("income_shares").values()))
    informed = rng.random(n) < parameter_value("informed_share")
    treated = rng.random(n) >= parameter_value("household_never_share")
    w = np.array([parameter_value("household_january_weight") if m.endswith("-01") else 1.0 for m in MONTHS])
    g_pos = rng.choice(len(MONTHS), n, p=w / w.sum())
    dose = _draw_dose(rng, n)
    inc_mult = np.array([parameter_value("income_multiplier")[k] for k in inc_levels])[income]
    know_mult = np.where(informed, parameter_value("knowledge_multiplier")["informed"],
                         parameter_value("knowledge_multiplier")["uninformed"])
    null_inc, null_know = parameter_value("null_group")
    is_null = (inc_levels[income] == null_inc) & (informed == (null_know == "informed"))
    mult = np.where(is_null, 0.0, inc_mult * know_mult)
    alpha = rng.normal(0, parameter_value("unit_sd_pp"), n)
    g_unit = np.where(treated, month_codes(tuple(MONTHS))[g_pos], 0)  # first treated month index, 0 = never
    return {"inc_levels": inc_levels, "income": income, "informed": informed, "treated": treated, "g_pos": g_pos,
            "dose": dose, "mult": mult, "alpha": alpha, "g_unit": g_unit}


def _planted_shape(h, p, mult, effect_bp: float) -> tuple[np.ndarray, float]:
    """On the treated rows (months since the increase `h`, dose `p`, multiplier `mult`), the effect's shape and the
    factor kappa that makes the pooled slope of tau = kappa * shape on p (through the origin) the planted value."""
    large = p >= parameter_value("large_increase_threshold_pct")
    decay = np.ones(len(h))
    decay[~large] = parameter_value("small_increase_decay") ** h[~large]
    shape = mult * decay * p
    denom = float(np.sum(p * shape))
    kappa = (effect_bp / 100.0) * float(np.sum(p ** 2)) / denom if denom > 0 else 0.0
    return shape, kappa


def household_arrays(rng, n: int, effect_bp: float, agg: pd.Series) -> dict:
    """The household DGP as numpy arrays (one entry per answered household-month)."""
    months = np.asarray(agg.index)
    T = len(months)
    month_idx = month_codes(tuple(months))
    d = _household_units(rng, n)
    treated, dose, g_unit = d["treated"], d["dose"], d["g_unit"]
    keep = rng.random(n * T) < parameter_value("household_response_rate")  # answered (household, month) cells
    uid, tix = np.divmod(np.flatnonzero(keep), T)  # household-major, as the draws
    t_idx = month_idx[tix]
    g_idx = g_unit[uid]
    h = t_idx - g_idx
    post = treated[uid] & (h >= 0)
    p = dose[uid]
    # only treated rows carry an effect
    on = np.flatnonzero(post)
    shape_on, kappa = _planted_shape(h[on], p[on], d["mult"][uid[on]], effect_bp)
    shape = np.zeros(len(uid))
    shape[on] = shape_on
    tau = kappa * shape
    # y = level + alpha_i + loading * aggregate_t + tau + noise, summed in that order
    y = (parameter_value("household_level_pp") + d["alpha"])[uid]
    y += (parameter_value("aggregate_loading") * agg.to_numpy(float))[tix]
    y += tau
    y += rng.normal(0, parameter_value("household_noise_sd_pp"), len(uid))
    return {"uid": uid, "tix": tix, "t": t_idx, "g": g_idx, "y": y, "dose": np.where(treated, dose, np.nan)[uid],
            "income": d["income"][uid], "informed": d["informed"][uid], "tau": tau,
            "large": treated[uid] & (p >= parameter_value("large_increase_threshold_pct")),
            "treated": treated, "g_pos": d["g_pos"], "months": months, "inc_levels": d["inc_levels"], "n": n}


def household_grid(rng, n: int, effect_bp: float, agg: pd.Series) -> dict:
    """The panel of :func:`household_arrays` (same generator, same draws, the same outcome to the last bit) as a
    months × households grid, for the Monte Carlo: ``y`` (months × households; where ``answered`` is False, a
    value without the noise), ``answered``, and per household ``cohort`` (first treated month index, 0 = never),
    ``dose`` (NaN = never treated), ``income`` and ``informed`` codes; ``months`` the month labels."""
    months = np.asarray(agg.index)
    T = len(months)
    month_idx = month_codes(tuple(months))
    d = _household_units(rng, n)
    treated, dose, g_unit = d["treated"], d["dose"], d["g_unit"]
    keep = rng.random(n * T) < parameter_value("household_response_rate")
    answered = keep.reshape(n, T)
    post = treated[:, None] & (month_idx[None, :] >= g_unit[:, None])
    u_on, t_on = np.divmod(np.flatnonzero(answered & post), T)  # treated rows, in the rows' order
    shape_on, kappa = _planted_shape(month_idx[t_on] - g_unit[u_on], dose[u_on], d["mult"][u_on], effect_bp)
    # y = level + alpha_i + loading * aggregate_t + tau + noise, summed in that order (households × months, then
    # transposed once: the answered cells are household-major, as the draws)
    y = (parameter_value("household_level_pp") + d["alpha"])[:, None] + (
        parameter_value("aggregate_loading") * agg.to_numpy(float))[None, :]
    y[u_on, t_on] += kappa * shape_on
    y.ravel()[keep] += rng.normal(0, parameter_value("household_noise_sd_pp"), int(np.count_nonzero(keep)))
    return {"y": np.ascontiguousarray(y.T), "answered": np.ascontiguousarray(answered.T), "cohort": g_unit,
            "dose": np.where(treated, dose, np.nan), "income": d["income"], "informed": d["informed"],
            "months": months}


def simulate_households(
    seed: int,
    *,
    n_units: int | None = None,
    effect_bp: float | None = None,
    start: str = "2019-01",
    end: str = "2023-12",
    aggregate: pd.Series | None = None,
) -> pd.DataFrame:
    """A monthly household panel (SIMULATED), one row per answered (household, month).

    Parameters
    ----------
    seed : seed of the local generator.
    n_units : households (default ``PARAMETERS['n_households']``).
    effect_bp : planted pooled effect in basis points per 1% price increase (default 1.4; 0 = placebo).
    aggregate : y/y inflation by month (default: German HICP, :func:`aggregate_path`).

    Returns
    -------
    DataFrame with the schema columns (:data:`SCHEMA_COLUMNS`) plus ``true_effect_pp`` (tau_it) and
    ``large_increase`` (bool).
    """
    rng = np.random.default_rng(seed)
    n = int(n_units or parameter_value("n_households"))
    effect_bp = parameter_value("household_effect_bp_per_pct") if effect_bp is None else float(effect_bp)
    agg = aggregate_path(start, end) if aggregate is None else aggregate
    a = household_arrays(rng, n, effect_bp, agg)
    uid, treated = a["uid"], a["treated"]
    ids = np.array([f"hh{i:05d}" for i in range(n)], dtype=object)
    g_month = np.where(treated, np.array(MONTHS, dtype=object)[a["g_pos"]], "")
    return pd.DataFrame({
        "unit_id": ids[uid],
        "period": np.asarray(a["months"], dtype=object)[a["tix"]],
        "respondent": "household",
        "expected_inflation_pct": np.round(a["y"], 6),
        "treatment_period": g_month[uid],
        "price_increase_pct": np.round(a["dose"], 4),
        "income_group": a["inc_levels"].astype(object)[a["income"]],
        "inflation_knowledge": np.where(a["informed"], "informed", "uninformed").astype(object),
        "output_price_change_pct": np.nan,
        "true_effect_pp": a["tau"],
        "large_increase": a["large"],
    })


def simulate_firms(
    seed: int,
    *,
    n_units: int | None = None,
    effect_bp: float | None = None,
    passthrough: float | None = None,
    start: str = "2019-01",
    end: str = "2023-12",
    aggregate: pd.Series | None = None,
) -> pd.DataFrame:
    """A firm panel (SIMULATED): each firm answers once a quarter, in a random month of the quarter.

    Expectations get ``effect_bp`` per 1% (default 0: firms do not extrapolate); the firm's own output-price change
    (``output_price_change_pct``, pp) rises by ``passthrough`` per 1% energy-price increase from the increase on
    (default 0.7). Columns as :func:`simulate_households`, plus ``true_passthrough_pp``.
    """
    rng = np.random.default_rng(seed)
    n = int(n_units or parameter_value("n_firms"))
    effect_bp = parameter_value("firm_effect_bp_per_pct") if effect_bp is None else float(effect_bp)
    passthrough = parameter_value("firm_passthrough") if passthrough is None else float(passthrough)
    agg = aggregate_path(start, end) if aggregate is None else aggregate
    months = np.array(agg.index)
    T = len(months)
    step = parameter_value("firm_interval_months")
    treated = rng.random(n) >= parameter_value("firm_never_share")
    w = np.asarray(parameter_value("firm_month_weights"), float)
    g_month = np.array(MONTHS)[rng.choice(len(MONTHS), n, p=w / w.sum())]
    dose = _draw_dose(rng, n)
    alpha = rng.normal(0, parameter_value("unit_sd_pp"), n)
    alpha_p = rng.normal(0, parameter_value("unit_sd_pp"), n)

    # one answer per firm and quarter, in a month of the quarter drawn afresh each quarter (rotating panel)
    n_q = T // step
    uid = np.repeat(np.arange(n), n_q)
    tix = np.tile(np.arange(n_q) * step, n) + rng.integers(0, step, n * n_q)
    t_idx = di.month_index(months[tix])
    g_idx = np.where(treated, di.month_index(g_month), 0)[uid]
    post = treated[uid] & (t_idx >= g_idx)
    p = dose[uid]
    tau_e = np.where(post, effect_bp / 100.0 * p, 0.0)
    tau_p = np.where(post, passthrough * p, 0.0)
    a = agg.to_numpy(float)[tix]
    y = (parameter_value("firm_level_pp") + alpha[uid] + parameter_value("aggregate_loading") * a + tau_e
         + rng.normal(0, parameter_value("firm_noise_sd_pp"), len(uid)))
    out_p = alpha_p[uid] + a + tau_p + rng.normal(0, parameter_value("output_price_noise_sd_pp"), len(uid))
    return pd.DataFrame({
        "unit_id": pd.Series([f"fi{i:05d}" for i in range(n)]).to_numpy()[uid],
        "period": months[tix],
        "respondent": "firm",
        "expected_inflation_pct": np.round(y, 6),
        "treatment_period": np.where(treated[uid], g_month[uid], ""),
        "price_increase_pct": np.where(treated[uid], np.round(dose[uid], 4), np.nan),
        "income_group": "",
        "inflation_knowledge": "",
        "output_price_change_pct": np.round(out_p, 6),
        "true_effect_pp": tau_e,
        "true_passthrough_pp": tau_p,
    })


def household_frame(a: dict) -> pd.DataFrame:
    """The estimation columns of :func:`household_arrays` as a small numeric frame (the checked frame path, which the
    tests compare with the Monte Carlo's grid path)."""
    return pd.DataFrame({"unit": a["uid"], "t": a["t"], "g": a["g"], "y": a["y"], "dose": a["dose"],
                         "income_group": a["income"], "inflation_knowledge": a["informed"].astype(np.int8)})
