"""One house style and one figure saver.

Notebooks never call ``savefig``: ``save(fig, name, caption=..., source=...)`` writes
``figures/<name>.png`` (for notebooks and students), ``.svg`` (text kept as text) and ``.pdf`` (fonts embedded)
for reports, plus ``<name>.txt`` with the caption and source ready to paste. Metadata that would change on
every run (dates, random ids) is fixed, so a re-run changes no bytes.
"""

from __future__ import annotations

import logging
import os
import textwrap
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt

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

STYLE = {
    "figure.figsize": (8.0, 4.8),
    "figure.dpi": 100,
    "font.family": "DejaVu Sans",  # ships with matplotlib: no font download, same glyphs everywhere
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
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
    """The files one figure was saved to, by format; shown in a notebook as one short line."""

    def __repr__(self) -> str:
        first = next(iter(self.values()), None)
        stem = first.with_suffix("") if first is not None else "?"
        return f"saved {stem.name if first is not None else stem}.{{{','.join(self)}}}"


def use_style() -> None:
    """Apply the house style for the rest of the session (notebooks call this once, at the top)."""
    plt.rcParams.update(STYLE | SAVE_PARAMS)


@contextmanager
def style():
    """The house style inside a ``with`` block only."""
    with plt.rc_context(STYLE | SAVE_PARAMS):
        yield


def save(fig, name: str, *, caption: str, source: str, simulated: bool = False,
         out_dir: Path | None = None, data: str | list[str] | tuple[str, ...] = ()) -> Saved:
    """Write `fig` as PNG, SVG and PDF plus a caption/source sidecar; return the paths written.

    Parameters
    ----------
    name : file stem, starting with the number of the notebook that makes it (``01_refugee_ceilings``).
    caption : one or two sentences saying what the figure shows.
    source : the data behind it (publication, table), printed under the figure and in the sidecar.
    simulated : the data are simulated; the figure says so in its corner and in the sidecar.
    data : the resources it plots (names in ``data/datapackage.json``); optional. Recorded with the figure (not in
        its files), so the site links the figure to those tables in the data catalogue.
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
        label = "SIMULATED DATA (calibrated to published magnitudes; not the study's data). " + label
        fig.text(0.995, 0.995, "SIMULATED", ha="right", va="top", fontsize=9, color=PALETTE["red"],
                 fontweight="bold")
    wrapped = "\n".join(textwrap.wrap(label, width=int(fig.get_figwidth() * 16)))
    n_lines = wrapped.count("\n") + 1
    fig.text(0.01, 0.005, wrapped, ha="left", va="bottom", fontsize=7.5, color="#555555")
    fig.tight_layout(rect=(0, 0.03 + 0.022 * n_lines, 1, 1))
    written = Saved()
    for fmt in FORMATS:
        target = out_dir / f"{name}.{fmt}"
        with io.atomic_path(target) as tmp, plt.rc_context(SAVE_PARAMS):
            fig.savefig(tmp, format=fmt, metadata=_METADATA[fmt])
        written[fmt] = target
    sidecar = f"{caption.strip()}\n\n{label}\n"
    written["txt"] = io.write_text(out_dir / f"{name}.txt", sidecar)
    _record(name, resources)
    return written


def _record(name: str, resources: list[str] | None = None) -> None:
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
    record = {"figure": name, "notebook": notebook, "cell": cell}
    if resources:  # only when named, so records of calls without data= stay as they were
        record["data"] = list(resources)
    io.write_json(paths.FIGURE_RECORDS / f"{name}.json", record)


def cell_key(source: str) -> str:
    """How a figure record names a notebook cell: the sha256 of its source, stripped of surrounding whitespace."""
    import hashlib

    return hashlib.sha256(source.strip().encode("utf-8")).hexdigest()
