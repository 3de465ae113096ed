"""Is the built site current? A digest of everything the site is built from, checked before anything heavy is
imported, so ``python -m analysis site`` after a run that restored every notebook takes a fraction of a second.

The inputs: the executed notebooks, the figures and their records, the verdicts and the claims report, the data
package, the text notebooks, the package's own source (page templates and assets included), ``CITATION.cff`` and
``requirements.lock`` (the Sphinx versions), the output folder and the build options. The output: the names and
sizes of the files in the built site, so a page deleted or edited by hand means a rebuild. The record of the last
build is ``build/cache/site.json``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from analysis.core import io, paths


def _tree(h, folder: Path, *, label: str) -> None:
    """Feed the relative path and the bytes of every file under `folder` (sorted; none if it is missing)."""
    h.update(f"\0{label}\0".encode())
    if not folder.is_dir():
        return
    for f in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".lock")
                    and "__pycache__" not in p.parts and not p.name.startswith(io.PARTIAL_PREFIX)):
        h.update(f.relative_to(folder).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())


def inputs_digest(out_dir: Path, executed_dir: Path, *, strict: bool) -> str:
    """sha256 of everything a site build into `out_dir` from `executed_dir` reads (see the module docstring)."""
    h = hashlib.sha256(json.dumps({"out": str(out_dir), "strict": strict}).encode())
    package = Path(__file__).resolve().parents[1]
    for label, folder in (("executed", executed_dir), ("figures", paths.FIGURES), ("records", paths.FIGURE_RECORDS),
                          ("verdicts", paths.VERDICTS), ("data", paths.DATA), ("notebooks", paths.NOTEBOOKS),
                          ("package", package)):
        _tree(h, Path(folder), label=label)
    for f in (paths.CLAIMS_REPORT, paths.ROOT / "CITATION.cff", paths.ROOT / "requirements.lock"):
        h.update(f"\0{f.name}\0".encode() + (hashlib.sha256(f.read_bytes()).digest() if f.is_file() else b"absent"))
    return h.hexdigest()


def output_digest(out_dir: Path) -> str:
    """sha256 of the built site's file names and sizes ("" if it has no landing page)."""
    if not (out_dir / "index.html").is_file():
        return ""
    h = hashlib.sha256()
    for f in sorted(p for p in out_dir.rglob("*") if p.is_file()):
        h.update(f"{f.relative_to(out_dir).as_posix()}\0{f.stat().st_size}\0".encode())
    return h.hexdigest()


def _record_path() -> Path:
    return paths.BUILD / "cache" / "site.json"


def is_current(out_dir: Path, inputs: str) -> bool:
    """True if the last build into `out_dir` had these inputs and its files are still as it left them."""
    try:
        last = json.loads(_record_path().read_text(encoding="utf-8")).get(str(out_dir), {})
    except (OSError, ValueError):
        return False
    return last.get("inputs") == inputs and bool(last.get("output")) and last["output"] == output_digest(out_dir)


def remember(out_dir: Path, inputs: str) -> None:
    """Record a finished build into `out_dir` from these inputs."""
    try:
        record = json.loads(_record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    record[str(out_dir)] = {"inputs": inputs, "output": output_digest(out_dir)}
    io.write_json(_record_path(), record)
