"""Simulated Mexican customs transaction records whose firm-year aggregates follow :mod:`analysis.studies.gvc.simulate`.

The study of Utar, Cebreros & Torres starts from customs declarations, not from a firm-year panel. This module
draws **simulated** declaration lines — one row per line: firm, date, 8-digit tariff fraction, flow, partner
country, US dollar value, in the schema ``data/schemas/gvc_transactions.schema.json`` — together with the other
inputs :func:`analysis.studies.gvc.transactions.build_panel` needs (an IMMEX register, a firm register with sectors and a
product table of US tariff changes), so the whole path transactions → panel → triple difference can be checked
against a planted truth.

Where the numbers come from
---------------------------
The firm-year process is **not** redrawn here: :func:`simulate_customs` calls
``gvc.simulate_gvc_panel(n_firms, seed)`` and splits its draws into transactions, so every true parameter is
:class:`analysis.studies.gvc.simulate.GVCParams` (planted p75–p25 effect on exports to the US of manufacturing GVC firms:
``ln(1.20)`` in 2019, 0.06 / 0.13 / 0.17 in 2018 / 2020 / 2021, no effect on non-GVC firms; the other outcomes'
multiples and the input channel as documented there). Exactly, up to floating-point summation:

- **exports to the US** of firm *i* in year *t* sum to ``exp(ln_exports_us)`` of the simulated panel, and
  **imports from the US** to ``exp(ln_imports_us)``: these two outcomes of the built panel equal gvc.py's draws and
  carry its planted effects (truth: ``gvc.truth_table``);
- the **2017 export mix** of each firm is its export bundle of ``gvc.simulate_design`` (every year, every
  destination), and its **2017 imports from China** follow its input bundle, so the built exposures equal the
  design's ``exposure_us_tariff_pp`` and ``input_exposure_pp``; product tariff changes are the design's;
- **GVC status**: GVC firms have an IMMEX registration in force in 2017; some non-GVC firms have one that ended
  before 2017 or began after it (decoys for the base-year rule); **sector** is the design's NAICS 3-digit code.

Derived, not gvc.py's own draws (the four outcomes are drawn independently there, so total exports could fall below
exports to the US): exports to other destinations are ``exp(y + ln other_export_ratio)`` with ``y`` a draw of
gvc.py's ``ln_exports_total`` process (planted effect included); imports from China and from other origins are
``exp(y + ln ratio)`` with ``y`` a draw of the ``ln_imports_us`` process without planted effect. Total exports and
net exports of the built panel are the sums of these flows, so their planted effects are mixtures; their exact
firm-year values are in :attr:`SimulatedCustoms.expected_panel`.

**Assumptions** (no source; parameters of :func:`simulate_customs`): the ratios applied to the other flows' draws
(0.25 for exports elsewhere, 0.3 for imports from China and 0.3 for imports from elsewhere); the
number of lines per firm-year (``1 + Poisson`` per firm-year-flow-partner-product cell, sized to the mean
asked for); Dirichlet(1) splits of a cell's value across its lines; dates uniform within the year; 2-digit
fraction suffixes 01–03 under each HS6 code; partner lists; IMMEX start and end dates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from analysis.studies import gvc as study
from analysis.studies.gvc import simulate as gvc

BASE_YEAR = 2017
US, CHINA = "USA", "CHN"
OTHER_EXPORT_PARTNERS = ("CAN", "DEU", "JPN", "KOR", "BRA", "ESP", "GBR", "COL", "CHL", "IND")
OTHER_IMPORT_PARTNERS = ("CAN", "DEU", "JPN", "KOR", "BRA", "ESP", "ITA", "TWN", "MYS", "VNM")
# cell kinds: (flow, partner group)
_KINDS = (("export", "us"), ("export", "other"), ("import", "us"), ("import", "china"), ("import", "other"))
FRACTION_SUFFIXES = ("01", "02", "03")
TRANSACTION_COLUMNS = ("firm_id", "date", "tariff_fraction", "flow", "partner_country", "value_usd")


def firm_label(index) -> np.ndarray:
    """Text firm identifiers (``F0000042``) for the design's integer firm ids."""
    return np.char.add("F", np.char.zfill(np.asarray(index).astype(str), 7))


@dataclass
class SimulatedCustoms:
    """Simulated customs inputs and the firm-year panel they must aggregate to.

    ``immex`` (firm_id, program_start, program_end), ``firms`` (firm_id, sector) and ``tariffs`` (hs6,
    tariff_change_pp) are small tables in the schemas of ``data/schemas/``; transactions come block by block from
    :meth:`iter_transactions` (or all at once from :meth:`transactions`, for small sizes). ``expected_panel`` is
    the firm-year panel (schema ``gvc_panel``) the transactions aggregate to; ``sim`` is gvc.py's simulated panel
    (its ``truth`` is the planted truth).
    """

    sim: gvc.SimulatedPanel = field(repr=False)
    expected_panel: pd.DataFrame = field(repr=False)
    immex: pd.DataFrame = field(repr=False)
    firms: pd.DataFrame = field(repr=False)
    tariffs: pd.DataFrame = field(repr=False)
    flows: dict = field(repr=False)  # kind -> (n_firms, n_years) array of US dollar values
    lines_per_firm_year: float
    firms_per_block: int
    seed: int

    @property
    def n_firms(self) -> int:
        return len(self.firms)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(gvc.YEARS)

    def iter_transactions(self) -> Iterator["pa.Table"]:  # noqa: F821
        """Transaction lines as pyarrow Tables, one per block of ``firms_per_block`` firms (deterministic: block
        *b* is drawn from its own child of ``SeedSequence(seed)``, whatever is asked for before it)."""
        children = np.random.SeedSequence([self.seed, 3]).spawn(math.ceil(self.n_firms / self.firms_per_block))
        for b, child in enumerate(children):
            lo = b * self.firms_per_block
            yield self._block(lo, min(lo + self.firms_per_block, self.n_firms), np.random.default_rng(child))

    def transactions(self) -> pd.DataFrame:
        """All transaction lines as one pandas DataFrame with plain text columns (small sizes only)."""
        import pyarrow as pa

        table = pa.concat_tables(list(self.iter_transactions()))
        frame = table.to_pandas()
        for col in ("firm_id", "tariff_fraction", "flow", "partner_country"):
            frame[col] = frame[col].astype(str)
        frame["date"] = pd.to_datetime(frame["date"])
        return frame

    def write_parquet(self, directory: str | Path, prefix: str = "transactions") -> list[Path]:
        """Write one Parquet file per firm block into `directory` (created if absent); returns the paths."""
        import pyarrow.parquet as pq

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        written = []
        for b, table in enumerate(self.iter_transactions()):
            path = directory / f"{prefix}_{b:04d}.parquet"
            pq.write_table(table, path)
            written.append(path)
        return written

    def write_tables(self, directory: str | Path) -> dict[str, Path]:
        """Write ``immex.csv``, ``firms.csv`` and ``tariffs.csv`` into `directory`; returns their paths."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        out = {}
        for name, frame in (("immex", self.immex), ("firms", self.firms), ("tariffs", self.tariffs)):
            out[name] = directory / f"{name}.csv"
            frame.to_csv(out[name], index=False, date_format="%Y-%m-%d")
        return out

    def _block(self, lo: int, hi: int, rng: np.random.Generator):
        import pyarrow as pa

        d = self.sim.design
        years = np.asarray(self.years)
        n_years = len(years)
        # one cell per firm, kind and product: exports to the US / elsewhere over the export bundle, imports from
        # the US / China / elsewhere over the input bundle (shares sum to 1 within firm and kind)
        parts = []
        for kind, (flow, _) in enumerate(_KINDS):
            bundle = d.export_bundles if flow == "export" else d.input_bundles
            sel = bundle[(bundle["firm_id"] >= lo) & (bundle["firm_id"] < hi)]
            parts.append(pd.DataFrame({"firm": sel["firm_id"].to_numpy(), "kind": kind,
                                       "product": sel["hs6"].to_numpy(), "share": sel["share"].to_numpy()}))
        cells = pd.concat(parts, ignore_index=True).sort_values(["firm", "kind", "product"], kind="stable")
        firm = cells["firm"].to_numpy()
        kind = cells["kind"].to_numpy()
        cells_per_firm = np.bincount(firm - lo, minlength=hi - lo)
        lam = np.maximum(self.lines_per_firm_year / np.maximum(cells_per_firm, 1) - 1.0, 0.0)
        # cells × years
        n_cells = len(cells)
        c_firm = np.repeat(firm, n_years)
        c_kind = np.repeat(kind, n_years)
        c_year_idx = np.tile(np.arange(n_years), n_cells)
        c_product = np.repeat(cells["product"].to_numpy(), n_years)
        flow_values = np.stack([self.flows[k] for k in range(len(_KINDS))])  # kind, firm, year
        c_value = np.repeat(cells["share"].to_numpy(), n_years) * flow_values[c_kind, c_firm, c_year_idx]
        k = 1 + rng.poisson(lam[c_firm - lo])
        # lines: each cell's value split over its k lines with Dirichlet(1) weights
        line_cell = np.repeat(np.arange(len(k)), k)
        starts = np.concatenate([[0], np.cumsum(k)[:-1]])
        w = rng.standard_exponential(line_cell.size)
        w /= np.add.reduceat(w, starts)[line_cell]
        value = c_value[line_cell] * w
        l_kind = c_kind[line_cell]
        l_year = years[c_year_idx[line_cell]]
        n = line_cell.size
        # partners: fixed for US / China cells, drawn per line for "other"
        partners = list(dict.fromkeys((US, CHINA, *OTHER_EXPORT_PARTNERS, *OTHER_IMPORT_PARTNERS)))
        partner_idx = np.where(l_kind == 3, 1, 0)
        for kind_other, choices in ((1, OTHER_EXPORT_PARTNERS), (4, OTHER_IMPORT_PARTNERS)):
            hit = l_kind == kind_other
            codes = np.array([partners.index(c) for c in choices])
            partner_idx[hit] = codes[rng.integers(0, len(choices), int(hit.sum()))]
        start = (l_year - 1970).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)
        leap = ((l_year % 4 == 0) & (l_year % 100 != 0)) | (l_year % 400 == 0)
        day = start + (rng.random(n) * np.where(leap, 366, 365)).astype(np.int64)
        product_codes = self.tariffs["hs6"].to_numpy()
        fractions = np.char.add(np.repeat(product_codes.astype(str), len(FRACTION_SUFFIXES)),
                                np.tile(np.array(FRACTION_SUFFIXES), len(product_codes)))
        prod_row = np.searchsorted(d.tariffs["hs6"].to_numpy(), c_product)[line_cell]  # codes ascend
        frac_idx = prod_row * len(FRACTION_SUFFIXES) + rng.integers(0, len(FRACTION_SUFFIXES), n)
        order = rng.permutation(n)  # declarations of the block's firms interleaved, as in a dated file
        firm_ids = firm_label(np.arange(lo, hi))
        dict_arr = pa.DictionaryArray.from_arrays
        return pa.table({
            "firm_id": dict_arr(pa.array((c_firm[line_cell] - lo)[order], pa.int32()), pa.array(firm_ids)),
            "date": pa.array(day[order].astype(np.int32), pa.date32()),
            "tariff_fraction": dict_arr(pa.array(frac_idx[order], pa.int32()), pa.array(fractions)),
            "flow": dict_arr(pa.array((l_kind[order] >= 2).astype(np.int32)), pa.array(["export", "import"])),
            "partner_country": dict_arr(pa.array(partner_idx[order], pa.int32()), pa.array(partners)),
            "value_usd": pa.array(value[order], pa.float64()),
        })


def simulate_customs(n_firms: int = 2_000, seed: int = 20240426, lines_per_firm_year: float = 40.0, *,
                     params: gvc.GVCParams | None = None, other_export_ratio: float = 0.25,
                     china_import_ratio: float = 0.3, other_import_ratio: float = 0.3,
                     decoy_share: float = 0.05, firms_per_block: int = 1_000) -> SimulatedCustoms:
    """Simulated customs records for `n_firms` firms, 2015–2021, about `lines_per_firm_year` lines per firm-year.

    The firm-year process is ``gvc.simulate_gvc_panel(n_firms, seed, params)`` (see the module docstring for what
    the aggregates reproduce exactly); the other flows, the IMMEX register and the lines are drawn from children of
    ``SeedSequence([seed, ...])``. Nothing is drawn until asked: the lines come block by block from
    :meth:`SimulatedCustoms.iter_transactions`, so 100 million lines never sit in memory at once.

    >>> c = simulate_customs(n_firms=50, seed=1, lines_per_firm_year=30)
    >>> c.expected_panel.shape
    (350, 11)
    """
    params = params or gvc.GVCParams()
    sim = gvc.simulate_gvc_panel(n_firms=n_firms, seed=seed, params=params)
    design = sim.design
    years = np.asarray(gvc.YEARS)
    n_years = len(years)
    shape = (n_firms, n_years)
    panel = sim.panel  # firm-major, years ascending
    r_other_x, r_china, r_other_m, r_register = (np.random.default_rng(s)
                                                 for s in np.random.SeedSequence([seed, 1]).spawn(4))

    def draw(outcome: str, rng, planted: bool, ratio: float) -> np.ndarray:
        return np.exp(gvc.draw_outcome(design, outcome, rng, params, planted=planted) + math.log(ratio)).reshape(shape)

    flows = {
        0: np.exp(panel["ln_exports_us"].to_numpy()).reshape(shape),
        1: draw("ln_exports_total", r_other_x, True, other_export_ratio),
        2: np.exp(panel["ln_imports_us"].to_numpy()).reshape(shape),
        3: draw("ln_imports_us", r_china, False, china_import_ratio),
        4: draw("ln_imports_us", r_other_m, False, other_import_ratio),
    }
    exports = flows[0] + flows[1]
    imports = flows[2] + flows[3] + flows[4]
    ids = firm_label(design.firms["firm_id"].to_numpy())
    expected = panel[["firm_id", "year", "gvc", "manufacturing", "sector", study.EXPOSURE, study.INPUT_EXPOSURE]].copy()
    expected["firm_id"] = np.repeat(ids, n_years)
    expected["ln_exports_us"] = np.log(flows[0]).ravel()
    expected["ln_imports_us"] = np.log(flows[2]).ravel()
    expected["ln_exports_total"] = np.log(exports).ravel()
    expected["asinh_net_exports"] = np.arcsinh(exports - imports).ravel()

    tariffs = pd.DataFrame({"hs6": design.tariffs["hs6"].astype(str).to_numpy(),
                            "tariff_change_pp": design.tariffs["delta_tariff_pp"].to_numpy(float)})
    firms = pd.DataFrame({"firm_id": ids, "sector": design.firms["sector"].to_numpy()})
    immex = _immex_register(ids, design.firms["gvc"].to_numpy().astype(bool), decoy_share, r_register)
    return SimulatedCustoms(sim=sim, expected_panel=expected.reset_index(drop=True), immex=immex, firms=firms,
                            tariffs=tariffs, flows=flows, lines_per_firm_year=float(lines_per_firm_year),
                            firms_per_block=int(firms_per_block), seed=seed)


def _immex_register(ids: np.ndarray, gvc_firm: np.ndarray, decoy_share: float,
                    rng: np.random.Generator) -> pd.DataFrame:
    """IMMEX registrations: GVC firms registered between 1995 and 2016 (a quarter of them leaving in 2020–2021);
    decoys among non-GVC firms registered only before 2017 (left by 2016) or only from 2018 on."""

    def dates(y0: int, y1: int, n: int) -> np.ndarray:
        lo = np.datetime64(f"{y0}-01-01")
        days = (np.datetime64(f"{y1}-12-31") - lo).astype(int)
        return lo + rng.integers(0, days + 1, n).astype("timedelta64[D]")

    g = np.flatnonzero(gvc_firm)
    start_g = dates(1995, 2016, g.size)
    end_g = np.where(rng.random(g.size) < 0.25, dates(2020, 2021, g.size), np.datetime64("NaT"))
    non = np.flatnonzero(~gvc_firm)
    decoy = non[rng.random(non.size) < decoy_share]
    before = rng.random(decoy.size) < 0.5
    start_d = np.where(before, dates(1995, 2010, decoy.size), dates(2018, 2021, decoy.size))
    end_d = np.where(before, dates(2011, 2016, decoy.size), np.datetime64("NaT"))
    reg = pd.DataFrame({"firm_id": np.concatenate([ids[g], ids[decoy]]),
                        "program_start": np.concatenate([start_g, start_d]).astype("datetime64[D]"),
                        "program_end": np.concatenate([end_g, end_d]).astype("datetime64[D]")})
    return reg.sort_values(["firm_id", "program_start"], ignore_index=True)
