"""Simulated Mexican firm-year panel for the GVC triple difference (Utar, Cebreros & Torres): a pure data-generating process.

The study's data (customs records of all Mexican trading firms, 2015–2021, merged with the IMMEX register) are
confidential, so this module draws a **simulated** panel from a seeded, documented data-generating process (DGP)
calibrated to the magnitudes the study has published. Everything it draws is labelled simulated downstream.

Where each parameter comes from
-------------------------------
**From the study** (VoxDev column, Apr 2024, Chinese translation in document 000 of ``docs/documents.md``,
l.1884–2060; CESifo WP 10638 and RFBerlin DP 2546 abstracts; see ``docs/designs.md`` section A):

- years 2015–2021 (abstracts); GVC status = IMMEX registration (column l.1924–1930);
- exposure = tariff increase on China over the firm's pre-war product mix (l.1942–1944; Sabancı abstract);
- manufacturing GVC firms, p75 vs p25 exposure: **+20% exports to the US in 2019**, planted as ``ln(1.20)``
  log points (l.1975–1981); a slight dip in 2020 and a positive effect through 2021 (l.1981–1983; the shape only);
- no effect on non-GVC firms: the positive effect runs entirely through IMMEX exporters (l.1932–1936);
- positive effects on imports from the US, total exports and net exports (l.1973–1983; sign only);
- chemicals, computers, aircraft and autos gain; textiles, apparel and footwear do not (l.1996–2002; sign only);
- a negative effect through GVC firms' inputs of targeted Chinese goods (l.2047–2049; Sabancı abstract; sign only).

**From public context, not the paper**: the share of manufacturing among IMMEX units, 5,071 of 6,210
establishments (INEGI, Jan–Mar 2012, https://lja.mx/?p=11591; cited in designs.md A.2); the Section 301 list rates
and covered import values in ``data/tariff_actions.csv`` (Lists 1–2, $34 bn + $16 bn at 25%;
List 3, $200 bn raised to 25% in May 2019; List 4A, $120 bn at 15% from Sept 2019; 66.63% of imports from China
covered after List 4A, Bown/PIIE).

**Assumptions** (no public source gives them; change them through :class:`GVCParams`): the number of firms and
products; the GVC share of firms; sector shares; products per firm; that product tariff changes are drawn with the
trade-weighted list shares; the 2018, 2020 and 2021 magnitudes (illustrative); the size of the sector
heterogeneity, of the non-manufacturing GVC effect, of the input channel and of the effects on the other three
outcomes; firm effects, group-year and sector-year shocks, AR(1) errors and their variances; that exposure is
independent of sector and GVC status.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from analysis.core import data
from analysis.studies import gvc as study

YEARS = tuple(range(2015, 2022))  # documented sample span
IMMEX_MANUFACTURING_SHARE = 5071 / 6210  # INEGI, IMMEX establishments Jan–Mar 2012 (context, not the paper)

MANUFACTURING_SECTORS = {  # NAICS 3-digit code -> (label, share of manufacturing firms [assumption], role)
    "325": ("Chemicals", 0.10, "gain"),
    "326": ("Plastics and rubber", 0.08, "other"),
    "331": ("Primary metals", 0.05, "other"),
    "332": ("Fabricated metals", 0.10, "other"),
    "333": ("Machinery", 0.08, "other"),
    "334": ("Computers and electronics", 0.14, "gain"),
    "335": ("Electrical equipment", 0.09, "other"),
    "336": ("Transportation equipment (autos, aircraft)", 0.18, "gain"),
    "313": ("Textile mills", 0.03, "none"),
    "315": ("Apparel", 0.05, "none"),
    "316": ("Leather and footwear", 0.02, "none"),
    "339": ("Miscellaneous manufacturing", 0.08, "other"),
}
OTHER_SECTORS = {"434": ("Wholesale trade", 0.5), "488": ("Transport support", 0.2),
                 "541": ("Professional services", 0.3)}
SECTOR_CODES = np.array(sorted([*MANUFACTURING_SECTORS, *OTHER_SECTORS]))
FIGURE3_GROUPS = {  # sector groups shown in the column's Figure 3 (labels ours)
    "Chemicals (325)": ["325"],
    "Computers & electronics (334)": ["334"],
    "Transport equipment: autos, aircraft (336)": ["336"],
    "Textiles, apparel, footwear (313–316)": ["313", "314", "315", "316"],
    "Other manufacturing": ["326", "331", "332", "333", "335", "339"],
    "All manufacturing": [c for c in MANUFACTURING_SECTORS],
}


@dataclass(frozen=True)
class GVCParams:
    """Parameters of the DGP. Documented values are marked in the module docstring; the rest are assumptions."""

    # planted p75–p25 contrast for manufacturing GVC firms, exports to the US, log points, by year
    effect_path: dict = field(default_factory=lambda: {2018: 0.06, 2019: math.log(1.20), 2020: 0.13, 2021: 0.17})
    non_gvc_scale: float = 0.0          # documented: no effect outside GVC firms
    nonmanufacturing_gvc_scale: float = 0.5  # assumption: smaller for services GVC firms ("more pronounced" in mfg)
    sector_scale: dict = field(default_factory=lambda: {"gain": 1.5, "other": 1.0, "none": 0.0})  # assumption
    outcome_scale: dict = field(default_factory=lambda: {  # assumption (sign documented): multiple of the path
        "ln_exports_us": 1.0, "ln_imports_us": 0.6, "ln_exports_total": 0.7, "asinh_net_exports": 0.8})
    # planted p75–p25 contrast of input exposure for GVC firms (sign documented, sizes assumed), log points
    input_path: dict = field(default_factory=lambda: {2018: -0.03, 2019: -0.08, 2020: -0.08, 2021: -0.06})
    gvc_share: float = 0.20             # assumption
    manufacturing_share_gvc: float = IMMEX_MANUFACTURING_SHARE  # INEGI context
    manufacturing_share_non_gvc: float = 0.40  # assumption
    n_products: int = 500               # assumption: HS6 lines in play
    mean_products: float = 4.0          # assumption: mean products per firm bundle (1 + Poisson)
    firm_sd: float = 1.2                # assumption: sd of firm effects (log points)
    exposure_loading: float = 0.03      # assumption: firm effects correlated with exposure (absorbed by firm FE)
    shock_sd: float = 0.05              # assumption: sd of group-year and sector-year shocks
    noise_sd: dict = field(default_factory=lambda: {
        "ln_exports_us": 0.6, "ln_imports_us": 0.6, "ln_exports_total": 0.5, "asinh_net_exports": 0.8})
    rho: float = 0.5                    # assumption: AR(1) persistence of firm shocks
    level: dict = field(default_factory=lambda: {
        "ln_exports_us": 13.0, "ln_imports_us": 12.5, "ln_exports_total": 13.5, "asinh_net_exports": 14.0})

    def sector_multipliers(self) -> dict[str, float]:
        """Multiplier of the planted slope per manufacturing sector, normalised so the share-weighted mean is 1
        (the manufacturing GVC average stays at the planted path)."""
        raw = {c: self.sector_scale[role] for c, (_, _, role) in MANUFACTURING_SECTORS.items()}
        mean = sum(MANUFACTURING_SECTORS[c][1] * m for c, m in raw.items())
        return {c: m / mean for c, m in raw.items()}

    def gvc_mean_multiplier(self) -> float:
        """Population mean multiplier over GVC firms: manufacturing (1) and non-manufacturing GVC firms."""
        p = self.manufacturing_share_gvc
        return p + (1 - p) * self.nonmanufacturing_gvc_scale


@functools.cache  # read once per process: every replication of the Monte Carlo draws products
def section301_lists() -> dict:
    """The Section 301 lists in force at the end of 2019, read from the data package (never typed here).

    Rates and the import values USTR announced for each list come from ``tariff_actions`` (Lists 1, 2 and 3 at 25%
    after May 2019; List 4A at 15% from September 2019); the share of imports from China covered after List 4A from
    Bown's series (``tariff_bown_us_china``, PIIE full-precision vintage), rounded to the 0.01 percentage point the
    simulation was documented with.
    """
    actions = data.load("tariff_actions").set_index("action_id")
    rate = lambda a: float(actions.at[a, "rate_pct"])  # noqa: E731
    value = lambda a: float(actions.at[a, "covered_imports_usd_bn"])  # noqa: E731
    bown = data.load("tariff_bown_us_china")
    after_4a = bown[(bown["vintage_id"] == "piie_2025_11_full") & (bown["date"] == pd.Timestamp("2019-09-01"))]
    return {"rate_pp": {"lists_1_3": rate("A09"), "list_4a": rate("A11")},
            "imports_bn": {"lists_1_3": value("A05") + value("A07") + value("A08"), "list_4a": value("A11")},
            "covered_share": round(float(after_4a["share_of_us_imports_from_china_covered_pct"].iat[0]) / 100, 4)}


def product_tariff_changes(n_products: int, seed: int, lists: dict | None = None) -> pd.DataFrame:
    """Simulated HS6 product list with the 2017→2019 US tariff increase on China, in percentage points.

    Each product is on Lists 1–3 (25 pp), List 4A (15 pp) or untouched (0), with probabilities equal to the
    trade-weighted shares of the Section 301 lists (an assumption: product counts are taken to follow dollars).
    `lists` defaults to :func:`section301_lists`.
    """
    rates = _tariff_draws(n_products, seed, lists)
    # integer product codes stand in for HS6 strings (faster; the exposure builder takes either)
    return pd.DataFrame({"hs6": np.arange(100_000, 100_000 + n_products, dtype=np.int64), "delta_tariff_pp": rates})


def _tariff_draws(n_products: int, seed: int, lists: dict | None = None) -> np.ndarray:
    """The tariff increase of each product (:func:`product_tariff_changes`), as an array."""
    lists = lists or section301_lists()
    rate, value, covered = lists["rate_pp"], lists["imports_bn"], lists["covered_share"]
    rng = np.random.default_rng(seed)
    total = sum(value.values())
    probs = [covered * value["lists_1_3"] / total, covered * value["list_4a"] / total]
    probs.append(1 - sum(probs))
    return rng.choice([rate["lists_1_3"], rate["list_4a"], 0.0], size=n_products, p=probs)


def firm_bundles(n_firms: int, products: pd.DataFrame, mean_products: float,
                 rng: np.random.Generator) -> pd.DataFrame:
    """Each firm's 2017 product bundle: 1 + Poisson(mean − 1) distinct products with Dirichlet(1) shares."""
    firm, prod, share = _bundle_draws(n_firms, len(products), mean_products, rng)
    return pd.DataFrame({"firm_id": firm, "hs6": products["hs6"].to_numpy()[prod], "share": share})


def _bundle_draws(n_firms: int, n_products: int, mean_products: float,
                  rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`firm_bundles` as arrays: firm (sorted), product index and share of each firm-product pair."""
    k = 1 + rng.poisson(mean_products - 1, size=n_firms)
    firm = np.repeat(np.arange(n_firms), k)
    prod = rng.integers(0, n_products, size=firm.size)
    # a product drawn twice for a firm counts once (first draw kept, order kept)
    key = firm * n_products + prod
    order = np.argsort(key, kind="stable")  # equal keys stay in drawing order
    first = np.ones(len(key), bool)
    first[order[1:]] = key[order[1:]] != key[order[:-1]]
    firm, prod = firm[first], prod[first]
    w = rng.gamma(1.0, size=len(firm))
    return firm, prod, w / np.bincount(firm, weights=w, minlength=n_firms)[firm]


def _quartiles(values: np.ndarray) -> dict[str, float]:
    """p25, p75 and their difference over firms (one value per firm), as :func:`study.exposure_quartiles`."""
    p25, p75 = np.percentile(values, [25, 75])
    return {"p25": float(p25), "p75": float(p75), "iqr": float(p75 - p25)}


@dataclass
class FirmDraws:
    """The firm-level draws of one design as plain arrays (one entry per firm, firm_id = position).

    What :func:`draw_outcome` and the Monte Carlo need, without frames; :func:`simulate_design` wraps it in a
    :class:`Design`. Exposures are the share-weighted tariff increases of the drawn bundles; the bundles are valid
    by construction (shares in (0, 1], summing to 1, every product priced), so they are not re-validated here —
    ``tests/test_triple_difference.py`` checks them against :func:`study.firm_exposure`.
    """

    gvc: np.ndarray
    manufacturing: np.ndarray
    sector_rank: np.ndarray  # index into SECTOR_CODES
    exposure: np.ndarray
    input_exposure: np.ndarray
    multiplier: np.ndarray
    input_multiplier: np.ndarray
    quartiles: dict
    input_quartiles: dict
    tariff_pp: np.ndarray = field(repr=False)
    export_bundle: tuple = field(repr=False)  # (firm, product index, share)
    input_bundle: tuple = field(repr=False)

    @property
    def sector(self) -> np.ndarray:
        """Each firm's sector code (NAICS, string)."""
        return SECTOR_CODES[self.sector_rank]

    @functools.cached_property
    def sector_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """Sorted distinct sector codes present and each firm's index into them (as ``np.unique(sector,
        return_inverse=True)``; SECTOR_CODES is sorted, so integer ranks sort the same way)."""
        present, inverse = np.unique(self.sector_rank, return_inverse=True)
        return SECTOR_CODES[present], inverse


def draw_firms(n_firms: int, seed: int, params: GVCParams = GVCParams()) -> FirmDraws:
    """Draw firms with GVC status, sector, export and input bundles and exposures (arrays; see :class:`FirmDraws`)."""
    rng = np.random.default_rng(seed)
    tariff = _tariff_draws(params.n_products, int(rng.integers(2**32)))
    gvc = rng.random(n_firms) < params.gvc_share
    manuf = rng.random(n_firms) < np.where(gvc, params.manufacturing_share_gvc, params.manufacturing_share_non_gvc)
    m_codes = list(MANUFACTURING_SECTORS)
    m_p = np.array([MANUFACTURING_SECTORS[c][1] for c in m_codes])
    o_codes = list(OTHER_SECTORS)
    o_p = np.array([OTHER_SECTORS[c][1] for c in o_codes])
    m_idx = rng.choice(len(m_codes), n_firms, p=m_p / m_p.sum())
    o_idx = rng.choice(len(o_codes), n_firms, p=o_p / o_p.sum())
    rank = {c: i for i, c in enumerate(SECTOR_CODES)}
    sector_rank = np.where(manuf, np.array([rank[c] for c in m_codes])[m_idx],
                           np.array([rank[c] for c in o_codes])[o_idx])
    export_bundle = _bundle_draws(n_firms, params.n_products, params.mean_products, rng)
    input_bundle = _bundle_draws(n_firms, params.n_products, params.mean_products, rng)
    exposure, input_exposure = (np.bincount(f, weights=s * tariff[p], minlength=n_firms)
                                for f, p, s in (export_bundle, input_bundle))
    mult_sector = params.sector_multipliers()
    mult = np.where(manuf, np.array([mult_sector[c] for c in m_codes])[m_idx], params.nonmanufacturing_gvc_scale)
    mult = np.where(gvc, mult, params.non_gvc_scale)
    return FirmDraws(gvc=gvc.astype(np.int64), manufacturing=manuf.astype(np.int64), sector_rank=sector_rank,
                     exposure=exposure, input_exposure=input_exposure, multiplier=mult,
                     input_multiplier=gvc.astype(float), quartiles=_quartiles(exposure),
                     input_quartiles=_quartiles(input_exposure), tariff_pp=tariff, export_bundle=export_bundle,
                     input_bundle=input_bundle)


@dataclass
class Design:
    """Firm-level draws: characteristics, exposures and the planted slope multiplier of each firm.

    ``export_bundles`` and ``input_bundles`` are the firm-product share tables (firm_id, hs6, share) the two
    exposures were built from (:func:`firm_bundles`); :mod:`analysis.studies.gvc.customs` turns them into
    transaction records. ``draws`` holds the same draws as arrays.
    """

    firms: pd.DataFrame
    quartiles: dict
    input_quartiles: dict
    tariffs: pd.DataFrame = field(repr=False)
    export_bundles: pd.DataFrame | None = field(default=None, repr=False)
    input_bundles: pd.DataFrame | None = field(default=None, repr=False)
    draws: FirmDraws | None = field(default=None, repr=False)


def simulate_design(n_firms: int, seed: int, params: GVCParams = GVCParams()) -> Design:
    """Firms with GVC status, sector, export and input exposure (``exposure_i = Σ_p s_ip Δτ_p``, as
    :func:`study.firm_exposure` computes it), as frames."""
    d = draw_firms(n_firms, seed, params)
    hs6 = np.arange(100_000, 100_000 + params.n_products, dtype=np.int64)  # as product_tariff_changes
    tariffs = pd.DataFrame({"hs6": hs6, "delta_tariff_pp": d.tariff_pp})
    export_bundles, input_bundles = (pd.DataFrame({"firm_id": f, "hs6": hs6[p], "share": s})
                                     for f, p, s in (d.export_bundle, d.input_bundle))
    firms = pd.DataFrame({
        "firm_id": np.arange(n_firms, dtype=np.int64), "gvc": d.gvc, "manufacturing": d.manufacturing,
        "sector": d.sector, study.EXPOSURE: d.exposure, study.INPUT_EXPOSURE: d.input_exposure,
        "multiplier": d.multiplier, "input_multiplier": d.input_multiplier,
    })
    return Design(firms=firms, quartiles=d.quartiles, input_quartiles=d.input_quartiles, tariffs=tariffs,
                  export_bundles=export_bundles, input_bundles=input_bundles, draws=d)


def draw_outcome(design: Design | FirmDraws, outcome: str, rng: np.random.Generator,
                 params: GVCParams = GVCParams(), planted: bool = True, years=YEARS) -> np.ndarray:
    """One outcome for every firm-year (firm-major, years ascending), on its estimation scale (log or asinh).

    ``y_it = level + α_i + λ_{gvc,t} + μ_{sector,t} + planted_it + ε_it`` with AR(1) ε. The planted term is
    ``scale_o · m_i · c_t · x_i / (p75 − p25)`` for export exposure ``x_i`` plus the input-exposure term for GVC
    firms, so a p75 vs p25 manufacturing GVC firm differs by ``scale_o · c_t`` (0 in 2015–2017).
    """
    return draw_outcome_matrix(design, outcome, rng, params, planted, years).ravel()


def draw_outcome_matrix(design: Design | FirmDraws, outcome: str, rng: np.random.Generator,
                        params: GVCParams = GVCParams(), planted: bool = True, years=YEARS) -> np.ndarray:
    """:func:`draw_outcome` as a firms × years matrix (the same draws)."""
    d = design if isinstance(design, FirmDraws) else design.draws
    n, T = len(d.gvc), len(years)
    years = np.asarray(years)
    x = d.exposure
    alpha = params.level[outcome] + 0.8 * d.gvc + params.exposure_loading * x + rng.normal(0, params.firm_sd, n)
    lam = rng.normal(0, params.shock_sd, (2, T)) + np.outer([0.0, 0.02], years - 2017)
    codes, s_idx = d.sector_codes
    mu = rng.normal(0, params.shock_sd, (len(codes), T))
    sd = params.noise_sd[outcome]
    eps = np.empty((n, T))
    eps[:, 0] = rng.normal(0, sd, n)
    innov = rng.normal(0, sd * math.sqrt(1 - params.rho**2), (T - 1, n))  # the stream of T − 1 draws of n
    for t in range(1, T):
        eps[:, t] = params.rho * eps[:, t - 1] + innov[t - 1]
    y = alpha[:, None] + lam[d.gvc] + mu[s_idx] + eps
    if planted:
        scale = params.outcome_scale[outcome]
        c = np.array([params.effect_path.get(int(t), 0.0) for t in years])
        dd = np.array([params.input_path.get(int(t), 0.0) for t in years])
        slope = d.multiplier * x / d.quartiles["iqr"]
        islope = d.input_multiplier * d.input_exposure / d.input_quartiles["iqr"]
        y += scale * (slope[:, None] * c[None, :] + islope[:, None] * dd[None, :])
    return y


def panel_frame(design: Design, outcomes: dict[str, np.ndarray], years=YEARS) -> pd.DataFrame:
    """Firm-year frame in the bring-your-own schema's columns (firm-major, years ascending)."""
    f = design.firms
    T = len(years)
    cols = {"firm_id": np.repeat(f["firm_id"].to_numpy(), T), "year": np.tile(np.asarray(years, np.int64), len(f))}
    for c in ("gvc", "manufacturing", "sector", study.EXPOSURE, study.INPUT_EXPOSURE):
        cols[c] = np.repeat(f[c].to_numpy(), T)
    cols.update(outcomes)
    return pd.DataFrame(cols)


@dataclass
class SimulatedPanel:
    """A simulated panel (``panel``, in the schema's columns), its design and the planted truth."""

    panel: pd.DataFrame
    truth: pd.DataFrame
    design: Design = field(repr=False)
    params: GVCParams = field(repr=False)
    seed: int = 0


def truth_table(params: GVCParams = GVCParams(), years=YEARS) -> pd.DataFrame:
    """Planted p75–p25 contrasts (population values) by outcome, group, exposure and year.

    Groups: ``manufacturing_gvc`` (the within-group DiD), ``gvc_differential`` and ``non_gvc`` (triple
    difference). Valid for the estimators' contrasts computed with the full panel's quartiles.
    """
    rows = []
    g_mean = params.gvc_mean_multiplier()
    for out, scale in params.outcome_scale.items():
        for t in years:
            c = scale * params.effect_path.get(t, 0.0)
            d = scale * params.input_path.get(t, 0.0)
            for grp, val, ival in (("manufacturing_gvc", c, d), ("gvc_differential", c * g_mean - 0.0, d),
                                   ("non_gvc", c * params.non_gvc_scale, 0.0)):
                rows.append({"outcome": out, "group": grp, "exposure": study.EXPOSURE, "year": t, "truth": val})
                rows.append({"outcome": out, "group": grp, "exposure": study.INPUT_EXPOSURE, "year": t, "truth": ival})
    return pd.DataFrame(rows)


def sector_truth(params: GVCParams = GVCParams(), years=(2018, 2019, 2020, 2021)) -> pd.DataFrame:
    """Planted average 2018–2021 contrast (exports to the US) of each Figure-3 sector group, manufacturing GVC."""
    m = params.sector_multipliers()
    avg = float(np.mean([params.effect_path.get(t, 0.0) for t in years]))
    rows = []
    for label, codes in FIGURE3_GROUPS.items():
        codes = [c for c in codes if c in MANUFACTURING_SECTORS]
        w = np.array([MANUFACTURING_SECTORS[c][1] for c in codes])
        mult = float(np.dot(w, [m[c] for c in codes]) / w.sum())
        rows.append({"sector": label, "truth": avg * mult})
    return pd.DataFrame(rows)


def simulate_gvc_panel(n_firms: int = 20_000, seed: int = 20240426, params: GVCParams | None = None,
                       **overrides) -> SimulatedPanel:
    """Draw the simulated panel: ``n_firms`` firms × 2015–2021, four outcomes, planted effects of `params`.

    Keyword `overrides` replace fields of :class:`GVCParams` (e.g. ``effect_path={2019: 0.35}``).

    >>> sim = simulate_gvc_panel(n_firms=200, seed=1)
    >>> sim.panel.shape
    (1400, 11)
    """
    params = replace(params or GVCParams(), **overrides)
    ss = np.random.SeedSequence(seed)
    d_seed, o_seed = ss.spawn(2)
    design = simulate_design(n_firms, int(d_seed.generate_state(1)[0]), params)
    rngs = [np.random.default_rng(s) for s in o_seed.spawn(len(study.OUTCOMES))]
    outcomes = {o: draw_outcome(design, o, r, params) for o, r in zip(study.OUTCOMES, rngs)}
    return SimulatedPanel(panel=panel_frame(design, outcomes), truth=truth_table(params), design=design,
                          params=params, seed=seed)
