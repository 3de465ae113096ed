"""One house style and one figure saver.

Notebooks never call ``savefig``: ``save(fig, name, caption=..., source=...)`` writes
``figures/<name>.png`` (for notebooks and students), ``.svg`` (text kept as text) and ``.pdf`` (fonts embedded)
for reports, plus ``<name>.txt`` with the caption and source ready to paste. Metadata that would change on
every run (dates, random ids) is fixed, so a re-run changes no bytes.

Figures are drawn at report size: 6.5 in wide (one report column, :data:`REPORT_WIDTH_IN`), text at least 8 pt
(:data:`MIN_TEXT_PT`). The site shows the same PNG scaled to its column (1,300 px at 200 dpi), so one size serves
both. ``save`` measures every figure (:func:`check`): the smallest text drawn, after scaling the figure to the
report column; text drawn outside the canvas; and how far apart the colours of its series stay for a reader with
deuteranopia or protanopia. The measurements go into the figure's record (``Saved.record``, and
``build/figure_records/<name>.json`` under the runner); :func:`problems` names what falls short, and the tests
fail on it.
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import textwrap
import warnings
from contextlib import contextmanager, nullcontext
from io import BytesIO
from pathlib import Path

import matplotlib
import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import numpy as np

from analysis.core import io, paths

FORMATS = ("png", "svg", "pdf")

# PDF font subsetting logs every table at INFO; a notebook reader needs none of it.
logging.getLogger("fontTools").setLevel(logging.WARNING)

# Okabe–Ito: distinguishable by colour-blind readers and in greyscale print.
PALETTE = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "red": "#D55E00",
    "purple": "#CC79A7", "sky": "#56B4E9", "yellow": "#F0E442", "black": "#000000", "grey": "#7F7F7F",
    "brown": "#8C6D31",
}

# A report column, and the smallest text a reader should meet in it.
REPORT_WIDTH_IN = 6.5
MIN_TEXT_PT = 8.0
# The smallest CIELAB colour difference (CIE76 ΔE) between two series told apart by colour alone, for a reader
# with deuteranopia or protanopia (simulated) and for everyone else. Okabe–Ito's eight colours stay ≥ 17 apart
# under both simulations; red against green (matplotlib's tab:red / tab:green) falls to 7 for a deuteranope.
MIN_CVD_DELTA_E = 15.0
SOURCE_PT = 8.0

STYLE = {
    "figure.figsize": (REPORT_WIDTH_IN, 4.0),
    "figure.dpi": 100,
    "font.family": "DejaVu Sans",  # ships with matplotlib: no font download, same glyphs everywhere
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.title_fontsize": 8,
    "figure.titlesize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": matplotlib.cycler(color=list(PALETTE.values())),
    "legend.frameon": False,
}

# Applied at save time whatever style the figure was drawn in: these make the files report-ready and
# byte-identical on re-run.
SAVE_PARAMS = {
    "savefig.dpi": 200,
    "svg.fonttype": "none",  # text stays text in SVG
    "svg.hashsalt": "analysis",  # deterministic SVG ids
    "pdf.fonttype": 42,  # embed TrueType fonts in PDF
}

_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


class Saved(dict):
    """The files one figure was saved to, by format; shown in a notebook as one short line. ``record`` holds what
    :func:`check` measured (and, under the runner, which notebook cell saved it)."""

    record: dict

    def __repr__(self) -> str:
        first = next(iter(self.values()), None)
        stem = first.with_suffix("") if first is not None else "?"
        return f"saved {stem.name if first is not None else stem}.{{{','.join(self)}}}"


_LEGEND_BELOW = "legend-below"


def legend_below(fig, handles, labels, *, ncol: int = 2, **kwargs):
    """One legend for all the panels of `fig`, centred under them; :func:`save` places it above the source line and
    keeps the panels clear of it (a legend inside one panel hides data; under one panel it squeezes the others)."""
    legend = fig.legend(handles, labels, loc="lower center", ncol=ncol, **kwargs)
    legend.set_gid(_LEGEND_BELOW)
    return legend


def _renderer(fig):
    """A renderer to measure `fig` with, whatever canvas it has."""
    from matplotlib.backends.backend_agg import RendererAgg

    get = getattr(fig.canvas, "get_renderer", None)
    if get is not None:
        return get()
    w, h = fig.get_size_inches() * fig.dpi
    return RendererAgg(int(round(w)), int(round(h)), fig.dpi)


def use_style() -> None:
    """Apply the house style for the rest of the session (notebooks call this once, at the top): figures, and
    tables that show their text in full (the site wraps long cells; a reason cut at 50 characters with "..." is a
    reason a reader cannot check)."""
    import pandas as pd

    plt.rcParams.update(STYLE | SAVE_PARAMS)
    pd.set_option("display.max_colwidth", None)


@contextmanager
def style():
    """The house style inside a ``with`` block only."""
    with plt.rc_context(STYLE | SAVE_PARAMS):
        yield


SIMULATED_NOTE = "calibrated to published magnitudes; not the study's data"


def save(fig, name: str, *, caption: str, source: str, simulated: bool | str = False,
         out_dir: Path | None = None, data: str | list[str] | tuple[str, ...] = ()) -> Saved:
    """Write `fig` as PNG, SVG and PDF plus a caption/source sidecar; return the paths written.

    Parameters
    ----------
    name : file stem, starting with the number of the notebook that makes it (``01_refugee_ceilings``).
    caption : one or two sentences saying what the figure shows.
    source : the data behind it (publication, table), printed under the figure and in the sidecar.
    simulated : the data are simulated; the figure says so in its corner and in the sidecar. ``True``: simulated
        by this collection, calibrated to published magnitudes; a string says instead what simulated data these are
        (e.g. a package's reference panel).
    data : the resources it plots (names in ``data/datapackage.json``); optional. Recorded with the figure (not in
        its files), so the site links the figure to those tables in the data catalogue.

    The figure is measured (:func:`check`) after it is written; a figure that falls short of the report size or the
    colour-vision threshold gets a warning naming the problem (the tests fail on it).
    """
    if not name or "/" in name or name != name.strip():
        raise ValueError(f"figure name {name!r} must be a plain file stem")
    if not caption.strip() or not source.strip():
        raise ValueError(f"figure {name}: caption and source are required")
    resources = [data] if isinstance(data, str) else list(data)
    if resources:
        from analysis.core import data as datapackage

        known = {r["name"] for r in datapackage.descriptor().get("resources", [])}
        if unknown := [r for r in resources if r not in known]:
            raise ValueError(f"figure {name}: data={unknown} not in data/datapackage.json")
    out_dir = Path(out_dir or paths.FIGURES)
    label = f"Source: {source}"
    if simulated:
        note = SIMULATED_NOTE if simulated is True else str(simulated).strip()
        if not note:
            raise ValueError(f"figure {name}: simulated= needs True or a note saying what the simulated data are")
        label = f"SIMULATED DATA ({note}). " + label
        fig.text(0.995, 0.995, "SIMULATED", ha="right", va="top", fontsize=9, color=PALETTE["red"],
                 fontweight="bold")
    # ~15 characters of 8-pt DejaVu Sans per inch
    wrapped = "\n".join(textwrap.wrap(label, width=int(fig.get_figwidth() * 15)))
    n_lines = wrapped.count("\n") + 1
    fig.text(0.01, 0.005, wrapped, ha="left", va="bottom", fontsize=SOURCE_PT, color="#555555")
    line_frac = SOURCE_PT * 1.25 / 72 / fig.get_figheight()  # one source line, as a fraction of the height
    bottom = 0.01 + line_frac * n_lines
    with _font_tables_read_once():
        for legend in fig.legends:  # legends from legend_below(): above the source line, the axes above them
            if legend.get_gid() == _LEGEND_BELOW:
                legend.set_bbox_to_anchor((0.5, bottom), transform=fig.transFigure)
                bottom += legend.get_window_extent(_renderer(fig)).height / fig.bbox.height + 0.01
        fig.tight_layout(rect=(0, bottom, 1, 1))
        written = Saved()
        for fmt in FORMATS:
            target = out_dir / f"{name}.{fmt}"
            with io.atomic_path(target) as tmp, plt.rc_context(SAVE_PARAMS), _WRITERS[fmt]() as drawn:
                fig.savefig(tmp, format=fmt, metadata=_METADATA[fmt])
            if fmt == "png":
                png_text = drawn  # the PNG's own draw is measured: no extra draw for check()
            written[fmt] = target
    sidecar = f"{caption.strip()}\n\n{label}\n"
    written["txt"] = io.write_text(out_dir / f"{name}.txt", sidecar)
    written.record = {"figure": name, **check(fig, drawn=png_text)}
    found = problems(written.record)
    if found:
        warnings.warn(f"figure {name}: " + "; ".join(found), FigureCheckWarning, stacklevel=2)
    _record(name, written.record, resources)
    return written


class FigureCheckWarning(UserWarning):
    """A saved figure falls short of the report size or the colour-vision threshold."""


def _record(name: str, measured: dict, resources: list[str] | None = None) -> None:
    """Note which notebook cell saved figure `name` (``build/figure_records/<name>.json``), when the runner executes
    the notebook: the site places the figure in that cell's section from this record, not by reading code.

    The cell is named by the sha256 of its source (the kernel's own copy of the running cell, ``In[-1]``), which
    the site matches against the executed notebook; execution counts are not used, as code that runs cells of
    its own (widgets, magics) shifts them.
    """
    notebook = os.environ.get("ANALYSIS_NOTEBOOK")
    if not notebook:
        return
    try:
        from IPython import get_ipython

        history = get_ipython().user_ns.get("In", [])
    except (ImportError, AttributeError):  # not in an IPython kernel
        history = []
    cell = cell_key(history[-1]) if history else None
    record = {**measured, "figure": name, "notebook": notebook, "cell": cell}
    if resources:  # only when named, so records of calls without data= stay as they were
        record["data"] = list(resources)
    io.write_json(paths.FIGURE_RECORDS / f"{name}.json", record)


def cell_key(source: str) -> str:
    """How a figure record names a notebook cell: the sha256 of its source, stripped of surrounding whitespace."""
    import hashlib

    return hashlib.sha256(source.strip().encode("utf-8")).hexdigest()


# ------------------------------------------------------------------------------------------ report-size checks
def check(fig, drawn: list[tuple[float, str, bool]] | None = None) -> dict:
    """Measure `fig` as a report would show it: scaled to :data:`REPORT_WIDTH_IN` (never enlarged).

    `drawn`: the text of a draw already made (:func:`_listening_to_text`, as :func:`save` does while writing the
    PNG); by default the figure is drawn once more to measure it.

    Returns ``width_in``, ``height_in``; ``min_text_pt`` (the smallest text actually drawn — titles, labels, tick
    labels, legend, annotations, table cells — times the scale) and ``smallest_text`` (that string);
    ``text_outside`` (strings drawn partly off the canvas); ``series`` (one entry per series style: its colour and
    shape) and ``cvd_min_delta_e`` / ``cvd_worst_pair`` (the smallest ΔE between two series told apart by colour
    alone, over normal vision, deuteranopia and protanopia; None if no two series rely on colour alone).
    """
    width, height = fig.get_size_inches()
    scale = min(1.0, REPORT_WIDTH_IN / width)
    drawn = _drawn_text(fig) if drawn is None else drawn
    smallest = min(drawn, key=lambda t: t[0], default=(None, "", False))
    styles = _series_styles(fig)
    worst = _worst_colour_pair(styles)
    return {
        "width_in": round(float(width), 3), "height_in": round(float(height), 3),
        "report_width_in": REPORT_WIDTH_IN,
        "min_text_pt": None if smallest[0] is None else round(smallest[0] * scale, 2),
        "smallest_text": smallest[1][:60],
        "text_outside": sorted({t[1][:60] for t in drawn if t[2]}),
        "series": [{"kind": k, "colour": c, "shape": list(shape)} for k, c, shape in styles],
        "cvd_min_delta_e": None if worst is None else round(worst[0], 1),
        "cvd_worst_pair": None if worst is None else [worst[1], worst[2], worst[3]],
    }


def problems(record: dict) -> list[str]:
    """What in a figure record (from :func:`check`) falls short: text below :data:`MIN_TEXT_PT` at report width,
    text off the canvas, series closer than :data:`MIN_CVD_DELTA_E` for a colour-blind reader."""
    found = []
    if record.get("min_text_pt") is not None and record["min_text_pt"] < MIN_TEXT_PT - 0.01:
        found.append(f"text {record['min_text_pt']:g} pt at {REPORT_WIDTH_IN:g} in wide (\"{record['smallest_text']}\");"
                     f" at least {MIN_TEXT_PT:g} pt needed")
    if record.get("text_outside"):
        found.append(f"text cut at the edge: {record['text_outside']}")
    if record.get("cvd_min_delta_e") is not None and record["cvd_min_delta_e"] < MIN_CVD_DELTA_E:
        a, b, vision = record["cvd_worst_pair"]
        found.append(f"series {a} and {b} differ by ΔE {record['cvd_min_delta_e']:g} for {vision} vision "
                     f"(at least {MIN_CVD_DELTA_E:g} needed, or a different marker/line style)")
    return found


def _drawn_text(fig) -> list[tuple[float, str, bool]]:
    """(size in points, string, drawn partly off the canvas) of every non-empty string the figure draws, from a
    draw on a throw-away Agg renderer."""
    from matplotlib.backends.backend_agg import RendererAgg

    w, h = fig.get_size_inches() * fig.dpi
    with _listening_to_text() as drawn:
        fig.draw(RendererAgg(int(round(w)), int(round(h)), fig.dpi))
    return drawn


def _text_metrics(renderer, s: str, prop, ismath) -> tuple[float, float, float]:
    """Width, height and descent of `s` on `renderer`, from the cache the figure's text layout has just filled for
    that renderer (matplotlib's own), so a string drawn is not laid out once more to be measured."""
    try:
        from matplotlib.text import _get_text_metrics_with_cache
    except ImportError:  # a matplotlib without it: measure afresh
        return renderer.get_text_width_height_descent(s, prop, ismath)
    return _get_text_metrics_with_cache(renderer, s, prop, ismath, renderer.dpi)


@contextmanager
def _listening_to_text():
    """Record (size in points, string, drawn partly off the canvas) of every non-empty string an Agg renderer draws
    inside the block — a PNG being written, or :func:`_drawn_text`'s own draw — so only what is really drawn
    counts (not tick labels outside the view, not invisible artists)."""
    from matplotlib.backends.backend_agg import RendererAgg

    drawn: list[tuple[float, str, bool]] = []
    draw_text = RendererAgg.draw_text

    def listen(renderer, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if s.strip():
            # the line's box from its baseline anchor (matplotlib passes a Text only for single-line text);
            # Agg's y runs down from the top
            w, h = renderer.width, renderer.height
            width, height, descent = _text_metrics(renderer, s, prop, ismath)
            base_y = h - y if renderer.flipy() else y
            a = np.radians(angle)
            corners = np.array([(0, -descent), (width, -descent), (0, height - descent), (width, height - descent)])
            xs = x + corners[:, 0] * np.cos(a) - corners[:, 1] * np.sin(a)
            ys = base_y + corners[:, 0] * np.sin(a) + corners[:, 1] * np.cos(a)
            outside = xs.min() < -1 or ys.min() < -1 or xs.max() > w + 1 or ys.max() > h + 1
            drawn.append((float(prop.get_size_in_points()), s, bool(outside)))
        return draw_text(renderer, gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)

    RendererAgg.draw_text = listen  # the class, for the renderer the PNG writer creates itself
    try:
        yield drawn
    finally:
        RendererAgg.draw_text = draw_text


@contextmanager
def _font_tables_read_once():
    """Inside the block, each font's tables are read from FreeType once: matplotlib reads a font's OS/2 and head
    tables (as new dicts of some 40 fields, ~40 µs the pair) every time it lays a string out, some 1,600 times a
    figure. Each caller gets its own copy of the table, as before."""
    from matplotlib.ft2font import FT2Font

    read = FT2Font.get_sfnt_table
    tables: dict[tuple[int, str], tuple] = {}  # (id of the font, table) -> (the font, kept alive: ids stay unique)

    def read_once(font, name):
        key = (id(font), name)
        if key not in tables:
            tables[key] = (font, read(font, name))
        table = tables[key][1]
        return None if table is None else dict(table)

    FT2Font.get_sfnt_table = read_once
    try:
        yield
    finally:
        FT2Font.get_sfnt_table = read


# The OpenType layout tables: matplotlib places every glyph itself, so a PDF viewer never reads them.
_LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "kern")
# The characters of common Western text: the copy each PDF's font subsets are cut from starts with their glyphs.
_COMMON_TEXT = (
    "".join(map(chr, range(0x20, 0x7F))) + "".join(map(chr, range(0xA0, 0x100)))
    + "\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2212\u00d7\u2264\u2265\u2248\u2260\u20ac\u2192"
)


@functools.cache
def _font_without_layout_tables(path: str, face_index: int) -> bytes:
    """The font file at `path` (face `face_index`) as bytes, without its OpenType layout tables; every other table
    byte for byte as in the file."""
    from fontTools import ttLib

    # lazy: the tables kept are copied, not parsed; no timestamp or bounding box recalculated
    with ttLib.TTFont(path, fontNumber=face_index, lazy=True, recalcBBoxes=False, recalcTimestamp=False) as font:
        for tag in _LAYOUT_TABLES:
            if tag in font:
                del font[tag]
        buffer = BytesIO()
        font.save(buffer, reorderTables=False)
    return buffer.getvalue()


class _FontInMemory(BytesIO):
    """A font file held in memory, passed where matplotlib's subsetter expects a font path with a face index."""

    face_index = 0  # one face: a collection's face is taken out by _font_without_layout_tables


class _FontCutter:
    """Cuts the TrueType subsets of one font for PDFs from a small copy of it, which fontTools parses in a few
    milliseconds.

    fontTools parses the whole font (6,000 glyphs of DejaVu Sans: outlines, metrics, names, character map) for
    every subset it cuts; that was most of the time a PDF took to write. Here the font is cut once to the glyphs of
    common text (:data:`_COMMON_TEXT`) plus those asked for, and each PDF's subset is cut from that copy. A subset
    cut from the copy is byte for byte the one cut from the font: the copy keeps every glyph asked for so far with
    its outline, metrics, name and character-map entries (the tests compare the two). A glyph not in the copy yet
    has the copy cut again from the font, with it.

    `cut` is matplotlib's subsetter, ``get_glyphs_subset(font file, glyph ids)``: a context manager of the subset
    font and the map from the glyph ids asked for to the subset's.
    """

    def __init__(self, path: str, face_index: int):
        self._path, self._face_index = path, face_index
        self._asked: frozenset[int] = frozenset()  # glyph ids of the font the copy was asked to keep
        self._copy = b""
        self._to_copy: dict[int, int] = {}  # glyph id in the font -> in the copy

    def subset(self, cut, glyphs):
        """What ``cut(font, glyphs)`` returns, cut from the copy; its glyph map keyed by the font's glyph ids."""
        from matplotlib.backends._backend_pdf_ps import SubsetResults

        glyphs = set(glyphs)
        if not glyphs <= self._asked:
            self._cut_copy(cut, glyphs)

        @contextmanager
        def from_copy():
            with cut(_FontInMemory(self._copy), {self._to_copy[g] for g in glyphs}) as subset:
                index = subset.glyph_index_map
                yield SubsetResults(subset.font, {g: index[c] for g, c in self._to_copy.items() if c in index})

        return from_copy()

    def _cut_copy(self, cut, glyphs: set[int]) -> None:
        from matplotlib.backends._backend_pdf_ps import font_as_file
        from matplotlib.font_manager import FontPath, get_font

        if not self._asked:
            charmap = get_font(FontPath(self._path, self._face_index)).get_charmap()
            glyphs = glyphs | {charmap[ord(c)] for c in _COMMON_TEXT if ord(c) in charmap}
        # the glyphs asked for only: a component or companion fontTools adds is in the copy without its
        # character-map entries, so a later subset asking for it must be cut from the font again
        asked = self._asked | glyphs
        font = _FontInMemory(_font_without_layout_tables(self._path, self._face_index))
        with cut(font, asked) as copy:
            self._copy = font_as_file(copy.font).getvalue()
            self._to_copy = dict(copy.glyph_index_map)
        self._asked = frozenset(asked)


_FONT_CUTTERS: dict[tuple[str, int], _FontCutter] = {}  # by font file and face, for the life of the process


@contextmanager
def _pdf_fonts_cut_from_small_copies():
    """Write PDFs with their TrueType (Type 42) font subsets cut by :class:`_FontCutter` from small copies of the
    fonts, without the OpenType layout tables (GSUB, GPOS, GDEF, kern).

    matplotlib places every glyph itself, so a PDF viewer never reads the layout tables; yet fontTools parses DejaVu
    Sans's large layout tables before it drops them. Without them the pages render pixel for pixel the same
    (compared with PDFium at 4x) and the text stays selectable.
    """
    from matplotlib.backends import _backend_pdf_ps

    cut = _backend_pdf_ps.get_glyphs_subset

    def subset(fontfile, glyphs):
        key = (str(fontfile), getattr(fontfile, "face_index", 0))
        cutter = _FONT_CUTTERS.setdefault(key, _FontCutter(*key))
        return cutter.subset(cut, glyphs)

    _backend_pdf_ps.get_glyphs_subset = subset
    try:
        yield None
    finally:
        _backend_pdf_ps.get_glyphs_subset = cut


# How each format is written: the PNG's draw is listened to (the text check), the PDF's fonts cut quickly.
_WRITERS = {"png": _listening_to_text, "svg": nullcontext, "pdf": _pdf_fonts_cut_from_small_copies}


# Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of color vision deficiency",
# IEEE TVCG 15(6): severity-1.0 matrices on linear sRGB, as published in the authors' table
# (https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html).
CVD_MATRICES = {
    "normal": np.eye(3),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
}
_SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
                         [0.0193339, 0.1191920, 0.9503041]])
_D65 = np.array([0.95047, 1.0, 1.08883])


def simulate_lab(colour, vision: str) -> np.ndarray:
    """CIELAB (D65) of an sRGB colour as seen with `vision` (``normal``, ``deuteranopia``, ``protanopia``)."""
    rgb = np.asarray(mcolors.to_rgb(colour), dtype=float)
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    linear = np.clip(CVD_MATRICES[vision] @ linear, 0.0, 1.0)
    xyz = _SRGB_TO_XYZ @ linear / _D65
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a, b, vision: str = "normal") -> float:
    """CIE76 colour difference between two colours as seen with `vision`."""
    return float(np.linalg.norm(simulate_lab(a, vision) - simulate_lab(b, vision)))


def _on_white(rgba) -> str:
    """A colour as printed over white paper (alpha blended), as hex."""
    r, g, b, a = mcolors.to_rgba(rgba)
    return mcolors.to_hex([a * c + (1 - a) for c in (r, g, b)])


def _series_styles(fig) -> list[tuple[str, str, tuple]]:
    """(kind, colour over white, shape) of each series a reader must tell apart: the handles of every legend, and the
    labelled artists of axes without a legend. The shape is what else tells two series apart (line style and marker,
    marker path, hatch); two series with different shapes need not differ in colour."""
    styles: list[tuple[str, str, tuple]] = []

    def add(artist):
        from matplotlib.collections import Collection, LineCollection
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        if isinstance(artist, Line2D):
            marker = artist.get_marker()
            marker = "" if marker in (None, "None", "", " ", "none") else str(marker)
            ls = artist.get_linestyle()
            ls = "" if ls in ("None", "", " ", "none") else str(ls)
            if not ls and not marker:
                return
            colour = artist.get_color()
            if not ls:  # markers only: the face shows, unless hollow
                face = artist.get_markerfacecolor()
                colour = artist.get_markeredgecolor() if mcolors.to_rgba(face)[3] == 0 else face
            alpha = artist.get_alpha()
            styles.append(("line", _on_white(mcolors.to_rgba(colour, alpha)), (ls, marker)))
        elif isinstance(artist, Patch):
            face = artist.get_facecolor()
            colour = face if face[3] > 0 else artist.get_edgecolor()
            styles.append(("patch", _on_white(colour), (artist.get_hatch() or "",)))
        elif isinstance(artist, LineCollection):
            colours = artist.get_colors()
            if len(colours):
                styles.append(("line", _on_white(colours[0]), (str(artist.get_linestyle()[0][1]),)))
        elif isinstance(artist, Collection):
            faces = artist.get_facecolors()
            colours = faces if len(faces) and faces[0][3] > 0 else artist.get_edgecolors()
            if len(colours):
                paths = artist.get_paths()
                shape = tuple(np.round(paths[0].vertices, 2).ravel().tolist()) if paths else ()
                styles.append(("marker", _on_white(colours[0]), (str(hash(shape)),)))

    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None] + list(fig.legends)
    for legend in legends:
        if legend.get_visible():
            for handle in legend.legend_handles:
                if handle is not None:
                    add(handle)
    for ax in fig.axes:
        if ax.get_legend() is not None or not ax.get_visible():
            continue
        labelled = [a for a in [*ax.get_lines(), *ax.collections, *ax.containers]
                    if not str(a.get_label()).startswith("_")]
        for artist in labelled:
            if hasattr(artist, "patches") and artist.patches:  # a bar container: its first bar
                add(artist.patches[0])
            elif hasattr(artist, "lines"):  # an errorbar container: its data line
                if artist.lines[0] is not None:
                    add(artist.lines[0])
            else:
                add(artist)
    return list(dict.fromkeys(styles))


def _worst_colour_pair(styles) -> tuple[float, str, str, str] | None:
    """The closest two series that differ only in colour: (ΔE, colour, colour, vision), or None."""
    worst = None
    for (kind_a, a, shape_a), (kind_b, b, shape_b) in itertools.combinations(styles, 2):
        if (kind_a, shape_a) != (kind_b, shape_b) or delta_e(a, b) < 3.0:
            continue  # told apart by shape, or the same colour on purpose (one series drawn twice)
        for vision in CVD_MATRICES:
            d = delta_e(a, b, vision)
            if worst is None or d < worst[0]:
                worst = (d, a, b, vision)
    return worst
