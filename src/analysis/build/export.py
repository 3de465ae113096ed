"""Figures for reports: ``python -m analysis figures --format pdf|svg|png --out DIR [--only NAME ...]``.

The files in ``figures/`` are already report-ready: ``figures.save`` (the one saver) wrote them at report size
(6.5 in wide, text at least 8 pt; there is no separate screen size, the site scales the same PNG to its column),
checked for text size and colour-blind readability (``figures.check``), in the house style with fonts embedded in the PDF (TrueType, ``pdf.fonttype=42``), text kept as text in the SVG
(``svg.fonttype='none'``) and no timestamps, so the same notebook run gives the same bytes. Exporting therefore
copies them, unchanged, with each figure's caption + source sidecar (``NAME.txt``, ready to paste under the
figure). Copying keeps one writer per artefact: a figure is re-rendered only by re-running its notebook.
"""

from __future__ import annotations

import fnmatch
import shutil
from dataclasses import dataclass
from pathlib import Path

from analysis.core import figures, io, paths


class ExportError(ValueError):
    """A requested figure or format does not exist (the message names it and what exists)."""


@dataclass(frozen=True)
class Exported:
    name: str
    figure: Path
    sidecar: Path


def available(figures_dir: Path | None = None) -> list[str]:
    """Names (file stems) of the figures in ``figures/`` that have a caption sidecar."""
    figures_dir = Path(figures_dir or paths.FIGURES)
    return sorted(p.stem for p in figures_dir.glob("*.txt") if not p.name.startswith("."))


def select(only: list[str] | None = None, figures_dir: Path | None = None) -> list[str]:
    """The figures named by `only` (exact names, number prefixes like ``01`` or globs like ``05_ai_*``)."""
    names = available(figures_dir)
    if not only:
        return names
    chosen: list[str] = []
    for pattern in only:
        hits = [n for n in names if n == pattern or fnmatch.fnmatchcase(n, pattern)
                or (pattern.isdigit() and n.startswith(f"{pattern}_"))]
        if not hits:
            raise ExportError(f"no figure matches {pattern!r} in {figures_dir or paths.FIGURES}; "
                              f"have: {', '.join(names) or 'none (run the notebooks first)'}")
        chosen += [h for h in hits if h not in chosen]
    return chosen


def export(fmt: str, out_dir: str | Path, only: list[str] | None = None, *,
           figures_dir: Path | None = None) -> list[Exported]:
    """Copy the chosen figures in format `fmt` plus their ``.txt`` caption sidecars into `out_dir`.

    Parameters
    ----------
    fmt : ``"pdf"``, ``"svg"`` or ``"png"``.
    out_dir : target folder (created).
    only : figure names, number prefixes or globs; default: every figure.

    Returns the files written. The copies are byte-identical to ``figures/`` and so across runs.
    """
    if fmt not in figures.FORMATS:
        raise ExportError(f"format {fmt!r}: choose one of {', '.join(figures.FORMATS)}")
    figures_dir = Path(figures_dir or paths.FIGURES)
    out_dir = Path(out_dir).expanduser().resolve()
    if out_dir == figures_dir.resolve():
        raise ExportError(f"--out {out_dir} is the figures folder itself; choose another folder")
    ours = _created(out_dir)
    chosen = select(only, figures_dir)
    for name in chosen:  # refuse before writing anything: a file we did not create is never overwritten
        for target in (out_dir / f"{name}.{fmt}", out_dir / f"{name}.txt"):
            if target.exists() and target.name not in ours:
                raise ExportError(f"refusing to overwrite {target}: this command did not create it (not listed in "
                                  f"{out_dir / EXPORT_MARKER}); choose another folder or remove the file yourself")
    written = []
    for name in chosen:
        src = figures_dir / f"{name}.{fmt}"
        if not src.is_file():
            raise ExportError(f"figure {name}: {src} is missing; re-run the notebook {name[:2]} to write it "
                              "(figures.save writes PNG, SVG and PDF together)")
        target = out_dir / src.name
        with io.atomic_path(target) as tmp:
            shutil.copyfile(src, tmp)
        sidecar = io.write_text(out_dir / f"{name}.txt", (figures_dir / f"{name}.txt").read_text(encoding="utf-8"))
        written.append(Exported(name, target, sidecar))
        ours |= {target.name, sidecar.name}
        io.write_text(out_dir / EXPORT_MARKER, "\n".join(sorted(ours)) + "\n")  # after each: a kill loses none
    return written


EXPORT_MARKER = ".analysis-figures"  # the files this command created in an export folder, one name a line


def _created(out_dir: Path) -> set[str]:
    marker = out_dir / EXPORT_MARKER
    return set(marker.read_text(encoding="utf-8").split()) if marker.is_file() else set()
